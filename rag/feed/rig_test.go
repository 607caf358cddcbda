package feed

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakenews"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

// liveFixtures are the feeds and pages the fake news site serves.
const liveFixtures = "../source/testdata/live"

const testInterval = time.Hour

// liveRig is an index on disk with a poller over some feeds.
type liveRig struct {
	t      *testing.T
	dir    string
	index  *search.Index
	poller *Poller
	clock  *fakenews.Clock
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
		clock: fakenews.NewClock(time.Date(2025, 3, 16, 9, 0, 0, 0, time.UTC))}
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
	p, err := NewPoller(Options{
		Feeds: r.feeds, Interval: testInterval, Retention: r.retention,
		StatePath: filepath.Join(r.dir, StateFile),
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

func (r *liveRig) poll() Report {
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

func (r *liveRig) state() *State {
	r.t.Helper()
	st, _, err := readState(filepath.Join(r.dir, StateFile))
	if err != nil {
		r.t.Fatal(err)
	}
	return st
}

func (r *liveRig) status(feed string) Status {
	r.t.Helper()
	for _, s := range r.poller.Status() {
		if s.URL == feed {
			return s
		}
	}
	r.t.Fatalf("no status for %s", feed)
	return Status{}
}

// articleID is the id the fetcher gives a page of the test site.
func articleID(s *fakenews.Site, path string) string {
	a, err := source.EntryArticle(source.FeedEntry{Link: s.URL(path), Content: "x"}, "")
	if err != nil {
		panic(err)
	}
	return a.ID
}

func local() source.FetchOptions {
	return source.FetchOptions{AllowPrivate: true, Timeout: 5 * time.Second}
}
