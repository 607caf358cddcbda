package weaviate

import (
	"math"
	"sync"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/search"
)

// keywordStats are the BM25 statistics of the whole index as this process
// read it: the number of passages and articles, their total length in
// terms, and how many of each hold every term. Weaviate scores BM25 with
// the statistics of the replica that answers: its object count, its
// running mean of property lengths and its postings, which differ from
// node to node with the order of writes, the state of compaction and
// replication. Scored with these instead, a passage has the same BM25
// whichever replica found it.
//
// They are counted from the catalog (Store.Catalog, which every index
// reads when it opens and again whenever the store's version changes), and
// kept up to date by this process's own Put of new articles. A replaced or
// deleted article makes them stale, as the catalog that the index holds
// then is no longer the one they were counted from; until the next catalog
// read, keyword queries take Weaviate's own scores.
type keywordStats struct {
	mu       sync.RWMutex
	valid    bool
	known    map[string]bool // article ids counted
	passages corpusStats
	articles corpusStats
}

// corpusStats are one collection's statistics.
type corpusStats struct {
	n     int
	total int64
	df    map[string]int32
}

func newKeywordStats() *keywordStats {
	return &keywordStats{
		valid: true, known: map[string]bool{},
		passages: corpusStats{df: map[string]int32{}},
		articles: corpusStats{df: map[string]int32{}},
	}
}

// articleTerms are what the store indexes for one article: each passage's
// keyword terms and the article's.
type articleTerms struct {
	passages [][]string
	article  []string
}

// termsOf computes an article's keyword terms, once for both the objects
// written and the statistics.
func termsOf(a rag.StoredArticle) articleTerms {
	var at articleTerms
	for _, p := range a.Passages {
		at.passages = append(at.passages, search.PassageKeywords(a.Info.Title, p.Text))
	}
	at.article = search.ArticleKeywords(a)
	return at
}

// count adds an article to the statistics.
func (k *keywordStats) count(id string, at articleTerms) {
	k.known[id] = true
	for _, p := range at.passages {
		k.passages.add(p)
	}
	k.articles.add(at.article)
}

func (c *corpusStats) add(terms []string) {
	c.n++
	c.total += int64(len(terms))
	seen := make(map[string]bool, len(terms))
	for _, t := range terms {
		if !seen[t] {
			seen[t] = true
			c.df[t]++
		}
	}
}

// wrote records this process's own write: new articles are counted; a
// replaced one makes the statistics stale.
func (k *keywordStats) wrote(arts []rag.StoredArticle, terms []articleTerms) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for i, a := range arts {
		if k.known[a.Info.ID] {
			k.valid = false
		}
		if !k.valid {
			return
		}
		k.count(a.Info.ID, terms[i])
	}
}

// isNew reports whether the article is certainly not in the store: the
// statistics are those of a complete catalog read, with this process's
// writes since, and they do not count it.
func (k *keywordStats) isNew(id string) bool {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return k.valid && !k.known[id]
}

// invalidate marks the statistics stale until the catalog is read again.
func (k *keywordStats) invalidate() {
	k.mu.Lock()
	k.valid = false
	k.mu.Unlock()
}

// replace takes the statistics of a complete catalog read.
func (k *keywordStats) replace(from *keywordStats) {
	k.mu.Lock()
	k.valid, k.known, k.passages, k.articles = true, from.known, from.passages, from.articles
	k.mu.Unlock()
}

// scorer returns a BM25 scorer of query over the passages or the
// articles, or false when the statistics are stale.
func (k *keywordStats) scorer(articles bool, query []string) (func(doc []string) float64, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	if !k.valid {
		return nil, false
	}
	c := &k.passages
	if articles {
		c = &k.articles
	}
	df := make(map[string]int32, len(query))
	for _, t := range query {
		df[t] = c.df[t]
	}
	n, avg := c.n, 1.0
	if n > 0 {
		avg = float64(c.total) / float64(n)
	}
	return func(doc []string) float64 { return bm25(query, doc, df, n, avg) }, true
}

// bm25 is Okapi BM25 with the in-process index's parameters, the (k1 + 1)
// factor included: the score the in-process index gives a document holding
// these terms.
func bm25(query, doc []string, df map[string]int32, n int, avg float64) float64 {
	tf := make(map[string]int, len(query))
	for _, t := range query {
		tf[t] = 0
	}
	for _, t := range doc {
		if _, ok := tf[t]; ok {
			tf[t]++
		}
	}
	norm := bm25K1 * (1 - bm25B + bm25B*float64(max(len(doc), 1))/avg)
	var score float64
	for _, t := range query {
		f := float64(tf[t])
		d := df[t]
		if f == 0 || d == 0 {
			continue
		}
		idf := math.Log(1 + (float64(n)-float64(d)+0.5)/(float64(d)+0.5))
		score += idf * f * (bm25K1 + 1) / (f + norm)
	}
	return score
}
