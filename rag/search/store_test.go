package search

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// An index kept in a Store must rank exactly as the in-process index does
// when the store is the same engines: the two gather paths find the same
// candidates with the same scores.
func TestIndexInChromemStoreRetrievesAsTheDefault(t *testing.T) {
	ctx := context.Background()
	plain := retrievalIndex(t)
	stored, err := Open(NewLocalEmbedder(), Options{Store: NewChromemStore()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stored.Ingest(ctx, retrievalCorpus(), IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2022, 7, 28, 12, 0, 0, 0, time.UTC)
	questions := []struct {
		q    string
		opts rag.RetrieveOptions
	}{
		{"A volcano eruption in which country recently prompted a level 5 alert?", rag.RetrieveOptions{K: 8, AsOf: asOf}},
		{"How many vehicles does the SUV recall cover?", rag.RetrieveOptions{K: 4, AsOf: asOf}},
		{"residents return home", rag.RetrieveOptions{K: 6, AsOf: asOf, Since: asOf.AddDate(0, 0, -10)}},
		{"eruption", rag.RetrieveOptions{K: 3, AsOf: asOf, ArticleID: "volcano"}},
		{"the of and", rag.RetrieveOptions{K: 3, AsOf: asOf}},
	}
	for _, c := range questions {
		want, err := plain.Retrieve(ctx, c.q, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		got, err := stored.Retrieve(ctx, c.q, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(hitIDs(got)) != fmt.Sprint(hitIDs(want)) {
			t.Errorf("%q: store gives %v, in-process %v", c.q, hitIDs(got), hitIDs(want))
			continue
		}
		for i := range want {
			if d := got[i].Score - want[i].Score; d > 1e-6 || d < -1e-6 {
				t.Errorf("%q: hit %d scores %.6f in the store, %.6f in process", c.q, i, got[i].Score, want[i].Score)
			}
		}
	}
	if len(questions) > 0 && stored.Count() != plain.Count() {
		t.Errorf("count %d in the store, %d in process", stored.Count(), plain.Count())
	}
}

func hitIDs(hits []rag.Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}
