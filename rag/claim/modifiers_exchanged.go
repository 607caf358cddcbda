package claim

// checkExchangedModifiers finds two modifiers exchanged between two nouns:
// "whether cisgender women have an advantage over their transgender
// counterparts" where the passage says "whether transgender women have an
// advantage over their cisgender counterparts". The sentence has two pairs
// of a modifier and the noun right after it, (a, x) and then (b, y); one
// passage sentence its clause comes from has (b, x) and then (a, y), in
// the same order of nouns, and neither of the sentence's own pairs. All
// four words are content words of two different forms each; the modifiers
// and the nouns are compared by their forms, so a reworded pair is not
// read as exchanged.
func checkExchangedModifiers(c *sentenceRead, ev *evidence) (Result, bool) {
	mine := modifierPairs(c.toks, func(i int) bool { return c.content[i] })
	if len(mine) < 2 {
		return Result{}, false
	}
	ev.modifierPairsOnce.Do(func() {
		ev.modifierPairs = map[int][][2]int{}
		for _, t := range modifierPairs(ev.toks, func(p int) bool { return isContent(ev.toks[p].low) && !ev.toks[p].upper }) {
			s := ev.toks[t[0]].sent
			ev.modifierPairs[s] = append(ev.modifierPairs[s], t)
		}
	})
	same := func(i, p int) bool { return sameForm(c.toks[i].low, ev.toks[p].low) }
	for x, m := range mine {
		for _, n := range mine[x+1:] {
			a, nx, b, ny := m[0], m[1], n[0], n[1]
			if sameForm(c.toks[a].low, c.toks[b].low) || sameForm(c.toks[nx].low, c.toks[ny].low) {
				continue
			}
			for _, s := range c.good[c.segment[a]] {
				var bx, ay, ax, by bool
				bxAt := -1
				for _, t := range ev.modifierPairs[s] {
					switch {
					case same(b, t[0]) && same(nx, t[1]):
						bx = true
						if bxAt < 0 {
							bxAt = t[0]
						}
					case same(a, t[0]) && same(ny, t[1]) && bxAt >= 0 && t[0] > bxAt:
						ay = true
					case same(a, t[0]) && same(nx, t[1]):
						ax = true
					case same(b, t[0]) && same(ny, t[1]):
						by = true
					}
				}
				if bx && ay && !ax && !by {
					return contradicted(KindRole, "the source says %s %s and %s %s, not the other way round",
						c.toks[b].text, c.toks[nx].text, c.toks[a].text, c.toks[ny].text)
				}
			}
		}
	}
	return Result{}, false
}

// modifierPairs gives the pairs of neighbouring words, in one clause, that
// content says are content words and that do not read as verbs: a
// modifier and the noun after it.
func modifierPairs(toks []token, content func(int) bool) [][2]int {
	var out [][2]int
	for i := 0; i+1 < len(toks); i++ {
		if toks[i+1].clause == toks[i].clause && toks[i+1].sent == toks[i].sent && content(i) && content(i+1) && !verbForm(toks, i) && !verbForm(toks, i+1) {
			out = append(out, [2]int{i, i + 1})
		}
	}
	return out
}
