package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/coveragebot/coveragebot/rag/eval"
	"github.com/coveragebot/coveragebot/rag/source"
)

// The checking half of testdata/quotes-eval, as docs/INTELLIGENCE.md
// records it (coveragebot eval --quotes testdata/quotes-eval --corpus
// ../shared/bench/realtimeqa-dev/corpus.jsonl). The extractor was never
// tuned on this half; a change that lowers a figure by more than the
// tolerance fails here.
const (
	checkPrecision = 0.953
	checkRecall    = 0.874
	checkDates     = 0.931
	gateTolerance  = 0.01
)

// The targets of issue 19 for the checking half. The tolerance above never
// takes a figure below its target: at 212 quotations one misattribution
// moves precision by about 0.005, and 0.953 is two of them above 0.95.
const (
	targetPrecision = 0.95
	targetRecall    = 0.85
	targetDates     = 0.90
)

// benchCorpus returns the path of realtimeqa-dev's corpus.jsonl, from
// COVERAGEBOT_BENCH_DIR or beside the checkout, and skips the test when it
// is not there; what names the test in the skip message.
func benchCorpus(t *testing.T, what string) string {
	t.Helper()
	bench := os.Getenv("COVERAGEBOT_BENCH_DIR")
	if bench == "" {
		bench = filepath.Join("..", "..", "..", "shared", "bench", "realtimeqa-dev")
	}
	corpus := filepath.Join(bench, "corpus.jsonl")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("%s SKIPPED: no corpus at %s (set COVERAGEBOT_BENCH_DIR to the realtimeqa-dev directory)", what, corpus)
	}
	return corpus
}

func TestQuotesCheckHalfHoldsItsFigures(t *testing.T) {
	corpus := benchCorpus(t, "QUOTES GATE")
	set, err := eval.ReadQuoteSet(filepath.Join("..", "..", "testdata", "quotes-eval"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := source.Load(context.Background(), corpus)
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.ScoreQuotes(set, res.Articles)
	m, ok := rep.Split("check")
	if !ok || m.Missing > 0 {
		t.Fatalf("the check half is not all in the corpus: %+v", m)
	}
	t.Logf("check half: precision %.3f recall %.3f dates %.3f", m.Precision, m.Recall, m.DateAccuracy)
	for _, f := range []struct {
		name               string
		got, floor, target float64
	}{
		{"attribution precision", m.Precision, checkPrecision, targetPrecision},
		{"recall", m.Recall, checkRecall, targetRecall},
		{"timeline dates", m.DateAccuracy, checkDates, targetDates},
	} {
		if f.got < f.floor-gateTolerance {
			t.Errorf("%s on the check half fell to %.3f, below the recorded %.3f", f.name, f.got, f.floor)
		}
		if f.got < f.target {
			t.Errorf("%s on the check half is %.3f, below issue 19's target of %.2f", f.name, f.got, f.target)
		}
	}
}
