package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag/eval"
)

// writeQuoteSet writes a labelled set of one article, in the shape of
// testdata/quotes-eval, and the corpus it was labelled on.
func writeQuoteSet(t *testing.T, dir string) (set, corpus string) {
	t.Helper()
	set = filepath.Join(dir, "quotes-eval")
	if err := os.MkdirAll(set, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"quotations.jsonl": `{"id": "q1", "article": "a1", "text": "The ferry will run,", "start": 1, "speaker": "Ines Berg", "kind": "full", "split": "check"}` + "\n" +
			`{"id": "q2", "article": "a1", "text": "Tickets are free.", "start": 40, "speaker": "Ines Berg", "kind": "continuation", "split": "check"}` + "\n",
		"not_quotes.jsonl": `{"id": "n1", "article": "a1", "text": "Blue Line", "start": 70, "kind": "name", "family": "label", "split": "check"}` + "\n",
		"timeline.jsonl":   `{"id": "t1", "article": "a1", "published": "2022-05-06", "sentence": "The ferry sailed Tuesday.", "date": "2022-05-03", "date_from": "2022-05-03", "date_to": "2022-05-03", "cue": "weekday", "split": "check"}` + "\n",
		"people.jsonl":     `{"name": "Ines Berg", "variants": ["Berg"], "namesakes": []}` + "\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(set, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	corpus = filepath.Join(dir, "corpus.jsonl")
	art := map[string]string{"id": "a1", "url": "https://example.com/ferry", "title": "Ferry", "published": "2022-05-06",
		"text": `"The ferry will run," Ines Berg said. "Tickets are free." The boat is called the "Blue Line." The ferry sailed Tuesday.`}
	line, _ := json.Marshal(art)
	if err := os.WriteFile(corpus, append(line, '\n'), 0o600); err != nil {
		t.Fatal(err)
	}
	return set, corpus
}

func TestEvalQuotesScoresEachHalf(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	set, corpus := writeQuoteSet(t, c.dir)
	out := c.mustRun("eval", "--quotes", set, "--corpus", corpus, "--json")
	var rep eval.QuoteReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval --quotes --json printed %q: %v", out, err)
	}
	m, ok := rep.Split("check")
	if !ok || m.Found != 2 || m.Rejected != 1 || m.Dated != 1 || m.Precision != 1 {
		t.Fatalf("check half: %+v", m)
	}
	text := c.mustRun("eval", "--quotes", filepath.Join(set, "quotations.jsonl"), "--corpus", corpus, "--failures")
	for _, want := range []string{"check half:", "attribution precision 1.000", "timeline dates        1.000"} {
		if !strings.Contains(text, want) {
			t.Errorf("eval --quotes printed no %q:\n%s", want, text)
		}
	}
	// --failures lists one half's failures only (the tune half unless
	// --failures-half says check): tuning must be able to read
	// the tune half's without seeing the check half's.
	broken := filepath.Join(c.dir, "broken")
	if err := os.MkdirAll(broken, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"quotations.jsonl", "not_quotes.jsonl", "timeline.jsonl", "people.jsonl"} {
		body, err := os.ReadFile(filepath.Join(set, name))
		if err != nil {
			t.Fatal(err)
		}
		// The speaker is wrong, so q1 and q2 fail in the check half.
		body = []byte(strings.ReplaceAll(string(body), `"speaker": "Ines Berg"`, `"speaker": "Olga Berg"`))
		if err := os.WriteFile(filepath.Join(broken, name), body, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if out := c.mustRun("eval", "--quotes", broken, "--corpus", corpus, "--failures", "--failures-half", "check"); !strings.Contains(out, "check q1") {
		t.Errorf("--failures-half check lists no check-half failure:\n%s", out)
	}
	if out := c.mustRun("eval", "--quotes", broken, "--corpus", corpus, "--failures"); strings.Contains(out, " check ") || !strings.Contains(out, "check half:") {
		t.Errorf("--failures lists a check-half failure, or drops the metrics:\n%s", out)
	}
	if _, stderr, code := c.run("eval", "--quotes", set, "--corpus", corpus, "--failures-half", "both"); code != exitUsage || !strings.Contains(stderr, "--failures-half") {
		t.Errorf("eval --quotes --failures-half both: exit %d, %s", code, stderr)
	}
	if _, stderr, code := c.run("eval", "--quotes", set); code != exitUsage || !strings.Contains(stderr, "--corpus") {
		t.Errorf("eval --quotes without --corpus: exit %d, %s", code, stderr)
	}
}

func TestQuotesCommandListsPeopleANameFits(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	lines := `{"id": "hart-1", "url": "https://example.com/hart-1", "title": "Port reopens", "published": "2022-05-02", "text": "Harbour master Jill Hart spoke at the quay.\n\n\"The port is open,\" Jill Hart said."}
{"id": "hart-2", "url": "https://example.com/hart-2", "title": "Council vote", "published": "2022-05-03", "text": "Councillor Joe Hart voted no.\n\n\"The budget is wrong,\" Joe Hart said."}
`
	if err := os.WriteFile(filepath.Join(c.data, "harts.jsonl"), []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	out := c.mustRun("quotes", "--person", "Hart")
	for _, want := range []string{"“Hart” may mean more than one person", "  Jill Hart\n", "  Joe Hart\n", `--person "Jill Hart"`} {
		if !strings.Contains(out, want) {
			t.Errorf("quotes --person Hart lacks %q:\n%s", want, out)
		}
	}
	js := decodeJSON[jsonQuotes](t, c.mustRun("quotes", "--person", "Hart", "--json"))
	if len(js.Quotes) != 0 || strings.Join(js.Candidates, ",") != "Jill Hart,Joe Hart" {
		t.Errorf("quotes --json for an ambiguous name: %+v", js)
	}
	if out := c.mustRun("quotes", "--person", "Joe Hart"); !strings.Contains(out, "The budget is wrong,") || strings.Contains(out, "The port is open") {
		t.Errorf("quotes --person \"Joe Hart\" merged the two:\n%s", out)
	}
}

// Words a spokesperson or a statement delivered stay the person's, and
// every way of showing them says who relayed them.
func TestQuotesCommandMarksRelayedWords(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	line := `{"id": "rowe-1", "url": "https://example.com/rowe-1", "title": "Singer apologises", "published": "2022-05-02", "text": "Pop singer Lia Rowe cancelled the tour on Monday.\n\nRowe said through a spokesperson that she was \"deeply sorry\" for the late notice."}
`
	if err := os.WriteFile(filepath.Join(c.data, "rowe.jsonl"), []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := c.mustRun("quotes", "--person", "Lia Rowe"); !strings.Contains(out, "“deeply sorry”") || !strings.Contains(out, "relayed by a spokesperson") {
		t.Errorf("quotes --person \"Lia Rowe\" does not mark the relayed words:\n%s", out)
	}
	js := decodeJSON[jsonQuotes](t, c.mustRun("quotes", "--person", "Lia Rowe", "--json"))
	if len(js.Quotes) != 1 || js.Quotes[0].Speaker != "Lia Rowe" || js.Quotes[0].Relayer != "a spokesperson" {
		t.Errorf("quotes --json: %+v", js.Quotes)
	}
}
