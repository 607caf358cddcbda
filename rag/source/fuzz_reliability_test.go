package source

import (
	"testing"
	"time"
	"unicode/utf8"
)

// Fuzz targets for the parsers that had none: publication dates, and the
// ids and outlet names made from URLs, which feed entries and /ingest
// bring in from anywhere.

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-02-14", "2025/02/14", "2025-02-14T08:30:00Z", "2025-02-14T08:30:00.123+01:00",
		"14 February 2025", "Feb 14, 2025", "Friday, 14 February 2025", "Fri, 14 Feb 2025 08:30:00 GMT", "2025-13-45", "", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDate(s)
		if err != nil {
			return
		}
		if d.IsZero() {
			return // an empty date
		}
		again, err := parseDate(d.Format(time.RFC3339Nano))
		if err != nil || !again.Equal(d) {
			t.Errorf("%q read as %v, which does not read back (%v, %v)", s, d, again, err)
		}
	})
}

func FuzzIDFromURL(f *testing.F) {
	for _, s := range []string{"https://www.example.com/news/a-story/", "http://example.com/index.html?id=4",
		"https://xn--bcher-kva.example/ä/ö", "https://[::1]:8080/x", "https://news.bbc.co.uk/1/hi/", "not a url", "https://", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		id := idFromURL(raw)
		if err := checkID(id); err != nil {
			t.Errorf("idFromURL(%q) = %q, which is not a valid id: %v", raw, id, err)
		}
		if o := outletFromURL(raw); !utf8.ValidString(o) {
			t.Errorf("outletFromURL(%q) = %q is not valid UTF-8", raw, o)
		}
	})
}
