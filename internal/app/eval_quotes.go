package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/coveragebot/coveragebot/rag/eval"
	"github.com/coveragebot/coveragebot/rag/source"
)

// runQuotes is `coveragebot eval --quotes SET --corpus FILE`: attribution
// precision, recall by kind, non-quotation rejection and timeline date
// accuracy, for each half of the set.
func (c *evalCmd) runQuotes(ctx context.Context, inv *invocation) error {
	if c.Corpus == "" {
		return usageErr("--quotes needs the corpus its articles come from, for example: coveragebot eval --quotes testdata/quotes-eval --corpus ../shared/bench/realtimeqa-dev/corpus.jsonl")
	}
	if c.Queries != "" || c.Answers || c.Baseline != "" {
		return usageErr("--quotes scores quotations and dates; it takes no --queries, --answers or --baseline")
	}
	if c.FailuresHalf != "tune" && c.FailuresHalf != "check" {
		return usageErr("--failures-half %q: give tune or check", c.FailuresHalf)
	}
	rep, err := runQuoteSet(ctx, c.Quotes, c.Corpus)
	if err != nil {
		return err
	}
	w := inv.stdout()
	if !c.Failures {
		rep.Failures = nil
	}
	kept := rep.Failures[:0]
	for _, f := range rep.Failures {
		if f.Split == c.FailuresHalf {
			kept = append(kept, f)
		}
	}
	rep.Failures = kept
	if c.JSON {
		return json.NewEncoder(w).Encode(rep)
	}
	writeQuoteFailures(w, rep.Failures)
	writeQuoteMetrics(w, rep)
	return nil
}

// runQuoteSet reads the labelled set and the corpus and scores the extractor
// and the date reader on it (eval.ScoreQuotes cleans the corpus as ingestion
// does).
func runQuoteSet(ctx context.Context, setPath, corpusPath string) (eval.QuoteReport, error) {
	set, err := eval.ReadQuoteSet(setPath)
	if err != nil {
		return eval.QuoteReport{}, err
	}
	res, err := source.Load(ctx, corpusPath)
	if err != nil {
		return eval.QuoteReport{}, fmt.Errorf("corpus: %w", err)
	}
	rep := eval.ScoreQuotes(set, res.Articles)
	for _, m := range rep.Splits {
		if m.Missing > 0 {
			return rep, fmt.Errorf("corpus %s lacks %d labelled articles of the %s half: is it the corpus the set was labelled on?", corpusPath, m.Missing, m.Split)
		}
	}
	return rep, nil
}

func writeQuoteMetrics(w io.Writer, rep eval.QuoteReport) {
	for _, m := range rep.Splits {
		fmt.Fprintf(w, "%s half:\n", m.Split)
		fmt.Fprintf(w, "  attribution precision %.3f  (%d of %d given to a person are right)\n", m.Precision, m.Correct, m.Attributed)
		fmt.Fprintf(w, "  recall                %.3f  (%d of %d quotations)\n", m.Recall, m.Found, m.Quotations)
		kinds := make([]string, 0, len(m.CountByKind))
		for k := range m.CountByKind {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		var parts []string
		for _, k := range kinds {
			parts = append(parts, fmt.Sprintf("%s %.2f of %d", k, m.RecallByKind[k], m.CountByKind[k]))
		}
		fmt.Fprintf(w, "    by kind: %s\n", strings.Join(parts, ", "))
		fmt.Fprintf(w, "    relayed quotations marked as relayed: %d\n", m.RelayedMarked)
		fmt.Fprintf(w, "  non-quote rejection   %.3f  (%d of %d)\n", m.Rejection, m.Rejected, m.NotQuotes)
		fmt.Fprintf(w, "  timeline dates        %.3f  (%d of %d)\n", m.DateAccuracy, m.Dated, m.Events)
	}
}

func writeQuoteFailures(w io.Writer, fails []eval.QuoteFailure) {
	for _, f := range fails {
		fmt.Fprintf(w, "%s %s %s %s: %q\n  want %s\n", strings.ToUpper(f.Kind), f.Split, f.ID, f.Article, f.Text, f.Want)
		if f.Got != "" {
			fmt.Fprintf(w, "  got  %s\n", f.Got)
		}
	}
}
