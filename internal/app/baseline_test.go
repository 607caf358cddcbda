package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/rag/eval"
)

func TestBaselineCheck(t *testing.T) {
	t.Parallel()
	f := func(x float64) *float64 { return &x }
	base := qualityBaseline{Queries: 100, Hits10: f(0.97), MRR10: f(0.82), Tolerance: 0.02}
	for _, tc := range []struct {
		name string
		m    eval.Metrics
		fail []string // the figures the error must name; none for a pass
	}{
		{"equal", eval.Metrics{Queries: 100, Hits10: 0.97, MRR10: 0.82}, nil},
		{"better", eval.Metrics{Queries: 100, Hits10: 1, MRR10: 0.9}, nil},
		{"at the floor", eval.Metrics{Queries: 100, Hits10: 0.95, MRR10: 0.80}, nil},
		{"recorded rounded", eval.Metrics{Queries: 100, Hits10: 0.9496, MRR10: 0.7996}, nil},
		{"hits@10 low", eval.Metrics{Queries: 100, Hits10: 0.94, MRR10: 0.82}, []string{"hits@10"}},
		{"mrr@10 low", eval.Metrics{Queries: 100, Hits10: 0.97, MRR10: 0.60}, []string{"mrr@10"}},
		{"both low", eval.Metrics{Queries: 100, Hits10: 0.5, MRR10: 0.3}, []string{"hits@10", "mrr@10"}},
	} {
		lines, err := base.check(tc.m)
		if len(lines) != 2 {
			t.Errorf("%s: %d report lines, want 2", tc.name, len(lines))
		}
		if len(tc.fail) == 0 {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if !errors.Is(err, errBelowBaseline) {
			t.Errorf("%s: err = %v, want errBelowBaseline", tc.name, err)
			continue
		}
		for _, name := range []string{"hits@10", "mrr@10"} {
			if strings.Contains(err.Error(), name) != slices.Contains(tc.fail, name) {
				t.Errorf("%s: %q names the wrong figures", tc.name, err)
			}
		}
	}
	if _, err := base.check(eval.Metrics{Queries: 99, Hits10: 1, MRR10: 1}); err == nil || errors.Is(err, errBelowBaseline) {
		t.Errorf("another benchmark's run: err = %v, want a query-count mismatch", err)
	}
}

func TestReadBaseline(t *testing.T) {
	t.Parallel()
	// The committed baseline CI enforces must read.
	b, err := readBaseline("../../scripts/quality-baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	if b.Queries == 0 || b.Tolerance == 0 {
		t.Errorf("the committed baseline has no query count or tolerance: %+v", b)
	}
	dir := t.TempDir()
	for _, tc := range []struct{ name, body, says string }{
		{"no mrr", `{"hits@10": 0.9, "tolerance": 0.02}`, "both"},
		{"out of range", `{"hits@10": 97, "mrr@10": 0.8, "tolerance": 0.02}`, "between 0 and 1"},
		{"bad tolerance", `{"hits@10": 0.9, "mrr@10": 0.8, "tolerance": -1}`, "tolerance"},
		{"unknown field", `{"hits@10": 0.9, "mrr@10": 0.8, "tolerence": 0.02}`, "unknown field"},
		{"two objects", `{"hits@10": 0.9, "mrr@10": 0.8} {}`, "more than one"},
		{"not JSON", `hits@10 = 0.9`, "invalid character"},
	} {
		path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".json")
		if err := os.WriteFile(path, []byte(tc.body), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := readBaseline(path); err == nil || !strings.Contains(err.Error(), tc.says) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: err = %v, want one naming the file and saying %q", tc.name, err, tc.says)
		}
	}
}

// evalTopics are small articles on distinct subjects, each with a question
// only it answers.
var evalTopics = []struct{ slug, title, text, question string }{
	{"whale", "Rare whale seen off Cornwall", "A rare bowhead whale was seen off the coast of Cornwall on Tuesday, far from its Arctic home. Marine biologists said the whale looked healthy.", "Which rare whale was seen off Cornwall?"},
	{"merger", "Two airlines agree merger", "Two low-cost airlines agreed a merger worth six billion dollars, creating the fifth-largest carrier in the country. Regulators will review the deal.", "Which airlines agreed a merger worth six billion dollars?"},
	{"storm", "Winter storm closes schools", "A winter storm closed schools across the region as snow fell for a third day. Roads were icy and buses stayed in their depots.", "Why were schools closed across the region by snow?"},
	{"telescope", "New telescope photographs distant galaxy", "Astronomers released the first photograph of a distant spiral galaxy taken by the new space telescope, showing stars forming in dust clouds.", "What did the new space telescope photograph?"},
	{"marathon", "Kenyan runner wins the city marathon", "A Kenyan runner won the city marathon in record time, finishing two minutes ahead of the field on a cool morning.", "Who won the city marathon in record time?"},
	{"vaccine", "Regulator approves malaria vaccine", "The health regulator approved a malaria vaccine for children after trials showed it cut severe cases by three quarters.", "Which vaccine did the regulator approve for children?"},
	{"bridge", "Old bridge to be replaced", "The council voted to replace the old railway bridge over the river, which engineers found was corroded beyond repair.", "Why will the council replace the railway bridge?"},
	{"chess", "Teenager becomes chess grandmaster", "A fourteen-year-old became the country's youngest chess grandmaster after winning the final game of an international tournament.", "Who became the youngest chess grandmaster?"},
}

// writeEvalBenchmark writes a corpus and questions in the benchmark's format.
func writeEvalBenchmark(t *testing.T, dir string) (corpus, queries string) {
	t.Helper()
	var c, q bytes.Buffer
	for i, a := range evalTopics {
		url := "https://news.example/2022/06/" + a.slug
		line, _ := json.Marshal(map[string]any{"id": a.slug, "url": url, "title": a.title, "published": "2022/06/10", "text": a.text})
		c.Write(append(line, '\n'))
		line, _ = json.Marshal(map[string]any{"id": fmt.Sprint("q", i), "question": a.question, "date": "2022/06/14", "gold_urls": []string{url}})
		q.Write(append(line, '\n'))
	}
	corpus, queries = filepath.Join(dir, "corpus.jsonl"), filepath.Join(dir, "queries.jsonl")
	if err := os.WriteFile(corpus, c.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(queries, q.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return corpus, queries
}

// TestEvalBaselineFailsABrokenRanking runs eval end to end, records its
// figures as a baseline, and shows that the same run passes the baseline
// and that a deliberately broken ranking (each question's articles in
// reverse order) fails it, naming MRR@10.
func TestEvalBaselineFailsABrokenRanking(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	corpus, queries := writeEvalBenchmark(t, c.dir)
	out := c.mustRun("eval", "--corpus", corpus, "--queries", queries, "--json")
	var m eval.Metrics
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("eval --json printed %q: %v", out, err)
	}
	if m.Queries != len(evalTopics) || m.MRR10 < 0.9 {
		t.Fatalf("eval on distinct topics gave %+v; the ranking under test is already poor", m)
	}
	baseline := filepath.Join(c.dir, "baseline.json")
	body := fmt.Sprintf(`{"note": "this test's own run", "queries": %d, "hits@10": %.3f, "mrr@10": %.3f, "tolerance": 0.02}`, m.Queries, m.Hits10, m.MRR10)
	if err := os.WriteFile(baseline, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}

	_, stderr, code := c.run("eval", "--corpus", corpus, "--queries", queries, "--baseline", baseline)
	if code != exitOK || !strings.Contains(stderr, "mrr@10") || strings.Contains(stderr, "FAIL") {
		t.Fatalf("the run that made the baseline: exit %d\n%s", code, stderr)
	}

	cfg, err := config.Load(func(k string) string { return c.env[k] }, "")
	if err != nil {
		t.Fatal(err)
	}
	var report bytes.Buffer
	inv := &invocation{env: Env{Getenv: func(k string) string { return c.env[k] }, Stdout: io.Discard, Stderr: &report},
		cfg: cfg, logger: slog.New(slog.DiscardHandler)}
	broken := &evalCmd{Corpus: corpus, Queries: queries, Baseline: baseline, reorder: func(r []string) []string {
		r = slices.Clone(r)
		slices.Reverse(r)
		return r
	}}
	err = broken.run(context.Background(), inv)
	if !errors.Is(err, errBelowBaseline) || !strings.Contains(err.Error(), "mrr@10") {
		t.Fatalf("the broken ranking: err = %v, want errBelowBaseline naming mrr@10\n%s", err, report.String())
	}
	if !strings.Contains(report.String(), "FAIL") {
		t.Errorf("the report does not show the failing figure:\n%s", report.String())
	}
}
