package search

import (
	"container/heap"
	"math"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// bm25Params are Okapi BM25's parameters: k1 saturates term frequency, b
// normalises for length. docs/QUALITY.md records what tuning them did.
type bm25Params struct{ k1, b float64 }

// titleWeight is how many times a title term counts in every passage of its
// article: a headline says what the whole article is about.
const titleWeight = 2

// keywordIndex is an inverted index over passages, scored with BM25. A
// passage is known by its document number, its position in the index's
// passage table. Postings are removed eagerly, so document frequencies are
// always exact.
type keywordIndex struct {
	termIDs  map[string]uint32
	postings [][]posting // by term id; empty when statsOnly
	// statsOnly keeps document frequencies (df, by term id) instead of
	// postings: the catalog of an index whose keyword searches run in its
	// Store (Options.KeywordsInStore) needs only IDF and lengths.
	statsOnly bool
	df        []uint32
	docLen    []uint32 // by document number; 0 marks a removed document
	live      int
	totalLen  int64
	pool      sync.Pool // *scoreBuf
	// version counts changes, so that grouped is rebuilt after one.
	version uint64
	groupMu sync.Mutex
	grouped *docGroups
}

type posting struct {
	doc uint32
	tf  uint32
}

func newKeywordIndex() *keywordIndex {
	return &keywordIndex{termIDs: make(map[string]uint32)}
}

// termCount is one distinct term of a passage and how often it counts.
type termCount struct {
	term string
	tf   uint32
}

// docTerms counts the terms of a passage, its title counted titleWeight
// times, and returns them with the passage's length in terms.
func docTerms(title, text string) ([]termCount, uint32) {
	counts := make(map[string]uint32, 64)
	var n uint32
	for _, t := range prose.Terms(text) {
		counts[t]++
		n++
	}
	for _, t := range prose.Terms(title) {
		counts[t] += titleWeight
		n += titleWeight
	}
	out := make([]termCount, 0, len(counts))
	for t, tf := range counts {
		out = append(out, termCount{t, tf})
	}
	return out, n
}

// add indexes document doc. Documents must be added in increasing order of
// doc so that postings stay sorted.
func (k *keywordIndex) add(doc uint32, counts []termCount, length uint32) {
	k.addDoc(doc, length)
	for _, c := range counts {
		k.addPosting(k.termID(c.term), doc, c.tf)
	}
}

// addCounted is add of a passage counted in a batch: its terms are ids of
// the batch's dictionary d, which maps each to the index's id once.
func (k *keywordIndex) addCounted(doc uint32, d *termDict, counts []idCount, length uint32) {
	k.addDoc(doc, length)
	for _, c := range counts {
		k.addPosting(d.globalID(k, c.id), doc, c.tf)
	}
}

func (k *keywordIndex) addDoc(doc uint32, length uint32) {
	for int(doc) >= len(k.docLen) {
		k.docLen = append(k.docLen, 0)
	}
	if length == 0 {
		length = 1 // a passage with no terms still counts as live
	}
	k.version++
	k.docLen[doc] = length
	k.live++
	k.totalLen += int64(length)
}

func (k *keywordIndex) addPosting(id, doc, tf uint32) {
	if k.statsOnly {
		k.df[id]++
		return
	}
	k.postings[id] = append(k.postings[id], posting{doc: doc, tf: tf})
}

// termID returns the id of term, giving it the next one when it is new. A
// new term is copied, so that the index does not keep the text it was cut
// from.
func (k *keywordIndex) termID(term string) uint32 {
	if id, ok := k.termIDs[term]; ok {
		return id
	}
	id := uint32(len(k.termIDs))
	k.termIDs[strings.Clone(term)] = id
	if k.statsOnly {
		k.df = append(k.df, 0)
	} else {
		k.postings = append(k.postings, nil)
	}
	return id
}

// remove drops document doc, whose terms are given again by counts.
func (k *keywordIndex) remove(doc uint32, counts []termCount) {
	if int(doc) >= len(k.docLen) || k.docLen[doc] == 0 {
		return
	}
	k.version++
	k.totalLen -= int64(k.docLen[doc])
	k.docLen[doc] = 0
	k.live--
	for _, c := range counts {
		id, ok := k.termIDs[c.term]
		if !ok {
			continue
		}
		if k.statsOnly {
			k.df[id]--
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
	if k.statsOnly {
		return k.idfOf(int(k.df[id]))
	}
	return k.idfOf(len(k.postings[id]))
}

func (k *keywordIndex) idfOf(df int) float64 { return idfFor(df, k.live) }

type scoredDoc struct {
	doc   uint32
	score float32
}

// scoredArticle is an article's BM25 score, with its best passage.
type scoredArticle struct {
	group uint32  // the article's slot in docGroups
	score float32 // BM25 of the article's passages taken together
	best  uint32  // the passage with the highest passage-level score
}

// docGroups maps documents to the articles they belong to, so that BM25 can
// score whole articles from passage postings. It is derived from the index
// on first use after a change rather than stored, which keeps the snapshot
// format as it is.
type docGroups struct {
	version uint64
	of      []uint32  // by document number: the article's slot
	length  []float64 // by slot: the article's length in terms
	live    int       // slots with at least one document
	avg     float64
	// passages counts each article's passages; extraTitle lists, by slot,
	// the title occurrences that the article-level score leaves out.
	passages   []uint32
	extraTitle [][]titleTerm
	// lengthOnce and avgOnce are length and avg with the title counted
	// once per article.
	lengthOnce []float64
	avgOnce    float64
	// memo holds, by slot, what retrieval derives from an article and
	// keeps until the index changes (its headline terms).
	memo []atomic.Pointer[articleHeadline]
}

type titleTerm struct{ term, n uint32 }

type scoreBuf struct {
	scores    []float32 // by document
	touched   []uint32
	termTF    []uint32 // by slot, for the term being scored
	slots     []uint32
	artScores []float32 // by slot
	artBest   []uint32
	artBestSc []float32
	artHit    []uint32
}

// search scores every document that holds a query term and returns the n
// best, best first. keep, when not nil, filters documents before they are
// ranked. It also returns the scores of the documents in also (0 for those
// that hold no query term), so that candidates found by the vector search
// get their keyword score without a second pass.
func (k *keywordIndex) search(queryTerms []string, n int, keep func(doc uint32) bool, also []uint32) ([]scoredDoc, []float32) {
	r := k.searchWith(defaultTuning.bm25, queryTerms, n, keep, also, nil, 0, false)
	return r.passages, r.alsoPassages
}

// keywordResult is what one walk over a question's postings finds.
type keywordResult struct {
	passages     []scoredDoc // the n best passages, best first
	alsoPassages []float32   // the passage scores of the documents asked for
	// With groups: the nArticles best articles, and the article scores of
	// the passages above and of the documents asked for.
	articles        []scoredArticle
	passageArticles []float32
	alsoArticles    []float32
}

// searchWith walks the postings of the question's terms once and scores
// both passages and, when groups is given, whole articles: an article's
// term frequency is the sum over its passages, its length the sum of
// theirs, and its document frequency counts articles, not passages. It
// returns the nArticles best articles, each with its best passage.
func (k *keywordIndex) searchWith(par bm25Params, queryTerms []string, n int, keep func(doc uint32) bool, also []uint32, g *docGroups, nArticles int, titleOnce bool) keywordResult {
	res := keywordResult{alsoPassages: make([]float32, len(also))}
	if g != nil {
		res.alsoArticles = make([]float32, len(also))
	}
	if k.live == 0 || n <= 0 {
		return res
	}
	buf, _ := k.pool.Get().(*scoreBuf)
	if buf == nil {
		buf = &scoreBuf{}
	}
	if len(buf.scores) < len(k.docLen) {
		buf.scores = make([]float32, len(k.docLen))
	}
	if g != nil && len(buf.termTF) < len(g.length) {
		m := len(g.length)
		buf.termTF = make([]uint32, m)
		buf.artScores = make([]float32, m)
		buf.artBest = make([]uint32, m)
		buf.artBestSc = make([]float32, m)
	}
	scores := buf.scores
	touched := buf.touched[:0]
	artHit := buf.artHit[:0]

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
		slots := buf.slots[:0]
		for _, p := range list {
			tf := float64(p.tf)
			norm := par.k1 * (1 - par.b + par.b*float64(k.docLen[p.doc])/avg)
			s := float32(idf * tf * (par.k1 + 1) / (tf + norm))
			if scores[p.doc] == 0 {
				touched = append(touched, p.doc)
			}
			scores[p.doc] += s
			if g != nil {
				slot := g.of[p.doc]
				if buf.termTF[slot] == 0 {
					slots = append(slots, slot)
				}
				buf.termTF[slot] += p.tf
			}
		}
		if g != nil {
			idfA := idfFor(len(slots), g.live)
			for _, slot := range slots {
				n := buf.termTF[slot]
				buf.termTF[slot] = 0
				length, avg := g.length[slot], g.avg
				if titleOnce {
					n -= min(n, g.extra(slot, id))
					length, avg = g.lengthOnce[slot], g.avgOnce
				}
				tf := float64(n)
				norm := par.k1 * (1 - par.b + par.b*length/avg)
				if buf.artScores[slot] == 0 {
					artHit = append(artHit, slot)
				}
				buf.artScores[slot] += float32(idfA * tf * (par.k1 + 1) / (tf + norm))
			}
		}
		buf.slots = slots[:0]
	}

	for i, d := range also {
		if int(d) < len(scores) {
			res.alsoPassages[i] = scores[d]
		}
	}
	h := make(topHeap, 0, n+1)
	for _, d := range touched {
		s := scores[d]
		if g != nil {
			slot := g.of[d]
			if s > buf.artBestSc[slot] || s == buf.artBestSc[slot] && d < buf.artBest[slot] {
				buf.artBestSc[slot], buf.artBest[slot] = s, d
			}
		}
		if keep != nil && !keep(d) {
			continue
		}
		pushTop(&h, n, scoredDoc{d, s})
	}
	res.passages = popAll(&h)

	if g != nil {
		for i, d := range also {
			if int(d) < len(g.of) {
				res.alsoArticles[i] = buf.artScores[g.of[d]]
			}
		}
		res.passageArticles = make([]float32, len(res.passages))
		for i, p := range res.passages {
			res.passageArticles[i] = buf.artScores[g.of[p.doc]]
		}
		ah := make(topHeap, 0, nArticles+1)
		for _, slot := range artHit {
			best := buf.artBest[slot]
			if keep == nil || keep(best) {
				pushTop(&ah, nArticles, scoredDoc{slot, buf.artScores[slot]})
			}
		}
		for _, a := range popAll(&ah) {
			res.articles = append(res.articles, scoredArticle{group: a.doc, score: a.score, best: buf.artBest[a.doc]})
		}
		for _, slot := range artHit {
			buf.artScores[slot], buf.artBestSc[slot] = 0, 0
		}
	}
	for _, d := range touched {
		scores[d] = 0
	}
	buf.touched = touched[:0]
	buf.artHit = artHit[:0]
	k.pool.Put(buf)
	return res
}

func pushTop(h *topHeap, n int, x scoredDoc) {
	if n <= 0 {
		return
	}
	if len(*h) < n {
		heap.Push(h, x)
	} else if x.score > (*h)[0].score || x.score == (*h)[0].score && x.doc < (*h)[0].doc {
		(*h)[0] = x
		heap.Fix(h, 0)
	}
}

func popAll(h *topHeap) []scoredDoc {
	out := make([]scoredDoc, len(*h))
	for i := len(*h) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(scoredDoc)
	}
	return out
}

// idfFor is BM25's inverse document frequency of a term held by df of n
// documents.
func idfFor(df, n int) float64 {
	if df == 0 {
		return 0
	}
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// groups returns the document-to-article map for the index as it is now,
// building it when the index changed since it was last built. describe
// gives the article id and title of a live document.
//
// Every passage counts its article's title (see docTerms), so summing
// passages would count the title once per passage, and a long article's
// headline would weigh more than a short one's. The map records each
// article's title terms so that the article-level score counts them
// titleWeight times in all.
func (k *keywordIndex) groups(describe func(doc uint32) (article, title string)) *docGroups {
	k.groupMu.Lock()
	defer k.groupMu.Unlock()
	if k.grouped != nil && k.grouped.version == k.version {
		return k.grouped
	}
	g := &docGroups{version: k.version, of: make([]uint32, len(k.docLen))}
	slotOf := map[string]uint32{}
	var titles []string
	for d, l := range k.docLen {
		if l == 0 {
			continue
		}
		id, title := describe(uint32(d))
		slot, ok := slotOf[id]
		if !ok {
			slot = uint32(len(g.length))
			slotOf[id] = slot
			g.length = append(g.length, 0)
			g.passages = append(g.passages, 0)
			titles = append(titles, title)
		}
		g.of[d] = slot
		g.length[slot] += float64(l)
		g.passages[slot]++
	}
	g.extraTitle = make([][]titleTerm, len(titles))
	g.lengthOnce = append([]float64(nil), g.length...)
	var total, totalOnce float64
	for slot, title := range titles {
		if extra := titleWeight * (g.passages[slot] - 1); extra > 0 && title != "" {
			counts := map[uint32]uint32{}
			for _, t := range prose.Terms(title) {
				if id, ok := k.termIDs[t]; ok {
					counts[id] += extra
				}
			}
			for id, n := range counts {
				g.extraTitle[slot] = append(g.extraTitle[slot], titleTerm{id, n})
				g.lengthOnce[slot] -= float64(n)
			}
		}
		total += g.length[slot]
		totalOnce += g.lengthOnce[slot]
	}
	g.live = len(g.length)
	g.memo = make([]atomic.Pointer[articleHeadline], g.live)
	if g.live > 0 {
		g.avg = total / float64(g.live)
		g.avgOnce = totalOnce / float64(g.live)
	}
	k.grouped = g
	return g
}

// extra returns how many of the article's occurrences of term are its
// title repeated in its passages beyond the first.
func (g *docGroups) extra(slot, term uint32) uint32 {
	for _, t := range g.extraTitle[slot] {
		if t.term == term {
			return t.n
		}
	}
	return 0
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
