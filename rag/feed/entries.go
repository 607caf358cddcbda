package feed

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/source"

	"github.com/coveragebot/coveragebot/internal/redact"
)

const (
	// maxPageTries is how many polls retry the full page of an entry that
	// was ingested from the feed's own text.
	maxPageTries = 3
	// entryMemory is how long an entry that has left its feed is
	// remembered; while remembered, it is never fetched again.
	entryMemory = 90 * 24 * time.Hour
	// maxBackoff bounds the wait after repeated failures (unless the
	// interval itself is longer).
	maxBackoff = 6 * time.Hour
)

// pollFeed fetches one feed and works through its entries, adding articles
// to the batch.
func (p *Poller) pollFeed(ctx context.Context, rec Record, known knownArticles, batch *pollBatch, now time.Time) feedResult {
	res := feedResult{record: rec, entries: map[string]*EntryRecord{}, report: Result{URL: redactURL(rec.URL)}}
	feed, err := p.opts.Fetcher.FetchFeed(ctx, source.FeedRequest{URL: rec.URL, ETag: rec.ETag, LastModified: rec.LastModified})
	if err != nil {
		res.err, res.report.Err = err, err
		p.log.Warn("feed poll failed", "feed", redactURL(rec.URL), "failures", rec.Failures+1, "err", err)
		return res
	}
	res.feed = feed
	if feed.NotModified {
		res.report.NotModified = true
		return res
	}
	res.report.Entries = len(feed.Entries)
	var cutoff time.Time
	if p.opts.Retention > 0 {
		cutoff = now.Add(-p.opts.Retention)
	}
	inFeed := map[string]bool{}
	for _, e := range feed.Entries {
		if ctx.Err() != nil {
			return res
		}
		key := e.Key()
		if inFeed[key] {
			res.report.Duplicates++ // the same entry twice in one feed
			continue
		}
		inFeed[key] = true
		res.seen = append(res.seen, key)
		fp := entryFingerprint(e)
		old := rec.Entries[key]
		if old != nil && old.Fingerprint == fp && !(old.FromFeed && old.PageTries < maxPageTries) {
			res.report.Known++
			continue
		}
		er := &EntryRecord{Link: e.Link, Fingerprint: fp, FirstSeen: now, LastSeen: now}
		if old != nil {
			er.FirstSeen, er.PageTries = old.FirstSeen, old.PageTries
		}
		res.entries[key] = er

		// A new entry whose link (tracking parameters aside) is already an
		// article (another GUID for the same story, or the same story in
		// another feed) is not fetched again.
		link := source.StripTracking(e.Link)
		if old == nil && e.Link != "" {
			if id, ok := batch.byLink[link]; ok {
				er.ArticleID, er.Duplicate = id, true
				res.report.Duplicates++
				continue
			}
			if id, ok := known.byLink[link]; ok {
				er.ArticleID, er.Duplicate = id, true
				res.report.Duplicates++
				continue
			}
		}

		a, ok := p.entryArticle(ctx, e, feed.Title, er, &res.report)
		if !ok {
			continue
		}
		if !p.mayWrite(a, rec.URL, old, er, known, &res.report) {
			continue
		}
		hash := contentHash(a.Text)
		er.ArticleID, er.URL, er.ContentHash = a.ID, a.URL, hash
		if e.Link != "" {
			batch.byLink[link] = a.ID
		}
		switch {
		case batch.byID[a.ID]:
			er.Duplicate = true
			res.report.Duplicates++
			continue
		case batch.byHash[hash] != "" && batch.byHash[hash] != a.ID:
			er.ArticleID, er.Duplicate = batch.byHash[hash], true
			res.report.Duplicates++
			continue
		case known.byHash[hash] != "" && known.byHash[hash] != a.ID:
			er.ArticleID, er.Duplicate = known.byHash[hash], true
			res.report.Duplicates++
			continue
		}
		if !cutoff.IsZero() && !a.Published.IsZero() && a.Published.Before(cutoff) {
			er.Skipped = "published " + a.Published.Format(time.DateOnly) + ", before the retention period"
			res.report.Skipped++
			continue
		}
		if old != nil && old.ArticleID != "" && old.ArticleID != a.ID && !old.Duplicate {
			batch.replaced = append(batch.replaced, old.ArticleID)
		}
		batch.articles = append(batch.articles, a)
		batch.byID[a.ID] = true
		batch.byHash[hash] = a.ID
		res.pending = true
		res.report.Ingested++
		if er.FromFeed {
			res.report.FromFeed++
		}
	}
	return res
}

// entryArticle fetches the entry's page; when that fails for a reason
// other than the address policy, it falls back on the feed's own text and
// marks the entry. ok is false when the entry gives no article.
func (p *Poller) entryArticle(ctx context.Context, e source.FeedEntry, feedTitle string, er *EntryRecord, rep *Result) (rag.Article, bool) {
	var pageErr error
	if e.Link != "" {
		rep.Fetched++
		a, err := p.opts.Fetcher.FetchArticle(ctx, e.Link)
		if err == nil {
			// The page wins; the entry fills what the page leaves out.
			if a.Published.IsZero() {
				a.Published = e.Published
			}
			if len(a.Authors) == 0 {
				a.Authors = e.Authors
			}
			er.FromFeed, er.PageError, er.PageTries = false, "", 0
			return a, true
		}
		if ctx.Err() != nil {
			return rag.Article{}, false
		}
		if errors.Is(err, source.ErrBlockedAddress) || errors.Is(err, source.ErrBadURL) {
			// Refused for safety: the entry's text is not used either, so
			// a feed cannot smuggle in what its link may not fetch.
			er.Skipped = err.Error()
			rep.Skipped++
			p.log.Warn("feed entry refused", "entry", e.Link, "err", err)
			return rag.Article{}, false
		}
		pageErr = err
	} else {
		pageErr = errors.New("the entry has no link")
	}
	a, err := source.EntryArticle(e, feedTitle)
	if err != nil {
		er.Skipped = fmt.Sprintf("page: %v; feed text: %v", pageErr, err)
		rep.Skipped++
		return rag.Article{}, false
	}
	er.FromFeed, er.PageError = true, pageErr.Error()
	er.PageTries++
	p.log.Warn("ingesting the feed's text: the page could not be fetched", "entry", e.Link, "err", pageErr)
	return a, true
}

// mayWrite decides whether the feed at feedURL may put a into the index,
// and records on er why not. An article id that is already taken is the
// feed's to update only when the feed put it there: a feed entry must not
// overwrite a file article, an article an admin ingested, or another
// feed's, whatever its link is made to look like. When the taken article
// has a's canonical URL, the entry is that story again and points at it;
// otherwise the entry is skipped. And a failed page fetch never replaces a
// body fetched from the page with the feed's own text: the article stays as
// it is, and the page is tried again at the next polls.
func (p *Poller) mayWrite(a rag.Article, feedURL string, old, er *EntryRecord, known knownArticles, rep *Result) bool {
	info, exists := p.opts.Index.Article(a.ID)
	if !exists {
		return true
	}
	owner, owned := known.owner[a.ID]
	if owner != feedURL {
		if info.URL != "" && info.URL == a.URL && !er.FromFeed {
			er.ArticleID, er.URL, er.Duplicate = a.ID, a.URL, true
			rep.Duplicates++
			return false
		}
		from := "a file"
		switch {
		case owner == urlOwner:
			from = "an address ingested by an admin"
		case owned:
			from = "another feed"
		}
		er.Skipped = fmt.Sprintf("its id %s is taken by an article from %s; a feed only updates its own", a.ID, from)
		er.FromFeed, er.PageError = false, ""
		rep.Skipped++
		p.log.Warn("feed entry refused", "feed", redactURL(feedURL), "entry", redact.URL(a.Source), "article", a.ID, "reason", "id taken by "+from)
		return false
	}
	if er.FromFeed && (old == nil || !old.FromFeed || old.Skipped != "" || old.ArticleID != a.ID) {
		// The article in the index was fetched from its page: keep it.
		// er stays FromFeed so that the page is tried again.
		er.ArticleID, er.URL = a.ID, info.URL
		if old != nil {
			er.ContentHash = old.ContentHash
		}
		er.Skipped = "the page could not be fetched; the article already in the index is kept, not replaced by the feed's text"
		rep.Skipped++
		return false
	}
	return true
}

// recordSuccess commits a successful poll to the feed's record.
func (p *Poller) recordSuccess(r *Record, res feedResult, now time.Time) {
	r.LastAttempt, r.LastSuccess = now, now
	r.LastError, r.Failures = "", 0
	r.NextPoll = now.Add(jitter(p.opts.Interval, 0.1))
	r.ETag, r.LastModified = res.feed.ETag, res.feed.LastModified
	if res.feed.NotModified {
		return
	}
	if r.Entries == nil {
		r.Entries = map[string]*EntryRecord{}
	}
	for k, e := range res.entries {
		r.Entries[k] = e
	}
	inFeed := make(map[string]bool, len(res.seen))
	for _, k := range res.seen {
		inFeed[k] = true
		if e := r.Entries[k]; e != nil {
			e.LastSeen = now
		}
	}
	for k, e := range r.Entries {
		if !inFeed[k] && now.Sub(e.LastSeen) > entryMemory {
			delete(r.Entries, k)
		}
	}
}

// recordFailure notes a failed poll and backs off: the wait doubles with
// each failure in a row, up to maxBackoff, with jitter so that feeds that
// failed together do not retry together.
func (p *Poller) recordFailure(r *Record, err error, now time.Time) {
	r.LastAttempt = now
	r.LastError = err.Error()
	r.Failures++
	wait := p.opts.Interval << min(r.Failures, 16)
	limit := max(maxBackoff, p.opts.Interval)
	if wait > limit || wait <= 0 {
		wait = limit
	}
	r.NextPoll = now.Add(jitter(wait, 0.2))
}

// jitter spreads d by up to ±frac.
func jitter(d time.Duration, frac float64) time.Duration {
	return time.Duration(float64(d) * (1 - frac + 2*frac*rand.Float64()))
}

// entryFingerprint changes when anything that makes up the entry's story
// changes.
func entryFingerprint(e source.FeedEntry) string {
	h := sha256.New()
	for _, s := range []string{e.Link, e.Title, e.Published.UTC().Format(time.RFC3339), e.Updated.UTC().Format(time.RFC3339), e.Content} {
		fmt.Fprintf(h, "%d:%s;", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// contentHash identifies an article's text regardless of case and spacing,
// so that the same story syndicated under two addresses is stored once.
func contentHash(text string) string {
	var b bytes.Buffer
	for _, w := range strings.Fields(strings.ToLower(text)) {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	sum := sha256.Sum256(b.Bytes())
	return hex.EncodeToString(sum[:16])
}
