package app

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// answerFigures is testdata/questions/answer-figures.json: the figures of
// `eval --answers` that docs/QUALITY.md reports, per set and half.
type answerFigures struct {
	Seed       figureSet `json:"seed"`
	RealTimeQA figureSet `json:"realtimeqa"`
	Roles      figureSet `json:"roles"`      // testdata/questions/roles.jsonl, all tune
	SeedTune2  figureSet `json:"seed_tune2"` // testdata/questions/seed-tune2.jsonl, all tune
	SeedTune3  figureSet `json:"seed_tune3"` // testdata/questions/seed-tune3.jsonl, all tune
	SeedTune4  figureSet `json:"seed_tune4"` // testdata/questions/seed-tune4.jsonl, all tune
	SeedTune5  figureSet `json:"seed_tune5"` // testdata/questions/seed-tune5.jsonl, all tune
	// SeedTune6 is testdata/questions/seed-tune6.jsonl, written blind in
	// chat style, in two halves.
	SeedTune6 figureSet `json:"seed_tune6"`
	// SeedTune7 is testdata/questions/seed-tune7.jsonl, written blind,
	// half plain and half chatty, in two halves.
	SeedTune7 figureSet `json:"seed_tune7"`
	// RTQAOwn is testdata/questions/rtqa-own.jsonl, our own questions on
	// realtimeqa-dev's articles, all tune.
	RTQAOwn figureSet `json:"rtqa_own"`
	// RTQAOwn2 is testdata/questions/rtqa-own2.jsonl, a second set of our
	// own on those articles, asked as people type, all tune.
	RTQAOwn2 figureSet `json:"rtqa_own2"`
	// RTQADesc is testdata/questions/rtqa-desc.jsonl, questions on those
	// articles that describe the person asked about, in two halves.
	RTQADesc figureSet `json:"rtqa_desc"`
}

type figureSet struct {
	Stated      map[string]float64 `json:"stated"`       // answerable questions, by half
	Abstained   map[string]float64 `json:"abstained"`    // answerable questions the answerer declined
	MustAbstain map[string]float64 `json:"must_abstain"` // share of must-abstain questions that did
}

func readAnswerFigures(t *testing.T) answerFigures {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "questions", "answer-figures.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f answerFigures
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// checkFigures compares a run's report with the recorded figures. The
// extractive answerer is deterministic, so a figure that moves is a change
// of behaviour: better or worse, the record and docs/QUALITY.md must follow.
func checkFigures(t *testing.T, rep evalReport, want figureSet) {
	t.Helper()
	if rep.Answers == nil {
		t.Fatal("no answer figures in the report")
	}
	a := rep.Answers
	got := figureSet{
		Stated:    map[string]float64{"tune": a.Answer.Tune.Stated, "check": a.Answer.Check.Stated},
		Abstained: map[string]float64{"tune": a.Answer.Tune.Abstained, "check": a.Answer.Check.Abstained},
	}
	if a.Abstain != nil {
		got.MustAbstain = map[string]float64{"tune": a.Abstain.Tune.Stated, "check": a.Abstain.Check.Stated}
	}
	for _, f := range []struct {
		name      string
		got, want map[string]float64
	}{{"stated", got.Stated, want.Stated}, {"abstained", got.Abstained, want.Abstained}, {"must_abstain", got.MustAbstain, want.MustAbstain}} {
		for _, half := range []string{"tune", "check"} {
			g, w := f.got[half], f.want[half]
			if math.Abs(g-w) > 0.0005 {
				t.Errorf("%s on the %s half: %.3f, recorded %.3f (update testdata/questions/answer-figures.json and docs/QUALITY.md when the change is meant)", f.name, half, g, w)
			}
		}
	}
}

func runAnswerEval(t *testing.T, corpus, queries string) evalReport {
	t.Helper()
	c := newCLI(t)
	out := c.mustRun("eval", "--answers", "--corpus", corpus, "--queries", queries, "--json", "--eval-index", filepath.Join(c.dir, "eval"))
	var rep evalReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return rep
}

// TestSeedCoverageAnswerFigures holds the offline answerer to its recorded
// figures on every question set asked of the seed coverage: seed.jsonl
// (both halves), and the tuning-only sets roles.jsonl (near misses and
// answerable questions for the relation rules), seed-tune2, seed-tune3
// (near misses: the right people in a relation the coverage does not
// report), seed-tune4 (people named by role or nationality: "the
// ukrainian president"), seed-tune5 (asked through a noun, "length of the meeting?", or inside a
// frame, "do you know why …"), seed-tune6 (typed as people chat) and
// seed-tune7 (half plain, half chatty), both in two halves. A second of CPU each, so they run in every `go test`.
func TestSeedCoverageAnswerFigures(t *testing.T) {
	figures := readAnswerFigures(t)
	for _, set := range []struct {
		file string
		want figureSet
	}{
		{"seed.jsonl", figures.Seed},
		{"roles.jsonl", figures.Roles},
		{"seed-tune2.jsonl", figures.SeedTune2},
		{"seed-tune3.jsonl", figures.SeedTune3},
		{"seed-tune4.jsonl", figures.SeedTune4},
		{"seed-tune5.jsonl", figures.SeedTune5},
		{"seed-tune6.jsonl", figures.SeedTune6},
		{"seed-tune7.jsonl", figures.SeedTune7},
	} {
		t.Run(set.file, func(t *testing.T) {
			rep := runAnswerEval(t, filepath.Join("..", "..", "data"), filepath.Join("..", "..", "testdata", "questions", set.file))
			checkFigures(t, rep, set.want)
		})
	}
}

// TestRealTimeQAAnswerFigures holds the answerer to its recorded figures on
// realtimeqa-dev's quiz and on our own questions of its articles
// (rtqa-own.jsonl, rtqa-own2.jsonl, rtqa-desc.jsonl), read from ../shared beside the repository as CI lays
// it out (or COVERAGEBOT_BENCH_DIR). Without it the test is skipped,
// loudly.
func TestRealTimeQAAnswerFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 2,029 articles; not in -short")
	}
	dir := os.Getenv("COVERAGEBOT_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "bench", "realtimeqa-dev")
	}
	corpus, queries := filepath.Join(dir, "corpus.jsonl"), filepath.Join(dir, "queries.jsonl")
	if _, err := os.Stat(queries); err != nil {
		t.Skipf("!! REALTIMEQA ANSWER FIGURES NOT CHECKED: %s is missing; put shared/ beside the repository or set COVERAGEBOT_BENCH_DIR", queries)
	}
	figures := readAnswerFigures(t)
	t.Run("queries.jsonl", func(t *testing.T) {
		checkFigures(t, runAnswerEval(t, corpus, queries), figures.RealTimeQA)
	})
	// Our own questions on the same articles (rtqa-own.jsonl), asked on
	// the days they name, as the quiz's are.
	t.Run("rtqa-own.jsonl", func(t *testing.T) {
		own := filepath.Join("..", "..", "testdata", "questions", "rtqa-own.jsonl")
		checkFigures(t, runAnswerEval(t, corpus, own), figures.RTQAOwn)
	})
	t.Run("rtqa-own2.jsonl", func(t *testing.T) {
		own := filepath.Join("..", "..", "testdata", "questions", "rtqa-own2.jsonl")
		checkFigures(t, runAnswerEval(t, corpus, own), figures.RTQAOwn2)
	})
	t.Run("rtqa-desc.jsonl", func(t *testing.T) {
		own := filepath.Join("..", "..", "testdata", "questions", "rtqa-desc.jsonl")
		checkFigures(t, runAnswerEval(t, corpus, own), figures.RTQADesc)
	})
}

// TestEvalFailuresOfOneHalf: --failures lists the answer failures of the
// tune half unless --failures-half check asks for the other, so that tuning
// never has to read the check half's.
func TestEvalFailuresOfOneHalf(t *testing.T) {
	c := newCLI(t)
	data, seed := filepath.Join("..", "..", "data"), filepath.Join("..", "..", "testdata", "questions", "seed.jsonl")
	for _, half := range []string{"tune", "check"} {
		args := []string{"eval", "--answers", "--failures", "--corpus", data, "--queries", seed}
		if half == "check" {
			args = append(args, "--failures-half", "check")
		}
		n := 0
		for _, l := range strings.Split(c.mustRun(args...), "\n") {
			if !strings.HasPrefix(l, "ANSWER ") {
				continue
			}
			n++
			if !strings.Contains(l, "("+half+")") {
				t.Errorf("listing the %s half: %s", half, l)
			}
		}
		if n == 0 {
			t.Errorf("no failures listed for the %s half", half)
		}
	}
	if _, errs, code := c.run("eval", "--answers", "--failures", "--failures-half", "both", "--corpus", data, "--queries", seed); code == 0 || !strings.Contains(errs, "tune or check") {
		t.Errorf("--failures-half both: exit %d, %s", code, errs)
	}
}
