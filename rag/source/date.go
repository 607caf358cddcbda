package source

import (
	"fmt"
	"strings"
	"time"
)

// dateLayouts are the forms of publication date the loaders accept. Dates
// without a zone are read as UTC so that they mean the same day everywhere.
var dateLayouts = []string{
	"2006-01-02",
	"2006/01/02",
	time.RFC3339, // also takes fractional seconds
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
	"Monday, 2 January 2006",
	"Monday, January 2, 2006",
	time.RFC1123Z,
	time.RFC1123,
}

// maxAhead is how far past now a publication date may lie. Dates a little
// ahead are normal (time zones, embargoed stories scheduled in a CMS); a
// year ahead is a typo, and would make the article look like the newest
// coverage of everything it mentions.
const maxAhead = 366 * 24 * time.Hour

// parseDate reads a publication date. An empty string is the zero time.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.After(time.Now().Add(maxAhead)) {
				return time.Time{}, fmt.Errorf("date %q is more than a year in the future: correct it, or leave the date out if it is not known", s)
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read date %q: want YYYY-MM-DD, YYYY/MM/DD, RFC 3339 or \"2 January 2006\"", s)
}
