package answer

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// The answer tests run on the seed coverage as the index would hold it: the
// five pieces of ../shared/coverage/seed-coverage.txt, cleaned, in
// testdata/answer/seed-articles.json, cut here into sentence-aligned passages
// with a one-sentence overlap. Retrieval is stood in for by a plain term
// overlap ranking, so these tests do not depend on the retriever.

type seedArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

func loadSeedPassages(tb testing.TB) []rag.Passage {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "answer", "seed-articles.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var doc struct {
		Articles []seedArticle `json:"articles"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		tb.Fatalf("parse seed articles: %v", err)
	}
	var out []rag.Passage
	for _, a := range doc.Articles {
		published, err := time.Parse("2006-01-02", a.Published)
		if err != nil {
			tb.Fatalf("article %s: %v", a.ID, err)
		}
		for pos, text := range packSentences(prose.SplitSentences(a.Text), 600) {
			out = append(out, rag.Passage{
				ID: a.ID + "#" + strconv.Itoa(pos), ArticleID: a.ID, Title: a.Title, Outlet: a.Outlet,
				Published: published, Pos: pos, Text: text,
			})
		}
	}
	return out
}

// packSentences groups sentences into passages of about limit bytes, each
// starting with the last sentence of the one before.
func packSentences(sents []string, limit int) []string {
	var out []string
	var cur []string
	size := 0
	for _, s := range sents {
		if size > 0 && size+len(s) > limit {
			out = append(out, strings.Join(cur, " "))
			cur = []string{cur[len(cur)-1]}
			size = len(cur[0])
		}
		cur = append(cur, s)
		size += len(s) + 1
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// seedIDF is BM25's IDF over the passages. Like the index's keyword
// statistics, it gives 0 for a term that no passage holds.
func seedIDF(passages []rag.Passage) func(string) float64 {
	df := map[string]int{}
	for _, p := range passages {
		for t := range termSet(p.Text) {
			df[t]++
		}
	}
	n := float64(len(passages))
	return func(t string) float64 {
		if df[t] == 0 {
			return 0
		}
		d := float64(df[t])
		return math.Log(1 + (n-d+0.5)/(d+0.5))
	}
}

// rankByOverlap stands in for retrieval: passages sorted by the IDF weight of
// the question terms they hold, best first, all of them returned.
func rankByOverlap(question string, passages []rag.Passage, idf func(string) float64) []rag.Hit {
	q := termSet(question)
	hits := make([]rag.Hit, len(passages))
	for i, p := range passages {
		pt := termSet(p.Text)
		var s float64
		for t := range q {
			if pt[t] {
				s += idf(t)
			}
		}
		hits[i] = rag.Hit{Passage: p, Score: s}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	return hits
}
