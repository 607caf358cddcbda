package rag

import (
	"testing"
	"time"
)

func TestTimelineEntryWhen(t *testing.T) {
	d := time.Date(2022, 6, 6, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ precision, short, long, iso string }{
		{PrecisionDay, "6 Jun 2022", "6 June 2022", "2022-06-06"},
		{PrecisionWeek, "week of 6 Jun 2022", "week of 6 June 2022", "2022-W23"},
		{PrecisionMonth, "Jun 2022", "June 2022", "2022-06"},
		{PrecisionYear, "2022", "2022", "2022"},
		{"", "6 Jun 2022", "6 June 2022", "2022-06-06"},
	} {
		e := TimelineEntry{Date: d, Precision: tc.precision}
		if got := e.When(); got != tc.short {
			t.Errorf("precision %q: When %q, want %q", tc.precision, got, tc.short)
		}
		if got := e.WhenLong(); got != tc.long {
			t.Errorf("precision %q: WhenLong %q, want %q", tc.precision, got, tc.long)
		}
		if got := e.WhenISO(); got != tc.iso {
			t.Errorf("precision %q: WhenISO %q, want %q", tc.precision, got, tc.iso)
		}
	}
}
