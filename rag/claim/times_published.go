package claim

import (
	"strings"
	"time"
)

// datedYears gives the calendar years the passages count from their
// articles' dates: "last year", "this year" and "next year" in a passage
// whose article came out in 2022 state 2021, 2022 and 2023, so a sentence
// that writes the year ("in 2021") holds what the passage says. They are
// implicit figures, read where the time is written. "The past year" is
// the last twelve months, no calendar year, and gives none.
func datedYears(ev *evidence, sources []Source) []figure {
	var out []figure
	for _, t := range ev.times {
		if t.span != 0 {
			continue
		}
		var step float64
		switch t.key {
		case "last year":
			step = -1
		case "this year":
			step = 0
		case "next year":
			step = 1
		default:
			continue
		}
		src := sources[ev.passageOf[ev.toks[t.start].sent]]
		if src.Published.IsZero() {
			continue
		}
		out = append(out, figure{value: float64(src.Published.Year()) + step, start: t.start, end: t.end, implicit: true})
	}
	return out
}

// datedTimes gives the months and weekdays the passages count from their
// articles' dates: in an article of Thursday 14 July, "next month" is
// August, "yesterday" Wednesday and "tomorrow" Friday, so a sentence that
// names them holds what the passage says. Each is read where the passage
// writes the relative time, which also stays.
func datedTimes(ev *evidence, sources []Source) []timeExpr {
	var out []timeExpr
	for _, t := range ev.times {
		if t.span != 0 {
			continue
		}
		src := sources[ev.passageOf[ev.toks[t.start].sent]]
		if src.Published.IsZero() {
			continue
		}
		day := src.Published
		var key string
		switch t.key {
		case "last month", "this month", "next month":
			step := map[string]int{"last month": -1, "this month": 0, "next month": 1}[t.key]
			first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
			key = strings.ToLower(first.AddDate(0, step, 0).Month().String())
		case "yesterday", "today", "tonight", "tomorrow":
			step := map[string]int{"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[t.key]
			key = strings.ToLower(day.AddDate(0, 0, step).Weekday().String())
		default:
			continue
		}
		out = append(out, timeExpr{key: key, start: t.start, end: t.end})
	}
	return out
}
