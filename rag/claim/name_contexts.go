package claim

import (
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// checkNameContexts catches two names swapped between the words they hang
// on: "the offspring that reach southern Mexico then begin the trip back to
// Canada" where the passage has "reach southern Canada … back to Mexico".
// Each name's context is the word right before it in its clause, past a
// determiner: a verb, a preposition, an adjective ("southern"), never a
// conjunction or a comma, which only list; or, for a name opening its
// clause, the verb it is the subject of ("Bin Salman has denied
// involvement in Khashoggi's killing"). When the sentence gives each of
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
			if k1 == -1 || k2 == -1 || k1 >= 0 && k2 >= 0 && c.toks[k1].low == c.toks[k2].low || reciprocalSides(c.toks, k1, k2) {
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
					if q1 == -1 || q2 == -1 {
						continue
					}
					if k1 >= 0 && k2 >= 0 && q1 >= 0 && q2 >= 0 && placesReworded(prepName{c.toks[k1].low, g1}, prepName{c.toks[k2].low, g2}, prepName{ev.toks[q1].low, h1}, prepName{ev.toks[q2].low, h2}) {
						continue
					}
					if c.contextsSwapped(ev, k1, k2, q1, q2) {
						return contradicted(KindRole, "the source says “%s” and “%s”, not the other way round",
							contextPhrase(ev.toks, q1, h1), contextPhrase(ev.toks, q2, h2))
					}
				}
			}
		}
	}
	return Result{}, false
}

// contextsSwapped reports whether the sentence gives each of two words
// (with contexts k1, k2) the context the passage gives the other (q2,
// q1), and neither its own.
func (c *sentenceRead) contextsSwapped(ev *evidence, k1, k2, q1, q2 int) bool {
	return c.sameContext(ev, k1, q2) && c.sameContext(ev, k2, q1) && !c.sameContext(ev, k1, q1) && !c.sameContext(ev, k2, q2)
}

// reciprocalSides reports whether two name contexts are the subject and
// the object of one reciprocal verb (lexicon.IsReciprocal: "Ortiz met
// Varga"), whose two sides may come in either order.
func reciprocalSides(toks []token, k1, k2 int) bool {
	if k1 >= 0 == (k2 >= 0) {
		return false
	}
	v, o := -2-k1, k2
	if k1 >= 0 {
		v, o = -2-k2, k1
	}
	return v == o && lexicon.IsReciprocal(toks[v].low) && !passiveForm(toks, v)
}

// nameContext gives the word a name hangs on: the word right before it in
// its clause, past a determiner, when that word is a preposition, a
// content word or a verb of saying ("said Jones was arrested"); for a name that opens its clause, the verb it is the
// subject of ("Bin Salman has denied"), encoded as -2-k so that a subject
// and an object of one verb are two contexts; -1 when there is none.
func nameContext(toks []token, g nameGroup) int {
	if modifiesNext(toks, g) {
		return -1
	}
	k := g.start - 1
	for k >= 0 && toks[k].clause == toks[g.start].clause && (determinerOpens(toks[k].low)) {
		k--
	}
	if k < 0 || toks[k].clause != toks[g.start].clause {
		return subjectContext(toks, g)
	}
	if v := g.end; toks[k].low == "with" && v < len(toks) && toks[v].clause == toks[g.start].clause && strings.HasSuffix(toks[v].low, "ing") && lexicon.IsVerb(toks[v].low) {
		// "with Buckingham Palace being her official home": the name is
		// the subject of the participle of an absolute clause.
		return -2 - v
	}
	if low := toks[k].low; toks[k].upper || symmetricPrepositions[low] || !prepositions[low] && !isContent(low) && !lexicon.IsSaying(low) {
		return -1
	}
	if appositiveOf(toks, k) {
		return -1
	}
	return k
}

// modifiesNext reports whether a name only modifies the common noun right
// after it in its clause ("in the Canadian capital of Ottawa"): the word
// before it belongs to that noun, not to the name. A possessive keeps its
// context, through which names swapped between two owners are caught.
func modifiesNext(toks []token, g nameGroup) bool {
	if toks[g.end-1].possessive {
		return false
	}
	n := g.end
	return n < len(toks) && toks[n].clause == toks[g.start].clause && !toks[n].upper && isContent(toks[n].low) && !verbForm(toks, n) && lexicon.IsNoun(toks[n].low)
}

// appositiveOf reports whether the "of" at k joins a name to a noun of
// place it names, not to another thing: "the city of Uzhhorod" is
// Uzhhorod, and "the state of Texas" Texas. The noun is a settlement or
// polity by WordNet: its most frequent sense is filed under noun.location
// and another under noun.group, the people who live there ("city", "town",
// "state"); a part or direction of a place is a location only ("the west
// of Ukraine", "the outskirts of Kyiv" relate two places), and so is
// "capital", whose first sense is money.
func appositiveOf(toks []token, k int) bool {
	if toks[k].low != "of" || k == 0 || toks[k-1].clause != toks[k].clause {
		return false
	}
	files := lexicon.LexFiles(toks[k-1].low, 'n')
	return lexicon.FirstFile(toks[k-1].low, 'n') == "noun.location" && slices.Contains(files, "noun.group")
}

// subjectContext gives, encoded as -2-v, the verb v a name opening its
// clause is the subject of: the first word after it, past auxiliaries,
// negation and adverbs, that reads as a verb; -1 when there is none.
func subjectContext(toks []token, g nameGroup) int {
	v := g.end
	for v < len(toks) && toks[v].clause == toks[g.start].clause && skippable(toks[v]) && !(negationWords[toks[v].low] && lexicon.IsVerb(toks[v].low)) && !lightVerb(toks, v) {
		v++ // "has also", "would not"; a negative verb ("denied") is the verb
	}
	if v >= len(toks) || toks[v].clause != toks[g.start].clause || auxiliaries[toks[v].low] || !verbForm(toks, v) {
		return -1
	}
	return -2 - v
}

// sameContext reports whether the sentence's context k and the passage's
// context q are one: both the word before the name or both the verb it is
// the subject of, and the same word, or k stands for q.
func (c *sentenceRead) sameContext(ev *evidence, k, q int) bool {
	if (k < -1) != (q < -1) {
		return false
	}
	if k < -1 {
		k, q = -2-k, -2-q
	}
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

// contextPhrase writes a name with its context, for a reason: "in
// Khashoggi", "Mohammed bin Salman denied".
func contextPhrase(toks []token, k int, g nameGroup) string {
	if k < -1 {
		return nameText(toks, g) + " " + toks[-2-k].text
	}
	return toks[k].text + " " + nameText(toks, g)
}

// lightVerb reports whether the word at v is a light verb written as a
// verb ("made history", "got the start"): one of the light words that is a
// verb form there. It is the verb of its subject, though it carries little
// of the claim.
func lightVerb(toks []token, v int) bool {
	return lightWords[toks[v].low] && !auxiliaries[toks[v].low] && lexicon.IsVerb(toks[v].low) && verbForm(toks, v)
}

// checkNameNounContexts is checkNameContexts for a name and a noun that
// two verbs take, exchanged between them: "a statement praising Trudeau
// and denouncing the protesters" where the passage says "praising the
// protesters and denouncing Trudeau". Both words hang on a verb, in the
// sentence and in one passage sentence, and each on the verb the passage
// gives the other.
func checkNameNounContexts(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, g1 := range c.names {
		k1 := nameContext(c.toks, g1)
		if k1 < 0 || !verbForm(c.toks, k1) {
			continue
		}
		for n := range c.toks {
			if !c.content[n] || c.item[n] || c.toks[n].sent != c.toks[g1.start].sent || verbForm(c.toks, n) {
				continue
			}
			k2 := nameContext(c.toks, nameGroup{start: n, end: n + 1})
			if k2 < 0 || !verbForm(c.toks, k2) || c.toks[k1].low == c.toks[k2].low {
				continue
			}
			for _, h1 := range ev.names {
				if !sameName(g1, h1) {
					continue
				}
				q1 := nameContext(ev.toks, h1)
				if q1 < 0 {
					continue
				}
				for _, p := range c.matches[n] {
					if ev.toks[p].sent != ev.toks[h1.start].sent {
						continue
					}
					q2 := nameContext(ev.toks, nameGroup{start: p, end: p + 1})
					if q2 < 0 {
						continue
					}
					if c.contextsSwapped(ev, k1, k2, q1, q2) {
						return contradicted(KindRole, "the source says “%s” and “%s”, not the other way round",
							contextPhrase(ev.toks, q1, h1), ev.toks[q2].text+" "+ev.toks[p].text)
					}
				}
			}
		}
	}
	return Result{}, false
}
