package rag

import (
	"fmt"
	"time"
)

// Quote is a direct quotation found in an article: words between quotation
// marks that the article gives to a speaker.
type Quote struct {
	// Speaker is who the article gives the words to: a person's fullest name
	// in the article ("Sir Keir Starmer"), or a description when the article
	// names nobody ("A Downing Street spokesperson").
	Speaker string
	// Role is what the article says the speaker is ("Kremlin aide", "the
	// former British ambassador to Russia"), when it says.
	Role string
	// Text is the quotation exactly as it stands in the article body, without
	// the outer quotation marks. A quotation over several paragraphs keeps
	// the paragraph breaks and the opening marks of its later paragraphs, so
	// that it is always a verbatim substring of the body.
	Text      string
	ArticleID string
	Title     string
	Outlet    string
	URL       string
	Published time.Time
	// Start is the byte offset of Text in the article's clean body.
	Start int
	// Pronoun is true when the article names the speaker only by a pronoun
	// or a description ("he", "the French president") and Speaker was
	// resolved from the sentences before.
	Pronoun bool
	// Mention is the words the article uses for the speaker when they are
	// not the name given in Speaker ("He", "A statement on Mr Zelenskyy‘s
	// social media").
	Mention string
	// About is whom the words are about when the speaker relays someone
	// else's position, as a spokesperson relays a prime minister's. The
	// words are still the speaker's, not About's.
	About string
	// Relayer is who delivered the words when they are Speaker's but the
	// article has them through someone else: a spokesperson, a lawyer, a
	// statement issued by a team. Empty when Speaker said them in person.
	Relayer string
	// NotPerson is true when the speaker is not a named person: a company,
	// a government, an office, a document, or someone the article does not
	// name ("a senior official"). Such words never answer what a person
	// said.
	NotPerson bool
}

// TimelineEntry is one dated event of a story.
type TimelineEntry struct {
	// Date is when the event happened as far as the coverage says: the day,
	// or the first day of the week, month or year (see Precision).
	Date time.Time
	// DateText is the phrase the date was read from ("on Friday", "in
	// February"), or "published" when the sentence gives none and the
	// article's date stands in.
	DateText string
	// Approx is true when the date is less exact than a day.
	Approx    bool
	Precision string // PrecisionDay, PrecisionWeek, PrecisionMonth or PrecisionYear
	// Text is the sentence that reports the event, as the article has it.
	Text string
	// Citation is the passage the sentence stands in; its N is the entry's
	// position in the timeline.
	Citation Citation
	// Update is true when this entry, from a later report, gives another
	// figure for what an earlier entry reported; Revises is that entry's
	// position in the timeline (1-based). Both stay in the timeline.
	Update  bool
	Revises int
}

// When writes the entry's date as exactly as it is known: "2022",
// "Jun 2022", "week of 6 Jun 2022" or "8 Jun 2022". The bot and the command
// line both show timelines this way.
func (e TimelineEntry) When() string { return e.at("2 Jan 2006", "Jan 2006") }

// WhenLong is When with the month written out, for a date inside a
// sentence: "2022", "June 2022", "week of 6 June 2022" or "8 June 2022".
func (e TimelineEntry) WhenLong() string { return e.at("2 January 2006", "January 2006") }

// WhenISO is the date in ISO 8601 as exactly as it is known: "2022",
// "2022-06", "2022-W23" or "2022-06-08".
func (e TimelineEntry) WhenISO() string {
	if e.Precision == PrecisionWeek {
		y, w := e.Date.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return e.at("2006-01-02", "2006-01")
}

// at writes the date in a day's layout or a month's, by its precision.
func (e TimelineEntry) at(dayLayout, monthLayout string) string {
	switch e.Precision {
	case PrecisionYear:
		return e.Date.Format("2006")
	case PrecisionMonth:
		return e.Date.Format(monthLayout)
	case PrecisionWeek:
		return "week of " + e.Date.Format(dayLayout)
	}
	return e.Date.Format(dayLayout)
}

// How exactly an EventDate is known.
const (
	PrecisionDay   = "day"
	PrecisionWeek  = "week"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// EventDate is when a sentence says the thing it reports happened.
type EventDate struct {
	// Date is midnight UTC of the day, or of the first day of the week
	// (Monday), month or year the sentence names.
	Date time.Time
	// Phrase is the words the date was read from, as written.
	Phrase string
	// Precision is PrecisionDay, PrecisionWeek, PrecisionMonth or
	// PrecisionYear.
	Precision string
}

// Approx reports whether the date is known less exactly than to the day.
func (d EventDate) Approx() bool { return d.Precision != PrecisionDay }

// Comparison is how the outlets covered one story.
type Comparison struct {
	Topic string
	// Outlets are in the order they first reported the story (undated
	// coverage last).
	Outlets []OutletCoverage
	// Framing, with a language model, contrasts how the outlets told the
	// story; its [n] markers refer to Citations. Empty without a model,
	// with one outlet, or when none of its sentences could be checked.
	Framing string
	// Citations holds every passage cited: the articles' (see
	// OutletCoverage.Sources) first, then the facts', then the framing's.
	Citations []Citation
	// Dropped lists framing sentences removed because their citations did
	// not support them.
	Dropped []string
	Mode    string // ModeLLM when a model wrote Framing, else ModeExtractive
}

// OutletCoverage is one outlet's coverage of the story.
type OutletCoverage struct {
	Outlet string
	// First is the date of the outlet's first article on the story (zero
	// when none is dated).
	First    time.Time
	Articles []ArticleInfo // oldest first
	// Sources cites, for each of Articles in the same order, the passage of
	// that article that holds most of the story's words: the evidence that
	// the article covered the story, and so of First.
	Sources []Citation
	// Unique lists the facts only this outlet carries: sentences with a
	// figure or a name that no other outlet's coverage supports. It is
	// empty when only one outlet covered the story.
	Unique []Fact
}

// Fact is a sentence from an article, as written, with its citation.
type Fact struct {
	Text     string
	Citation Citation
}
