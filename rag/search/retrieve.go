package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// DefaultK is how many passages Retrieve returns when the caller does not
// say.
const DefaultK = 6

// retrievalTuning holds every choice Retrieve makes that docs/QUALITY.md
// measures. Retrieve always uses defaultTuning; the quality ablations in
// retrieve_test.go switch one part off at a time.
type retrievalTuning struct {
	// candidates is the least number of passages each side (vector and
	// keyword) brings; with K passages wanted, each brings
	// candidatesPerHit×K when that is more.
	candidates int
	// articles is the least number of articles the article-level keyword
	// search brings; articlesPerHit×K when that is more.
	articles int

	// articleLevel ranks articles first (BM25 over each article's passages
	// together, and the best passage's cosine) and passages within them;
	// without it, passages are ranked on their own.
	articleLevel bool
	// passageShare is how much of its article's score a passage loses for
	// being weaker than the article's best passage: a passage scores its
	// article's score × (1 − passageShare + passageShare × its own score ÷
	// the best's). The best passage of each article keeps the whole
	// score, so the first passages follow the article order.
	passageShare float64

	// rrf fuses the two rankings by reciprocal rank instead of by
	// normalised scores.
	rrf           bool
	vectorWeight  float64
	keywordWeight float64

	// headlineWeight is the weight of how much of the question the
	// article's headline and lead (its first leadChars characters) cover.
	headlineWeight float64
	leadChars      int

	// titleOnce counts an article's title titleWeight times in its
	// article-level score, rather than once for every passage.
	titleOnce bool

	prior datePriorShape
	// bm25 are the BM25 parameters, for passages and articles alike.
	bm25 bm25Params
	// wordForms adds to what BM25 searches the other forms of a question's
	// word that the coverage never writes as the question does ("fled"
	// finds "flee").
	wordForms bool
	// stripTime removes a time phrase ("this week") from the words that
	// are searched, leaving it to the date prior. It measured slightly
	// worse: an article written that week often says "this week" too.
	stripTime bool
}

// datePriorShape says how a passage's date weighs its score.
type datePriorShape struct {
	// step is the original prior: 1 inside the window, floor outside,
	// future after the as-of date; smooth decays instead.
	step bool
	// recentDays is the window before the as-of date that counts as
	// current when the question names no time.
	recentDays int
	// halfLife is how many days outside the window halve the weight
	// above floor.
	halfLife float64
	floor    float64
	// future weighs articles published after the as-of date (more than a
	// day after, to allow for time zones).
	future  float64
	undated float64
}

var defaultTuning = retrievalTuning{
	candidates:     40,
	articles:       40,
	articleLevel:   true,
	passageShare:   0.5,
	vectorWeight:   0.25,
	keywordWeight:  1,
	headlineWeight: 1,
	leadChars:      600,
	titleOnce:      true,
	prior:          datePriorShape{recentDays: 7, halfLife: 7, floor: 0.3, future: 0.3, undated: 0.75},
	bm25:           bm25Params{k1: 1.2, b: 0.75},
	wordForms:      true,
}

const (
	candidatesPerHit = 8
	articlesPerHit   = 2
	rrfK             = 60
	// maxPerArticleShare caps how many of the K slots one article may take.
	maxPerArticleShare = 0.5
)

// Retrieve finds the passages that best match query. A vector search in
// chromem-go and a BM25 search over the same passages bring candidates;
// BM25 also scores whole articles. Articles are ranked by their keyword
// score, their best passage's cosine and how well their headline and lead
// match, weighed by how well their date fits the question; passages are
// ranked within that order and spread over several articles. ask, summary,
// eval and the bot all retrieve through it.
func (ix *Index) Retrieve(ctx context.Context, query string, opts rag.RetrieveOptions) ([]rag.Hit, error) {
	return ix.retrieve(ctx, query, opts, defaultTuning)
}

// preparedQuery is a question made ready to score: its terms and vector,
// and the time it is asked about.
type preparedQuery struct {
	terms []string
	// keywords are what BM25 searches: terms, and the irregular forms of
	// the question's words that the index holds (see wordForms).
	keywords  []string
	forms     []wordForm
	vec       []float32
	k         int
	asOf      time.Time
	window    prose.TimeWindow
	hasWindow bool
	opts      rag.RetrieveOptions
}

// passageCand is a passage under consideration, with what each side said
// about it.
type passageCand struct {
	doc    uint32
	vr, kr int     // 1-based ranks in the vector and keyword lists; 0 when absent
	cos    float64 // cosine to the question
	bm25   float64 // passage-level BM25
	group  uint32  // the article's slot in docGroups
	score  float64
}

// articleCand is an article under consideration.
type articleCand struct {
	bm25     float64 // article-level BM25
	cos      float64 // the best cosine among its passages
	headline float64 // share of the question's weight its headline and lead cover
	prior    float64
	score    float64
}

func (ix *Index) retrieve(ctx context.Context, query string, opts rag.RetrieveOptions, tu retrievalTuning) ([]rag.Hit, error) {
	q, err := ix.prepareQuery(ctx, query, opts, tu)
	if err != nil || q == nil {
		return nil, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	st := ix.st
	if len(st.byID) == 0 {
		return nil, nil
	}
	if len(q.vec) != st.dims && st.dims != 0 {
		return nil, fmt.Errorf("embed question: %d dimensions, the index has %d", len(q.vec), st.dims)
	}
	// Another form is searched only for a word the coverage never writes
	// as the question does: a back-off, so that a large coverage, which
	// has every form, ranks as it did.
	for _, f := range q.forms {
		if st.kw.idf(f.of) == 0 && st.kw.idf(f.term) > 0 && !slices.Contains(q.keywords, f.term) {
			q.keywords = append(q.keywords, f.term)
		}
	}
	c, err := gather(ctx, ix.searcher(st, tu), st, q, tu)
	if err != nil {
		return nil, err
	}
	return st.rank(q, c, tu), nil
}

// prepareQuery embeds the question. It runs before the index lock is taken:
// a remote embedder may take a while, and ingestion must not wait for it.
func (ix *Index) prepareQuery(ctx context.Context, query string, opts rag.RetrieveOptions, tu retrievalTuning) (*preparedQuery, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, nil
	}
	q := &preparedQuery{k: opts.K, asOf: opts.AsOf, opts: opts}
	if q.k <= 0 {
		q.k = DefaultK
	}
	if q.asOf.IsZero() {
		q.asOf = time.Now()
	}
	q.window, q.hasWindow = prose.ParseTimeWindow(query, q.asOf)
	search := query
	if q.hasWindow && tu.stripTime {
		// "this week" is a date, not words to match: the prior uses it.
		if s := strings.TrimSpace(strings.Replace(query, q.window.Phrase, " ", 1)); s != "" {
			search = s
		}
	}
	q.terms = prose.Terms(search)
	q.keywords = slices.Clip(q.terms)
	if tu.wordForms {
		q.forms = wordForms(search)
	}
	vecs, err := ix.embedder.Embed(ctx, []string{search})
	if err != nil {
		return nil, fmt.Errorf("embed question: %w", err)
	}
	if len(vecs) != 1 {
		return nil, fmt.Errorf("embed question: got %d vectors for 1 text", len(vecs))
	}
	q.vec = append([]float32(nil), vecs[0]...)
	if !isZero(q.vec) {
		// A question of stop words only has no direction; unitVector would
		// give it one.
		q.vec = unitVector(q.vec)
	}
	return q, nil
}

// keeper returns the filter that opts ask for: one article, or a span of
// publication dates (undated passages pass).
func (st *indexState) keeper(opts rag.RetrieveOptions) func(uint32) bool {
	return func(doc uint32) bool {
		rec := st.docs[doc]
		if rec == nil {
			return false
		}
		if opts.ArticleID != "" && rec.ArticleID != opts.ArticleID {
			return false
		}
		if !rec.Published.IsZero() {
			if !opts.Since.IsZero() && rec.Published.Before(opts.Since) {
				return false
			}
			if !opts.Until.IsZero() && !rec.Published.Before(opts.Until) {
				return false
			}
		}
		return true
	}
}

// rank scores the candidates and picks the k hits.
func (st *indexState) rank(q *preparedQuery, gc *gathered, tu retrievalTuning) []rag.Hit {
	list := gc.passages
	tu.fuse(list)
	if tu.articleLevel {
		st.scoreArticles(q, gc, tu)
		best := map[uint32]float64{}
		for _, c := range list {
			best[c.group] = max(best[c.group], c.score)
		}
		for _, c := range list {
			c.score = gc.articles[c.group].score * (1 - tu.passageShare + tu.passageShare*ratio(c.score, best[c.group]))
		}
	} else {
		var head map[uint32]float64
		if tu.headlineWeight > 0 {
			head = st.headlineCoverage(q, list, gc.groups, tu)
		}
		for _, c := range list {
			rec := st.docs[c.doc]
			c.score += tu.headlineWeight * head[c.group]
			c.score *= tu.prior.weigh(rec.Published, q)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return list[i].doc < list[j].doc
	})

	// Diversity: one article may fill at most a share of the slots, unless
	// there is nothing else to show.
	k := q.k
	limit := max(1, int(math.Ceil(maxPerArticleShare*float64(k))))
	if q.opts.ArticleID != "" {
		limit = k
	}
	perArticle := map[string]int{}
	var hits, overflow []rag.Hit
	for _, c := range list {
		rec := st.docs[c.doc]
		h := rag.Hit{Passage: rec.Passage, Score: c.score, VectorRank: c.vr, KeywordRank: c.kr}
		if perArticle[rec.ArticleID] >= limit {
			overflow = append(overflow, h)
			continue
		}
		perArticle[rec.ArticleID]++
		hits = append(hits, h)
		if len(hits) == k {
			break
		}
	}
	for i := 0; len(hits) < k && i < len(overflow); i++ {
		hits = append(hits, overflow[i])
	}
	return hits
}

// fuse gives each passage its own score from the two sides: each side's
// score divided by the best on that side, weighed; or, with rrf, the sum of
// reciprocal ranks.
func (tu retrievalTuning) fuse(list []*passageCand) {
	if tu.rrf {
		for _, c := range list {
			c.score = 0
			if c.vr > 0 {
				c.score += tu.vectorWeight / float64(rrfK+c.vr)
			}
			if c.kr > 0 {
				c.score += tu.keywordWeight / float64(rrfK+c.kr)
			}
		}
		return
	}
	var maxCos, maxBM float64
	for _, c := range list {
		maxCos = max(maxCos, c.cos)
		maxBM = max(maxBM, c.bm25)
	}
	for _, c := range list {
		c.score = tu.vectorWeight*ratio(c.cos, maxCos) + tu.keywordWeight*ratio(c.bm25, maxBM)
	}
}

func ratio(x, best float64) float64 {
	if best <= 0 || x <= 0 {
		return 0
	}
	return x / best
}

// scoreArticles scores every candidate article: its BM25 and its best
// passage cosine, each divided by the best among the candidates, plus the
// headline bonus, all weighed by the date prior.
func (st *indexState) scoreArticles(q *preparedQuery, gc *gathered, tu retrievalTuning) {
	// An article's cosine is its best candidate passage's: the vector
	// search brought its nearest passages, and an article found by
	// keywords alone brought its best keyword passage.
	first := map[uint32]uint32{} // a passage of each article, to find it by
	for _, c := range gc.passages {
		if _, ok := first[c.group]; !ok {
			first[c.group] = c.doc
		}
		a := gc.articles[c.group]
		a.cos = max(a.cos, c.cos)
	}
	idf, total := st.questionIDF(q)
	var maxBM, maxCos float64
	for slot, a := range gc.articles {
		rec := st.docs[first[slot]]
		if tu.headlineWeight > 0 && total > 0 {
			h := st.headline(gc.groups, slot, rec.ArticleID, tu.leadChars)
			a.headline = max(coverage(h.title, idf), coverage(h.lead, idf)) / total
		}
		a.prior = tu.prior.weigh(rec.Published, q)
		maxBM = max(maxBM, a.bm25)
		maxCos = max(maxCos, a.cos)
	}
	for _, a := range gc.articles {
		a.score = a.prior * (tu.keywordWeight*ratio(a.bm25, maxBM) + tu.vectorWeight*ratio(a.cos, maxCos) + tu.headlineWeight*a.headline)
	}
}

// questionIDF returns the inverse document frequency of each of the
// question's terms, and their sum.
func (st *indexState) questionIDF(q *preparedQuery) (map[string]float64, float64) {
	idf := make(map[string]float64, len(q.terms))
	var total float64
	for _, t := range q.terms {
		if _, ok := idf[t]; !ok {
			idf[t] = st.kw.idf(t)
			total += idf[t]
		}
	}
	return idf, total
}

// coverage sums the weight of the question terms among terms, which are
// distinct.
func coverage(terms []string, idf map[string]float64) float64 {
	var sum float64
	for _, t := range terms {
		sum += idf[t]
	}
	return sum
}

// headlineCoverage is the headline bonus for ranking passages alone.
func (st *indexState) headlineCoverage(q *preparedQuery, list []*passageCand, g *docGroups, tu retrievalTuning) map[uint32]float64 {
	idf, total := st.questionIDF(q)
	out := map[uint32]float64{}
	if total == 0 {
		return out
	}
	for _, c := range list {
		if _, ok := out[c.group]; !ok {
			h := st.headline(g, c.group, st.docs[c.doc].ArticleID, tu.leadChars)
			out[c.group] = max(coverage(h.title, idf), coverage(h.lead, idf)) / total
		}
	}
	return out
}

// articleHeadline holds the distinct terms of an article's title and of its
// lead, the summaries the headline bonus compares with the question. The
// bonus takes the better of the two rather than both together: they say
// the same thing, and an article without a title should not lose for it.
type articleHeadline struct {
	leadChars   int
	title, lead []string
}

// headline returns the article's headline terms, computing them on first
// use after the index changed. News puts the story in its first lines,
// which a digest or a passing mention of the subject does not.
func (st *indexState) headline(g *docGroups, slot uint32, articleID string, leadChars int) *articleHeadline {
	if h := g.memo[slot].Load(); h != nil && h.leadChars == leadChars {
		return h
	}
	h := &articleHeadline{leadChars: leadChars}
	if a := st.articles[articleID]; a != nil && len(a.docs) > 0 {
		h.title = distinct(prose.Terms(a.info.Title))
		h.lead = distinct(prose.Terms(leadOf(st.docs[a.docs[0]].Text, leadChars)))
	}
	g.memo[slot].Store(h)
	return h
}

func distinct(terms []string) []string {
	seen := make(map[string]bool, len(terms))
	out := terms[:0]
	for _, t := range terms {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// leadOf returns the opening of an article's text: whole sentences up to
// about n characters, and at least one.
func leadOf(text string, n int) string {
	end := 0
	for _, sp := range prose.SentenceSpans(text) {
		if end > 0 && sp[1] > n {
			break
		}
		end = sp[1]
	}
	return text[:end]
}

// vectorSearch returns the n documents most similar to qvec that keep
// accepts, best first (see nearest). A search within one article scores
// that article's passages directly instead, and returns all of them.
func (st *indexState) vectorSearch(ctx context.Context, qvec []float32, n int, articleID string, keep func(uint32) bool) ([]uint32, error) {
	if isZero(qvec) {
		return nil, nil // a question of stop words only: no direction to search
	}
	if articleID != "" {
		a, ok := st.articles[articleID]
		if !ok {
			return nil, nil
		}
		docs := append([]uint32(nil), a.docs...)
		sims := make(map[uint32]float32, len(docs))
		for _, d := range docs {
			sims[d] = dot(qvec, st.docs[d].vec)
		}
		sort.Slice(docs, func(i, j int) bool { return sims[docs[i]] > sims[docs[j]] })
		return docs, nil
	}
	docs, err := st.nearest(ctx, qvec, n, keep)
	if err != nil {
		return nil, fmt.Errorf("vector search: %w", err)
	}
	return docs, nil
}

func isZero(v []float32) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}

// dot is the dot product of two vectors of the same length. It keeps four
// sums (dimensions 0, 4, 8, … in the first, 1, 5, 9, … in the second, and
// so on) and adds them at the end: with one sum, every addition waits for
// the one before, and the scan of a large index spends most of its time
// waiting (2.4 times as long on this machine, docs/BENCHMARKS.md). The
// result can differ from a sum in order in the last bits.
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// weigh returns the date prior of an article published at published for
// the question q.
//
// The question's window is the time it names ("this week", "in
// February"), or else the recentDays before the as-of date. Inside it the
// weight is 1. Outside, the weight halves every halfLife days towards
// floor: news questions are asked a few days after the story, and the
// older a story the less likely it is the one meant, but an old story that
// matches far better can still win. Anything published more than a day
// after the as-of date weighs future; an undated article weighs undated,
// between the two, so it is neither lost nor favoured.
func (p datePriorShape) weigh(published time.Time, q *preparedQuery) float64 {
	if published.IsZero() {
		return p.undated
	}
	day := prose.TruncateDay(q.asOf)
	if p.step {
		if q.hasWindow {
			if q.window.Contains(published) {
				return 1
			}
			return p.floor
		}
		days := q.asOf.Sub(published).Hours() / 24
		switch {
		case days < -1:
			return p.future
		case days <= float64(p.recentDays):
			return 1
		}
		return p.floor
	}
	if !published.Before(day.AddDate(0, 0, 2)) {
		return p.future
	}
	// Coverage of a named time runs from then until the question is asked,
	// so the window stretches from the earlier of the named time and the
	// recent days up to the as-of date.
	w := prose.TimeWindow{Since: day.AddDate(0, 0, -p.recentDays), Until: day.AddDate(0, 0, 2)}
	if q.hasWindow && q.window.Since.Before(w.Since) {
		w.Since = q.window.Since
	}
	var days float64
	switch {
	case published.Before(w.Since):
		days = w.Since.Sub(published).Hours() / 24
	case !published.Before(w.Until):
		days = published.Sub(w.Until).Hours() / 24
	default:
		return 1
	}
	return p.floor + (1-p.floor)*math.Exp2(-days/p.halfLife)
}
