package source

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// checkArticle asserts what every loaded article must satisfy, whatever its
// format.
func checkArticle(t testing.TB, a rag.Article) {
	t.Helper()
	if err := checkID(a.ID); err != nil {
		t.Errorf("article id %q: %v", a.ID, err)
	}
	if strings.TrimSpace(a.Text) == "" || a.Text != strings.TrimSpace(a.Text) {
		t.Errorf("article %q text is empty or untrimmed: %q", a.ID, a.Text)
	}
	for _, s := range append([]string{a.Text, a.Title, a.Outlet, a.URL}, append(a.Authors, a.Captions...)...) {
		if !utf8.ValidString(s) {
			t.Errorf("article %q has invalid UTF-8: %q", a.ID, s)
		}
	}
	if strings.ContainsAny(a.Title, "\n\r\t") || strings.Contains(a.Text, "\r") {
		t.Errorf("article %q: title %q is not one line, or text has CR", a.ID, a.Title)
	}
}

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		file string
		want rag.Article
	}{
		{"markdown/front-matter.md", rag.Article{
			ID:        "harbour-bridge-reopens",
			Title:     "Harbour bridge reopens after repairs",
			Outlet:    "The Coastal Herald",
			URL:       "https://www.coastalherald.example/news/harbour-bridge-reopens",
			Authors:   []string{"Mara Lindqvist", "Tomás Ebner"},
			Published: date(2024, 3, 8),
			Captions:  []string{"Image: Traffic crosses the bridge on Friday morning"},
			Text: "The harbour bridge reopened to traffic on Friday after six weeks of repairs, the city council said.\n\n" +
				"Engineers replaced 40 expansion joints and resurfaced both carriageways. \"We finished two days early,\" the works manager said.",
		}},
		{"markdown/heading-only.md", rag.Article{
			ID:    "markdown-heading-only",
			Title: "Council approves new cycle lanes",
			Text:  "The city council approved four new cycle lanes on Tuesday evening.\n\nWork is due to start in the spring.",
		}},
		{"markdown/setext.markdown", rag.Article{
			ID:    "markdown-setext",
			Title: "Library extends opening hours",
			Text:  "The central library will open until 9pm on weekdays from next month.",
		}},
		{"markdown/plain-headline.txt", rag.Article{
			ID:    "markdown-plain-headline",
			Title: "Ferry timetable changes for the summer",
			Text:  "Ferries to the islands will run every 40 minutes from June, the operator said.\nExtra evening sailings are planned at weekends.",
		}},
		{"markdown/plain-no-headline.txt", rag.Article{
			ID:    "markdown-plain-no-headline",
			Title: "Plain no headline",
			Text:  "The market square will be closed to cars on Saturday for the spring fair.\nStalls open at 9am and the fair runs until late afternoon.",
		}},
		{"markdown/dates.md", rag.Article{
			ID:        "markdown-dates",
			Title:     "A date written out",
			Authors:   []string{"Ana Kowalska"},
			Published: date(2025, 1, 2),
			Text:      "Text.",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			got, err := ParseMarkdown(tc.file, readTestdata(t, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, got)
			tc.want.Source = tc.file
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestParseMarkdownErrors(t *testing.T) {
	tests := []struct {
		file     string
		wantLine int      // 0 when the error is not at a line
		wantIn   []string // words the message must hold: the field and the reason
		wantIs   error
	}{
		{"markdown/bad-date.md", 3, []string{"published", `"next Tuesday"`}, nil},
		{"markdown/bad-yaml.md", 0, []string{"front matter"}, nil},
		{"markdown/unclosed.md", 0, []string{"front matter", "closing ---"}, nil},
		{"markdown/empty-body.md", 0, []string{"no article text"}, ErrNoText},
		{"markdown/bad-id.md", 2, []string{"id", "../../etc/passwd"}, ErrBadID},
		{"markdown/bad-authors.md", 4, []string{"authors"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			_, err := ParseMarkdown(tc.file, readTestdata(t, tc.file))
			if err == nil {
				t.Fatal("no error")
			}
			var le *lineError
			line := 0
			if errors.As(err, &le) {
				line = le.line
			}
			if line != tc.wantLine {
				t.Errorf("error %q is at line %d, want %d", err, line, tc.wantLine)
			}
			for _, w := range tc.wantIn {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if tc.wantIs != nil && !errors.Is(err, tc.wantIs) {
				t.Errorf("error %q is not %v", err, tc.wantIs)
			}
		})
	}
}

func TestParseMarkdownInline(t *testing.T) {
	tests := []struct {
		name, in  string
		wantTitle string
		wantText  string
		wantPub   time.Time
		wantErr   string
	}{
		{name: "crlf and bom", in: "\uFEFF---\r\ntitle: Windows file\r\n---\r\nLine one.\r\nLine two.\r\n",
			wantTitle: "Windows file", wantText: "Line one.\nLine two."},
		{name: "heading dropped even with a front-matter title", in: "---\ntitle: Given\n---\n\n# Other heading\n\nBody.",
			wantTitle: "Given", wantText: "Body."},
		{name: "closing hashes", in: "# Title here ##\n\nBody.", wantTitle: "Title here", wantText: "Body."},
		{name: "second-level heading is body", in: "## Section\n\nBody text.", wantTitle: "Story", wantText: "## Section\n\nBody text."},
		{name: "front matter without title uses name", in: "---\noutlet: X\n---\nShort line\n\nBody.", wantTitle: "Story", wantText: "Short line\n\nBody."},
		{name: "wrapped first paragraph is not a headline", in: "The council met on Monday\nand voted for the plan.", wantTitle: "Story", wantText: "The council met on Monday\nand voted for the plan."},
		{name: "only a headline is body", in: "Just one line", wantTitle: "Story", wantText: "Just one line"},
		{name: "dots as closing fence", in: "---\ntitle: Dots\n...\nBody.", wantTitle: "Dots", wantText: "Body."},
		{name: "slash date", in: "---\npublished: 2022/06/17\n---\nBody.", wantTitle: "Story", wantText: "Body.", wantPub: date(2022, 6, 17)},
		{name: "rfc 3339 date", in: "---\npublished: 2025-04-26T10:30:00Z\n---\nBody.", wantTitle: "Story", wantText: "Body.",
			wantPub: time.Date(2025, 4, 26, 10, 30, 0, 0, time.UTC)},
		{name: "quoted iso date", in: "---\npublished: '2025-04-26'\n---\nBody.", wantTitle: "Story", wantText: "Body.", wantPub: date(2025, 4, 26)},
		{name: "null fields", in: "---\ntitle:\npublished: ~\nauthors:\n---\nBody.", wantTitle: "Story", wantText: "Body."},
		{name: "invalid utf-8 repaired", in: "---\ntitle: Caf\xe9\n---\nBad \xff byte.", wantTitle: "Caf\uFFFD", wantText: "Bad \uFFFD byte."},
		{name: "front matter is a list", in: "---\n- a\n- b\n---\nBody.", wantErr: "field: value"},
		{name: "duplicate field", in: "---\ntitle: a\ntitle: b\n---\nBody.", wantErr: `"title" already defined`},
		{name: "title as a list", in: "---\ntitle: [a, b]\n---\nBody.", wantErr: "title: want a single value"},
		{name: "relative url", in: "---\nurl: /news/x\n---\nBody.", wantErr: "url"},
		{name: "empty file", in: "", wantErr: "no article text"},
		{name: "only a heading", in: "# Title\n", wantErr: "no article text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseMarkdown("story.md", []byte(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Title != tc.wantTitle || a.Text != tc.wantText || !a.Published.Equal(tc.wantPub) {
				t.Errorf("got title %q text %q published %v; want %q %q %v", a.Title, a.Text, a.Published, tc.wantTitle, tc.wantText, tc.wantPub)
			}
			if a.ID != "story" {
				t.Errorf("id %q, want it from the name", a.ID)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		bad  bool
	}{
		{in: "", want: time.Time{}},
		{in: "2025-04-26", want: date(2025, 4, 26)},
		{in: " 2022/06/17 ", want: date(2022, 6, 17)},
		{in: "2 January 2006", want: date(2006, 1, 2)},
		{in: "26 Apr 2025", want: date(2025, 4, 26)},
		{in: "April 26, 2025", want: date(2025, 4, 26)},
		{in: "2025-04-26T10:30:00+02:00", want: time.Date(2025, 4, 26, 8, 30, 0, 0, time.UTC)},
		{in: "2025-04-26T10:30:00.123Z", want: time.Date(2025, 4, 26, 10, 30, 0, 123e6, time.UTC)},
		{in: "2025-04-26 10:30:00", want: time.Date(2025, 4, 26, 10, 30, 0, 0, time.UTC)},
		{in: "2025-02-30", bad: true},
		{in: "yesterday", bad: true},
		{in: "26/04/2025", bad: true}, // day and month order is ambiguous
	}
	for _, tc := range tests {
		got, err := parseDate(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("parseDate(%q) = %v, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func FuzzParseMarkdown(f *testing.F) {
	for _, name := range []string{"front-matter.md", "heading-only.md", "setext.markdown", "plain-headline.txt", "bad-date.md", "bad-yaml.md", "unclosed.md", "bad-authors.md"} {
		f.Add(string(readTestdata(f, "markdown/"+name)))
	}
	f.Add("---\nauthors: &a [x, *a]\n---\nBody.")
	f.Add("---\r\n---\r\n\xff")
	f.Fuzz(func(t *testing.T, in string) {
		a, err := ParseMarkdown("fuzz/story.md", []byte(in))
		if err != nil {
			return
		}
		checkArticle(t, a)
		if !a.Published.IsZero() && a.Published.Year() < 1 {
			t.Errorf("published %v", a.Published)
		}
	})
}
