package search

import (
	"context"
	"fmt"
	"testing"

	"github.com/coveragebot/coveragebot/internal/synthetic"
	"github.com/coveragebot/coveragebot/rag"
)

// twoRounds is a storeSearcher that gather does not recognise as one, so
// that it asks in two rounds, as it does of a store that searches keywords
// itself.
type twoRounds struct{ storeSearcher }

// With keyword searches in the bot, gather asks the store once (prefetch).
// It must find what the two-round gather finds, candidate by candidate
// and score by score, including the best passages of articles found only
// by the article search.
func TestOneRoundGathersWhatTwoRoundsDo(t *testing.T) {
	ctx := context.Background()
	arts := synthetic.Articles(synthetic.Options{Passages: 3000, Seed: 7})
	ix, err := Open(NewLocalEmbedder(), Options{Store: NewChromemStore()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Ingest(ctx, arts, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	st, tu := ix.st, defaultTuning
	one, ok := ix.searcher(st, tu).(storeSearcher)
	if !ok {
		t.Fatalf("an index over a store with keywords in the bot searches through %T, want storeSearcher", ix.searcher(st, tu))
	}
	questions := synthetic.Questions(arts, 60, 7)
	onlyArticles := 0
	for _, q := range questions {
		for _, opts := range []rag.RetrieveOptions{
			{K: 10, AsOf: synthetic.AsOf()},
			{K: 4, AsOf: synthetic.AsOf(), Since: synthetic.AsOf().AddDate(0, -6, 0)},
		} {
			pq, err := ix.prepareQuery(ctx, q.Text, opts, tu)
			if err != nil {
				t.Fatal(err)
			}
			got, err := gather(ctx, one, st, pq, tu)
			if err != nil {
				t.Fatal(err)
			}
			want, err := gather(ctx, twoRounds{one}, st, pq, tu)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := describeGathered(st, got), describeGathered(st, want); g != w {
				t.Fatalf("%q: one round gathers\n%s\ntwo rounds\n%s", q.Text, g, w)
			}
			for _, c := range want.passages {
				if c.vr == 0 && c.kr == 0 {
					onlyArticles++
				}
			}
		}
	}
	// The questions must reach the part prefetch asks ahead of time: the
	// best passages of articles that only the article search found.
	if onlyArticles == 0 {
		t.Fatal("no candidate came from an article found only as an article; the test no longer exercises prefetch's superset")
	}
}

// describeGathered prints candidates in order with every score, and the
// article-level BM25 of each article slot.
func describeGathered(st *indexState, g *gathered) string {
	s := ""
	for _, c := range g.passages {
		s += fmt.Sprintf("%s vr=%d kr=%d cos=%.9f bm25=%.9f\n", st.docs[c.doc].ID, c.vr, c.kr, c.cos, c.bm25)
	}
	for _, c := range g.passages {
		if a := g.articles[c.group]; a != nil {
			s += fmt.Sprintf("article %s bm25=%.9f\n", st.docs[c.doc].ArticleID, a.bm25)
		}
	}
	return s
}
