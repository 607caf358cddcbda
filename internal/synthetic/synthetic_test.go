package synthetic

import (
	"slices"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

const benchSeed = 20250426

func TestSyntheticArticlesAreReproducible(t *testing.T) {
	tests := []struct {
		name      string
		passages  int
		sentences []string
	}{
		{"zipf vocabulary", 250, nil},
		{"given sentences", 120, []string{
			"Ministers met in Brussels on Tuesday to discuss the budget.",
			"The talks ended without a deal, officials said.",
			"Shares in the company rose by 4% after the announcement.",
			"Residents were told to stay indoors until the storm passed.",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{Passages: tc.passages, Seed: benchSeed, Sentences: tc.sentences}
			a, b := Articles(opts), Articles(opts)
			if !slices.EqualFunc(a, b, func(x, y rag.Article) bool { return x.ID == y.ID && x.Text == y.Text && x.Published.Equal(y.Published) }) {
				t.Fatal("the same seed gave different articles")
			}
			opts.Seed++
			if c := Articles(opts); c[0].Text == a[0].Text {
				t.Fatal("another seed gave the same first article")
			}
			total := 0
			for _, art := range a {
				total += len(prose.Chunk(art, opts.Chunk))
				if art.ID == "" || art.Title == "" || art.Outlet == "" || art.URL == "" {
					t.Fatalf("article without metadata: %+v", art)
				}
			}
			if total != tc.passages {
				t.Fatalf("articles make %d passages, want %d", total, tc.passages)
			}
			if tc.sentences != nil {
				for _, art := range a {
					for _, s := range prose.SplitSentences(art.Text) {
						if !slices.Contains(tc.sentences, s) {
							t.Fatalf("sentence %q is not from the pool", s)
						}
					}
				}
			}
			q1, q2 := Questions(a, 20, 7), Questions(a, 20, 7)
			if len(q1) != 20 || !slices.Equal(q1, q2) {
				t.Fatalf("questions are not reproducible: %v vs %v", q1, q2)
			}
			for _, q := range q1 {
				if !strings.HasSuffix(q.Text, "?") || !slices.ContainsFunc(a, func(x rag.Article) bool { return x.ID == q.ArticleID }) {
					t.Fatalf("bad question %+v", q)
				}
			}
		})
	}
}
