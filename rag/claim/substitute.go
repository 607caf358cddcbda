package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// A paraphrase rewords in place: it keeps the words around a phrase and
// replaces the phrase ("the semi-final jinx after defeats at the 2017
// Euros" for "the semi-final hoodoo after losses at the 2017 Euros"). An
// addition brings words with no counterpart: nothing stands in the passage
// where they stand in the sentence ("40 hot dogs, a new world record"
// after "40 hot dogs and buns").

// maxSlot bounds how far apart, in the passage, the two words around a
// replaced phrase may stand: further apart, they are not one place.
const maxSlot = 10

// substitutes reports whether the sentence word at i, which matches no
// passage word, stands where the passage has words of its own: the
// nearest words on either side of it in its sentence that the passage
// holds stand, in that order, in one passage sentence, at most maxSlot
// words apart, with a content word between them that no word of the
// sentence matches. The word replaces that one. Before the first word the
// passage holds, the passage sentence's start stands for the word before:
// a subject reworded ("The stock slid 12%" for "Shares in Acme fell 12%").
// After the last one nothing does: words a sentence adds at its end ("40
// hot dogs, a new world record") are what an addition looks like.
func (c *sentenceRead) substitutes(ev *evidence, i int) bool {
	a, b := c.anchor(i, -1), c.anchor(i, +1)
	if b < 0 {
		return false
	}
	used := c.matchedPositions()
	for _, qb := range c.matches[b] {
		starts := []int{ev.sentStart[ev.toks[qb].sent] - 1} // a sentence's opening words ("The stock slid" for "Shares in Acme fell")
		if a >= 0 {
			starts = c.matches[a]
		}
		for _, qa := range starts {
			if qb <= qa+1 || qb-qa > maxSlot || qa >= 0 && ev.toks[qa].sent != ev.toks[qb].sent {
				continue
			}
			for q := qa + 1; q < qb; q++ {
				for _, w := range c.compounds(i) {
					if lexicon.AreAntonyms(w, ev.toks[q].low) {
						return false // a word in place of its opposite turns it round
					}
				}
			}
			for q := qa + 1; q < qb; q++ {
				if isContent(ev.toks[q].low) && !used[q] {
					return true
				}
			}
		}
	}
	return false
}

// anchor gives the nearest word to i, in direction dir and in its
// sentence, that carries a claim or names a figure, time or name and that
// the passage holds; -1 when there is none.
func (c *sentenceRead) anchor(i, dir int) int {
	for j := i + dir; j >= 0 && j < len(c.toks) && c.toks[j].sent == c.toks[i].sent; j += dir {
		if (c.content[j] || c.item[j]) && len(c.matches[j]) > 0 {
			return j
		}
	}
	return -1
}

// matchedPositions gives the passage positions some word of the sentence
// matches, computed once.
func (c *sentenceRead) matchedPositions() map[int]bool {
	if c.used == nil {
		c.used = map[int]bool{}
		for _, ps := range c.matches {
			for _, p := range ps {
				c.used[p] = true
			}
		}
	}
	return c.used
}

// compounds gives the word at i and the hyphenated compounds it is part of
// ("low" and "low-level" in "a low-level future").
func (c *sentenceRead) compounds(i int) []string {
	out := []string{c.toks[i].low}
	if i+1 < len(c.toks) && c.toks[i+1].joined {
		out = append(out, c.toks[i].low+"-"+c.toks[i+1].low)
	}
	if c.toks[i].joined && i > 0 {
		out = append(out, c.toks[i-1].low+"-"+c.toks[i].low)
	}
	return out
}
