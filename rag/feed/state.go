package feed

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/coveragebot/coveragebot/internal/atomicfile"
	"github.com/coveragebot/coveragebot/rag/source"
)

// StateFile is the poller's memory, next to the index snapshot.
const StateFile = "feeds.json"

const stateVersion = 1

// State is what the poller remembers between polls and across
// restarts: per feed, the validators for conditional GETs, its health and
// the entries already handled; and the articles ingested by URL. It is
// kept as JSON in the index directory.
type State struct {
	Version int                `json:"version"`
	Feeds   map[string]*Record `json:"feeds"`
	// URLs are the articles ingested by address (`ingest URL`, /ingest), by
	// article id.
	URLs map[string]URLRecord `json:"urls,omitempty"`
}

// Record is one feed's state.
type Record struct {
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

type fileVersion struct {
	size    int64
	modTime time.Time
}

func newState() *State {
	return &State{Version: stateVersion, Feeds: map[string]*Record{}, URLs: map[string]URLRecord{}}
}

func readState(path string) (*State, fileVersion, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fileVersion{}, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fileVersion{}, err
	}
	st := newState()
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fileVersion{}, fmt.Errorf("read %s: %w", path, err)
	}
	if st.Version != stateVersion {
		return nil, fileVersion{}, fmt.Errorf("read %s: version %d, want %d", path, st.Version, stateVersion)
	}
	if st.Feeds == nil {
		st.Feeds = map[string]*Record{}
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
func (p *Poller) update(fn func(st *State)) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.opts.StatePath != "" {
		if fi, err := os.Stat(p.opts.StatePath); err == nil && (fi.Size() != p.loaded.size || !fi.ModTime().Equal(p.loaded.modTime)) {
			if st, ver, err := readState(p.opts.StatePath); err == nil {
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
	if err := atomicfile.WriteFile(p.opts.StatePath, append(data, '\n')); err != nil {
		return fmt.Errorf("save feed state: %w", err)
	}
	if fi, err := os.Stat(p.opts.StatePath); err == nil {
		p.loaded = fileVersion{size: fi.Size(), modTime: fi.ModTime()}
	}
	return nil
}

// view reads the state.
func (p *Poller) view(fn func(st *State)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fn(p.state)
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

// indexState builds the dedupe indexes over every feed's entries and the
// URL-ingested articles.
func indexState(st *State) knownArticles {
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

func cloneRecord(r *Record) Record {
	c := *r
	c.Entries = make(map[string]*EntryRecord, len(r.Entries))
	for k, e := range r.Entries {
		ec := *e
		c.Entries[k] = &ec
	}
	return c
}
