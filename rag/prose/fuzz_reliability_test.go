package prose

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// Fuzz targets for the date parsers: phrases in questions and a digest's
// "since".

func FuzzParseTimeWindow(f *testing.F) {
	for _, s := range []string{"what happened yesterday?", "in the past 3 days", "the last few weeks", "news from last month",
		"in February 2025", "on Thursday", "this weekend", "in december", "the past 999 years", "LAST WEEK", ""} {
		f.Add(s, int64(1739491200)) // 2025-02-14
	}
	f.Fuzz(func(t *testing.T, text string, asOfUnix int64) {
		if asOfUnix < -2208988800 || asOfUnix > 7258118400 { // 1900..2200
			return
		}
		w, ok := ParseTimeWindow(text, time.Unix(asOfUnix, 0).UTC())
		if !ok {
			return
		}
		if !w.Since.Before(w.Until) {
			t.Errorf("%q: empty window %v..%v", text, w.Since, w.Until)
		}
		if w.Phrase == "" || !strings.Contains(text, w.Phrase) {
			t.Errorf("%q: phrase %q is not in the text", text, w.Phrase)
		}
	})
}

func FuzzParseSince(f *testing.F) {
	for _, s := range []string{"12h", "1d", "7d", "2w", "2025-02-14", "0d", "-3d", "3660w", "99999999999999999999h", "d", ""} {
		f.Add(s)
	}
	now := time.Date(2025, 2, 14, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		since, err := ParseSince(s, now)
		if err != nil {
			if !errors.Is(err, rag.ErrBadSince) {
				t.Errorf("%q: error %v does not say how to write it", s, err)
			}
			return
		}
		if since.IsZero() {
			t.Errorf("%q: zero time without an error", s)
		}
	})
}
