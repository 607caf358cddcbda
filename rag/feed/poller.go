package feed

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"

	"github.com/coveragebot/coveragebot/internal/redact"
)

// Status is a feed's health, for `coveragebot feeds` and /feeds.
type Status struct {
	URL         string // credentials redacted
	LastSuccess time.Time
	LastError   string
	// Articles counts the articles from this feed still in the index.
	Articles int
	Failures int
	NextPoll time.Time
}

// Options configure a Poller.
type Options struct {
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
	opts Options
	log  *slog.Logger

	pollMu sync.Mutex // one poll at a time

	mu    sync.Mutex // guards state and the file
	state *State
	// loaded is the file as last read or written, to notice another
	// process's writes.
	loaded fileVersion
}

// NewPoller loads the saved state. A state file that cannot be read is set
// aside (renamed with a .corrupt suffix) and the poller starts afresh: the
// worst that costs is fetching entries again, which ingestion finds
// unchanged.
func NewPoller(opts Options) (*Poller, error) {
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
	p := &Poller{opts: opts, log: opts.Logger.With("component", "feeds"), state: newState()}
	if opts.StatePath == "" {
		return p, nil
	}
	st, ver, err := readState(opts.StatePath)
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

// Report says what one poll did.
type Report struct {
	Feeds []Result
	// Ingest is the ingestion of the poll's batch (zero when there was
	// nothing to ingest).
	Ingest search.IngestReport
	// New lists the articles that were not in the index before.
	New []rag.ArticleInfo
	// Removed counts articles replaced by a better version under another
	// id (a page fetched after its feed text was used).
	Removed int
}

// Result is what happened to one feed in a poll.
type Result struct {
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
func (p *Poller) PollOnce(ctx context.Context) (Report, error) { return p.poll(ctx, false) }

// PollAll polls every feed now, whatever its schedule (`ingest --feeds`).
func (p *Poller) PollAll(ctx context.Context) (Report, error) { return p.poll(ctx, true) }

// NextDue returns when the next feed is due; the zero time when a feed is
// due now or there are no feeds.
func (p *Poller) NextDue() time.Time {
	var next time.Time
	p.view(func(st *State) {
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

func (p *Poller) poll(ctx context.Context, all bool) (Report, error) {
	p.pollMu.Lock()
	defer p.pollMu.Unlock()
	now := p.opts.Now()

	var due []string
	var known knownArticles
	records := map[string]Record{}
	p.view(func(st *State) {
		known = indexState(st)
		for _, u := range p.opts.Feeds {
			r := st.Feeds[u]
			if r == nil {
				r = &Record{URL: u}
			}
			if all || r.NextPoll.IsZero() || !now.Before(r.NextPoll) {
				due = append(due, u)
				records[u] = cloneRecord(r)
			}
		}
	})

	var rep Report
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
	return p.update(func(st *State) {
		for _, res := range results {
			r := st.Feeds[res.record.URL]
			if r == nil {
				r = &Record{URL: res.record.URL}
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
	record Record // as it was at the start of the poll
	feed   source.Feed
	err    error
	// entries are the entry records to store (new and changed ones).
	entries map[string]*EntryRecord
	// seen are the keys of every entry in the feed.
	seen []string
	// pending is set when the feed put articles in the batch.
	pending bool
	report  Result
}

func (p *Poller) announce(infos []rag.ArticleInfo) {
	if len(infos) == 0 {
		return
	}
	for _, a := range infos {
		published := ""
		if !a.Published.IsZero() {
			published = a.Published.UTC().Format(time.DateOnly)
		}
		p.log.Info("new article", "article", a.ID, "title", a.Title, "url", a.URL, "published", published)
	}
	if p.opts.OnNew != nil {
		p.opts.OnNew(infos)
	}
}

// Status lists the configured feeds with their health, in configured
// order.
func (p *Poller) Status() []Status {
	out := make([]Status, 0, len(p.opts.Feeds))
	p.view(func(st *State) {
		for _, u := range p.opts.Feeds {
			s := Status{URL: redactURL(u)}
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

// redactURL hides what a feed URL may hold of secrets: the password of
// its userinfo and its query values (feed services put access tokens
// there). Status, reports and logs show feed URLs through it.
func redactURL(raw string) string { return redact.Query(raw) }
