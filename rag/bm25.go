package rag

import (
	"container/heap"
	"math"
	"sync"
)

// Okapi BM25 parameters. These are the usual defaults; docs/QUALITY.md
// records what tuning them did on the benchmark.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
	// titleWeight is how many times a title term counts in every passage of
	// its article: a headline says what the whole article is about.
	titleWeight = 2
)

// keywordIndex is an inverted index over passages, scored with BM25. A
// passage is known by its document number, its position in the index's
// passage table. Postings are removed eagerly, so document frequencies are
// always exact.
type keywordIndex struct {
	termIDs  map[string]uint32
	postings [][]posting // by term id
	docLen   []uint32    // by document number; 0 marks a removed document
	live     int
	totalLen int64
	pool     sync.Pool // *scoreBuf
}

type posting struct {
	doc uint32
	tf  uint32
}

func newKeywordIndex() *keywordIndex {
	return &keywordIndex{termIDs: make(map[string]uint32)}
}

// docTerms counts the terms of a passage, its title counted titleWeight
// times.
func docTerms(title, text string) (map[string]uint32, uint32) {
	counts := make(map[string]uint32, 64)
	var n uint32
	for _, t := range Terms(text) {
		counts[t]++
		n++
	}
	for _, t := range Terms(title) {
		counts[t] += titleWeight
		n += titleWeight
	}
	return counts, n
}

// add indexes document doc. Documents must be added in increasing order of
// doc so that postings stay sorted.
func (k *keywordIndex) add(doc uint32, counts map[string]uint32, length uint32) {
	for int(doc) >= len(k.docLen) {
		k.docLen = append(k.docLen, 0)
	}
	if length == 0 {
		length = 1 // a passage with no terms still counts as live
	}
	k.docLen[doc] = length
	k.live++
	k.totalLen += int64(length)
	for term, tf := range counts {
		id, ok := k.termIDs[term]
		if !ok {
			id = uint32(len(k.postings))
			k.termIDs[term] = id
			k.postings = append(k.postings, nil)
		}
		k.postings[id] = append(k.postings[id], posting{doc: doc, tf: tf})
	}
}

// remove drops document doc, whose terms are given again by counts.
func (k *keywordIndex) remove(doc uint32, counts map[string]uint32) {
	if int(doc) >= len(k.docLen) || k.docLen[doc] == 0 {
		return
	}
	k.totalLen -= int64(k.docLen[doc])
	k.docLen[doc] = 0
	k.live--
	for term := range counts {
		id, ok := k.termIDs[term]
		if !ok {
			continue
		}
		list := k.postings[id]
		for i, p := range list {
			if p.doc == doc {
				k.postings[id] = append(list[:i], list[i+1:]...)
				break
			}
		}
	}
}

// idf is BM25's inverse document frequency of a term, 0 for unknown terms.
func (k *keywordIndex) idf(term string) float64 {
	id, ok := k.termIDs[term]
	if !ok {
		return 0
	}
	return k.idfOf(len(k.postings[id]))
}

func (k *keywordIndex) idfOf(df int) float64 {
	if df == 0 {
		return 0
	}
	n := float64(k.live)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

type scoredDoc struct {
	doc   uint32
	score float32
}

type scoreBuf struct {
	scores  []float32
	touched []uint32
}

// search scores every document that holds a query term and returns the n
// best, best first. keep, when not nil, filters documents before they are
// ranked.
func (k *keywordIndex) search(queryTerms []string, n int, keep func(doc uint32) bool) []scoredDoc {
	if k.live == 0 || n <= 0 {
		return nil
	}
	buf, _ := k.pool.Get().(*scoreBuf)
	if buf == nil {
		buf = &scoreBuf{}
	}
	if len(buf.scores) < len(k.docLen) {
		buf.scores = make([]float32, len(k.docLen))
	}
	scores := buf.scores
	touched := buf.touched[:0]

	avg := float64(k.totalLen) / float64(k.live)
	seen := make(map[uint32]bool, len(queryTerms))
	for _, t := range queryTerms {
		id, ok := k.termIDs[t]
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		list := k.postings[id]
		idf := k.idfOf(len(list))
		for _, p := range list {
			tf := float64(p.tf)
			norm := bm25K1 * (1 - bm25B + bm25B*float64(k.docLen[p.doc])/avg)
			s := float32(idf * tf * (bm25K1 + 1) / (tf + norm))
			if scores[p.doc] == 0 {
				touched = append(touched, p.doc)
			}
			scores[p.doc] += s
		}
	}

	h := make(topHeap, 0, n+1)
	for _, d := range touched {
		s := scores[d]
		scores[d] = 0
		if keep != nil && !keep(d) {
			continue
		}
		if len(h) < n {
			heap.Push(&h, scoredDoc{d, s})
		} else if s > h[0].score || s == h[0].score && d < h[0].doc {
			h[0] = scoredDoc{d, s}
			heap.Fix(&h, 0)
		}
	}
	buf.touched = touched[:0]
	k.pool.Put(buf)

	out := make([]scoredDoc, len(h))
	for i := len(h) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&h).(scoredDoc)
	}
	return out
}

// topHeap is a min-heap on score (ties: the larger doc number is smaller),
// so its root is the worst of the best n.
type topHeap []scoredDoc

func (h topHeap) Len() int { return len(h) }
func (h topHeap) Less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score < h[j].score
	}
	return h[i].doc > h[j].doc
}
func (h topHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *topHeap) Push(x any)   { *h = append(*h, x.(scoredDoc)) }
func (h *topHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
