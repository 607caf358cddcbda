package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestParseJSONL(t *testing.T) {
	arts, problems := ParseJSONL("jsonl/good.jsonl", bytes.NewReader(readTestdata(t, "jsonl/good.jsonl")))
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	want := []articleWant{{
		id:        "9a1b2c3d4e5f",
		title:     "Heat wave grips the Midwest",
		outlet:    "CNN",
		url:       "http://www.cnn.com/2022/06/20/us/heat-wave/index.html",
		authors:   []string{"Sam Ortiz", "Kai Lee"},
		published: date(2022, 6, 20),
		textHas:   []string{"Monday.\n\nOfficials"},
	}, {
		// An empty date stays empty; a missing title is read from the
		// URL's slug, never made up.
		id:      "0f9e8d7c6b5a",
		title:   "Talks stall",
		outlet:  "The Week",
		url:     "https://www.theweek.co.uk/news/world-news/957001/talks-stall",
		textHas: []string{"Talks stalled"},
	}, {
		id:        "12345",
		title:     "Newsletter",
		outlet:    "CNN",
		url:       "https://e.newsletters.cnn.com/t/abc",
		published: date(2022, 6, 21),
		textHas:   []string{"morning briefing"},
	}}
	if len(arts) != len(want) {
		t.Fatalf("got %d articles, want %d", len(arts), len(want))
	}
	for i, a := range arts {
		checkArticle(t, a)
		want[i].check(t, a.ID, a.Title, a.Outlet, a.URL, a.Authors, a.Captions, a.Published, a.Text)
	}
}

func TestParseJSONLBadLines(t *testing.T) {
	arts, problems := ParseJSONL("bad-lines.jsonl", bytes.NewReader(readTestdata(t, "jsonl/bad-lines.jsonl")))
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if got := strings.Join(ids, " "); got != "first third last" {
		t.Errorf("loaded %q, want the good lines: first third last", got)
	}
	want := []struct {
		line int
		msg  string
	}{
		{2, "invalid JSON"},
		{4, "no article text"},
		{5, "published"},
		{6, "want an article object"},
	}
	if len(problems) != len(want) {
		t.Fatalf("problems %v, want %d", problems, len(want))
	}
	for i, p := range problems {
		if p.Path != "bad-lines.jsonl" || p.Line != want[i].line || !strings.Contains(p.Err.Error(), want[i].msg) {
			t.Errorf("problem %d = %q, want bad-lines.jsonl:%d: …%s…", i, p.Error(), want[i].line, want[i].msg)
		}
	}
}

func TestParseJSONLLongLines(t *testing.T) {
	// Lines far longer than bufio.Scanner's 64 KB default, among many short
	// ones, in batches that several decoders share, must come back whole and
	// in order.
	var in strings.Builder
	var texts []string
	for i := range 700 {
		text := fmt.Sprintf("Short article %d.", i)
		if i%50 == 0 {
			text = strings.Repeat(fmt.Sprintf("Sentence %d of a long article. ", i), 2500+i*10)
		}
		texts = append(texts, strings.TrimSpace(text))
		fmt.Fprintf(&in, "{\"id\": \"a-%d\", \"text\": %q}\n", i, text)
	}
	// A reader that returns half of what is asked as well, so that lines
	// span many reads.
	for _, r := range []io.Reader{strings.NewReader(in.String()), iotest.HalfReader(strings.NewReader(in.String()))} {
		arts, problems := ParseJSONL("long.jsonl", r)
		if len(problems) != 0 || len(arts) != len(texts) {
			t.Fatalf("got %d articles and problems %v, want %d and none", len(arts), problems, len(texts))
		}
		for i, a := range arts {
			if a.ID != fmt.Sprintf("a-%d", i) || a.Text != texts[i] {
				t.Fatalf("article %d: id %q, %d bytes of text; want a-%d, %d bytes", i, a.ID, len(a.Text), i, len(texts[i]))
			}
		}
	}
}

// repeatReader yields n copies of b without holding them.
type repeatReader struct {
	b     byte
	n     int
	block []byte
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), r.n)
	if len(r.block) < k {
		r.block = bytes.Repeat([]byte{r.b}, k)
	}
	copy(p, r.block[:k])
	r.n -= k
	return k, nil
}

func TestParseJSONLOverlongLineSkipped(t *testing.T) {
	r := io.MultiReader(
		strings.NewReader("{\"id\": \"before\", \"text\": \"x\"}\n"),
		&repeatReader{b: 'a', n: maxLineBytes + 10},
		strings.NewReader("\n{\"id\": \"after\", \"text\": \"y\"}\n"),
	)
	arts, problems := ParseJSONL("big.jsonl", r)
	if len(arts) != 2 || arts[0].ID != "before" || arts[1].ID != "after" {
		t.Errorf("got %d articles, want before and after", len(arts))
	}
	if len(problems) != 1 || problems[0].Line != 2 || !errors.Is(problems[0].Err, ErrTooLarge) {
		t.Errorf("problems %v, want line 2 too large", problems)
	}
}

func TestParseJSONLReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader("{\"id\": \"a\", \"text\": \"x\"}\n"), iotest.ErrReader(errors.New("disk on fire")))
	arts, problems := ParseJSONL("broken.jsonl", r)
	if len(arts) != 1 || len(problems) != 1 || !strings.Contains(problems[0].Error(), "disk on fire") {
		t.Errorf("got %d articles and %v; want 1 and the read error", len(arts), problems)
	}
}

func FuzzParseJSONL(f *testing.F) {
	f.Add(string(readTestdata(f, "jsonl/good.jsonl")))
	f.Add(string(readTestdata(f, "jsonl/bad-lines.jsonl")))
	f.Add("\n\n\r\n{\"text\": \"a\"}\r\n{\"text\": \"b\"}")
	f.Add("{\"url\": \"https://x.example/a\", \"text\": \"a\"}\n{\"url\": \"https://x.example/a\", \"text\": \"b\"}\n")
	f.Fuzz(func(t *testing.T, in string) {
		arts, problems := ParseJSONL("fuzz.jsonl", strings.NewReader(in))
		lines := strings.Count(in, "\n") + 1
		if len(arts)+len(problems) > lines {
			t.Fatalf("%d articles and %d problems from %d lines", len(arts), len(problems), lines)
		}
		for _, a := range arts {
			checkArticle(t, a)
		}
		for _, p := range problems {
			if p.Line < 1 || p.Line > lines || p.Err == nil {
				t.Fatalf("problem %v out of range", p)
			}
		}
	})
}
