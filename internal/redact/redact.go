// Package redact hides the secrets a web address can carry before it is
// printed or logged: the password of its userinfo and, for addresses that
// are known to carry tokens in them (feed URLs), the values of its query.
package redact

import (
	"net/url"
	"regexp"
	"strings"
)

// hidden stands in for a removed secret; it is what net/url's Redacted
// writes for a password.
const hidden = "xxxxx"

// userinfo is "scheme://anything@" in an address that net/url cannot
// parse: a password with a space or a stray '%' in it must be hidden all
// the same.
var userinfo = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@`)

// URL returns raw with the password of its userinfo replaced by "xxxxx"
// ("https://user:xxxxx@host/"). An address that does not parse loses its
// whole userinfo instead, since where the password ends cannot be told.
func URL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return userinfo.ReplaceAllString(raw, "${1}"+hidden+"@")
	}
	return u.Redacted()
}

// Query is URL with every query value replaced by "xxxxx" as well
// ("https://example.com/rss?key=xxxxx"): feed services put access tokens
// there. The keys of key=value pairs stay, so an address can still be told
// apart from another; an address that does not parse loses everything after '?'.
func Query(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		s := URL(raw)
		if i := strings.IndexByte(s, '?'); i >= 0 {
			s = s[:i+1] + hidden
		}
		return s
	}
	if u.RawQuery != "" {
		var b strings.Builder
		for _, part := range strings.Split(u.RawQuery, "&") {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			// A part without '=' may be a bare token ("?3f9a…"): it goes
			// whole.
			if key, _, ok := strings.Cut(part, "="); ok {
				b.WriteString(key + "=" + hidden)
			} else if part != "" {
				b.WriteString(hidden)
			}
		}
		u.RawQuery = b.String()
	}
	return u.Redacted()
}
