package app

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// TestAskDropsTheIssueMisstatements asks through `coveragebot ask` with a
// scripted OpenAI-compatible server that answers each question with a
// faithful sentence and one of the four misstatements quoted in issue #15,
// each citing the passage it distorts. The misstatement is removed with its
// reason; the faithful paraphrase stays.
func TestAskDropsTheIssueMisstatements(t *testing.T) {
	const paraphrase = "Starmer opened the call by restating the UK's firm backing for Ukraine for as long as needed"
	tests := []struct {
		question, needle, sentence, reason string
	}{
		{"What did Downing Street say Starmer told Zelenskyy?", "reiterating the UK’s concrete support",
			"Downing Street said Starmer did not reiterate the UK's support for Ukraine", "the source says reiterating, not not reiterate"},
		{"What did Zelenskyy say he informed Starmer about?", "I informed Prime Minister Starmer",
			"Zelenskyy said he had informed Trump about his discussion with Prime Minister Starmer", "Starmer before Trump, not Trump"},
		{"What did the clergy call the meeting of Trump and Zelenskyy?", "Pope Francis’s miracle",
			"Sir Tony Brenton said the meeting is being called Pope Francis's miracle by members of the clergy", "the source says this of Francesco Giordano, not Tony Brenton"},
		{"What did John Bolton say about concessions to Moscow?", "Endless concessions to Moscow",
			"John Bolton, Trump's national security adviser during his second term, said endless concessions to Moscow are a threat to American national security", "the source says first, not second"},
	}
	c, srv := cliWithModelAndRules(t)
	paraphrasesKept := 0
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			srv.SetDefaultChat(func(req fakeopenai.ChatRequest) string {
				reply := fmt.Sprintf("%s [%d].", tt.sentence, sourceWith(req, tt.needle))
				if n := sourceWith(req, "reiterating the UK’s concrete support"); n > 0 {
					reply = fmt.Sprintf("%s [%d]. %s", paraphrase, n, reply)
				}
				return reply
			})
			a := decodeAnswer(t, c.mustRun("ask", "--json", tt.question))
			text := ""
			if a.Answer != nil {
				text = *a.Answer
			}
			if strings.Contains(text, tt.sentence) {
				t.Errorf("the misstatement stands: %q", text)
			}
			var found bool
			for _, ck := range a.Checks {
				if strings.HasPrefix(ck.Sentence, tt.sentence) {
					found = true
					if ck.Kept || !strings.Contains(ck.Reason, tt.reason) {
						t.Errorf("check %+v, want dropped because %q", ck, tt.reason)
					}
				}
				if strings.HasPrefix(ck.Sentence, paraphrase) {
					if !ck.Kept || !strings.Contains(text, paraphrase) {
						t.Errorf("the faithful paraphrase was dropped: %+v", ck)
					}
					paraphrasesKept++
				}
			}
			if !found || len(a.Dropped) == 0 || a.VerifiedBy != "rules" {
				t.Errorf("checks %+v, dropped %q, verified by %q", a.Checks, a.Dropped, a.VerifiedBy)
			}
			if a.Abstained && !strings.Contains(text, "could not be verified") {
				t.Errorf("abstention does not say the answer could not be verified: %q", text)
			}
			// People see how many sentences went and why.
			out := c.mustRun("ask", tt.question)
			if !strings.Contains(out, "1 sentence removed: ") || !strings.Contains(out, tt.reason) {
				t.Errorf("text output lacks the removal note:\n%s", out)
			}
		})
	}
	if paraphrasesKept == 0 {
		t.Error("no answer held the faithful paraphrase")
	}
}

// TestAskWithTheJudge: with a chat model and COVERAGEBOT_VERIFY unset the
// judge runs, in one call after the answer; when it fails the rules decide
// and the answer still arrives.
func TestAskWithTheJudge(t *testing.T) {
	srv := fakeopenai.New()
	defer srv.Close()
	srv.SetDefaultChat(func(req fakeopenai.ChatRequest) string {
		if strings.Contains(req.Messages[0].Content, "BEGIN PAIRS") {
			return `[{"pair":1,"label":"supported","reason":""},{"pair":2,"label":"contradicted","reason":"the passage says he is an envoy, not a baker"}]`
		}
		n := sourceWith(req, "John Coale")
		return fmt.Sprintf("John Coale is Mr Trump’s deputy Ukraine envoy [%d]. He said NATO membership for Ukraine was still on the table [%d].", n, n)
	})
	c := newCLI(t)
	c.env["OPENAI_BASE_URL"] = srv.URL()
	c.env["COVERAGEBOT_CHAT_MODEL"] = "test-model"

	before := srv.Count("/v1/chat/completions")
	a := decodeAnswer(t, c.mustRun("ask", "--json", "Who is John Coale?"))
	if calls := srv.Count("/v1/chat/completions") - before; calls != 2 {
		t.Errorf("%d chat calls, want the answer and one judge call", calls)
	}
	if a.VerifiedBy != "model" || len(a.Checks) != 2 || a.Checks[1].Kept || a.Checks[1].Reason != "the passage says he is an envoy, not a baker" {
		t.Fatalf("verified by %q, checks %+v", a.VerifiedBy, a.Checks)
	}
	if a.Abstained || !strings.Contains(*a.Answer, "deputy Ukraine envoy [1]") {
		t.Errorf("answer = %+v", a)
	}

	// The judge fails: the rules decide, and the answer arrives.
	srv.QueueChat(fakeopenai.ChatReply{Content: fmt.Sprintf("John Coale is Mr Trump’s deputy Ukraine envoy [%d].", 1)}, fakeopenai.ChatReply{Status: 400})
	out, errs, code := c.run("ask", "--json", "Who is John Coale?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	a = decodeAnswer(t, out)
	if a.VerifiedBy != "rules-fallback" || a.Answer == nil {
		t.Errorf("after a failed judge: verified by %q, answer %+v", a.VerifiedBy, a)
	}
	if !strings.Contains(errs, "model judge did not label the answer") {
		t.Errorf("no log line says the judge failed:\n%s", errs)
	}
}

// TestEvalClaimsFailures runs eval --claims on a small set: the table
// counts both halves, row by kind even where only one half has a kind,
// --failures lists the tune half's wrong claims only, and --failures-half
// check the other half's.
func TestEvalClaimsFailures(t *testing.T) {
	c := newCLI(t)
	set := filepath.Join(c.dir, "claims.jsonl")
	passage := `{"source":"seed","article":"x","text":"Voters in Kansas rejected the measure on Tuesday."}`
	lines := []string{
		`{"id":"t1","sentence":"Voters in Kansas rejected the measure on Tuesday.","passages":[` + passage + `],"label":"faithful","kind":"verbatim-ish","split":"tune"}`,
		`{"id":"t2","sentence":"Voters in Kansas voted on Tuesday.","passages":[` + passage + `],"label":"misstatement","kind":"addition","split":"tune"}`,
		`{"id":"k1","sentence":"In Kansas, voters rejected the measure on Tuesday.","passages":[` + passage + `],"label":"faithful","kind":"verbatim-ish","split":"check"}`,
		`{"id":"k2","sentence":"Kansas voters voted on Tuesday.","passages":[` + passage + `],"label":"misstatement","kind":"addition","split":"check"}`,
		`{"id":"k3","sentence":"Voters in Kansas approved the measure on Tuesday.","passages":[` + passage + `],"label":"misstatement","kind":"antonym","split":"check"}`,
	}
	if err := os.WriteFile(set, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := c.mustRun("eval", "--claims", set, "--failures")
	if !strings.Contains(out, "all faithful") || !strings.Contains(out, "wrong on the tune half") {
		t.Fatalf("eval --claims --failures printed no table or no tune listing:\n%s", out)
	}
	// A kind only one half has gets a row of its own, a dash in the other.
	if !regexp.MustCompile(`antonym\s+-\s+1/1\s+100%`).MatchString(out) {
		t.Errorf("the antonym row should read - on tune and 1/1 on check:\n%s", out)
	}
	if !strings.Contains(out, " t2 ") || strings.Contains(out, " k2 ") {
		t.Errorf("--failures should list the tune half's wrong claim t2 and nothing of the check half:\n%s", out)
	}
	if out := c.mustRun("eval", "--claims", set, "--failures", "--failures-half", "check"); !strings.Contains(out, " k2 ") || strings.Contains(out, " t2 ") {
		t.Errorf("--failures-half check should list k2 only:\n%s", out)
	}
	// A corpus named on the command line that is not there is an error,
	// not a table scored without the titles it was asked for.
	missing := filepath.Join(c.dir, "no-such-corpus.jsonl")
	if out, errs, code := c.run("eval", "--claims", set, "--corpus", missing); code == 0 || !strings.Contains(errs, "no-such-corpus.jsonl") {
		t.Errorf("eval --claims with a missing --corpus: exit %d, stderr %q, stdout %q", code, errs, out)
	}
}

// TestAskReadsOtherModelsCitations asks through `coveragebot ask` with a
// scripted OpenAI-compatible server whose model cites the way other models
// do: lenticular brackets with a dagger label, Markdown footnotes with their
// definitions, a list of sources appended under a heading, "(Source 1)"
// in an answer framed by a heading, a lead-in and a closing word to the
// reader, one group closing a paragraph of two sentences, and a last line
// that only cites. The answer keeps its sentences with the project's own markers and
// sources, and nothing is reported removed.
func TestAskReadsOtherModelsCitations(t *testing.T) {
	const (
		question = "What did Starmer tell Zelenskyy about NATO?"
		needle   = "has told Volodymyr Zelenskyy"
		sentence = "Starmer told Zelenskyy that Ukraine is still on an irreversible path to joining NATO"
	)
	c, srv := cliWithModelAndRules(t)
	for name, reply := range map[string]string{
		"lenticular": "%[1]s【%[2]d†source】.",
		"footnotes":  "%[1]s[^%[2]d].\n\n[^%[2]d]: Sky News, 14 February 2025",
		"a list":     "%[1]s [%[2]d].\n\n**Sources:**\n- [%[2]d] Ukraine still on ‘irreversible path’ to NATO, Starmer tells Zelenskyy (Sky News)",
		"framed":     "## Answer\n\nBased on the sources provided:\n\n%[1]s (Source %[2]d).\n\nI hope this helps!",
		"paragraph":  "%[1]s. Zelenskyy was told by Starmer. [%[2]d]",
		"trailer":    "%[1]s.\n\nSources: [%[2]d]",
	} {
		t.Run(name, func(t *testing.T) {
			srv.SetDefaultChat(func(req fakeopenai.ChatRequest) string {
				return fmt.Sprintf(reply, sentence, sourceWith(req, needle))
			})
			a := decodeAnswer(t, c.mustRun("ask", "--json", question))
			want := sentence + " [1]."
			if name == "paragraph" {
				want = sentence + " [1]. Zelenskyy was told by Starmer. [1]"
			}
			if a.Answer == nil || *a.Answer != want || a.Abstained {
				t.Errorf("answer %v (abstained %v), want %q", a.Answer, a.Abstained, want)
			}
			if len(a.Dropped) != 0 || len(a.Citations) != 1 {
				t.Errorf("dropped %q, %d citations; want nothing dropped and one citation", a.Dropped, len(a.Citations))
			}
			if out := c.mustRun("ask", question); strings.Contains(out, "removed") {
				t.Errorf("text output reports a removal:\n%s", out)
			}
		})
	}
}

// cliWithModelAndRules is a CLI whose chat model is a scripted
// OpenAI-compatible server on loopback (closed when the test ends), with
// the citation check left to the rules.
func cliWithModelAndRules(t *testing.T) (*cli, *fakeopenai.Server) {
	srv := fakeopenai.New()
	t.Cleanup(srv.Close)
	c := newCLI(t)
	c.env["OPENAI_BASE_URL"] = srv.URL()
	c.env["COVERAGEBOT_CHAT_MODEL"] = "test-model"
	c.env["COVERAGEBOT_VERIFY"] = "rules"
	return c, srv
}
