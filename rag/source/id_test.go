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
