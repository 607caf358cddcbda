package search

import (
	"context"
	"fmt"
	"slices"

	"github.com/coveragebot/coveragebot/rag"
)

// newCatalogState is the in-memory part of an index kept in a Store: the
// articles and passages without vectors, and their BM25 postings
// (storeSearcher), or only document frequencies when statsOnly.
func newCatalogState(embedder string, dims int, statsOnly bool) *indexState {
	kw := newKeywordIndex()
	kw.statsOnly = statsOnly
	return &indexState{
		dims: dims, embedder: embedder,
		byID: map[string]uint32{}, articles: map[string]*articleRec{}, kw: kw,
	}
}

// openStore reads the store's catalog.
func (ix *Index) openStore(ctx context.Context) error {
	st, version, err := ix.readCatalog(ctx)
	if err != nil {
		return err
	}
	ix.st, ix.storeVersion = st, version
	return nil
}

// readCatalog builds a catalog state from the store, refusing one whose
// vectors another embedder made.
func (ix *Index) readCatalog(ctx context.Context) (*indexState, string, error) {
	s := ix.opts.Store
	// The version is read first: a change made while the catalog is read
	// then shows as a newer version at the next reload.
	version, err := s.Version(ctx)
	if err != nil {
		return nil, "", fmt.Errorf("open %s store: %w", s.Name(), err)
	}
	st := newCatalogState(ix.embedder.Name, ix.embedder.Dimensions, ix.opts.KeywordsInStore)
	var pb preparedBatch
	var foreign *rag.StoredArticle
	counter := newTermCounter()
	err = s.Catalog(ctx, func(a rag.StoredArticle) error {
		if a.Embedder != "" && (a.Embedder != st.embedder || a.Dimensions != 0 && st.dims != 0 && a.Dimensions != st.dims) {
			foreign = &a
		}
		pb.articles = append(pb.articles, preparedFromStored(a, counter))
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("read %s catalog: %w", s.Name(), err)
	}
	if foreign != nil {
		return nil, "", fmt.Errorf("%w: the %s store holds article %q embedded with %q (%d dimensions) but the configured embedder is %q; "+
			"rebuild it with `coveragebot ingest --rebuild`, or set COVERAGEBOT_EMBED_MODEL back to what built it",
			rag.ErrEmbedderMismatch, s.Name(), foreign.Info.ID, foreign.Embedder, foreign.Dimensions, st.embedder)
	}
	// Catalog order is the store's; passages are numbered in article id
	// order so that ties break the same way in every process.
	slices.SortFunc(pb.articles, func(a, b preparedArticle) int {
		if a.rec.info.ID < b.rec.info.ID {
			return -1
		}
		if a.rec.info.ID > b.rec.info.ID {
			return 1
		}
		return 0
	})
	if err := st.apply(pb); err != nil {
		return nil, "", err
	}
	return st, version, nil
}

// reloadStore reads the catalog again when the store changed since it was
// read. Retrieval goes on against the old catalog meanwhile.
func (ix *Index) reloadStore(ctx context.Context) (bool, error) {
	version, err := ix.opts.Store.Version(ctx)
	if err != nil {
		return false, fmt.Errorf("reload index: %w", err)
	}
	ix.mu.RLock()
	same := version == ix.storeVersion
	ix.mu.RUnlock()
	if same {
		return false, nil
	}
	st, version, err := ix.readCatalog(ctx)
	if err != nil {
		return false, fmt.Errorf("reload index: %w", err)
	}
	ix.mu.Lock()
	st.generation = ix.st.generation + 1
	ix.st, ix.storeVersion = st, version
	ix.mu.Unlock()
	ix.logger.Info("reloaded index", "store", ix.opts.Store.Name(), "passages", len(st.byID))
	return true, nil
}

// writeStore writes an ingestion through to the store, then to the
// catalog. The store is written first: if it fails, the catalog still says
// what the store held, and the next ingestion tries the same articles
// again.
func (ix *Index) writeStore(ctx context.Context, pb preparedBatch, removed []string) error {
	s := ix.opts.Store
	if len(removed) > 0 {
		if err := s.Delete(ctx, removed); err != nil {
			return fmt.Errorf("remove articles from the %s store: %w", s.Name(), err)
		}
	}
	if len(pb.articles) > 0 {
		arts := make([]rag.StoredArticle, 0, len(pb.articles))
		for _, pa := range pb.articles {
			arts = append(arts, storedFromPrepared(pa, ix.embedder))
		}
		if err := s.Put(ctx, arts); err != nil {
			return fmt.Errorf("write to the %s store: %w", s.Name(), err)
		}
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, id := range removed {
		ix.st.removeArticle(id)
	}
	if err := ix.st.apply(pb); err != nil {
		return err
	}
	ix.st.generation++
	return nil
}

// storedFromPrepared is an article as ingestion hands it to a store.
func storedFromPrepared(pa preparedArticle, e rag.Embedder) rag.StoredArticle {
	sa := storedFromRec(pa.rec, pa.passages)
	sa.Embedder, sa.Dimensions = e.Name, e.Dimensions
	for i := range sa.Passages {
		v := unitVector(pa.vecs[i])
		sa.Passages[i].Vector = v
		if sa.Dimensions == 0 {
			sa.Dimensions = len(v)
		}
	}
	return sa
}

// storedFromRec is an article's catalog record and passages as a store
// holds them, without vectors.
func storedFromRec(rec *articleRec, ps []rag.Passage) rag.StoredArticle {
	sa := rag.StoredArticle{
		Info: rec.info, Body: rec.body, Hash: rec.hash, Source: rec.source,
		Authors: rec.authors, Captions: rec.captions, Quotes: rec.quotes,
		Passages: make([]rag.StoredPassage, len(ps)),
	}
	from := 0
	for i, p := range ps {
		sp := rag.StoredPassage{Passage: p, Start: -1, End: -1}
		if off, ok := spanOf(rec.body, p.Text, from); ok {
			sp.Start, sp.End = off, off+len(p.Text)
			from = off + 1
		}
		sa.Passages[i] = sp
	}
	return sa
}

// preparedFromStored turns a stored article back into what apply takes,
// counting its terms with c (one for a whole catalog or batch). A
// store need keep only each passage's id, position and span: the text is
// cut from the body, and the rest is the article's. A passage whose span
// does not fit the body keeps its own text.
func preparedFromStored(a rag.StoredArticle, c *termCounter) preparedArticle {
	rec := &articleRec{
		info: a.Info, body: a.Body, hash: a.Hash, source: a.Source,
		authors: a.Authors, captions: a.Captions, quotes: a.Quotes,
	}
	rec.info.Passages = len(a.Passages)
	pa := preparedArticle{rec: rec}
	for _, sp := range a.Passages {
		p := sp.Passage
		// A passage carries its article's description.
		p.ArticleID, p.Title, p.Outlet, p.URL, p.Published = a.Info.ID, a.Info.Title, a.Info.Outlet, a.Info.URL, a.Info.Published
		if sp.Start >= 0 && sp.End <= len(a.Body) && sp.Start <= sp.End && (p.Text == "" || a.Body[sp.Start:sp.End] == p.Text) {
			p.Text = a.Body[sp.Start:sp.End]
		}
		pa.passages = append(pa.passages, p)
		if sp.Vector != nil {
			pa.vecs = append(pa.vecs, sp.Vector)
		}
	}
	if len(pa.vecs) != len(pa.passages) {
		pa.vecs = nil
	}
	pa.count(c, nil)
	return pa
}

// Export calls fn for every article of an in-process index, in id order,
// with its passages and their vectors, as a Store takes them. It is how
// `coveragebot migrate` moves an index into an external store without
// embedding anything again. An index kept in a Store holds no vectors and
// cannot export.
func (ix *Index) Export(fn func(rag.StoredArticle) error) error {
	if err := ix.backend.vectors(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	ix.mu.RLock()
	ids := make([]string, 0, len(ix.st.articles))
	for id := range ix.st.articles {
		ids = append(ids, id)
	}
	ix.mu.RUnlock()
	slices.Sort(ids)
	for _, id := range ids {
		ix.mu.RLock()
		st := ix.st
		a, ok := st.articles[id]
		if !ok {
			ix.mu.RUnlock()
			continue // removed meanwhile
		}
		ps := make([]rag.Passage, len(a.docs))
		vecs := make([][]float32, len(a.docs))
		for i, d := range a.docs {
			ps[i] = st.docs[d].Passage
			vecs[i] = slices.Clone(st.docs[d].vec)
		}
		sa := storedFromRec(a, ps)
		sa.Embedder, sa.Dimensions = st.embedder, st.dims
		ix.mu.RUnlock()
		for i := range sa.Passages {
			sa.Passages[i].Vector = vecs[i]
		}
		if err := fn(sa); err != nil {
			return err
		}
	}
	return nil
}
