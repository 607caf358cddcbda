package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
	"github.com/coveragebot/coveragebot/rag/claim"
	"github.com/coveragebot/coveragebot/rag/source"
)

// claimsReport is `eval --claims --json`: per checker ("rules", and
// "model" when a judge ran), per half, the tallies per kind.
type claimsReport struct {
	Claims int                                 `json:"claims"`
	Checks map[string]map[string][]claim.Tally `json:"checks"`
	// JudgeFallbacks counts the claims on which the judge failed and the
	// rules decided.
	JudgeFallbacks int `json:"judge_fallbacks,omitempty"`
	// Failures, with --failures, lists the claims of one half (the tune
	// half unless --failures-half says otherwise) that a checker got
	// wrong.
	Failures []claimFailure `json:"failures,omitempty"`
}

// claimFailure is one claim a checker got wrong: a faithful sentence
// dropped, or a misstatement kept.
type claimFailure struct {
	Checker  string `json:"checker"`
	ID       string `json:"id"`
	Label    string `json:"label"`
	Kind     string `json:"kind"`
	Sentence string `json:"sentence"`
	Verdict  string `json:"verdict"`
	Rule     string `json:"rule,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

// runClaims scores the citation check on a labelled claims set. A claim's
// passages carry their article's title and outlet when the article is in
// the coverage directory (COVERAGEBOT_DATA) or in --corpus.
func (c *evalCmd) runClaims(ctx context.Context, inv *invocation) error {
	if c.Queries != "" || c.Answers || c.Baseline != "" || c.Quotes != "" {
		return usageErr("--claims scores the citation check; it takes no --queries, --answers, --baseline or --quotes")
	}
	if c.FailuresHalf != "tune" && c.FailuresHalf != "check" {
		return usageErr(fmt.Sprintf("--failures-half %q: give tune or check", c.FailuresHalf))
	}
	f, err := os.Open(c.Claims)
	if err != nil {
		return err
	}
	claims, err := claim.ReadLabelled(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("claims %s: %w", c.Claims, err)
	}
	if c.Corpus != "" {
		// The coverage directory may be absent (claims are then checked on
		// their passages alone), but a corpus asked for by name must be there.
		if _, err := os.Stat(c.Corpus); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	meta, err := claimArticles(ctx, inv.cfg.Data, c.Corpus)
	if err != nil {
		return err
	}
	checkers := []struct {
		name string
		v    *answer.Verifier
	}{{rag.VerifiedByRules, nil}}
	if inv.cfg.VerifyMode() == config.VerifyModel {
		chat, err := newChat(inv.cfg, inv.logger, nil)
		if err != nil {
			return err
		}
		v, err := newVerifier(inv.cfg, chat, inv.logger, nil)
		if err != nil {
			return err
		}
		checkers = append(checkers, struct {
			name string
			v    *answer.Verifier
		}{rag.VerifiedByModel, v})
	}
	rep := claimsReport{Claims: len(claims), Checks: map[string]map[string][]claim.Tally{}}
	for _, ck := range checkers {
		kept := make([]bool, len(claims))
		for i, l := range claims {
			passages := make([]rag.Passage, len(l.Passages))
			for k, p := range l.Passages {
				passages[k] = meta[p.Article]
				passages[k].ID = fmt.Sprintf("%s#%d", l.ID, k)
				passages[k].Text = p.Text
			}
			res, by := ck.v.Check(ctx, l.Sentence, passages)
			if by == rag.VerifiedByRulesFallback {
				rep.JudgeFallbacks++
			}
			kept[i] = res.Kept
			if c.Failures && l.Split == c.FailuresHalf && res.Kept != l.Faithful() {
				rep.Failures = append(rep.Failures, claimFailure{Checker: ck.name, ID: l.ID, Label: l.Label, Kind: l.Kind,
					Sentence: l.Sentence, Verdict: res.Verdict, Rule: res.Kind, Reason: res.Reason})
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		rep.Checks[ck.name] = map[string][]claim.Tally{}
		for _, half := range []string{"tune", "check"} {
			var idx []int
			for i, l := range claims {
				if l.Split == half {
					idx = append(idx, i)
				}
			}
			sub := make([]claim.Labelled, len(idx))
			for k, i := range idx {
				sub[k] = claims[i]
			}
			rep.Checks[ck.name][half] = claim.Score(sub, func(k int) bool { return kept[idx[k]] })
		}
	}
	w := inv.stdout()
	if c.JSON {
		return json.NewEncoder(w).Encode(rep)
	}
	writeClaimsReport(w, rep)
	if c.Failures {
		fmt.Fprintf(w, "\n%d wrong on the %s half:\n", len(rep.Failures), c.FailuresHalf)
		for _, f := range rep.Failures {
			fmt.Fprintf(w, "  %s %s %s/%s: %s\n      -> %s", f.Checker, f.ID, f.Label, f.Kind, f.Sentence, f.Verdict)
			if f.Rule != "" {
				fmt.Fprintf(w, " (%s: %s)", f.Rule, f.Reason)
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}

// claimArticles gives the title and outlet of every article in the
// coverage directory and the corpus, by id; either may be missing.
func claimArticles(ctx context.Context, paths ...string) (map[string]rag.Passage, error) {
	out := map[string]rag.Passage{}
	for _, p := range paths {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			continue // no coverage there: claims are checked on their passages alone
		}
		res, err := source.Load(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("articles %s: %w", p, err)
		}
		for _, a := range res.Articles {
			out[a.ID] = rag.Passage{ArticleID: a.ID, Title: a.Title, Outlet: a.Outlet, Published: a.Published}
		}
	}
	return out, nil
}

func writeClaimsReport(w io.Writer, rep claimsReport) {
	for _, name := range []string{rag.VerifiedByRules, rag.VerifiedByModel} {
		halves, ok := rep.Checks[name]
		if !ok {
			continue
		}
		title := "rules alone"
		if name == rag.VerifiedByModel {
			title = "rules and the model judge"
		}
		fmt.Fprintf(w, "%s (%d claims):\n", title, rep.Claims)
		fmt.Fprintf(w, "  %-14s %-20s %14s %14s\n", "label", "kind", "tune", "check")
		for _, t := range claimRows(halves["tune"], halves["check"]) {
			c := claimTally(halves["check"], t)
			label, what := "misstatement", "dropped"
			if t.Faithful {
				label, what = "faithful", "kept"
			}
			if strings.HasPrefix(t.Kind, "all ") {
				label = "all"
			}
			fmt.Fprintf(w, "  %-14s %-20s %14s %14s  %s\n", label, t.Kind, claimCell(t), claimCell(c), what)
		}
	}
	if rep.JudgeFallbacks > 0 {
		fmt.Fprintf(w, "the judge failed on %d claims; the rules decided those\n", rep.JudgeFallbacks)
	}
}

// claimCell formats one half's tally of a row: right/total and the share,
// or a dash when the half has no claim of that kind (keep-tune.jsonl is
// all tune, and "0/0 0%" would read as a failure).
func claimCell(t claim.Tally) string {
	if t.Total == 0 {
		return fmt.Sprintf("%14s", "-")
	}
	return fmt.Sprintf("%5d/%-3d %3.0f%%", t.Right, t.Total, 100*t.Share())
}

// claimRows gives the rows of the report: every kind either half has, in
// the order claim.Score gives them (faithful kinds, misstatement kinds, then
// the two totals). A kind one half lacks shows 0/0 there.
func claimRows(tune, check []claim.Tally) []claim.Tally {
	rows := append([]claim.Tally(nil), tune...)
	for _, c := range check {
		if claimTally(tune, c).Kind == "" {
			rows = append(rows, claim.Tally{Kind: c.Kind, Faithful: c.Faithful})
		}
	}
	rank := func(t claim.Tally) int {
		switch {
		case t.Kind == "all faithful":
			return 2
		case t.Kind == "all misstatements":
			return 3
		case t.Faithful:
			return 0
		}
		return 1
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rank(rows[i]) != rank(rows[j]) {
			return rank(rows[i]) < rank(rows[j])
		}
		return rank(rows[i]) < 2 && rows[i].Kind < rows[j].Kind
	})
	return rows
}

// claimTally gives the tally of half for the label and kind of t, or an
// empty tally.
func claimTally(half []claim.Tally, t claim.Tally) claim.Tally {
	for _, h := range half {
		if h.Kind == t.Kind && h.Faithful == t.Faithful {
			return h
		}
	}
	return claim.Tally{}
}
