package weaviate

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/filters"
)

// VectorQuery implements rag.Store with a nearVector search, the filter
// pushed down to Weaviate.
//
// Each replica builds its own HNSW graph, in the order its writes reached
// it, and a graph search is approximate: two replicas asked the same
// question each miss a different few of the nearest passages
// (docs/SCALING.md has the figures). Weaviate searches exactly instead,
// comparing the question with every allowed vector, when a filter allows
// fewer passages than the collection's flatSearchCutoff (40,000 unless
// changed). So the query always carries a filter, one that allows every
// passage when nothing else narrows it: up to that size every replica
// finds the same passages, at the same distances. Passages with the same
// text (an article carried twice, a newsletter footer) are at the same
// distance, and which of them Weaviate keeps at the edge of the limit
// depends on its internal numbering, which differs by replica and changes
// when an object is written again; so the query asks for tieOverfetch
// times the passages it needs and keeps the nearest, ties broken by id.
func (s *Store) VectorQuery(ctx context.Context, q rag.VectorQuery) ([]rag.Match, error) {
	if q.Limit <= 0 || len(q.Vector) == 0 {
		return nil, nil
	}
	w := where(q.Filter, true)
	if w == nil {
		w = filters.Where().WithPath([]string{"pos"}).WithOperator(filters.GreaterThanEqual).WithValueInt(0)
	}
	hits, err := s.search(ctx, searchArgs{
		class: s.passages, idField: "passageId", where: w,
		limit: min(q.Limit*tieOverfetch, maxResults), vector: q.Vector,
	})
	if err != nil {
		return nil, fmt.Errorf("weaviate: vector query: %w", err)
	}
	out := make([]rag.Match, 0, len(hits))
	for _, h := range hits {
		// Weaviate's cosine distance is 1 - cosine similarity.
		out = append(out, rag.Match{ID: h.id, Score: 1 - h.value})
	}
	return best(out, q.Limit), nil
}

// tieOverfetch is how many times the matches it needs a query asks for, so
// that matches tied at the edge of the limit are all there to be ordered
// by id.
const tieOverfetch = 2

// best sorts matches best first, ties by id, and keeps the first n, so that
// every replica's answer is ordered alike.
func best(ms []rag.Match, n int) []rag.Match {
	slices.SortFunc(ms, func(a, b rag.Match) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return ms[:min(n, len(ms))]
}

// KeywordQuery implements rag.Store with a BM25 search over the terms
// property, the filter pushed down.
//
// Weaviate scores with the statistics of the replica that answers, which
// differ a little from node to node (keywordStats). With the index's own
// statistics at hand, the query asks for tieOverfetch times the matches
// it needs, with their terms, scores each with those statistics and keeps
// the best, ties broken by id: every replica then returns the same list
// with the same scores, the in-process index's. The replicas' statistics
// differ by little, so a match that belongs in the list is near its top on
// every replica.
func (s *Store) KeywordQuery(ctx context.Context, q rag.KeywordQuery) ([]rag.Match, error) {
	terms := queryTerms(q.Terms)
	if q.Limit <= 0 || len(terms) == 0 {
		return nil, nil
	}
	if !s.keywordIndex {
		return nil, fmt.Errorf("weaviate: keyword query: %w", ErrNoKeywordIndex)
	}
	class, idField := s.passages, "passageId"
	if q.Articles {
		class, idField = s.articles, "articleId"
	}
	limit := min(q.Limit, maxResults)
	score, own := s.stats.scorer(q.Articles, terms)
	fetch := limit
	if own {
		fetch = min(limit*tieOverfetch, maxResults)
	}
	args := searchArgs{
		class: class, idField: idField, where: where(q.Filter, !q.Articles),
		limit: fetch, bm25: strings.Join(terms, " "), terms: own,
	}
	var hits []searchHit
	var err error
	if own && namesObjects(q.Filter, q.Articles) {
		// The filter names the passages or articles (the second round of a
		// question asks so): fetching them with their terms, to score here,
		// spares Weaviate a BM25 search, which reads every posting of every
		// query term whatever the filter allows. When the filter allows
		// fewer objects than the fetch asks for, every one of them came, and
		// the result is what the BM25 search would have given.
		plain := args
		plain.bm25 = ""
		if hits, err = s.search(ctx, plain); err == nil && len(hits) == fetch {
			hits = nil // perhaps not all of them: search
		}
	}
	if hits == nil && err == nil {
		hits, err = s.search(ctx, args)
	}
	if err != nil {
		return nil, fmt.Errorf("weaviate: keyword query: %w", err)
	}
	out := make([]rag.Match, 0, len(hits))
	for _, h := range hits {
		sc := h.value
		if own {
			sc = score(strings.Fields(h.terms))
		} else {
			// Weaviate leaves out Okapi BM25's constant (k1 + 1) factor.
			sc *= bm25K1 + 1
		}
		if sc > 0 {
			out = append(out, rag.Match{ID: h.id, Score: sc})
		}
	}
	return best(out, limit), nil
}

// namesObjects reports whether f names the objects a keyword query may
// return: passages by id, or the articles of an article-level query, or
// the passages of named articles.
func namesObjects(f rag.Filter, articles bool) bool {
	return len(f.ArticleIDs) > 0 || !articles && len(f.PassageIDs) > 0
}

// maxResults is Weaviate's default QUERY_MAXIMUM_RESULTS: a query asking
// for more is refused. Retrieval asks for more only to score every passage
// of a very long article, and the best 10,000 are plenty for that.
const maxResults = 10000

// queryTerms drops repeated terms (Weaviate counts a repeated query term
// again; the in-process BM25 does not) and any that GraphQL would need
// escaped, which prose.Terms does not produce.
func queryTerms(terms []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range terms {
		if t == "" || seen[t] || strings.ContainsAny(t, "\"\\ \t\n") {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

// where is a rag.Filter as a Weaviate filter; nil when it narrows nothing.
// Undated objects pass a date filter.
func where(f rag.Filter, passages bool) *filters.WhereBuilder {
	var and []*filters.WhereBuilder
	if !f.Since.IsZero() || !f.Until.IsZero() {
		var span []*filters.WhereBuilder
		if !f.Since.IsZero() {
			span = append(span, filters.Where().WithPath([]string{"published"}).WithOperator(filters.GreaterThanEqual).WithValueDate(f.Since.UTC()))
		}
		if !f.Until.IsZero() {
			span = append(span, filters.Where().WithPath([]string{"published"}).WithOperator(filters.LessThan).WithValueDate(f.Until.UTC()))
		}
		dated := span[0]
		if len(span) > 1 {
			dated = filters.Where().WithOperator(filters.And).WithOperands(span)
		}
		and = append(and, filters.Where().WithOperator(filters.Or).WithOperands([]*filters.WhereBuilder{
			dated,
			filters.Where().WithPath([]string{"dated"}).WithOperator(filters.Equal).WithValueBoolean(false),
		}))
	}
	if len(f.ArticleIDs) > 0 {
		and = append(and, filters.Where().WithPath([]string{"articleId"}).WithOperator(filters.ContainsAny).WithValueText(f.ArticleIDs...))
	}
	if len(f.PassageIDs) > 0 && passages {
		and = append(and, filters.Where().WithPath([]string{"passageId"}).WithOperator(filters.ContainsAny).WithValueText(f.PassageIDs...))
	}
	switch len(and) {
	case 0:
		return nil
	case 1:
		return and[0]
	}
	return filters.Where().WithOperator(filters.And).WithOperands(and)
}
