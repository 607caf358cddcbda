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

// checkSentimentOpposites finds a word put in the place of one that people
// judge the other way: "much to his delight" where the passage says "much to
// his disgust", "hopes" for "fears", "a weak position" for "a healthy
// position", "disappointed with the players" for "excited with the
// players". WordNet links none of these pairs; the VADER lexicon rates each
// word negative or positive (lexicon.Polarity). The two words stand in
// exactly one place, the same word right before and right after each
// within its clause, the sentence's word stands for no passage word, and a
// negation on exactly one side makes them agree ("not weak" for
// "healthy"). A word merely near the passage's is not compared: two words
// of opposite feeling in one sentence are often about different things.
func checkSentimentOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if !c.content[i] || len(c.matches[i]) > 0 || c.formInGood(ev, i) {
			continue
		}
		mine := lexicon.Polarity(t.low)
		if math.Abs(mine) < minPolarity {
			continue
		}
		for p, u := range ev.toks {
			if u.upper && !u.first || !c.inGood(ev, c.segment[i], p) || !sameSlot(c.toks, i, ev.toks, p) && !sameCopula(c.toks, i, ev.toks, p) {
				continue
			}
			theirs := lexicon.Polarity(u.low)
			if math.Abs(theirs) < minPolarity || (theirs > 0) == (mine > 0) {
				continue
			}
			if negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) {
				continue
			}
			return contradicted(KindAntonym, "the source says %s, not %s", u.text, t.text)
		}
	}
	return Result{}, false
}

// sameCopula reports whether sentence word i and passage word p are each
// what one form of "be" says of its subject, the same form right before
// both ("the staff were rude when …" against "people were friendly at
// …"): two words of opposite feeling said of the subject the clause is
// about.
func sameCopula(a []token, i int, b []token, p int) bool {
	return i > 0 && p > 0 && copulas[a[i-1].low] && a[i-1].low == b[p-1].low && a[i-1].clause == a[i].clause && b[p-1].clause == b[p].clause
}
