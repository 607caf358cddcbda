package claim

import (
	"math"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// minPolarity is how far from neutral a word's VADER rating must be for
// its sign to count (the ratings run from -4 to +4): "delight" 2.9 and
// "disgust" -2.9 count, "aggressive" -0.6 does not. Chosen on the tuning
// data (docs/QUALITY.md).
const minPolarity = 1.0

// strongPolarity is the rating two words in different places of their
// clauses must reach for their feelings to be compared
// (sentimentFlipInClause); set by hand above minPolarity, not tuned.
const strongPolarity = 1.5

// checkSentimentOpposites finds a word put in the place of one that people
// judge the other way: "much to his delight" where the passage says "much to
// his disgust", "hopes" for "fears", "a weak position" for "a healthy
// position", "disappointed with the players" for "excited with the
// players". WordNet links none of these pairs; the VADER lexicon rates each
// word negative or positive (lexicon.Polarity). The two words stand in
// exactly one place, the same word right before and right after each
// within its clause, the sentence's word stands for no passage word, and a
// negation on exactly one side makes them agree ("not weak" for
// "healthy"). A word merely near the passage's is compared only under the
// stricter conditions of sentimentFlipInClause: two words of opposite
// feeling in one sentence are often about different things.
func checkSentimentOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	if r, bad := c.sentimentFlipInClause(ev); bad {
		return r, true
	}
	var found Result
	c.oppositeFeelings(ev, minPolarity, func(i, p int, _ float64) bool {
		if !sameSlot(c.toks, i, ev.toks, p) && !sameCopula(c.toks, i, ev.toks, p) {
			return false
		}
		found, _ = contradicted(KindAntonym, "the source says %s, not %s", ev.toks[p].text, c.toks[i].text)
		return true
	})
	return found, found.Verdict != ""
}

// oppositeFeelings calls pair for each content word i of the sentence that
// stands for no passage word, and each passage word p (no name) of a
// sentence i's clause comes from, when VADER rates both at least min, on
// opposite sides, and a negation stands on both sides or neither ("not
// weak" for "healthy" agrees), until pair returns true.
func (c *sentenceRead) oppositeFeelings(ev *evidence, min float64, pair func(i, p int, theirs float64) bool) {
	for i, t := range c.toks {
		if !c.content[i] || len(c.matches[i]) > 0 || c.formInGood(ev, i) {
			continue
		}
		mine := lexicon.Polarity(t.low)
		if math.Abs(mine) < min {
			continue
		}
		for p, u := range ev.toks {
			if u.upper && !u.first || !c.inGood(ev, c.segment[i], p) {
				continue
			}
			theirs := lexicon.Polarity(u.low)
			if math.Abs(theirs) < min || (theirs > 0) == (mine > 0) {
				continue
			}
			if negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) {
				continue
			}
			if pair(i, p, theirs) {
				return
			}
		}
	}
}

// sameCopula reports whether sentence word i and passage word p are each
// what one form of "be" says of its subject, the same form right before
// both ("the staff were rude when …" against "people were friendly at
// …"): two words of opposite feeling said of the subject the clause is
// about.
func sameCopula(a []token, i int, b []token, p int) bool {
	return i > 0 && p > 0 && copulas[a[i-1].low] && a[i-1].low == b[p-1].low && a[i-1].clause == a[i].clause && b[p-1].clause == b[p].clause
}

// sentimentFlipInClause finds a word of one feeling where the clause it
// comes from has a word of the other in another place ("the plan has
// delighted some of its members" where the passage says the Academy
// "risked angering some of its members" over it): both words strongly
// rated by VADER (1.5 at least), neither standing for any word of the
// other side, both verbs or both adjectives that are no nouns (a noun's
// feeling, "ban", "safety", says little of what is claimed), their clauses
// sharing two content words at least, negated alike, and no word of the
// sentence carrying the passage word's feeling ("defeated" may stand for
// the passage's "beaten").
func (c *sentenceRead) sentimentFlipInClause(ev *evidence) (Result, bool) {
	used := c.matchedPositions()
	var found Result
	c.oppositeFeelings(ev, strongPolarity, func(i, p int, theirs float64) bool {
		if used[p] || c.sharedInClauses(ev, i, p) < 2 || !samePredicateKind(c.toks, i, ev.toks, p) || c.feelsLike(i, theirs) {
			return false
		}
		found, _ = contradicted(KindAntonym, "the source says %s, not %s", ev.toks[p].text, c.toks[i].text)
		return true
	})
	return found, found.Verdict != ""
}

// sharedInClauses counts the content words of sentence word i's clause
// that match a word of passage word p's clause.
func (c *sentenceRead) sharedInClauses(ev *evidence, i, p int) int {
	n := 0
	for j := range c.toks {
		if j == i || c.toks[j].clause != c.toks[i].clause || !c.content[j] {
			continue
		}
		for _, q := range c.matches[j] {
			if ev.toks[q].clause == ev.toks[p].clause {
				n++
				break
			}
		}
	}
	return n
}

// samePredicateKind reports whether the words at i and p are both verbs
// there, or both adjectives WordNet never reads as nouns.
func samePredicateKind(a []token, i int, b []token, p int) bool {
	if verbForm(a, i) && verbForm(b, p) {
		return true
	}
	adj := func(t []token, k int) bool {
		w := lexicon.Base(t[k].low)
		return lexicon.IsAdjective(w) && !lexicon.IsNoun(w) && !verbForm(t, k)
	}
	return adj(a, i) && adj(b, p)
}

// feelsLike reports whether sentence word i's sentence holds another word
// of the feeling polarity pol has.
func (c *sentenceRead) feelsLike(i int, pol float64) bool {
	for j, t := range c.toks {
		if j == i || t.sent != c.toks[i].sent {
			continue
		}
		if v := lexicon.Polarity(t.low); math.Abs(v) >= minPolarity && (v > 0) == (pol > 0) {
			return true
		}
	}
	return false
}
