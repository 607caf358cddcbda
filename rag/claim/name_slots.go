package claim

// checkNameSlot finds a name put where the passage has another: the two
// words before a name in the sentence ("traveled to Portugal") are, in a
// passage sentence its clause comes from, the two words before another
// name ("traveled to Canada"), which the sentence does not name. A verb or
// noun and the preposition after it fix what a name is there (where he
// travelled, whom she met); a name the passage lists beside the other
// ("to Canada and Portugal") stands in the same slot and is not caught.
func checkNameSlot(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, g := range c.names {
		k1, k0 := g.start-1, g.start-2
		if k0 < 0 || c.toks[k0].clause != c.toks[g.start].clause || c.toks[k1].clause != c.toks[g.start].clause ||
			!prepositions[c.toks[k1].low] || !c.content[k0] || len(c.matches[k0]) == 0 {
			continue
		}
		for _, h := range ev.names {
			if oneName(g, h) || h.start < 2 || !c.inGood(ev, c.segment[g.start], h.start) {
				continue
			}
			p1, p0 := h.start-1, h.start-2
			if ev.toks[p1].low != c.toks[k1].low || !containsInt(c.matches[k0], p0) || ev.toks[p0].clause != ev.toks[h.start].clause {
				continue
			}
			if c.namesInClause(h, g) || symmetricPrepositions[c.toks[k1].low] && c.namesAsParty(h) || listedWith(ev.toks, ev.namesBySent[ev.toks[h.start].sent], h, g) || c.slotHolds(ev, g, k0, k1) {
				continue
			}
			return contradicted(KindEntity, "the source says %s %s %s, not %s", ev.toks[p0].text, ev.toks[p1].text, nameText(ev.toks, h), nameText(c.toks, g))
		}
	}
	return Result{}, false
}

// slotHolds reports whether the passage also puts sentence name g after the
// words k0 and k1 stand for: a passage that says "a screening in Paris" and
// "a screening in London" supports either.
func (c *sentenceRead) slotHolds(ev *evidence, g nameGroup, k0, k1 int) bool {
	for _, h := range ev.names {
		if h.start >= 2 && oneName(g, h) && ev.toks[h.start-1].low == c.toks[k1].low && containsInt(c.matches[k0], h.start-2) {
			return true
		}
	}
	return false
}

// namesInClause reports whether the sentence names passage name h in the
// clause of its name g ("with Bateman and Arnett"): there the two may
// share the slot. Named elsewhere, h is not what g's slot holds, unless
// the slot's preposition joins both sides alike and the sentence names h
// as a party, not as an owner (namesAsParty: "Orr … was charged alongside
// Vance" for "Vance was charged alongside Orr", but not "on Arnett's
// podcast, … shared an apartment with Jason Bateman").
func (c *sentenceRead) namesInClause(h, g nameGroup) bool {
	for _, x := range c.names {
		if oneName(x, h) && c.toks[x.start].clause == c.toks[g.start].clause {
			return true
		}
	}
	return false
}

// namesAsParty reports whether the sentence names passage name h other
// than as a possessor ("Arnett's podcast" names the podcast's owner, no
// party to the sentence's relation).
func (c *sentenceRead) namesAsParty(h nameGroup) bool {
	for _, x := range c.names {
		if oneName(x, h) && c.toks[x.end-1].clitic != "s" {
			return true
		}
	}
	return false
}

// oneName reports whether two names name one thing: the same name, or one
// is a WordNet alias of the other.
func oneName(g, h nameGroup) bool {
	return sameName(g, h) || aliasOf(g, h) || aliasOf(h, g)
}

// listedWith reports whether name g stands in a list with passage name h:
// after it, past only other names, "and", "or" and commas.
func listedWith(toks []token, inSent []nameGroup, h, g nameGroup) bool {
	at := h.end
	for at < len(toks) && toks[at].sent == toks[h.start].sent && at-h.end <= 12 {
		low := toks[at].low
		if low == "and" || low == "or" || definite[low] {
			at++
			continue
		}
		next := -1
		for _, n := range inSent {
			if n.start == at {
				if sameName(n, g) {
					return true
				}
				next = n.end
			}
		}
		if next < 0 {
			return false
		}
		at = next
	}
	return false
}
