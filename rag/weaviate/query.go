package weaviate

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/filters"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/graphql"
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
	get := s.client.GraphQL().Get().WithClassName(s.passages).
		WithNearVector(s.client.GraphQL().NearVectorArgBuilder().WithVector(q.Vector)).
		WithLimit(min(q.Limit*tieOverfetch, maxResults)).WithWhere(w).
		WithFields(graphql.Field{Name: "passageId"}, graphql.Field{Name: "_additional", Fields: []graphql.Field{{Name: "distance"}}})
	if s.opts.Replication > 1 {
		// Weaviate takes the argument only for replicated collections.
		get = get.WithConsistencyLevel(s.opts.Consistency)
	}
	res, err := get.Do(ctx)
	if err := gqlError(res, err); err != nil {
		return nil, fmt.Errorf("weaviate: vector query: %w", err)
	}
	rows, err := rowsOf(res, "Get", s.passages)
	if err != nil {
		return nil, err
	}
	out := make([]rag.Match, 0, len(rows))
	for _, row := range rows {
		id, _ := row["passageId"].(string)
		add, _ := row["_additional"].(map[string]any)
		dist, ok := add["distance"].(float64)
		if id == "" || !ok {
			return nil, fmt.Errorf("weaviate: vector query: a result without id or distance")
		}
		// Weaviate's cosine distance is 1 - cosine similarity.
		out = append(out, rag.Match{ID: id, Score: 1 - dist})
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
	class, idField := s.passages, "passageId"
	if q.Articles {
		class, idField = s.articles, "articleId"
	}
	limit := min(q.Limit, maxResults)
	score, own := s.stats.scorer(q.Articles, terms)
	fetch := limit
	fields := []graphql.Field{{Name: idField}, {Name: "_additional", Fields: []graphql.Field{{Name: "score"}}}}
	if own {
		fetch = min(limit*tieOverfetch, maxResults)
		fields = append(fields, graphql.Field{Name: "terms"})
	}
	get := s.client.GraphQL().Get().WithClassName(class).
		WithBM25(s.client.GraphQL().Bm25ArgBuilder().WithQuery(strings.Join(terms, " ")).WithProperties("terms")).
		WithLimit(fetch).WithFields(fields...)
	if w := where(q.Filter, !q.Articles); w != nil {
		get = get.WithWhere(w)
	}
	if s.opts.Replication > 1 {
		get = get.WithConsistencyLevel(s.opts.Consistency)
	}
	res, err := get.Do(ctx)
	if err := gqlError(res, err); err != nil {
		return nil, fmt.Errorf("weaviate: keyword query: %w", err)
	}
	rows, err := rowsOf(res, "Get", class)
	if err != nil {
		return nil, err
	}
	out := make([]rag.Match, 0, len(rows))
	for _, row := range rows {
		id, _ := row[idField].(string)
		var sc float64
		if own {
			text, _ := row["terms"].(string)
			sc = score(strings.Fields(text))
		} else {
			extra, _ := row["_additional"].(map[string]any)
			sc, err = scoreOf(extra["score"])
			if err != nil {
				return nil, fmt.Errorf("weaviate: keyword query: %s: %w", id, err)
			}
			// Weaviate leaves out Okapi BM25's constant (k1 + 1) factor.
			sc *= bm25K1 + 1
		}
		if id == "" {
			return nil, fmt.Errorf("weaviate: keyword query: a result without id")
		}
		if sc > 0 {
			out = append(out, rag.Match{ID: id, Score: sc})
		}
	}
	return best(out, limit), nil
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

// scoreOf reads a BM25 score, which Weaviate's GraphQL sends as a string.
func scoreOf(v any) (float64, error) {
	switch x := v.(type) {
	case string:
		return strconv.ParseFloat(x, 64)
	case float64:
		return x, nil
	}
	return 0, fmt.Errorf("score %v", v)
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
