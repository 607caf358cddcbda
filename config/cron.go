package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// This parser is the project's own, not robfig/cron/v3, the usual library:
// robfig is less strict, and its times differ, in ways a digest schedule
// would notice. Checked against robfig/cron/v3 v3.0.1 with its standard
// five-field parser, robfig
//   - accepts schedules that can never fire ("0 0 30 2 *"), whose Next is
//     then the zero time: the digest would silently never be posted, where
//     ParseCron refuses them;
//   - accepts an empty list element ("1,,2") and any number of leading
//     zeros ("0000001");
//   - ORs the two day fields when the day of week is "*/7", where Vixie
//     cron (and this parser) ANDs them whenever a day field starts with '*',
//     so "0 0 31 4 */7" fires on Sundays in April instead of being refused;
//   - runs a time in the repeated hour twice when clocks go back (01:30
//     EDT, then 01:30 EST), where Next runs it once;
//   - refuses 7 for Sunday, which most crons and this parser accept.
// Wrapping it would keep all of the checks below and replace none of them,
// so the parser and Next stay here, tested in cron_test.go.

// Schedule is a parsed five-field cron expression. The zero Schedule never
// fires.
type Schedule struct {
	// One bit per allowed value: minute 0-59, hour 0-23, day of month 1-31,
	// month 1-12, day of week 0-6 (Sunday is 0).
	minute, hour, dom, month, dow uint64
	// As in Vixie cron, when both day fields are restricted a day matches
	// either of them; when one starts with '*', a day must match both.
	domStar, dowStar bool
	expr             string
}

type cronField struct {
	name     string
	min, max int
	names    []string // names[i] stands for min+i
}

var cronFields = [5]cronField{
	{name: "minute", min: 0, max: 59},
	{name: "hour", min: 0, max: 23},
	{name: "day of month", min: 1, max: 31},
	{name: "month", min: 1, max: 12, names: []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}},
	// 7 is Sunday too, as in most crons.
	{name: "day of week", min: 0, max: 7, names: []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}},
}

var cronMacros = map[string]string{
	"@yearly":   "0 0 1 1 *",
	"@annually": "0 0 1 1 *",
	"@monthly":  "0 0 1 * *",
	"@weekly":   "0 0 * * 0",
	"@daily":    "0 0 * * *",
	"@midnight": "0 0 * * *",
	"@hourly":   "0 * * * *",
}

// ParseCron parses a cron expression: five fields (minute, hour, day of
// month, month, day of week), each "*", a number, a range "a-b", a list
// "a,b", or any of these with a step "/n"; months and days of the week may
// be written as names (JAN, MON). The macros @hourly, @daily, @weekly,
// @monthly and @yearly are accepted too. A schedule that can never fire,
// such as the 30th of February, is refused.
func ParseCron(s string) (Schedule, error) {
	expr := strings.Join(strings.Fields(s), " ")
	spec := expr
	if strings.HasPrefix(expr, "@") {
		expr = strings.ToLower(expr)
		m, ok := cronMacros[expr]
		if !ok {
			return Schedule{}, fmt.Errorf("unknown macro %s (known: @hourly, @daily, @weekly, @monthly, @yearly)", quote(expr))
		}
		spec = m
	}
	fields := strings.Fields(spec)
	if len(fields) != len(cronFields) {
		return Schedule{}, fmt.Errorf("it has %d fields, want 5", len(fields))
	}
	var bits [5]uint64
	for i, f := range fields {
		b, err := parseCronField(f, cronFields[i])
		if err != nil {
			return Schedule{}, fmt.Errorf("%s: %w", cronFields[i].name, err)
		}
		bits[i] = b
	}
	sch := Schedule{
		minute: bits[0], hour: bits[1], dom: bits[2], month: bits[3],
		dow:     (bits[4] | bits[4]>>7) & 0x7f, // fold 7 onto Sunday
		domStar: strings.HasPrefix(fields[2], "*"),
		dowStar: strings.HasPrefix(fields[4], "*"),
		expr:    expr,
	}
	if !sch.possible() {
		return Schedule{}, errors.New("no month has the days it names")
	}
	return sch, nil
}

func mustParseCron(s string) Schedule {
	sch, err := ParseCron(s)
	if err != nil {
		panic("config: bad built-in cron schedule: " + err.Error())
	}
	return sch
}

func parseCronField(f string, spec cronField) (uint64, error) {
	var bits uint64
	for _, part := range strings.Split(f, ",") {
		rng, stepText, hasStep := strings.Cut(part, "/")
		step := 1
		if hasStep {
			n, err := cronNumber(stepText)
			if err != nil || n < 1 {
				return 0, fmt.Errorf("step %s is not a whole number from 1", quote(stepText))
			}
			step = n
		}
		var lo, hi int
		switch {
		case rng == "*":
			lo, hi = spec.min, spec.max
			if len(spec.names) == 7 {
				hi = 6 // Sunday once, as 0
			}
		case strings.Contains(rng, "-"):
			a, b, _ := strings.Cut(rng, "-")
			var err error
			if lo, err = cronValue(a, spec); err != nil {
				return 0, err
			}
			if hi, err = cronValue(b, spec); err != nil {
				return 0, err
			}
			if lo > hi {
				return 0, fmt.Errorf("range %s runs backwards", quote(rng))
			}
		default:
			var err error
			if lo, err = cronValue(rng, spec); err != nil {
				return 0, err
			}
			hi = lo
			if hasStep {
				hi = spec.max // "5/15" means from 5 to the end, every 15
			}
		}
		for v := lo; v <= hi; v += step {
			bits |= 1 << uint(v)
		}
	}
	return bits, nil
}

func cronNumber(s string) (int, error) {
	if !allDigits(s) || len(s) > 3 {
		return 0, strconv.ErrSyntax
	}
	return strconv.Atoi(s)
}

func cronValue(s string, spec cronField) (int, error) {
	for i, name := range spec.names {
		if strings.EqualFold(s, name) {
			return spec.min + i, nil
		}
	}
	n, err := cronNumber(s)
	if err != nil {
		if s == "" {
			return 0, errors.New("a value is missing")
		}
		return 0, fmt.Errorf("%s is not a number", quote(s))
	}
	if n < spec.min || n > spec.max {
		return 0, fmt.Errorf("%d is out of range %d-%d", n, spec.min, spec.max)
	}
	return n, nil
}

// daysIn is the most days each month can have (February in a leap year).
var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// possible reports whether some real date matches. A day-of-week restriction
// alone can always be met, and any date that exists falls on every weekday
// within some decades, so only the day of month against the months matters.
func (s Schedule) possible() bool {
	if s.minute == 0 || s.hour == 0 || s.month == 0 || s.dom == 0 || s.dow == 0 {
		return false
	}
	if !s.domStar && !s.dowStar {
		return true // either day field is enough, and weekdays always come
	}
	for m := 1; m <= 12; m++ {
		if s.month&(1<<uint(m)) == 0 {
			continue
		}
		for d := 1; d <= daysIn[m]; d++ {
			if s.dom&(1<<uint(d)) != 0 {
				return true
			}
		}
	}
	return false
}

// IsZero reports whether the schedule was never parsed.
func (s Schedule) IsZero() bool { return s.month == 0 }

// String returns the expression as it was parsed, with its spacing
// normalised.
func (s Schedule) String() string { return s.expr }

// cronHorizon bounds the search in Next. The rarest possible schedule, the
// 29th of February on a given weekday, can be 40 years apart.
const cronHorizon = 50

// Next returns the first time strictly after t, at the start of a minute in
// t's location, that the schedule matches; the zero time if there is none
// within 50 years (only the zero Schedule).
//
// Times are wall-clock times. When clocks go forward, a time in the skipped
// hour does not occur that day; when they go back, the repeated hour is not
// run twice.
func (s Schedule) Next(t time.Time) time.Time {
	if s.IsZero() {
		return time.Time{}
	}
	loc := t.Location()
	end := t.AddDate(cronHorizon, 0, 0)
	next := t.Truncate(time.Minute).Add(time.Minute)
	for next.Before(end) {
		switch {
		case s.month&(1<<uint(next.Month())) == 0:
			next = forward(next, time.Date(next.Year(), next.Month()+1, 1, 0, 0, 0, 0, loc))
		case !s.dayMatches(next):
			next = forward(next, time.Date(next.Year(), next.Month(), next.Day()+1, 0, 0, 0, 0, loc))
		case s.hour&(1<<uint(next.Hour())) == 0:
			next = forward(next, time.Date(next.Year(), next.Month(), next.Day(), next.Hour()+1, 0, 0, 0, loc))
		case s.minute&(1<<uint(next.Minute())) == 0:
			next = forward(next, time.Date(next.Year(), next.Month(), next.Day(), next.Hour(), next.Minute()+1, 0, 0, loc))
		default:
			return next
		}
	}
	return time.Time{}
}

// forward moves to the next candidate, built from wall-clock fields. Around
// a daylight-saving change, time.Date can land on a time that is not later;
// then a minute's step keeps the search moving.
func forward(from, to time.Time) time.Time {
	if to.After(from) {
		return to
	}
	return from.Add(time.Minute)
}

func (s Schedule) dayMatches(t time.Time) bool {
	dom := s.dom&(1<<uint(t.Day())) != 0
	dow := s.dow&(1<<uint(t.Weekday())) != 0
	if s.domStar || s.dowStar {
		return dom && dow
	}
	return dom || dow
}

// matches reports whether t, to the minute, is one of the schedule's times.
func (s Schedule) matches(t time.Time) bool {
	return s.month&(1<<uint(t.Month())) != 0 && s.dayMatches(t) &&
		s.hour&(1<<uint(t.Hour())) != 0 && s.minute&(1<<uint(t.Minute())) != 0
}
