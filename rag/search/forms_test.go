package search

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

func TestWordForms(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  []string // among the forms
		not   []string // never a form
	}{
		{"Why did the minister flee?", []string{"fled"}, nil},
		{"Where had the minister fled to?", []string{"flee"}, nil},
		{"How many women were introduced to the panel?", []string{"woman", "introduce"}, nil},
		{"How bad was the flooding in Las Vegas?", nil, []string{"worse", "worst", "la"}},
		{"How long did the meeting last?", nil, []string{"lasted"}}, // a regular form shares its stem
	} {
		var got []string
		for _, f := range wordForms(tc.query) {
			got = append(got, f.term)
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("wordForms(%q) = %v, want %q among them", tc.query, got, w)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("wordForms(%q) = %v, has %q", tc.query, got, w)
			}
		}
	}
}

// TestRetrieveFindsIrregularForms: the passage that says "flee" is a
// keyword match for a question that asks who "fled", and the one that says
// "woman" for one that asks about "women", though neither shares another
// word with the question.
func TestRetrieveFindsIrregularForms(t *testing.T) {
	day := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	ix, err := Open(NewLocalEmbedder(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = ix.Ingest(context.Background(), []rag.Article{
		{ID: "drill", Published: day, Text: "The mayor told residents of the bay to flee inland before the storm surge."},
		{ID: "panel", Published: day, Text: "A woman joined the harbour board on Tuesday, its first new member in a decade."},
		{ID: "other", Published: day, Text: "The harbour reopened after repairs to the sea wall."},
	}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ question, article string }{
		{"who fled?", "drill"},
		{"which women were appointed?", "panel"},
	} {
		hits, err := ix.Retrieve(context.Background(), tc.question, rag.RetrieveOptions{K: 3, AsOf: day})
		if err != nil {
			t.Fatal(err)
		}
		kw := map[string]int{}
		for _, h := range hits {
			kw[h.ArticleID] = h.KeywordRank
		}
		if kw[tc.article] != 1 {
			t.Errorf("%q: keyword ranks %v, want %s first", tc.question, kw, tc.article)
		}
	}
}
