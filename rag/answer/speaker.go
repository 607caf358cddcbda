package answer

import (
	"sort"

	"github.com/coveragebot/coveragebot/rag"
)

// creditSpeaker counts the speaker of a "what did X say" question as held
// by every sentence in which X speaks, however the sentence names X: rag/quote
// attributes "The French president said in a post on X “…”" to Emmanuel
// Macron, and "He added: “…”" to the subject of the sentence before. The
// sentence that gives X's words is then scored as one that names X, rather
// than below every sentence that merely mentions X. The speech test is the
// one bySpeaker applies; cands come back re-sorted by score. A sentence
// that already had the speaker's name credited from the sentences before it
// ("He added: …") gets the rest of the weight, not the weight twice.
func creditSpeaker(q questionTerms, speaker []string, hits []rag.Hit, cands []scoredSentence, speaks func(scoredSentence) bool) []scoredSentence {
	if q.total == 0 {
		return cands
	}
	for i := range cands {
		c := &cands[i]
		if !speaks(*c) {
			continue
		}
		var in, ent float64
		var antecedent map[string]bool
		for _, t := range speaker {
			w, focus := q.weight[t]
			if !focus || c.covered[t] {
				continue
			}
			c.covered[t] = true
			if antecedent == nil {
				antecedent = antecedentTerms(hitSentences(hits[c.hit]), c.idx)
			}
			if q.entity[t] && q.holds(antecedent, t) {
				w *= 1 - antecedentCredit
			}
			in += w
			if q.entity[t] {
				ent += w
			}
		}
		c.coverage += in / q.total
		c.score += in / q.total
		if q.entities > 0 {
			c.score += 0.1 * ent / q.entities
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	return cands
}

// withPassageBefore is a hit's text with the passage before it in its
// article put first, when retrieval found that one too: a quotation that
// runs on from one passage into the next ("“This puts every other former
// republic…”") is attributed where it opens ("John Bolton … said: “…"),
// which may be the passage before.
func withPassageBefore(h rag.Hit, hits []rag.Hit) string {
	if h.Pos == 0 {
		return h.Text
	}
	for _, o := range hits {
		if o.ArticleID == h.ArticleID && o.Pos == h.Pos-1 {
			return o.Text + "\n\n" + h.Text
		}
	}
	return h.Text
}

// holdsSpokenAbout reports whether the words of what X said hold what a
// "what did X say about Y" question puts after its verb: every name of it
// (Bolton's words on Moscow answer nothing about Starmer), and at least
// half the weight of its other words, which are the asker's and may be
// put other ways ("keep doing" for "continue working", "joining NATO" for
// "NATO membership"). When Y names two or more (“Ukraine joining NATO”),
// X's words that name them all are on Y however they word what joins
// them ("NATO membership for Ukraine"). A word of a name that another
// word of the same name follows (spokenAbout) is named by that one: X
// need not say "Olivia" of "Olivia Newton-John". A name X's words lack
// but the headline of their article gives (title, its terms) is what the
// article is about: X's words are on it when they hold the rest of Y.
func (q questionTerms) holdsSpokenAbout(words, title map[string]bool, object []string) bool {
	var want, held float64
	names, titled := 0, 0
	for i, t := range object {
		if t == "" {
			continue
		}
		if q.entity[t] {
			if !q.names(words, t) && !q.namesCountry(words, t) {
				if i+1 < len(object) && q.entity[object[i+1]] {
					continue // "olivia" of "olivia newton-john"
				}
				if !q.names(title, t) {
					return false
				}
				titled++
				continue
			}
			names++
			continue
		}
		want += q.weight[t]
		if q.holds(words, t) {
			held += q.weight[t]
		}
	}
	if titled > 0 {
		return want > 0 && held >= want/2
	}
	return held >= want/2 || names >= 2
}

// namesSpeaker reports whether terms name one of the speaker's names.
func namesSpeaker(q questionTerms, terms map[string]bool, speaker []string) bool {
	for _, t := range speaker {
		if q.names(terms, t) {
			return true
		}
	}
	return false
}

// union is a new set of the terms of a and b.
func union(a, b map[string]bool) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for t := range a {
		out[t] = true
	}
	for t := range b {
		out[t] = true
	}
	return out
}
