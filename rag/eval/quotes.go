package eval

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// QuoteMetrics are the scores of one half of the set.
type QuoteMetrics struct {
	Split string `json:"split"`
	// Attributed is the number of extracted quotations that stand on a
	// labelled span and are given to a person (or stand on a real
	// quotation, whoever they are given to); Correct of them name the
	// person the label does.
	Attributed int     `json:"attributed"`
	Correct    int     `json:"correct"`
	Precision  float64 `json:"precision"`
	// Quotations is the number of labelled quotations, Found how many of
	// them were extracted whole-span and given to the right person.
	Quotations    int                `json:"quotations"`
	Found         int                `json:"found"`
	Recall        float64            `json:"recall"`
	RecallByKind  map[string]float64 `json:"recall_by_kind"`
	CountByKind   map[string]int     `json:"count_by_kind"`
	RelayedMarked int                `json:"relayed_marked"` // relayed quotations found and marked as relayed
	// NotQuotes is the number of labelled non-quotations, Rejected how many
	// were not given to a person (or, for namesakes and neighbours, not to
	// the wrong one).
	NotQuotes int     `json:"not_quotes"`
	Rejected  int     `json:"rejected"`
	Rejection float64 `json:"rejection"`
	// Events is the number of timeline events, Dated how many got a date
	// inside the labelled range.
	Events       int     `json:"events"`
	Dated        int     `json:"dated"`
	DateAccuracy float64 `json:"date_accuracy"`
	Missing      int     `json:"missing_articles"`
}

// QuoteFailure is one wrong answer, for --failures.
type QuoteFailure struct {
	Split   string `json:"split"`
	Kind    string `json:"kind"` // wrong-speaker, missed, not-rejected, crossed, wrong-date
	ID      string `json:"id"`
	Article string `json:"article"`
	Text    string `json:"text"`
	Want    string `json:"want"`
	Got     string `json:"got"`
}

// QuoteReport is the score of every half, in the order tune, check.
type QuoteReport struct {
	Splits   []QuoteMetrics `json:"splits"`
	Failures []QuoteFailure `json:"failures,omitempty"`
}

// Split returns the metrics of one half.
func (r QuoteReport) Split(name string) (QuoteMetrics, bool) {
	for _, m := range r.Splits {
		if m.Split == name {
			return m, true
		}
	}
	return QuoteMetrics{}, false
}

// span is a labelled span found in a body: byte offsets.
type span struct{ start, end int }

func (a span) overlaps(b span) bool { return a.start < b.end && b.start < a.end }

// labelled is one labelled span of an article, a quotation or not.
type labelled struct {
	at    span
	quote *GoldQuote
	not   *NotQuote
}

// ScoreQuotes runs the quotation extractor and the timeline's date reader
// on the labelled articles and scores them against the set, each half on
// its own. corpus holds the articles as loaded, which the labels' offsets
// are into; they are scored on a copy cleaned as ingestion cleans it (all
// of corpus, since cleaning drops paragraphs that many articles repeat).
func ScoreQuotes(set QuoteSet, corpus []rag.Article) QuoteReport {
	rawText := make(map[string]string, len(corpus))
	for _, a := range corpus {
		rawText[a.ID] = a.Text
	}
	articles := slices.Clone(corpus)
	prose.Clean(articles)
	byID := make(map[string]rag.Article, len(articles))
	for _, a := range articles {
		byID[a.ID] = a
	}
	people := map[string]GoldPerson{}
	for _, p := range set.People {
		people[p.Name] = p
	}
	splits := []string{"tune", "check"}
	ms := map[string]*QuoteMetrics{}
	for _, s := range splits {
		ms[s] = &QuoteMetrics{Split: s, RecallByKind: map[string]float64{}, CountByKind: map[string]int{}}
	}
	metric := func(split string) *QuoteMetrics {
		if m, ok := ms[split]; ok {
			return m
		}
		m := &QuoteMetrics{Split: split, RecallByKind: map[string]float64{}, CountByKind: map[string]int{}}
		ms[split] = m
		splits = append(splits, split)
		return m
	}
	var fails []QuoteFailure
	foundByKind := map[string]map[string]int{}

	labels := map[string][]labelled{}
	splitOf := map[string]string{}
	for i := range set.Quotations {
		q := &set.Quotations[i]
		labels[q.Article] = append(labels[q.Article], labelled{quote: q})
		splitOf[q.Article] = q.Split
	}
	for i := range set.NotQuotes {
		n := &set.NotQuotes[i]
		labels[n.Article] = append(labels[n.Article], labelled{not: n})
		splitOf[n.Article] = n.Split
	}

	for _, id := range set.Articles() {
		a, ok := byID[id]
		ls := labels[id]
		if !ok {
			if split, ok := splitOf[id]; ok {
				metric(split).Missing++
			}
		}
		located := make([]bool, len(ls))
		for k := range ls {
			text, start := "", 0
			if ls[k].quote != nil {
				text, start = ls[k].quote.Text, ls[k].quote.Start
			} else {
				text, start = ls[k].not.Text, ls[k].not.Start
			}
			ls[k].at, located[k] = locate(rawText[id], a.Text, text, start)
		}
		var extracted []rag.Quote
		if ok {
			extracted = quote.Extract(a)
		}
		// Which labelled spans each extracted quotation stands on.
		hitsOf := make([][]int, len(extracted))
		for e, q := range extracted {
			qs := span{q.Start, q.Start + len(q.Text)}
			seen := map[span]bool{}
			for k, l := range ls {
				if located[k] && qs.overlaps(l.at) && !seen[l.at] {
					seen[l.at] = true
					hitsOf[e] = append(hitsOf[e], k)
				}
			}
		}
		// Precision: every extracted quotation on a labelled span that
		// is given to a person, or that stands on a real quotation.
		gotFor := map[int][]int{} // labelled index → extracted quotations on it alone
		for e, q := range extracted {
			hits := hitsOf[e]
			if len(hits) == 0 {
				continue
			}
			if crosses(a.Text, ls, hits) {
				// One span across the reporter's words between two
				// quotations: wrong whatever the speaker.
				l := ls[hits[0]]
				m := metric(splitOfLabel(l))
				m.Attributed++
				fails = append(fails, QuoteFailure{Split: m.Split, Kind: "crossed", ID: labelID(l), Article: id,
					Text: clip(q.Text), Want: fmt.Sprintf("%d separate spans", len(hits)), Got: q.Speaker})
				continue
			}
			// A quotation run on over paragraphs is labelled paragraph by
			// paragraph; the extracted run stands on each.
			for _, k := range hits[1:] {
				gotFor[k] = append(gotFor[k], e)
			}
			l := ls[hits[0]]
			gotFor[hits[0]] = append(gotFor[hits[0]], e)
			m := metric(splitOfLabel(l))
			if l.quote != nil {
				m.Attributed++
				if speakerIs(q.Speaker, l.quote.Speaker, people) {
					m.Correct++
				} else {
					fails = append(fails, QuoteFailure{Split: m.Split, Kind: "wrong-speaker", ID: l.quote.ID, Article: id,
						Text: clip(l.quote.Text), Want: l.quote.Speaker, Got: describe(q)})
				}
				continue
			}
			if givenToPerson(q) {
				m.Attributed++
				fails = append(fails, QuoteFailure{Split: m.Split, Kind: "wrong-speaker", ID: l.not.ID, Article: id,
					Text: clip(l.not.Text), Want: "not a quotation (" + l.not.Kind + ")", Got: describe(q)})
			}
		}
		// Recall and rejection.
		for k, l := range ls {
			if l.quote != nil {
				g := l.quote
				m := metric(g.Split)
				m.Quotations++
				m.CountByKind[g.Kind]++
				found := false
				var got []string
				for _, e := range gotFor[k] {
					got = append(got, describe(extracted[e]))
					if speakerIs(extracted[e].Speaker, g.Speaker, people) {
						found = true
						if g.Kind == "relayed" && extracted[e].Relayer != "" {
							m.RelayedMarked++
						}
					}
				}
				if found {
					m.Found++
					if foundByKind[g.Split] == nil {
						foundByKind[g.Split] = map[string]int{}
					}
					foundByKind[g.Split][g.Kind]++
				} else if len(got) == 0 {
					fails = append(fails, QuoteFailure{Split: g.Split, Kind: "missed", ID: g.ID, Article: id,
						Text: clip(g.Text), Want: g.Speaker + " (" + g.Kind + ")"})
				}
				continue
			}
			n := l.not
			m := metric(n.Split)
			m.NotQuotes++
			taken := ""
			for _, e := range gotFor[k] {
				q := extracted[e]
				if n.Family == "person" {
					if n.NotSpeaker != "" && speakerIs(q.Speaker, n.NotSpeaker, people) && !speakerIs(q.Speaker, n.TrueSpeaker, people) {
						taken = describe(q)
					}
				} else if givenToPerson(q) {
					taken = describe(q)
				}
			}
			if taken == "" {
				m.Rejected++
			} else if n.Family == "person" {
				fails = append(fails, QuoteFailure{Split: n.Split, Kind: "not-rejected", ID: n.ID, Article: id,
					Text: clip(n.Text), Want: "not " + n.NotSpeaker + " (" + n.Kind + ")", Got: taken})
			}
		}
	}

	daters := map[string]*prose.ArticleDates{}
	for _, e := range set.Timeline {
		m := metric(e.Split)
		m.Events++
		// The timeline's own reader (answer.Engine.Timeline dates a
		// sentence the same way): relative dates from the article's
		// reference date, anaphoric ones from the article's last date
		// before the sentence.
		dates, seen := daters[e.Article]
		if !seen {
			var body string
			if a, ok := byID[e.Article]; ok {
				body = a.Text
			}
			dates = prose.NewArticleDates(body, parseDay(e.Published))
			daters[e.Article] = dates
		}
		got, ok := dates.Date(e.Sentence)
		// A sentence that tells two events gives each its own timeline
		// entry (answer.Engine.Timeline); the label's cue says which
		// event it dates.
		if d, found := eventOf(dates.Events(e.Sentence), e.Sentence, e.CueText, got); found {
			got, ok = d, true
		}
		from, to := parseDay(e.DateFrom), parseDay(e.DateTo)
		if ok && !got.Date.Before(from) && !got.Date.After(to) {
			m.Dated++
			continue
		}
		gotText := "no date"
		if ok {
			gotText = got.Date.Format("2006-01-02") + " from " + strconvQuote(got.Phrase)
		}
		fails = append(fails, QuoteFailure{Split: e.Split, Kind: "wrong-date", ID: e.ID, Article: e.Article,
			Text: clip(e.Sentence), Want: e.Date + " (" + e.Cue + ")", Got: gotText})
	}

	var rep QuoteReport
	for _, s := range splits {
		m := ms[s]
		m.Precision = ratio(m.Correct, m.Attributed)
		m.Recall = ratio(m.Found, m.Quotations)
		for kind, n := range m.CountByKind {
			m.RecallByKind[kind] = ratio(foundByKind[s][kind], n)
		}
		m.Rejection = ratio(m.Rejected, m.NotQuotes)
		m.DateAccuracy = ratio(m.Dated, m.Events)
		rep.Splits = append(rep.Splits, *m)
	}
	sort.SliceStable(fails, func(i, j int) bool {
		if fails[i].Split != fails[j].Split {
			return fails[i].Split > fails[j].Split // tune before check
		}
		return fails[i].Kind < fails[j].Kind
	})
	rep.Failures = fails
	return rep
}

// eventOf picks, among the dated events of a sentence, the one whose date
// phrase stands inside cue, the words a label's date rests on: the
// sentence's own date when it is one of them, or else the most exact, the
// first among equals. found is false when no event's phrase is in cue.
func eventOf(events []prose.DatedPhrase, sentence, cue string, sentenceDate rag.EventDate) (rag.EventDate, bool) {
	cs := strings.Index(sentence, cue)
	if cue == "" || cs < 0 {
		return rag.EventDate{}, false
	}
	ce := cs + len(cue)
	var in []prose.DatedPhrase
	for _, ev := range events {
		if ev.At >= cs && ev.At+len(ev.Phrase) <= ce {
			if ev.Phrase == sentenceDate.Phrase && ev.Date.Equal(sentenceDate.Date) {
				return sentenceDate, true
			}
			in = append(in, ev)
		}
	}
	if len(in) == 0 {
		return rag.EventDate{}, false
	}
	best := in[0]
	for _, ev := range in[1:] {
		if prose.MoreExact(ev.Precision, best.Precision) {
			best = ev
		}
	}
	return best.EventDate, true
}

// crosses reports whether the labelled spans an extracted quotation covers
// have the reporter's words between them (any letter outside the spans).
func crosses(body string, ls []labelled, hits []int) bool {
	if len(hits) < 2 {
		return false
	}
	at := make([]span, len(hits))
	for i, k := range hits {
		at[i] = ls[k].at
	}
	sort.Slice(at, func(i, j int) bool { return at[i].start < at[j].start })
	for i := 1; i < len(at); i++ {
		if at[i].start > at[i-1].end {
			for _, r := range body[at[i-1].end:at[i].start] {
				if unicode.IsLetter(r) {
					return true
				}
			}
		}
	}
	return false
}

func splitOfLabel(l labelled) string {
	if l.quote != nil {
		return l.quote.Split
	}
	return l.not.Split
}

func labelID(l labelled) string {
	if l.quote != nil {
		return l.quote.ID
	}
	return l.not.ID
}

func describe(q rag.Quote) string {
	s := q.Speaker
	if q.Relayer != "" {
		s += " (relayed by " + q.Relayer + ")"
	}
	if q.Mention != "" {
		s += " [" + q.Mention + "]"
	}
	return s
}

// speakerIs reports whether the name a tool gave is the labelled person:
// one of the forms of their name, and none of a namesake's.
func speakerIs(got, want string, people map[string]GoldPerson) bool {
	if got == "" || want == "" {
		return false
	}
	g := nameKey(got)
	p, ok := people[want]
	forms := []string{want}
	if ok {
		forms = append(forms, p.Variants...)
	}
	match := false
	for _, f := range forms {
		if i := strings.IndexByte(f, '('); i > 0 {
			f = f[:i] // "Jon Porter (0a6ab7f10051)": the article the form is from
		}
		if nameKey(f) == g {
			match = true
			break
		}
	}
	// The extractor gives the fullest name the article uses: "Anna Moriah
	// Wilson" is Moriah Wilson, named with a first name she goes without.
	if !match {
		match = addsGivenNames(g, nameKey(want))
	}
	if !match || !ok {
		return match
	}
	for _, ns := range p.Namesakes {
		if i := strings.IndexByte(ns, '('); i >= 0 {
			ns = strings.TrimSpace(ns[:i])
		}
		if nameKey(ns) == g {
			return false
		}
		if other, ok := people[ns]; ok {
			for _, f := range other.Variants {
				// A form both share says nothing about which is meant,
				// unless it is this person's own full name.
				if nameKey(f) == g && g != nameKey(want) {
					return false
				}
			}
		}
	}
	return true
}

// addsGivenNames reports whether the name key got is the key want with
// more given names: both end in the same surname, and every word of want
// stands in got in the same order ("anna moriah wilson" and "moriah
// wilson"). A suffix after the surname ("jr") is not a given name.
func addsGivenNames(got, want string) bool {
	g, w := strings.Fields(got), strings.Fields(want)
	if len(w) < 2 || len(g) <= len(w) || g[len(g)-1] != w[len(w)-1] {
		return false
	}
	k := 0
	for _, x := range g {
		if k < len(w) && x == w[k] {
			k++
		}
	}
	return k == len(w)
}

// nameKey reduces a name to its words, without courtesy or job titles
// and punctuation: "Dr. Anthony Fauci" and "Anthony Fauci" have one key.
func nameKey(name string) string {
	var words []string
	for _, w := range strings.Fields(name) {
		w = strings.ToLower(strings.Trim(w, ".,’'‘"))
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if titleWords[w] || w == "" {
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

var titleWords = prose.WordSet(`mr mrs ms miss dr sir dame lord lady president sen senator rep gov governor first commissioner judge justice secretary prime minister`)

// givenToPerson reports whether a quotation is shown as a person's own
// words.
func givenToPerson(q rag.Quote) bool {
	return !q.NotPerson && q.Relayer == "" && looksLikePerson(q.Speaker)
}

// looksLikePerson reports whether a speaker is given as a person's name
// rather than a description ("a spokesperson", "the company"): every
// word capitalised, apart from the particles of names.
func looksLikePerson(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	switch strings.ToLower(f[0]) {
	case "the", "a", "an":
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameParticles[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

var nameParticles = prose.WordSet(`de del der van von la le da di bin al du dos`)

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func parseDay(s string) time.Time {
	for _, layout := range []string{"2006-01-02", "2006/01/02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 100 {
		return s
	}
	r := []rune(s)
	return string(r[:97]) + "..."
}

func strconvQuote(s string) string { return `"` + s + `"` }
