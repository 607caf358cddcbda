package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// Query is one question of a retrieval benchmark, in the shape of
// realtimeqa-dev's queries.jsonl.
type Query struct {
	ID       string   `json:"id"`
	Question string   `json:"question"`
	Date     string   `json:"date"`
	Choices  []string `json:"choices"`
	Answer   []int    `json:"answer"`
	GoldURLs []string `json:"gold_urls"`
	// AsOf is Date parsed; zero when the query has no date.
	AsOf time.Time `json:"-"`
}

// ReadQueries reads JSON Lines of Query. A malformed line is an
// error naming its line number: a benchmark with a silently dropped
// question would report the wrong score.
func ReadQueries(r io.Reader) ([]Query, error) {
	br := bufio.NewReader(r)
	var out []Query
	for line := 1; ; line++ {
		raw, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(raw))) > 0 {
			var q Query
			if jerr := json.Unmarshal(raw, &q); jerr != nil {
				return nil, fmt.Errorf("line %d: %w", line, jerr)
			}
			if strings.TrimSpace(q.Question) == "" {
				return nil, fmt.Errorf("line %d: no question", line)
			}
			if q.Date != "" {
				t, perr := parseEvalDate(q.Date)
				if perr != nil {
					return nil, fmt.Errorf("line %d: date %q: %w", line, q.Date, perr)
				}
				q.AsOf = t
			}
			out = append(out, q)
		}
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func parseEvalDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006/01/02", "2006-01-02", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("want YYYY/MM/DD or YYYY-MM-DD")
}

// NormalizeURL reduces a URL to what identifies an article: host without
// "www.", path without a trailing slash, no scheme, query or fragment. The
// benchmark's gold URLs and the corpus's URLs differ in exactly these ways.
func NormalizeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.ToLower(strings.TrimRight(strings.TrimSpace(raw), "/"))
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	return host + strings.TrimRight(u.Path, "/")
}

// RankArticles turns retrieved passages into the list of distinct articles
// they came from, in order of first appearance, identified by normalised
// URL (or by article id when there is no URL).
func RankArticles(hits []rag.Hit) []string {
	seen := map[string]bool{}
	var out []string
	for _, h := range hits {
		key := NormalizeURL(h.URL)
		if key == "" {
			key = "id:" + h.ArticleID
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, key)
		}
	}
	return out
}

// GoldRank is the 1-based position of the first gold article in ranked
// (normalised keys, as RankArticles gives), or 0 when none is there.
func GoldRank(ranked []string, gold []string) int {
	want := map[string]bool{}
	for _, g := range gold {
		want[NormalizeURL(g)] = true
	}
	for i, r := range ranked {
		if want[r] {
			return i + 1
		}
	}
	return 0
}

// Metrics summarises ranks (1-based, 0 for a miss) the way the
// benchmark reports them.
type Metrics struct {
	Queries int     `json:"queries"`
	Hits1   float64 `json:"hits@1"`
	Hits4   float64 `json:"hits@4"`
	Hits10  float64 `json:"hits@10"`
	MRR10   float64 `json:"mrr@10"`
}

// ComputeMetrics returns Hits@1, @4, @10 and MRR@10 over ranks.
func ComputeMetrics(ranks []int) Metrics {
	m := Metrics{Queries: len(ranks)}
	if len(ranks) == 0 {
		return m
	}
	for _, r := range ranks {
		if r < 1 {
			continue
		}
		if r <= 1 {
			m.Hits1++
		}
		if r <= 4 {
			m.Hits4++
		}
		if r <= 10 {
			m.Hits10++
			m.MRR10 += 1 / float64(r)
		}
	}
	n := float64(len(ranks))
	m.Hits1 /= n
	m.Hits4 /= n
	m.Hits10 /= n
	m.MRR10 /= n
	return m
}

// Outcome is how one query fared.
type Outcome struct {
	Query    Query
	Rank     int
	Ranked   []string // normalised article keys, best first
	Hits     []rag.Hit
	Duration time.Duration
}

// ArticlesWanted is how many distinct articles an evaluation ranks.
const ArticlesWanted = 10

// Retriever is what an evaluation needs of an index: *search.Index
// satisfies it.
type Retriever interface {
	Retrieve(ctx context.Context, query string, opts rag.RetrieveOptions) ([]rag.Hit, error)
}

// Run sends every query through ix's Retrieve, as ask does, with the
// query's date as the as-of date, and ranks the articles retrieved.
func Run(ctx context.Context, ix Retriever, queries []Query) ([]Outcome, error) {
	out := make([]Outcome, 0, len(queries))
	for _, q := range queries {
		start := time.Now()
		// Passages per article are capped, so this many passages name at
		// least ArticlesWanted articles whenever the index has them.
		hits, err := ix.Retrieve(ctx, q.Question, rag.RetrieveOptions{K: 4 * ArticlesWanted, AsOf: q.AsOf})
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", q.ID, err)
		}
		ranked := RankArticles(hits)
		if len(ranked) > ArticlesWanted {
			ranked = ranked[:ArticlesWanted]
		}
		out = append(out, Outcome{Query: q, Rank: GoldRank(ranked, q.GoldURLs), Ranked: ranked, Hits: hits, Duration: time.Since(start)})
	}
	return out, nil
}

// Percentile returns the p-th percentile (0..100) of durations by the
// nearest-rank method.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	rank := int(p/100*float64(len(s)) + 0.999999)
	rank = max(1, min(rank, len(s)))
	return s[rank-1]
}
