package search

import (
	"context"
	"fmt"
	"sync"

	"github.com/coveragebot/coveragebot/rag"
)

// gathered holds the candidates of one question.
type gathered struct {
	passages []*passageCand
	articles map[uint32]*articleCand
	groups   *docGroups
}

// searcher is the part of a rag.Store that retrieval asks. An index kept in
// a Store asks the Store; an index kept in process asks its own engines.
type searcher interface {
	Name() string
	VectorQuery(ctx context.Context, q rag.VectorQuery) ([]rag.Match, error)
	KeywordQuery(ctx context.Context, q rag.KeywordQuery) ([]rag.Match, error)
}

// searcher returns what retrieval over st asks (see backend).
func (ix *Index) searcher(st *indexState, tu retrievalTuning) searcher {
	return ix.backend.searcher(st, tu)
}

// VectorCandidates is how many nearest passages Retrieve asks the vector
// search for when k hits are wanted, with the index's default tuning.
func VectorCandidates(k int) int { return max(defaultTuning.candidates, candidatesPerHit*k) }

// gather collects the candidates of a question from s, over the catalog st:
// the nearest passages by vector, the best passages by BM25 and, at article
// level, the best articles by BM25 with their best passages, each with
// what the other side says of it. It asks in two rounds, each of
// concurrent queries, so that a question costs two round trips to a store
// on the network however many queries each round holds.
// The first finds the nearest passages, the best passages by BM25 and the
// best articles by BM25. The second fills in everything the first left
// out: the BM25 of the passages and articles the vector side found, the
// best passage of articles found only as articles, and the cosine of every
// passage that the vector side did not bring, including every passage of
// those articles, since which of them is best is known only after the
// round.
// When the keyword searches are the bot's own (storeSearcher), only the
// vector side is a round trip, and prefetch asks everything of it at once:
// one round.
// Results the catalog does not know yet (another process's newer
// articles) are left out until it is read again.
func gather(ctx context.Context, s searcher, st *indexState, q *preparedQuery, tu retrievalTuning) (*gathered, error) {
	opts := q.opts
	f := rag.Filter{Since: opts.Since, Until: opts.Until}
	n := max(tu.candidates, candidatesPerHit*q.k)
	if opts.ArticleID != "" {
		a, ok := st.articles[opts.ArticleID]
		if !ok {
			return &gathered{articles: map[uint32]*articleCand{}, groups: st.kw.groups(st.describe)}, nil
		}
		f.ArticleIDs = []string{opts.ArticleID}
		n = max(n, len(a.docs)) // every passage of the article is a candidate
	}
	nArticles := 0
	if tu.articleLevel {
		nArticles = max(tu.articles, articlesPerHit*q.k)
	}

	var vec, kwp, kwa []rag.Match
	var ahead *prefetched
	if _, ok := s.(storeSearcher); ok {
		// Keyword searches run on the catalog's postings in the bot, so
		// only the vector side is a round trip: ask it once (prefetch).
		var err error
		if vec, kwp, kwa, ahead, err = prefetch(ctx, s, st, q, f, n, nArticles); err != nil {
			return nil, fmt.Errorf("search the %s store: %w", s.Name(), err)
		}
	} else {
		var r1 queries
		if !isZero(q.vec) {
			r1.run(func() (err error) {
				vec, err = s.VectorQuery(ctx, rag.VectorQuery{Vector: q.vec, Limit: n, Filter: f})
				return err
			})
		}
		if len(q.keywords) > 0 {
			r1.run(func() (err error) {
				kwp, err = s.KeywordQuery(ctx, rag.KeywordQuery{Terms: q.keywords, Limit: n, Filter: f})
				return err
			})
			if nArticles > 0 {
				r1.run(func() (err error) {
					kwa, err = s.KeywordQuery(ctx, rag.KeywordQuery{Terms: q.keywords, Limit: nArticles, Articles: true, Filter: f})
					return err
				})
			}
		}
		if err := r1.wait(); err != nil {
			return nil, fmt.Errorf("search the %s store: %w", s.Name(), err)
		}
	}

	g := st.kw.groups(st.describe)
	out := &gathered{articles: map[uint32]*articleCand{}, groups: g}
	byDoc := map[uint32]*passageCand{}
	get := func(doc uint32) *passageCand {
		c, ok := byDoc[doc]
		if !ok {
			c = &passageCand{doc: doc, group: g.of[doc]}
			byDoc[doc] = c
			out.passages = append(out.passages, c)
		}
		return c
	}
	articleBM25 := map[string]float64{}
	for _, m := range kwa {
		if _, ok := st.articles[m.ID]; ok {
			articleBM25[m.ID] = m.Score
		}
	}
	for i, m := range vec {
		if doc, ok := st.byID[m.ID]; ok {
			c := get(doc)
			c.vr, c.cos = i+1, m.Score
		}
	}
	for i, m := range kwp {
		if doc, ok := st.byID[m.ID]; ok {
			c := get(doc)
			c.kr, c.bm25 = i+1, m.Score
		}
	}

	// Second round: BM25 for the passages only the vector side found, for
	// the articles of every candidate passage, the best passage of articles
	// that came with none, and the cosines the vector side did not bring.
	var vectorOnly, missingArticles, bare []string
	bareDocs := 0
	seenArticle := map[string]bool{}
	for _, c := range out.passages {
		id := st.docs[c.doc].ArticleID
		if c.kr == 0 && len(q.keywords) > 0 {
			vectorOnly = append(vectorOnly, st.docs[c.doc].ID)
		}
		if _, ok := articleBM25[id]; !ok && !seenArticle[id] && nArticles > 0 && len(q.keywords) > 0 {
			missingArticles = append(missingArticles, id)
		}
		seenArticle[id] = true
	}
	for _, m := range kwa {
		if a, ok := st.articles[m.ID]; ok && !seenArticle[m.ID] {
			bare = append(bare, m.ID)
			bareDocs += len(a.docs)
		}
	}
	// The cosine of the passages only the keyword side found, and of every
	// passage of the articles found only as articles: the best of those is
	// chosen by the BM25 this round brings, and gets its cosine from here.
	var noCos []string
	if !isZero(q.vec) && ahead == nil {
		for _, c := range out.passages {
			if c.vr == 0 {
				noCos = append(noCos, st.docs[c.doc].ID)
			}
		}
		for _, id := range bare {
			for _, d := range st.articles[id].docs {
				noCos = append(noCos, st.docs[d].ID)
			}
		}
	}
	var also, alsoArticles, best, sims []rag.Match
	var r2 queries
	if len(vectorOnly) > 0 {
		r2.run(func() (err error) {
			also, err = s.KeywordQuery(ctx, rag.KeywordQuery{Terms: q.keywords, Limit: len(vectorOnly), Filter: rag.Filter{PassageIDs: vectorOnly}})
			return err
		})
	}
	if len(missingArticles) > 0 {
		r2.run(func() (err error) {
			alsoArticles, err = s.KeywordQuery(ctx, rag.KeywordQuery{Terms: q.keywords, Limit: len(missingArticles), Articles: true, Filter: rag.Filter{ArticleIDs: missingArticles}})
			return err
		})
	}
	switch {
	case ahead != nil:
		best, sims = ahead.bestOf(bare), ahead.sims
	default:
		if len(bare) > 0 {
			r2.run(func() (err error) {
				best, err = s.KeywordQuery(ctx, rag.KeywordQuery{Terms: q.keywords, Limit: bareDocs, Filter: rag.Filter{ArticleIDs: bare}})
				return err
			})
		}
		if len(noCos) > 0 {
			r2.run(func() (err error) {
				sims, err = s.VectorQuery(ctx, rag.VectorQuery{Vector: q.vec, Limit: len(noCos), Filter: rag.Filter{PassageIDs: noCos}})
				return err
			})
		}
	}
	if err := r2.wait(); err != nil {
		return nil, fmt.Errorf("search the %s store: %w", s.Name(), err)
	}
	for _, m := range also {
		if doc, ok := st.byID[m.ID]; ok {
			if c := byDoc[doc]; c != nil {
				c.bm25 = m.Score
			}
		}
	}
	for _, m := range alsoArticles {
		articleBM25[m.ID] = m.Score
	}
	for _, m := range best {
		doc, ok := st.byID[m.ID]
		if !ok || seenArticle[st.docs[doc].ArticleID] {
			continue
		}
		seenArticle[st.docs[doc].ArticleID] = true
		get(doc).bm25 = m.Score
	}
	for _, m := range sims {
		if doc, ok := st.byID[m.ID]; ok {
			if c := byDoc[doc]; c != nil && c.vr == 0 {
				c.cos = m.Score
			}
		}
	}
	if tu.articleLevel {
		for _, c := range out.passages {
			if _, ok := out.articles[c.group]; !ok {
				out.articles[c.group] = &articleCand{bm25: articleBM25[st.docs[c.doc].ArticleID]}
			}
		}
	}
	return out, nil
}

// describe gives docGroups a passage's article id and title.
func (st *indexState) describe(doc uint32) (string, string) {
	return st.docs[doc].ArticleID, st.docs[doc].Title
}

// queries runs store queries concurrently and keeps the first error.
type queries struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs error
}

func (r *queries) run(fn func() error) {
	r.wg.Go(func() {
		if err := fn(); err != nil {
			r.mu.Lock()
			if r.errs == nil {
				r.errs = err
			}
			r.mu.Unlock()
		}
	})
}

func (r *queries) wait() error {
	r.wg.Wait()
	return r.errs
}
