package prose

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/lexicon"
)

var (
	monthPattern = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`
	// "14 February", "14th Feb 2025"
	reDayMonth = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)? ` + monthPattern + `\.?(?:,? (\d{4}))?\b`)
	// "February 14", "Feb. 14, 2025"
	reMonthDay = regexp.MustCompile(`\b` + monthPattern + `\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?\b`)
	reISODate  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	// "on Thursday", "last Friday", "next Monday", "Saturday"
	reWeekday = regexp.MustCompile(`(?i)\b(?:(last|next|this|this past) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)
	// "yesterday", "overnight", "earlier this week", "last month", …
	reRelativeWords = regexp.MustCompile(`(?i)\b(yesterday|today|tonight|tomorrow|overnight|last night|this morning|this afternoon|this evening|earlier today|earlier this week|later this week|this week|last week|next week|this weekend|over the weekend|last weekend|earlier this month|later this month|this month|last month|next month|earlier this year|later this year|this year|last year|next year)\b`)
	// "three days ago", "a week ago"
	reAgo = regexp.MustCompile(`(?i)\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) (day|week|month|year)s? ago\b`)
	// "in February", "in early March 2024", "during May"
	reInMonth = regexp.MustCompile(`\b(?:(?:[Ii]n|[Dd]uring|[Bb]y|[Ss]ince|[Ff]rom|[Uu]ntil|of) (?:(?:early|late|mid|mid-) ?)?)?` + `(January|February|March|April|May|June|July|August|September|October|November|December)` + `(?: (?:of )?(\d{4}))?\b`)
	// "in 2014", "in early 2014"
	reInYear = regexp.MustCompile(`(?i)\b(?:in|during) (?:(?:early|late|mid|mid-) ?)?((?:19|20)\d\d)\b`)
	// Words that put a weekday in the future rather than the past.
	reFuture = regexp.MustCompile(`(?i)\b((?:is|are) (?:possible|likely|forecast)|could|might|should|must|as soon as|to be held|to take place|has until|have until|will|'ll|’ll|(?:is|are|am|'s|’s|'re|’re) going to|is due|are due|is set to|are set to|expected to|(?:plan|hope|intend|expect|want|aim)s? to|would|starts|begins|is scheduled|are scheduled|is coming|are coming|upcoming|is set for|are set for|scheduled for|through at least|until at least|as early as)\b`)
	// A date right after a weekday ("Thursday, August 4").
	reDateAfterWeekday = regexp.MustCompile(`^,? (?:` + monthPattern + `\.? \d{1,2}\b|\d{1,2} ` + monthPattern + `\b)`)
	reQuoted           = regexp.MustCompile(`"[^"]*"|“[^”]*”`)
)

var shortMonths = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April, "may": time.May,
	"jun": time.June, "jul": time.July, "aug": time.August, "sep": time.September, "sept": time.September,
	"oct": time.October, "nov": time.November, "dec": time.December,
}

func parseMonth(s string) (time.Month, bool) {
	s = strings.ToLower(s)
	if m, ok := monthNames[s]; ok {
		return m, true
	}
	m, ok := shortMonths[s]
	return m, ok
}

var countWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 3, "several": 3}

var precisionRank = map[string]int{rag.PrecisionDay: 4, rag.PrecisionWeek: 3, rag.PrecisionMonth: 2, rag.PrecisionYear: 1}

// ResolveDate finds when the thing a sentence reports happened: an
// explicit date ("14 February", "February 14, 2025", "2025-02-14"), a
// weekday ("on Thursday": the latest Thursday on or before publication, or
// the next one when the sentence speaks of the future), a relative phrase
// ("yesterday", "overnight", "earlier this week", "last month", "three
// days ago"), a month ("in February") or a year ("in 2014"). Everything
// relative is read against published, the article's date; a day or month
// named without a year is taken in the year that puts it nearest to
// published. The most exact date in the sentence wins; among equals, the
// first. ok is false when the sentence gives no date, or gives only a
// relative one and published is unknown.
func ResolveDate(text string, published time.Time) (d rag.EventDate, ok bool) {
	d, ok, _ = resolveDate(text, published, rag.EventDate{})
	return d, ok
}

// resolveDate is ResolveDate with anchor, the last date of an event the
// text gave before this sentence, for its anaphoric expressions ("five
// days later"); anchor is zero when there is none. last is the last date
// of an event in this sentence, the anchor for the next (or anchor when
// it has none): a date that names an event counts ("the June 3 meeting"),
// the date of a report does not ("reported by CNN on Monday").
func resolveDate(text string, published time.Time, anchor rag.EventDate) (d rag.EventDate, ok bool, last rag.EventDate) {
	return readDates(text, published, anchor, nil)
}

// readDates is resolveDate that also gives each event date of the
// sentence to each, if it is not nil, in the order the patterns find them
// (see ArticleDates.Events).
func readDates(text string, published time.Time, anchor rag.EventDate, each func(DatedPhrase)) (d rag.EventDate, ok bool, last rag.EventDate) {
	pub := time.Time{}
	if !published.IsZero() {
		pub = TruncateDay(published)
	}
	best := rag.EventDate{}
	bestAt := -1
	asides := asideSpans(text)
	// Each pattern runs only on a sentence that holds a word it needs: the
	// regular expressions are most of the cost of reading an article.
	low := strings.ToLower(text)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(low, w) {
				return true
			}
		}
		return false
	}
	digits := strings.ContainsAny(text, "0123456789")
	months := has("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
	type found struct {
		at int
		d  rag.EventDate
	}
	var all []found
	// A sentence that quotes someone reports the saying: the date of its
	// verb of saying is the sentence's, over any other date in it
	// ("Police were on alert Saturday to keep "..." the mayor told CNN on
	// Monday" is Monday's).
	quotes := quotesSomeone(text)
	masked := ""
	rank := func(at int, c rag.EventDate) int {
		switch {
		case inSpans(asides, at) || attributiveDate(text, at, at+len(c.Phrase)):
			// A date that stands aside from the sentence's own clause (in
			// a quotation, in brackets, or naming a thing as in "the June
			// 10 report") dates something else; the clause's own date
			// wins over it, whatever their precision.
			return 0
		case quotes:
			if masked == "" {
				masked = blankQuotes(text, -1)
			}
			if saidOnDate(masked, at) {
				return 2
			}
		}
		return 1
	}
	bestRank := 0
	consider := func(at int, c rag.EventDate) {
		if c.Date.IsZero() {
			return
		}
		all = append(all, found{at, c})
		r := rank(at, c)
		switch {
		case bestAt < 0, r > bestRank:
		case r < bestRank:
			return
		case precisionRank[c.Precision] > precisionRank[best.Precision]:
		case precisionRank[c.Precision] == precisionRank[best.Precision] && at < bestAt:
		default:
			return
		}
		best, bestAt, bestRank = c, at, r
	}

	for _, m := range findIf(digits, reISODate, text) {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		day, _ := strconv.Atoi(text[m[6]:m[7]])
		if t, ok := makeDate(y, time.Month(mo), day); ok {
			consider(m[0], rag.EventDate{Date: t, Phrase: text[m[0]:m[1]], Precision: rag.PrecisionDay})
		}
	}
	for _, m := range findIf(digits && months, reDayMonth, text) {
		day, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := parseMonth(text[m[4]:m[5]])
		consider(m[0], dayInYear(text, m[0], m[1], m[6], m[7], mo, day, pub, dayTense(text, m[0], m[1])))
	}
	for _, m := range findIf(digits && months, reMonthDay, text) {
		mo, _ := parseMonth(text[m[2]:m[3]])
		day, _ := strconv.Atoi(text[m[4]:m[5]])
		consider(m[0], dayInYear(text, m[0], m[1], m[6], m[7], mo, day, pub, dayTense(text, m[0], m[1])))
	}
	if !pub.IsZero() {
		for _, m := range findIf(has("day"), reWeekday, text) {
			word := text[m[4]:m[5]]
			if !StartsUpper(word) {
				continue // "friday" in lower case is not how news writes a day
			}
			which := ""
			if m[2] >= 0 {
				which = strings.ToLower(text[m[2]:m[3]])
			}
			if reDateAfterWeekday.MatchString(text[m[1]:]) {
				continue // "Thursday, August 4": the date says which Thursday
			}
			if reNamedPart.MatchString(text[m[1]:]) && !titleCase(text) {
				continue // "Saturday Night Live", "Monday Night Football": a title
			}
			fut := eventIsFuture(text, m[0], m[1], true)
			if which == "" && sinceBefore(text[:m[0]]) {
				// "since Friday" counts from a day gone by: the latest
				// such day on or before publication.
				which, fut = "this past", false
			}
			wd := weekdayNames[strings.ToLower(word)]
			nearerAhead := (int(wd)-int(pub.Weekday())+7)%7 < (int(pub.Weekday())-int(wd)+7)%7
			switch {
			case which == "" && (strings.HasPrefix(text[m[1]:], "'s") || strings.HasPrefix(text[m[1]:], "’s")):
				// "Friday's decision" names an event by its day, whatever
				// the tense of the clause it stands in: the nearer Friday.
				fut = nearerAhead
			case which == "" && !fut && endPoint(text, m[0], m[1]):
				// "By Sunday the rain clears": a deadline or the end of a
				// span, the nearer one unless a past state puts it behind.
				l, r := clauseAround(blankQuotes(text, m[0]), m[0], m[1])
				fut = nearerAhead && !reStatePast.MatchString(text[l:r])
			}
			consider(m[0], rag.EventDate{Date: weekdayDate(wd, which, fut, pub),
				Phrase: text[m[0]:m[1]], Precision: rag.PrecisionDay})
		}
		for _, m := range findIf(has("day", "tomorrow", "night", "morning", "afternoon", "evening", "week", "month", "year"), reRelativeWords, text) {
			if w := text[m[2]:m[3]]; len(w) > 1 && strings.ToUpper(w) == w {
				continue // "USA TODAY": a word in capitals is a name's
			}
			if c, ok := relativeDate(strings.ToLower(text[m[2]:m[3]]), pub, eventIsFuture(text, m[0], m[1], false)); ok {
				c.Phrase = text[m[0]:m[1]]
				consider(m[0], c)
			}
		}
		for _, m := range findIf(has(" ago"), reAgo, text) {
			nStr := strings.ToLower(text[m[2]:m[3]])
			n, err := strconv.Atoi(nStr)
			if err != nil {
				n = countWords[nStr]
			}
			if n <= 0 || n > 500 {
				continue
			}
			c := rag.EventDate{Phrase: text[m[0]:m[1]]}
			switch strings.ToLower(text[m[4]:m[5]]) {
			case "day":
				c.Date, c.Precision = pub.AddDate(0, 0, -n), rag.PrecisionDay
			case "week":
				c.Date, c.Precision = weekStart(pub.AddDate(0, 0, -7*n)), rag.PrecisionWeek
			case "month":
				c.Date, c.Precision = monthStart(pub.AddDate(0, -n, 0)), rag.PrecisionMonth
			case "year":
				c.Date, c.Precision = yearStart(pub.AddDate(-n, 0, 0)), rag.PrecisionYear
			}
			consider(m[0], c)
		}
	}
	for _, m := range findIf(months, reInMonth, text) {
		word := text[m[2]:m[3]]
		hasPrep := m[0] != m[2]
		if word == "May" && !hasPrep {
			continue // "May" is as often the verb
		}
		if !hasPrep && m[4] < 0 && nextIsCapitalised(text, m[3]) {
			continue // a given name: "activist April Reign", "June Carter"
		}
		if m[0] > 0 && isDigitBefore(text, m[2]) || nextIsDay(text, m[3]) {
			continue // part of a full date, read above
		}
		mo, _ := parseMonth(word)
		year := 0
		if m[4] >= 0 {
			year, _ = strconv.Atoi(text[m[4]:m[5]])
		} else if pub.IsZero() {
			continue
		} else {
			year = yearOf(pub, dayTense(text, m[0], m[1]), func(y int) time.Time { return time.Date(y, mo, 15, 0, 0, 0, 0, time.UTC) })
		}
		consider(m[0], rag.EventDate{Date: time.Date(year, mo, 1, 0, 0, 0, 0, time.UTC), Phrase: text[m[0]:m[1]], Precision: rag.PrecisionMonth})
	}
	for _, m := range findIf(digits, reInYear, text) {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		consider(m[0], rag.EventDate{Date: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Phrase: text[m[0]:m[1]], Precision: rag.PrecisionYear})
	}
	// Anaphoric expressions last: they count from the last date of an
	// event before them, in this sentence or an earlier one.
	eventBefore := func(pos int) rag.EventDate {
		d, at := anchor, -1
		for _, f := range all {
			if f.at >= pos || f.at <= at {
				continue
			}
			if masked == "" {
				masked = blankQuotes(text, -1)
			}
			// Not in a quotation (blanked in masked), nor a report's date.
			if masked[f.at] == text[f.at] && !saidOnDate(masked, f.at) {
				d, at = f.d, f.at
			}
		}
		return d
	}
	// clauseDate is the date of the clause an expression at pos modifies:
	// the last date of the sentence before it, or publication when the
	// verb right before it is in the present ("comes a day after").
	clauseDate := func(pos int) rag.EventDate {
		d, at := rag.EventDate{}, -1
		for _, f := range all {
			if f.at < pos && f.at > at && !inSpans(asides, f.at) {
				d, at = f.d, f.at
			}
		}
		if at < 0 && !pub.IsZero() && presentVerbBefore(text[:pos]) {
			d = rag.EventDate{Date: pub, Precision: rag.PrecisionDay}
		}
		return d
	}
	for _, m := range findIf(has("day", "night", "morning", "afternoon", "evening", "week", "month", "year"), reAnaphoric, text) {
		if c, ok := anaphoricDate(text, m, eventBefore(m[0]), clauseDate(m[0])); ok {
			consider(m[0], c)
		}
	}
	last = eventBefore(len(text))
	if each != nil {
		for _, f := range all {
			if masked == "" {
				masked = blankQuotes(text, -1)
			}
			// A date inside a quotation is the speaker's, read against a
			// day the text may not give; an anaphoric one ("a week
			// before") counts from another event and is listed only as
			// the sentence's own date.
			if loc := reAnaphoric.FindStringIndex(text[f.at:]); loc != nil && loc[0] == 0 {
				continue
			}
			if masked[f.at] == text[f.at] {
				each(DatedPhrase{EventDate: f.d, At: f.at})
			}
		}
	}
	if bestAt < 0 {
		return rag.EventDate{}, false, last
	}
	return best, true, last
}

// quotesSomeone reports whether a sentence holds a quotation of someone's
// words: four words or more between quotation marks (a shorter one is as
// often a term or a title).
func quotesSomeone(text string) bool {
	for _, m := range reQuoted.FindAllStringIndex(text, -1) {
		if len(strings.Fields(text[m[0]:m[1]])) >= 4 {
			return true
		}
	}
	return false
}

// findIf returns re's submatch indexes in text when need holds, and nil
// without running re when it does not.
func findIf(need bool, re *regexp.Regexp, text string) [][]int {
	if !need {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

// asideSpans returns the parts of a sentence that stand outside its own
// clause: quotations (the speaker's "today" is not the reporter's) and
// brackets.
func asideSpans(text string) [][2]int {
	var out [][2]int
	for _, m := range reQuoted.FindAllStringIndex(text, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	for _, m := range reBracketed.FindAllStringIndex(text, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

var reBracketed = regexp.MustCompile(`\([^()]*\)`)

func inSpans(spans [][2]int, at int) bool {
	for _, s := range spans {
		if s[0] <= at && at < s[1] {
			return true
		}
	}
	return false
}

// attributiveDate reports whether the date at start..end modifies a noun
// after a determiner or a possessive ("the June 10 report", "the
// automaker's Monday filing", "the January 6, 2021, attack"): it names a
// thing by its date and does not date the sentence's event.
//
// A month and day with no year names a thing without a determiner too
// when it is no preposition's object and a plural noun follows it ("an
// Eastman request that January 6 investigators return his phone"): a date
// that dates an event stands after a preposition or a verb ("on June 10",
// "met June 10"), and one at the head of the clause ("June 10 marked")
// takes a verb.
func attributiveDate(text string, start, end int) bool {
	before := strings.TrimRight(text[:start], " ")
	k := strings.LastIndexAny(before, " ([") + 1
	prev := strings.ToLower(before[k:])
	after := strings.TrimLeft(strings.TrimPrefix(text[end:], ","), " ")
	w := after
	if i := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }); i >= 0 {
		w = after[:i]
	}
	if w == "" || !unicode.IsLower([]rune(w)[0]) || dateFollowers[w] {
		return false
	}
	if determiners[prev] || strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s") {
		return true
	}
	return reBareMonthDay.MatchString(text[start:end]) && beforeSubject[prev] && pluralNoun(w)
}

// reBareMonthDay is a month and a day with no year: "January 6".
var reBareMonthDay = regexp.MustCompile(`^` + monthPattern + `\.? \d{1,2}$`)

// beforeSubject are the complementisers and conjunctions a clause's
// subject follows (a closed class of English).
var beforeSubject = WordSet(`that and but or while because although though when where whether if as since`)

// pluralNoun reports whether a word is a plural noun by WordNet and no verb
// form: "investigators", not "rules" (a verb too) or "news".
func pluralNoun(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && lexicon.IsNoun(w) && !lexicon.IsVerb(w) && lexicon.Base(w) != w
}

// determiners that make a following date a modifier of a noun (a closed
// class of English).
var determiners = WordSet(`the a an this these those its his her their our your my every each`)

// dateFollowers are the lower-case words that go on a date without making
// it a modifier: parts of the day, and the words of a time or a range.
var dateFollowers = WordSet(`morning afternoon evening night noon midnight at and or to through until till from in on by`)

// dayInYear builds a day-and-month date, with the year from the text when it
// gives one (ys ≥ 0) and otherwise the year yearFor picks for tense (see
// dayTense).
func dayInYear(text string, start, end, ys, ye int, mo time.Month, day int, pub time.Time, tense int) rag.EventDate {
	year := 0
	at := func(y int) time.Time { return time.Date(y, mo, min(day, 28), 0, 0, 0, 0, time.UTC) }
	if ys >= 0 {
		year, _ = strconv.Atoi(text[ys:ye])
	} else if pub.IsZero() {
		return rag.EventDate{}
	} else if y, ok := yearOfWeekday(text[:start], mo, day, pub); ok {
		year = y
	} else {
		year = yearOf(pub, tense, at)
		if ahead := at(pub.Year()); tense < 0 && ahead.After(pub) && ahead.Sub(pub) <= pageLag {
			// A past a few weeks after the page's date is the page's own
			// later text (a live page, a timeline kept up to date), not
			// the same day a year before: news gives that one its year.
			year = pub.Year()
		}
	}
	t, ok := makeDate(year, mo, day)
	if !ok {
		return rag.EventDate{}
	}
	return rag.EventDate{Date: t, Phrase: text[start:end], Precision: rag.PrecisionDay}
}

// reNamedPart finds a part of the day written with a capital after a
// weekday: in running text that makes the two words part of a name.
var reNamedPart = regexp.MustCompile(`^ (?:Night|Morning|Afternoon|Evening)\b`)

// titleCase reports whether most words of a line of five words or more
// start with a capital, as a headline's do: there a capital says nothing
// of a name. A shorter line is as often a title alone.
func titleCase(text string) bool {
	words := strings.Fields(text)
	upper := 0
	for _, w := range words {
		if StartsUpper(w) {
			upper++
		}
	}
	return len(words) >= 5 && 10*upper >= 6*len(words)
}

// sinceBefore reports whether the words before a date end with "since",
// and perhaps "early" or "late" ("since late Friday"): the preposition of a
// starting point in the past.
func sinceBefore(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	for i := len(f) - 1; i >= 0 && i >= len(f)-2; i-- {
		switch f[i] {
		case "since":
			return true
		case "early", "late":
		default:
			return false
		}
	}
	return false
}

// pageLag is how far past its publication date a page's text may run: a
// live page or a running timeline keeps its first date while it is
// updated for weeks.
const pageLag = 31 * 24 * time.Hour

// reWeekdayBefore finds a weekday right before a date ("Sunday, May 29").
var reWeekdayBefore = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? $`)

// yearOfWeekday picks the year of a day and month written after their
// weekday ("Sunday, May 29"): of the years that put the day within nine
// months of publication, the one in which it falls on that weekday, when
// only one does (a weekday that fits no such year is a slip, and the
// tense decides). The weekday
// says more than the tense of the clause: a calendar repeats its weekdays
// only after years.
func yearOfWeekday(before string, mo time.Month, day int, pub time.Time) (int, bool) {
	m := reWeekdayBefore.FindStringSubmatch(before)
	if m == nil {
		return 0, false
	}
	wd := weekdayNames[strings.ToLower(m[1])]
	year, n := 0, 0
	for y := pub.Year() - 1; y <= pub.Year()+1; y++ {
		if t, ok := makeDate(y, mo, day); ok && t.Weekday() == wd && t.Sub(pub).Abs() <= 270*24*time.Hour {
			year, n = y, n+1
		}
	}
	return year, n == 1
}

// makeDate refuses dates that do not exist ("31 February").
func makeDate(y int, m time.Month, d int) (time.Time, bool) {
	if y < 1 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Month() != m || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// yearOf picks the year of a date written without one for its tense (see
// dayTense): before publication in the past, after it in the future, and
// with no tense to go by the year that puts it nearest to publication
// ("postponed the meeting until June 30" in a June 6 article, "December
// 20" in a January one, "start fresh in September" in July).
func yearOf(pub time.Time, tense int, at func(y int) time.Time) int {
	year := yearFor(pub, tense > 0, at)
	if tense == 0 {
		if ahead := yearFor(pub, true, at); at(ahead).Sub(pub) < pub.Sub(at(year)) {
			year = ahead
		}
	}
	return year
}

// yearFor picks the year of a date written without one: news reports what
// has happened, so the latest year that puts the date on or before pub,
// unless the sentence speaks of the future, then the first year that puts
// it on or after pub.
func yearFor(pub time.Time, future bool, at func(y int) time.Time) int {
	if future {
		for y := pub.Year() - 1; y <= pub.Year()+1; y++ {
			if !at(y).Before(monthStart(pub)) {
				return y
			}
		}
		return pub.Year() + 1
	}
	for y := pub.Year() + 1; y >= pub.Year()-1; y-- {
		if !at(y).After(pub) {
			return y
		}
	}
	return pub.Year() - 1
}

func isDigitBefore(text string, at int) bool {
	i := at - 1
	for i >= 0 && text[i] == ' ' {
		i--
	}
	for i >= 0 && 'a' <= text[i] && text[i] <= 'z' { // "14th"
		i--
	}
	return i >= 0 && '0' <= text[i] && text[i] <= '9' && i >= at-6
}

// nextIsCapitalised reports whether the word right after at, past one
// space, opens with a capital letter.
func nextIsCapitalised(text string, at int) bool {
	if at >= len(text) || text[at] != ' ' {
		return false
	}
	return StartsUpper(text[at+1:])
}

func nextIsDay(text string, at int) bool {
	if at < len(text) && text[at] == '.' {
		at++
	}
	return at+1 < len(text) && text[at] == ' ' && '0' <= text[at+1] && text[at+1] <= '9' &&
		!(at+4 < len(text) && isYearAt(text, at+1))
}

// isYearAt reports whether four digits that read as a year stand at i.
func isYearAt(text string, i int) bool {
	if i+4 > len(text) {
		return false
	}
	for k := i; k < i+4; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return i+4 == len(text) || text[i+4] < '0' || text[i+4] > '9'
}

// weekdayDate resolves a weekday against the publication day. Plain and
// "this past" mean the latest such day on or before it (news says "on
// Friday" of the day it appears), "last" the latest one before it, "next"
// the first one after it; in a sentence about the future a plain weekday is
// the first one on or after it. A plain weekday in the past is at most five
// days back: the sixth day back is the day after publication.
func weekdayDate(wd time.Weekday, which string, future bool, pub time.Time) time.Time {
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(pub.Weekday()) + 7) % 7
	switch {
	case which == "last":
		if back == 0 {
			back = 7
		}
		return pub.AddDate(0, 0, -back)
	case which == "this":
		// The day of the publication's own week, Monday to Sunday.
		return pub.AddDate(0, 0, (int(wd)+6)%7-(int(pub.Weekday())+6)%7)
	case which == "next":
		if fwd == 0 {
			fwd = 7
		}
		return pub.AddDate(0, 0, fwd)
	case future && which != "this past":
		return pub.AddDate(0, 0, fwd)
	case which == "" && back == 6:
		// Six days back a reporter writes "last Wednesday"; a bare
		// "Wednesday" of that name in a page dated Tuesday is the day
		// after: the page's text is newer than its date (a live page, an
		// update), as pages often are.
		return pub.AddDate(0, 0, 1)
	}
	return pub.AddDate(0, 0, -back)
}

func relativeDate(phrase string, pub time.Time, future bool) (rag.EventDate, bool) {
	day := func(t time.Time) (rag.EventDate, bool) {
		return rag.EventDate{Date: t, Precision: rag.PrecisionDay}, true
	}
	switch phrase {
	case "today", "tonight", "this morning", "this afternoon", "this evening", "earlier today", "overnight":
		return day(pub)
	case "yesterday", "last night":
		return day(pub.AddDate(0, 0, -1))
	case "tomorrow":
		return day(pub.AddDate(0, 0, 1))
	case "this week", "earlier this week", "later this week":
		return rag.EventDate{Date: weekStart(pub), Precision: rag.PrecisionWeek}, true
	case "last week":
		return rag.EventDate{Date: weekStart(pub).AddDate(0, 0, -7), Precision: rag.PrecisionWeek}, true
	case "next week":
		return rag.EventDate{Date: weekStart(pub).AddDate(0, 0, 7), Precision: rag.PrecisionWeek}, true
	case "this weekend", "over the weekend":
		// The weekend to come in a sentence about the future, else the one
		// just past (or under way).
		sat := weekStart(pub).AddDate(0, 0, 5)
		if !future && sat.After(pub) {
			sat = sat.AddDate(0, 0, -7)
		}
		return rag.EventDate{Date: sat, Precision: rag.PrecisionWeek}, true
	case "last weekend":
		return rag.EventDate{Date: weekStart(pub).AddDate(0, 0, -2), Precision: rag.PrecisionWeek}, true
	case "this month", "earlier this month", "later this month":
		return rag.EventDate{Date: monthStart(pub), Precision: rag.PrecisionMonth}, true
	case "last month":
		return rag.EventDate{Date: monthStart(pub).AddDate(0, -1, 0), Precision: rag.PrecisionMonth}, true
	case "next month":
		return rag.EventDate{Date: monthStart(pub).AddDate(0, 1, 0), Precision: rag.PrecisionMonth}, true
	case "this year", "earlier this year", "later this year":
		return rag.EventDate{Date: yearStart(pub), Precision: rag.PrecisionYear}, true
	case "last year":
		return rag.EventDate{Date: yearStart(pub).AddDate(-1, 0, 0), Precision: rag.PrecisionYear}, true
	case "next year":
		return rag.EventDate{Date: yearStart(pub).AddDate(1, 0, 0), Precision: rag.PrecisionYear}, true
	}
	return rag.EventDate{}, false
}

// weekStart is the Monday of t's week.
func weekStart(t time.Time) time.Time {
	t = TruncateDay(t)
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func yearStart(t time.Time) time.Time {
	return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
}

// reUpdated finds the time a live page says it was last updated: "Updated
// 10:23 AM ET, Thu July 7, 2022", "Updated: July 7, 2022".
var reUpdated = regexp.MustCompile(`(?i)\bupdated:?\s+(?:[0-9:]+\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?,?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?` + monthPattern + `\.?\s+(\d{1,2}),?\s+(\d{4})\b`)

// ReferenceDate is the day a page's relative dates are read against: the
// day it says it was last updated, when its text gives one after the
// publication date, and otherwise the publication date.
func ReferenceDate(text string, published time.Time) time.Time {
	m := reUpdated.FindStringSubmatch(text)
	if m == nil || published.IsZero() {
		return published
	}
	mo, _ := parseMonth(m[1])
	day, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[3])
	t, ok := makeDate(year, mo, day)
	if !ok || !t.After(TruncateDay(published)) || t.Sub(published) > 30*24*time.Hour {
		return published
	}
	return t
}
