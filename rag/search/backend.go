package search

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/coveragebot/coveragebot/rag"
)

// backend is where an Index keeps its passages: in process, with the
// snapshot file for persistence (snapshotBackend), or in a rag.Store
// (storeBackend). The catalog, the preparation of articles and the ranking
// are the Index's, the same for both; a backend says how the state is
// opened, read again when another process changed it, written, and
// searched. A third place for passages is a third backend, not a branch.
type backend interface {
	// open sets ix.st to the state the index starts from.
	open(ctx context.Context, ix *Index) error
	// reload replaces ix.st when another process has changed what the
	// backend holds since ix read it, and reports whether it did.
	reload(ctx context.Context, ix *Index) (bool, error)
	// write removes the articles removed and adds or replaces the
	// prepared ones, in the backend and in ix.st.
	write(ctx context.Context, ix *Index, pb preparedBatch, removed []string) error
	// searcher is what retrieval over the catalog st asks.
	searcher(st *indexState, tu retrievalTuning) searcher
	// vectors says why ix.st holds no vectors to export, or nil.
	vectors() error
}

// snapshotBackend keeps the passages in process, in chromem-go and the
// BM25 postings of the index's own state, and persists them to the
// snapshot file in Options.Dir (nowhere when Dir is empty).
type snapshotBackend struct{}

func (snapshotBackend) open(_ context.Context, ix *Index) error {
	e, dir := ix.embedder, ix.opts.Dir
	ix.st = newState(e.Name, e.Dimensions)
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("open index: %w", err)
	}
	if ix.opts.Fresh {
		if fi, err := os.Stat(ix.snapshotPath()); err == nil {
			ix.loaded = stampOf(fi) // so that ingestion does not load it back
		}
		return nil
	}
	st, stamp, err := loadSnapshot(ix.snapshotPath())
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("open index %s: %w", dir, err)
	}
	if err := checkEmbedder(st, e, dir); err != nil {
		return err
	}
	ix.st, ix.loaded = st, stamp
	return nil
}

func (snapshotBackend) reload(_ context.Context, ix *Index) (bool, error) {
	return ix.reloadSnapshot()
}

func (snapshotBackend) write(_ context.Context, ix *Index, pb preparedBatch, removed []string) error {
	ix.mu.Lock()
	for _, id := range removed {
		ix.st.removeArticle(id)
	}
	err := ix.st.apply(pb)
	ix.mu.Unlock()
	if err != nil {
		return err
	}
	return ix.saveLocked()
}

func (snapshotBackend) searcher(st *indexState, tu retrievalTuning) searcher {
	return newEngines(st, tu)
}

func (snapshotBackend) vectors() error { return nil }

// storeBackend keeps the passages in a rag.Store; the index keeps only the
// catalog, read from the store's Catalog and written through to it.
type storeBackend struct {
	store rag.Store
	// keywords sends keyword searches to the store (Options.KeywordsInStore).
	keywords bool
}

func (b storeBackend) open(ctx context.Context, ix *Index) error { return ix.openStore(ctx) }

func (b storeBackend) reload(ctx context.Context, ix *Index) (bool, error) {
	return ix.reloadStore(ctx)
}

func (b storeBackend) write(ctx context.Context, ix *Index, pb preparedBatch, removed []string) error {
	return ix.writeStore(ctx, pb, removed)
}

func (b storeBackend) searcher(st *indexState, tu retrievalTuning) searcher {
	if b.keywords {
		return b.store
	}
	return storeSearcher{store: b.store, local: newEngines(st, tu)}
}

// storeSearcher is what retrieval over a Store asks: the store for
// vectors, and the catalog's own BM25 postings for keywords. The catalog
// holds every passage's text anyway, and its postings cost a few hundred
// bytes a passage; a keyword search in Weaviate costs far more time than a
// search of them, since Weaviate reads every object it returns whole, an
// article's catalog record included (docs/SCALING.md, "Where the time
// went"). The scores are the in-process index's, whichever replica holds
// the vectors.
type storeSearcher struct {
	store rag.Store
	local engines
}

func (s storeSearcher) Name() string { return s.store.Name() }

func (s storeSearcher) VectorQuery(ctx context.Context, q rag.VectorQuery) ([]rag.Match, error) {
	return s.store.VectorQuery(ctx, q)
}

func (s storeSearcher) KeywordQuery(ctx context.Context, q rag.KeywordQuery) ([]rag.Match, error) {
	return s.local.KeywordQuery(ctx, q)
}

func (b storeBackend) vectors() error {
	return fmt.Errorf("the index is kept in the %s store, which holds its vectors", b.store.Name())
}
