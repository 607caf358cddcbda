package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakenews"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

func TestPollIngestsFeedsOnceDeduplicated(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
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
	wantFeeds := []Result{
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
	pages := s.PageCounts()
	if rep := r.poll(); len(rep.Feeds) != 0 {
		t.Errorf("polled %d feeds before they were due", len(rep.Feeds))
	}
	// Once due, the feeds answer 304 and no page is fetched.
	r.clock.Advance(2 * testInterval)
	rep = r.poll()
	for _, f := range rep.Feeds {
		if !f.NotModified {
			t.Errorf("%s was not a 304: %+v", f.URL, f)
		}
	}
	if got := s.PageCounts(); !maps.Equal(got, pages) {
		t.Errorf("pages fetched again after a 304: %v, before %v", got, pages)
	}

	// A restart loses nothing and fetches nothing again.
	r.restart()
	r.clock.Advance(2 * testInterval)
	rep = r.poll()
	if len(rep.Feeds) != 2 || !rep.Feeds[0].NotModified || !rep.Feeds[1].NotModified {
		t.Errorf("after a restart: %+v, want two 304s", rep.Feeds)
	}
	if got := r.articleIDs(); !slices.Equal(got, want) {
		t.Errorf("after a restart, articles %q", got)
	}
	if got := s.PageCounts(); !maps.Equal(got, pages) {
		t.Errorf("pages fetched after a restart: %v, before %v", got, pages)
	}
	sent := s.Conditional("/feeds/gazette.rss")
	if len(sent) != 3 || sent[0] != "" || sent[2] == "" {
		t.Errorf("If-None-Match sent %q; want none, then the ETag", sent)
	}

	// A server without validators: the feed comes in full, the known
	// entries are not fetched again, and the page that failed is tried
	// again, up to three times in all.
	s.SetETags(false)
	for range 3 {
		r.clock.Advance(2 * testInterval)
		rep = r.poll()
	}
	if rep.Feeds[0].Known != 3 || rep.Feeds[0].Fetched != 0 {
		t.Errorf("gazette without ETags: %+v, want its 3 entries known and nothing fetched", rep.Feeds[0])
	}
	after := s.PageCounts()
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

func TestPollUpdatesAChangedEntry(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	gazette := s.URL("/feeds/gazette.rss")
	r := newLiveRig(t, []string{gazette}, local())
	r.poll()
	ferry := articleID(s, "/news/ferry-strike")
	before, _ := r.index.Article(ferry)

	// The story is updated: a new paragraph on the page, a new summary in
	// the feed.
	feed := bytes.Replace(s.Fixture("gazette.rss"), []byte("in a dispute over new rotas.</p>"),
		[]byte("in a dispute over new rotas. Talks broke down on Monday.</p>"), 1)
	s.Serve("/feeds/gazette.rss", feed, "application/rss+xml")
	s.Serve("/news/ferry-strike", s.Fixture("ferry-strike-updated.html"), "text/html")
	r.clock.Advance(2 * testInterval)
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
	if got := s.Count("/news/bridge-repairs"); got != 1 {
		t.Errorf("the unchanged entry's page was fetched %d times", got)
	}
}

func TestPollBacksOffFailingFeeds(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	s.Handle("/feeds/broken.rss", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "upstream down", http.StatusInternalServerError)
	})
	s.Handle("/feeds/slow.rss", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-s.Done():
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
	r.clock.Advance(12 * testInterval / 10)
	brokenHits := s.Count("/feeds/broken.rss")
	rep = r.poll()
	if len(rep.Feeds) != 1 || rep.Feeds[0].URL != gazette {
		t.Errorf("polled %+v; the failing feeds are backing off", rep.Feeds)
	}
	if s.Count("/feeds/broken.rss") != brokenHits {
		t.Error("the backing-off feed was requested")
	}

	// Failing again doubles the wait.
	r.clock.Advance(2 * testInterval)
	now := r.clock.Now()
	r.poll()
	st := r.status(broken)
	if st.Failures != 2 || st.NextPoll.Sub(now) < 32*testInterval/10 {
		t.Errorf("after a second failure: %+v (now %v), want about 4 intervals", st, now)
	}

	// When it recovers, the error is cleared.
	s.Serve("/feeds/broken.rss", s.Fixture("courier.atom"), "application/atom+xml")
	r.clock.Advance(6 * testInterval)
	r.poll()
	if st := r.status(broken); st.Failures != 0 || st.LastError != "" || !st.LastSuccess.Equal(r.clock.Now()) || st.Articles != 2 {
		t.Errorf("after recovering: %+v", st)
	}
}

// TestPollRefusesEntriesOnPrivateAddresses: with the default policy, a feed
// on a public site whose entries point into the private network gets
// neither those pages nor its own text for them into the index.
func TestPollRefusesEntriesOnPrivateAddresses(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	feed := fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>http://wire.example/</link>
<item><title>Bridge</title><link>http://wire.example/news/bridge-repairs</link><guid>w1</guid><description>The bridge will close.</description></item>
<item><title>Ferry</title><link>%s</link><guid>w2</guid><description>Smuggled text.</description></item>
<item><title>Admin</title><link>http://intranet.example/admin</link><guid>w3</guid><description>More smuggled text.</description></item>
</channel></rss>`, s.URL("/news/ferry-strike"))
	s.Serve("/feeds/wire.rss", []byte(feed), "application/rss+xml")
	r := newLiveRig(t, []string{"http://wire.example/feeds/wire.rss"}, s.WireFetch(map[string]string{"intranet.example": "10.20.30.40"}))
	rep := r.poll()
	if f := rep.Feeds[0]; f.Err != nil || f.Ingested != 1 || f.Skipped != 2 || f.FromFeed != 0 {
		t.Fatalf("report %+v; want the public entry in and the two private ones skipped", f)
	}
	ids := r.articleIDs()
	if len(ids) != 1 || !strings.Contains(ids[0], "wire.example") {
		t.Errorf("articles %q", ids)
	}
	if n := s.Count("/news/ferry-strike"); n != 0 {
		t.Errorf("the loopback page was fetched %d times", n)
	}
	for _, key := range []string{"guid:w2", "guid:w3"} {
		e := r.state().Feeds["http://wire.example/feeds/wire.rss"].Entries[key]
		if e == nil || !strings.Contains(e.Skipped, "address not allowed") {
			t.Errorf("%s: %+v, want it skipped as a blocked address", key, e)
		}
	}
}

// Entries and pages published before the retention period stay out of
// the index.
func TestPollKeepsOutWhatIsPastRetention(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2025, 3, 16, 0, 0, 0, 0, time.UTC)
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	r := &liveRig{t: t, dir: t.TempDir(), feeds: []string{s.URL("/feeds/gazette.rss")}, fetch: local(),
		clock: fakenews.NewClock(now), retention: 72 * time.Hour}
	r.restart()
	rep := r.poll()
	if ids := r.articleIDs(); len(ids) != 1 || ids[0] != articleID(s, "/news/ferry-strike") || rep.Feeds[0].Skipped != 1 {
		t.Errorf("articles %q, report %+v; want the bridge story (12 March) left out", ids, rep.Feeds[0])
	}
	_, err := r.poller.IngestURL(ctx, s.URL("/news/bridge-repairs"))
	if !errors.Is(err, ErrTooOld) || !strings.Contains(err.Error(), "2025-03-12") {
		t.Errorf("old URL: error %v, want ErrTooOld with the date", err)
	}
}

func TestIngestURLRefusesASyndicatedCopy(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
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
	if !errors.Is(err, ErrAlreadyIndexed) || !strings.Contains(err.Error(), "Ferry workers walk out") {
		t.Errorf("syndicated copy: error %v, want ErrAlreadyIndexed naming the article", err)
	}
	if len(r.articleIDs()) != 1 {
		t.Errorf("articles %q", r.articleIDs())
	}
}

func TestACorruptStateIsSetAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, StateFile)
	if err := os.WriteFile(path, []byte(`{"version": 1, "feeds": {`), 0o644); err != nil {
		t.Fatal(err)
	}
	idx, err := search.Open(search.NewLocalEmbedder(), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPoller(Options{StatePath: path, Index: idx, Fetcher: source.NewFetcher(local())})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".corrupt"); err != nil {
		t.Errorf("the corrupt file was not set aside: %v", err)
	}
	if err := p.update(func(st *State) { st.URLs["a"] = URLRecord{URL: "https://news.example/a"} }); err != nil {
		t.Fatal(err)
	}
	st, _, err := readState(path)
	if err != nil || st.URLs["a"].URL != "https://news.example/a" {
		t.Errorf("state after saving: %+v, %v", st, err)
	}
	if matches, _ := filepath.Glob(path + ".tmp-*"); len(matches) != 0 {
		t.Errorf("temporary files left behind: %q", matches)
	}
}

func TestNewPollerNeedsAnIndexAndAFetcher(t *testing.T) {
	idx, err := search.Open(search.NewLocalEmbedder(), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, opts := range map[string]Options{
		"no index":   {Fetcher: source.NewFetcher(local())},
		"no fetcher": {Index: idx},
	} {
		if _, err := NewPoller(opts); err == nil {
			t.Errorf("%s: NewPoller succeeded", name)
		}
	}
	// In memory, with the defaults filled in: a poll of no feeds does
	// nothing and writes no file.
	p, err := NewPoller(Options{Index: idx, Fetcher: source.NewFetcher(local())})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := p.PollAll(context.Background()); err != nil || len(rep.Feeds) != 0 {
		t.Errorf("poll of no feeds: %+v, %v", rep, err)
	}
}

func TestFormatAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		24 * time.Hour:      "1 day",
		30 * 24 * time.Hour: "30 days",
		36 * time.Hour:      "36h0m0s",
	} {
		if got := FormatAge(d); got != want {
			t.Errorf("FormatAge(%v) = %q, want %q", d, got, want)
		}
	}
}
