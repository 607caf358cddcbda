package claim

// checkPossessors catches the owners of two things swapped: "Mr Putin's
// peace negotiator held talks with Mr Trump" where the passage has "Mr
// Trump's peace negotiator held talks with Mr Putin". For a noun of the
// sentence with a name right before it (its possessor, or a name used as
// one: "the Trump administration"), every occurrence of the noun in the
// passage sentences its clause comes from (or, where some of them go on
// with the rest of the clause, every one of those) has a possessor too, none of them
// the sentence's, and one of them stands elsewhere in the sentence: the
// sentence has given the thing to the other party.
func checkPossessors(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if !c.content[i] || len(c.matches[i]) == 0 || verbForm(c.toks, i) {
			continue
		}
		g := possessorAt(c.toks, c.names, i)
		if g == nil {
			continue
		}
		var other *nameGroup
		seen, all := false, true
		restating := c.restatingAfter(ev, i) // when some occurrence restates the clause, only those count
		for _, p := range c.matches[i] {
			if !c.inGood(ev, c.segment[i], p) || verbForm(ev.toks, p) || restating != nil && !restating[p] {
				continue
			}
			seen = true
			h := possessorAt(ev.toks, ev.namesBySent[ev.toks[p].sent], p)
			if h == nil || oneParty(*g, *h) || possessiveBefore(ev.toks, *h) {
				// "its Ukraine incursion": the owner is "its", Ukraine
				// only says which incursion.
				all = false
				break
			}
			if other == nil && c.namedElsewhere(*h, g) {
				other = h
			}
		}
		if seen && all && other != nil {
			return contradicted(KindRole, "the source says %s's %s, not %s's", nameText(ev.toks, *other), c.toks[i].text, nameText(c.toks, *g))
		}
	}
	return Result{}, false
}

// oneParty reports whether two names name one party: the same name, one
// WordNet puts in a synonym set with the other ("GOP", "Republican
// Party"), or a country and its capital standing for its government
// ("Beijing claims" for "China claims").
func oneParty(g, h nameGroup) bool {
	return sameName(g, h) || aliasOf(g, h) || aliasOf(h, g) || capitalOf(g, h) || capitalOf(h, g)
}

// possessorAt gives the name that ends right before the word at i, in its
// clause, or nil.
func possessorAt(toks []token, names []nameGroup, i int) *nameGroup {
	for k := range names {
		if names[k].end == i && toks[i-1].clause == toks[i].clause {
			return &names[k]
		}
	}
	return nil
}

// namedElsewhere reports whether the sentence gives name h other than as
// the name g.
func (c *sentenceRead) namedElsewhere(h nameGroup, g *nameGroup) bool {
	for _, x := range c.names {
		if x.start != g.start && sameName(x, h) {
			return true
		}
	}
	return false
}

// possessives are English's possessive determiners, a closed class.
var possessives = wordSet("its his her their our my your")

// possessiveBefore reports whether a possessive determiner stands right
// before name h in its clause: the name modifies the noun after it, whose
// owner the determiner gives.
func possessiveBefore(toks []token, h nameGroup) bool {
	return h.start > 0 && toks[h.start-1].clause == toks[h.start].clause && possessives[toks[h.start-1].low]
}
