package search

import (
	"context"
	"maps"
	"math"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/coveragebot/coveragebot/internal/synthetic"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// TestPrepareSplitsEachTextOnce counts the texts ingestion splits into
// terms: each passage's text once and each article's title once, whether
// the embedded default embeds those terms or a wrapped Embed is called.
func TestPrepareSplitsEachTextOnce(t *testing.T) {
	arts := synthetic.Articles(synthetic.Options{Passages: 2000, Seed: 7})
	var calls atomic.Int64
	for _, e := range []rag.Embedder{NewLocalEmbedder(), countingEmbedder(&calls)} {
		ix := openTest(t, t.TempDir(), e)
		pb, err := ix.prepare(context.Background(), arts, map[string]string{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := len(pb.articles) + pb.passages; pb.split != want {
			t.Errorf("%s: %d texts split into terms for %d articles and %d passages; want %d", e.Name, pb.split, len(pb.articles), pb.passages, want)
		}
		if pb.passages < 2000 {
			t.Fatalf("only %d passages", pb.passages)
		}
	}
}

// TestApplyReleasesCounts checks that the counts ingestion holds for each
// passage until apply are let go as each article is indexed.
func TestApplyReleasesCounts(t *testing.T) {
	arts := synthetic.Articles(synthetic.Options{Passages: 1000, Seed: 8})
	ix := openTest(t, t.TempDir(), NewLocalEmbedder())
	pb, err := ix.prepare(context.Background(), arts, map[string]string{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	held := 0
	for _, pa := range pb.articles {
		held += len(pa.counts)
	}
	if held == 0 {
		t.Fatal("prepare counted no terms")
	}
	ix.mu.Lock()
	err = ix.st.apply(pb)
	ix.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	for _, pa := range pb.articles {
		if pa.counts != nil || pa.ends != nil {
			t.Fatalf("article %s still holds %d counts after apply", pa.rec.info.ID, len(pa.counts))
		}
	}
}

// TestPrepareSameOnEveryCore ingests the same articles on one core and on
// two, where each core counts its share of the articles in a dictionary of
// its own, and finds the same vectors, bit for bit, and the same postings.
func TestPrepareSameOnEveryCore(t *testing.T) {
	arts := synthetic.Articles(synthetic.Options{Passages: 3000, Seed: 9})
	if len(arts) < 2*minPreparePerWorker {
		t.Fatalf("only %d articles: too few to share between two cores", len(arts))
	}
	var ixs [2]*Index
	for i, procs := range []int{1, 2} {
		prev := runtime.GOMAXPROCS(procs)
		ixs[i] = openTest(t, t.TempDir(), NewLocalEmbedder())
		mustIngest(t, ixs[i], arts, IngestOptions{})
		runtime.GOMAXPROCS(prev)
	}
	one, two := ixs[0].st, ixs[1].st
	if len(one.docs) != len(two.docs) || !slices.Equal(slices.Sorted(maps.Keys(one.kw.termIDs)), slices.Sorted(maps.Keys(two.kw.termIDs))) {
		t.Fatalf("%d and %d passages, %d and %d terms", len(one.docs), len(two.docs), len(one.kw.termIDs), len(two.kw.termIDs))
	}
	for d, rec := range one.docs {
		other := two.docs[two.byID[rec.ID]]
		if !slices.EqualFunc(rec.vec, other.vec, func(a, b float32) bool { return math.Float32bits(a) == math.Float32bits(b) }) {
			t.Fatalf("passage %s (%d): the vectors differ", rec.ID, d)
		}
	}
	for term, id := range one.kw.termIDs {
		if !slices.Equal(one.kw.postings[id], two.kw.postings[two.kw.termIDs[term]]) {
			t.Fatalf("term %q: postings differ", term)
		}
	}
}

// FuzzCounterTerms checks that the terms ingestion counts are prose.Terms,
// which retrieval splits questions with, whatever texts came before.
func FuzzCounterTerms(f *testing.F) {
	f.Add("Ukraine's talks resumed", "don't stop: Zelenskyy’s plans, talking and TALKS")
	f.Add("the a of", "running ran runs 42nd")
	f.Fuzz(func(t *testing.T, first, second string) {
		c := newTermCounter()
		for _, s := range []string{first, second, first} {
			var got []string
			for _, id := range c.ids(nil, s) {
				got = append(got, c.dict.terms[id])
			}
			if want := prose.Terms(s); !slices.Equal(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("counted terms of %q = %q, prose.Terms = %q", s, got, want)
			}
		}
	})
}
