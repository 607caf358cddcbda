package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// restatedElsewhere reports whether passage word p, an opposite of sentence
// word i, is restated by the sentence's own words while i rewords another
// passage word: the sentence holds a form of p's word as often as the
// passage does, besides i, one of them stands among more of p's
// surrounding words than i does, and i is a WordNet relative of a word of
// the passage sentences its clause comes from (a synonym, a similar
// adjective, a hypernym one step away or a derivation). The sentence then
// says what the passage says at p, and i says what another word says: "a
// wave that peaked and then fell off, … cases climb again" against "a wave
// that peaked and then fell, … a second increase in cases", where "climb"
// (a way to increase) rewords "increase", not "fell".
//
// A sentence that turns a word round where the passage has no relative of
// it ("the index rose" where the passage says "was down", beside "shares
// fell" restated) is still read as turned round; so is one that turns one
// of two occurrences round ("fell in May after it rose in April" against
// "rose … rose"), which restates fewer of them than the passage holds.
func (c *sentenceRead) restatedElsewhere(i, p int, ev *evidence) bool {
	low := ev.toks[p].low
	held := 0
	for q := range ev.toks {
		if sameForm(ev.toks[q].low, low) {
			held++
		}
	}
	n, said, placed := c.surroundings(i, p, ev), 0, false
	for j := range c.toks {
		if j == i || !c.content[j] || !sameForm(c.toks[j].low, low) {
			continue
		}
		said++
		placed = placed || c.surroundings(j, p, ev) > n
	}
	return placed && said >= held && c.rewordsInGood(i, ev)
}

// rewordsInGood reports whether sentence word i is a WordNet relative of a
// word of the passage sentences its clause comes from, looser than a match:
// a synonym, a similar adjective, a hypernym one step either way, or a
// derivation.
func (c *sentenceRead) rewordsInGood(i int, ev *evidence) bool {
	w := c.toks[i].low
	var kin []string
	for _, rel := range [](func(string) []string){lexicon.Synonyms, lexicon.Similar, lexicon.VerbNeighbours, lexicon.NounNeighbours, lexicon.Derivations} {
		kin = append(kin, rel(w)...)
	}
	for _, s := range c.good[c.segment[i]] {
		for q := ev.sentStart[s]; q < len(ev.toks) && ev.toks[q].sent == s; q++ {
			if !isContent(ev.toks[q].low) {
				continue
			}
			for _, k := range kin {
				if sameForm(k, ev.toks[q].low) {
					return true
				}
			}
		}
	}
	return false
}

// unsaidAside reports whether passage word p stands in a parenthesis (set
// off by dashes or brackets) of which the sentence restates no other word:
// the sentence left the aside out, and p, whatever it opposes, is not what
// it turned round. "Broiler slaughter fell 4%" against "broilers – chickens
// raised for meat – slaughter was down 4%" says nothing of the raising.
func (c *sentenceRead) unsaidAside(i, p int, ev *evidence) bool {
	if !ev.toks[p].aside {
		return false
	}
	for j := range c.toks {
		if j == i || !c.content[j] && !c.item[j] {
			continue
		}
		for _, q := range c.matches[j] {
			if q != p && ev.toks[q].clause == ev.toks[p].clause {
				return false
			}
		}
	}
	return true
}
