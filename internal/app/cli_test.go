package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// cli runs Main in a sandbox: its own index directory, a copy of the
// repository's data/, and the environment given.
type cli struct {
	t     *testing.T
	dir   string
	data  string
	index string
	env   map[string]string
}

func newCLI(t *testing.T) *cli {
	t.Helper()
	dir := t.TempDir()
	c := &cli{t: t, dir: dir, data: filepath.Join(dir, "data"), index: filepath.Join(dir, "index")}
	if err := os.CopyFS(c.data, os.DirFS("../../data")); err != nil {
		t.Fatal(err)
	}
	c.env = map[string]string{
		"COVERAGEBOT_INDEX": c.index,
		"COVERAGEBOT_DATA":  c.data,
	}
	return c
}

func (c *cli) run(args ...string) (stdout, stderr string, code int) {
	c.t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, Env{
		Getenv:  func(k string) string { return c.env[k] },
		Stdout:  &out,
		Stderr:  &errb,
		Version: "test",
	})
	return out.String(), errb.String(), code
}

func (c *cli) mustRun(args ...string) string {
	c.t.Helper()
	out, errs, code := c.run(args...)
	if code != 0 {
		c.t.Fatalf("coveragebot %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func decodeAnswer(t *testing.T, out string) jsonAnswer {
	t.Helper()
	var a jsonAnswer
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return a
}

func TestAskAnswersFromAFreshClone(t *testing.T) {
	c := newCLI(t)
	tests := []struct {
		question, want, article string
	}{
		{"Who is John Coale?", "deputy Ukraine envoy", "starmer-zelenskyy-call"},
		{"What did Macron post on X?", "unconditional ceasefire", "trump-zelenskyy-basilica"},
		{"How long did the meeting in St Peter's last?", "15 minutes", "trump-zelenskyy-basilica"},
		{"What did Starmer tell Zelenskyy about NATO?", "irreversible path", "starmer-zelenskyy-call"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a := decodeAnswer(t, c.mustRun("ask", tt.question, "--json"))
			if a.Abstained || a.Mode != "extractive" || a.Answer == nil || !strings.Contains(*a.Answer, tt.want) {
				t.Fatalf("answer = %+v", a)
			}
			found := false
			for _, cit := range a.Citations {
				if cit.ArticleID == tt.article && strings.Contains(cit.Passage, tt.want) {
					found = true
				}
				if !strings.Contains(*a.Answer, fmt.Sprintf("[%d]", cit.N)) {
					t.Errorf("citation %d is not used in the answer", cit.N)
				}
			}
			if !found {
				t.Errorf("no citation of %s holding %q: %+v", tt.article, tt.want, a.Citations)
			}
		})
	}
}

// Run where there is neither an index nor a data directory (a new user in
// the wrong directory), ask says what to do rather than "stat data: no such
// file or directory"; ingest names the path it could not find, once.
func TestAskWithNeitherIndexNorDataSaysWhatToDo(t *testing.T) {
	c := newCLI(t)
	c.env["COVERAGEBOT_DATA"] = filepath.Join(c.dir, "no-such-dir")
	_, errs, code := c.run("ask", "Who is John Coale?")
	if code == 0 || !strings.Contains(errs, "no directory "+c.env["COVERAGEBOT_DATA"]+" to build one from") || !strings.Contains(errs, "COVERAGEBOT_DATA") {
		t.Errorf("ask: exit %d, stderr %q", code, errs)
	}
	_, errs, code = c.run("ingest")
	if code == 0 || !strings.Contains(errs, c.env["COVERAGEBOT_DATA"]+": no such file or directory") || strings.Contains(errs, "load") {
		t.Errorf("ingest: exit %d, stderr %q", code, errs)
	}
}

// The README's first command answers with the sentence that says it, not
// its article's headline followed by the same fact again.
func TestAskReadmeExampleSaysItOnce(t *testing.T) {
	c := newCLI(t)
	a := decodeAnswer(t, c.mustRun("ask", "What did Starmer tell Zelenskyy about NATO?", "--json"))
	if a.Answer == nil || strings.Contains(*a.Answer, "Starmer tells Zelenskyy") || len(a.Citations) != 1 {
		t.Errorf("answer = %+v", a)
	}
}

func TestAskJSONContract(t *testing.T) {
	c := newCLI(t)
	out := c.mustRun("ask", "--json", "Who is John Coale?")
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"question", "answer", "abstained", "citations", "mode"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("missing %q in %s", k, out)
		}
	}
	cits := raw["citations"].([]any)
	if len(cits) == 0 {
		t.Fatal("no citations")
	}
	for _, k := range []string{"n", "article_id", "title", "outlet", "url", "published", "passage"} {
		if _, ok := cits[0].(map[string]any)[k]; !ok {
			t.Errorf("citation lacks %q", k)
		}
	}
	if raw["question"] != "Who is John Coale?" || cits[0].(map[string]any)["published"] != "2025-02-14" {
		t.Errorf("unexpected values: %s", out)
	}

	sum := c.mustRun("summary", "--all", "--json")
	var s map[string]any
	if err := json.Unmarshal([]byte(sum), &s); err != nil {
		t.Fatal(err)
	}
	if _, ok := s["summary"]; !ok {
		t.Errorf("summary --json has no summary field: %s", sum)
	}
	if _, ok := s["answer"]; ok {
		t.Errorf("summary --json has an answer field: %s", sum)
	}
	if len(s["citations"].([]any)) < 2 {
		t.Errorf("summary of everything cites %d passages", len(s["citations"].([]any)))
	}
}

func TestAskAbstainsWhenTheCoverageIsSilent(t *testing.T) {
	c := newCLI(t)
	for _, q := range []string{"Who won the 2022 World Cup?", "What did the Pope say about Bitcoin?"} {
		a := decodeAnswer(t, c.mustRun("ask", "--json", q))
		if !a.Abstained || len(a.Citations) != 0 {
			t.Errorf("%q: want an abstention, got %+v", q, a)
		}
	}
}

func TestAskRefusesBadQuestions(t *testing.T) {
	c := newCLI(t)
	for name, q := range map[string]string{
		"empty":      "",
		"whitespace": " \t\n ",
		"controls":   "\x00\x01\u200b",
		"huge":       strings.Repeat("war ", 2500),
	} {
		t.Run(name, func(t *testing.T) {
			_, errs, code := c.run("ask", q)
			if code != exitUsage || errs == "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
		})
	}
	if _, errs, code := c.run("ask"); code != exitUsage || !strings.Contains(errs, "give a question") {
		t.Errorf("no question: exit %d, %q", code, errs)
	}
}

func TestIngestReportsSkippedFilesAndKeepsTheRest(t *testing.T) {
	c := newCLI(t)
	bad := filepath.Join(c.data, "broken.md")
	if err := os.WriteFile(bad, []byte("---\ntitle: [unclosed\n---\nbody"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := c.run("ingest")
	if code != exitSkipped {
		t.Fatalf("exit %d, want %d\n%s\n%s", code, exitSkipped, out, errs)
	}
	if !strings.Contains(errs, "broken.md") {
		t.Errorf("stderr does not name the bad file: %s", errs)
	}
	src := c.mustRun("sources")
	if !strings.Contains(src, "5 articles") {
		t.Errorf("sources after a partial ingest:\n%s", src)
	}

	// Nothing changed: nothing is embedded again.
	os.Remove(bad)
	out = c.mustRun("ingest")
	if !strings.Contains(out, "nothing embedded") {
		t.Errorf("second ingest: %s", out)
	}
}

func TestSourcesListsTheSeedNewestFirst(t *testing.T) {
	c := newCLI(t)
	out := c.mustRun("sources")
	first := strings.Index(out, "trump-zelenskyy-basilica")
	last := strings.Index(out, "uk-pushes-back-on-trump")
	if first < 0 || last < 0 || first > last || !strings.Contains(out, "newest 2025-04-26") {
		t.Errorf("sources:\n%s", out)
	}
}

func TestCorruptIndexSaysHowToRebuild(t *testing.T) {
	c := newCLI(t)
	c.mustRun("ingest")
	snap := filepath.Join(c.index, "index.cbx")
	data, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(snap, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := c.run("ask", "Who is John Coale?")
	if code != exitError || !strings.Contains(errs, "corrupt") || !strings.Contains(errs, "ingest --rebuild") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	c.mustRun("ingest", "--rebuild")
	a := decodeAnswer(t, c.mustRun("ask", "--json", "Who is John Coale?"))
	if a.Abstained {
		t.Error("no answer after rebuild")
	}
}

// sourceWith finds the number of the source in a chat request whose text
// holds needle, as the model would when it cites.
func sourceWith(req fakeopenai.ChatRequest, needle string) int {
	re := regexp.MustCompile(`(?m)^\[(\d+)\] `)
	sys := req.Messages[0].Content
	locs := re.FindAllStringSubmatchIndex(sys, -1)
	for i, l := range locs {
		end := len(sys)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		if strings.Contains(sys[l[0]:end], needle) {
			var n int
			fmt.Sscanf(sys[l[2]:l[3]], "%d", &n)
			return n
		}
	}
	return 0
}

func TestAskWithAnLLM(t *testing.T) {
	srv := fakeopenai.New()
	defer srv.Close()
	srv.SetDefaultChat(func(req fakeopenai.ChatRequest) string {
		n := sourceWith(req, "John Coale")
		return fmt.Sprintf("<think>The user wants Coale.</think>John Coale is Mr Trump’s deputy Ukraine envoy [%d]. "+
			"He said NATO membership for Ukraine was still “on the table” [%d]. "+
			"He also owns a bakery in Ohio [%d]. Macron agreed [42].", n, n, n)
	})
	c := newCLI(t)
	c.env["OPENAI_BASE_URL"] = srv.URL()
	c.env["COVERAGEBOT_CHAT_MODEL"] = "test-model"

	a := decodeAnswer(t, c.mustRun("ask", "--json", "Who is John Coale?"))
	if a.Mode != "llm" || a.Abstained {
		t.Fatalf("answer: %+v", a)
	}
	text := *a.Answer
	if strings.Contains(text, "think") || strings.Contains(text, "[42]") || strings.Contains(text, "bakery") {
		t.Errorf("unchecked text survived: %q", text)
	}
	if !strings.Contains(text, "deputy Ukraine envoy [1]") {
		t.Errorf("answer = %q", text)
	}
	if len(a.Citations) != 1 || !strings.Contains(a.Citations[0].Passage, "John Coale") {
		t.Errorf("citations = %+v", a.Citations)
	}
	if len(a.Dropped) == 0 || !strings.Contains(strings.Join(a.Dropped, " "), "bakery") {
		t.Errorf("dropped = %q, want the unsupported claim", a.Dropped)
	}

	// A 429 and then success: retried, answered.
	srv.QueueChat(fakeopenai.ChatReply{Status: 429, RetryAfter: "0"})
	a = decodeAnswer(t, c.mustRun("ask", "--json", "Who is John Coale?"))
	if a.Abstained || len(a.Citations) == 0 {
		t.Errorf("after a 429: %+v", a)
	}

	// The model says the sources do not answer: a plain abstention.
	srv.QueueChat(fakeopenai.ChatReply{Content: "The sources don't say."})
	a = decodeAnswer(t, c.mustRun("ask", "--json", "Who is John Coale?"))
	if !a.Abstained || len(a.Citations) != 0 {
		t.Errorf("model abstained, answer = %+v", a)
	}
}

func TestAskWithAFailingLLMGivesAClearError(t *testing.T) {
	srv := fakeopenai.New()
	defer srv.Close()
	c := newCLI(t)
	c.env["OPENAI_BASE_URL"] = srv.URL()
	c.env["COVERAGEBOT_CHAT_MODEL"] = "test-model"
	c.mustRun("ingest")

	t.Run("500 every time", func(t *testing.T) {
		for i := 0; i < 8; i++ {
			srv.QueueChat(fakeopenai.ChatReply{Status: 500, Body: `{"error":{"message":"boom"}}`})
		}
		_, errs, code := c.run("ask", "Who is John Coale?")
		if code != exitError || !strings.Contains(errs, "500") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		fresh := fakeopenai.New()
		defer fresh.Close()
		fresh.SetLatency(30 * time.Second)
		c.env["OPENAI_BASE_URL"] = fresh.URL()
		c.env["COVERAGEBOT_LLM_TIMEOUT"] = "1s"
		_, errs, code := c.run("ask", "Who is John Coale?")
		if code != exitError || !strings.Contains(errs, "deadline") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
	})
}
