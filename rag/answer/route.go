package answer

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// Features a request can be routed to, besides an answer.
const (
	RouteAnswer   = ""
	RouteSummary  = "summary"
	RouteDigest   = "digest"
	RouteTimeline = "timeline"
	RouteQuotes   = "quotes"
	RouteCompare  = "compare"
)

// Request is what a message typed to `ask`, /ask, a mention or a question
// channel asks for: an answer, or one of the other features with its
// argument.
type Request struct {
	Feature string // RouteAnswer or one of the Route constants
	Topic   string // what it is about; empty for the whole coverage
	Person  string // for quotes: whose words
}

// The grammar of requests. A request opens with optional courtesy ("hey",
// "can you", "please", "give me", "I'd like") and then one of the phrasings
// below; what follows is the topic, with its determiners and the words that
// name the coverage itself ("the coverage of", "the article on") taken off.
// A question the answerer should answer ("what did X say?") matches none of
// them.
var (
	courtesy = `^(?:(?:hey|hi|hello|ok|okay|so|yo|please|pls|plz|bot|coveragebot|can you|could you|would you|will you|can i (?:get|have|see)|could i (?:get|have|see)|i(?:'d| would) like|id like|i want|i need|give me|show me|get me|tell me|let me (?:see|know)|do you have|gimme|just)[\s,]+)*`
	grammar  = []struct {
		feature string
		re      *regexp.Regexp
	}{
		{RouteTimeline, regexp.MustCompile(courtesy + `(?:an? |the )?(?:timeline|chronology)(?: of| for| on| about)?(?:\s+(?P<topic>.*))?$`)},
		{RouteTimeline, regexp.MustCompile(courtesy + `(?:walk me through|how did) (?P<topic>.+?) (?:unfold|develop|play out)$`)},
		{RouteCompare, regexp.MustCompile(courtesy + `how (?:did|do|have|has) (?:the |different |various |other )?(?:outlets|media|sites|websites|papers|newspapers|press|sources|news outlets|news sites|publications|broadcasters|reports) (?:cover(?:ed)?|report(?:ed)?(?: on)?|describe[d]?|frame[d]?|handle[d]?|treat(?:ed)?) (?P<topic>.+)$`)},
		{RouteCompare, regexp.MustCompile(courtesy + `compare (?:how )?(?:the )?(?:different |various )?(?:coverage|outlets|media|sites|websites|papers|newspapers|sources|reports|reporting)(?: of| on| about)?(?: (?:reported|covered|described|framed)(?: on)?)? (?P<topic>.+)$`)},
		{RouteQuotes, regexp.MustCompile(courtesy + `who(?:'s| has| have)? (?:said|says|saying|been saying|quoted)(?: what)?(?: about| on)? (?P<topic>.+)$`)},
		{RouteQuotes, regexp.MustCompile(courtesy + `what(?:'s| is| has| have) (?P<person>.+?) (?:been )?(?:saying|said)(?: (?:about|on) (?P<topic>.+?))?(?:[,;.]? ?(?:all )?(?:(?:his|her|their) )?quotes)?$`)},
		{RouteQuotes, regexp.MustCompile(courtesy + `(?:all )?(?:the )?quotes (?:from|by|of) (?P<person>.+?)(?: (?:about|on) (?P<topic>.+))?$`)},
		{RouteQuotes, regexp.MustCompile(courtesy + `(?:all )?(?P<person>.+?)(?:'s|’s) quotes(?: (?:about|on) (?P<topic>.+))?$`)},
		{RouteSummary, regexp.MustCompile(courtesy + `(?:summari[sz]e|sum up|recap|tl;?dr|brief me on|give (?:me )?an? (?:(?:quick|short|brief) )?(?:summary|overview|recap|rundown) of|an? (?:(?:quick|short|brief) )?(?:summary|overview|recap|rundown) of)(?: of| on)?(?:\s+(?P<topic>.*))?$`)},
		{RouteDigest, regexp.MustCompile(courtesy + `(?:what(?:'s| is) )?(?:the )?latest(?: news| headlines| coverage| updates?| stories)?(?: (?:on|about|in|with|from) (?P<topic>.+))?$`)},
		// "What happened this week?" asks for the news, as "what's
		// new" does; with a topic ("what happened at the basilica") it is
		// a question about an event, for the answerer.
		{RouteDigest, regexp.MustCompile(courtesy + `what(?:'s| has)?(?: been)? happen(?:ed|ing)(?: (?:this|last|the past|over the) (?:week|month|weekend|few days)| today| yesterday| recently| lately| overnight| so far)?$`)},
		{RouteDigest, regexp.MustCompile(courtesy + `(?:what(?:'s| is) new|what(?:'s| is) happening|anything new|any news|any updates?|updates?|news|catch me up)(?: (?:on|about|in|with|re) (?P<topic>.+))?$`)},
	}
	// topicNoise is what a request says about the coverage rather than
	// the subject: "the coverage of", "the article on", "everything you
	// have".
	topicLead    = regexp.MustCompile(`^(?:(?:the|all|of|on|about|this|these|that|those|your|you)\s+)*(?:(?:coverage|reporting|news|articles?|stories|story|reports?|pieces?)(?:\s+(?:of|on|about|from))?\s+)?(?:the\s+)?`)
	topicTail    = regexp.MustCompile(`(?:\s+(?:article|story|piece|coverage|news|reporting|pls|please|plz|for me|this week|today|so far|then|now))+$`)
	courtesyTail = regexp.MustCompile(`(?:[\s,]+(?:pls|please|plz|thanks|thank you|thx|ty|cheers|mate))+$`)
	wholeWords   = regexp.MustCompile(`^(?:everything|it all|all|all of it|everything you have|what you have|all you have|the coverage|the news|coverage|news|)$`)
)

// ParseRequest reads a message as a request for one of the features, by the
// grammar above, or as a question (Feature RouteAnswer).
func ParseRequest(text string) Request {
	s := strings.ToLower(strings.TrimSpace(NormalizeQuestion(text)))
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.TrimRight(s, "?!. ")
	// "what's zelensky been saying? all his quotes": one request.
	s = strings.NewReplacer("? ", ", ", "! ", ", ").Replace(s)
	s = courtesyTail.ReplaceAllString(s, "")
	for _, g := range grammar {
		m := g.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		r := Request{Feature: g.feature}
		for i, name := range g.re.SubexpNames() {
			switch name {
			case "topic":
				r.Topic = cleanTopic(m[i])
			case "person":
				r.Person = cleanTopic(m[i])
			}
		}
		if r.Feature == RouteQuotes && r.Person == "" && (r.Topic == "" || asksWhoSaidClause(s)) {
			continue
		}
		return r
	}
	return Request{}
}

// whoSaidClause is "who said" and what follows it, when that is not a
// topic ("what about…", "about…", "on…").
var whoSaidClause = regexp.MustCompile(courtesy + `who(?:'s| has| have)? (?:said|says|claimed|claims)(?: that)? (?P<clause>.+)$`)

// finiteAuxiliary are the auxiliaries, modals and forms of "be", "have"
// and "do" that make a string of words a clause. A closed class.
var finiteAuxiliary = wordSet(`is are was were has have had will would can could should must may might does did do isnt arent wasnt werent wont cant`)

// asksWhoSaidClause reports whether a "who said …" message asks who said a
// particular thing ("who said ukraine is invited to the talks"): a clause
// with a finite verb follows, not a topic ("who said what about nato").
// That is a question for the answerer, not a request for quotations.
func asksWhoSaidClause(s string) bool {
	m := whoSaidClause.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	clause := m[len(m)-1]
	for _, lead := range []string{"what ", "about ", "on "} {
		if strings.HasPrefix(clause, lead) {
			return false
		}
	}
	for _, w := range strings.Fields(clause) {
		if finiteAuxiliary[strings.Trim(w, ",;:'")] {
			return true
		}
	}
	return false
}

func cleanTopic(s string) string {
	s = strings.TrimSpace(s)
	s = topicTail.ReplaceAllString(s, "")
	s = topicLead.ReplaceAllString(s, "")
	s = strings.Trim(s, " ,;:.")
	if wholeWords.MatchString(s) {
		return ""
	}
	return s
}

// routed carries out a request for another feature and gives the result as
// an answer: its text cited like an answer's, and a note, in Caveat, that
// says what was done, so that whoever asked knows which feature spoke.
func (e *Engine) routed(ctx context.Context, r Request, opts rag.AskOptions) (rag.Answer, error) {
	var (
		ans rag.Answer
		err error
	)
	if why, err := e.topicAbsent(ctx, r.Topic, opts); err != nil {
		return rag.Answer{}, fmt.Errorf("%s: %w", r.Feature, err)
	} else if why != "" {
		// A story the coverage lacks gets no digest of other stories.
		return rag.Answer{Text: why, Abstained: true, Route: r.Feature, Mode: e.Mode(),
			Caveat: "Read as a request for " + featureNames[r.Feature] + onTopic(r.Topic) + "."}, nil
	}
	switch r.Feature {
	case RouteSummary:
		ans, err = e.summarize(ctx, rag.SummaryRequest{Topic: r.Topic, AsOf: opts.AsOf, OnDelta: opts.OnDelta}, false)
		ans.Caveat = "Read as a request for a summary" + about(r.Topic, " of the whole coverage") + " (the same as /summary)."
	case RouteDigest:
		ans, err = e.latest(ctx, r.Topic, opts)
		note := "Read as a request for the latest" + onTopic(r.Topic) + " (a digest, like /digest)."
		if stale := e.staleNote(newestPublished(ans.Citations), opts.AsOf); stale != "" {
			note += " " + stale
		}
		ans.Caveat = note
	case RouteTimeline:
		if r.Topic == "" {
			return rag.Answer{}, fmt.Errorf("timeline: name a story: %w", rag.ErrEmptyQuestion)
		}
		var entries []rag.TimelineEntry
		entries, err = e.Timeline(ctx, r.Topic, opts.AsOf)
		ans = timelineAnswer(entries)
		ans.Caveat = "Read as a request for a timeline" + about(r.Topic, "") + " (the same as /timeline)."
	case RouteQuotes:
		var qs []rag.Quote
		qs, err = e.Quotes(ctx, r.Person, r.Topic)
		ans = quotesAnswer(qs)
		who := "everyone's quotations"
		if r.Person != "" {
			who = r.Person + "'s quotations"
		}
		ans.Caveat = "Read as a request for " + who + onTopic(r.Topic) + " (the same as /quotes)."
	case RouteCompare:
		if r.Topic == "" {
			return rag.Answer{}, fmt.Errorf("compare: name a story: %w", rag.ErrEmptyQuestion)
		}
		var cmp rag.Comparison
		cmp, err = e.Compare(ctx, r.Topic)
		ans = comparisonAnswer(cmp)
		ans.Caveat = "Read as a request to compare the outlets' coverage" + onTopic(r.Topic) + " (the same as /compare)."
	}
	if err != nil {
		return rag.Answer{}, fmt.Errorf("%s: %w", r.Feature, err)
	}
	ans.Route = r.Feature
	if ans.Mode == "" {
		ans.Mode = e.Mode()
	}
	ans.AsOf = newestPublished(ans.Citations)
	return ans, nil
}

// featureNames name what each route gives, for its note.
var featureNames = map[string]string{
	RouteSummary:  "a summary",
	RouteDigest:   "the latest",
	RouteTimeline: "a timeline",
	RouteQuotes:   "quotations",
	RouteCompare:  "a comparison of the outlets' coverage",
}

func about(topic, whole string) string {
	if topic == "" {
		return whole
	}
	return " of “" + topic + "”"
}

func onTopic(topic string) string {
	if topic == "" {
		return ""
	}
	return " on “" + topic + "”"
}

// latestWindow is how far back from the newest article "the latest" reaches.
const latestWindow = 7 * 24 * time.Hour

// latest is a digest of the newest coverage: of everything, the articles of
// the week up to the newest one published by the as-of date; of a topic,
// the newest of the passages retrieved for it.
func (e *Engine) latest(ctx context.Context, topic string, opts rag.AskOptions) (rag.Answer, error) {
	asOf := opts.AsOf
	if topic == "" {
		var newest time.Time
		for _, a := range e.Index.Articles() {
			if !a.Published.After(asOf) && a.Published.After(newest) {
				newest = a.Published
			}
		}
		if newest.IsZero() {
			return rag.Answer{Abstained: true, Mode: e.Mode(), Text: "The coverage holds no dated articles, so nothing is the latest."}, nil
		}
		return e.Digest(ctx, newest.Add(-latestWindow))
	}
	hits, err := e.retrieve(ctx, topic, rag.RetrieveOptions{K: summaryTopicK, AsOf: asOf})
	if err != nil {
		return rag.Answer{}, err
	}
	// The newest articles that share a word with the topic are not the
	// latest on it unless they name what it names.
	hits = e.namingStory(hits, topic)
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Published.After(hits[j].Published) })
	var passages []rag.Passage
	for _, h := range hits {
		if len(hits) > 0 && hits[0].Published.Sub(h.Published) > latestWindow {
			continue
		}
		passages = append(passages, h.Passage)
	}
	return e.summarisePassages(ctx, topic, passages, opts.OnDelta)
}

// timelineAnswer lists a timeline's entries, oldest first, each cited.
func timelineAnswer(entries []rag.TimelineEntry) rag.Answer {
	if len(entries) == 0 {
		return rag.Answer{Abstained: true, Text: "The coverage has no dated events on that story."}
	}
	var ans rag.Answer
	var lines []string
	for i, en := range entries {
		c := en.Citation
		c.N = i + 1
		ans.Citations = append(ans.Citations, c)
		// A date known to the year or month is written so, never as the
		// first day of it.
		lines = append(lines, fmt.Sprintf("%s: %s", en.WhenLong(), citeSentence(en.Text, c.N)))
	}
	ans.Text = strings.Join(lines, "\n")
	return ans
}

// quotesAnswer lists quotations, each with its speaker and citation.
func quotesAnswer(qs []rag.Quote) rag.Answer {
	if len(qs) == 0 {
		return rag.Answer{Abstained: true, Text: "The coverage quotes nobody on that."}
	}
	var ans rag.Answer
	var lines []string
	for i, q := range qs {
		if i == maxRoutedQuotes {
			break
		}
		n := i + 1
		ans.Citations = append(ans.Citations, rag.Citation{N: n, Passage: rag.Passage{
			ID: q.ArticleID, ArticleID: q.ArticleID, Title: q.Title, Outlet: q.Outlet, URL: q.URL, Published: q.Published, Text: q.Text,
		}})
		text := strings.TrimSpace(q.Text)
		if i := strings.Index(text, "\n"); i > 0 {
			text = strings.TrimSpace(text[:i]) + " …"
		}
		lines = append(lines, fmt.Sprintf("%s: “%s” [%d]", q.Speaker, strings.TrimRight(text, "”\""), n))
	}
	ans.Text = strings.Join(lines, "\n")
	return ans
}

// markers is "[1][2]…" for citations, after a single space.
func markers(cites []rag.Citation) string {
	if len(cites) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(" ")
	for _, c := range cites {
		b.WriteString("[" + strconv.Itoa(c.N) + "]")
	}
	return b.String()
}

// maxRoutedQuotes keeps a routed list of quotations to a reply's length.
const maxRoutedQuotes = 8

// comparisonAnswer gives each outlet's coverage of a story: when it first
// reported it and the facts only it carries.
func comparisonAnswer(cmp rag.Comparison) rag.Answer {
	if len(cmp.Outlets) == 0 {
		return rag.Answer{Abstained: true, Text: "No outlet in the coverage reported that story."}
	}
	ans := rag.Answer{Citations: cmp.Citations}
	var lines []string
	for _, o := range cmp.Outlets {
		line := fmt.Sprintf("%s: %d article(s)", o.Outlet, len(o.Articles))
		if !o.First.IsZero() {
			line += ", first on " + o.First.Format("2 January 2006")
		}
		line += markers(o.Sources)
		for _, f := range o.Unique {
			line += "; only here: " + citeSentence(f.Text, f.Citation.N)
		}
		lines = append(lines, line)
	}
	if cmp.Framing != "" {
		lines = append(lines, cmp.Framing)
	}
	ans.Text = strings.Join(lines, "\n")
	return ans
}
