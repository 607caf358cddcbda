package redact

import (
	"strings"
	"testing"
)

func TestURLAndQuery(t *testing.T) {
	const secret = "s3cr3t-canary"
	tests := []struct{ in, url, query string }{
		{"https://example.com/rss", "https://example.com/rss", "https://example.com/rss"},
		{"https://user:" + secret + "@example.com/rss", "https://user:xxxxx@example.com/rss", "https://user:xxxxx@example.com/rss"},
		{"https://example.com/rss?key=" + secret + "&lang=en", "https://example.com/rss?key=" + secret + "&lang=en", "https://example.com/rss?key=xxxxx&lang=xxxxx"},
		{"https://example.com/rss?" + secret, "https://example.com/rss?" + secret, "https://example.com/rss?xxxxx"},
		// Does not parse: the whole userinfo goes, and the whole query.
		{"https://user:" + secret + " x@example.com/%zz?t=" + secret, "https://xxxxx@example.com/%zz?t=" + secret, "https://xxxxx@example.com/%zz?xxxxx"},
		{"http://u:" + secret + "@[::1%zz]/", "http://xxxxx@[::1%zz]/", "http://xxxxx@[::1%zz]/"},
	}
	for _, tc := range tests {
		if got := URL(tc.in); got != tc.url {
			t.Errorf("URL(%q) = %q, want %q", tc.in, got, tc.url)
		}
		got := Query(tc.in)
		if got != tc.query {
			t.Errorf("Query(%q) = %q, want %q", tc.in, got, tc.query)
		}
		if strings.Contains(got, secret) {
			t.Errorf("Query(%q) shows the secret", tc.in)
		}
	}
}
