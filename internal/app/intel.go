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
	"github.com/coveragebot/coveragebot/rag/prose"
)

// The coverage-intelligence commands: quotes, timeline, compare and digest.

// quotesCmd is `coveragebot quotes`.
type quotesCmd struct {
	JSON   bool
	Person string
	Topic  string
}

func (c *quotesCmd) bind(fs *flag.FlagSet) {
	fs.BoolVar(&c.JSON, "json", false, "print JSON")
	fs.StringVar(&c.Person, "person", "", "whose quotations to list: any form of the `NAME` (\"Bolton\", \"Sir Keir\")")
	fs.StringVar(&c.Topic, "topic", "", "keep only quotations on the topic `TEXT`")
}

// timelineCmd is `coveragebot timeline`.
type timelineCmd struct {
	JSON  bool
	Topic string
	AsOf  string
}

func (c *timelineCmd) bind(fs *flag.FlagSet) {
	fs.BoolVar(&c.JSON, "json", false, "print JSON")
	fs.StringVar(&c.Topic, "topic", "", "`TEXT` naming the story to put in order")
	fs.StringVar(&c.AsOf, "as-of", "", "the `DATE` the question is asked, YYYY-MM-DD: steers which coverage is found (default today)")
}

// compareCmd is `coveragebot compare`.
type compareCmd struct {
	JSON  bool
	Topic string
}

func (c *compareCmd) bind(fs *flag.FlagSet) {
	fs.BoolVar(&c.JSON, "json", false, "print JSON")
	fs.StringVar(&c.Topic, "topic", "", "`TEXT` naming the story whose coverage to compare")
}

// digestCmd is `coveragebot digest`.
type digestCmd struct {
	JSON  bool
	Since string
}

func (c *digestCmd) bind(fs *flag.FlagSet) {
	fs.BoolVar(&c.JSON, "json", false, "print JSON (the summary contract, with \"since\")")
	fs.StringVar(&c.Since, "since", "1d", "what counts as new: a `SPAN` before now (12h, 1d, 7d, 2w), or a date YYYY-MM-DD")
}

// flagOrArgs takes the value of --name, or else the words after the
// command, but not both.
func flagOrArgs(value string, args []string, name string) (string, error) {
	value = strings.TrimSpace(value)
	if value == "" {
		return strings.TrimSpace(strings.Join(args, " ")), nil
	}
	if len(args) > 0 {
		return "", usageErr("give the %s once, with --%s or after the command", name, name)
	}
	return value, nil
}

// topicArg takes --topic, or else the words after the command.
func topicArg(flagValue string, args []string, example string) (string, error) {
	topic, err := flagOrArgs(flagValue, args, "topic")
	if err != nil {
		return "", err
	}
	if topic == "" {
		return "", usageErr("give a topic, for example: %s", example)
	}
	return topic, nil
}

// intelStack opens the index (building it from the data directory when it
// is empty) and the engine.
func intelStack(ctx context.Context, inv *invocation) (*stack, error) {
	st, err := openStack(inv.cfg, inv.logger, stackOptions{})
	if err != nil {
		return nil, err
	}
	if err := ensureIndexed(ctx, inv, st); err != nil {
		return nil, err
	}
	return st, nil
}

// jsonQuote is one quotation in the --json contract of quotes.
type jsonQuote struct {
	Speaker   string `json:"speaker"`
	Role      string `json:"role,omitempty"`
	Text      string `json:"text"`
	About     string `json:"about,omitempty"`
	Relayer   string `json:"relayed_by,omitempty"`
	Mention   string `json:"mention,omitempty"`
	Pronoun   bool   `json:"pronoun"`
	ArticleID string `json:"article_id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Start     int    `json:"start"`
}

type jsonQuotes struct {
	Person string      `json:"person,omitempty"`
	Topic  string      `json:"topic,omitempty"`
	Quotes []jsonQuote `json:"quotes"`
	// Speakers lists everyone the coverage quotes when nobody matched, so
	// that a misspelt name can be corrected.
	Speakers []string `json:"speakers,omitempty"`
	// Candidates lists the people a name that fits several may mean; their
	// words are not merged, and Quotes is empty.
	Candidates []string `json:"candidates,omitempty"`
}

func (c *quotesCmd) run(ctx context.Context, inv *invocation) error {
	person, err := flagOrArgs(c.Person, inv.args, "person")
	if err != nil {
		return err
	}
	topic := strings.TrimSpace(c.Topic)
	if person == "" && topic == "" {
		return usageErr(`name a person, for example: coveragebot quotes --person Bolton`)
	}
	st, err := intelStack(ctx, inv)
	if err != nil {
		return err
	}
	quotes, err := st.engine.Quotes(ctx, person, topic)
	var amb *rag.AmbiguousPersonError
	if errors.As(err, &amb) {
		if c.JSON {
			return writeJSON(inv.stdout(), jsonQuotes{Person: person, Topic: topic, Quotes: []jsonQuote{}, Candidates: amb.Candidates})
		}
		fmt.Fprintf(inv.stdout(), "“%s” may mean more than one person the coverage quotes:\n", person)
		for _, c := range amb.Candidates {
			fmt.Fprintf(inv.stdout(), "  %s\n", c)
		}
		fmt.Fprintf(inv.stdout(), "Ask again with one of these names, for example: coveragebot quotes --person %q\n", amb.Candidates[0])
		return nil
	}
	if err != nil {
		return friendlyAskError(err)
	}
	var speakers []string
	if len(quotes) == 0 {
		speakers = st.index.Speakers()
	}
	if c.JSON {
		out := jsonQuotes{Person: person, Topic: topic, Quotes: make([]jsonQuote, 0, len(quotes)), Speakers: speakers}
		for _, q := range quotes {
			out.Quotes = append(out.Quotes, jsonQuote{
				Speaker: q.Speaker, Role: q.Role, Text: q.Text, About: q.About, Relayer: q.Relayer, Mention: q.Mention, Pronoun: q.Pronoun,
				ArticleID: q.ArticleID, Title: q.Title, Outlet: q.Outlet, URL: q.URL, Published: formatDate(q.Published), Start: q.Start,
			})
		}
		return writeJSON(inv.stdout(), out)
	}
	writeQuotes(inv.stdout(), person, topic, quotes, speakers)
	return nil
}

func writeQuotes(w io.Writer, person, topic string, quotes []rag.Quote, speakers []string) {
	what := "Quotations"
	if person != "" {
		what += fmt.Sprintf(" from %s", person)
	}
	if topic != "" {
		what += fmt.Sprintf(" on %q", topic)
	}
	if len(quotes) == 0 {
		fmt.Fprintf(w, "%s: none in the coverage.\n", what)
		if len(speakers) > 0 {
			fmt.Fprintf(w, "\nThe coverage quotes: %s.\n", strings.Join(speakers, ", "))
		}
		return
	}
	fmt.Fprintf(w, "%s (%d):\n", what, len(quotes))
	for i, q := range quotes {
		// A quotation over several paragraphs keeps its breaks, indented.
		text := strings.ReplaceAll(q.Text, "\n\n", "\n   ")
		fmt.Fprintf(w, "\n%d. “%s”\n", i+1, text)
		who := "   — " + q.Speaker
		if q.Role != "" && !strings.EqualFold(q.Role, q.Speaker) {
			who += ", " + q.Role
		}
		if q.Mention != "" {
			who += fmt.Sprintf(" (the article says “%s”)", q.Mention)
		}
		fmt.Fprintln(w, who)
		if q.Relayer != "" {
			fmt.Fprintf(w, "     relayed by %s\n", q.Relayer)
		}
		if q.About != "" {
			fmt.Fprintf(w, "     about %s: relayed by %s, not %s's own words\n", q.About, lowerFirst(q.Speaker), q.About)
		}
		fmt.Fprintf(w, "   %s\n", q.Title)
		fmt.Fprintf(w, "   %s\n", sourceLine(q.Outlet, q.Published, q.URL, q.ArticleID))
	}
}

// lowerFirst turns "A Downing Street spokesperson" into "a Downing Street
// spokesperson" for use inside a sentence; a name is left alone.
func lowerFirst(s string) string {
	for _, article := range []string{"A ", "An ", "The "} {
		if strings.HasPrefix(s, article) {
			return strings.ToLower(article[:1]) + s[1:]
		}
	}
	return s
}

// sourceLine is "Outlet, 2 Jan 2006 · URL", with the article id when there
// is no URL.
func sourceLine(outlet string, published time.Time, url, articleID string) string {
	var parts []string
	if outlet != "" {
		parts = append(parts, outlet)
	}
	if !published.IsZero() {
		parts = append(parts, published.UTC().Format("2 Jan 2006"))
	}
	where := "article " + articleID
	if url != "" {
		where = url
	}
	return strings.Join(parts, ", ") + " · " + where
}

// jsonTimelineEntry is one event in the --json contract of timeline.
type jsonTimelineEntry struct {
	// Date is the first day of the period the event is dated to; When is
	// the date at its precision in ISO 8601 ("2024", "2024-02", "2025-W07",
	// "2025-02-14").
	Date      string       `json:"date"`
	When      string       `json:"when"`
	DateText  string       `json:"date_text"`
	Approx    bool         `json:"approx"`
	Precision string       `json:"precision"`
	Text      string       `json:"text"`
	Update    bool         `json:"update"`
	Revises   int          `json:"revises,omitempty"`
	Citation  jsonCitation `json:"citation"`
}

type jsonTimeline struct {
	Topic   string              `json:"topic"`
	Entries []jsonTimelineEntry `json:"entries"`
}

func toJSONCitation(c rag.Citation) jsonCitation {
	return jsonCitation{N: c.N, ArticleID: c.ArticleID, PassageID: c.ID, Title: c.Title, Outlet: c.Outlet,
		URL: c.URL, Published: formatDate(c.Published), Passage: c.Text}
}

func (c *timelineCmd) run(ctx context.Context, inv *invocation) error {
	topic, err := topicArg(c.Topic, inv.args, `coveragebot timeline --topic "Trump Zelenskyy"`)
	if err != nil {
		return err
	}
	asOf, err := parseAsOf(c.AsOf)
	if err != nil {
		return err
	}
	st, err := intelStack(ctx, inv)
	if err != nil {
		return err
	}
	entries, err := st.engine.Timeline(ctx, topic, asOf)
	if err != nil {
		return friendlyAskError(err)
	}
	if c.JSON {
		out := jsonTimeline{Topic: topic, Entries: make([]jsonTimelineEntry, 0, len(entries))}
		for _, e := range entries {
			out.Entries = append(out.Entries, jsonTimelineEntry{
				Date: formatDate(e.Date), When: e.WhenISO(), DateText: e.DateText, Approx: e.Approx, Precision: e.Precision, Text: e.Text,
				Update: e.Update, Revises: e.Revises, Citation: toJSONCitation(e.Citation),
			})
		}
		return writeJSON(inv.stdout(), out)
	}
	writeTimeline(inv.stdout(), topic, entries)
	return nil
}

func writeTimeline(w io.Writer, topic string, entries []rag.TimelineEntry) {
	if len(entries) == 0 {
		fmt.Fprintf(w, "The coverage has no dated events about %q.\n", topic)
		return
	}
	fmt.Fprintf(w, "Timeline of %q (%d events):\n\n", topic, len(entries))
	cites := make([]rag.Citation, 0, len(entries))
	for _, e := range entries {
		from := "the date of the report"
		if e.DateText != "published" {
			from = "“" + e.DateText + "”"
		}
		fmt.Fprintf(w, "%-20s %s [%d]\n", e.When(), e.Text, e.Citation.N)
		fmt.Fprintf(w, "%-20s dated from %s\n", "", from)
		if e.Update {
			fmt.Fprintf(w, "%-20s update: a later report with another figure than [%d]\n", "", e.Revises)
		}
		cites = append(cites, e.Citation)
	}
	writeCitationList(w, cites)
}

// writeCitationList prints numbered sources, as ask does.
func writeCitationList(w io.Writer, cites []rag.Citation) {
	if len(cites) == 0 {
		return
	}
	fmt.Fprintln(w, "\nSources:")
	for _, c := range cites {
		fmt.Fprintf(w, "  [%d] %s\n", c.N, c.Title)
		fmt.Fprintf(w, "      %s\n", sourceLine(c.Outlet, c.Published, c.URL, c.ArticleID))
	}
}

type jsonFact struct {
	Text string `json:"text"`
	N    int    `json:"n"` // the citation
}

// jsonOutletArticle is an article of the story with the citation of the
// passage that shows it covers it.
type jsonOutletArticle struct {
	jsonArticle
	N int `json:"n"`
}

type jsonOutlet struct {
	Outlet   string              `json:"outlet"`
	First    string              `json:"first,omitempty"`
	Articles []jsonOutletArticle `json:"articles"`
	Unique   []jsonFact          `json:"unique"`
}

type jsonComparison struct {
	Topic     string         `json:"topic"`
	Mode      string         `json:"mode"`
	Outlets   []jsonOutlet   `json:"outlets"`
	Framing   string         `json:"framing,omitempty"`
	Citations []jsonCitation `json:"citations"`
	Dropped   []string       `json:"dropped,omitempty"`
}

func (c *compareCmd) run(ctx context.Context, inv *invocation) error {
	topic, err := topicArg(c.Topic, inv.args, `coveragebot compare --topic "Kessel Bridge collapse"`)
	if err != nil {
		return err
	}
	st, err := intelStack(ctx, inv)
	if err != nil {
		return err
	}
	cmp, err := st.engine.Compare(ctx, topic)
	if err != nil {
		return friendlyAskError(err)
	}
	if c.JSON {
		out := jsonComparison{Topic: cmp.Topic, Mode: cmp.Mode, Framing: cmp.Framing, Dropped: cmp.Dropped,
			Outlets: make([]jsonOutlet, 0, len(cmp.Outlets)), Citations: make([]jsonCitation, 0, len(cmp.Citations))}
		for _, o := range cmp.Outlets {
			jo := jsonOutlet{Outlet: o.Outlet, First: formatDate(o.First), Articles: []jsonOutletArticle{}, Unique: []jsonFact{}}
			for i, a := range o.Articles {
				jo.Articles = append(jo.Articles, jsonOutletArticle{N: o.Sources[i].N, jsonArticle: jsonArticle{ID: a.ID, Title: a.Title,
					Outlet: a.Outlet, URL: a.URL, Published: formatDate(a.Published), Passages: a.Passages}})
			}
			for _, f := range o.Unique {
				jo.Unique = append(jo.Unique, jsonFact{Text: f.Text, N: f.Citation.N})
			}
			out.Outlets = append(out.Outlets, jo)
		}
		for _, cit := range cmp.Citations {
			out.Citations = append(out.Citations, toJSONCitation(cit))
		}
		return writeJSON(inv.stdout(), out)
	}
	writeComparison(inv.stdout(), cmp, st.engine.Chat != nil)
	return nil
}

func writeComparison(w io.Writer, cmp rag.Comparison, haveModel bool) {
	if len(cmp.Outlets) == 0 {
		fmt.Fprintf(w, "The coverage has nothing on %q.\n", cmp.Topic)
		return
	}
	articles := 0
	for _, o := range cmp.Outlets {
		articles += len(o.Articles)
	}
	fmt.Fprintf(w, "Coverage of %q: %s, %s.\n\n", cmp.Topic, plural(len(cmp.Outlets), "outlet"), plural(articles, "article"))
	fmt.Fprintln(w, "Who reported it first:")
	for i, o := range cmp.Outlets {
		first := "undated"
		if !o.First.IsZero() {
			first = o.First.UTC().Format("2 Jan 2006")
		}
		fmt.Fprintf(w, "  %d. %s — %s (%s)\n", i+1, o.Outlet, first, plural(len(o.Articles), "article"))
		for i, a := range o.Articles {
			fmt.Fprintf(w, "       %s · %s [%d]\n", a.Title, a.ID, o.Sources[i].N)
		}
	}
	if len(cmp.Outlets) == 1 {
		fmt.Fprintf(w, "\nOnly %s covered this story, so there is nothing to compare.\n", cmp.Outlets[0].Outlet)
		writeCitationList(w, cmp.Citations)
		return
	}
	for _, o := range cmp.Outlets {
		fmt.Fprintf(w, "\nOnly in %s:\n", o.Outlet)
		if len(o.Unique) == 0 {
			fmt.Fprintln(w, "  (nothing the others do not also report)")
		}
		for _, f := range o.Unique {
			fmt.Fprintf(w, "  - %s [%d]\n", f.Text, f.Citation.N)
		}
	}
	switch {
	case cmp.Framing != "":
		fmt.Fprintf(w, "\nHow they framed it:\n%s\n", cmp.Framing)
	case haveModel:
		fmt.Fprintln(w, "\nHow they framed it: no contrast could be checked against the articles, so none is shown.")
	default:
		fmt.Fprintln(w, "\nWith a chat model configured, compare also contrasts how the outlets framed the story.")
	}
	writeCitationList(w, cmp.Citations)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// jsonDigest is the summary contract with the window's start.
type jsonDigest struct {
	jsonAnswer
	Since string `json:"since"`
}

func (c *digestCmd) run(ctx context.Context, inv *invocation) error {
	if len(inv.args) > 0 {
		return usageErr("digest takes no arguments; use --since")
	}
	since, err := prose.ParseSince(c.Since, time.Now())
	if errors.Is(err, rag.ErrBadSince) {
		return usageErr("--since: %v", err)
	}
	if err != nil {
		return err
	}
	st, err := intelStack(ctx, inv)
	if err != nil {
		return err
	}
	ans, err := st.engine.Digest(ctx, since)
	if err != nil {
		return err
	}
	if c.JSON {
		return writeJSON(inv.stdout(), jsonDigest{jsonAnswer: toJSONAnswer(ans, "summary"), Since: since.UTC().Format(time.RFC3339)})
	}
	fmt.Fprintf(inv.stdout(), "What is new since %s:\n\n", since.UTC().Format("2 January 2006 15:04 UTC"))
	writeTextAnswer(inv.stdout(), ans)
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
