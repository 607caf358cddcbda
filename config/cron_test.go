package config

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the DST tests need New York's rules on any machine
)

func date(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// TestCronNext checks Next against times worked out by hand. 2026-01-01 is a
// Thursday.
func TestCronNext(t *testing.T) {
	tests := []struct {
		expr string
		from time.Time
		want time.Time
	}{
		{"0 8 * * *", date(2026, 1, 1, 7, 59), date(2026, 1, 1, 8, 0)},
		{"0 8 * * *", date(2026, 1, 1, 8, 0), date(2026, 1, 2, 8, 0)},
		{"0 8 * * *", date(2026, 12, 31, 9, 0), date(2027, 1, 1, 8, 0)},
		{"*/15 * * * *", date(2026, 1, 1, 10, 7), date(2026, 1, 1, 10, 15)},
		{"5/20 * * * *", date(2026, 1, 1, 10, 50), date(2026, 1, 1, 11, 5)},
		{"30 7 * * MON-FRI", date(2026, 1, 2, 8, 0), date(2026, 1, 5, 7, 30)}, // Friday after 7:30 → Monday
		{"0 0 * * 7", date(2026, 1, 1, 0, 0), date(2026, 1, 4, 0, 0)},         // 7 is Sunday
		{"0 0 * * sun", date(2026, 1, 1, 0, 0), date(2026, 1, 4, 0, 0)},
		{"0 12 1 * *", date(2026, 1, 15, 0, 0), date(2026, 2, 1, 12, 0)},
		{"0 0 31 * *", date(2026, 2, 1, 0, 0), date(2026, 3, 31, 0, 0)},
		{"0 0 29 2 *", date(2026, 1, 1, 0, 0), date(2028, 2, 29, 0, 0)},
		// Both day fields restricted: either matches (the 13th, or a Friday).
		{"0 0 13 * 5", date(2026, 1, 1, 0, 0), date(2026, 1, 2, 0, 0)},
		// Day of week restricted with a star step: both must match
		// (the 1st of a month that is a Sunday: 2026-02-01).
		{"0 0 1 * */7", date(2026, 1, 1, 0, 0), date(2026, 2, 1, 0, 0)},
		{"0 9-17/4 * * *", date(2026, 1, 1, 13, 1), date(2026, 1, 1, 17, 0)},
		{"0,30 * * * *", date(2026, 1, 1, 0, 1), date(2026, 1, 1, 0, 30)},
		{"0 0 1 JAN,jul *", date(2026, 1, 2, 0, 0), date(2026, 7, 1, 0, 0)},
		{"@hourly", date(2026, 1, 1, 0, 0), date(2026, 1, 1, 1, 0)},
		{"@weekly", date(2026, 1, 1, 0, 0), date(2026, 1, 4, 0, 0)},
		{"@yearly", date(2026, 1, 1, 0, 0), date(2027, 1, 1, 0, 0)},
		{"  0   8 * *   *  ", time.Date(2026, 1, 1, 7, 59, 59, 999, time.UTC), date(2026, 1, 1, 8, 0)},
	}
	for _, tt := range tests {
		s, err := ParseCron(tt.expr)
		if err != nil {
			t.Errorf("ParseCron(%q): %v", tt.expr, err)
			continue
		}
		if got := s.Next(tt.from); !got.Equal(tt.want) {
			t.Errorf("%q after %v: got %v, want %v", tt.expr, tt.from, got, tt.want)
		}
	}
}

func TestCronDaylightSaving(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	at := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, ny) }

	// Clocks jump from 02:00 to 03:00 on 8 March 2026: 02:30 does not occur.
	s := mustParseCron("30 2 * * *")
	if got, want := s.Next(at(3, 7, 12, 0)), at(3, 9, 2, 30); !got.Equal(want) {
		t.Errorf("spring forward: got %v, want %v", got, want)
	}
	// Clocks go back from 02:00 to 01:00 on 1 November 2026: 01:30 once.
	s = mustParseCron("30 1 * * *")
	first := s.Next(at(11, 1, 0, 0))
	if want := at(11, 1, 1, 30); !first.Equal(want) {
		t.Fatalf("fall back: got %v, want %v", first, want)
	}
	if got, want := s.Next(first), at(11, 2, 1, 30); !got.Equal(want) {
		t.Errorf("fall back ran twice: got %v, want %v", got, want)
	}
	// An hourly schedule keeps moving through both changes.
	s = mustParseCron("0 * * * *")
	for _, from := range []time.Time{at(3, 8, 0, 30), at(11, 1, 0, 30)} {
		prev := from
		for i := 0; i < 5; i++ {
			next := s.Next(prev)
			if !next.After(prev) || next.Sub(prev) > 2*time.Hour {
				t.Fatalf("hourly after %v: got %v", prev, next)
			}
			prev = next
		}
	}
}

// TestCronNextAgainstScan compares Next with a minute-by-minute scan.
func TestCronNextAgainstScan(t *testing.T) {
	exprs := []string{"7 */3 * * *", "0 0 1,15 * 1", "*/20 6-8 * * SAT", "0 0 */10 * *", "59 23 31 * *", "0 12 * 2 *"}
	starts := []time.Time{date(2026, 1, 30, 22, 0), date(2027, 2, 27, 23, 59), date(2028, 12, 31, 12, 0)}
	const limit = 80 * 24 * 60 // minutes scanned
	for _, expr := range exprs {
		s := mustParseCron(expr)
		for _, from := range starts {
			want := time.Time{}
			for m, tm := 1, from.Add(time.Minute); m <= limit; m, tm = m+1, tm.Add(time.Minute) {
				if s.matches(tm) {
					want = tm
					break
				}
			}
			if want.IsZero() {
				t.Fatalf("%q: no match within the scan; pick another test schedule", expr)
			}
			if got := s.Next(from); !got.Equal(want) {
				t.Errorf("%q after %v: got %v, scan found %v", expr, from, got, want)
			}
		}
	}
}

func TestParseCronErrors(t *testing.T) {
	tests := []struct{ expr, want string }{
		{"", "it has 0 fields, want 5"},
		{"* * * *", "it has 4 fields"},
		{"* * * * * *", "it has 6 fields"},
		{"60 * * * *", "minute: 60 is out of range 0-59"},
		{"* 24 * * *", "hour: 24 is out of range 0-23"},
		{"* * 0 * *", "day of month: 0 is out of range 1-31"},
		{"* * * 13 *", "month: 13 is out of range 1-12"},
		{"* * * * 8", "day of week: 8 is out of range 0-7"},
		{"*/0 * * * *", `minute: step "0" is not a whole number from 1`},
		{"*/x * * * *", `step "x"`},
		{"5-1 * * * *", `range "5-1" runs backwards`},
		{"1,,2 * * * *", "a value is missing"},
		{"1- * * * *", "a value is missing"},
		{"a * * * *", `"a" is not a number`},
		{"* * * FOO *", `month: "FOO" is not a number`},
		{"-1 * * * *", "a value is missing"},
		{"0 0 30 2 *", "no month has the days it names"},
		{"0 0 31 4,6,9,11 *", "no month has the days it names"},
		{"0 0 31 4 */7", "no month has the days it names"},
		{"@often", `unknown macro "@often"`},
		{"0000001 * * * *", "is not a number"},
	}
	for _, tt := range tests {
		_, err := ParseCron(tt.expr)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseCron(%q) = %v, want an error containing %q", tt.expr, err, tt.want)
		}
	}
	// Either day field is enough when both are restricted, so this is fine.
	if _, err := ParseCron("0 0 30 2 MON"); err != nil {
		t.Errorf("30 Feb or any Monday: %v", err)
	}
}

func TestZeroSchedule(t *testing.T) {
	var s Schedule
	if !s.IsZero() || !s.Next(date(2026, 1, 1, 0, 0)).IsZero() || s.String() != "" {
		t.Error("the zero Schedule should never fire")
	}
}
