package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

// newsSite is a loopback news site: the live fixtures of rag/source served
// by path, feeds with ETags when etags is on, request counts by path, and
// the conditional headers each feed request carried.
type newsSite struct {
	t   *testing.T
	srv *httptest.Server

	mu          sync.Mutex
	files       map[string][]byte // path → body
	types       map[string]string // path → content type
	handlers    map[string]http.HandlerFunc
	hits        map[string]int
	conditional map[string][]string
	etags       bool
	release     chan struct{}
}

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	s := &newsSite{t: t, files: map[string][]byte{}, types: map[string]string{}, handlers: map[string]http.HandlerFunc{},
		hits: map[string]int{}, conditional: map[string][]string{}, etags: true, release: make(chan struct{})}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	t.Cleanup(func() {
		close(s.release)
		s.srv.Close()
	})
	return s
}

func (s *newsSite) serveHTTP(w http.ResponseWriter, r *http.Request) {
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

func (s *newsSite) URL(path string) string { return s.srv.URL + path }

// fixture reads a file of rag/source/testdata/live with {{BASE}} filled in.
func (s *newsSite) fixture(name string) []byte {
	s.t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "rag", "source", "testdata", "live", name))
	if err != nil {
		s.t.Fatal(err)
	}
	return bytes.ReplaceAll(data, []byte("{{BASE}}"), []byte(s.srv.URL))
}

func (s *newsSite) serve(path string, body []byte, contentType string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[path], s.types[path] = body, contentType
	delete(s.handlers, path)
}

func (s *newsSite) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[path] = h
}

func (s *newsSite) setETags(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.etags = on
}

func (s *newsSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// pageCounts are the request counts of the article pages.
func (s *newsSite) pageCounts() map[string]int {
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

// serveNews serves the two feeds and the pages their entries link to,
// except the library story, whose page is gone.
func (s *newsSite) serveNews() {
	s.serve("/feeds/gazette.rss", s.fixture("gazette.rss"), "application/rss+xml; charset=utf-8")
	s.serve("/feeds/courier.atom", s.fixture("courier.atom"), "application/atom+xml")
	s.serve("/news/ferry-strike", s.fixture("ferry-strike.html"), "text/html; charset=utf-8")
	s.serve("/news/bridge-repairs", s.fixture("bridge-repairs.html"), "text/html")
	s.serve("/courier/weather/storm-pass", s.fixture("storm-pass.html"), "text/html")
	s.serve("/partner/ferry-strike-copy", s.fixture("ferry-strike-copy.html"), "text/html")
}

// testClock is a clock the test moves.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

const testInterval = time.Hour

// liveRig is an index on disk with a poller over some feeds.
type liveRig struct {
	t      *testing.T
	dir    string
	index  *search.Index
	poller *Poller
	clock  *testClock
	feeds  []string
	fetch  source.FetchOptions
	// retention is given to the pollers the rig makes.
	retention time.Duration

	mu  sync.Mutex
	new []rag.ArticleInfo // announced
}

func newLiveRig(t *testing.T, feeds []string, fetch source.FetchOptions) *liveRig {
	t.Helper()
	r := &liveRig{t: t, dir: t.TempDir(), feeds: feeds, fetch: fetch,
		clock: &testClock{now: time.Date(2025, 3, 16, 9, 0, 0, 0, time.UTC)}}
	r.restart()
	return r
}

// restart opens the index and a new poller from what is on disk, as a new
// process would.
func (r *liveRig) restart() {
	r.t.Helper()
	idx, err := search.Open(search.NewLocalEmbedder(), search.Options{Dir: r.dir})
	if err != nil {
		r.t.Fatal(err)
	}
	p, err := NewPoller(PollerOptions{
		Feeds: r.feeds, Interval: testInterval, Retention: r.retention,
		StatePath: filepath.Join(r.dir, feedStateFile),
		Index:     idx, Fetcher: source.NewFetcher(r.fetch), Now: r.clock.Now,
		OnNew: func(infos []rag.ArticleInfo) {
			r.mu.Lock()
			r.new = append(r.new, infos...)
			r.mu.Unlock()
		},
	})
	if err != nil {
		r.t.Fatal(err)
	}
	r.index, r.poller = idx, p
}

func (r *liveRig) poll() PollReport {
	r.t.Helper()
	rep, err := r.poller.PollOnce(context.Background())
	if err != nil {
		r.t.Fatal(err)
	}
	return rep
}

func (r *liveRig) articleIDs() []string {
	var ids []string
	for _, a := range r.index.Articles() {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	return ids
}

func (r *liveRig) state() *FeedState {
	r.t.Helper()
	st, _, err := readFeedState(filepath.Join(r.dir, feedStateFile))
	if err != nil {
		r.t.Fatal(err)
	}
	return st
}

func (r *liveRig) status(feed string) FeedStatus {
	r.t.Helper()
	for _, s := range r.poller.Status() {
		if s.URL == feed {
			return s
		}
	}
	r.t.Fatalf("no status for %s", feed)
	return FeedStatus{}
}

// articleID is the id the fetcher gives a page of the test site.
func articleID(s *newsSite, path string) string {
	a, err := source.EntryArticle(source.FeedEntry{Link: s.URL(path), Content: "x"}, "")
	if err != nil {
		panic(err)
	}
	return a.ID
}

func local() source.FetchOptions {
	return source.FetchOptions{AllowPrivate: true, Timeout: 5 * time.Second}
}

func TestPollIngestsFeedsOnceDeduplicated(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	gazette, courier := s.URL("/feeds/gazette.rss"), s.URL("/feeds/courier.atom")
	r := newLiveRig(t, []string{gazette, courier}, local())

	rep := r.poll()
	ferry, bridge := articleID(s, "/news/ferry-strike"), articleID(s, "/news/bridge-repairs")
	storm, library := articleID(s, "/courier/weather/storm-pass"), articleID(s, "/courier/council/library-gone")
	want := []string{ferry, bridge, storm, library}
	slices.Sort(want)
	if got := r.articleIDs(); !slices.Equal(got, want) {
		t.Fatalf("articles %q, want %q (the syndicated copy and the repeated entries stored once)", got, want)
	}
	if len(rep.New) != 4 || len(r.new) != 4 {
		t.Errorf("%d new articles reported, %d announced; want 4", len(rep.New), len(r.new))
	}
	wantFeeds := []FeedPoll{
		{URL: gazette, Entries: 4, Fetched: 2, Ingested: 2, Duplicates: 2},
		{URL: courier, Entries: 3, Fetched: 3, Ingested: 2, Duplicates: 1, FromFeed: 1},
	}
	if !slices.Equal(rep.Feeds, wantFeeds) {
		t.Errorf("feed reports\n%+v\nwant\n%+v", rep.Feeds, wantFeeds)
	}

	// Dates and bylines come from the pages, or from the entry when the
	// page is gone.
	dates := map[string]time.Time{
		ferry:   time.Date(2025, 3, 14, 8, 30, 0, 0, time.UTC),
		bridge:  time.Date(2025, 3, 12, 16, 0, 0, 0, time.UTC),
		storm:   time.Date(2025, 3, 15, 5, 10, 0, 0, time.UTC),
		library: time.Date(2025, 3, 13, 12, 0, 0, 0, time.UTC),
	}
	for id, d := range dates {
		info, _ := r.index.Article(id)
		if !info.Published.Equal(d) {
			t.Errorf("%s published %v, want %v", id, info.Published, d)
		}
	}
	if info, _ := r.index.Article(ferry); info.Title != "Ferry workers walk out over rota changes" || info.Outlet != "The Harbour Gazette" {
		t.Errorf("ferry article: title %q outlet %q", info.Title, info.Outlet)
	}
	text, _ := r.index.ArticleText(library)
	if !strings.Contains(text, "old bus depot") {
		t.Errorf("the library article is not the feed's text: %q", text)
	}
	entry := r.state().Feeds[courier].Entries["guid:tag:valleycourier.example,2025:library"]
	if entry == nil || !entry.FromFeed || !strings.Contains(entry.PageError, "404") {
		t.Errorf("the library entry is not marked as taken from the feed: %+v", entry)
	}
	dup := r.state().Feeds[courier].Entries["guid:tag:valleycourier.example,2025:partner-ferry"]
	if dup == nil || !dup.Duplicate || dup.ArticleID != ferry {
		t.Errorf("the syndicated copy is not recorded as a duplicate of %s: %+v", ferry, dup)
	}
	if st := r.status(gazette); st.Articles != 2 || st.LastError != "" || !st.LastSuccess.Equal(r.clock.Now()) {
		t.Errorf("gazette status %+v", st)
	}
	if st := r.status(courier); st.Articles != 2 {
		t.Errorf("courier status %+v, want 2 articles", st)
	}

	// Nothing is due until the interval has passed.
	pages := s.pageCounts()
	if rep := r.poll(); len(rep.Feeds) != 0 {
		t.Errorf("polled %d feeds before they were due", len(rep.Feeds))
	}
	// Once due, the feeds answer 304 and no page is fetched.
	r.clock.advance(2 * testInterval)
	rep = r.poll()
	for _, f := range rep.Feeds {
		if !f.NotModified {
			t.Errorf("%s was not a 304: %+v", f.URL, f)
		}
	}
	if got := s.pageCounts(); !mapsEqual(got, pages) {
		t.Errorf("pages fetched again after a 304: %v, before %v", got, pages)
	}

	// A restart loses nothing and fetches nothing again.
	r.restart()
	r.clock.advance(2 * testInterval)
	rep = r.poll()
	if len(rep.Feeds) != 2 || !rep.Feeds[0].NotModified || !rep.Feeds[1].NotModified {
		t.Errorf("after a restart: %+v, want two 304s", rep.Feeds)
	}
	if got := r.articleIDs(); !slices.Equal(got, want) {
		t.Errorf("after a restart, articles %q", got)
	}
	if got := s.pageCounts(); !mapsEqual(got, pages) {
		t.Errorf("pages fetched after a restart: %v, before %v", got, pages)
	}
	s.mu.Lock()
	sent := s.conditional["/feeds/gazette.rss"]
	s.mu.Unlock()
	if len(sent) != 3 || sent[0] != "" || sent[2] == "" {
		t.Errorf("If-None-Match sent %q; want none, then the ETag", sent)
	}

	// A server without validators: the feed comes in full, the known
	// entries are not fetched again, and the page that failed is tried
	// again, up to three times in all.
	s.setETags(false)
	for range 3 {
		r.clock.advance(2 * testInterval)
		rep = r.poll()
	}
	if rep.Feeds[0].Known != 3 || rep.Feeds[0].Fetched != 0 {
		t.Errorf("gazette without ETags: %+v, want its 3 entries known and nothing fetched", rep.Feeds[0])
	}
	after := s.pageCounts()
	for p, n := range pages {
		if p != "/courier/council/library-gone" && after[p] != n {
			t.Errorf("%s fetched %d times, before %d", p, after[p], n)
		}
	}
	if n := after["/courier/council/library-gone"]; n != maxPageTries {
		t.Errorf("the missing page was tried %d times, want %d", n, maxPageTries)
	}
	if got := r.articleIDs(); !slices.Equal(got, want) {
		t.Errorf("articles changed: %q", got)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestPollUpdatesAChangedEntry(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	gazette := s.URL("/feeds/gazette.rss")
	r := newLiveRig(t, []string{gazette}, local())
	r.poll()
	ferry := articleID(s, "/news/ferry-strike")
	before, _ := r.index.Article(ferry)

	// The story is updated: a new paragraph on the page, a new summary in
	// the feed.
	feed := bytes.Replace(s.fixture("gazette.rss"), []byte("in a dispute over new rotas.</p>"),
		[]byte("in a dispute over new rotas. Talks broke down on Monday.</p>"), 1)
	s.serve("/feeds/gazette.rss", feed, "application/rss+xml")
	s.serve("/news/ferry-strike", s.fixture("ferry-strike-updated.html"), "text/html")
	r.clock.advance(2 * testInterval)
	rep := r.poll()
	if rep.Ingest.Updated != 1 || rep.Ingest.Added != 0 || len(rep.New) != 0 {
		t.Errorf("ingest %+v, %d new; want the one article updated", rep.Ingest, len(rep.New))
	}
	text, err := r.index.ArticleText(ferry)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Talks at the conciliation service broke down on Monday evening") {
		t.Errorf("the article was not updated: %q", text)
	}
	after, _ := r.index.Article(ferry)
	if !after.Published.Equal(before.Published) || len(r.articleIDs()) != 2 {
		t.Errorf("published %v (was %v), articles %q", after.Published, before.Published, r.articleIDs())
	}
	if got := s.count("/news/bridge-repairs"); got != 1 {
		t.Errorf("the unchanged entry's page was fetched %d times", got)
	}
}

func TestPollBacksOffFailingFeeds(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	s.handle("/feeds/broken.rss", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "upstream down", http.StatusInternalServerError)
	})
	s.handle("/feeds/slow.rss", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-s.release:
		}
	})
	broken, slow, gazette := s.URL("/feeds/broken.rss"), s.URL("/feeds/slow.rss"), s.URL("/feeds/gazette.rss")
	fetch := local()
	fetch.Timeout = 300 * time.Millisecond
	r := newLiveRig(t, []string{broken, slow, gazette}, fetch)

	start := r.clock.Now()
	rep := r.poll()
	if len(rep.Feeds) != 3 || rep.Feeds[0].Err == nil || rep.Feeds[1].Err == nil || rep.Feeds[2].Err != nil {
		t.Fatalf("reports %+v; want the first two failed and the third polled", rep.Feeds)
	}
	if len(r.articleIDs()) != 2 {
		t.Errorf("the good feed's articles were not ingested: %q", r.articleIDs())
	}
	for feed, says := range map[string]string{broken: "500 Internal Server Error", slow: "timed out"} {
		st := r.status(feed)
		if st.Failures != 1 || !strings.Contains(st.LastError, says) || !st.LastSuccess.IsZero() {
			t.Errorf("%s: %+v, want one failure saying %q", feed, st, says)
		}
		// Backed off: twice the interval, give or take a fifth.
		if wait := st.NextPoll.Sub(start); wait < 16*testInterval/10 || wait > 24*testInterval/10 {
			t.Errorf("%s: next poll in %v, want about %v", feed, wait, 2*testInterval)
		}
	}
	if st := r.status(gazette); st.NextPoll.Sub(start) > 11*testInterval/10 {
		t.Errorf("the good feed waits %v", st.NextPoll.Sub(start))
	}

	// After one interval only the good feed is due.
	r.clock.advance(12 * testInterval / 10)
	brokenHits := s.count("/feeds/broken.rss")
	rep = r.poll()
	if len(rep.Feeds) != 1 || rep.Feeds[0].URL != gazette {
		t.Errorf("polled %+v; the failing feeds are backing off", rep.Feeds)
	}
	if s.count("/feeds/broken.rss") != brokenHits {
		t.Error("the backing-off feed was requested")
	}

	// Failing again doubles the wait.
	r.clock.advance(2 * testInterval)
	now := r.clock.Now()
	r.poll()
	st := r.status(broken)
	if st.Failures != 2 || st.NextPoll.Sub(now) < 32*testInterval/10 {
		t.Errorf("after a second failure: %+v (now %v), want about 4 intervals", st, now)
	}

	// When it recovers, the error is cleared.
	s.serve("/feeds/broken.rss", s.fixture("courier.atom"), "application/atom+xml")
	r.clock.advance(6 * testInterval)
	r.poll()
	if st := r.status(broken); st.Failures != 0 || st.LastError != "" || !st.LastSuccess.Equal(r.clock.Now()) || st.Articles != 2 {
		t.Errorf("after recovering: %+v", st)
	}
}

// TestPollRefusesEntriesOnPrivateAddresses: with the default policy, a feed
// on a public site whose entries point into the private network gets
// neither those pages nor its own text for them into the index.
func TestPollRefusesEntriesOnPrivateAddresses(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	feed := fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>http://wire.example/</link>
<item><title>Bridge</title><link>http://wire.example/news/bridge-repairs</link><guid>w1</guid><description>The bridge will close.</description></item>
<item><title>Ferry</title><link>%s</link><guid>w2</guid><description>Smuggled text.</description></item>
<item><title>Admin</title><link>http://intranet.example/admin</link><guid>w3</guid><description>More smuggled text.</description></item>
</channel></rss>`, s.URL("/news/ferry-strike"))
	s.serve("/feeds/wire.rss", []byte(feed), "application/rss+xml")
	r := newLiveRig(t, []string{"http://wire.example/feeds/wire.rss"}, wireFetch(s, map[string]string{"intranet.example": "10.20.30.40"}))
	rep := r.poll()
	if f := rep.Feeds[0]; f.Err != nil || f.Ingested != 1 || f.Skipped != 2 || f.FromFeed != 0 {
		t.Fatalf("report %+v; want the public entry in and the two private ones skipped", f)
	}
	ids := r.articleIDs()
	if len(ids) != 1 || !strings.Contains(ids[0], "wire.example") {
		t.Errorf("articles %q", ids)
	}
	if n := s.count("/news/ferry-strike"); n != 0 {
		t.Errorf("the loopback page was fetched %d times", n)
	}
	for _, key := range []string{"guid:w2", "guid:w3"} {
		e := r.state().Feeds["http://wire.example/feeds/wire.rss"].Entries[key]
		if e == nil || !strings.Contains(e.Skipped, "address not allowed") {
			t.Errorf("%s: %+v, want it skipped as a blocked address", key, e)
		}
	}
}

func TestPollWhileAnswering(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	r := newLiveRig(t, []string{s.URL("/feeds/gazette.rss"), s.URL("/feeds/courier.atom")}, local())
	seed, err := source.Load(context.Background(), filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.index.Ingest(context.Background(), seed.Articles, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	engine := &answer.Engine{Index: r.index}
	questions := []string{
		"What did Starmer tell Zelenskyy about NATO?",
		"Why did the ferry crews walk out?",
		"When will the swing bridge close?",
	}
	var done atomic.Bool
	var wg sync.WaitGroup
	var answered atomic.Int64
	errs := make(chan error, 8)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; !done.Load() || i < w+len(questions); i++ {
				if _, err := engine.Ask(context.Background(), questions[i%len(questions)], rag.AskOptions{}); err != nil {
					errs <- err
					return
				}
				answered.Add(1)
			}
		}()
	}
	rep := r.poll()
	done.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("answering during a poll: %v", err)
	}
	if len(rep.New) != 4 || answered.Load() < 2*int64(len(questions)) {
		t.Errorf("%d new articles, %d answers", len(rep.New), answered.Load())
	}
	ans, err := engine.Ask(context.Background(), "Why did the ferry crews walk out?", rag.AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Abstained || !citesArticle(ans, articleID(s, "/news/ferry-strike")) {
		t.Errorf("after the poll the ferry story is not cited: %+v", ans)
	}
}

func citesArticle(ans rag.Answer, id string) bool {
	for _, c := range ans.Citations {
		if c.ArticleID == id {
			return true
		}
	}
	return false
}

func TestAnswersSayHowFreshTheyAre(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	r := newLiveRig(t, []string{s.URL("/feeds/gazette.rss"), s.URL("/feeds/courier.atom")}, local())
	r.poll()
	engine := &answer.Engine{Index: r.index, StaleAfter: 72 * time.Hour, Now: r.clock.Now}
	ctx := context.Background()

	ans, err := engine.Ask(ctx, "Why did the ferry crews walk out at Porthaven?", rag.AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Abstained || len(ans.Citations) == 0 {
		t.Fatalf("no answer: %+v", ans)
	}
	var newest time.Time
	for _, c := range ans.Citations {
		if c.Published.After(newest) {
			newest = c.Published
		}
	}
	if newest.IsZero() || !ans.AsOf.Equal(newest) {
		t.Errorf("as of %v, want the newest cited date %v", ans.AsOf, newest)
	}

	// Asked for the latest news two days after the story, no caveat; two
	// months after, a caveat that names the date.
	q := "What is the latest on the ferry strike?"
	ans, err = engine.Ask(ctx, q, rag.AskOptions{})
	if err != nil || ans.Caveat != "" {
		t.Errorf("fresh coverage: caveat %q, err %v", ans.Caveat, err)
	}
	later := &answer.Engine{Index: r.index, StaleAfter: 72 * time.Hour, Now: func() time.Time { return r.clock.Now().AddDate(0, 2, 0) }}
	ans, err = later.Ask(ctx, q, rag.AskOptions{})
	if err != nil || !strings.Contains(ans.Caveat, "March 2025") {
		t.Errorf("stale coverage: caveat %q, err %v", ans.Caveat, err)
	}
}

func TestRetention(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2025, 3, 16, 0, 0, 0, 0, time.UTC)
	article := func(id string, published time.Time) rag.Article {
		return rag.Article{ID: id, Title: id, Published: published,
			Text: "The harbour board met on " + id + " to discuss the swing bridge and the ferry timetable for the spring."}
	}
	arts := []rag.Article{
		article("old", now.AddDate(0, 0, -40)),
		article("recent", now.AddDate(0, 0, -2)),
		article("undated", time.Time{}),
	}

	t.Run("expire", func(t *testing.T) {
		idx, err := search.Open(search.NewLocalEmbedder(), search.Options{Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := idx.Ingest(ctx, arts, search.IngestOptions{}); err != nil {
			t.Fatal(err)
		}
		n, err := expireArticles(ctx, idx, 30*24*time.Hour, now)
		if err != nil || n != 1 {
			t.Fatalf("removed %d, err %v; want the one old article", n, err)
		}
		for _, id := range []string{"recent", "undated"} {
			if _, ok := idx.Article(id); !ok {
				t.Errorf("%s was removed", id)
			}
		}
		if _, ok := idx.Article("old"); ok {
			t.Error("the old article is still there")
		}
	})

	t.Run("files past retention are not indexed", func(t *testing.T) {
		dir := t.TempDir()
		for _, a := range arts {
			date := ""
			if !a.Published.IsZero() {
				date = "published: " + a.Published.Format(time.DateOnly) + "\n"
			}
			body := "---\ntitle: " + a.Title + "\n" + date + "---\n" + a.Text + "\n"
			if err := os.WriteFile(filepath.Join(dir, a.ID+".md"), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		idx, err := search.Open(search.NewLocalEmbedder(), search.Options{Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := ingestFiles(ctx, idx, []string{dir}, fileIngest{retention: 30 * 24 * time.Hour, now: now}, nil, slog.New(slog.DiscardHandler))
		if err != nil || rep.Added != 2 {
			t.Fatalf("added %d, err %v; want 2", rep.Added, err)
		}
		if _, ok := idx.Article("old"); ok {
			t.Error("the old file was indexed")
		}
	})

	t.Run("feeds and URLs past retention are not indexed", func(t *testing.T) {
		s := newNewsSite(t)
		s.serveNews()
		r := &liveRig{t: t, dir: t.TempDir(), feeds: []string{s.URL("/feeds/gazette.rss")}, fetch: local(),
			clock: &testClock{now: now}, retention: 72 * time.Hour}
		r.restart()
		rep := r.poll()
		if ids := r.articleIDs(); len(ids) != 1 || ids[0] != articleID(s, "/news/ferry-strike") || rep.Feeds[0].Skipped != 1 {
			t.Errorf("articles %q, report %+v; want the bridge story (12 March) left out", ids, rep.Feeds[0])
		}
		_, err := r.poller.IngestURL(ctx, s.URL("/news/bridge-repairs"))
		if !errors.Is(err, errTooOld) || !strings.Contains(err.Error(), "2025-03-12") {
			t.Errorf("old URL: error %v, want errTooOld with the date", err)
		}
	})
}

func TestIngestURLRefusesASyndicatedCopy(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	r := newLiveRig(t, nil, local())
	ctx := context.Background()
	info, err := r.poller.IngestURL(ctx, s.URL("/news/ferry-strike?utm_source=discord"))
	if err != nil {
		t.Fatal(err)
	}
	if info.ID != articleID(s, "/news/ferry-strike") || info.Passages == 0 || len(r.new) != 1 {
		t.Errorf("ingested %+v, %d announced", info, len(r.new))
	}
	again, err := r.poller.IngestURL(ctx, s.URL("/news/ferry-strike"))
	if err != nil || again.ID != info.ID || len(r.new) != 1 {
		t.Errorf("the same page again: %+v, %v, %d announced; want the same article, not announced twice", again, err, len(r.new))
	}
	_, err = r.poller.IngestURL(ctx, s.URL("/partner/ferry-strike-copy"))
	if !errors.Is(err, errAlreadyIndexed) || !strings.Contains(err.Error(), "Ferry workers walk out") {
		t.Errorf("syndicated copy: error %v, want errAlreadyIndexed naming the article", err)
	}
	if len(r.articleIDs()) != 1 {
		t.Errorf("articles %q", r.articleIDs())
	}
}

func TestFeedStateCorruptIsSetAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, feedStateFile)
	if err := os.WriteFile(path, []byte(`{"version": 1, "feeds": {`), 0o644); err != nil {
		t.Fatal(err)
	}
	idx, err := search.Open(search.NewLocalEmbedder(), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPoller(PollerOptions{StatePath: path, Index: idx, Fetcher: source.NewFetcher(local())})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".corrupt"); err != nil {
		t.Errorf("the corrupt file was not set aside: %v", err)
	}
	if err := p.update(func(st *FeedState) { st.URLs["a"] = URLRecord{URL: "https://news.example/a"} }); err != nil {
		t.Fatal(err)
	}
	st, _, err := readFeedState(path)
	if err != nil || st.URLs["a"].URL != "https://news.example/a" {
		t.Errorf("state after saving: %+v, %v", st, err)
	}
	if matches, _ := filepath.Glob(path + ".tmp-*"); len(matches) != 0 {
		t.Errorf("temporary files left behind: %q", matches)
	}
}

func TestIngestCommandWithURLsAndFeeds(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	s.serve("/report.pdf", []byte("%PDF-1.7"), "application/pdf")
	c := newCLI(t)
	c.env["COVERAGEBOT_ALLOW_PRIVATE_URLS"] = "true"

	out := c.mustRun("ingest", s.URL("/news/ferry-strike?utm_source=share"))
	ferry := articleID(s, "/news/ferry-strike")
	if !strings.Contains(out, ferry+": “Ferry workers walk out over rota changes” (The Harbour Gazette, 2025-03-14)") {
		t.Errorf("ingest URL printed %q", out)
	}
	_, errOut, code := c.run("ingest", s.URL("/report.pdf"))
	if code != exitSkipped || !strings.Contains(errOut, "not a web page: the site sent application/pdf") {
		t.Errorf("a PDF: exit %d, stderr %q", code, errOut)
	}
	// Pruning against the data directory keeps the article from the URL.
	c.mustRun("ingest", "--prune", c.data)
	out = c.mustRun("sources")
	if !strings.Contains(out, ferry) || !strings.Contains(out, "2025-03-14") {
		t.Errorf("sources after pruning lacks the URL's article:\n%s", out)
	}

	c.env["COVERAGEBOT_FEEDS"] = s.URL("/feeds/gazette.rss") + "," + s.URL("/feeds/courier.atom")
	out = c.mustRun("ingest", "--feeds")
	if !strings.Contains(out, s.URL("/feeds/gazette.rss")+": 4 entries") || !strings.Contains(out, "New: ") {
		t.Errorf("ingest --feeds printed:\n%s", out)
	}
	out = c.mustRun("feeds")
	for _, want := range []string{s.URL("/feeds/gazette.rss"), s.URL("/feeds/courier.atom"), "LAST SUCCESS"} {
		if !strings.Contains(out, want) {
			t.Errorf("feeds lacks %q:\n%s", want, out)
		}
	}
	// The pages are fetched once: the second pass finds the feeds
	// unchanged.
	pages := s.pageCounts()
	out = c.mustRun("ingest", "--feeds")
	if !strings.Contains(out, "not modified") || !mapsEqual(s.pageCounts(), pages) {
		t.Errorf("second pass fetched pages again, or printed:\n%s", out)
	}
	if _, errOut, code := c.run("ingest", "--prune", "--feeds"); code != exitUsage || !strings.Contains(errOut, "give the paths") {
		t.Errorf("--prune with only feeds: exit %d, %q", code, errOut)
	}
}

func TestAppServesLiveCoverage(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	cfg := config.Default()
	cfg.HTTP.Addr = ""
	cfg.Index.Dir = t.TempDir()
	cfg.Data = t.TempDir()
	cfg.Feeds.URLs = []string{s.URL("/feeds/gazette.rss")}
	cfg.Feeds.Interval = time.Hour
	cfg.Feeds.AllowPrivateURLs = true
	a, err := New(cfg, Deps{NoDiscord: true})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var announced []rag.ArticleInfo
	a.onNewArticles = func(infos []rag.ArticleInfo) {
		mu.Lock()
		announced = append(announced, infos...)
		mu.Unlock()
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	deadline := time.Now().Add(30 * time.Second)
	for a.Feeds()[0].LastSuccess.IsZero() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	st := a.Feeds()[0]
	if st.LastSuccess.IsZero() || st.Articles != 2 {
		t.Errorf("serve did not poll the feed: %+v", st)
	}
	info, err := a.IngestURL(ctx, s.URL("/courier/weather/storm-pass"))
	if err != nil || info.Outlet != "The Valley Courier" || info.Passages == 0 {
		t.Errorf("IngestURL: %+v, %v", info, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run: %v", err)
	}
	a.Close()
	mu.Lock()
	defer mu.Unlock()
	if len(announced) != 3 {
		t.Errorf("announced %d articles, want 3", len(announced))
	}

	cfg.Index.ReadOnly, cfg.Feeds.URLs = true, nil
	ro, err := New(cfg, Deps{NoDiscord: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.IngestURL(context.Background(), s.URL("/news/ferry-strike")); !errors.Is(err, errReadOnly) {
		t.Errorf("read-only IngestURL: %v", err)
	}
}
