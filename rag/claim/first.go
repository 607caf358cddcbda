package claim

import (
	"slices"
	"sync"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// firstAdjectives are the adjectives WordNet puts in a synonym set with
// "first" or marks similar to it ("inaugural", "maiden", "initial",
// "opening"): a passage that calls a tournament inaugural says it was the
// first, with no ordinal to match.
var firstAdjectives = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, w := range append(lexicon.Synonyms("first"), lexicon.Similar("first")...) {
		if lexicon.IsAdjective(w) && isContent(w) {
			out[w] = true
		}
	}
	return out
})

// firstInWords reports whether the ordinal "first", which no passage
// figure states, is stated in the passage sentences segment seg draws on
// by an adjective that means it, before the word "first" stands before
// ("the first Women's Euros", "the inaugural Women's Euros"): the noun
// ties the two, so that a looser sense of the set ("basic", "prime")
// elsewhere in the sentence is not taken for it.
func (c *sentenceRead) firstInWords(ev *evidence, seg int, f figure) bool {
	if !f.ordinal || f.value != 1 || c.good[seg] == nil || f.end >= len(c.toks) {
		return false
	}
	n := f.end
	for p, t := range ev.toks {
		if !firstAdjectives()[t.low] || !c.goodSet[seg][t.sent] || p+1 >= len(ev.toks) {
			continue
		}
		if slices.Contains(c.matches[n], p+1) || sameForm(c.toks[n].low, ev.toks[p+1].low) {
			return true
		}
	}
	return false
}
