package source

import (
	"errors"
	"strings"
	"testing"
)

func TestIDFromName(t *testing.T) {
	long := "https://www.example.com/" + strings.Repeat("very-long-path-segment/", 10)
	tests := []struct {
		in, want string
	}{
		{"starmer-call.md", "starmer-call"},
		{"2025/02/Starmer Call.md", "2025-02-starmer-call"},
		{`2025\02\x.md`, "2025-02-x"},
		{"./data/a.b.json", "data-a.b"},
		{"http://www.cnn.com/2022/02/07/investing/spirit-frontier/index.html", "cnn.com-2022-02-07-investing-spirit-frontier"},
		{"https://www.cnn.com/2022/02/07/investing/spirit-frontier/", "cnn.com-2022-02-07-investing-spirit-frontier"},
		{"https://example.com/story?id=1", "example.com-story-id-1"},
		{"https://example.com/story?id=2", "example.com-story-id-2"},
		{"новости.md", "article-"},
		{long, "example.com-very-long-path-segment-very-long-path-segment-very-long-path-segment-"},
	}
	for _, tc := range tests {
		got := idFromName(tc.in)
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("idFromName(%q) = %q, want %q (as a prefix when a hash follows)", tc.in, got, tc.want)
		}
		if err := checkID(got); err != nil {
			t.Errorf("idFromName(%q) = %q: %v", tc.in, got, err)
		}
		if again := idFromName(tc.in); again != got {
			t.Errorf("idFromName(%q) gave %q then %q", tc.in, got, again)
		}
	}
	// Long URLs that share the first 80 characters of their slug still
	// differ, by the hash of the whole.
	if a, b := idFromName(long+"one"), idFromName(long+"two"); a == b || len(a) > maxIDLen {
		t.Errorf("long URLs gave %q and %q", a, b)
	}
	if a, b := idFromName("новости.md"), idFromName("статья.md"); a == b {
		t.Errorf("names in another script gave one id %q", a)
	}
}

func TestCheckID(t *testing.T) {
	good := []string{"a", "76f45d04f73c", "bbc-2025-02-14.starmer_call", "A1"}
	bad := []string{"", "-a", ".hidden", "a/b", "a b", "a#1", "../x", "é", strings.Repeat("a", maxIDLen+1)}
	for _, id := range good {
		if err := checkID(id); err != nil {
			t.Errorf("checkID(%q) = %v, want nil", id, err)
		}
	}
	for _, id := range bad {
		if err := checkID(id); !errors.Is(err, ErrBadID) {
			t.Errorf("checkID(%q) = %v, want ErrBadID", id, err)
		}
	}
}

func TestOutletFromURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://www.cnn.com/2022/a", "CNN"},
		{"https://e.newsletters.cnn.com/t/abc", "CNN"},
		{"https://eu.usatoday.com/story", "USA Today"},
		{"https://www.theweek.co.uk/news", "The Week"},
		{"https://www.bbc.co.uk/news/x", "BBC"},
		{"https://abcnews.go.com/US/x", "ABC News"},
		{"https://go.com/x", "go.com"},
		{"https://news.example.co.uk/x", "example.co.uk"},
		{"https://WWW.Example.ORG./x", "example.org"},
		{"http://127.0.0.1:8080/x", "127.0.0.1"},
		{"/relative/path", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := outletFromURL(tc.in); got != tc.want {
			t.Errorf("outletFromURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestIDFromURLKeepsThePort: a site on another port of the same host is
// another site, and its pages must not take the ids of the first one's; the
// scheme's own port is no port at all.
func TestIDFromURLKeepsThePort(t *testing.T) {
	base := idFromURL("http://bbc.example/news/ukraine-talks")
	for _, same := range []string{"https://bbc.example/news/ukraine-talks", "http://bbc.example:80/news/ukraine-talks", "https://www.bbc.example:443/news/ukraine-talks/"} {
		if got := idFromURL(same); got != base {
			t.Errorf("idFromURL(%q) = %q, want %q", same, got, base)
		}
	}
	seen := map[string]string{base: "http://bbc.example/news/ukraine-talks"}
	for _, other := range []string{
		"http://bbc.example:81/news/ukraine-talks",
		"https://bbc.example:8443/news/ukraine-talks",
		"http://bbc.example:443/news/ukraine-talks",
		"http://bbc.example-81/news/ukraine-talks",
	} {
		id := idFromURL(other)
		if first, dup := seen[id]; dup {
			t.Errorf("%q and %q share the id %q", other, first, id)
		}
		seen[id] = other
		if err := checkID(id); err != nil {
			t.Errorf("idFromURL(%q) = %q: %v", other, id, err)
		}
	}
}
