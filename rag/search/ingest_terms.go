package search

import (
	"math"
	"slices"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// Ingestion counts each passage's terms once, for BM25 and, with the
// embedded default, for its vector too. A term is interned on first sight in
// a termDict, and from then on a passage is a list of small ids: its counts
// are (id, count) pairs in one slab per article, which is all that waits
// for apply; the keyword index maps each id to its own term id once per
// batch, not once per passage; and the embedded embedder hashes a term's
// features once per batch instead of once per passage it appears in.

// termDict interns the terms of one share of an ingestion batch. Its ids
// are its own: apply maps them to the keyword index's (global).
type termDict struct {
	ids   map[string]uint32
	terms []string
	// tokens maps each token (prose.Tokenize) met so far to its term's id
	// plus one, or to 0 for a stop word, so that a token seen before costs
	// one lookup instead of the stop-word test, the stemmer and intern.
	tokens map[string]uint32
	// feats are the embedded embedder's features of each term, computed on
	// first use for the options in featsFor.
	feats    []termFeatures
	featsFor localEmbedOptions
	// global is, by id, the keyword index's id of the term plus one (0:
	// not looked up yet), for the index globalOf.
	global   []uint32
	globalOf *keywordIndex
}

func newTermDict() *termDict {
	return &termDict{ids: map[string]uint32{}, tokens: map[string]uint32{}}
}

// intern returns t's id, giving it the next one when it is new.
func (d *termDict) intern(t string) uint32 {
	if id, ok := d.ids[t]; ok {
		return id
	}
	id := uint32(len(d.terms))
	d.ids[t] = id
	d.terms = append(d.terms, t)
	return id
}

// globalID returns the keyword index's id of the dictionary's term id,
// adding the term to k when k does not know it yet.
func (d *termDict) globalID(k *keywordIndex, id uint32) uint32 {
	if d.globalOf != k {
		d.globalOf, d.global = k, make([]uint32, len(d.terms))
	}
	if int(id) >= len(d.global) {
		d.global = append(d.global, make([]uint32, len(d.terms)-len(d.global))...)
	}
	if g := d.global[id]; g != 0 {
		return g - 1
	}
	g := k.termID(d.terms[id])
	d.global[id] = g + 1
	return g
}

// termFeatures are the features the embedded embedder hashes for one term,
// each a dimension with the sign in bit 31: the term itself and its
// character trigrams (see embedTerms).
type termFeatures struct {
	ready bool
	term  uint32
	grams []uint32
	// sqrtGrams is the square root of the number of trigrams.
	sqrtGrams float64
}

// feature encodes a hashed feature as its dimension and sign, as
// addFeature reads the hash.
func feature(h uint64, dims int) uint32 {
	f := uint32(h % uint64(dims))
	if h&(1<<63) != 0 {
		f |= 1 << 31
	}
	return f
}

func addEncoded(vec []float32, f uint32, w float64) {
	if f&(1<<31) != 0 {
		w = -w
	}
	vec[f&^(1<<31)] += float32(w)
}

// features returns the embedded embedder's features of term id for o.
func (d *termDict) features(o localEmbedOptions, id uint32) *termFeatures {
	if d.featsFor != o {
		d.featsFor, d.feats = o, nil
	}
	if int(id) >= len(d.feats) {
		d.feats = append(d.feats, make([]termFeatures, len(d.terms)-len(d.feats))...)
	}
	f := &d.feats[id]
	if f.ready {
		return f
	}
	t := d.terms[id]
	f.ready = true
	f.term = feature(fnv64(0x1, t, ""), o.dims)
	if len(t) >= 4 && o.trigram > 0 {
		padded := "^" + t + "$"
		grams := len(padded) - 2
		f.sqrtGrams = math.Sqrt(float64(grams))
		f.grams = make([]uint32, 0, grams)
		for i := 0; i+3 <= len(padded); i++ {
			f.grams = append(f.grams, feature(fnv64(0x3, padded[i:i+3], ""), o.dims))
		}
	}
	return f
}

// idCount is a term of a passage, by its id in the batch's termDict, and
// how often it counts for BM25.
type idCount struct {
	id, tf uint32
}

// termCounter splits texts into terms and counts them, for one goroutine.
type termCounter struct {
	dict *termDict
	// bm and raw are, by term id, the counts of the passage being counted
	// (BM25's, with the title counted titleWeight times, and the
	// embedder's, with every term once); touched lists its distinct terms
	// in the order they first appear. All are emptied after each passage.
	bm, raw []uint32
	touched []uint32
	seq     []uint32
	// split counts the texts split into terms.
	split int
	toks  []string
	// counts gathers an article's counts before they are kept.
	counts []idCount
}

func newTermCounter() *termCounter { return &termCounter{dict: newTermDict()} }

// ids splits s into index terms and appends their ids to dst. The terms
// are prose.Terms(s): the tokens that are not stop words, stemmed.
func (c *termCounter) ids(dst []uint32, s string) []uint32 {
	c.split++
	d := c.dict
	c.toks = prose.AppendTokens(c.toks[:0], s)
	for _, tok := range c.toks {
		id, ok := d.tokens[tok]
		if !ok {
			if !prose.IsStopword(tok) {
				id = d.intern(prose.Stem(tok)) + 1
			}
			d.tokens[tok] = id
		}
		if id != 0 {
			dst = append(dst, id-1)
		}
	}
	clear(c.toks) // hold no text between calls
	if n := len(c.dict.terms); n > len(c.bm) {
		c.bm = append(c.bm, make([]uint32, n-len(c.bm))...)
		c.raw = append(c.raw, make([]uint32, n-len(c.raw))...)
	}
	return dst
}

// count counts a passage whose title and text have the term ids title and
// text: it appends the passage's BM25 counts to counts and returns them
// with the passage's length in terms. With embed, it also writes the
// embedded embedder's vector of the passage (title, then text) into vec,
// which must be zero.
func (c *termCounter) count(counts []idCount, title, text []uint32, o *localEmbedOptions, vec []float32) ([]idCount, uint32) {
	var n uint32
	for _, id := range text {
		if c.raw[id] == 0 {
			c.touched = append(c.touched, id)
		}
		c.bm[id]++
		c.raw[id]++
		n++
	}
	for _, id := range title {
		if c.raw[id] == 0 {
			c.touched = append(c.touched, id)
		}
		c.bm[id] += titleWeight
		c.raw[id]++
		n += titleWeight
	}
	for _, id := range c.touched {
		counts = append(counts, idCount{id, c.bm[id]})
	}
	if o != nil && len(c.touched) > 0 {
		c.seq = append(append(c.seq[:0], title...), text...)
		c.embed(*o, vec)
	}
	for _, id := range c.touched {
		c.bm[id], c.raw[id] = 0, 0
	}
	c.touched = c.touched[:0]
	return counts, n
}

// embed is embedTerms of the terms in c.seq, whose distinct terms and their
// counts are c.touched and c.raw, with each term's features hashed once per
// batch. The weights are computed exactly as embedTerms does.
func (c *termCounter) embed(o localEmbedOptions, vec []float32) {
	d := c.dict
	for _, id := range c.touched {
		f := d.features(o, id)
		w := o.term * (1 + math.Log(float64(c.raw[id])))
		addEncoded(vec, f.term, w)
		if len(f.grams) > 0 {
			gw := o.trigram * w / f.sqrtGrams
			for _, g := range f.grams {
				addEncoded(vec, g, gw)
			}
		}
	}
	if o.bigram > 0 {
		for i := 0; i+1 < len(c.seq); i++ {
			addFeature(vec, fnv64(0x2, d.terms[c.seq[i]], d.terms[c.seq[i+1]]), o.bigram)
		}
	}
	normalize(vec)
}

// reserve grows the postings of every term the articles hold by the number
// of their passages that hold it, so that adding them allocates each list
// once instead of doubling it as it fills.
func (k *keywordIndex) reserve(arts []preparedArticle) {
	if k.statsOnly {
		return
	}
	more := make([]uint32, len(k.postings))
	for _, pa := range arts {
		for _, c := range pa.counts {
			id := pa.dict.globalID(k, c.id)
			if int(id) >= len(more) {
				more = append(more, make([]uint32, int(id)+1-len(more))...)
			}
			more[id]++
		}
	}
	for id, n := range more {
		if n > 0 {
			k.postings[id] = slices.Grow(k.postings[id], int(n))
		}
	}
}
