package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sort"
	"sync"

	"github.com/philippgille/chromem-go"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// pipelineVersion changes whenever cleaning or chunking changes what an
// article turns into, so that incremental ingestion re-processes articles
// that an older pipeline indexed.
const pipelineVersion = "p2"

// Options configure an Index.
type Options struct {
	// Dir is where the snapshot lives. Empty means in memory only.
	Dir    string
	Chunk  prose.ChunkOptions
	Logger *slog.Logger
	// EmbedBatch is how many passages are handed to the embedder at once
	// (the remote embedder splits them again into requests). Default 256.
	EmbedBatch int
	// Fresh starts empty, ignoring the snapshot on disk (even a corrupt one
	// or one built by another embedder); the first save replaces it. This
	// is `ingest --rebuild`.
	Fresh bool
	// Store, when set, keeps the passages in an external store instead of
	// in process and on disk; Dir is then unused. See Store.
	Store rag.Store
	// KeywordsInStore, with a Store, sends keyword (BM25) searches to the
	// store too, and keeps only document frequencies in memory. By
	// default the catalog keeps BM25 postings and searches them in
	// process: about 0.7 KB a passage, and a store's keyword search
	// is much slower (docs/SCALING.md, "Where the time went").
	KeywordsInStore bool
}

// Index is the coverage index: every passage with its vector in a chromem-go
// collection, a BM25 keyword index over the same passages, and the articles
// they came from with the content hashes that make ingestion incremental.
// It is safe for concurrent use; retrieval never waits for embedding.
type Index struct {
	opts     Options
	embedder rag.Embedder
	logger   *slog.Logger

	// writeMu serialises ingestion within the process; the lock file
	// serialises it across processes.
	writeMu sync.Mutex

	mu sync.RWMutex
	st *indexState
	// loaded identifies the snapshot file the state came from, so Reload
	// can tell when another process has written a newer one.
	loaded fileStamp
	// unsaved is set when the state holds changes that a failed save (a
	// full disk) did not write. The next write saves them even if it
	// changes nothing itself: a retry of the same ingest finds its
	// articles unchanged and would otherwise leave them off the disk.
	unsaved bool
	// storeVersion is the Store's version the catalog was read at.
	storeVersion string
	// backend is where the passages live: in process with the snapshot
	// file, or in the Store of Options.
	backend backend
}

// indexState is everything a snapshot holds. It is replaced whole by
// Reload, and changed in place only under Index.mu.
type indexState struct {
	// db and coll are nil in the catalog of an index kept in a Store.
	db       *chromem.DB
	coll     *chromem.Collection
	dims     int
	embedder string
	docs     []*passageRec // by document number; nil when removed
	byID     map[string]uint32
	articles map[string]*articleRec
	kw       *keywordIndex
	// generation counts the snapshots written; readers report it.
	generation uint64
}

type passageRec struct {
	rag.Passage
	vec []float32 // nil in the catalog of an index kept in a Store
}

type articleRec struct {
	info rag.ArticleInfo
	// body is the clean article text. Every passage's text is a substring
	// of it, sharing its memory.
	body     string
	hash     string
	source   string
	authors  []string
	captions []string
	// quotes are the article's quotations (quote.Extract of the clean
	// article), found once at ingestion.
	quotes []rag.Quote
	docs   []uint32 // in passage order
}

// Open loads the index snapshot in opts.Dir, or starts an empty index when
// there is none. It refuses a snapshot built with another embedder
// (ErrEmbedderMismatch) and one it cannot read (ErrCorruptIndex); both
// errors say how to rebuild.
func Open(embedder rag.Embedder, opts Options) (*Index, error) {
	if embedder.Embed == nil {
		return nil, errors.New("open index: no embedder")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.EmbedBatch <= 0 {
		opts.EmbedBatch = 256
	}
	ix := &Index{opts: opts, embedder: embedder, logger: opts.Logger.With("component", "index"), backend: snapshotBackend{}}
	if opts.Store != nil {
		ix.opts.Dir = ""
		ix.backend = storeBackend{store: opts.Store, keywords: opts.KeywordsInStore}
	}
	if err := ix.backend.open(context.Background(), ix); err != nil {
		return nil, err
	}
	return ix, nil
}

func checkEmbedder(st *indexState, e rag.Embedder, dir string) error {
	if st.embedder == e.Name && (e.Dimensions == 0 || st.dims == 0 || st.dims == e.Dimensions) {
		return nil
	}
	return fmt.Errorf("%w: the index in %s was built with %q (%d dimensions) but the configured embedder is %q; "+
		"rebuild it with `coveragebot ingest --rebuild`, or set COVERAGEBOT_EMBED_MODEL back to what built it",
		rag.ErrEmbedderMismatch, dir, st.embedder, st.dims, e.Name)
}

func newState(embedder string, dims int) *indexState {
	db := chromem.NewDB()
	coll, err := db.CreateCollection("passages", nil, refuseEmbedding)
	if err != nil {
		// CreateCollection fails only for an empty name.
		panic(err)
	}
	return &indexState{
		db: db, coll: coll, dims: dims, embedder: embedder,
		byID: map[string]uint32{}, articles: map[string]*articleRec{}, kw: newKeywordIndex(),
	}
}

// refuseEmbedding is the collection's embedding function. The index always
// hands chromem-go vectors it made itself, in batches; chromem-go would
// otherwise embed one text per call.
func refuseEmbedding(context.Context, string) ([]float32, error) {
	return nil, errors.New("the index embeds passages itself")
}

func (ix *Index) snapshotPath() string { return filepath.Join(ix.opts.Dir, snapshotName) }

// Embedder returns the embedder the index was opened with.
func (ix *Index) Embedder() rag.Embedder { return ix.embedder }

// Count returns the number of passages in the index.
func (ix *Index) Count() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.st.byID)
}

// Generation returns the number of the snapshot the index holds.
func (ix *Index) Generation() uint64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.st.generation
}

// Articles lists the indexed articles, newest first; undated ones last.
func (ix *Index) Articles() []rag.ArticleInfo {
	ix.mu.RLock()
	out := make([]rag.ArticleInfo, 0, len(ix.st.articles))
	for _, a := range ix.st.articles {
		out = append(out, a.info)
	}
	ix.mu.RUnlock()
	sortArticles(out)
	return out
}

func sortArticles(out []rag.ArticleInfo) {
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Published.Equal(b.Published) {
			return a.ID < b.ID
		}
		if a.Published.IsZero() || b.Published.IsZero() {
			return b.Published.IsZero()
		}
		return a.Published.After(b.Published)
	})
}

// Article returns one article's description.
func (ix *Index) Article(id string) (rag.ArticleInfo, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	a, ok := ix.st.articles[id]
	if !ok {
		return rag.ArticleInfo{}, false
	}
	return a.info, true
}

// Passages returns an article's passages in order.
func (ix *Index) Passages(articleID string) ([]rag.Passage, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	a, ok := ix.st.articles[articleID]
	if !ok {
		return nil, fmt.Errorf("article %q: %w", articleID, rag.ErrNotFound)
	}
	out := make([]rag.Passage, 0, len(a.docs))
	for _, d := range a.docs {
		out = append(out, ix.st.docs[d].Passage)
	}
	return out, nil
}

// AllPassages calls fn for every passage, in article order (newest article
// first) and passage order; fn returning false stops the walk.
func (ix *Index) AllPassages(fn func(rag.Passage) bool) {
	infos := ix.Articles()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for _, info := range infos {
		a, ok := ix.st.articles[info.ID]
		if !ok {
			continue
		}
		for _, d := range a.docs {
			if !fn(ix.st.docs[d].Passage) {
				return
			}
		}
	}
}

// IDF returns the keyword index's inverse document frequency of a term (an
// output of Terms), 0 for a term no passage holds.
func (ix *Index) IDF(term string) float64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.st.kw.idf(term)
}
