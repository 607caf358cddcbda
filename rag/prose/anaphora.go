package prose

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// Temporal expressions come in three kinds, by what they are read against:
//
//   - anchored: they name the day themselves ("June 3", "2025-02-14");
//   - deictic: they count from the moment of writing, the article's date
//     ("yesterday", "on Friday", "last month", "three days ago");
//   - anaphoric: they count from an event the text has just dated ("five
//     days later", "the next day", "two weeks earlier", "that night").
//
// An anaphoric expression takes the last date before it: an earlier date
// in its own sentence, or else the last date the article gave in an
// earlier sentence. With neither, it dates nothing: counting from the
// article's date would be a guess.

// reAnaphoric finds an anaphoric expression: a count of units and a
// direction ("five days later", "a week earlier", "two months after"), or
// a determiner and a unit ("the next day", "the following week", "that
// night", "later that day", "the day before").
var reAnaphoric = regexp.MustCompile(`(?i)\b(?:(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) (day|week|month|year)s? (later|after|afterward|afterwards|earlier|before|prior)|(?:the (next|following|previous|preceding) (day|morning|afternoon|evening|night|week|month|year))|(?:the (day|week|month|year) (after|before))|(?:(?:later|earlier)? ?(?:that|the same) (day|morning|afternoon|evening|night|week|month))|(?:the next morning))\b`)

// reAdverbEnd tells "after" and "before" used as adverbs ("two days after,
// the court ruled", "the day before he had resigned"), which count from the
// last date, from prepositions of an event of their own ("two days after
// the attack", "a week before Christmas"), which count from a day the text
// does not give: the adverb is followed by punctuation, the sentence's end
// or a personal pronoun (a closed class) opening the next clause.
var reAdverbEnd = regexp.MustCompile(`(?i)^\s*(?:[,.;:—–)]|$|(?:he|she|they|it|we|i|you)\b)`)

// anaphoricDate resolves the anaphoric expression matched at m (a
// submatch index of reAnaphoric in text) against anchor, the last date
// before it. ok is false when the expression is a preposition of an event
// the text does not date, or when anchor is too coarse for its unit.
//
// Used as a preposition of an event ("comes a day after the league
// restarted"), the expression dates that event from main, the date of the
// clause it modifies (zero when the clause has none): the league restarted
// a day before the clause's date.
func anaphoricDate(text string, m []int, anchor, main rag.EventDate) (rag.EventDate, bool) {
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return strings.ToLower(text[m[2*i]:m[2*i+1]])
	}
	n, unit, dir := 0, "", 0
	switch {
	case group(1) != "":
		n = countOf(group(1))
		unit = group(2)
		switch group(3) {
		case "later", "afterward", "afterwards":
			dir = 1
		case "earlier", "prior":
			dir = -1
		case "after", "before":
			// "two days after, ..." counts from the last date; "two days
			// after the attack" dates the attack from the clause's date.
			dir = 1
			if group(3) == "before" {
				dir = -1
			}
			if !reAdverbEnd.MatchString(text[m[1]:]) {
				anchor, dir = main, -dir
			}
		}
	case group(4) != "":
		n, unit, dir = 1, partOfDay(group(5)), 1
		if group(4) == "previous" || group(4) == "preceding" {
			dir = -1
		}
	case group(6) != "":
		n, unit, dir = 1, group(6), 1
		if group(7) == "before" {
			dir = -1
		}
		if !reAdverbEnd.MatchString(text[m[1]:]) {
			anchor, dir = main, -dir // "the day after the vote"
		}
	case group(8) != "":
		n, unit, dir = 0, partOfDay(group(8)), 0
	default: // "the next morning"
		n, unit, dir = 1, "day", 1
	}
	if anchor.Date.IsZero() || n <= 0 && dir != 0 || n > 500 {
		return rag.EventDate{}, false
	}
	if precisionRank[anchor.Precision] < precisionRank[unitPrecision[unit]] {
		return rag.EventDate{}, false
	}
	d := anchor.Date
	switch unit {
	case "day":
		d = d.AddDate(0, 0, dir*n)
	case "week":
		d = weekStart(d.AddDate(0, 0, 7*dir*n))
	case "month":
		d = monthStart(d).AddDate(0, dir*n, 0)
	case "year":
		d = yearStart(d).AddDate(dir*n, 0, 0)
	}
	return rag.EventDate{Date: d, Phrase: text[m[0]:m[1]], Precision: unitPrecision[unit]}, true
}

var unitPrecision = map[string]string{"day": rag.PrecisionDay, "week": rag.PrecisionWeek, "month": rag.PrecisionMonth, "year": rag.PrecisionYear}

// partOfDay maps a part of the day to the day it is part of.
func partOfDay(w string) string {
	switch w {
	case "morning", "afternoon", "evening", "night":
		return "day"
	}
	return w
}

func countOf(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return countWords[s]
}

// ArticleDates dates the sentences of one article, so an anaphoric
// expression ("five days later") counts from the date an earlier sentence
// gave. It reads relative dates against the article's reference date
// (ReferenceDate). Earlier sentences are read only for a sentence that
// needs them, and each once; an ArticleDates is not safe for concurrent use.
type ArticleDates struct {
	body  string
	ref   time.Time
	spans [][2]int
	last  map[int]rag.EventDate // by sentence: the last event date up to its end
	// calendar dates the weekday headings of a week's calendar
	// (calendarDate); empty when the article is none, nil until read.
	calendar map[time.Weekday]time.Time
}

// anchorReach is how many sentences back an anaphoric expression looks for
// the date it counts from: further back, the event it counts from is
// rarely the one the text last dated.
const anchorReach = 12

// NewArticleDates reads body, an article's text, published on published.
func NewArticleDates(body string, published time.Time) *ArticleDates {
	return &ArticleDates{body: body, ref: ReferenceDate(body, published), spans: SentenceSpans(body), last: map[int]rag.EventDate{}}
}

// Reference is the day the article's relative dates are read against.
func (a *ArticleDates) Reference() time.Time { return a.ref }

// Date resolves a sentence of the article (ResolveDate), with its
// anaphoric expressions counting from the last date of an event the
// article gave before it. A sentence not found in the article has no
// earlier date to count from.
func (a *ArticleDates) Date(sentence string) (rag.EventDate, bool) {
	if d, ok := a.calendarDate(sentence); ok {
		return d, true
	}
	d, ok, _ := resolveDate(sentence, a.ref, a.anchorFor(sentence))
	return d, ok
}

// anchorFor returns the date an anaphoric expression in a sentence of the
// article counts from: the last date of an event before the sentence.
func (a *ArticleDates) anchorFor(sentence string) rag.EventDate {
	if offset := strings.Index(a.body, sentence); offset >= 0 && sentence != "" && reAnaphoric.MatchString(sentence) {
		// The sentences that end at or before the offset come before it.
		i := sort.Search(len(a.spans), func(i int) bool { return a.spans[i][1] > offset })
		return a.lastUpTo(i-1, anchorReach)
	}
	return rag.EventDate{}
}

// DatedPhrase is a date a sentence gives, with where its phrase stands in
// the sentence (a byte offset).
type DatedPhrase struct {
	rag.EventDate
	At int
}

// Events returns every date of an event a sentence of the article gives,
// in the order of the sentence, each read as Date reads the sentence's own
// (the tense of its own clause, anaphora from the article): a sentence
// that tells two events ("approved the bid in late July, and the final
// vote came Tuesday") gives both. Date picks one of them as the
// sentence's; dates inside a quotation are left out.
func (a *ArticleDates) Events(sentence string) []DatedPhrase {
	if d, ok := a.calendarDate(sentence); ok {
		return []DatedPhrase{{EventDate: d, At: strings.Index(sentence, d.Phrase)}}
	}
	var out []DatedPhrase
	readDates(sentence, a.ref, a.anchorFor(sentence), func(d DatedPhrase) { out = append(out, d) })
	sort.SliceStable(out, func(i, j int) bool { return out[i].At < out[j].At })
	return out
}

// MoreExact reports whether a date of precision a is more exact than one
// of precision b (a day than a week, a week than a month, ...).
func MoreExact(a, b string) bool { return precisionRank[a] > precisionRank[b] }

// reDayHeading finds a line headed by a weekday and a colon, as a week's
// calendar writes one ("Tuesday: earnings from ...").
var reDayHeading = regexp.MustCompile(`(?m)^[ \t]*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[ \t]*:`)

// calendarDate dates a line headed by a weekday ("Thursday: jobless claims
// released") when the article is a week's calendar: three or more such
// headings, in the order of the week. The calendar is one week, the one in
// which its first day is nearest the reference date, so a preview
// published on a Sunday lists the days to come and its Friday is not the
// Friday past, as a heading read alone would be.
func (a *ArticleDates) calendarDate(sentence string) (rag.EventDate, bool) {
	m := reDayHeading.FindStringSubmatch(sentence)
	if m == nil || a.ref.IsZero() || !strings.HasPrefix(strings.TrimSpace(sentence), m[1]) {
		return rag.EventDate{}, false
	}
	if a.calendar == nil {
		a.calendar = map[time.Weekday]time.Time{}
		heads := reDayHeading.FindAllStringSubmatch(a.body, -1)
		order := func(w time.Weekday) int { return (int(w) + 6) % 7 } // Monday first
		inOrder := len(heads) >= 3
		for i := 1; i < len(heads) && inOrder; i++ {
			inOrder = order(weekdayNames[strings.ToLower(heads[i][1])]) > order(weekdayNames[strings.ToLower(heads[i-1][1])])
		}
		if inOrder {
			ref := TruncateDay(a.ref)
			first := weekdayNames[strings.ToLower(heads[0][1])]
			back := (int(ref.Weekday()) - int(first) + 7) % 7
			start := ref.AddDate(0, 0, -back)
			if fwd := (7 - back) % 7; fwd < back {
				start = ref.AddDate(0, 0, fwd)
			}
			for _, h := range heads {
				wd := weekdayNames[strings.ToLower(h[1])]
				a.calendar[wd] = start.AddDate(0, 0, order(wd)-order(first))
			}
		}
	}
	t, ok := a.calendar[weekdayNames[strings.ToLower(m[1])]]
	if !ok {
		return rag.EventDate{}, false
	}
	return rag.EventDate{Date: t, Phrase: m[1], Precision: rag.PrecisionDay}, true
}

// lastUpTo returns the last date of an event the article gave up to the
// end of sentence i, looking at most reach sentences back.
func (a *ArticleDates) lastUpTo(i, reach int) rag.EventDate {
	if i < 0 || reach <= 0 {
		return rag.EventDate{}
	}
	if d, ok := a.last[i]; ok {
		return d
	}
	sent := a.body[a.spans[i][0]:a.spans[i][1]]
	_, _, last := resolveDate(sent, a.ref, rag.EventDate{})
	if last.Date.IsZero() || reAnaphoric.MatchString(sent) {
		// No date of its own, or one counted from further back.
		_, _, last = resolveDate(sent, a.ref, a.lastUpTo(i-1, reach-1))
	}
	a.last[i] = last
	return last
}
