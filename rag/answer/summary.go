package answer

import (
	"math"
	"sort"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

const (
	abstainNothingToSummarise = "The coverage doesn't say: there is nothing to summarise."
	abstainUnverifiedSummary  = "No summary is shown: none of its sentences could be checked against the coverage."
)

// Tuning of the extractive summariser.
const (
	defaultSummarySentences = 5
	// LexRank compares every pair of sentences, so beyond this many the
	// sentences nearest the centroid of all of them are ranked and the rest
	// left out.
	maxSummaryCandidates = 500
	minSummaryTokens     = 6
	lexRankDamping       = 0.85
	lexRankMinSimilarity = 0.1
	// With a focus the walk jumps by relevance half the time (topic-biased
	// LexRank), and an off-topic sentence keeps focusFloor of the top
	// relevance.
	focusDamping        = 0.5
	focusFloor          = 0.05
	summaryDuplicateCos = 0.5
	mmrLambda           = 0.6
)

// summarySentence is one candidate sentence of an extractive summary.
type summarySentence struct {
	text     string
	passage  int // index into the passages
	offset   int // byte offset in the passage
	order    int // position among its article's sentences
	terms    map[string]bool
	vec      map[string]float64 // unit-length TF-IDF vector
	centrank float64
}

// ExtractiveSummary summarises passages without a language model. Sentences
// are ranked by centrality (LexRank: PageRank over their TF-IDF cosine
// similarities, with a prior that favours the opening sentences of an
// article, where news puts what matters); the best are taken by maximal
// marginal relevance with near-duplicates left out, put in order (oldest
// article first, then as they stand in it) and cited. maxSentences ≤ 0
// means 5.
func ExtractiveSummary(passages []rag.Passage, maxSentences int) rag.Answer {
	return ExtractiveSummaryFocus(passages, "", maxSentences)
}

// ExtractiveSummaryFocus is ExtractiveSummary for a topic: the random walk
// jumps to sentences in proportion to their similarity to focus (topic-biased
// LexRank), so the summary keeps to the topic among passages that retrieval
// returned for it, while centrality still decides among the relevant
// sentences. An empty focus is ExtractiveSummary.
func ExtractiveSummaryFocus(passages []rag.Passage, focus string, maxSentences int) rag.Answer {
	ans := rag.Answer{Mode: rag.ModeExtractive}
	if maxSentences <= 0 {
		maxSentences = defaultSummarySentences
	}
	sents := summaryCandidates(passages)
	if len(sents) == 0 {
		ans.Text = abstainNothingToSummarise
		ans.Abstained = true
		return ans
	}
	idf := weighSentences(sents)
	if len(sents) > maxSummaryCandidates {
		sents = nearestCentroid(sents, maxSummaryCandidates)
	}
	relevance := focusRelevance(sents, focus, idf)
	lexRank(sents, relevance)

	chosen := selectDiverse(sents, maxSentences)
	// With a focus, the article most about it leads (its most relevant
	// sentence, then its rank): a summary of "the Trump Zelenskyy meeting"
	// opens with the meeting, not with an older story that touches it.
	lead := map[string]float64{}
	if relevance != nil {
		// A sentence that holds nothing of the focus is not about it,
		// however central it is to the passages retrieved for it.
		onTopic := chosen[:0]
		for _, c := range chosen {
			if relevanceOf(sents, relevance, c) > 0 {
				onTopic = append(onTopic, c)
			}
		}
		if len(onTopic) > 0 {
			chosen = onTopic
		}
		for _, c := range chosen {
			id := passages[c.passage].ArticleID
			lead[id] = math.Max(lead[id], relevanceOf(sents, relevance, c)+c.centrank*1e-9)
		}
	}
	sort.SliceStable(chosen, func(i, j int) bool {
		a, b := passages[chosen[i].passage], passages[chosen[j].passage]
		switch {
		case a.ArticleID != b.ArticleID && lead[a.ArticleID] != lead[b.ArticleID]:
			return lead[a.ArticleID] > lead[b.ArticleID]
		case !a.Published.Equal(b.Published):
			if a.Published.IsZero() || b.Published.IsZero() {
				return b.Published.IsZero() // undated articles last
			}
			return a.Published.Before(b.Published)
		case a.ArticleID != b.ArticleID:
			return a.ArticleID < b.ArticleID
		}
		return chosen[i].order < chosen[j].order
	})

	numbers := map[int]int{}
	parts := make([]string, 0, len(chosen))
	for _, s := range chosen {
		n, ok := numbers[s.passage]
		if !ok {
			n = len(numbers) + 1
			numbers[s.passage] = n
			ans.Citations = append(ans.Citations, rag.Citation{N: n, Passage: passages[s.passage]})
		}
		parts = append(parts, citeSentence(s.text, n))
	}
	ans.Text = strings.Join(parts, " ")
	ans.AsOf = newestPublished(ans.Citations)
	return ans
}

// selectDiverse picks up to limit sentences by maximal marginal relevance:
// each next one is the most central after a penalty for its similarity to
// those already picked, so a point the coverage repeats is made once.
// Near-duplicates are never picked.
func selectDiverse(sents []summarySentence, limit int) []*summarySentence {
	top := 0.0
	for _, s := range sents {
		top = math.Max(top, s.centrank)
	}
	picked := make([]bool, len(sents))
	var chosen []*summarySentence
	for len(chosen) < limit {
		best, bestScore := -1, math.Inf(-1)
		for i := range sents {
			if picked[i] {
				continue
			}
			s := &sents[i]
			overlap, dup := 0.0, false
			for _, c := range chosen {
				sim := cosine(s.vec, c.vec)
				if sim >= summaryDuplicateCos || nearDuplicate(s.terms, c.terms) {
					dup = true
					break
				}
				overlap = math.Max(overlap, sim)
			}
			if dup {
				continue
			}
			score := mmrLambda*s.centrank/top - (1-mmrLambda)*overlap
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			break
		}
		picked[best] = true
		chosen = append(chosen, &sents[best])
	}
	return chosen
}

// summaryCandidates collects the sentences worth ranking, each once: passages
// of one article overlap, and syndicated articles repeat each other.
func summaryCandidates(passages []rag.Passage) []summarySentence {
	idx := make([]int, len(passages))
	for i := range idx {
		idx[i] = i
	}
	// Reading an article's passages in order makes a sentence that two
	// passages share belong to the first, and numbers sentences as they
	// stand.
	sort.SliceStable(idx, func(a, b int) bool {
		pa, pb := passages[idx[a]], passages[idx[b]]
		if pa.ArticleID != pb.ArticleID {
			return pa.ArticleID < pb.ArticleID
		}
		return pa.Pos < pb.Pos
	})
	var out []summarySentence
	seen := map[string]bool{}
	order := map[string]int{}
	for _, pi := range idx {
		p := passages[pi]
		for _, sp := range prose.SentenceSpans(p.Text) {
			text := strings.TrimSpace(removeMarkers(p.Text[sp[0]:sp[1]]))
			toks := prose.Tokenize(text)
			key := strings.Join(toks, " ")
			if seen[key] {
				continue
			}
			seen[key] = true
			order[p.ArticleID]++
			if len(toks) < minSummaryTokens || strings.HasSuffix(strings.TrimRight(text, "\"'”’)"), "?") {
				continue
			}
			out = append(out, summarySentence{text: text, passage: pi, offset: sp[0], order: order[p.ArticleID] - 1, terms: termSet(text)})
		}
	}
	return out
}

// weighSentences gives each sentence a unit TF-IDF vector, with IDF taken
// over the sentences themselves, and returns that IDF.
func weighSentences(sents []summarySentence) func(term string) float64 {
	df := map[string]int{}
	tfs := make([]map[string]int, len(sents))
	for i := range sents {
		tf := map[string]int{}
		for _, t := range prose.Terms(sents[i].text) {
			tf[t]++
		}
		tfs[i] = tf
		for t := range tf {
			df[t]++
		}
	}
	n := float64(len(sents))
	idf := func(t string) float64 { return math.Log((n+1)/(float64(df[t])+1)) + 1 }
	for i := range sents {
		vec := make(map[string]float64, len(tfs[i]))
		var norm float64
		for t, c := range tfs[i] {
			w := (1 + math.Log(float64(c))) * idf(t)
			vec[t] = w
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for t := range vec {
			vec[t] /= norm
		}
		sents[i].vec = vec
	}
	return idf
}

// focusRelevance gives each sentence's relevance to the focus, or nil when
// there is no focus or nothing in the passages shares a word with it: the
// share of the focus's weight (its words' IDF over the sentences) that the
// sentence holds, squared, so that a sentence about the whole of "the Trump
// Zelenskyy meeting" counts far more than one that only says "meet".
func focusRelevance(sents []summarySentence, focus string, idf func(string) float64) []float64 {
	q := map[string]float64{}
	var total float64
	for _, t := range prose.Terms(focus) {
		if _, ok := q[t]; !ok {
			q[t] = idf(t)
			total += q[t]
		}
	}
	if len(q) == 0 {
		return nil
	}
	rel := make([]float64, len(sents))
	related := false
	for i, s := range sents {
		var held float64
		for t, w := range q {
			if s.terms[t] {
				held += w
			}
		}
		rel[i] = (held / total) * (held / total)
		related = related || rel[i] > 0
	}
	if !related {
		return nil
	}
	return rel
}

// relevanceOf is a chosen sentence's relevance.
func relevanceOf(sents []summarySentence, relevance []float64, c *summarySentence) float64 {
	for i := range sents {
		if &sents[i] == c {
			return relevance[i]
		}
	}
	return 0
}

func cosine(a, b map[string]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot float64
	for t, w := range a {
		dot += w * b[t]
	}
	return dot
}

// nearestCentroid keeps the limit sentences most similar to the centroid of
// all of them, in their original order.
func nearestCentroid(sents []summarySentence, limit int) []summarySentence {
	centroid := map[string]float64{}
	for _, s := range sents {
		for t, w := range s.vec {
			centroid[t] += w
		}
	}
	sims := make([]float64, len(sents))
	idx := make([]int, len(sents))
	for i := range sents {
		sims[i] = cosine(sents[i].vec, centroid)
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return sims[idx[a]] > sims[idx[b]] })
	idx = idx[:limit]
	sort.Ints(idx)
	out := make([]summarySentence, limit)
	for i, j := range idx {
		out[i] = sents[j]
	}
	return out
}

// lexRank sets each sentence's centrank: the stationary distribution of a
// random walk that follows cosine similarity between sentences and, with
// probability 1−damping, jumps to a sentence chosen by the prior. The prior
// favours an article's opening sentences and, when relevance is given,
// sentences relevant to the focus; the walk then jumps more often, so that
// relevance weighs as much as centrality.
func lexRank(sents []summarySentence, relevance []float64) {
	n := len(sents)
	damping := lexRankDamping
	prior := make([]float64, n)
	var top float64
	for _, r := range relevance {
		top = math.Max(top, r)
	}
	var priorSum float64
	for i, s := range sents {
		prior[i] = 1 / math.Sqrt(float64(1+s.order))
		if relevance != nil {
			// A sentence off the topic keeps a little weight, so the
			// walk still reaches every sentence.
			prior[i] *= relevance[i] + focusFloor*top
		}
		priorSum += prior[i]
	}
	for i := range prior {
		prior[i] /= priorSum
	}
	if relevance != nil {
		damping = focusDamping
	}
	type edge struct {
		to int
		w  float64
	}
	out := make([][]edge, n)
	outSum := make([]float64, n)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if s := cosine(sents[i].vec, sents[j].vec); s >= lexRankMinSimilarity {
				out[i] = append(out[i], edge{j, s})
				out[j] = append(out[j], edge{i, s})
				outSum[i] += s
				outSum[j] += s
			}
		}
	}
	rank := append([]float64(nil), prior...)
	next := make([]float64, n)
	for range 100 {
		var dangling float64
		for i := range next {
			next[i] = 0
		}
		for i := 0; i < n; i++ {
			if outSum[i] == 0 {
				dangling += rank[i]
				continue
			}
			for _, e := range out[i] {
				next[e.to] += rank[i] * e.w / outSum[i]
			}
		}
		var diff float64
		for i := range next {
			v := (1-damping)*prior[i] + damping*(next[i]+dangling*prior[i])
			diff += math.Abs(v - rank[i])
			next[i] = v
		}
		rank, next = next, rank
		if diff < 1e-9 {
			break
		}
	}
	for i := range sents {
		sents[i].centrank = rank[i]
	}
}
