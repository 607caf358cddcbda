package prose

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// TimeWindow is a span of days that a phrase in a question or an article
// refers to, such as "last week" or "in February". Since is inclusive and
// Until exclusive; both are midnight UTC.
type TimeWindow struct {
	Since, Until time.Time
	Phrase       string // the words that set it, as written
}

// Contains reports whether t falls in the window.
func (w TimeWindow) Contains(t time.Time) bool {
	return !t.Before(w.Since) && t.Before(w.Until)
}

var (
	reLastN = regexp.MustCompile(`(?i)\b(?:in |over |during )?the (?:last|past) (\d{1,3}|a|one|two|three|four|five|six|seven|ten|few) (day|week|month|year)s?\b`)
	reWords = regexp.MustCompile(`(?i)\b(today|tonight|yesterday|this morning|this week|last week|earlier this week|this month|last month|earlier this month|this year|last year|recently|latest|this weekend|last weekend)\b`)
	reMonth = regexp.MustCompile(`(?i)\b(?:in|during|since|from|of) (january|february|march|april|may|june|july|august|september|october|november|december)(?: (\d{4}))?\b`)
	reDay   = regexp.MustCompile(`(?i)\b(?:on|last|this past) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)
)

var windowCounts = map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "few": 3}

var monthNames = map[string]time.Month{
	"january": time.January, "february": time.February, "march": time.March, "april": time.April,
	"may": time.May, "june": time.June, "july": time.July, "august": time.August,
	"september": time.September, "october": time.October, "november": time.November, "december": time.December,
}

var weekdayNames = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// ParseTimeWindow finds the first phrase in text that names a time relative
// to asOf ("yesterday", "this week", "the past 3 days", "last month",
// "in February", "on Thursday") and returns the window it means. "This
// week" is the last seven days; calendar weeks ("last week") start on
// Monday. A month named without a year is the latest such month not after
// asOf; a weekday is the latest such day before asOf. A phrase that looks
// ahead ("later this year", "by next week") names when something will
// happen, not when it was reported, and is passed over. ok is false when
// text names no time.
func ParseTimeWindow(text string, asOf time.Time) (w TimeWindow, ok bool) {
	day := TruncateDay(asOf)
	type match struct {
		at int
		w  TimeWindow
	}
	var best *match
	consider := func(loc []int, w TimeWindow) {
		if loc == nil || refersAhead(text[:loc[0]]) {
			return
		}
		if best == nil || loc[0] < best.at {
			w.Phrase = text[loc[0]:loc[1]]
			best = &match{at: loc[0], w: w}
		}
	}

	for _, m := range reLastN.FindAllStringSubmatchIndex(text, -1) {
		nStr := strings.ToLower(text[m[2]:m[3]])
		n, err := strconv.Atoi(nStr)
		if err != nil {
			n = windowCounts[nStr]
		}
		if n > 0 {
			unit := strings.ToLower(text[m[4]:m[5]])
			since := day
			switch unit {
			case "day":
				since = day.AddDate(0, 0, -n)
			case "week":
				since = day.AddDate(0, 0, -7*n)
			case "month":
				since = day.AddDate(0, -n, 0)
			case "year":
				since = day.AddDate(-n, 0, 0)
			}
			consider(m[:2], TimeWindow{Since: since, Until: day.AddDate(0, 0, 1)})
		}
	}
	for _, m := range reWords.FindAllStringSubmatchIndex(text, -1) {
		if w, ok := wordWindow(strings.ToLower(text[m[2]:m[3]]), day); ok {
			consider(m[:2], w)
		}
	}
	for _, m := range reMonth.FindAllStringSubmatchIndex(text, -1) {
		month := monthNames[strings.ToLower(text[m[2]:m[3]])]
		year := day.Year()
		if m[4] >= 0 {
			year, _ = strconv.Atoi(text[m[4]:m[5]])
		} else if month > day.Month() {
			year--
		}
		start := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
		consider(m[:2], TimeWindow{Since: start, Until: start.AddDate(0, 1, 0)})
	}
	for _, m := range reDay.FindAllStringSubmatchIndex(text, -1) {
		wd := weekdayNames[strings.ToLower(text[m[2]:m[3]])]
		back := (int(day.Weekday()) - int(wd) + 7) % 7
		if back == 0 {
			back = 7
		}
		d := day.AddDate(0, 0, -back)
		consider(m[:2], TimeWindow{Since: d, Until: d.AddDate(0, 0, 1)})
	}
	if best == nil {
		return TimeWindow{}, false
	}
	return best.w, true
}

func wordWindow(word string, day time.Time) (TimeWindow, bool) {
	weekStart := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	monthStart := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
	yearStart := time.Date(day.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	next := day.AddDate(0, 0, 1)
	switch word {
	case "today", "tonight", "this morning":
		return TimeWindow{Since: day, Until: next}, true
	case "yesterday":
		return TimeWindow{Since: day.AddDate(0, 0, -1), Until: day}, true
	case "this week", "earlier this week":
		// The last seven days rather than the days since Monday: a
		// question asked on a Thursday about "this week" means the news
		// since the week before, and the calendar week is inside that.
		return TimeWindow{Since: day.AddDate(0, 0, -7), Until: next}, true
	case "last week":
		return TimeWindow{Since: weekStart.AddDate(0, 0, -7), Until: weekStart}, true
	case "this weekend", "last weekend":
		sat := weekStart.AddDate(0, 0, -2)
		if word == "this weekend" && (day.Weekday() == time.Saturday || day.Weekday() == time.Sunday) {
			sat = weekStart.AddDate(0, 0, 5)
		}
		// On a Saturday, this weekend's Sunday has not happened yet.
		return TimeWindow{Since: sat, Until: minTime(sat.AddDate(0, 0, 2), next)}, true
	case "this month", "earlier this month":
		return TimeWindow{Since: monthStart, Until: next}, true
	case "last month":
		return TimeWindow{Since: monthStart.AddDate(0, -1, 0), Until: monthStart}, true
	case "this year":
		return TimeWindow{Since: yearStart, Until: next}, true
	case "last year":
		return TimeWindow{Since: yearStart.AddDate(-1, 0, 0), Until: yearStart}, true
	case "recently", "latest":
		return TimeWindow{Since: day.AddDate(0, 0, -14), Until: next}, true
	}
	return TimeWindow{}, false
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func TruncateDay(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// refersAhead reports whether the words before a time phrase make it look
// forward ("later this year", "next week"): such a phrase says when
// something will happen, not when the news about it was published.
func refersAhead(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	if len(f) == 0 {
		return false
	}
	switch f[len(f)-1] {
	case "later", "next", "until", "by":
		return true
	}
	return false
}

// ParseSince reads when a digest starts: "12h", "1d", "7d", "2w" before now,
// or a date (YYYY-MM-DD, midnight UTC).
func ParseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if len(s) < 2 {
		return time.Time{}, fmt.Errorf("since %q: %w", s, rag.ErrBadSince)
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || n > 3660 {
		return time.Time{}, fmt.Errorf("since %q: %w", s, rag.ErrBadSince)
	}
	switch s[len(s)-1] {
	case 'h':
		return now.Add(-time.Duration(n) * time.Hour), nil
	case 'd':
		return now.AddDate(0, 0, -n), nil
	case 'w':
		return now.AddDate(0, 0, -7*n), nil
	}
	return time.Time{}, fmt.Errorf("since %q: %w", s, rag.ErrBadSince)
}
