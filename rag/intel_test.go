package rag

import (
	"testing"
	"time"
)

func TestTimelineEntryWhen(t *testing.T) {
	d := time.Date(2022, 6, 6, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ precision, want string }{
		{PrecisionDay, "6 Jun 2022"},
		{PrecisionWeek, "week of 6 Jun 2022"},
		{PrecisionMonth, "Jun 2022"},
		{PrecisionYear, "2022"},
		{"", "6 Jun 2022"},
	} {
		if got := (TimelineEntry{Date: d, Precision: tc.precision}).When(); got != tc.want {
			t.Errorf("precision %q: %q, want %q", tc.precision, got, tc.want)
		}
	}
}
