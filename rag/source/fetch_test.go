package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testSite is a loopback web server for fetcher tests: handlers by path,
// a count of requests by path, and the live fixtures with {{BASE}} replaced
// by the server's address.
type testSite struct {
	t    *testing.T
	srv  *httptest.Server
	mux  *http.ServeMux
	mu   sync.Mutex
	hits map[string]int
	// release ends handlers that stall, so the server can close.
	release chan struct{}
}

func newTestSite(t *testing.T) *testSite {
	t.Helper()
	s := &testSite{t: t, mux: http.NewServeMux(), hits: map[string]int{}, release: make(chan struct{})}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		s.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		close(s.release)
		s.srv.Close()
	})
	return s
}

func (s *testSite) URL(path string) string { return s.srv.URL + path }

func (s *testSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// fixture reads a file of testdata/live with {{BASE}} filled in.
func (s *testSite) fixture(name string) []byte {
	s.t.Helper()
	return liveFixture(s.t, name, s.srv.URL)
}

// liveFixture reads a file of testdata/live with {{BASE}} replaced by base.
func liveFixture(tb testing.TB, name, base string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "live", name))
	if err != nil {
		tb.Fatal(err)
	}
	return bytes.ReplaceAll(data, []byte("{{BASE}}"), []byte(base))
}

// page serves a fixture at path with a content type.
func (s *testSite) page(path, fixture, contentType string) {
	body := s.fixture(fixture)
	s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(body)
	})
}

// stall serves a handler that answers nothing until the client gives up.
func (s *testSite) stall(path string) {
	s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-s.release:
		}
	})
}

// localFetcher may reach the loopback test server.
func localFetcher(opts FetchOptions) *Fetcher {
	opts.AllowPrivate = true
	return NewFetcher(opts)
}

func TestFetchArticle(t *testing.T) {
	s := newTestSite(t)
	s.page("/news/ferry-strike", "ferry-strike.html", "text/html; charset=utf-8")
	s.mux.HandleFunc("/s/4711", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/go/4711", http.StatusMovedPermanently)
	})
	s.mux.HandleFunc("/go/4711", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.URL("/news/ferry-strike?utm_source=short"), http.StatusFound)
	})
	gz := gzipBytes(t, s.fixture("ferry-strike.html"))
	s.mux.HandleFunc("/gz/ferry-strike", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Error("the fetcher did not offer gzip")
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz)
	})
	canonical := s.URL("/news/ferry-strike")
	f := localFetcher(FetchOptions{UserAgent: "coveragebot-test/1.0"})

	for _, path := range []string{"/news/ferry-strike?utm_source=rss&id=7#comments", "/s/4711", "/gz/ferry-strike"} {
		t.Run(path, func(t *testing.T) {
			a, err := f.FetchArticle(context.Background(), s.URL(path))
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			want := articleWant{
				id:        idFromURL(canonical),
				title:     "Ferry workers walk out over rota changes",
				outlet:    "The Harbour Gazette",
				url:       canonical,
				authors:   []string{"Maren Holt"},
				captions:  []string{"Passengers wait on the quay at Porthaven on Friday morning."},
				published: time.Date(2025, 3, 14, 8, 30, 0, 0, time.UTC),
				textHas: []string{
					"Crews on the island ferry walked out at dawn on Friday",
					"offered talks at the conciliation service on Monday.",
				},
				textHasNot: []string{"cookies", "Subscribe", "dataLayer", "Most read", "All rights reserved"},
			}
			want.check(t, a.ID, a.Title, a.Outlet, a.URL, a.Authors, a.Captions, a.Published, a.Text)
			if a.Source != s.URL(strings.Split(path, "#")[0]) {
				t.Errorf("source %q, want the URL asked for", a.Source)
			}
		})
	}
	if a, b := s.count("/s/4711"), s.count("/go/4711"); a != 1 || b != 1 {
		t.Errorf("redirect hops fetched %d and %d times, want once each", a, b)
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once (cached per site)", n)
	}
}

func TestFetchArticleDecodesTheDeclaredCharset(t *testing.T) {
	s := newTestSite(t)
	page := []byte("<html><head><title>Caf\xe9 terraces</title></head><body><article><h1>Caf\xe9 terraces</h1>" +
		"<p>Caf\xe9 owners in the old town say the new fees \x96 \x80200 a table \x96 will close half the terraces by summer, and the council should think again before it is too late.</p>" +
		"<p>The council says the money pays for cleaning the squares after the markets, which it can no longer afford from the general budget this year.</p></article></body></html>")
	s.mux.HandleFunc("/cafe", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write(page)
	})
	a, err := localFetcher(FetchOptions{}).FetchArticle(context.Background(), s.URL("/cafe"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Café owners") || !strings.Contains(a.Text, "– €200 a table –") {
		t.Errorf("text not decoded from windows-1252: %q", a.Text)
	}
}

func TestFetchArticleRefuses(t *testing.T) {
	s := newTestSite(t)
	s.mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7\n"))
	})
	s.mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no type: the fetcher sniffs
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	s.mux.HandleFunc("/json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"title":"not a page"}`))
	})
	s.mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	s.mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	s.mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/b", http.StatusFound)
	})
	s.mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/a", http.StatusTemporaryRedirect)
	})
	s.mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/chain/"), "%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusFound)
	})
	s.mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example/a", http.StatusFound)
	})
	s.mux.HandleFunc("/declared-large", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(64<<20))
		w.Write([]byte("<html>"))
	})
	s.mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><nav><a href='/'>Home</a></nav></body></html>"))
	})
	s.mux.HandleFunc("/brotli", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "br")
		w.Write([]byte("\x0b\x02\x80hello\x03"))
	})
	s.stall("/slow")

	f := localFetcher(FetchOptions{Timeout: 300 * time.Millisecond, MaxBytes: 1 << 20})
	// wantStatus stands for "a *StatusError" in the table.
	wantStatus := errors.New("a *StatusError")
	tests := []struct {
		url  string
		want error
		msg  string // part of the message a user sees
	}{
		{s.URL("/report.pdf"), ErrNotHTML, "application/pdf, not HTML"},
		{s.URL("/image"), ErrNotHTML, "image/png"},
		{s.URL("/json"), ErrNotHTML, "application/json"},
		{s.URL("/gone"), wantStatus, "404 Not Found"},
		{s.URL("/broken"), wantStatus, "500 Internal Server Error"},
		{s.URL("/loop/a"), ErrRedirectLoop, "redirects back to"},
		{s.URL("/chain/0"), ErrTooManyRedirects, "more than 5"},
		{s.URL("/to-ftp"), ErrBadURL, "ftp://files.example/a"},
		{s.URL("/declared-large"), ErrTooLarge, "over the 1 MiB limit"},
		{s.URL("/empty"), ErrNoText, "no article text"},
		{s.URL("/brotli"), ErrEncoding, `"br"`},
		{s.URL("/slow"), ErrTimeout, "no complete answer within 300ms"},
		{"ftp://files.example/report", ErrBadURL, "want an http:// or https:// address"},
		{"javascript:alert(1)", ErrBadURL, "want an http:// or https:// address"},
		{"/relative/path", ErrBadURL, "want an http:// or https:// address"},
		{"http://editor:hunter2@news.example/a", ErrBadURL, "user name or password"},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			_, err := f.FetchArticle(context.Background(), tc.url)
			if err == nil {
				t.Fatal("fetched; want a refusal")
			}
			var status *StatusError
			if tc.want == wantStatus {
				if !errors.As(err, &status) {
					t.Fatalf("error %v, want a *StatusError", err)
				}
			} else if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("message %q does not say %q", err, tc.msg)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("message %q shows the password", err)
			}
		})
	}
	if n := s.count("/chain/6"); n != 0 {
		t.Errorf("followed a sixth redirect")
	}
}

func TestFetchArticleCancelledByTheCaller(t *testing.T) {
	s := newTestSite(t)
	s.stall("/slow")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for s.count("/slow") == 0 {
			runtime.Gosched()
		}
		cancel()
	}()
	_, err := localFetcher(FetchOptions{Timeout: time.Minute}).FetchArticle(ctx, s.URL("/slow"))
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
		t.Fatalf("error %v, want the caller's cancellation, not a timeout", err)
	}
}

// TestFetchArticleStopsReadingAHugePage streams 50 MB without a length:
// the fetcher must stop at its limit, and neither the handler's writes nor
// the test's allocations may come near the page's size.
func TestFetchArticleStopsReadingAHugePage(t *testing.T) {
	const pageSize = 50 << 20
	s := newTestSite(t)
	var written atomic.Int64
	s.mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>All work and no play makes a very long page.</p>\n"), 1024)
		w.Write([]byte("<html><body><article>"))
		for written.Load() < pageSize {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	f := localFetcher(FetchOptions{MaxBytes: 1 << 20})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := f.FetchArticle(context.Background(), s.URL("/huge"))
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
	s.srv.CloseClientConnections()
	if w := written.Load(); w >= pageSize {
		t.Errorf("the handler wrote all %d bytes: the fetcher read to the end", w)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > pageSize/2 {
		t.Errorf("fetching allocated %d MiB for a 1 MiB limit", alloc>>20)
	}
}

// TestFetchArticleStopsInflatingAGzipBomb serves 256 MiB of zeros
// compressed to a few hundred KiB.
func TestFetchArticleStopsInflatingAGzipBomb(t *testing.T) {
	const inflated = 256 << 20
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zeros := make([]byte, 1<<20)
	for i := 0; i < inflated/len(zeros); i++ {
		zw.Write(zeros)
	}
	zw.Close()
	bomb := buf.Bytes()

	s := newTestSite(t)
	s.mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Length", fmt.Sprint(len(bomb)))
		w.Write(bomb)
	})
	s.mux.HandleFunc("/not-gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write([]byte("<html>this was never compressed</html>"))
	})
	f := localFetcher(FetchOptions{MaxBytes: 2 << 20})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := f.FetchArticle(context.Background(), s.URL("/bomb"))
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > inflated/8 {
		t.Errorf("inflating allocated %d MiB for a 2 MiB limit", alloc>>20)
	}
	if _, err := f.FetchArticle(context.Background(), s.URL("/not-gzip")); !errors.Is(err, ErrEncoding) {
		t.Errorf("bad gzip data: error %v, want ErrEncoding", err)
	}
}

func TestFetchRespectsRobots(t *testing.T) {
	s := newTestSite(t)
	s.mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "User-agent: *\nDisallow: /\n\nUser-agent: coveragebot\nDisallow: /members/\nAllow: /\n")
	})
	s.page("/news/ferry-strike", "ferry-strike.html", "text/html")
	s.page("/members/ferry-strike", "ferry-strike.html", "text/html")
	s.mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/members/ferry-strike", http.StatusFound)
	})

	ours := localFetcher(FetchOptions{UserAgent: "coveragebot (+https://github.com/coveragebot/coveragebot)"})
	if _, err := ours.FetchArticle(context.Background(), s.URL("/news/ferry-strike")); err != nil {
		t.Fatalf("allowed page: %v", err)
	}
	for _, path := range []string{"/members/ferry-strike", "/moved"} {
		_, err := ours.FetchArticle(context.Background(), s.URL(path))
		if !errors.Is(err, ErrRobots) || !strings.Contains(err.Error(), `does not allow "coveragebot" to fetch /members/ferry-strike`) {
			t.Errorf("%s: error %v, want a robots.txt refusal", path, err)
		}
	}
	if n := s.count("/members/ferry-strike"); n != 0 {
		t.Errorf("the disallowed page was requested %d times", n)
	}
	other := localFetcher(FetchOptions{UserAgent: "newsroom-bot/1.0"})
	if _, err := other.FetchArticle(context.Background(), s.URL("/news/ferry-strike")); !errors.Is(err, ErrRobots) {
		t.Errorf("another agent, under *: error %v, want ErrRobots", err)
	}
}

func TestFetchRobotsUnavailable(t *testing.T) {
	tests := []struct {
		name   string
		robots http.HandlerFunc
		want   error
	}{
		{"404 allows", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }, nil},
		{"403 allows", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusForbidden) }, nil},
		{"redirect loop allows", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/robots.txt", http.StatusFound)
		}, nil},
		{"503 refuses", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "busy", http.StatusServiceUnavailable) }, ErrRobots},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newTestSite(t)
			s.mux.HandleFunc("/robots.txt", tc.robots)
			s.page("/news/ferry-strike", "ferry-strike.html", "text/html")
			_, err := localFetcher(FetchOptions{}).FetchArticle(context.Background(), s.URL("/news/ferry-strike"))
			if !errors.Is(err, tc.want) || (tc.want == nil && err != nil) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
		})
	}
}

func TestChooseCanonical(t *testing.T) {
	tests := []struct{ canonical, final, want string }{
		{"https://news.example/a", "https://news.example/a?utm_source=x", "https://news.example/a"},
		{"https://www.news.example/a", "https://amp.news.example/a", "https://www.news.example/a"},
		{"https://other.example/a", "https://news.example/b?utm_medium=rss&id=3#top", "https://news.example/b?id=3"},
		{"", "https://news.example/b?fbclid=1", "https://news.example/b"},
		{"https://a.co.uk/x", "https://b.co.uk/x", "https://b.co.uk/x"},
	}
	for _, tc := range tests {
		final, _ := parseWebURL(tc.final, false)
		if got := chooseCanonical(tc.canonical, final); got != tc.want {
			t.Errorf("chooseCanonical(%q, %q) = %q, want %q", tc.canonical, tc.final, got, tc.want)
		}
	}
}

func gzipBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
