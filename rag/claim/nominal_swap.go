package claim

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
	for j < len(toks) && toks[j].clause == toks[k].clause && (definite[toks[j].low] || toks[j].low == "a" || toks[j].low == "an" || possessivePronouns[toks[j].low]) {
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
