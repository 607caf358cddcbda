package feed

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/internal/fakenews"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

// TestPollRefusesZonedEntries: a feed on a public site whose entries link,
// directly or through a redirect, to a zoned address gets neither the page
// nor its own text for it into the index.
func TestPollRefusesZonedEntries(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	zoned := s.ZonedURLs("/news/ferry-strike")
	s.Handle("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, zoned[0], http.StatusFound)
	})
	var items strings.Builder
	links := append(slices.Clone(zoned), "http://wire.example/redirect")
	for i, link := range links {
		fmt.Fprintf(&items, "<item><title>Entry %d</title><link>%s</link><guid>z%d</guid><description>Smuggled text %d.</description></item>\n", i, html.EscapeString(link), i, i)
	}
	s.Serve("/feeds/wire.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>http://wire.example/</link>
`+items.String()+`</channel></rss>`), "application/rss+xml")
	r := newLiveRig(t, []string{"http://wire.example/feeds/wire.rss"}, s.WireFetch(nil))
	rep := r.poll()
	if f := rep.Feeds[0]; f.Err != nil || f.Ingested != 0 || f.Skipped != len(links) || f.FromFeed != 0 {
		t.Fatalf("report %+v; want all %d entries skipped", f, len(links))
	}
	if ids := r.articleIDs(); len(ids) != 0 {
		t.Errorf("articles %q, want none", ids)
	}
	if n := s.Count("/news/ferry-strike"); n != 0 {
		t.Errorf("the loopback page was fetched %d times", n)
	}
	for i := range links {
		e := r.state().Feeds["http://wire.example/feeds/wire.rss"].Entries[fmt.Sprintf("guid:z%d", i)]
		if e == nil || !strings.Contains(e.Skipped, "zoned IPv6") {
			t.Errorf("entry %d (%s): %+v, want it skipped as a zoned address", i, links[i], e)
		}
	}
}

// hostileFeed serves a feed at /feeds/hostile.rss whose entries link where
// links says, each with a summary that says "Planted text".
func hostileFeed(s *fakenews.Site, links ...string) string {
	var items strings.Builder
	for i, link := range links {
		fmt.Fprintf(&items, "<item><title>Planted %d</title><link>%s</link><guid>h%d</guid><description>Planted text %d: the talks were cancelled.</description></item>\n", i, html.EscapeString(link), i, i)
	}
	s.Serve("/feeds/hostile.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>`+s.URL("/")+`</link>
`+items.String()+`</channel></rss>`), "application/rss+xml")
	return s.URL("/feeds/hostile.rss")
}

// TestFeedCannotReplaceOthersArticles: a feed entry whose page fails and
// whose link is made to give the id of a file article, of an article an
// admin ingested, or of that article on another port, leaves each of them
// as it was.
func TestFeedCannotReplaceOthersArticles(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	port := s.Port()
	feed := hostileFeed(s,
		"http://starmer-zelenskyy-call/",                             // a file article's id; no such host
		s.URL("/news/ferry-strike/"),                                 // the admin's article, one slash more: 404
		fmt.Sprintf("http://127.0.0.1:%d/news/ferry-strike", port+1), // another port: nothing listens
	)
	r := newLiveRig(t, []string{feed}, local())
	loaded, err := source.Load(context.Background(), "../../data")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.index.Ingest(context.Background(), loaded.Articles, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	admin, err := r.poller.IngestURL(context.Background(), s.URL("/news/ferry-strike"))
	if err != nil {
		t.Fatal(err)
	}
	before := map[string]string{}
	for _, id := range []string{"starmer-zelenskyy-call", admin.ID} {
		if before[id], err = r.index.ArticleText(id); err != nil {
			t.Fatal(err)
		}
	}
	idsBefore := r.articleIDs()

	rep := r.poll()
	for id, text := range before {
		after, err := r.index.ArticleText(id)
		if err != nil || after != text {
			t.Errorf("article %s was changed by the feed: %v\n%q", id, err, after)
		}
	}
	st := r.state().Feeds[feed]
	for _, key := range []string{"guid:h0", "guid:h1"} {
		if e := st.Entries[key]; e == nil || !strings.Contains(e.Skipped, "a feed only updates its own") {
			t.Errorf("%s: %+v; want it refused for taking another source's id", key, e)
		}
	}
	// The other port is another site: its entry is an article of its own,
	// from the feed's text, beside the admin's.
	other := st.Entries["guid:h2"]
	if other == nil || other.ArticleID == admin.ID || !other.FromFeed {
		t.Errorf("the other port's entry: %+v", other)
	}
	if f := rep.Feeds[0]; f.Err != nil || f.Ingested > 2 {
		t.Errorf("report %+v", f)
	}
	for _, id := range idsBefore {
		if !slices.Contains(r.articleIDs(), id) {
			t.Errorf("article %s is gone", id)
		}
	}
}

// TestFailedFetchKeepsThePageText: once an entry's page has been fetched,
// a later failure to fetch it again (after the entry changed) keeps the
// page's text rather than the feed's summary, and the page is tried again.
func TestFailedFetchKeepsThePageText(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	gazette := s.URL("/feeds/gazette.rss")
	r := newLiveRig(t, []string{gazette}, local())
	r.poll()
	ferry := articleID(s, "/news/ferry-strike")
	page, err := r.index.ArticleText(ferry)
	if err != nil {
		t.Fatal(err)
	}

	feed := bytes.Replace(s.Fixture("gazette.rss"), []byte("in a dispute over new rotas.</p>"),
		[]byte("in a dispute over new rotas. Planted summary.</p>"), 1)
	s.Serve("/feeds/gazette.rss", feed, "application/rss+xml")
	s.Handle("/news/ferry-strike", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	r.clock.Advance(2 * testInterval)
	r.poll()
	if text, _ := r.index.ArticleText(ferry); text != page {
		t.Errorf("a failed fetch replaced the page's text:\n%q", text)
	}
	var e *EntryRecord
	for _, er := range r.state().Feeds[gazette].Entries {
		if er.ArticleID == ferry && !er.Duplicate {
			e = er
		}
	}
	if e == nil || !e.FromFeed || !strings.Contains(e.Skipped, "kept") {
		t.Fatalf("entry %+v; want the article kept and the page to be tried again", e)
	}

	// The page comes back, updated: it replaces the article. (The feed
	// is sent in full, as a server without validators would.)
	s.Serve("/news/ferry-strike", s.Fixture("ferry-strike-updated.html"), "text/html")
	s.SetETags(false)
	r.clock.Advance(2 * testInterval)
	r.poll()
	if text, _ := r.index.ArticleText(ferry); !strings.Contains(text, "broke down on Monday evening") {
		t.Errorf("the page, back, did not update the article: %q", text)
	}
}
