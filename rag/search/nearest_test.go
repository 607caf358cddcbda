package search

import (
	"cmp"
	"context"
	"math/rand"
	"slices"
	"strconv"
	"testing"

	"github.com/philippgille/chromem-go"

	"github.com/coveragebot/coveragebot/rag"
)

// randomState is an index state of n random unit vectors of dims
// dimensions, held by its chromem-go collection too, with every seventh
// document removed.
func randomState(t *testing.T, n, dims int, seed int64) *indexState {
	t.Helper()
	rng := rand.New(rand.NewSource(seed))
	st := newState("test", dims)
	for d := range n {
		vec := make([]float32, dims)
		for i := range vec {
			vec[i] = float32(rng.NormFloat64())
		}
		vec = unitVector(vec)
		id := "p" + strconv.Itoa(d)
		st.docs = append(st.docs, &passageRec{Passage: rag.Passage{ID: id}, vec: vec})
		st.byID[id] = uint32(d)
	}
	for d := 0; d < n; d += 7 {
		delete(st.byID, st.docs[d].ID)
		st.docs[d] = nil
	}
	for _, rec := range st.docs {
		if rec != nil {
			if err := st.coll.AddDocument(context.Background(), chromem.Document{ID: rec.ID, Embedding: rec.vec}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return st
}

// sortedNearest is the reference: every live document that keep accepts,
// sorted by similarity.
func sortedNearest(st *indexState, q []float32, n int, keep func(uint32) bool) []uint32 {
	var all []scored
	for d, rec := range st.docs {
		if rec != nil && (keep == nil || keep(uint32(d))) {
			all = append(all, scored{dot(q, rec.vec), uint32(d)})
		}
	}
	slices.SortFunc(all, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.sim, a.sim), cmp.Compare(a.doc, b.doc))
	})
	out := []uint32{}
	for _, s := range all[:min(n, len(all))] {
		out = append(out, s.doc)
	}
	return out
}

func TestNearestMatchesChromemAndAFullSort(t *testing.T) {
	ctx := context.Background()
	// Enough documents for the scan to be split between workers.
	st := randomState(t, 3*minScanPerWorker+5, 16, 7)
	rng := rand.New(rand.NewSource(11))
	odd := func(d uint32) bool { return d%2 == 1 }
	for trial := range 6 {
		q := make([]float32, 16)
		for i := range q {
			q[i] = float32(rng.NormFloat64())
		}
		q = unitVector(q)
		for _, n := range []int{1, 48, 500} {
			got, err := st.nearest(ctx, q, n, nil)
			if err != nil {
				t.Fatal(err)
			}
			if want := sortedNearest(st, q, n, nil); !slices.Equal(got, want) {
				t.Fatalf("trial %d, n=%d: nearest %v, a full sort %v", trial, n, got[:min(5, len(got))], want[:min(5, len(want))])
			}
			res, err := st.coll.QueryEmbedding(ctx, q, n, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range res {
				if st.docs[got[i]].ID != r.ID {
					t.Fatalf("trial %d, n=%d: neighbour %d is %s, chromem-go says %s", trial, n, i, st.docs[got[i]].ID, r.ID)
				}
			}
			got, err = st.nearest(ctx, q, n, odd)
			if err != nil {
				t.Fatal(err)
			}
			if want := sortedNearest(st, q, n, odd); !slices.Equal(got, want) {
				t.Fatalf("trial %d, n=%d, odd documents only: nearest %v, a full sort %v", trial, n, got[:min(5, len(got))], want[:min(5, len(want))])
			}
		}
	}
}

func TestNearestSmallAndEmpty(t *testing.T) {
	ctx := context.Background()
	st := randomState(t, 10, 4, 3)
	q := unitVector([]float32{1, 2, 3, 4})
	got, err := st.nearest(ctx, q, 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := sortedNearest(st, q, 100, nil); !slices.Equal(got, want) || len(got) != len(st.byID) {
		t.Fatalf("nearest %v, want every live document %v", got, want)
	}
	if got, _ := st.nearest(ctx, q, 5, func(uint32) bool { return false }); len(got) != 0 {
		t.Fatalf("a filter refusing everything left %v", got)
	}
	if got, _ := newState("test", 4).nearest(ctx, q, 5, nil); len(got) != 0 {
		t.Fatalf("an empty index found %v", got)
	}
}
