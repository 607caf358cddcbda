package source

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseFeed(t *testing.T) {
	s := newTestSite(t)
	type entryWant struct {
		guid, link, title string
		published         time.Time
		authors           []string
		contentHas        string
	}
	tests := []struct {
		fixture, title string
		entries        []entryWant
	}{
		{"gazette.rss", "The Harbour Gazette - News", []entryWant{
			{"gazette-4711", s.URL("/news/ferry-strike?utm_source=rss&utm_medium=feed"), "Ferry workers walk out over rota changes",
				time.Date(2025, 3, 14, 8, 30, 0, 0, time.UTC), []string{"Maren Holt"}, "walked out at dawn"},
			{"gazette-4702", s.URL("/news/bridge-repairs"), "Swing bridge to close for six weeks of repairs",
				time.Date(2025, 3, 12, 16, 0, 0, 0, time.UTC), []string{"Tomas Reyes"}, "inner harbour"},
			{"gazette-4711", s.URL("/news/ferry-strike?utm_source=rss&utm_medium=feed"), "Ferry workers walk out over rota changes",
				time.Date(2025, 3, 14, 8, 30, 0, 0, time.UTC), nil, "walked out at dawn"},
			{"gazette-4712", s.URL("/news/ferry-strike"), "Ferry strike: what commuters need to know",
				time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC), nil, "questions answered"},
		}},
		{"courier.atom", "The Valley Courier", []entryWant{
			// The relative link resolves against the feed's own link.
			{"tag:valleycourier.example,2025:storm-pass", s.URL("/courier/weather/storm-pass"), "Snow closes mountain pass as storm sweeps in",
				time.Date(2025, 3, 15, 5, 10, 0, 0, time.UTC), []string{"Ines Duarte"}, "Alder pass"},
			{"tag:valleycourier.example,2025:partner-ferry", s.URL("/partner/ferry-strike-copy"), "Island ferry strike strands commuters",
				time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC), nil, "Syndicated"},
			{"tag:valleycourier.example,2025:library", s.URL("/courier/council/library-gone"), "Council approves new library for Lowford",
				time.Date(2025, 3, 13, 12, 0, 0, 0, time.UTC), []string{"Priya Nair"}, "old bus depot"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.fixture, func(t *testing.T) {
			feed, err := ParseFeed(s.fixture(tc.fixture), s.URL("/feeds/"+tc.fixture))
			if err != nil {
				t.Fatal(err)
			}
			if feed.Title != tc.title {
				t.Errorf("title %q, want %q", feed.Title, tc.title)
			}
			if len(feed.Entries) != len(tc.entries) {
				t.Fatalf("%d entries, want %d", len(feed.Entries), len(tc.entries))
			}
			for i, w := range tc.entries {
				e := feed.Entries[i]
				if e.GUID != w.guid || e.Link != w.link || e.Title != w.title || !e.Published.Equal(w.published) || !reflect.DeepEqual(e.Authors, w.authors) {
					t.Errorf("entry %d: got %q %q %q %v %q\nwant %q %q %q %v %q", i, e.GUID, e.Link, e.Title, e.Published, e.Authors,
						w.guid, w.link, w.title, w.published, w.authors)
				}
				if !strings.Contains(e.Content, w.contentHas) {
					t.Errorf("entry %d content %q lacks %q", i, e.Content, w.contentHas)
				}
			}
		})
	}
}

func TestParseFeedRefusesOtherDocuments(t *testing.T) {
	s := newTestSite(t)
	for name, data := range map[string][]byte{
		"html page": s.fixture("ferry-strike.html"),
		"empty":     nil,
		"truncated": []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>`),
		"json":      []byte(`{"not": "a feed"}`),
	} {
		if _, err := ParseFeed(data, s.URL("/feed")); !errors.Is(err, ErrNotFeed) {
			t.Errorf("%s: error %v, want ErrNotFeed", name, err)
		}
	}
}

func TestFetchFeedConditional(t *testing.T) {
	s := newTestSite(t)
	body := s.fixture("gazette.rss")
	const etag = `"gazette-v1"`
	const lastModified = "Fri, 14 Mar 2025 09:00:00 GMT"
	var conditional []string
	s.mux.HandleFunc("/feeds/gazette.rss", func(w http.ResponseWriter, r *http.Request) {
		conditional = append(conditional, r.Header.Get("If-None-Match")+"|"+r.Header.Get("If-Modified-Since"))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastModified)
		w.Write(body)
	})
	s.mux.HandleFunc("/feeds/broken.rss", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down for maintenance", http.StatusBadGateway)
	})
	f := localFetcher(FetchOptions{})
	ctx := context.Background()

	first, err := f.FetchFeed(ctx, FeedRequest{URL: s.URL("/feeds/gazette.rss")})
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || len(first.Entries) != 4 || first.ETag != etag || first.LastModified != lastModified {
		t.Fatalf("first fetch: not modified %v, %d entries, validators %q %q", first.NotModified, len(first.Entries), first.ETag, first.LastModified)
	}
	second, err := f.FetchFeed(ctx, FeedRequest{URL: s.URL("/feeds/gazette.rss"), ETag: first.ETag, LastModified: first.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if !second.NotModified || len(second.Entries) != 0 || second.ETag != etag {
		t.Fatalf("second fetch: not modified %v, %d entries, etag %q; want a 304 that keeps the validators", second.NotModified, len(second.Entries), second.ETag)
	}
	want := []string{"|", etag + "|" + lastModified}
	if !reflect.DeepEqual(conditional, want) {
		t.Errorf("conditional headers %q, want %q", conditional, want)
	}

	_, err = f.FetchFeed(ctx, FeedRequest{URL: s.URL("/feeds/broken.rss")})
	var status *StatusError
	if !errors.As(err, &status) || status.Code != http.StatusBadGateway {
		t.Errorf("broken feed: error %v, want a 502 StatusError", err)
	}
	s.page("/feeds/page.rss", "ferry-strike.html", "text/html")
	if _, err := f.FetchFeed(ctx, FeedRequest{URL: s.URL("/feeds/page.rss")}); !errors.Is(err, ErrNotFeed) {
		t.Errorf("an HTML page as a feed: error %v, want ErrNotFeed", err)
	}
}

func TestEntryArticle(t *testing.T) {
	s := newTestSite(t)
	feed, err := ParseFeed(s.fixture("courier.atom"), s.URL("/feeds/courier.atom"))
	if err != nil {
		t.Fatal(err)
	}
	e := feed.Entries[2]
	a, err := EntryArticle(e, feed.Title)
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	want := articleWant{
		id:         idFromURL(e.Link),
		title:      "Council approves new library for Lowford",
		outlet:     "127.0.0.1",
		url:        e.Link,
		authors:    []string{"Priya Nair"},
		published:  time.Date(2025, 3, 13, 12, 0, 0, 0, time.UTC),
		textHas:    []string{"by nine votes to four.\n\nThe building, which will also house"},
		textHasNot: []string{"<p>"},
	}
	want.check(t, a.ID, a.Title, a.Outlet, a.URL, a.Authors, a.Captions, a.Published, a.Text)

	// An entry without a link still gets a stable, safe id; one without
	// text is refused.
	noLink := FeedEntry{GUID: "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427", Title: "Notice", Content: "The ferry runs again on Monday."}
	a1, err := EntryArticle(noLink, "Harbour notices")
	if err != nil {
		t.Fatal(err)
	}
	a2, _ := EntryArticle(noLink, "Harbour notices")
	if a1.ID != a2.ID || checkID(a1.ID) != nil || a1.Outlet != "Harbour notices" {
		t.Errorf("entry without a link: id %q then %q, outlet %q", a1.ID, a2.ID, a1.Outlet)
	}
	if _, err := EntryArticle(FeedEntry{Link: s.URL("/x"), Title: "Empty"}, ""); !errors.Is(err, ErrNoText) {
		t.Errorf("entry without text: error %v, want ErrNoText", err)
	}
}

func FuzzParseFeed(f *testing.F) {
	for _, name := range []string{"gazette.rss", "courier.atom"} {
		f.Add(liveFixture(f, name, "https://news.example"))
	}
	f.Add([]byte(`<rss version="2.0"><channel><item><link>/a</link><description>&lt;b&gt;x</description></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><content type="xhtml"><div>x</div></content></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"https://a.example/1","content_text":"x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := ParseFeed(data, "https://feeds.example/news.rss")
		if err != nil {
			if !errors.Is(err, ErrNotFeed) {
				t.Fatalf("error %v does not wrap ErrNotFeed", err)
			}
			return
		}
		if len(feed.Entries) > maxFeedEntries {
			t.Fatalf("%d entries, over the limit", len(feed.Entries))
		}
		for _, e := range feed.Entries {
			if e.Link != "" && !isWebURL(e.Link) {
				t.Fatalf("entry link %q is not an absolute web URL", e.Link)
			}
			if e.Key() == "" {
				t.Fatal("entry without a key")
			}
			if a, err := EntryArticle(e, feed.Title); err == nil {
				checkArticle(t, a)
			} else if !errors.Is(err, ErrNoText) && !errors.Is(err, ErrBadID) {
				t.Fatalf("EntryArticle: unexpected error %v", err)
			}
		}
	})
}

// A feed's errors name its address without the query's values, at every hop
// of a redirect chain: feed services put access tokens there, and the error
// ends up in logs and in /feeds.
func TestFetchFeedErrorsHideQueryTokens(t *testing.T) {
	s := newTestSite(t)
	const token = "s3cr3t-feed-token"
	s.mux.HandleFunc("/feeds/private.rss", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/feeds/moved.rss?key="+r.URL.Query().Get("key"), http.StatusFound)
	})
	s.mux.HandleFunc("/feeds/moved.rss", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/feeds/private.rss?key="+r.URL.Query().Get("key"), http.StatusFound)
	})
	s.mux.HandleFunc("/feeds/to-ftp.rss", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example/feed?key="+token, http.StatusFound)
	})
	f := localFetcher(FetchOptions{})
	for _, tc := range []struct {
		path string
		want error
	}{
		{"/feeds/private.rss?key=" + token, ErrRedirectLoop},
		{"/feeds/to-ftp.rss", ErrBadURL},
	} {
		_, err := f.FetchFeed(context.Background(), FeedRequest{URL: s.URL(tc.path)})
		if !errors.Is(err, tc.want) {
			t.Fatalf("%s: error %v, want %v", tc.path, err, tc.want)
		}
		if strings.Contains(err.Error(), token) || !strings.Contains(err.Error(), "key=xxxxx") {
			t.Errorf("%s: error %q shows the token, or no longer names the query key", tc.path, err)
		}
	}
	if _, err := f.FetchFeed(context.Background(), FeedRequest{URL: "http://[fe80::1%25eth0]/rss?key=" + token}); err == nil || strings.Contains(err.Error(), token) {
		t.Errorf("zoned feed address: error %v, want a refusal without the token", err)
	}
}
