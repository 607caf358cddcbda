package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/coveragebot/coveragebot/rag"
)

// ChromemStore is the in-process engines, chromem-go for vectors and the
// index's own BM25, behind the Store interface, in memory. The default
// index uses the same engines directly and persists them to its snapshot;
// this store is the reference the Store suite (rag/storetest) checks other
// backends against, and the quickest way to exercise an index kept in a
// Store.
type ChromemStore struct {
	mu      sync.RWMutex
	st      *indexState
	version uint64
}

// NewChromemStore returns an empty in-memory store.
func NewChromemStore() *ChromemStore {
	return &ChromemStore{st: newState("", 0)}
}

// Name implements Store.
func (s *ChromemStore) Name() string { return "chromem" }

// Close implements Store.
func (s *ChromemStore) Close() error { return nil }

// Put implements Store.
func (s *ChromemStore) Put(ctx context.Context, arts []rag.StoredArticle) error {
	var pb preparedBatch
	counter := newTermCounter()
	for _, a := range arts {
		pa := preparedFromStored(a, counter)
		if len(pa.vecs) != len(pa.passages) {
			return fmt.Errorf("put article %q: every passage needs a vector", a.Info.ID)
		}
		// The store keeps its own copy of each vector: apply normalises
		// in place.
		for i, v := range pa.vecs {
			pa.vecs[i] = slices.Clone(v)
		}
		pb.articles = append(pb.articles, pa)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(arts) > 0 && s.st.embedder == "" {
		s.st.embedder = arts[0].Embedder
	}
	if err := s.st.apply(pb); err != nil {
		return err
	}
	s.version++
	return nil
}

// Delete implements Store.
func (s *ChromemStore) Delete(ctx context.Context, ids []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		if s.st.removeArticle(id) {
			s.version++
		}
	}
	return nil
}

// Count implements Store.
func (s *ChromemStore) Count(context.Context) (int, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.st.byID), nil
}

// Version implements Store.
func (s *ChromemStore) Version(context.Context) (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return strconv.FormatUint(s.version, 10), nil
}

// Catalog implements Store.
func (s *ChromemStore) Catalog(ctx context.Context, fn func(rag.StoredArticle) error) error {
	s.mu.RLock()
	var arts []rag.StoredArticle
	for _, a := range s.st.articles {
		ps := make([]rag.Passage, 0, len(a.docs))
		for _, d := range a.docs {
			ps = append(ps, s.st.docs[d].Passage)
		}
		sa := storedFromRec(a, ps)
		sa.Embedder, sa.Dimensions = s.st.embedder, s.st.dims
		arts = append(arts, sa)
	}
	s.mu.RUnlock()
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// VectorQuery implements Store.
func (s *ChromemStore) VectorQuery(ctx context.Context, q rag.VectorQuery) ([]rag.Match, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.engines().VectorQuery(ctx, q)
}

// KeywordQuery implements Store.
func (s *ChromemStore) KeywordQuery(ctx context.Context, q rag.KeywordQuery) ([]rag.Match, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.engines().KeywordQuery(ctx, q)
}

func (s *ChromemStore) engines() engines { return newEngines(s.st, defaultTuning) }

// engines answers a Store's queries from the in-process engines of a state:
// chromem-go for vectors and the BM25 postings. Retrieval of an index kept
// in process asks them, under the index's read lock, exactly as it asks an
// external Store; ChromemStore asks them under its own lock. The BM25
// parameters are the tuning's, so that the quality ablations can vary them.
type engines struct {
	st        *indexState
	bm25      bm25Params
	titleOnce bool
}

func newEngines(st *indexState, tu retrievalTuning) engines {
	return engines{st: st, bm25: tu.bm25, titleOnce: tu.titleOnce}
}

func (e engines) Name() string { return "in-process" }

// VectorQuery implements searcher.
func (e engines) VectorQuery(ctx context.Context, q rag.VectorQuery) ([]rag.Match, error) {
	st := e.st
	if len(st.byID) == 0 || q.Limit <= 0 {
		return nil, nil
	}
	if st.dims != 0 && len(q.Vector) != st.dims {
		return nil, fmt.Errorf("query vector has %d dimensions, the store %d", len(q.Vector), st.dims)
	}
	vec := unitVector(slices.Clone(q.Vector))
	keep := st.filter(q.Filter)
	if len(q.Filter.PassageIDs) > 0 {
		// A few named passages: score them directly rather than scan the
		// collection for them.
		out := make([]rag.Match, 0, len(q.Filter.PassageIDs))
		for _, id := range q.Filter.PassageIDs {
			if d, ok := st.byID[id]; ok && keep(d) {
				out = append(out, rag.Match{ID: id, Score: float64(dot(vec, st.docs[d].vec))})
			}
		}
		slices.SortStableFunc(out, func(a, b rag.Match) int { return cmp.Compare(b.Score, a.Score) })
		return out[:min(len(out), q.Limit)], nil
	}
	articleID := ""
	if len(q.Filter.ArticleIDs) == 1 {
		articleID = q.Filter.ArticleIDs[0]
	}
	// The search filters as it goes: the first q.Limit it returns pass.
	docs, err := st.vectorSearch(ctx, vec, q.Limit, articleID, keep)
	if err != nil {
		return nil, err
	}
	out := make([]rag.Match, 0, min(len(docs), q.Limit))
	for _, d := range docs {
		if len(out) == q.Limit {
			break
		}
		if keep == nil || keep(d) { // the one-article search returns its passages unfiltered
			out = append(out, rag.Match{ID: st.docs[d].ID, Score: float64(dot(vec, st.docs[d].vec))})
		}
	}
	return out, nil
}

// KeywordQuery implements searcher.
func (e engines) KeywordQuery(ctx context.Context, q rag.KeywordQuery) ([]rag.Match, error) {
	st := e.st
	if q.Limit <= 0 || len(q.Terms) == 0 {
		return nil, nil
	}
	f := q.Filter
	if q.Articles {
		f.PassageIDs = nil
	}
	keep := st.filter(f)
	if !q.Articles && len(f.PassageIDs) > 0 {
		// A few named passages: score just them in one walk of the
		// postings.
		docs := make([]uint32, 0, len(f.PassageIDs))
		for _, id := range f.PassageIDs {
			if d, ok := st.byID[id]; ok && keep(d) {
				docs = append(docs, d)
			}
		}
		// Only the scores of docs are read, so the walk filters nothing.
		res := st.kw.searchWith(e.bm25, q.Terms, 1, nil, docs, nil, 0, false)
		out := make([]rag.Match, 0, len(docs))
		for i, d := range docs {
			if res.alsoPassages[i] > 0 {
				out = append(out, rag.Match{ID: st.docs[d].ID, Score: float64(res.alsoPassages[i])})
			}
		}
		slices.SortStableFunc(out, func(a, b rag.Match) int { return cmp.Compare(b.Score, a.Score) })
		return out[:min(len(out), q.Limit)], nil
	}
	if !q.Articles {
		res := st.kw.searchWith(e.bm25, q.Terms, q.Limit, keep, nil, nil, 0, false)
		out := make([]rag.Match, 0, len(res.passages))
		for _, h := range res.passages {
			out = append(out, rag.Match{ID: st.docs[h.doc].ID, Score: float64(h.score)})
		}
		return out, nil
	}
	g := st.kw.groups(st.describe)
	res := st.kw.searchWith(e.bm25, q.Terms, 1, keep, nil, g, q.Limit, e.titleOnce)
	out := make([]rag.Match, 0, len(res.articles))
	for _, a := range res.articles {
		out = append(out, rag.Match{ID: st.docs[a.best].ArticleID, Score: float64(a.score)})
	}
	return out, nil
}

// filter is keeper for a Filter; nil when it narrows nothing.
//
// A keyword query calls it on every passage that holds one of the
// question's terms, tens of thousands at 100k passages of news, so the
// articles and passages a filter names are turned into a set of document
// numbers once, rather than each passage's ids being looked up by string
// on every call (which took most of a filtered query's time).
func (st *indexState) filter(f rag.Filter) func(uint32) bool {
	if f.Since.IsZero() && f.Until.IsZero() && len(f.ArticleIDs) == 0 && len(f.PassageIDs) == 0 {
		return nil
	}
	var byDate func(uint32) bool
	if !f.Since.IsZero() || !f.Until.IsZero() {
		byDate = st.keeper(rag.RetrieveOptions{Since: f.Since, Until: f.Until})
	}
	named := st.namedDocs(f)
	return func(doc uint32) bool {
		if int(doc) >= len(st.docs) || st.docs[doc] == nil {
			return false
		}
		if named != nil && !named.has(doc) {
			return false
		}
		return byDate == nil || byDate(doc)
	}
}

// docSet is a set of document numbers, one bit each.
type docSet []uint64

func (s docSet) add(doc uint32) { s[doc/64] |= 1 << (doc % 64) }

func (s docSet) has(doc uint32) bool {
	return int(doc/64) < len(s) && s[doc/64]&(1<<(doc%64)) != 0
}

// namedDocs returns the passages f's ArticleIDs and PassageIDs allow (those
// of the named articles that are named passages too, when it names both),
// or nil when it names neither.
func (st *indexState) namedDocs(f rag.Filter) docSet {
	if len(f.ArticleIDs) == 0 && len(f.PassageIDs) == 0 {
		return nil
	}
	words := (len(st.docs) + 63) / 64
	var articles, passages docSet
	if len(f.ArticleIDs) > 0 {
		articles = make(docSet, words)
		for _, id := range f.ArticleIDs {
			if a, ok := st.articles[id]; ok {
				for _, d := range a.docs {
					articles.add(d)
				}
			}
		}
	}
	if len(f.PassageIDs) > 0 {
		passages = make(docSet, words)
		for _, id := range f.PassageIDs {
			if d, ok := st.byID[id]; ok {
				passages.add(d)
			}
		}
	}
	switch {
	case articles == nil:
		return passages
	case passages == nil:
		return articles
	}
	for i := range articles {
		articles[i] &= passages[i]
	}
	return articles
}
