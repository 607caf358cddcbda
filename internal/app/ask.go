package app

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// askCmd is `coveragebot ask`.
type askCmd struct {
	JSON bool
	AsOf string
	K    int
}

func (c *askCmd) bind(fs *flag.FlagSet) {
	fs.BoolVar(&c.JSON, "json", false, "print the answer as JSON (a stable contract; see README.md)")
	fs.StringVar(&c.AsOf, "as-of", "", "the `DATE` the question is asked, YYYY-MM-DD: phrases such as \"this week\" are read against it (default today)")
	fs.IntVar(&c.K, "k", 0, "draw on `N` passages, 1 to 50 (default COVERAGEBOT_TOP_K)")
}

// summaryCmd is `coveragebot summary`.
type summaryCmd struct {
	JSON    bool
	Article string
	Topic   string
	All     bool // the default; the flag exists so that a script can say so
	AsOf    string
}

func (c *summaryCmd) bind(fs *flag.FlagSet) {
	fs.BoolVar(&c.JSON, "json", false, "print the summary as JSON")
	fs.StringVar(&c.Article, "article", "", "summarise the article with this `ID` (see coveragebot sources)")
	fs.StringVar(&c.Topic, "topic", "", "summarise what the coverage says about the topic `TEXT`")
	fs.BoolVar(&c.All, "all", false, "summarise the whole coverage (the default)")
	fs.StringVar(&c.AsOf, "as-of", "", "read time phrases in --topic against this `DATE`, YYYY-MM-DD")
}

func parseAsOf(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006/01/02", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usageErr("--as-of %q is not a date; write it as YYYY-MM-DD", s)
}

func (c *askCmd) run(ctx context.Context, inv *invocation) error {
	if len(inv.args) == 0 {
		return usageErr(`give a question, for example: coveragebot ask "What did Starmer tell Zelenskyy about NATO?"`)
	}
	question := strings.Join(inv.args, " ")
	asOf, err := parseAsOf(c.AsOf)
	if err != nil {
		return err
	}
	k := c.K
	if k < 0 || k > 50 {
		return usageErr("-k must be from 1 to 50")
	}
	st, err := openStack(inv.cfg, inv.logger, stackOptions{})
	if err != nil {
		return err
	}
	if err := ensureIndexed(ctx, inv, st); err != nil {
		return err
	}
	ctx, cancel := llmDeadline(ctx, inv, st)
	defer cancel()
	asJSON := c.JSON
	opts := rag.AskOptions{RetrieveOptions: rag.RetrieveOptions{K: k, AsOf: asOf}}
	var streamed strings.Builder
	if !asJSON && st.engine.Chat != nil && isTerminal(inv.env.Stdout) {
		// Show the answer as it is written, a checked sentence at a time
		// (or a "checking" line while a model judge reads it).
		opts.OnDelta = func(s string) {
			streamed.WriteString(s)
			fmt.Fprint(inv.env.Stdout, s)
		}
	}
	ans, err := st.engine.Ask(ctx, question, opts)
	if err != nil {
		return friendlyAskError(err)
	}
	if asJSON {
		return writeJSONAnswer(inv.stdout(), ans, "answer")
	}
	if rest, ok := strings.CutPrefix(ans.Text, streamed.String()); ok && streamed.Len() > 0 && ans.Caveat == "" {
		// The stream showed the start of the checked answer: finish it.
		fmt.Fprintln(inv.env.Stdout, rest)
		writeAnswerNotes(inv.stdout(), ans)
		return nil
	}
	if streamed.Len() > 0 {
		fmt.Fprint(inv.env.Stdout, "\n\n")
	}
	writeTextAnswer(inv.stdout(), ans)
	return nil
}

// llmDeadline bounds a command's use of the language model by
// COVERAGEBOT_LLM_TIMEOUT; extractive answers need no deadline.
func llmDeadline(ctx context.Context, inv *invocation, st *stack) (context.Context, context.CancelFunc) {
	if st.engine.Chat == nil || inv.cfg.LLM.Timeout <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, inv.cfg.LLM.Timeout)
}

func friendlyAskError(err error) error {
	switch {
	case errors.Is(err, rag.ErrEmptyQuestion):
		return usageErr("the question is empty")
	case errors.Is(err, rag.ErrQuestionTooLong):
		return usageErr("the question is longer than %d characters; shorten it", rag.MaxQuestionChars)
	}
	return err
}

func (c *summaryCmd) run(ctx context.Context, inv *invocation) error {
	article, topic := c.Article, c.Topic
	if topic == "" && len(inv.args) > 0 {
		topic = strings.Join(inv.args, " ")
	}
	if article != "" && topic != "" {
		return usageErr("give --article or --topic, not both")
	}
	asOf, err := parseAsOf(c.AsOf)
	if err != nil {
		return err
	}
	st, err := openStack(inv.cfg, inv.logger, stackOptions{})
	if err != nil {
		return err
	}
	if err := ensureIndexed(ctx, inv, st); err != nil {
		return err
	}
	if article != "" {
		if _, ok := st.index.Article(article); !ok {
			return usageErr("no article with id %q; `coveragebot sources` lists them", article)
		}
	}
	ctx, cancel := llmDeadline(ctx, inv, st)
	defer cancel()
	ans, err := st.engine.Summarize(ctx, rag.SummaryRequest{ArticleID: article, Topic: topic, AsOf: asOf})
	if err != nil {
		return friendlyAskError(err)
	}
	if c.JSON {
		return writeJSONAnswer(inv.stdout(), ans, "summary")
	}
	writeTextAnswer(inv.stdout(), ans)
	return nil
}

// jsonCitation is one source in the --json contract.
type jsonCitation struct {
	N         int    `json:"n"`
	ArticleID string `json:"article_id"`
	PassageID string `json:"passage_id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Passage   string `json:"passage"`
}

// jsonAnswer is the --json contract of ask ("answer") and summary
// ("summary"). Fields are only ever added, never renamed or removed.
type jsonAnswer struct {
	Question  string         `json:"question"`
	Answer    *string        `json:"answer,omitempty"`
	Summary   *string        `json:"summary,omitempty"`
	Abstained bool           `json:"abstained"`
	Citations []jsonCitation `json:"citations"`
	Mode      string         `json:"mode"`
	AsOf      string         `json:"as_of,omitempty"`
	Caveat    string         `json:"caveat,omitempty"`
	Dropped   []string       `json:"dropped,omitempty"`
	// Route names the feature a request was routed to (summary, digest,
	// timeline, quotes, compare); absent for an answer to a question.
	Route string `json:"route,omitempty"`
	// Checks holds the check of every written sentence, kept or dropped,
	// with its reason; VerifiedBy says what decided them ("rules",
	// "model", or "rules-fallback" when the model judge failed).
	Checks     []jsonCheck `json:"checks,omitempty"`
	VerifiedBy string      `json:"verified_by,omitempty"`
}

// jsonCheck is one sentence's check in the --json contract.
type jsonCheck struct {
	Sentence string   `json:"sentence"`
	Kept     bool     `json:"kept"`
	Verdict  string   `json:"verdict"`
	Kind     string   `json:"kind,omitempty"`
	Reason   string   `json:"reason,omitempty"`
	Passages []string `json:"passage_ids"`
	// Pairs is the verdict of each cited passage alone.
	Pairs []jsonPair `json:"pairs,omitempty"`
}

// jsonPair is one (sentence, cited passage) verdict in the --json contract.
type jsonPair struct {
	PassageID string `json:"passage_id"`
	Verdict   string `json:"verdict"`
	Reason    string `json:"reason,omitempty"`
}

// toJSONAnswer renders an answer in the --json contract; field is "answer"
// or "summary".
func toJSONAnswer(ans rag.Answer, field string) jsonAnswer {
	text := ans.Text
	out := jsonAnswer{
		Question: ans.Question, Abstained: ans.Abstained, Mode: ans.Mode,
		AsOf: formatDate(ans.AsOf), Caveat: ans.Caveat, Dropped: ans.Dropped, Route: ans.Route,
		Citations:  make([]jsonCitation, 0, len(ans.Citations)),
		VerifiedBy: ans.Verifier,
	}
	for _, c := range ans.Checks {
		jc := jsonCheck{Sentence: c.Sentence, Kept: c.Kept, Verdict: c.Verdict,
			Kind: c.Kind, Reason: c.Reason, Passages: append([]string{}, c.Passages...)}
		for _, p := range c.Pairs {
			jc.Pairs = append(jc.Pairs, jsonPair{PassageID: p.Passage, Verdict: p.Verdict, Reason: p.Reason})
		}
		out.Checks = append(out.Checks, jc)
	}
	if field == "summary" {
		out.Summary = &text
	} else {
		out.Answer = &text
	}
	for _, c := range ans.Citations {
		out.Citations = append(out.Citations, jsonCitation{
			N: c.N, ArticleID: c.ArticleID, PassageID: c.ID, Title: c.Title, Outlet: c.Outlet,
			URL: c.URL, Published: formatDate(c.Published), Passage: c.Text,
		})
	}
	return out
}

func writeJSONAnswer(w io.Writer, ans rag.Answer, field string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(toJSONAnswer(ans, field))
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// writeTextAnswer prints an answer for people: the caveat, the answer, how
// many sentences the citation check removed and why, the "as of" line and
// the numbered sources.
func writeTextAnswer(w io.Writer, ans rag.Answer) {
	if ans.Caveat != "" {
		fmt.Fprintf(w, "Note: %s\n\n", ans.Caveat)
	}
	fmt.Fprintln(w, ans.Text)
	writeAnswerNotes(w, ans)
}

// writeAnswerNotes writes what follows an answer's text: how many sentences
// the check removed, the date it speaks as of, and its sources.
func writeAnswerNotes(w io.Writer, ans rag.Answer) {
	if note := ans.RemovedNote(); note != "" {
		fmt.Fprintf(w, "\n(%s)\n", note)
	}
	if len(ans.Citations) == 0 {
		return
	}
	if !ans.AsOf.IsZero() {
		fmt.Fprintf(w, "\nAs of %s.\n", ans.AsOf.UTC().Format("2 January 2006"))
	}
	fmt.Fprintln(w, "\nSources:")
	for _, c := range ans.Citations {
		line := fmt.Sprintf("  [%d] %s", c.N, c.Title)
		var meta []string
		if c.Outlet != "" {
			meta = append(meta, c.Outlet)
		}
		if !c.Published.IsZero() {
			meta = append(meta, c.Published.UTC().Format("2 Jan 2006"))
		}
		if len(meta) > 0 {
			line += " — " + strings.Join(meta, ", ")
		}
		fmt.Fprintln(w, line)
		if c.URL != "" {
			fmt.Fprintf(w, "      %s\n", c.URL)
		} else {
			fmt.Fprintf(w, "      (article %s)\n", c.ArticleID)
		}
	}
}
