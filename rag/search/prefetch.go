package search

import (
	"context"

	"github.com/coveragebot/coveragebot/rag"
)

// prefetched is what gather's second round would have asked a store for,
// asked in its first: when keyword searches run on the catalog's postings
// in the bot (storeSearcher), everything but the vector side is known
// before any request leaves, and the cosines the vector side will not
// bring can be asked beside the nearest passages instead of after them.
// A question then costs one round trip to the store instead of two.
//
// The second round needs the cosines of the keyword candidates the vector
// side did not find, and of the best passage (by BM25) of each article
// found only by the article search. Which of them the vector side finds is
// known only after it answers, so prefetch asks for a superset: every
// keyword candidate, and the best passage of every article the article
// search found with no keyword candidate. gather then keeps what it would
// have asked for; the values are the same ones, so ranking is unchanged.
type prefetched struct {
	// best holds the BM25 of the passages of the articles that may be
	// found only as articles, best first, and bestArticle the article of
	// each.
	best        []rag.Match
	bestArticle []string
	// sims holds the cosines of the keyword candidates and of the best
	// passage of each of those articles.
	sims []rag.Match
}

// prefetch asks s for the nearest passages, the best passages and articles
// by BM25, and what the second round of gather needs of them (see
// prefetched), with one round of store queries: the nearest passages are
// asked at once, the keyword searches run locally meanwhile, and the
// cosine query follows as soon as they tell it what to name, without
// waiting for the nearest passages.
func prefetch(ctx context.Context, s searcher, st *indexState, q *preparedQuery, f rag.Filter, n, nArticles int) (vec, kwp, kwa []rag.Match, p *prefetched, err error) {
	p = &prefetched{}
	var round queries
	if !isZero(q.vec) {
		round.run(func() (err error) {
			vec, err = s.VectorQuery(ctx, rag.VectorQuery{Vector: q.vec, Limit: n, Filter: f})
			return err
		})
	}
	if len(q.keywords) > 0 {
		var local queries
		local.run(func() (err error) {
			kwp, err = s.KeywordQuery(ctx, rag.KeywordQuery{Terms: q.keywords, Limit: n, Filter: f})
			return err
		})
		if nArticles > 0 {
			local.run(func() (err error) {
				kwa, err = s.KeywordQuery(ctx, rag.KeywordQuery{Terms: q.keywords, Limit: nArticles, Articles: true, Filter: f})
				return err
			})
		}
		if err := local.wait(); err != nil {
			round.wait() // the nearest passages' query writes vec: let it end
			return nil, nil, nil, nil, err
		}
	}

	// The articles that may turn out to be found only as articles: those
	// of the article search that no keyword candidate belongs to.
	var named []string // passages whose cosine the second round may need
	withCandidate := map[string]bool{}
	for _, m := range kwp {
		if doc, ok := st.byID[m.ID]; ok {
			withCandidate[st.docs[doc].ArticleID] = true
			named = append(named, m.ID)
		}
	}
	var maybeBare []string
	docs := 0
	for _, m := range kwa {
		if a, ok := st.articles[m.ID]; ok && !withCandidate[m.ID] {
			maybeBare = append(maybeBare, m.ID)
			docs += len(a.docs)
		}
	}
	if len(maybeBare) > 0 {
		if p.best, err = s.KeywordQuery(ctx, rag.KeywordQuery{Terms: q.keywords, Limit: docs, Filter: rag.Filter{ArticleIDs: maybeBare}}); err != nil {
			round.wait()
			return nil, nil, nil, nil, err
		}
		seen := map[string]bool{}
		for _, m := range p.best {
			id := ""
			if doc, ok := st.byID[m.ID]; ok {
				id = st.docs[doc].ArticleID
			}
			p.bestArticle = append(p.bestArticle, id)
			if id != "" && !seen[id] {
				seen[id] = true
				named = append(named, m.ID)
			}
		}
	}

	if len(named) > 0 && !isZero(q.vec) {
		round.run(func() (err error) {
			p.sims, err = s.VectorQuery(ctx, rag.VectorQuery{Vector: q.vec, Limit: len(named), Filter: rag.Filter{PassageIDs: named}})
			return err
		})
	}
	if err := round.wait(); err != nil {
		return nil, nil, nil, nil, err
	}
	return vec, kwp, kwa, p, nil
}

// bestOf returns the BM25 matches of the passages of the articles bare, in
// the order the keyword search gave them, as the second round's search of
// those articles alone would have.
func (p *prefetched) bestOf(bare []string) []rag.Match {
	if len(bare) == 0 {
		return nil
	}
	in := make(map[string]bool, len(bare))
	for _, id := range bare {
		in[id] = true
	}
	var out []rag.Match
	for i, m := range p.best {
		if in[p.bestArticle[i]] {
			out = append(out, m)
		}
	}
	return out
}
