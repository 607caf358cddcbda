package app

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/eval"
)

// evalCmd is `coveragebot eval`.
type evalCmd struct {
	Corpus    string
	Queries   string
	JSON      bool
	Failures  bool
	Answers   bool
	EvalIndex string
	Baseline  string
	Quotes    string
	Claims    string
	// FailuresHalf is the half of a claims or quotes set, or of the
	// questions asked with --answers, whose failures --failures lists:
	// "tune" unless asked for otherwise.
	FailuresHalf string

	// reorder, set only by tests, replaces each question's article ranking
	// before it is scored: a deliberately broken ranking, to show that
	// --baseline fails it.
	reorder func(ranked []string) []string
}

func (c *evalCmd) bind(fs *flag.FlagSet) {
	fs.StringVar(&c.Corpus, "corpus", "", "articles to index: a JSON Lines `FILE` or a directory (required)")
	fs.StringVar(&c.Queries, "queries", "", "questions with gold article URLs, a JSON Lines `FILE` (required)")
	fs.BoolVar(&c.JSON, "json", false, "print the metrics as one JSON object")
	fs.BoolVar(&c.Failures, "failures", false, "list the questions whose gold article is not in the top 10, with what was retrieved instead")
	fs.BoolVar(&c.Answers, "answers", false, "also ask every question as `ask` would (the LLM when one is configured, else the extractive answerer) and report the share of answers that state the correct choice or fact, on the tune and check halves")
	fs.StringVar(&c.EvalIndex, "eval-index", "", "build the evaluation index in this `DIR` instead of a temporary directory (never the bot's own index)")
	fs.StringVar(&c.Baseline, "baseline", "", "fail (exit 1) when Hits@10 or MRR@10 falls more than the tolerance below the figures in this JSON `FILE` (see docs/QUALITY.md)")
	fs.StringVar(&c.Claims, "claims", "", "instead of retrieval, score the citation check against a labelled claims `FILE` (testdata/claims/claims.jsonl): per kind, faithful sentences kept and misstatements dropped, on the tune and check halves, by the rules alone and, with a chat model configured, with the model judge")
	fs.StringVar(&c.FailuresHalf, "failures-half", "tune", "with --failures and --claims, --quotes or --answers, the `HALF` whose failures (with --answers, wrong answers and retrieval misses) are listed: tune (the default; the half rules are tuned on) or check (read it only to report, never to tune); the metrics of both halves are printed either way")
	fs.StringVar(&c.Quotes, "quotes", "", "instead of retrieval, score quotation attribution and timeline dates against a labelled `SET` (a directory such as testdata/quotes-eval, or its quotations.jsonl)")
}

type evalReport struct {
	eval.Metrics
	IngestS    float64       `json:"ingest_s"`
	QueryP50ms float64       `json:"query_p50_ms"`
	QueryP95ms float64       `json:"query_p95_ms"`
	Answers    *answerReport `json:"answers,omitempty"`
}

func (c *evalCmd) run(ctx context.Context, inv *invocation) error {
	corpus, queriesPath := c.Corpus, c.Queries
	if c.Quotes != "" {
		return c.runQuotes(ctx, inv)
	}
	if c.Claims != "" {
		return c.runClaims(ctx, inv)
	}
	if corpus == "" || queriesPath == "" {
		return usageErr("give --corpus and --queries, for example: coveragebot eval --corpus corpus.jsonl --queries queries.jsonl")
	}
	withAnswers := c.Answers
	if withAnswers && c.FailuresHalf != "tune" && c.FailuresHalf != "check" {
		return usageErr("--failures-half %q: give tune or check", c.FailuresHalf)
	}
	var baseline qualityBaseline
	if c.Baseline != "" {
		// Read first: a bad baseline should not cost a whole run.
		var err error
		if baseline, err = readBaseline(c.Baseline); err != nil {
			return err
		}
	}
	qf, err := os.Open(queriesPath)
	if err != nil {
		return err
	}
	var (
		queries []eval.Query
		asked   []eval.AnswerQuery
	)
	if withAnswers {
		asked, err = eval.ReadAnswerQueries(qf)
		for _, q := range asked {
			if len(q.GoldURLs) > 0 {
				queries = append(queries, q.Query)
			}
		}
	} else {
		queries, err = eval.ReadQueries(qf)
	}
	qf.Close()
	if err != nil {
		return fmt.Errorf("queries %s: %w", queriesPath, err)
	}

	// A fresh index, never the bot's own: the same ingestion path, in a
	// directory of its own.
	cfg := inv.cfg
	cfg.Index.Dir = c.EvalIndex
	if cfg.Index.Dir == "" {
		tmp, err := os.MkdirTemp("", "coveragebot-eval-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		cfg.Index.Dir = tmp
	}
	// In an external store, the evaluation gets collections of its own,
	// emptied first.
	cfg.Store.WeaviateCollection += "Eval"
	progress := newProgress(inv.env.Stderr)
	st, err := openStack(cfg, inv.logger, stackOptions{fresh: cfg.Store.Backend != config.StoreChromem, progress: progress})
	if err != nil {
		return err
	}
	start := time.Now()
	if _, err := ingestFiles(ctx, st.index, []string{corpus}, fileIngest{}, progress, inv.logger); err != nil && !isSkipped(err) {
		return err
	}
	ingest := time.Since(start)
	if st.weaviate != nil {
		// A server indexing asynchronously (compose's ASYNC_INDEXING)
		// would answer from a half-built vector index.
		if err := st.weaviate.WaitIndexed(ctx, 100*time.Millisecond); err != nil {
			return err
		}
	}

	outs, err := eval.Run(ctx, st.index, queries)
	if err != nil {
		return err
	}
	if c.reorder != nil {
		for i := range outs {
			outs[i].Ranked = c.reorder(outs[i].Ranked)
			outs[i].Rank = eval.GoldRank(outs[i].Ranked, outs[i].Query.GoldURLs)
		}
	}
	ranks := make([]int, len(outs))
	durs := make([]time.Duration, len(outs))
	for i, o := range outs {
		ranks[i], durs[i] = o.Rank, o.Duration
	}
	rep := evalReport{
		Metrics:    eval.ComputeMetrics(ranks),
		IngestS:    round(ingest.Seconds(), 2),
		QueryP50ms: round(float64(eval.Percentile(durs, 50).Microseconds())/1000, 2),
		QueryP95ms: round(float64(eval.Percentile(durs, 95).Microseconds())/1000, 2),
	}
	var judged []judgedAnswer
	if withAnswers {
		if judged, err = askAll(ctx, st, asked); err != nil {
			return err
		}
		rep.Answers = summariseAnswers(st.engine.Mode(), judged)
	}

	w := inv.stdout()
	if c.Failures {
		// With --answers the questions have halves: only the asked
		// half's misses are listed.
		half := map[string]string{}
		for _, q := range asked {
			half[q.ID] = q.Half
		}
		for _, o := range outs {
			if (o.Rank >= 1 && o.Rank <= 10) || (withAnswers && half[o.Query.ID] != c.FailuresHalf) {
				continue
			}
			fmt.Fprintf(w, "MISS %s (%s): %s\n  gold: %s\n", o.Query.ID, o.Query.Date, o.Query.Question, strings.Join(o.Query.GoldURLs, ", "))
			for i, h := range uniqueArticleHits(o.Hits, 10) {
				fmt.Fprintf(w, "  %2d. %s  %s  %s\n", i+1, formatDate(h.Published), h.Title, h.URL)
			}
		}
		writeAnswerFailures(w, judged, c.FailuresHalf)
	}
	if c.JSON {
		if err := json.NewEncoder(w).Encode(rep); err != nil {
			return err
		}
	} else {
		m := rep.Metrics
		if m.Queries > 0 {
			fmt.Fprintf(w, "queries %d  hits@1 %.3f  hits@4 %.3f  hits@10 %.3f  mrr@10 %.3f\n", m.Queries, m.Hits1, m.Hits4, m.Hits10, m.MRR10)
			fmt.Fprintf(w, "ingest %.1fs  query p50 %.1fms  p95 %.1fms\n", rep.IngestS, rep.QueryP50ms, rep.QueryP95ms)
		}
		if rep.Answers != nil {
			writeAnswerReport(w, rep.Answers)
		}
	}
	if c.Baseline == "" {
		return nil
	}
	lines, err := baseline.check(rep.Metrics)
	for _, l := range lines {
		fmt.Fprintf(inv.env.Stderr, "baseline %s: %s\n", c.Baseline, l)
	}
	if err != nil {
		return fmt.Errorf("baseline %s: %w", c.Baseline, err)
	}
	return nil
}

func uniqueArticleHits(hits []rag.Hit, n int) []rag.Hit {
	seen := map[string]bool{}
	var out []rag.Hit
	for _, h := range hits {
		if seen[h.ArticleID] {
			continue
		}
		seen[h.ArticleID] = true
		out = append(out, h)
		if len(out) == n {
			break
		}
	}
	return out
}

func round(x float64, digits int) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', digits, 64), 64)
	return f
}
