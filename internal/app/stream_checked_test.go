package app

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// The streamed reply of these tests: its second sentence misstates the
// passage all three cite (the passage says NATO membership was still on the
// table), and the citation check drops it.
const misstated = "Coale said on Thursday that NATO membership for Ukraine was no longer on the table"

func replyWithAMisstatement(req fakeopenai.ChatRequest) string {
	n := sourceWith(req, "envoy John Coale")
	if n == 0 {
		return "The sources don't say."
	}
	return fmt.Sprintf("John Coale is Mr Trump’s deputy Ukraine envoy [%d]. %s [%d]. He said NATO membership for Ukraine was still “on the table” [%d].", n, misstated, n, n)
}

// TestServeStreamsOnlyCheckedSentences: the model writes slowly enough for
// Discord to show the answer while it is written; no edit of the message,
// in progress or final, ever shows the sentence the check drops, and the
// kept ones do show before the answer is done. Real discordgo against the
// fake Discord, real go-openai against the fake model.
func TestServeStreamsOnlyCheckedSentences(t *testing.T) {
	s := startServed(t, nil)
	s.llm.SetDefaultChat(replyWithAMisstatement)
	// About three seconds for the reply: the bot edits its message at most
	// once a second, so several edits fall while it is written.
	s.llm.SetChunkDelay(150 * time.Millisecond)
	_, token := s.discord.SendInteraction(fakediscord.Interaction{
		Type: 2, GuildID: testGuild, ChannelID: testChannel, UserID: testUser, Username: "reader",
		Name: "ask", Options: []fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: "Who is John Coale?"}},
	})
	s.waitCall(func(c fakediscord.Call) bool {
		return strings.Contains(c.Route, token) && c.Method == http.MethodPatch && strings.Contains(string(c.Body), "Sources")
	})
	var progress, final []string
	for _, c := range s.discord.InteractionResponses(token) {
		body := string(c.Body)
		if strings.Contains(body, "no longer") {
			t.Errorf("%s %s shows the dropped sentence: %.400s", c.Method, c.Route, body)
		}
		if c.Method == http.MethodPatch {
			if strings.Contains(body, "Sources") {
				final = append(final, body)
			} else {
				progress = append(progress, body)
			}
		}
	}
	if len(final) == 0 || !strings.Contains(final[len(final)-1], "deputy Ukraine envoy") || !strings.Contains(final[len(final)-1], "1 sentence removed") {
		t.Fatalf("final answer %q lacks the kept sentences or the removal note", final)
	}
	sawSentence := false
	for _, p := range progress {
		if strings.Contains(p, "deputy Ukraine envoy") {
			sawSentence = true
		}
	}
	if !sawSentence {
		t.Errorf("no progress edit showed a kept sentence before the answer was done: %q", progress)
	}
}

// TestAskStreamsOnlyCheckedSentences: on a terminal, `coveragebot ask`
// prints the answer as it is written; nothing it prints is the sentence the
// check drops, and the answer is printed once, with its sources.
func TestAskStreamsOnlyCheckedSentences(t *testing.T) {
	srv := fakeopenai.New()
	defer srv.Close()
	srv.SetDefaultChat(replyWithAMisstatement)
	srv.SetChunkDelay(5 * time.Millisecond)
	c := newCLI(t)
	c.env["OPENAI_BASE_URL"] = srv.URL()
	c.env["COVERAGEBOT_CHAT_MODEL"] = "test-model"
	c.env["COVERAGEBOT_VERIFY"] = "rules"
	c.mustRun("ingest") // so that the streamed run below prints only the answer

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	printed := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(r)
		printed <- string(b)
	}()
	isTerm := termIsTerminal
	termIsTerminal = func(fd int) bool { return fd == int(w.Fd()) || isTerm(fd) }
	defer func() { termIsTerminal = isTerm }()
	var errb strings.Builder
	code := Main(t.Context(), []string{"ask", "Who is John Coale?"}, Env{
		Getenv: func(k string) string { return c.env[k] }, Stdout: w, Stderr: &errb, Version: "test",
	})
	w.Close()
	out := <-printed
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errb.String(), out)
	}
	if strings.Contains(out, "no longer") {
		t.Errorf("the dropped sentence was printed:\n%s", out)
	}
	if strings.Count(out, "deputy Ukraine envoy") != 1 || !strings.Contains(out, "1 sentence removed") || !strings.Contains(out, "Sources:") {
		t.Errorf("want the checked answer once, its removal note and its sources:\n%s", out)
	}
}
