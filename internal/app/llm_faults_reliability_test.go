package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// coaleAnswer is what the fake model says when it answers well.
const coaleAnswer = "John Coale is Mr Trump’s deputy Ukraine envoy [1]. He said NATO membership for Ukraine was still “on the table” [1]."

// TestLLMFaultsReachUsersAsClearReplies asks /ask through the App while the
// model endpoint fails in each way real ones do. A fault that a retry can
// cure ends in the answer; one that cannot ends in a short apology that
// quotes the request id, never in a half answer shown as complete, and
// never in a crash: the App answers normally afterwards.
func TestLLMFaultsReachUsersAsClearReplies(t *testing.T) {
	s := startServed(t, map[string]string{"COVERAGEBOT_USER_RATE": "off"})
	huge := strings.Repeat("John Coale is Mr Trump’s deputy Ukraine envoy [1]. ", 2000) // ~100 KB, past the 64 KiB cap
	tests := []struct {
		name    string
		replies []fakeopenai.ChatReply
		// want is "answer" or "failed"; requests is how many reach the model.
		want     string
		requests int
	}{
		{"429 with Retry-After, then success", []fakeopenai.ChatReply{{Status: 429, RetryAfter: "1"}}, "answer", 2},
		{"500, then success", []fakeopenai.ChatReply{{Status: 500}}, "answer", 2},
		{"503 with an HTML body, then success", []fakeopenai.ChatReply{{Status: 503, ContentType: "text/html",
			Body: "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503</h1></center><hr>nginx</body></html>"}}, "answer", 2},
		{"connection reset, then success", []fakeopenai.ChatReply{{Reset: true}}, "answer", 2},
		{"stream cut off halfway", []fakeopenai.ChatReply{{Content: coaleAnswer, ChunkSize: 12, CutAfter: 4}}, "failed", 1},
		{"stream cut off cleanly halfway", []fakeopenai.ChatReply{{Content: coaleAnswer, ChunkSize: 12, CutAfter: 4, CleanCut: true}}, "failed", 1},
		{"invalid JSON in the stream", []fakeopenai.ChatReply{{Body: "data: {\"choices\": [{\"delta\": {\"content\": \n\n", ContentType: "text/event-stream"}}, "failed", 1},
		{"empty completion", []fakeopenai.ChatReply{{Content: ""}}, "failed", 1},
		{"huge completion", []fakeopenai.ChatReply{{Content: huge, ChunkSize: 4096}}, "failed", 1},
		{"stopped at the token limit", []fakeopenai.ChatReply{{Content: "John Coale is Mr Trump’s deputy", FinishReason: "length"}}, "failed", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := len(s.llm.Requests())
			s.llm.QueueChat(tc.replies...)
			token := s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?")
			o := s.waitOutcome(token)
			if o.kind != tc.want {
				t.Fatalf("ended %q, want %q: %q", o.kind, tc.want, o.text)
			}
			if got := len(s.llm.Requests()) - before; got != tc.requests {
				t.Errorf("%d requests reached the model, want %d", got, tc.requests)
			}
			if chat, _ := s.llm.Pending(); chat != 0 {
				t.Errorf("%d scripted replies were not used", chat)
			}
			switch tc.want {
			case "answer":
				if !strings.Contains(o.text, "deputy Ukraine envoy") {
					t.Errorf("answer %q", o.text)
				}
			case "failed":
				rec := s.interaction(token)
				if !strings.Contains(o.text, "(ref "+rec.ID+")") {
					t.Errorf("the apology does not quote the request id %s: %q", rec.ID, o.text)
				}
				for _, leak := range []string{"127.0.0.1", "HTTP", "openai", "bad response", "incomplete", "deputy"} {
					if strings.Contains(o.text, leak) {
						t.Errorf("the apology shows %q: %q", leak, o.text)
					}
				}
				if len(o.msg.Embeds) != 0 || isFinalAnswer(o.msg.MessageBody) {
					t.Errorf("parts of the half answer are left in the final message: %+v", o.msg.MessageBody)
				}
				t.Logf("%d edits before the apology replaced them", o.msg.Edits)
			}
		})
	}
	t.Run("the App still answers", func(t *testing.T) {
		if o := s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?")); o.kind != "answer" {
			t.Fatalf("ended %q: %q", o.kind, o.text)
		}
	})
	s.assertNoPings()
}

// interaction returns the record of the interaction with token.
func (s *served) interaction(token string) fakediscord.InteractionRecord {
	s.t.Helper()
	for _, rec := range s.discord.Interactions() {
		if rec.Token == token {
			return rec
		}
	}
	s.t.Fatalf("no interaction with token %s", token)
	return fakediscord.InteractionRecord{}
}

// A model slower than COVERAGEBOT_ANSWER_TIMEOUT: the question is given up
// at the deadline with a message that says so, and the request to the model
// is abandoned rather than left running.
func TestLLMSlowerThanTheAnswerDeadline(t *testing.T) {
	s := startServed(t, map[string]string{"COVERAGEBOT_ANSWER_TIMEOUT": "1s"})
	s.llm.QueueChat(fakeopenai.ChatReply{Content: coaleAnswer, Delay: time.Hour})
	o := s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?"))
	if o.kind != "failed" || !strings.Contains(o.text, "took too long") {
		t.Fatalf("ended %q: %q; want the timeout apology", o.kind, o.text)
	}
	if o := s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?")); o.kind != "answer" {
		t.Fatalf("the next question ended %q: %q", o.kind, o.text)
	}
}

// TestCircuitBreakerStopsHammeringADeadModel: once the endpoint has failed
// five times in a row (one question, retried), further questions fail at
// once without a request reaching it. In long mode the test also waits out
// the 30 s cooldown and sees the next question answered by the probe;
// rag/openai's TestEngineBreakerRecovers shows the recovery in short mode.
func TestCircuitBreakerStopsHammeringADeadModel(t *testing.T) {
	s := startServed(t, map[string]string{"COVERAGEBOT_USER_RATE": "off"})
	dead := fakeopenai.ChatReply{Status: 500, RetryAfter: "0"} // retried at once: the test need not wait out backoff
	s.llm.QueueChat(dead, dead, dead, dead, dead)
	o := s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?"))
	if o.kind != "failed" {
		t.Fatalf("first question ended %q: %q", o.kind, o.text)
	}
	if n := s.llm.Count("/v1/chat/completions"); n != 5 {
		t.Fatalf("%d requests for the first question, want 5 (one and four retries)", n)
	}
	// The endpoint would answer now, but the breaker is open: nothing is sent.
	for i := 0; i < 3; i++ {
		if o := s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?")); o.kind != "failed" {
			t.Fatalf("question %d with the circuit open ended %q: %q", i+2, o.kind, o.text)
		}
	}
	if n := s.llm.Count("/v1/chat/completions"); n != 5 {
		t.Errorf("%d requests in all; the open circuit let %d through", n, n-5)
	}
	if errs := s.metricSum("coveragebot_llm_errors_total"); errs != 4 {
		t.Errorf("coveragebot_llm_errors_total = %v, want 4", errs)
	}
	if !longTests() {
		return
	}
	time.Sleep(31 * time.Second) // rag/openai.DefaultCooldown and a margin
	if o := s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?")); o.kind != "answer" {
		t.Fatalf("after the cooldown the question ended %q: %q", o.kind, o.text)
	}
	if n := s.llm.Count("/v1/chat/completions"); n != 6 {
		t.Errorf("%d requests in all, want 6 (one probe after the cooldown)", n)
	}
}

// TestEmbeddingFaultsLeaveTheIndexUnchanged ingests with an OpenAI-compatible
// embedder that answers with vectors of the wrong size, or one vector too
// few: the ingest fails with a clear error, and the index on disk is byte
// for byte what it was. A question whose embedding comes back wrong gets an
// error, not an answer from a garbled vector.
func TestEmbeddingFaultsLeaveTheIndexUnchanged(t *testing.T) {
	c := newCLI(t)
	llm := fakeopenai.New()
	defer llm.Close()
	c.env["OPENAI_BASE_URL"] = llm.URL()
	c.env["COVERAGEBOT_EMBED_MODEL"] = "fake-embed"
	c.env["COVERAGEBOT_CHAT_MODEL"] = "none"
	c.mustRun("ingest")
	snap := filepath.Join(c.index, "index.cbx")
	good, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	sources := c.mustRun("sources")

	extra := "---\ntitle: Late news\noutlet: Test Wire\npublished: 2025-04-27\n---\n\n" +
		"The envoy John Coale met officials in Kyiv on Sunday to discuss the ceasefire proposal.\n"
	if err := os.WriteFile(filepath.Join(c.data, "late-news.md"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		reply fakeopenai.EmbedReply
		want  string
	}{
		{"wrong dimension", fakeopenai.EmbedReply{Dimensions: fakeopenai.DefaultDimensions / 2}, "dimension"},
		{"one vector short", fakeopenai.EmbedReply{DropOne: true}, "bad response"},
		{"invalid JSON", fakeopenai.EmbedReply{Body: `{"data": [{"embedding": [0.1, `}, "invalid JSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			llm.QueueEmbeddings(tc.reply)
			out, errs, code := c.run("ingest")
			if code != exitError || !strings.Contains(strings.ToLower(errs), strings.ToLower(tc.want)) {
				t.Fatalf("exit %d, stderr %q, stdout %q; want exit %d naming %q", code, errs, out, exitError, tc.want)
			}
			now, err := os.ReadFile(snap)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(now, good) {
				t.Error("the index file changed after a failed ingest")
			}
			if got := c.mustRun("sources"); got != sources {
				t.Errorf("sources changed after a failed ingest:\n%s\nwant\n%s", got, sources)
			}
		})
	}
	t.Run("question embedding of the wrong size", func(t *testing.T) {
		llm.QueueEmbeddings(fakeopenai.EmbedReply{Dimensions: 8})
		out, errs, code := c.run("ask", "Who is John Coale?")
		if code != exitError || errs == "" {
			t.Fatalf("exit %d, stdout %q, stderr %q; want an error", code, out, errs)
		}
	})
	// With the endpoint well again, the article goes in.
	out := c.mustRun("ingest")
	if !strings.Contains(c.mustRun("sources"), "Late news") {
		t.Errorf("the article is missing after a good ingest: %s", out)
	}
}
