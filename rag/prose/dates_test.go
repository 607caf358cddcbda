package prose

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

func TestParseTimeWindow(t *testing.T) {
	// Thursday 16 June 2022, the day realtimeqa-dev's first quiz was asked.
	asOf := time.Date(2022, 6, 16, 15, 30, 0, 0, time.UTC)
	d := func(m time.Month, day int) time.Time { return time.Date(2022, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		text         string
		ok           bool
		since, until time.Time
		phrase       string
	}{
		{"Who won the 2022 World Cup?", false, time.Time{}, time.Time{}, ""},
		{"What happened today?", true, d(6, 16), d(6, 17), "today"},
		{"What did the court rule yesterday?", true, d(6, 15), d(6, 16), "yesterday"},
		// The last seven days, not Monday to Thursday.
		{"Which automaker recalled 2.9 million vehicles this week?", true, d(6, 9), d(6, 17), "this week"},
		{"Who resigned earlier this week?", true, d(6, 9), d(6, 17), "earlier this week"},
		{"What happened last week?", true, d(6, 6), d(6, 13), "last week"},
		{"What happened last weekend?", true, d(6, 11), d(6, 13), "last weekend"},
		{"News from the past 3 days", true, d(6, 13), d(6, 17), "the past 3 days"},
		{"in the last few weeks", true, d(5, 26), d(6, 17), "in the last few weeks"},
		{"What was announced this month?", true, d(6, 1), d(6, 17), "this month"},
		{"What happened last month?", true, d(5, 1), d(6, 1), "last month"},
		{"What did he say in February?", true, d(2, 1), d(3, 1), "in February"},
		// A month later in the year than the as-of date is last year's.
		{"What happened in December?", true, time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC), d(1, 1), "in December"},
		{"in March 2021", true, time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2021, 4, 1, 0, 0, 0, 0, time.UTC), "in March 2021"},
		// The last Thursday before a Thursday is a week ago.
		{"What did she say on Thursday?", true, d(6, 9), d(6, 10), "on Thursday"},
		{"What did she say on Monday?", true, d(6, 13), d(6, 14), "on Monday"},
		{"What happened this year?", true, d(1, 1), d(6, 17), "this year"},
		{"Who won recently?", true, d(6, 2), d(6, 17), "recently"},
		// The first phrase wins.
		{"Yesterday's vote, and last month's", true, d(6, 15), d(6, 16), "Yesterday"},
		// Looking ahead says when something will happen, not when it was
		// reported.
		{"Which singer will launch a Las Vegas residency later this year?", false, time.Time{}, time.Time{}, ""},
		{"Which bill must pass by next week?", false, time.Time{}, time.Time{}, ""},
		{"Who will sign later this week, after what happened yesterday?", true, d(6, 15), d(6, 16), "yesterday"},
	}
	for _, tc := range tests {
		w, ok := ParseTimeWindow(tc.text, asOf)
		if ok != tc.ok {
			t.Errorf("%q: ok = %v, want %v (window %v..%v %q)", tc.text, ok, tc.ok, w.Since, w.Until, w.Phrase)
			continue
		}
		if !ok {
			continue
		}
		if !w.Since.Equal(tc.since) || !w.Until.Equal(tc.until) || w.Phrase != tc.phrase {
			t.Errorf("%q: window %s..%s %q, want %s..%s %q", tc.text,
				w.Since.Format(time.DateOnly), w.Until.Format(time.DateOnly), w.Phrase,
				tc.since.Format(time.DateOnly), tc.until.Format(time.DateOnly), tc.phrase)
		}
	}
}

func TestThisWeekendOnTheWeekend(t *testing.T) {
	sat := time.Date(2022, 6, 18, 12, 0, 0, 0, time.UTC)
	sun := sat.AddDate(0, 0, 1)
	day := func(n int) time.Time { return time.Date(2022, 6, n, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		text         string
		asOf         time.Time
		since, until time.Time
	}{
		// On a Saturday, this weekend is today: Sunday has not come.
		{"this weekend", sat, day(18), day(19)},
		{"this weekend", sun, day(18), day(20)},
		// On a Sunday, last weekend is the one before, not today's.
		{"last weekend", sun, day(11), day(13)},
		{"last weekend", sat, day(11), day(13)},
	}
	for _, tc := range tests {
		w, ok := ParseTimeWindow(tc.text, tc.asOf)
		if !ok || !w.Since.Equal(tc.since) || !w.Until.Equal(tc.until) {
			t.Errorf("%q on %s: %v %s..%s, want %s..%s", tc.text, tc.asOf.Weekday(), ok,
				w.Since.Format(time.DateOnly), w.Until.Format(time.DateOnly), tc.since.Format(time.DateOnly), tc.until.Format(time.DateOnly))
		}
	}
}

func TestTimeWindowContains(t *testing.T) {
	w := TimeWindow{Since: time.Date(2022, 6, 9, 0, 0, 0, 0, time.UTC), Until: time.Date(2022, 6, 17, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		at   time.Time
		want bool
	}{
		{w.Since, true},
		{w.Until.Add(-time.Nanosecond), true},
		{w.Until, false},
		{w.Since.Add(-time.Nanosecond), false},
	} {
		if got := w.Contains(tc.at); got != tc.want {
			t.Errorf("Contains(%v) = %v, want %v", tc.at, got, tc.want)
		}
	}
}

// FuzzTimeWindowNeverLooksAhead checks what retrieval relies on beyond
// FuzzParseTimeWindow's checks: a window never starts after the question is
// asked, nor ends more than a day after it, whatever the phrase.
func FuzzTimeWindowNeverLooksAhead(f *testing.F) {
	for _, s := range []string{"this week", "this weekend", "later this year", "on Sunday", "in December",
		"the past 12 months", "earlier this month", "by next week", "Later this week and yesterday", "in may 2031"} {
		f.Add(s, int64(1655393400)) // 2022-06-16 15:30 UTC
	}
	f.Fuzz(func(t *testing.T, text string, asOfUnix int64) {
		if asOfUnix < -2208988800 || asOfUnix > 7258118400 { // 1900..2200
			return
		}
		asOf := time.Unix(asOfUnix, 0).UTC()
		w, ok := ParseTimeWindow(text, asOf)
		if !ok {
			return
		}
		next := TruncateDay(asOf).AddDate(0, 0, 1)
		month := reMonth.MatchString(w.Phrase)
		if month && strings.ContainsAny(w.Phrase, "0123456789") {
			return // a month given with its year may be any month
		}
		if w.Since.After(next) {
			t.Errorf("%q: window %q starts %v, after the as-of date %v", text, w.Phrase, w.Since, asOf)
		}
		// The current month runs to its end; relative phrases never reach
		// past tomorrow.
		if w.Until.After(next) && !month {
			t.Errorf("%q: window %q ends %v, after the as-of date %v", text, w.Phrase, w.Until, asOf)
		}
	})
}

func TestParseSince(t *testing.T) {
	now := time.Date(2025, 4, 27, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"1d", time.Date(2025, 4, 26, 12, 0, 0, 0, time.UTC)},
		{"7d", time.Date(2025, 4, 20, 12, 0, 0, 0, time.UTC)},
		{"12h", time.Date(2025, 4, 27, 0, 0, 0, 0, time.UTC)},
		{"2w", time.Date(2025, 4, 13, 12, 0, 0, 0, time.UTC)},
		{" 3D ", time.Date(2025, 4, 24, 12, 0, 0, 0, time.UTC)},
		{"2025-02-01", time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		got, err := ParseSince(tt.in, now)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseSince(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "d", "0d", "-1d", "1y", "yesterday", "2025-13-01", "99999d"} {
		if _, err := ParseSince(bad, now); !errors.Is(err, rag.ErrBadSince) {
			t.Errorf("ParseSince(%q): %v, want ErrBadSince", bad, err)
		}
	}
}
