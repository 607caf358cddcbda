package claim

// checkNameContexts catches two names swapped between the words they hang
// on: "the offspring that reach southern Mexico then begin the trip back to
// Canada" where the passage has "reach southern Canada … back to Mexico".
// Each name's context is the word right before it in its clause, past a
// determiner: a verb, a preposition, an adjective ("southern"), never a
// conjunction or a comma, which only list. When the sentence gives each of
// two names the context the passage gives the other, in one passage
// sentence, and neither the context the passage gives it, the two were
// swapped; a list reordered, or names reworded around, keeps or loses its
// contexts on both sides alike.
func checkNameContexts(c *sentenceRead, ev *evidence) (Result, bool) {
	for a := range c.names {
		for b := a + 1; b < len(c.names); b++ {
			g1, g2 := c.names[a], c.names[b]
			if sameName(g1, g2) || c.toks[g1.start].sent != c.toks[g2.start].sent {
				continue
			}
			k1, k2 := nameContext(c.toks, g1), nameContext(c.toks, g2)
			if k1 < 0 || k2 < 0 || c.toks[k1].low == c.toks[k2].low {
				continue
			}
			for _, h1 := range ev.names {
				if !sameName(g1, h1) || sameName(g2, h1) {
					continue
				}
				for _, h2 := range ev.namesBySent[ev.toks[h1.start].sent] {
					if !sameName(g2, h2) || sameName(g1, h2) {
						continue
					}
					q1, q2 := nameContext(ev.toks, h1), nameContext(ev.toks, h2)
					if q1 < 0 || q2 < 0 {
						continue
					}
					if c.sameContext(ev, k1, q2) && c.sameContext(ev, k2, q1) && !c.sameContext(ev, k1, q1) && !c.sameContext(ev, k2, q2) {
						return contradicted(KindRole, "the source says %s %s and %s %s, not the other way round",
							ev.toks[q1].text, nameText(ev.toks, h1), ev.toks[q2].text, nameText(ev.toks, h2))
					}
				}
			}
		}
	}
	return Result{}, false
}

// nameContext gives the word a name hangs on: the word right before it in
// its clause, past a determiner, when that word is a preposition or a
// content word; -1 otherwise.
func nameContext(toks []token, g nameGroup) int {
	k := g.start - 1
	for k >= 0 && toks[k].clause == toks[g.start].clause && (definite[toks[k].low] || toks[k].low == "a" || toks[k].low == "an") {
		k--
	}
	if k < 0 || toks[k].clause != toks[g.start].clause || toks[k].upper {
		return -1
	}
	if low := toks[k].low; symmetricPrepositions[low] || !prepositions[low] && !isContent(low) {
		return -1
	}
	return k
}

// sameContext reports whether sentence word k and passage word q are one
// context: the same word, or k stands for q.
func (c *sentenceRead) sameContext(ev *evidence, k, q int) bool {
	if c.toks[k].low == ev.toks[q].low {
		return true
	}
	for _, m := range c.matches[k] {
		if m == q {
			return true
		}
	}
	return false
}
