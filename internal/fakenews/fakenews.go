// Package fakenews is a news site on loopback for tests: feeds and article
// pages served by path (the live fixtures of rag/source), ETags for
// conditional GETs, request counts, a fetcher setting that makes the site
// look public, and a clock the test moves. Tests of the feed poller and of
// the commands and bot that use it share it.
package fakenews

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag/source"
)

// Site is a loopback news site.
type Site struct {
	t        testing.TB
	srv      *httptest.Server
	fixtures string
	done     chan struct{}

	mu          sync.Mutex
	files       map[string][]byte // path → body
	types       map[string]string // path → content type
	handlers    map[string]http.HandlerFunc
	hits        map[string]int
	conditional map[string][]string // feed path → If-None-Match of each request
	etags       bool
}

// New starts a site that serves nothing yet; fixtures is the directory of
// rag/source/testdata/live as the calling test sees it. The site stops when
// the test ends.
func New(t testing.TB, fixtures string) *Site {
	t.Helper()
	s := &Site{t: t, fixtures: fixtures, done: make(chan struct{}), files: map[string][]byte{}, types: map[string]string{},
		handlers: map[string]http.HandlerFunc{}, hits: map[string]int{}, conditional: map[string][]string{}, etags: true}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	t.Cleanup(func() {
		close(s.done)
		s.srv.Close()
	})
	return s
}

func (s *Site) serveHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	h := s.handlers[r.URL.Path]
	body, ok := s.files[r.URL.Path]
	ctype, etags := s.types[r.URL.Path], s.etags
	if strings.HasPrefix(r.URL.Path, "/feeds/") {
		s.conditional[r.URL.Path] = append(s.conditional[r.URL.Path], r.Header.Get("If-None-Match"))
	}
	s.mu.Unlock()
	switch {
	case h != nil:
		h(w, r)
	case !ok:
		http.NotFound(w, r)
	default:
		if etags {
			sum := sha256.Sum256(body)
			tag := `"` + hex.EncodeToString(sum[:8]) + `"`
			if r.Header.Get("If-None-Match") == tag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", tag)
		}
		w.Header().Set("Content-Type", ctype)
		w.Write(body)
	}
}

// URL is the address of path on the site.
func (s *Site) URL(path string) string { return s.srv.URL + path }

// Addr is the site's host:port, for a test dialer that sends other names
// to it.
func (s *Site) Addr() string { return s.srv.Listener.Addr().String() }

// Port is the site's port on loopback.
func (s *Site) Port() int { return s.srv.Listener.Addr().(*net.TCPAddr).Port }

// Done is closed when the test ends, so that a handler that hangs can let
// go.
func (s *Site) Done() <-chan struct{} { return s.done }

// Fixture reads a file of the fixtures directory with {{BASE}} replaced by
// the site's address.
func (s *Site) Fixture(name string) []byte {
	s.t.Helper()
	data, err := os.ReadFile(filepath.Join(s.fixtures, name))
	if err != nil {
		s.t.Fatal(err)
	}
	return bytes.ReplaceAll(data, []byte("{{BASE}}"), []byte(s.srv.URL))
}

// Serve answers path with body, replacing any handler.
func (s *Site) Serve(path string, body []byte, contentType string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[path], s.types[path] = body, contentType
	delete(s.handlers, path)
}

// Handle answers path with h.
func (s *Site) Handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[path] = h
}

// SetETags turns the ETags of served files on or off (on at the start).
func (s *Site) SetETags(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.etags = on
}

// Count is how many requests path has had.
func (s *Site) Count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// PageCounts are the request counts of the article pages (neither feeds
// nor robots.txt).
func (s *Site) PageCounts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for p, n := range s.hits {
		if !strings.HasPrefix(p, "/feeds/") && p != "/robots.txt" {
			out[p] = n
		}
	}
	return out
}

// Conditional lists the If-None-Match header of each request for the feed
// at path, "" where there was none.
func (s *Site) Conditional(path string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.conditional[path]...)
}

// ServeNews serves the two feeds and the pages their entries link to,
// except the library story, whose page is gone.
func (s *Site) ServeNews() {
	s.Serve("/feeds/gazette.rss", s.Fixture("gazette.rss"), "application/rss+xml; charset=utf-8")
	s.Serve("/feeds/courier.atom", s.Fixture("courier.atom"), "application/atom+xml")
	s.Serve("/news/ferry-strike", s.Fixture("ferry-strike.html"), "text/html; charset=utf-8")
	s.Serve("/news/bridge-repairs", s.Fixture("bridge-repairs.html"), "text/html")
	s.Serve("/courier/weather/storm-pass", s.Fixture("storm-pass.html"), "text/html")
	s.Serve("/partner/ferry-strike-copy", s.Fixture("ferry-strike-copy.html"), "text/html")
}

// Clock is a clock the test moves.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock starts a clock at now.
func NewClock(now time.Time) *Clock { return &Clock{now: now} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// ZonedURLs spells the address of path on the site with IPv6 zones on the
// loopback address, as an attacker would to slip past an address check.
func (s *Site) ZonedURLs(path string) []string {
	port := s.Port()
	var out []string
	for _, host := range []string{"[::%25lo]", "[::%251]", "[0:0:0:0:0:0:0:0%25lo]", "[::ffff:127.0.0.1%25lo]", "[64:ff9b::7f00:1%25eth0]"} {
		out = append(out, fmt.Sprintf("http://%s:%d%s", host, port, path))
	}
	return out
}

// WireFetch keeps the fetcher's default address policy and makes
// wire.example a public site (203.0.113.9) served by s; the names in
// private resolve to the addresses given, and nothing else resolves.
func (s *Site) WireFetch(private map[string]string) source.FetchOptions {
	lookup := func(_ context.Context, host string) ([]netip.Addr, error) {
		if host == "wire.example" {
			return []netip.Addr{netip.MustParseAddr("203.0.113.9")}, nil
		}
		if ip, ok := private[host]; ok {
			return []netip.Addr{netip.MustParseAddr(ip)}, nil
		}
		return nil, fmt.Errorf("lookup %s: no such host", host)
	}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		if addr != "203.0.113.9:80" {
			return nil, fmt.Errorf("dial %s: unreachable", addr)
		}
		var d net.Dialer
		return d.DialContext(ctx, network, s.Addr())
	}
	return source.FetchOptions{Lookup: lookup, Dial: dial, Timeout: 5 * time.Second}
}
