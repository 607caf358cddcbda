package claim

import (
	"math"
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// timeExpr is a time a text states: a weekday, a month, a part of the day
// or a time counted from now ("last week", "next month").
type timeExpr struct {
	key        string // "friday", "august", "overnight", "last week"
	start, end int
	// span is the length in days of a time that counts its unit ("the next
	// 90 days", "three months"), 0 for one that does not.
	span float64
}

var weekdays = wordSet("monday tuesday wednesday thursday friday saturday sunday")

var months = wordSet("january february march april may june july august september october november december")

// monthAbbreviations are the short forms news style uses before a day
// ("Dec. 5", "Sept. 30"), read as the month only capitalised and beside a
// figure.
var monthAbbreviations = map[string]string{
	"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
	"aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
}

var dayParts = wordSet("morning afternoon evening night overnight tonight yesterday today tomorrow weekend noon midday midnight")

var seasons = wordSet("spring summer autumn winter")

// covers reports whether a vaguer time holds a more specific one: a
// weekend its Saturday and Sunday, a season its months. "On the weekend"
// restates "on Saturday"; "on Saturday" adds to "on the weekend", and is
// not read as held by it.
func covers(vague, specific string) bool {
	return vague == "weekend" && (specific == "saturday" || specific == "sunday") || seasonMonths[vague][specific]
}

// seasonMonths are the months of each season, by the meteorological
// reckoning of the northern hemisphere.
var seasonMonths = map[string]map[string]bool{
	"spring": wordSet("march april may"), "summer": wordSet("june july august"),
	"autumn": wordSet("september october november"), "winter": wordSet("december january february"),
}

var relativeWords = wordSet("last next this past previous prior preceding coming following")

var timeUnits = map[string]string{
	"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
	"year": "year", "years": "year", "decade": "decade", "decades": "decade", "hour": "hour", "hours": "hour",
	"weekend": "weekend", "weekends": "weekend",
}

// findTimes reads the time expressions of a token list.
func findTimes(toks []token) []timeExpr {
	var out []timeExpr
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case timeUnits[t.low] != "" && i+2 < len(toks) && toks[i+1].low == "to" && toks[i+1].joined && toks[i+2].low == "date" && toks[i+2].joined:
			// "year-to-date" sales are this year's so far.
			out = append(out, timeExpr{key: "this " + timeUnits[t.low], start: i, end: i + 3})
			i += 2
		case t.low == "ytd":
			out = append(out, timeExpr{key: "this year", start: i, end: i + 1})
		case weekdays[t.low] || weekdays[strings.TrimSuffix(t.low, "s")]:
			out = append(out, timeExpr{key: strings.TrimSuffix(t.low, "s"), start: i, end: i + 1})
		case months[t.low] && isMonth(toks, i):
			out = append(out, timeExpr{key: t.low, start: i, end: i + 1})
		case monthAbbreviations[t.low] != "" && t.upper && (i+1 < len(toks) && hasDigit(toks[i+1].low) || i > 0 && hasDigit(toks[i-1].low)):
			out = append(out, timeExpr{key: monthAbbreviations[t.low], start: i, end: i + 1})
		case relativeWords[t.low]:
			j := i + 1
			count := 0.0
			for j < len(toks) && j <= i+2 && (toks[j].low == "few" || toks[j].low == "couple" || toks[j].low == "of" || toks[j].low == "dozen" || isNumberWord(toks[j].low)) {
				if v, ord, ok := numberValue(toks[j].low); ok && !ord {
					count = v
				}
				if toks[j].low == "dozen" {
					count = max(count, 1) * 12 // "the next dozen years", "the past two dozen years"
				}
				j++
			}
			if j < len(toks) {
				if u, ok := timeUnits[toks[j].low]; ok {
					rel := t.low
					switch rel {
					case "past", "previous", "prior", "preceding":
						rel = "last"
					case "coming", "following":
						rel = "next"
					}
					if count == 0 && j == i+1 && i > 0 && toks[i-1].low == "the" && toks[j].low == u {
						// "over the past year", "in the next week": with
						// the article, one unit counted back or on from
						// now (the last 12 months), not the calendar's
						// "last year".
						count = 1
					}
					out = append(out, timeExpr{key: rel + " " + u, start: i, end: j + 1, span: count * unitSizes[u].size})
					i = j
					continue
				}
				if months[toks[j].low] || weekdays[toks[j].low] {
					continue // "last August": the month is read next
				}
			}
		case (t.low == "pm" || t.low == "am") && i > 0 && hasDigit(toks[i-1].low),
			(t.low == "p" || t.low == "a") && i+1 < len(toks) && toks[i+1].low == "m" && i > 0 && hasDigit(toks[i-1].low):
			// "3 p.m.", "10am": a clock time says the part of the day.
			end := i + 1
			if t.low == "p" || t.low == "a" {
				end = i + 2
			}
			out = append(out, timeExpr{key: t.low[:1] + "m", start: i, end: end})
			i = end - 1
		case dayParts[t.low] || seasons[t.low]:
			out = append(out, timeExpr{key: t.low, start: i, end: i + 1})
		case t.low == "early" && (i+1 < len(toks) && weekdays[toks[i+1].low] || i+2 < len(toks) && toks[i+1].low == "on" && weekdays[toks[i+2].low]):
			// "early Friday", "early on Friday": the first hours of the
			// day, its morning.
			out = append(out, timeExpr{key: "early", start: i, end: i + 1})
		case t.low == "hours" && i > 0 && (toks[i-1].low == "early" || toks[i-1].low == "small"):
			// "in the early hours of Friday", "the small hours": the part
			// of the night after midnight.
			out = append(out, timeExpr{key: "early hours", start: i - 1, end: i + 1})
		case t.low == "fall" && seasonFall(toks, i):
			out = append(out, timeExpr{key: "autumn", start: i, end: i + 1})
		case (hasDigit(t.low) || isNumberWord(t.low)) && !t.pct && !t.money && i+1 < len(toks) && timeUnits[toks[i+1].low] != "" && !perUnit(toks, i+1):
			// Not "12% year on year" or "$4 a year": a share or an amount
			// before a unit counts no units, and "year over year" is a
			// comparison, whatever stands before it.
			// "two weeks ago", "12,000 years old", "for 90 days": a count
			// of a unit; the count is checked as a figure, the unit here,
			// whatever follows it ("years ago" and "years old" are one age).
			u := timeUnits[toks[i+1].low]
			count, _, _ := numberValue(t.low)
			out = append(out, timeExpr{key: "count " + u, start: i + 1, end: i + 2, span: count * unitSizes[u].size})
			i++
			if i+1 < len(toks) && toks[i+1].low == "ago" {
				out[len(out)-1].end++
				i++
			}
		case (t.low == "a" || t.low == "an" || t.low == "one" || t.low == "the") && i+1 < len(toks) && timeUnits[toks[i+1].low] != "" && stepFrom(toks, i+2) != "":
			// "a day before", "the week after", "an hour later": one unit
			// back or on from the time the text speaks of, as "the
			// previous day" and "the following week" say it.
			out = append(out, timeExpr{key: stepFrom(toks, i+2) + " " + timeUnits[toks[i+1].low], start: i, end: i + 3})
			i += 2
		case timeUnits[t.low] != "" && strings.HasSuffix(t.low, "s") && i+1 < len(toks) && toks[i+1].clause == t.clause && stepWords[toks[i+1].low] != "" &&
			(i == 0 || !hasDigit(toks[i-1].low) && !isNumberWord(toks[i-1].low) && !spanQuantifiers[toks[i-1].low]):
			// "just hours before he was killed", "weeks later": units
			// with no count, back or on from another time. Read as a
			// count of the unit whatever the direction ("a few weeks
			// after" one event is "weeks earlier" seen from the other):
			// its unit is what it says, "days before" is not "hours
			// before".
			out = append(out, timeExpr{key: "count " + timeUnits[t.low], start: i, end: i + 2})
			i++
		case t.low == "ago" && i > 0:
			// "a month ago", "weeks ago": the unit is the time; one unit
			// written with "a" is as long as the unit ("a decade ago" is
			// "ten years ago").
			if u, ok := timeUnits[toks[i-1].low]; ok {
				e := timeExpr{key: u + " ago", start: i - 1, end: i + 1}
				if i > 1 && (toks[i-2].low == "a" || toks[i-2].low == "an") {
					e.span = unitSizes[u].size
				}
				out = append(out, e)
			}
		}
	}
	return out
}

// stepWords read a word after a span of time as a step back ("before",
// "earlier") or on ("after", "later").
var stepWords = map[string]string{"before": "before", "earlier": "before", "after": "after", "later": "after"}

// spanQuantifiers count or size the units after them ("a few weeks",
// "six and a half weeks"), which the figure and count rules read.
var spanQuantifiers = wordSet("a an the few several many couple half quarter dozen")

// stepFrom reads the word at i as a step of one unit back ("before",
// "earlier") or on ("after", "later") from the time the text speaks of,
// "before" or "after", when it closes its clause ("a rally from a day
// before."): followed by an object it is a preposition ("a day before the
// vote"), and the time is the object's. "" otherwise.
func stepFrom(toks []token, i int) string {
	if i >= len(toks) || i+1 < len(toks) && toks[i+1].clause == toks[i].clause {
		return ""
	}
	switch toks[i].low {
	case "before", "earlier":
		return "before"
	case "after", "later":
		return "after"
	}
	return ""
}

// seasonFall reports whether "fall" at i is the autumn, as American news
// writes it: "this fall", "last fall", or "the fall" after a preposition of
// time ("in the fall", "by the fall of 2023"); not "the fall of Kabul" nor
// "a fall in prices".
func seasonFall(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	if relativeWords[toks[i-1].low] {
		return true
	}
	if toks[i-1].low != "the" || i < 2 || !timePrepositions[toks[i-2].low] {
		return false
	}
	if i+1 < len(toks) && toks[i+1].clause == toks[i].clause && (toks[i+1].low == "of" || toks[i+1].low == "in") {
		return toks[i+1].low == "of" && i+2 < len(toks) && hasDigit(toks[i+2].low) // "the fall of 2023"
	}
	return true
}

// timePrepositions open a phrase of time ("in the fall").
var timePrepositions = wordSet("in during by until till since before after through throughout")

// isMonth tells the month "May" from the verb "may", and "March" from a
// march: the month is capitalised and comes with a day, a year or a
// preposition.
func isMonth(toks []token, i int) bool {
	t := toks[i]
	if t.low != "may" && t.low != "march" {
		return true
	}
	if !t.upper || t.first {
		return false
	}
	if i+1 < len(toks) && hasDigit(toks[i+1].low) {
		return true
	}
	if i > 0 && toks[i-1].clause == t.clause {
		// "on 28 March": a day of the month before it.
		if v, ord, ok := numberValue(toks[i-1].low); ok && hasDigit(toks[i-1].low) && (ord || v >= 1 && v <= 31 && v == math.Trunc(v)) {
			return true
		}
	}
	if i > 0 {
		switch toks[i-1].low {
		case "in", "on", "of", "since", "until", "by", "last", "next", "early", "late", "mid", "from", "through", "before", "after", "ended":
			return true
		}
		// After a determiner and before a common noun it is a modifier
		// ("at its May meeting", "the March report"); a modal has no
		// determiner, and a surname ("Theresa May") no noun after it.
		if (definite[toks[i-1].low] || toks[i-1].low == "a") && i+1 < len(toks) && !toks[i+1].upper && lexicon.IsNoun(toks[i+1].low) {
			return true
		}
	}
	return false
}

func isNumberWord(low string) bool {
	_, _, ok := numberValue(low)
	return ok
}

// sameTime reports whether two time keys say the same time: the same key,
// a count of a unit and a time counted in it, or a clock time after noon ("3 p.m.") and the afternoon, evening or
// night, or one before noon and the morning.
func sameTime(x, y timeExpr) bool {
	a, b := x.key, y.key
	if a == b {
		return true
	}
	// Two counted times of one length in different units ("the next three
	// months", "the next 90 days") are one time when they count the same
	// way (both from now, both back, or either a bare count).
	if x.span > 0 && y.span > 0 && math.Abs(x.span-y.span) <= unitTolerance*math.Max(x.span, y.span) {
		rx, _, _ := strings.Cut(a, " ")
		ry, _, _ := strings.Cut(b, " ")
		if rx == ry || rx == "count" || ry == "count" {
			return true
		}
	}
	// A count of a unit ("90 days") is any time counted in that unit ("the
	// next 90 days", "90 days ago"): the count is a figure, checked as one.
	if u, ok := strings.CutPrefix(a, "count "); ok && unitOf(b) == u {
		return true
	}
	if u, ok := strings.CutPrefix(b, "count "); ok && unitOf(a) == u {
		return true
	}
	// "A day before" is "the previous day", and "up 12% from a year
	// earlier" is "from a year ago"; "the week after" is "the following
	// week".
	if stepped(a, b) || stepped(b, a) {
		return true
	}
	// Midday is noon.
	if a == "midday" {
		a = "noon"
	}
	if b == "midday" {
		b = "noon"
	}
	if a == b {
		return true
	}
	if a > b {
		a, b = b, a
	}
	if a == "early hours" || b == "early hours" {
		// After midnight and before dawn: the morning's first hours, and
		// the night's last.
		other := a
		if a == "early hours" {
			other = b
		}
		return other == "morning" || other == "am" || other == "night" || other == "overnight" || other == "early"
	}
	if a == "early" {
		return b == "morning" || b == "am"
	}
	switch a {
	case "am":
		return b == "morning" || b == "midnight" // "12 a.m." is midnight
	case "noon":
		return b == "pm" // "12 p.m." is noon
	case "night", "tonight":
		return b == "pm" || b == "overnight" // "talks that lasted all night" ran overnight
	case "afternoon", "evening":
		return b == "pm"
	}
	return false
}

// stepped reports whether step, a time one unit back or on ("before day",
// "after week"; see stepFrom), is the time other counts: the last or
// next unit, or the unit ago.
func stepped(step, other string) bool {
	dir, u, ok := strings.Cut(step, " ")
	switch {
	case !ok:
		return false
	case dir == "before":
		return other == "last "+u || other == u+" ago"
	case dir == "after":
		return other == "next "+u
	}
	return false
}

// isStep reports whether t is a time one unit back or on from another
// ("a day before"; see stepFrom).
func isStep(t timeExpr) bool {
	return strings.HasPrefix(t.key, "before ") || strings.HasPrefix(t.key, "after ")
}

// relativeTime reports whether t counts from another time or from now
// ("last week", "a year ago", "the day after"), rather than dating.
func relativeTime(t timeExpr) bool {
	f := strings.Fields(t.key)
	return isStep(t) || len(f) == 2 && (f[0] == "last" || f[0] == "next" || f[1] == "ago")
}

// relativeTimes reports whether any of times is relative (relativeTime).
func relativeTimes(times []timeExpr) bool {
	return slices.ContainsFunc(times, relativeTime)
}

// unitOf gives the unit of a counted time key ("next week", "week ago",
// "count week" → "week"), or "".
func unitOf(key string) string {
	f := strings.Fields(key)
	switch {
	case len(f) == 2 && (f[0] == "next" || f[0] == "last" || f[0] == "this" || f[0] == "count" || f[0] == "before" || f[0] == "after"):
		return f[1]
	case len(f) == 2 && f[1] == "ago":
		return f[0]
	}
	return ""
}

// perUnit reports whether the unit at i begins "year on year", "month
// over month": a comparison with the unit before, not a count of units.
func perUnit(toks []token, i int) bool {
	return i+2 < len(toks) && (toks[i+1].low == "on" || toks[i+1].low == "over") && toks[i+2].low == toks[i].low
}
