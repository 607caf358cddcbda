package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// checkPositionSwap catches two names turned round a copula and a word of
// relative position: "Hale is ahead of Varga" against "Varga is ahead of
// Hale", "Acme was behind Beta". The word has a WordNet opposite (ahead
// against behind, above against below), so it orders its two sides and
// turning them round says the opposite. The sentence's subject is a name
// right before the form of "be", the other side a name right after the
// word or after its "of" or "than" (and a determiner), so a relation
// through another preposition ("married to", "next to") is not read; the
// passage word it stands for has them the other way round in the same
// frame.
func checkPositionSwap(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if len(c.matches[i]) == 0 {
			continue
		}
		a, b := positionSides(c.toks, c.names, i)
		if a == nil || b == nil {
			continue
		}
		for _, p := range c.matches[i] {
			if !c.inGood(ev, c.segment[i], p) {
				continue
			}
			pa, pb := positionSides(ev.toks, ev.namesBySent[ev.toks[p].sent], p)
			if pa != nil && pb != nil && sameName(*a, *pb) && sameName(*b, *pa) && !sameName(*a, *pa) {
				return contradicted(KindRole, "the source says %s is %s %s, not the other way round", nameText(ev.toks, *pa), ev.toks[p].text, nameText(ev.toks, *pb))
			}
		}
	}
	return Result{}, false
}

// positionSides gives the two names a word of relative position at i
// orders after a copula ("Hale is ahead of Varga"), or nil.
func positionSides(toks []token, names []nameGroup, i int) (subject, other *nameGroup) {
	if i < 2 || !copulas[toks[i-1].low] || toks[i-1].clause != toks[i].clause || len(lexicon.Antonyms(toks[i].low)) == 0 {
		return nil, nil
	}
	for k := range names {
		if names[k].end == i-1 {
			subject = &names[k]
		}
	}
	k := i + 1
	if k < len(toks) && (toks[k].low == "of" || toks[k].low == "than") {
		k++
	}
	if k < len(toks) && determinerOpens(toks[k].low) {
		k++
	}
	if subject == nil || k >= len(toks) || toks[k].clause != toks[i].clause {
		return nil, nil
	}
	return subject, nameStartingAt(names, k)
}
