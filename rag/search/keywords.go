package search

import (
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// PassageKeywords returns the terms a store indexes for a passage: its
// text's, and its title's titleWeight times, so that a store's BM25 scores
// what the in-process index scores.
func PassageKeywords(title, text string) []string {
	out := prose.Terms(text)
	for _, t := range prose.Terms(title) {
		for range titleWeight {
			out = append(out, t)
		}
	}
	return out
}

// ArticleKeywords returns the terms a store indexes for a whole article:
// every passage's text's terms (overlaps counted in each passage, as the
// in-process index counts them), and the title's titleWeight times once.
func ArticleKeywords(a rag.StoredArticle) []string {
	var out []string
	for _, p := range a.Passages {
		out = append(out, prose.Terms(p.Text)...)
	}
	for _, t := range prose.Terms(a.Info.Title) {
		for range titleWeight {
			out = append(out, t)
		}
	}
	return out
}
