package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

// feedStateFile is the poller's memory, next to the index snapshot.
const feedStateFile = "feeds.json"

const (
	feedStateVersion = 1
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

// Errors the URL ingester returns.
var (
	errAlreadyIndexed = errors.New("already in the coverage")
	errTooOld         = errors.New("older than the retention period")
	errReadOnly       = errors.New("this process only reads the shared index; add articles on the process that writes it")
)

// FeedState is what the poller remembers between polls and across
// restarts: per feed, the validators for conditional GETs, its health and
// the entries already handled; and the articles ingested by URL. It is
// kept as JSON in the index directory.
type FeedState struct {
	Version int                    `json:"version"`
	Feeds   map[string]*FeedRecord `json:"feeds"`
	// URLs are the articles ingested by address (`ingest URL`, /ingest), by
	// article id.
	URLs map[string]URLRecord `json:"urls,omitempty"`
}

// FeedRecord is one feed's state.
type FeedRecord struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastAttempt  time.Time `json:"last_attempt,omitzero"`
	LastSuccess  time.Time `json:"last_success,omitzero"`
	LastError    string    `json:"last_error,omitempty"`
	// Failures counts failed polls since the last success; it sets the
	// backoff.
	Failures int       `json:"failures,omitempty"`
	NextPoll time.Time `json:"next_poll,omitzero"`
	// Entries are the entries handled, by source.FeedEntry.Key.
	Entries map[string]*EntryRecord `json:"entries,omitempty"`
}

// EntryRecord is what became of one feed entry.
type EntryRecord struct {
	Link string `json:"link,omitempty"`
	// ArticleID is the article the entry became, or the article it
	// duplicates.
	ArticleID string `json:"article_id,omitempty"`
	// URL is the article's canonical URL.
	URL         string `json:"url,omitempty"`
	ContentHash string `json:"content_hash,omitempty"`
	// Fingerprint changes when the entry does (title, dates, content); a
	// changed entry is fetched again.
	Fingerprint string    `json:"fingerprint"`
	FirstSeen   time.Time `json:"first_seen"`
	LastSeen    time.Time `json:"last_seen"`
	// Duplicate is set when the entry is a story already stored under
	// ArticleID (same canonical URL or same text).
	Duplicate bool `json:"duplicate,omitempty"`
	// FromFeed is set when the article was made from the feed's text
	// because its page could not be fetched (PageError says why).
	FromFeed  bool   `json:"from_feed,omitempty"`
	PageError string `json:"page_error,omitempty"`
	PageTries int    `json:"page_tries,omitempty"`
	// Skipped says why the entry was not ingested, when it was not.
	Skipped string `json:"skipped,omitempty"`
}

// URLRecord is an article ingested by address.
type URLRecord struct {
	URL         string    `json:"url"`
	ContentHash string    `json:"content_hash"`
	Added       time.Time `json:"added"`
}

// FeedStatus is a feed's health, for `coveragebot feeds` and /feeds.
type FeedStatus struct {
	URL         string // credentials redacted
	LastSuccess time.Time
	LastError   string
	// Articles counts the articles from this feed still in the index.
	Articles int
	Failures int
	NextPoll time.Time
}

// PollerOptions configure a Poller.
type PollerOptions struct {
	Feeds    []string
	Interval time.Duration
	// Retention, when set, keeps entries published before now-Retention
	// out of the index.
	Retention time.Duration
	// StatePath is the feeds.json file; "" keeps the state in memory.
	StatePath string
	Index     *search.Index
	Fetcher   *source.Fetcher
	Logger    *slog.Logger
	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// OnNew is told about articles that were not in the index before
	// (from feeds or URLs), for announcements. It is called in the
	// poll's goroutine, so it should hand the work off rather than block.
	OnNew func([]rag.ArticleInfo)
}

// Poller keeps the index up to date with RSS and Atom feeds and ingests
// single URLs. Polls are serialised; a URL can be ingested during a poll.
// Ingestion goes through Index.Ingest, which embeds outside the index's
// read lock, so answering never waits for a poll.
type Poller struct {
	opts PollerOptions
	log  *slog.Logger

	pollMu sync.Mutex // one poll at a time

	mu    sync.Mutex // guards state and the file
	state *FeedState
	// loaded is the file as last read or written, to notice another
	// process's writes.
	loaded fileVersion
}

type fileVersion struct {
	size    int64
	modTime time.Time
}

// NewPoller loads the saved state. A state file that cannot be read is set
// aside (renamed with a .corrupt suffix) and the poller starts afresh: the
// worst that costs is fetching entries again, which ingestion finds
// unchanged.
func NewPoller(opts PollerOptions) (*Poller, error) {
	if opts.Index == nil || opts.Fetcher == nil {
		return nil, errors.New("poller: needs an index and a fetcher")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Interval <= 0 {
		opts.Interval = 15 * time.Minute
	}
	p := &Poller{opts: opts, log: opts.Logger.With("component", "feeds"), state: newFeedState()}
	if opts.StatePath == "" {
		return p, nil
	}
	st, ver, err := readFeedState(opts.StatePath)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		aside := opts.StatePath + ".corrupt"
		if rerr := os.Rename(opts.StatePath, aside); rerr != nil {
			return nil, fmt.Errorf("poller: %w (and could not move it aside: %v)", err, rerr)
		}
		p.log.Error("feed state unreadable; starting afresh", "err", err, "moved_to", aside)
	default:
		p.state, p.loaded = st, ver
	}
	return p, nil
}

func newFeedState() *FeedState {
	return &FeedState{Version: feedStateVersion, Feeds: map[string]*FeedRecord{}, URLs: map[string]URLRecord{}}
}

func readFeedState(path string) (*FeedState, fileVersion, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fileVersion{}, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fileVersion{}, err
	}
	st := newFeedState()
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fileVersion{}, fmt.Errorf("read %s: %w", path, err)
	}
	if st.Version != feedStateVersion {
		return nil, fileVersion{}, fmt.Errorf("read %s: version %d, want %d", path, st.Version, feedStateVersion)
	}
	if st.Feeds == nil {
		st.Feeds = map[string]*FeedRecord{}
	}
	if st.URLs == nil {
		st.URLs = map[string]URLRecord{}
	}
	for u, r := range st.Feeds {
		if r == nil {
			delete(st.Feeds, u)
		}
	}
	return st, fileVersion{size: fi.Size(), modTime: fi.ModTime()}, nil
}

// update changes the state and saves it. Another process (a CLI run next
// to serve) may have written the file since; its version is taken first,
// so that the two lose as little of each other's work as they can without
// a lock.
func (p *Poller) update(fn func(st *FeedState)) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.opts.StatePath != "" {
		if fi, err := os.Stat(p.opts.StatePath); err == nil && (fi.Size() != p.loaded.size || !fi.ModTime().Equal(p.loaded.modTime)) {
			if st, ver, err := readFeedState(p.opts.StatePath); err == nil {
				p.state, p.loaded = st, ver
			}
		}
	}
	fn(p.state)
	if p.opts.StatePath == "" {
		return nil
	}
	data, err := json.MarshalIndent(p.state, "", "  ")
	if err != nil {
		return fmt.Errorf("save feed state: %w", err)
	}
	if err := writeFileAtomic(p.opts.StatePath, append(data, '\n')); err != nil {
		return fmt.Errorf("save feed state: %w", err)
	}
	if fi, err := os.Stat(p.opts.StatePath); err == nil {
		p.loaded = fileVersion{size: fi.Size(), modTime: fi.ModTime()}
	}
	return nil
}

// view reads the state.
func (p *Poller) view(fn func(st *FeedState)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fn(p.state)
}

// writeFileAtomic replaces path with data so that a crash leaves either the
// old file or the new one: a temporary file, synced, renamed over it, and
// the directory synced.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // not every file system can sync a directory
		d.Close()
	}
	return nil
}

// PollReport says what one poll did.
type PollReport struct {
	Feeds []FeedPoll
	// Ingest is the ingestion of the poll's batch (zero when there was
	// nothing to ingest).
	Ingest search.IngestReport
	// New lists the articles that were not in the index before.
	New []rag.ArticleInfo
	// Removed counts articles replaced by a better version under another
	// id (a page fetched after its feed text was used).
	Removed int
}

// FeedPoll is what happened to one feed in a poll.
type FeedPoll struct {
	URL         string // credentials redacted
	NotModified bool
	Entries     int // entries in the feed
	Known       int // unchanged entries, not fetched again
	Fetched     int // pages fetched
	Ingested    int // articles handed to the index (new or changed)
	Duplicates  int
	FromFeed    int // made from the feed's text: the page failed
	Skipped     int
	Err         error
}

// PollOnce polls the feeds that are due: never polled, or whose next poll
// time (after success or backoff) has come.
func (p *Poller) PollOnce(ctx context.Context) (PollReport, error) { return p.poll(ctx, false) }

// PollAll polls every feed now, whatever its schedule (`ingest --feeds`).
func (p *Poller) PollAll(ctx context.Context) (PollReport, error) { return p.poll(ctx, true) }

// NextDue returns when the next feed is due; the zero time when a feed is
// due now or there are no feeds.
func (p *Poller) NextDue() time.Time {
	var next time.Time
	p.view(func(st *FeedState) {
		for i, u := range p.opts.Feeds {
			r := st.Feeds[u]
			if r == nil || r.NextPoll.IsZero() {
				next = time.Time{}
				return
			}
			if i == 0 || r.NextPoll.Before(next) {
				next = r.NextPoll
			}
		}
	})
	return next
}

// pollBatch is a poll's work in progress: the articles to ingest and what
// each feed's record becomes once they are in.
type pollBatch struct {
	articles []rag.Article
	byID     map[string]bool
	byHash   map[string]string // content hash → article id
	byLink   map[string]string // entry link → article id
	// replaced are articles to remove once their replacements are in.
	replaced []string
}

// knownArticles are the state's dedupe indexes, taken at the start of a
// poll.
type knownArticles struct {
	byHash map[string]string
	byLink map[string]string
	// owner is the feed URL each feed article came from, or urlOwner for
	// one an admin ingested by address. A file article has none.
	owner map[string]string
}

// urlOwner owns the articles ingested by address (/ingest, ingest --url).
const urlOwner = "/ingest"

func (p *Poller) poll(ctx context.Context, all bool) (PollReport, error) {
	p.pollMu.Lock()
	defer p.pollMu.Unlock()
	now := p.opts.Now()

	var due []string
	var known knownArticles
	records := map[string]FeedRecord{}
	p.view(func(st *FeedState) {
		known = indexState(st)
		for _, u := range p.opts.Feeds {
			r := st.Feeds[u]
			if r == nil {
				r = &FeedRecord{URL: u}
			}
			if all || r.NextPoll.IsZero() || !now.Before(r.NextPoll) {
				due = append(due, u)
				records[u] = cloneRecord(r)
			}
		}
	})

	var rep PollReport
	batch := &pollBatch{byID: map[string]bool{}, byHash: map[string]string{}, byLink: map[string]string{}}
	results := make([]feedResult, 0, len(due))
	for _, u := range due {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		res := p.pollFeed(ctx, records[u], known, batch, now)
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
		results = append(results, res)
		rep.Feeds = append(rep.Feeds, res.report)
	}

	var ingestErr error
	existed := map[string]bool{}
	if len(batch.articles) > 0 {
		for _, a := range batch.articles {
			_, existed[a.ID] = p.opts.Index.Article(a.ID)
		}
		rep.Ingest, ingestErr = p.opts.Index.Ingest(ctx, batch.articles, search.IngestOptions{})
		if ingestErr == nil {
			for _, id := range batch.replaced {
				if batch.byID[id] {
					continue
				}
				n, err := p.opts.Index.Remove(ctx, id)
				if err != nil {
					p.log.Warn("remove replaced article", "article", id, "err", err)
				}
				rep.Removed += n
			}
		}
	}

	var saveErr error
	if len(results) > 0 {
		saveErr = p.commit(results, ingestErr, now)
	}

	if ingestErr != nil {
		return rep, fmt.Errorf("ingest feed articles: %w", ingestErr)
	}
	for _, a := range batch.articles {
		if existed[a.ID] {
			continue
		}
		if info, ok := p.opts.Index.Article(a.ID); ok {
			rep.New = append(rep.New, info)
		}
	}
	p.announce(rep.New)
	if saveErr != nil {
		return rep, saveErr
	}
	return rep, nil
}

// commit records a poll's outcome in the feed state and saves it.
func (p *Poller) commit(results []feedResult, ingestErr error, now time.Time) error {
	return p.update(func(st *FeedState) {
		for _, res := range results {
			r := st.Feeds[res.record.URL]
			if r == nil {
				r = &FeedRecord{URL: res.record.URL}
				st.Feeds[res.record.URL] = r
			}
			switch {
			case res.err != nil:
				p.recordFailure(r, res.err, now)
			case ingestErr != nil && res.pending:
				// The entries did not get in: keep the old validators so
				// the next poll sees them again.
				p.recordFailure(r, fmt.Errorf("ingest: %w", ingestErr), now)
			default:
				p.recordSuccess(r, res, now)
			}
		}
	})
}

// feedResult is one feed's poll, to be committed to its record.
type feedResult struct {
	record FeedRecord // as it was at the start of the poll
	feed   source.Feed
	err    error
	// entries are the entry records to store (new and changed ones).
	entries map[string]*EntryRecord
	// seen are the keys of every entry in the feed.
	seen []string
	// pending is set when the feed put articles in the batch.
	pending bool
	report  FeedPoll
}

// pollFeed fetches one feed and works through its entries, adding articles
// to the batch.
func (p *Poller) pollFeed(ctx context.Context, rec FeedRecord, known knownArticles, batch *pollBatch, now time.Time) feedResult {
	res := feedResult{record: rec, entries: map[string]*EntryRecord{}, report: FeedPoll{URL: redactURL(rec.URL)}}
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
func (p *Poller) entryArticle(ctx context.Context, e source.FeedEntry, feedTitle string, er *EntryRecord, rep *FeedPoll) (rag.Article, bool) {
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
func (p *Poller) mayWrite(a rag.Article, feedURL string, old, er *EntryRecord, known knownArticles, rep *FeedPoll) bool {
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
		p.log.Warn("feed entry refused", "feed", redactURL(feedURL), "entry", redactURL(a.Source), "article", a.ID, "reason", "id taken by "+from)
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
func (p *Poller) recordSuccess(r *FeedRecord, res feedResult, now time.Time) {
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
func (p *Poller) recordFailure(r *FeedRecord, err error, now time.Time) {
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

func (p *Poller) announce(infos []rag.ArticleInfo) {
	if len(infos) == 0 {
		return
	}
	for _, a := range infos {
		p.log.Info("new article", "article", a.ID, "title", a.Title, "url", a.URL, "published", formatDate(a.Published))
	}
	if p.opts.OnNew != nil {
		p.opts.OnNew(infos)
	}
}

// IngestURL fetches one article page and ingests it. A page whose text is
// already in the index under another address is refused as a duplicate;
// the same address again updates the article when its page changed.
func (p *Poller) IngestURL(ctx context.Context, rawURL string) (rag.ArticleInfo, error) {
	a, err := p.opts.Fetcher.FetchArticle(ctx, rawURL)
	if err != nil {
		return rag.ArticleInfo{}, err
	}
	now := p.opts.Now()
	if p.opts.Retention > 0 && !a.Published.IsZero() && a.Published.Before(now.Add(-p.opts.Retention)) {
		return rag.ArticleInfo{}, fmt.Errorf("%w: “%s” was published on %s, and articles older than %s are not kept",
			errTooOld, a.Title, a.Published.Format(time.DateOnly), formatAge(p.opts.Retention))
	}
	hash := contentHash(a.Text)
	var dupOf string
	p.view(func(st *FeedState) { dupOf = indexState(st).byHash[hash] })
	if dupOf != "" && dupOf != a.ID {
		if info, ok := p.opts.Index.Article(dupOf); ok {
			return info, fmt.Errorf("%w as “%s” (%s)", errAlreadyIndexed, info.Title, info.ID)
		}
	}
	_, existed := p.opts.Index.Article(a.ID)
	rep, err := p.opts.Index.Ingest(ctx, []rag.Article{a}, search.IngestOptions{})
	if err != nil {
		return rag.ArticleInfo{}, fmt.Errorf("ingest %s: %w", a.ID, err)
	}
	if len(rep.Empty) > 0 {
		return rag.ArticleInfo{}, fmt.Errorf("ingest %s: %w: nothing was left of the page once boilerplate was removed", a.ID, source.ErrNoText)
	}
	info, ok := p.opts.Index.Article(a.ID)
	if !ok {
		return rag.ArticleInfo{}, fmt.Errorf("ingest %s: the article is not in the index afterwards", a.ID)
	}
	if err := p.update(func(st *FeedState) {
		st.URLs[a.ID] = URLRecord{URL: a.URL, ContentHash: hash, Added: now}
	}); err != nil {
		p.log.Warn("the article is in, but the feed state could not be saved", "article", a.ID, "err", err)
	}
	if !existed {
		p.announce([]rag.ArticleInfo{info})
	}
	return info, nil
}

// LiveArticle reports whether an article came from a feed or a URL rather
// than a file, so that pruning the files' articles keeps it: its source
// will not give it back.
func (p *Poller) LiveArticle() func(id string) bool {
	ids := map[string]bool{}
	p.view(func(st *FeedState) {
		for id := range st.URLs {
			ids[id] = true
		}
		for _, r := range st.Feeds {
			for _, e := range r.Entries {
				if e.ArticleID != "" && !e.Duplicate {
					ids[e.ArticleID] = true
				}
			}
		}
	})
	return func(id string) bool { return ids[id] }
}

// Status lists the configured feeds with their health, in configured
// order.
func (p *Poller) Status() []FeedStatus {
	out := make([]FeedStatus, 0, len(p.opts.Feeds))
	p.view(func(st *FeedState) {
		for _, u := range p.opts.Feeds {
			s := FeedStatus{URL: redactURL(u)}
			if r := st.Feeds[u]; r != nil {
				s.LastSuccess, s.LastError, s.Failures, s.NextPoll = r.LastSuccess, r.LastError, r.Failures, r.NextPoll
				seen := map[string]bool{}
				for _, e := range r.Entries {
					if e.ArticleID == "" || e.Duplicate || seen[e.ArticleID] {
						continue
					}
					seen[e.ArticleID] = true
					if _, ok := p.opts.Index.Article(e.ArticleID); ok {
						s.Articles++
					}
				}
			}
			out = append(out, s)
		}
	})
	return out
}

// indexState builds the dedupe indexes over every feed's entries and the
// URL-ingested articles.
func indexState(st *FeedState) knownArticles {
	k := knownArticles{byHash: map[string]string{}, byLink: map[string]string{}, owner: map[string]string{}}
	for feedURL, r := range st.Feeds {
		for _, e := range r.Entries {
			if e.ArticleID == "" || e.Duplicate {
				continue
			}
			// Two feeds claiming one id is a state from before ids kept
			// the port; the smaller URL wins, so the answer is stable.
			if o, ok := k.owner[e.ArticleID]; !ok || feedURL < o {
				k.owner[e.ArticleID] = feedURL
			}
			if e.ContentHash != "" {
				k.byHash[e.ContentHash] = e.ArticleID
			}
			if e.Link != "" {
				k.byLink[source.StripTracking(e.Link)] = e.ArticleID
			}
		}
	}
	for id, u := range st.URLs {
		if u.ContentHash != "" {
			k.byHash[u.ContentHash] = id
		}
		k.owner[id] = urlOwner
	}
	return k
}

func cloneRecord(r *FeedRecord) FeedRecord {
	c := *r
	c.Entries = make(map[string]*EntryRecord, len(r.Entries))
	for k, e := range r.Entries {
		ec := *e
		c.Entries[k] = &ec
	}
	return c
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

// redactURL hides a URL's credentials.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Redacted()
}

// formatAge writes a retention period as people say it.
func formatAge(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		days := int(d / (24 * time.Hour))
		if days == 1 {
			return "1 day"
		}
		return fmt.Sprintf("%d days", days)
	}
	return d.String()
}

// newFetcher builds the fetcher the settings describe.
func newFetcher(cfg config.Config) *source.Fetcher {
	return source.NewFetcher(source.FetchOptions{
		UserAgent:    cfg.Feeds.UserAgent,
		Timeout:      cfg.Feeds.FetchTimeout,
		MaxBytes:     cfg.Feeds.MaxPageBytes,
		AllowPrivate: cfg.Feeds.AllowPrivateURLs,
	})
}

// newPoller builds the poller for the index in cfg.Index.Dir.
func newPoller(cfg config.Config, idx *search.Index, logger *slog.Logger, onNew func([]rag.ArticleInfo)) (*Poller, error) {
	return NewPoller(PollerOptions{
		Feeds:     slices.Clone(cfg.Feeds.URLs),
		Interval:  cfg.Feeds.Interval,
		Retention: cfg.Index.Retention,
		StatePath: filepath.Join(cfg.Index.Dir, feedStateFile),
		Index:     idx,
		Fetcher:   newFetcher(cfg),
		Logger:    logger,
		OnNew:     onNew,
	})
}

// IngestURL fetches an article page and adds it to the coverage: the admin
// /ingest and `coveragebot ingest URL`. Errors are fit to show the admin.
func (a *App) IngestURL(ctx context.Context, rawURL string) (rag.ArticleInfo, error) {
	if a.live == nil {
		return rag.ArticleInfo{}, errReadOnly
	}
	return a.live.IngestURL(ctx, rawURL)
}

// Feeds lists the configured feeds with their last success, last error and
// article count, for /feeds.
func (a *App) Feeds() []FeedStatus {
	if a.live == nil {
		return nil
	}
	return a.live.Status()
}

// newArticles hands articles new to the index to the bot, which announces
// them when an announcement channel is set (without waiting for Discord),
// and to onNewArticles; the poller has logged them.
func (a *App) newArticles(infos []rag.ArticleInfo) {
	if b := a.bot.Load(); b != nil {
		b.Announce(infos)
	}
	if a.onNewArticles != nil {
		a.onNewArticles(infos)
	}
}

// minLiveWait keeps the live loop from spinning when a feed is due at once
// again (a poll cut short).
const minLiveWait = 10 * time.Second

// liveLoop polls the feeds when they are due and applies the retention
// period, until ctx ends. Polls ingest through the index, which keeps
// answering while they embed.
func (a *App) liveLoop(ctx context.Context) {
	feeds := len(a.cfg.Feeds.URLs) > 0
	interval := a.cfg.Feeds.Interval
	for {
		if feeds {
			rep, err := a.live.PollOnce(ctx)
			switch {
			case ctx.Err() != nil:
				return
			case err != nil:
				a.log.Error("feed poll", "err", err)
			case len(rep.Feeds) > 0:
				failed := 0
				for _, f := range rep.Feeds {
					if f.Err != nil {
						failed++
					}
				}
				a.log.Info("feeds polled", "feeds", len(rep.Feeds), "failed", failed, "new", len(rep.New),
					"updated", rep.Ingest.Updated, "passages", rep.Ingest.Passages)
			}
		}
		if r := a.cfg.Index.Retention; r > 0 {
			n, err := expireArticles(ctx, a.stack.index, r, time.Now())
			switch {
			case ctx.Err() != nil:
				return
			case err != nil:
				a.log.Error("retention", "err", err)
			case n > 0:
				a.log.Info("removed articles past the retention period", "articles", n, "retention", formatAge(r))
			}
		}
		wait := jitter(interval, 0.1)
		if feeds {
			wait = min(wait, max(time.Until(a.live.NextDue()), minLiveWait))
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// feedsCmd is `coveragebot feeds`: the configured feeds and their health,
// from the state the last polls left.
type feedsCmd struct{ noFlags }

func (*feedsCmd) run(_ context.Context, inv *invocation) error {
	w := inv.stdout()
	if len(inv.cfg.Feeds.URLs) == 0 {
		fmt.Fprintln(w, "No feeds configured: set COVERAGEBOT_FEEDS (or feeds: in the config file).")
		return nil
	}
	st, err := openStack(inv.cfg, inv.logger, stackOptions{})
	if err != nil {
		return err
	}
	p, err := newPoller(inv.cfg, st.index, inv.logger, nil)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FEED\tLAST SUCCESS\tARTICLES\tNEXT POLL\tLAST ERROR")
	for _, f := range p.Status() {
		lastErr := "-"
		if f.LastError != "" {
			lastErr = fmt.Sprintf("%s (%d in a row)", oneLineText(f.LastError, 120), f.Failures)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", f.URL, timeOrDash(f.LastSuccess), f.Articles, timeOrDash(f.NextPoll), lastErr)
	}
	return tw.Flush()
}

func timeOrDash(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// oneLineText keeps an error message to one short line for a table.
func oneLineText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
