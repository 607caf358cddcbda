package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// checkPossessedActSwapped finds the two sides of an act named by a noun
// turned round: "his country's attack on Russia" where the passage says
// "Russia's attack on his country". The sentence has a possessor (the word
// before "'s"), the noun, a preposition and its object; the passage has
// the same noun and preposition, with the sentence's object as its
// possessor and the sentence's possessor as its object. Possessors and
// objects are compared by the words they hold (the same word, or one the
// sentence's stands for).
func checkPossessedActSwapped(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := 1; i+2 < len(c.toks); i++ {
		if !c.content[i] || c.toks[i-1].clitic != "s" || c.toks[i-1].clause != c.toks[i].clause || !prepositions[c.toks[i+1].low] {
			continue
		}
		o := objectHead(c.toks, i+1)
		if o < 0 {
			continue
		}
		for _, p := range c.matches[i] {
			if p == 0 || p+2 >= len(ev.toks) || ev.toks[p-1].clitic != "s" || ev.toks[p+1].low != c.toks[i+1].low || !c.inGood(ev, c.segment[i], p) {
				continue
			}
			q := objectHead(ev.toks, p+1)
			if q < 0 {
				continue
			}
			owner, object := c.toks[i-1], c.toks[o]
			swapped := (object.low == ev.toks[p-1].low || c.standsFor(o, p-1)) && (owner.low == ev.toks[q].low || c.standsFor(i-1, q))
			kept := owner.low == ev.toks[p-1].low || c.standsFor(i-1, p-1)
			if swapped && !kept {
				return contradicted(KindRole, "the source says %s's %s %s %s, not the other way round", ev.toks[p-1].text, ev.toks[p].text, ev.toks[p+1].text, ev.toks[q].text)
			}
		}
	}
	return Result{}, false
}

// objectHead gives the head of the noun phrase after the preposition at
// k, in its clause: the first word past determiners and possessive
// pronouns, and past the words of a name to its last; -1 when none.
func objectHead(toks []token, k int) int {
	j := k + 1
	for j < len(toks) && toks[j].clause == toks[k].clause && (determinerOpens(toks[j].low) || possessivePronouns[toks[j].low]) {
		j++
	}
	if j >= len(toks) || toks[j].clause != toks[k].clause {
		return -1
	}
	for j+1 < len(toks) && toks[j+1].clause == toks[j].clause && toks[j].upper && toks[j+1].upper && !toks[j+1].first {
		j++
	}
	return j
}

// checkActByOf catches the doer of an act named by a noun made the one it
// was done to: "a 4-0 dismantling by Sweden" where the passage says "a
// 4-0 dismantling of Sweden". The sentence's noun is followed by "by" and
// a name (the doer); the passage's same noun, in a sentence the clause
// comes from, by "of" and a noun phrase that holds the same name, with no
// "by" after it in its clause.
func checkActByOf(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := 0; i+2 < len(c.toks); i++ {
		if !c.content[i] || c.toks[i+1].low != "by" || c.toks[i+1].clause != c.toks[i].clause || verbForm(c.toks, i) && !lexicon.IsNoun(c.toks[i].low) {
			continue
		}
		doer := nameAfter(c.toks, c.names, i+1)
		if doer == nil || !c.nameOpensPhrase(*doer, i+1) {
			continue
		}
		for _, p := range c.matches[i] {
			if p+2 >= len(ev.toks) || ev.toks[p+1].low != "of" || ev.toks[p].low != c.toks[i].low || !c.inGood(ev, c.segment[i], p) {
				continue
			}
			if g := nameInPhrase(ev.toks, ev.namesBySent[ev.toks[p].sent], p+1); g != nil && sameName(*doer, *g) && !byAfter(ev.toks, p+1) {
				return contradicted(KindRole, "the source says %s of %s, not by %s", ev.toks[p].text, nameText(ev.toks, *g), nameText(c.toks, *doer))
			}
		}
	}
	return Result{}, false
}

// nameInPhrase gives a name in the noun phrase after the preposition at
// k: within roleWindow words, in its clause, before another preposition.
func nameInPhrase(toks []token, names []nameGroup, k int) *nameGroup {
	end := k + 1
	for end < len(toks) && end-k <= roleWindow && toks[end].clause == toks[k].clause && !prepositions[toks[end].low] {
		end++
	}
	for n := range names {
		if names[n].start > k && names[n].start < end {
			return &names[n]
		}
	}
	return nil
}

// nameOpensPhrase reports whether name g opens the noun phrase after the
// word at k, past determiners, in k's clause.
func (c *sentenceRead) nameOpensPhrase(g nameGroup, k int) bool {
	j := k + 1
	for j < len(c.toks) && (determinerOpens(c.toks[j].low)) {
		j++
	}
	return g.start == j && c.toks[j].clause == c.toks[k].clause
}

// byAfter reports whether "by" follows the word at k in its clause.
func byAfter(toks []token, k int) bool {
	for j := k + 1; j < len(toks) && toks[j].clause == toks[k].clause; j++ {
		if toks[j].low == "by" {
			return true
		}
	}
	return false
}
