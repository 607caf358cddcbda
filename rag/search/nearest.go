package search

import (
	"context"
	"runtime"
	"slices"
	"sync"
)

// The vector search reads the passages' vectors itself, in document order,
// rather than through chromem-go's QueryEmbedding. The vectors are the
// collection's own (apply and the snapshot reader hand chromem-go the very
// slices the index keeps, and a loaded snapshot lays them out in one slab in
// document order), and the scores are the same dot products chromem-go
// computes, summed in four lanes (see dot), so that they may differ from
// chromem-go's in the last bits. What changes most is the walk: chromem-go
// 0.7 first copies its document map into a slice through a channel, one send
// a document, even with no filter, then takes a mutex for every document to
// offer it to one shared heap, and it visits the vectors in map order. At
// 100k passages that made its query 3.8 times a plain scan (docs/BENCHMARKS.md).
// Here each core scans a contiguous run of documents into its own small heap,
// filtering as it goes, and the heaps are merged at the end.

// minScanPerWorker is the fewest documents worth a goroutine of their own:
// below it, starting one costs more than the scan it would share.
const minScanPerWorker = 8192

// scored is a document and its similarity to a question.
type scored struct {
	sim float32
	doc uint32
}

// better orders scored documents best first; equal similarities go by
// document number, so that the order never depends on the scheduling.
func better(a, b scored) bool {
	if a.sim != b.sim {
		return a.sim > b.sim
	}
	return a.doc < b.doc
}

// topN keeps the n best of the documents offered, worst at the root.
type topN struct {
	n int
	h []scored
}

func (t *topN) offer(s scored) {
	h := t.h
	if len(h) < t.n {
		h = append(h, s)
		for c := len(h) - 1; c > 0; {
			p := (c - 1) / 2
			if !better(h[p], h[c]) {
				break
			}
			h[p], h[c] = h[c], h[p]
			c = p
		}
		t.h = h
		return
	}
	if !better(s, h[0]) {
		return
	}
	h[0] = s
	for p := 0; ; {
		c := 2*p + 1
		if c >= len(h) {
			break
		}
		if c+1 < len(h) && better(h[c], h[c+1]) {
			c++
		}
		if !better(h[p], h[c]) {
			break
		}
		h[p], h[c] = h[c], h[p]
		p = c
	}
}

// nearest returns the n documents most similar to the unit vector q, best
// first, among those keep accepts (every live one when keep is nil). The
// work is split across the available cores.
func (st *indexState) nearest(ctx context.Context, q []float32, n int, keep func(uint32) bool) ([]uint32, error) {
	if n <= 0 || len(st.docs) == 0 {
		return nil, nil
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(st.docs)/minScanPerWorker))
	part := (len(st.docs) + workers - 1) / workers
	tops := make([]topN, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*part, min((w+1)*part, len(st.docs))
		tops[w] = topN{n: n, h: make([]scored, 0, min(n, hi-lo))}
		wg.Go(func() { st.scanRange(&tops[w], q, lo, hi, keep) })
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	all := tops[0].h
	for _, t := range tops[1:] {
		all = append(all, t.h...)
	}
	slices.SortFunc(all, func(a, b scored) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	out := make([]uint32, 0, min(n, len(all)))
	for _, s := range all[:min(n, len(all))] {
		out = append(out, s.doc)
	}
	return out, nil
}

// scanRange offers documents lo to hi-1 to t.
func (st *indexState) scanRange(t *topN, q []float32, lo, hi int, keep func(uint32) bool) {
	for d, rec := range st.docs[lo:hi] {
		doc := uint32(lo + d)
		if rec == nil || len(rec.vec) != len(q) || (keep != nil && !keep(doc)) {
			continue
		}
		t.offer(scored{dot(q, rec.vec), doc})
	}
}
