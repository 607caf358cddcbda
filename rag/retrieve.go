package rag

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// DefaultK is how many passages Retrieve returns when the caller does not
// say.
const DefaultK = 6

// Retrieval tuning. docs/QUALITY.md records how each was chosen.
const (
	// rrfK damps the reciprocal-rank fusion: larger values flatten the
	// difference between neighbouring ranks.
	rrfK = 60
	// vectorWeight and keywordWeight weigh the two rankings in the fusion.
	vectorWeight  = 1.0
	keywordWeight = 1.0
	// candidatesPerHit is how many candidates each side fetches per passage
	// wanted, before fusion and diversity trim them.
	candidatesPerHit = 8
	minCandidates    = 40
	// maxPerArticleShare caps how many of the K slots one article may take.
	maxPerArticleShare = 0.5
	// recentDays is how far before the as-of date an article still counts
	// as current when the question names no time.
	recentDays = 10
	// Priors multiply the fused score. An undated passage sits between a
	// current and an old one: neither lost nor favoured.
	priorCurrent = 1.0
	priorOld     = 0.5
	priorUndated = 0.75
	priorFuture  = 0.35
)

// Retrieve finds the passages that best match query: a vector search in
// chromem-go and a BM25 keyword search over the same passages, fused by
// reciprocal rank, weighed by how well each passage's date fits the
// question, and spread over several articles. ask, summary, eval and the
// bot all retrieve through it.
func (ix *Index) Retrieve(ctx context.Context, query string, opts RetrieveOptions) ([]Hit, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, nil
	}
	k := opts.K
	if k <= 0 {
		k = DefaultK
	}
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = time.Now()
	}
	window, hasWindow := ParseTimeWindow(query, asOf)

	// Embed before taking the lock: a remote embedder may take a while, and
	// ingestion must not wait for it.
	vecs, err := ix.embedder.Embed(ctx, []string{query})
	if err != nil {
		return nil, fmt.Errorf("embed question: %w", err)
	}
	if len(vecs) != 1 {
		return nil, fmt.Errorf("embed question: got %d vectors for 1 text", len(vecs))
	}
	qvec := vecs[0]
	terms := Terms(query)

	ix.mu.RLock()
	defer ix.mu.RUnlock()
	st := ix.st
	if len(st.byID) == 0 {
		return nil, nil
	}
	if len(qvec) != st.dims && st.dims != 0 {
		return nil, fmt.Errorf("embed question: %d dimensions, the index has %d", len(qvec), st.dims)
	}

	keep := func(doc uint32) bool {
		rec := st.docs[doc]
		if rec == nil {
			return false
		}
		if opts.ArticleID != "" && rec.ArticleID != opts.ArticleID {
			return false
		}
		if !rec.Published.IsZero() {
			if !opts.Since.IsZero() && rec.Published.Before(opts.Since) {
				return false
			}
			if !opts.Until.IsZero() && !rec.Published.Before(opts.Until) {
				return false
			}
		}
		return true
	}

	n := max(minCandidates, candidatesPerHit*k)
	vectorRanks, err := st.vectorSearch(ctx, qvec, n, opts.ArticleID, keep)
	if err != nil {
		return nil, err
	}
	kwHits := st.kw.search(terms, n, keep)

	type cand struct {
		doc    uint32
		vr, kr int
		score  float64
	}
	cands := map[uint32]*cand{}
	get := func(doc uint32) *cand {
		c, ok := cands[doc]
		if !ok {
			c = &cand{doc: doc}
			cands[doc] = c
		}
		return c
	}
	for i, doc := range vectorRanks {
		get(doc).vr = i + 1
	}
	for i, h := range kwHits {
		get(h.doc).kr = i + 1
	}
	list := make([]*cand, 0, len(cands))
	for _, c := range cands {
		if c.vr > 0 {
			c.score += vectorWeight / float64(rrfK+c.vr)
		}
		if c.kr > 0 {
			c.score += keywordWeight / float64(rrfK+c.kr)
		}
		c.score *= datePrior(st.docs[c.doc].Published, asOf, window, hasWindow)
		list = append(list, c)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return list[i].doc < list[j].doc
	})

	// Diversity: one article may fill at most a share of the slots, unless
	// there is nothing else to show.
	limit := max(1, int(math.Ceil(maxPerArticleShare*float64(k))))
	if opts.ArticleID != "" {
		limit = k
	}
	perArticle := map[string]int{}
	var hits, overflow []Hit
	for _, c := range list {
		rec := st.docs[c.doc]
		h := Hit{Passage: rec.Passage, Score: c.score, VectorRank: c.vr, KeywordRank: c.kr}
		if perArticle[rec.ArticleID] >= limit {
			overflow = append(overflow, h)
			continue
		}
		perArticle[rec.ArticleID]++
		hits = append(hits, h)
		if len(hits) == k {
			break
		}
	}
	for i := 0; len(hits) < k && i < len(overflow); i++ {
		hits = append(hits, overflow[i])
	}
	return hits, nil
}

// vectorSearch returns document numbers by similarity to qvec, best first.
// It asks chromem-go for the whole collection's nearest neighbours,
// clamping n to the collection's size (chromem-go refuses a larger n), and
// drops what keep refuses. A search within one article scores that
// article's passages directly instead.
func (st *indexState) vectorSearch(ctx context.Context, qvec []float32, n int, articleID string, keep func(uint32) bool) ([]uint32, error) {
	if isZero(qvec) {
		return nil, nil // a question of stop words only: no direction to search
	}
	if articleID != "" {
		a, ok := st.articles[articleID]
		if !ok {
			return nil, nil
		}
		q := unitVector(append([]float32(nil), qvec...))
		docs := append([]uint32(nil), a.docs...)
		sims := make(map[uint32]float32, len(docs))
		for _, d := range docs {
			sims[d] = dot(q, st.docs[d].vec)
		}
		sort.Slice(docs, func(i, j int) bool { return sims[docs[i]] > sims[docs[j]] })
		return docs, nil
	}
	n = min(n, st.coll.Count())
	if n == 0 {
		return nil, nil
	}
	res, err := st.coll.QueryEmbedding(ctx, qvec, n, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("vector search: %w", err)
	}
	out := make([]uint32, 0, len(res))
	for _, r := range res {
		doc, ok := st.byID[r.ID]
		if ok && keep(doc) {
			out = append(out, doc)
		}
	}
	return out, nil
}

func isZero(v []float32) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// datePrior weighs a passage by its date: when the question names a time,
// passages from that window are preferred; otherwise passages from the ten
// days before the as-of date are. Passages from after the as-of date are
// unlikely to be what a question asked then is about.
func datePrior(published, asOf time.Time, w TimeWindow, hasWindow bool) float64 {
	if published.IsZero() {
		return priorUndated
	}
	if hasWindow {
		if w.Contains(published) {
			return priorCurrent
		}
		return priorOld
	}
	days := asOf.Sub(published).Hours() / 24
	switch {
	case days < -1:
		return priorFuture
	case days <= recentDays:
		return priorCurrent
	}
	return priorOld
}
