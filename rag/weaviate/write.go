package weaviate

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/go-openapi/strfmt"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/filters"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/graphql"
	"github.com/weaviate/weaviate/entities/models"
)

// span is how an article object records one passage: the body holds the
// text.
type span struct {
	ID    string `json:"id"`
	Pos   int    `json:"pos"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Text is set only when the passage is not a span of the body.
	Text string `json:"text,omitempty"`
}

// Put implements rag.Store. For each batch of articles it writes the
// passages, deletes any passages an article had beyond its new count, and
// writes the article objects last: a catalog entry, with the content hash
// that tells ingestion the article is done, appears only once its passages
// are all in. Objects are keyed by id, so a retry after a failure
// overwrites what the failed attempt wrote.
func (s *Store) Put(ctx context.Context, arts []rag.StoredArticle) error {
	terms := make([]articleTerms, len(arts))
	for i, a := range arts {
		terms[i] = termsOf(a)
	}
	if err := s.put(ctx, arts, terms); err != nil {
		s.stats.invalidate()
		return err
	}
	s.stats.wrote(arts, terms)
	return nil
}

// put writes arts in rounds of about batchesPerRound batches of passages.
// In each round the passages go first, then the deletion of passages the
// round's articles no longer have, then the article records; so the
// record that marks an article done is written only once every passage of
// it is in, whatever fails.
func (s *Store) put(ctx context.Context, arts []rag.StoredArticle, terms []articleTerms) error {
	total := 0
	for _, a := range arts {
		total += len(a.Passages)
	}
	var done atomic.Int64
	sent := func(n int) {
		d := done.Add(int64(n))
		if s.opts.Progress != nil {
			s.opts.Progress(int(d), total)
		}
	}
	perRound := batchesPerRound * s.opts.BatchSize
	for start := 0; start < len(arts); {
		end, passages := start, 0
		for end < len(arts) && (end == start || passages+len(arts[end].Passages) <= perRound) {
			passages += len(arts[end].Passages)
			end++
		}
		round := arts[start:end]
		objs := make([]*models.Object, 0, passages)
		for i, a := range round {
			for j, p := range a.Passages {
				objs = append(objs, s.passageObject(a, p, terms[start+i].passages[j]))
			}
		}
		if err := s.importObjects(ctx, objs, s.opts.BatchSize, sent); err != nil {
			return err
		}
		if err := s.deleteBeyond(ctx, round); err != nil {
			return err
		}
		objs = objs[:0]
		now := time.Now().UnixMilli()
		for i, a := range round {
			o, err := s.articleObject(a, terms[start+i].article, now)
			if err != nil {
				return err
			}
			objs = append(objs, o)
		}
		if err := s.importObjects(ctx, objs, articlesPerRequest, nil); err != nil {
			return err
		}
		start = end
	}
	return nil
}

func (s *Store) passageObject(a rag.StoredArticle, p rag.StoredPassage, terms []string) *models.Object {
	props := map[string]any{
		"passageId": p.ID, "articleId": a.Info.ID, "pos": p.Pos,
		"title": a.Info.Title, "outlet": a.Info.Outlet, "url": a.Info.URL, "text": p.Text,
		"dated": !a.Info.Published.IsZero(),
		"terms": strings.Join(terms, " "),
	}
	if !a.Info.Published.IsZero() {
		props["published"] = a.Info.Published.UTC().Format(time.RFC3339)
	}
	return &models.Object{Class: s.passages, ID: strfmt.UUID(objectID("passage", p.ID)), Properties: props, Vector: p.Vector}
}

func (s *Store) articleObject(a rag.StoredArticle, terms []string, now int64) (*models.Object, error) {
	spans := make([]span, len(a.Passages))
	for i, p := range a.Passages {
		spans[i] = span{ID: p.ID, Pos: p.Pos, Start: p.Start, End: p.End}
		if p.Start < 0 {
			spans[i].Text = p.Text
		}
	}
	spansJSON, err := json.Marshal(spans)
	if err != nil {
		return nil, err
	}
	quotes, err := json.Marshal(a.Quotes)
	if err != nil {
		return nil, err
	}
	props := map[string]any{
		"articleId": a.Info.ID, "title": a.Info.Title, "outlet": a.Info.Outlet, "url": a.Info.URL,
		"source": a.Source, "hash": a.Hash, "body": a.Body,
		"authors": nonNil(a.Authors), "captions": nonNil(a.Captions),
		"quotes": string(quotes), "passages": string(spansJSON),
		"embedder": a.Embedder, "dimensions": a.Dimensions,
		"dated": !a.Info.Published.IsZero(), "updated": now,
		"terms": strings.Join(terms, " "),
	}
	if !a.Info.Published.IsZero() {
		props["published"] = a.Info.Published.UTC().Format(time.RFC3339)
	}
	return &models.Object{Class: s.articles, ID: strfmt.UUID(objectID("article", a.Info.ID)), Properties: props}, nil
}

func nonNil(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

// deleteBeyond deletes passages of these articles at positions past their
// new last one (an article that got shorter).
//
// An article that the catalog this process read does not hold, and that
// it has not written since, has no passages to delete: a new article, the
// whole of a first import. Only the others are asked about, a hundred to a
// request.
func (s *Store) deleteBeyond(ctx context.Context, arts []rag.StoredArticle) error {
	var ors []*filters.WhereBuilder
	flush := func() error {
		if len(ors) == 0 {
			return nil
		}
		err := s.deleteWhere(ctx, s.passages, filters.Where().WithOperator(filters.Or).WithOperands(ors))
		ors = ors[:0]
		return err
	}
	for _, a := range arts {
		if s.stats.isNew(a.Info.ID) {
			continue
		}
		ors = append(ors, filters.Where().WithOperator(filters.And).WithOperands([]*filters.WhereBuilder{
			filters.Where().WithPath([]string{"articleId"}).WithOperator(filters.Equal).WithValueText(a.Info.ID),
			filters.Where().WithPath([]string{"pos"}).WithOperator(filters.GreaterThanEqual).WithValueInt(int64(len(a.Passages))),
		}))
		if len(ors) == deletesPerRequest {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// deletesPerRequest bounds the articles of one deletion by filter.
const deletesPerRequest = 100

// Delete implements rag.Store. Passages go first: if it stops halfway, the
// catalog still lists the article, and the retention or prune that asked
// for the deletion asks again.
func (s *Store) Delete(ctx context.Context, ids []string) error {
	s.stats.invalidate()
	const per = 100
	for start := 0; start < len(ids); start += per {
		part := ids[start:min(start+per, len(ids))]
		where := filters.Where().WithPath([]string{"articleId"}).WithOperator(filters.ContainsAny).WithValueText(part...)
		if err := s.deleteWhere(ctx, s.passages, where); err != nil {
			return err
		}
		if err := s.deleteWhere(ctx, s.articles, where); err != nil {
			return err
		}
	}
	return nil
}

// deleteWhere deletes every object that matches, in as many requests as
// the server's limit on one batch delete needs.
func (s *Store) deleteWhere(ctx context.Context, class string, where *filters.WhereBuilder) error {
	for range 10000 {
		var res *models.BatchDeleteResponse
		err := s.retry(ctx, func() (err error) {
			res, err = s.client.Batch().ObjectsBatchDeleter().WithClassName(class).WithWhere(where).
				WithOutput("minimal").WithConsistencyLevel(s.opts.Consistency).Do(ctx)
			if err != nil {
				return fmt.Errorf("weaviate: delete from %s: %w", class, err)
			}
			if res.Results == nil || res.Results.Failed > 0 {
				return fmt.Errorf("weaviate: delete from %s: %d objects failed", class, failedOf(res))
			}
			return nil
		})
		if err != nil {
			return err
		}
		if res.Results.Matches < res.Results.Limit || res.Results.Matches == 0 {
			return nil
		}
	}
	return fmt.Errorf("weaviate: delete from %s did not finish", class)
}

func failedOf(res *models.BatchDeleteResponse) int64 {
	if res == nil || res.Results == nil {
		return -1
	}
	return res.Results.Failed
}

// Count implements rag.Store.
func (s *Store) Count(ctx context.Context) (int, error) {
	n, _, err := s.aggregate(ctx, s.passages, false)
	return n, err
}

// Version implements rag.Store: the number of articles, and the newest
// and the sum of their write times. A write adds or replaces an article and
// changes the sum, even when the writer's clock is behind another's (the
// sum is a float in GraphQL, exact to well under a second at a million
// articles); a deletion changes the number.
func (s *Store) Version(ctx context.Context) (string, error) {
	n, times, err := s.aggregate(ctx, s.articles, true)
	if err != nil {
		return "", err
	}
	return strconv.Itoa(n) + "@" + times, nil
}

// aggregate returns a collection's object count and, with updated, the
// maximum and sum of the "updated" values.
func (s *Store) aggregate(ctx context.Context, class string, updated bool) (int, string, error) {
	fields := []graphql.Field{{Name: "meta", Fields: []graphql.Field{{Name: "count"}}}}
	if updated {
		fields = append(fields, graphql.Field{Name: "updated", Fields: []graphql.Field{{Name: "maximum"}, {Name: "sum"}}})
	}
	res, err := s.client.GraphQL().Aggregate().WithClassName(class).WithFields(fields...).Do(ctx)
	if err := gqlError(res, err); err != nil {
		return 0, "", fmt.Errorf("weaviate: count %s: %w", class, err)
	}
	rows, err := rowsOf(res, "Aggregate", class)
	if err != nil {
		return 0, "", err
	}
	if len(rows) == 0 {
		return 0, "", nil
	}
	meta, _ := rows[0]["meta"].(map[string]any)
	count, _ := meta["count"].(float64)
	var times string
	if up, ok := rows[0]["updated"].(map[string]any); ok {
		newest, _ := up["maximum"].(float64)
		sum, _ := up["sum"].(float64)
		times = strconv.FormatFloat(newest, 'f', 0, 64) + "+" + strconv.FormatFloat(sum, 'g', 17, 64)
	}
	return int(count), times, nil
}

// Catalog implements rag.Store, walking the articles with Weaviate's
// cursor.
func (s *Store) Catalog(ctx context.Context, fn func(rag.StoredArticle) error) error {
	fields := []graphql.Field{
		{Name: "articleId"}, {Name: "title"}, {Name: "outlet"}, {Name: "url"}, {Name: "source"},
		{Name: "hash"}, {Name: "body"}, {Name: "authors"}, {Name: "captions"}, {Name: "quotes"},
		{Name: "passages"}, {Name: "embedder"}, {Name: "dimensions"}, {Name: "published"},
		{Name: "_additional", Fields: []graphql.Field{{Name: "id"}}},
	}
	after := ""
	stats := newKeywordStats()
	for {
		q := s.client.GraphQL().Get().WithClassName(s.articles).WithFields(fields...).WithLimit(200)
		if after != "" {
			q = q.WithAfter(after)
		}
		res, err := q.Do(ctx)
		if err := gqlError(res, err); err != nil {
			return fmt.Errorf("weaviate: read the catalog: %w", err)
		}
		rows, err := rowsOf(res, "Get", s.articles)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			s.stats.replace(stats)
			return nil
		}
		for _, row := range rows {
			a, err := storedArticle(row)
			if err != nil {
				return err
			}
			stats.count(a.Info.ID, termsOf(withText(a)))
			if err := fn(a); err != nil {
				return err
			}
			add, _ := row["_additional"].(map[string]any)
			after, _ = add["id"].(string)
		}
	}
}

// withText is the article with every passage's text filled in from the
// body, as written.
func withText(a rag.StoredArticle) rag.StoredArticle {
	ps := slices.Clone(a.Passages)
	for i, p := range ps {
		if p.Text == "" && p.Start >= 0 && p.Start <= p.End && p.End <= len(a.Body) {
			ps[i].Text = a.Body[p.Start:p.End]
		}
	}
	a.Passages = ps
	return a
}

func storedArticle(row map[string]any) (rag.StoredArticle, error) {
	str := func(k string) string { v, _ := row[k].(string); return v }
	a := rag.StoredArticle{
		Info:   rag.ArticleInfo{ID: str("articleId"), Title: str("title"), Outlet: str("outlet"), URL: str("url")},
		Source: str("source"), Hash: str("hash"), Body: str("body"), Embedder: str("embedder"),
		Authors: strs(row["authors"]), Captions: strs(row["captions"]),
	}
	if d, _ := row["dimensions"].(float64); d > 0 {
		a.Dimensions = int(d)
	}
	if p := str("published"); p != "" {
		t, err := time.Parse(time.RFC3339, p)
		if err != nil {
			return a, fmt.Errorf("weaviate: article %q: published %q: %w", a.Info.ID, p, err)
		}
		a.Info.Published = t.UTC()
	}
	if q := str("quotes"); q != "" && q != "null" {
		if err := json.Unmarshal([]byte(q), &a.Quotes); err != nil {
			return a, fmt.Errorf("weaviate: article %q: quotations: %w", a.Info.ID, err)
		}
	}
	var spans []span
	if err := json.Unmarshal([]byte(str("passages")), &spans); err != nil {
		return a, fmt.Errorf("weaviate: article %q: passages: %w", a.Info.ID, err)
	}
	for _, sp := range spans {
		p := rag.StoredPassage{Passage: rag.Passage{ID: sp.ID, ArticleID: a.Info.ID, Pos: sp.Pos, Text: sp.Text}, Start: sp.Start, End: sp.End}
		if sp.Text == "" && (sp.Start < 0 || sp.End > len(a.Body) || sp.Start > sp.End) {
			return a, fmt.Errorf("weaviate: article %q: passage %s lies outside the body", a.Info.ID, sp.ID)
		}
		a.Passages = append(a.Passages, p)
	}
	a.Info.Passages = len(a.Passages)
	return a, nil
}

func strs(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// gqlError folds a GraphQL response's errors into err.
func gqlError(res *models.GraphQLResponse, err error) error {
	if err != nil {
		return err
	}
	if res == nil {
		return errNoServer
	}
	if len(res.Errors) > 0 {
		msgs := make([]string, len(res.Errors))
		for i, e := range res.Errors {
			msgs[i] = e.Message
		}
		return fmt.Errorf("%s", strings.Join(msgs, "; "))
	}
	return nil
}

// rowsOf returns the objects of one class in a Get or Aggregate response.
func rowsOf(res *models.GraphQLResponse, op, class string) ([]map[string]any, error) {
	top, ok := res.Data[op].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("weaviate: response without %s", op)
	}
	list, _ := top[class].([]any)
	out := make([]map[string]any, 0, len(list))
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out, nil
}
