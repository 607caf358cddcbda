package claim

// symmetricPrepositions join two parties alike ("talks with", "a deal
// between"), so which party stands after them says nothing of roles.
var symmetricPrepositions = wordSet("with between among amid and or alongside")

// locatives are the simple prepositions of position: "at St George's
// Chapel in Windsor Castle" and "in St George's Chapel at Windsor Castle"
// put the day at one place, whichever of the two names in one chain each
// takes.
var locatives = wordSet("in at on")

// checkPrepositionSwap catches two names swapped between the prepositions
// that give their roles ("the sale of the team from the Bowlen trust to the
// Walton-Penner family" against "from the Walton-Penner family to the
// Bowlen trust"; "moved from Kestria to Dorvan"): for a word of the sentence
// the passage holds, two names after it in its clause, each after its own
// preposition, stand in the passage after the same word each after the
// other's preposition.
func checkPrepositionSwap(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if !c.content[i] || len(c.matches[i]) == 0 {
			continue
		}
		cs := prepositionalNames(c.toks, c.names, i)
		if len(cs) == 0 {
			continue
		}
		for _, p := range c.matches[i] {
			if !c.inGood(ev, c.segment[i], p) {
				continue
			}
			ps := prepositionalNames(ev.toks, ev.namesBySent[ev.toks[p].sent], p)
			if r, ok := sourceMadeGoal(ev, cs, ps); ok {
				return r, true
			}
			for _, x := range cs {
				for _, y := range cs {
					if x.prep == y.prep || sameName(x.name, y.name) {
						continue
					}
					for _, u := range ps {
						for _, v := range ps {
							if u.prep == x.prep && v.prep == y.prep && sameName(u.name, y.name) && sameName(v.name, x.name) && !placesReworded(x, y, v, u) {
								return contradicted(KindRole, "the source says %s %s %s %s, not the other way round",
									u.prep, nameText(ev.toks, u.name), v.prep, nameText(ev.toks, v.name))
							}
						}
					}
				}
			}
		}
	}
	return Result{}, false
}

// sourceAndGoal are the prepositions of where something comes from and
// where it goes, each the other's opposite.
var sourceAndGoal = map[string]string{"from": "to", "to": "from"}

// sourceMadeGoal catches one name moved from where something comes from to
// where it goes, or back: "a phone call to Varga" against "a phone call
// from Varga to Hale", where checkPrepositionSwap's two names are not both
// in the sentence. The sentence's name after "to" (or "from") stands in the
// passage after the same word's other preposition, and the passage names
// someone else after the sentence's.
func sourceMadeGoal(ev *evidence, cs, ps []prepName) (Result, bool) {
	for _, x := range cs {
		other, ok := sourceAndGoal[x.prep]
		if !ok {
			continue
		}
		for _, u := range ps {
			if u.prep != other || !sameName(u.name, x.name) {
				continue
			}
			for _, v := range ps {
				if v.prep == x.prep && !sameName(v.name, x.name) {
					return contradicted(KindRole, "the source says %s %s %s %s, not %s %s",
						u.prep, nameText(ev.toks, u.name), v.prep, nameText(ev.toks, v.name), x.prep, nameText(ev.toks, u.name))
				}
			}
		}
	}
	return Result{}, false
}

// placesReworded reports whether sentence names x and y, one right after
// the other with a preposition of position each, stand in the passage in
// the same order as passage names px and py (px being x's name), there
// with each other's preposition: "at St George's Chapel in Windsor
// Castle" for "in St George's Chapel at Windsor Castle", one chain of
// places told in other words. The same prepositions with the names in the
// other order ("at Windsor Castle in St George's Chapel") turn the chain
// round.
func placesReworded(x, y, px, py prepName) bool {
	if !locatives[x.prep] || !locatives[y.prep] || !adjacentNames(x.name, y.name) || !adjacentNames(px.name, py.name) {
		return false
	}
	return (x.name.start < y.name.start) == (px.name.start < py.name.start)
}

// adjacentNames reports whether one name follows the other with one word
// (its preposition) between.
func adjacentNames(a, b nameGroup) bool {
	return b.start == a.end+1 || a.start == b.end+1
}

// prepName is a name after a preposition that gives its role.
type prepName struct {
	prep string
	name nameGroup
}

// prepositionalNames gives the names after the word at i in its clause,
// within twice roleWindow words (a chain of prepositional phrases runs
// long), each with the preposition right before it (past
// a determiner); names after a symmetric preposition, or after none, are
// left out.
func prepositionalNames(toks []token, names []nameGroup, i int) []prepName {
	var out []prepName
	for _, g := range names {
		if g.start <= i || g.start-i > 2*roleWindow || toks[g.start].clause != toks[i].clause {
			continue
		}
		k := g.start - 1
		for k > i && (determinerOpens(toks[k].low)) {
			k--
		}
		if k <= i || !prepositions[toks[k].low] || symmetricPrepositions[toks[k].low] {
			continue
		}
		out = append(out, prepName{toks[k].low, g})
	}
	return out
}
