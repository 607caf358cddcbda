package app

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/bot"
	"github.com/coveragebot/coveragebot/internal/fakediscord"
)

// With COVERAGEBOT_STORE_FEEDBACK on, a 👎 and its reason clicked in
// Discord are stored with the question, answer and citations, and
// `coveragebot feedback` lists them, as text and as JSON.
func TestServeStoresFeedbackForTheFeedbackCommand(t *testing.T) {
	c := newCLI(t)
	s := startServedIn(t, c, map[string]string{"COVERAGEBOT_STORE_FEEDBACK": "true"})
	id, token := s.discord.SendInteraction(fakediscord.Interaction{
		Type: 2, GuildID: testGuild, ChannelID: testChannel, UserID: testUser, Username: "reader",
		Name: "ask", Options: []fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: "Who is John Coale?"}},
	})
	s.waitCall(func(c fakediscord.Call) bool {
		return strings.Contains(c.Route, token+"/messages/@original") && strings.Contains(string(c.Body), "👍")
	})
	_, vote := s.discord.SendInteraction(fakediscord.Interaction{GuildID: testGuild, ChannelID: testChannel, UserID: testUser, CustomID: "fb:" + id + ":down"})
	s.waitCall(func(c fakediscord.Call) bool {
		return c.Method == http.MethodPost && strings.Contains(c.Route, vote) && strings.HasPrefix(c.Route, "/webhooks/")
	})
	_, reason := s.discord.SendInteraction(fakediscord.Interaction{GuildID: testGuild, ChannelID: testChannel, UserID: testUser, CustomID: "fbr:" + id + ":outdated"})
	s.waitCall(func(c fakediscord.Call) bool { return strings.Contains(c.Route, reason+"/callback") })
	s.stop() // waits for the handlers

	var records []bot.Feedback
	if err := json.Unmarshal([]byte(c.mustRun("feedback", "--json")), &records); err != nil {
		t.Fatal(err)
	}
	if len(records) != 2 {
		t.Fatalf("feedback --json listed %d records, want 2: %+v", len(records), records)
	}
	for i, f := range records {
		if f.AnswerID != id || f.Vote != "down" || f.Question != "Who is John Coale?" ||
			!strings.Contains(f.Answer, "deputy Ukraine envoy") || len(f.Citations) == 0 || f.Citations[0].URL == "" && f.Citations[0].Title == "" {
			t.Errorf("record %d = %+v", i, f)
		}
	}
	if records[0].Reason != "" || records[1].Reason != "outdated" {
		t.Errorf("reasons %q, %q; want none, then outdated", records[0].Reason, records[1].Reason)
	}
	text := c.mustRun("feedback")
	if !strings.Contains(text, "0 👍, 1 👎 (wrong 0, out of date 1, missing a source 0)") || !strings.Contains(text, "Who is John Coale?") {
		t.Errorf("feedback printed:\n%s", text)
	}

	// A line cut short by a crash is reported and skipped, not fatal.
	path := filepath.Join(c.index, "feedback.jsonl")
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"time":"2025-`)
	f.Close()
	out, errs, code := c.run("feedback", "--json")
	if code != 0 || !strings.Contains(errs, "line 3 is not a feedback record") || !strings.Contains(out, "deputy Ukraine envoy") {
		t.Errorf("with a broken line: code %d, stderr %q", code, errs)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("feedback file mode %v, %v; want 0600 (it holds what people wrote)", info.Mode(), err)
	}
}

// Without the setting nothing is stored, and the command says how to turn
// it on.
func TestFeedbackCommandWithoutStoredVotes(t *testing.T) {
	c := newCLI(t)
	out, errs, code := c.run("feedback")
	if code != 0 || !strings.Contains(errs, "COVERAGEBOT_STORE_FEEDBACK=true") || !strings.Contains(out, "0 👍, 0 👎") {
		t.Errorf("feedback without votes: code %d, stdout %q, stderr %q", code, out, errs)
	}
	if out := c.mustRun("feedback", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("feedback --json = %q, want []", out)
	}
}
