package weaviate

import (
	"math"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

func article(id, title string, texts ...string) rag.StoredArticle {
	a := rag.StoredArticle{Info: rag.ArticleInfo{ID: id, Title: title}}
	for i, text := range texts {
		a.Passages = append(a.Passages, rag.StoredPassage{Passage: rag.Passage{ID: id + "#" + string(rune('0'+i)), Text: text}})
	}
	return a
}

// The statistics count what the catalog holds, and BM25 over them is the
// textbook formula with the in-process parameters.
func TestKeywordStatsScore(t *testing.T) {
	k := newKeywordStats()
	arts := []rag.StoredArticle{
		article("a", "Harbour storm", "The storm closed the harbour.", "Boats stayed in."),
		article("b", "Budget vote", "The council passed the budget."),
	}
	var terms []articleTerms
	for _, a := range arts {
		terms = append(terms, termsOf(a))
	}
	k.wrote(arts, terms)
	query := prose.Terms("storm harbour")
	score, ok := k.scorer(false, query)
	if !ok {
		t.Fatal("fresh statistics are stale")
	}
	doc := terms[0].passages[0]
	// Three passages; "storm" and "harbour" are in the two of article a
	// (its title counts in each).
	n, df := 3.0, 2.0
	var total int
	for _, at := range terms {
		for _, p := range at.passages {
			total += len(p)
		}
	}
	avg := float64(total) / n
	var want float64
	for _, term := range query {
		tf := 0.0
		for _, d := range doc {
			if d == term {
				tf++
			}
		}
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		want += idf * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*float64(len(doc))/avg))
	}
	if got := score(doc); math.Abs(got-want) > 1e-12 {
		t.Errorf("BM25 %v, want %v", got, want)
	}
	if got := score(terms[1].passages[0]); got != 0 {
		t.Errorf("a passage without the terms scores %v", got)
	}
}

// Writing an article the statistics already count, or deleting one, makes
// them stale until the catalog is read again: queries then take the node's
// scores rather than wrong ones.
func TestKeywordStatsGoStale(t *testing.T) {
	k := newKeywordStats()
	a := article("a", "Title", "Some text.")
	k.wrote([]rag.StoredArticle{a}, []articleTerms{termsOf(a)})
	if _, ok := k.scorer(false, []string{"text"}); !ok {
		t.Fatal("a new article made the statistics stale")
	}
	k.wrote([]rag.StoredArticle{a}, []articleTerms{termsOf(a)})
	if _, ok := k.scorer(false, []string{"text"}); ok {
		t.Error("rewriting a counted article left the statistics fresh")
	}
	k.replace(newKeywordStats())
	if _, ok := k.scorer(true, []string{"text"}); !ok {
		t.Error("a catalog read left the statistics stale")
	}
	k.invalidate()
	if _, ok := k.scorer(true, []string{"text"}); ok {
		t.Error("a deletion left the statistics fresh")
	}
}
