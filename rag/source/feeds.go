package source

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/coveragebot/coveragebot/rag"

	"github.com/coveragebot/coveragebot/internal/redact"
)

// ErrNotFeed means a response is not an RSS, Atom or JSON feed.
var ErrNotFeed = errors.New("not an RSS or Atom feed")

// maxFeedEntries bounds the entries read from one feed; real feeds carry
// tens.
const maxFeedEntries = 500

// FeedRequest asks for a feed, with the validators of the last answer so
// that an unchanged feed costs a 304.
type FeedRequest struct {
	URL          string
	ETag         string
	LastModified string
}

// Feed is a fetched feed.
type Feed struct {
	// URL is where the feed was read, after redirects.
	URL   string
	Title string
	// NotModified is set when the server answered 304: nothing new, and
	// Entries is empty.
	NotModified bool
	// ETag and LastModified are the validators to send next time.
	ETag, LastModified string
	Entries            []FeedEntry
}

// FeedEntry is one item of a feed.
type FeedEntry struct {
	GUID  string
	Link  string // absolute http(s) URL, or "" when the entry has none
	Title string
	// Published is the entry's publication date, or its update date when
	// it gives none; zero when it gives neither.
	Published time.Time
	Updated   time.Time
	Authors   []string
	// Content is the entry's full content when the feed carries it, else
	// its summary; HTML or plain text, as the feed has it.
	Content string
}

// Key identifies the entry within its feed: its GUID, else its link, else
// a hash of its title and content.
func (e FeedEntry) Key() string {
	switch {
	case e.GUID != "":
		return "guid:" + e.GUID
	case e.Link != "":
		return "link:" + e.Link
	}
	sum := sha256.Sum256([]byte(e.Title + "\x00" + e.Content))
	return "hash:" + hex.EncodeToString(sum[:12])
}

// FetchFeed fetches and parses a feed with a conditional GET. It is bound by
// the same rules as FetchArticle (robots.txt, the address policy, redirects,
// size and time limits), except that any content type is tried: feeds are
// served under many.
func (f *Fetcher) FetchFeed(ctx context.Context, req FeedRequest) (Feed, error) {
	u, err := parseWebURL(req.URL, true)
	if err != nil {
		return Feed{}, err
	}
	// Feed URLs carry access tokens in their queries; errors (which end
	// up in logs and /feeds) show the query's keys only.
	shown := shortURL(redact.Query(u.String()))
	fctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	hdr := http.Header{}
	if req.ETag != "" {
		hdr.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hdr.Set("If-Modified-Since", req.LastModified)
	}
	res, err := f.get(fctx, u, getRequest{accept: acceptFeed, header: hdr, limit: f.opts.MaxBytes, show: redact.Query})
	if err == nil && res.status == http.StatusNotModified {
		return Feed{URL: res.url.String(), NotModified: true,
			ETag: firstNonEmpty(res.header.Get("ETag"), req.ETag), LastModified: firstNonEmpty(res.header.Get("Last-Modified"), req.LastModified)}, nil
	}
	if err == nil && (res.status < 200 || res.status > 299) {
		err = &StatusError{Code: res.status}
	}
	if err != nil {
		return Feed{}, fmt.Errorf("fetch feed %s: %w", shown, f.explain(ctx, fctx, err))
	}
	feed, err := ParseFeed(res.body, res.url.String())
	if err != nil {
		return Feed{}, fmt.Errorf("read feed %s: %w", shown, err)
	}
	feed.ETag = res.header.Get("ETag")
	feed.LastModified = res.header.Get("Last-Modified")
	return feed, nil
}

// ParseFeed reads an RSS, Atom or JSON feed with gofeed. Relative entry
// links are resolved against the feed's own link, else feedURL. Entries
// past the first 500 are dropped.
func ParseFeed(data []byte, feedURL string) (Feed, error) {
	parsed, err := parseGofeed(data)
	if err != nil {
		return Feed{}, err
	}
	base, _ := url.Parse(strings.TrimSpace(feedURL))
	if l := absoluteWebURL(parsed.Link, base); l != "" {
		base, _ = url.Parse(l)
	}
	feed := Feed{URL: feedURL, Title: oneLine(parsed.Title)}
	for _, it := range parsed.Items {
		if it == nil {
			continue
		}
		if len(feed.Entries) == maxFeedEntries {
			break
		}
		e := FeedEntry{
			GUID:    strings.TrimSpace(strings.ToValidUTF8(it.GUID, "")),
			Title:   oneLine(it.Title),
			Content: it.Content,
		}
		if strings.TrimSpace(e.Content) == "" {
			e.Content = it.Description
		}
		e.Content = strings.ToValidUTF8(e.Content, "\uFFFD")
		for _, l := range append([]string{it.Link}, it.Links...) {
			if e.Link = absoluteWebURL(l, base); e.Link != "" {
				break
			}
		}
		if it.UpdatedParsed != nil {
			e.Updated = it.UpdatedParsed.UTC()
		}
		switch {
		case it.PublishedParsed != nil:
			e.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			e.Published = e.Updated
		}
		for _, p := range it.Authors {
			if p != nil {
				e.Authors = append(e.Authors, p.Name)
			}
		}
		e.Authors = names(e.Authors)
		if e.GUID == "" && e.Link == "" && e.Title == "" && strings.TrimSpace(e.Content) == "" {
			continue
		}
		feed.Entries = append(feed.Entries, e)
	}
	return feed, nil
}

// parseGofeed runs gofeed; a panic in it costs the feed, not the process.
func parseGofeed(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("%w: the feed parser failed: %v", ErrNotFeed, r)
		}
	}()
	feed, err = gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	// gofeed takes any JSON object for a JSON Feed; one with nothing of a
	// feed in it is some other document.
	if feed.Title == "" && feed.Link == "" && len(feed.Items) == 0 {
		return nil, fmt.Errorf("%w: it has no title, link or entries", ErrNotFeed)
	}
	return feed, nil
}

// EntryArticle makes an article from a feed entry alone, for when the page
// it links to cannot be fetched: the entry's content (or summary) as the
// body, its title, authors and date. The id comes from the link as for a
// fetched page, so a later successful fetch replaces this article rather
// than adding a second one.
func EntryArticle(e FeedEntry, feedTitle string) (rag.Article, error) {
	a := rag.Article{
		Title:     e.Title,
		Authors:   e.Authors,
		Published: e.Published,
		Text:      entryText(e.Content),
	}
	if e.Link != "" {
		u, err := url.Parse(e.Link)
		if err != nil {
			return rag.Article{}, fmt.Errorf("entry link: %w", err)
		}
		a.URL = stripTracking(u)
		a.ID = idFromURL(a.URL)
		a.Outlet = outletFromURL(a.URL)
		a.Source = e.Link
	} else {
		a.ID = slugID("entry-"+e.Key(), e.Key())
		a.Source = e.Key()
	}
	if a.Outlet == "" {
		a.Outlet = feedTitle
	}
	if err := finishArticle(&a); err != nil {
		return rag.Article{}, err
	}
	return a, nil
}

// entryText turns an entry's content, HTML or plain text, into paragraphs.
func entryText(content string) string {
	if len(content) > MaxHTMLBytes {
		content = content[:MaxHTMLBytes]
	}
	doc, err := html.Parse(strings.NewReader(content))
	if err != nil {
		return content
	}
	body, _ := renderText(doc)
	return body
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
