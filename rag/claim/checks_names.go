package claim

import (
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// The names check: every name in the sentence is in its passages, and
// stands where they put it.

// checkNames finds a name the passages and their articles' metadata do not
// give, and a name the passages give in another place: the clause comes
// from passage sentences that name someone else and not this one.
func checkNames(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, g := range c.names {
		var at []int
		short := false // the passages write it another way WordNet gives ("the Fed")
		for _, h := range ev.names {
			if sameName(g, h) {
				at = append(at, h.start)
				short = short || wordnetName(h, g)
			}
		}
		inTitle := false
		for _, k := range g.keys {
			inTitle = inTitle || ev.context[k]
		}
		if inTitle && len(at) == 0 {
			// The title names it and the passages only say "he": it is
			// whom the passages are about.
			goto next
		}
		if !inTitle && !short && !ev.abbreviated(c.toks, g) && !ev.spelledOut(c.toks, g) {
			var shortened map[int]bool
			for x, k := range g.keys {
				if !ev.knowsName(k) && !ev.governmentBy(c.toks, g, k) && !ev.regions[strings.Join(g.keys, " ")] && !ev.regions[k] && !ev.clipped(g, k) && !ev.commonInitials(c.toks, g) {
					if shortened == nil {
						shortened = ev.writtenShort(g.keys)
					}
					if shortened[x] {
						continue
					}
					return absent(missing(KindEntity, "the source does not name %s", nameText(c.toks, g)))
				}
			}
		}
		if len(at) == 0 {
			goto next // every word of it is in the source, as a word
		}
		if r, bad := c.otherTitle(ev, g); bad {
			return r, true
		}
		if seg := c.segment[g.start]; c.good[seg] != nil && !attributiveName(c.toks, g) {
			if r, bad := c.nameBound(ev, seg, g, at); bad {
				return r, true
			}
		}
	next:
	}
	return Result{}, false
}

// otherTitle finds a person the sentence names with the title of another
// organisation ("Frontier CEO Ted Christie" where the passage has "Spirit
// CEO Ted Christie", and names Frontier elsewhere): the word before the
// title differs, on both sides, and no passage name holds the sentence's.
func (c *sentenceRead) otherTitle(ev *evidence, g nameGroup) (Result, bool) {
	org, at := titled(c.toks, c.names, g)
	if org == "" {
		return Result{}, false
	}
	var other *nameGroup
	for k := range ev.names {
		h := &ev.names[k]
		if !sameName(g, *h) {
			continue
		}
		switch o, _ := titled(ev.toks, ev.names, *h); {
		case o == org || o != "" && nameForm(o, org):
			return Result{}, false
		case o != "" && other == nil:
			other = h
		}
	}
	if other == nil || !ev.namedElsewhere(org) {
		return Result{}, false
	}
	said := spanText(c.toks, g.start, g.end)
	if at < g.start || at >= g.end {
		said += " of " + c.toks[at].text // the title in an apposition: "Ted Christie of Frontier"
	}
	return contradicted(KindEntity, "the source says %s, not %s", spanText(ev.toks, other.start, other.end), said)
}

// titled gives the name key of the organisation whose title a person's
// name carries: the word just before a title inside the name ("frontier"
// in "Frontier CEO Ted Christie"), the organisation of a title in the
// clause just before it ("Frontier's chief executive, Barry Biffle"), or
// that of an apposition right after it, "Frontier's CEO" or "the CEO of
// Frontier" ("Ted Christie, Frontier's CEO, said"), with where the
// organisation's name is written; or "" and -1.
func titled(toks []token, names []nameGroup, g nameGroup) (string, int) {
	for k := g.start; k+1 < g.end; k++ {
		if !honorifics[toks[k].low] && honorifics[toks[k+1].low] && k+2 < g.end && !honorifics[toks[k+2].low] {
			return nameKey(toks[k].low), k
		}
	}
	if s := g.start; s > 0 && toks[s-1].clause != toks[s].clause && toks[s-1].sent == toks[s].sent {
		// "Frontier's chief executive, Barry Biffle": the title in the
		// clause before, its last words.
		e := s - 1
		for x := e; x >= 0 && x >= e-3 && toks[x].clause == toks[e].clause; x-- {
			if toks[x].possessive && x < e && honorifics[toks[x+1].low] && nameStartingAt(names, x) != nil {
				return nameKey(toks[x].low), x
			}
		}
	}
	k := g.end
	if k >= len(toks) || toks[k].clause == toks[g.end-1].clause || toks[k].sent != toks[g.start].sent {
		return "", -1 // an apposition stands in a clause of its own, after a comma
	}
	if nameStartingAt(names, k) != nil && toks[k].possessive && k+1 < len(toks) && honorifics[toks[k+1].low] {
		return nameKey(toks[k].low), k // "Frontier's CEO"
	}
	if toks[k].low != "the" {
		return "", -1
	}
	j := k + 1
	for j < len(toks) && j <= k+3 && honorifics[toks[j].low] && toks[j].clause == toks[k].clause {
		j++
	}
	if j == k+1 || j+1 >= len(toks) || toks[j].low != "of" {
		return "", -1
	}
	for _, org := range names {
		// "the CEO of Frontier", whose capitals may make one name of
		// "CEO of Frontier"
		if org.start <= j+1 && j+1 < org.end && toks[j+1].clause == toks[k].clause {
			return nameKey(toks[org.end-1].low), org.end - 1
		}
	}
	return "", -1
}

// namedElsewhere reports whether a passage name holds key.
func (ev *evidence) namedElsewhere(key string) bool {
	for _, h := range ev.names {
		for _, k := range h.keys {
			if k == key {
				return true
			}
		}
	}
	return false
}

// obliqueName reports whether a name stands after a preposition, past
// determiners ("from any Olympic sports body"), other than "by" (a
// passive's doer) and "according to" (a speaker).
func obliqueName(toks []token, h nameGroup) bool {
	k := h.start - 1
	for k >= 0 && toks[k].clause == toks[h.start].clause && (determinerOpens(toks[k].low) || toks[k].low == "any") {
		k--
	}
	if k < 0 || toks[k].clause != toks[h.start].clause || !prepositions[toks[k].low] || toks[k].low == "by" {
		return false
	}
	return !(toks[k].low == "to" && k > 0 && toks[k-1].low == "according")
}

// nameBound checks that a name the passages give stands in, or just before,
// the passage sentences its clause comes from. A name two sentences back is
// still the subject of "He told Sky News …", unless those sentences name
// someone the sentence does not.
func (c *sentenceRead) nameBound(ev *evidence, seg int, g nameGroup, at []int) (Result, bool) {
	atSent := map[int]bool{}
	for _, p := range at {
		if c.goodSet[seg][ev.toks[p].sent] {
			return Result{}, false
		}
		atSent[ev.toks[p].sent] = true
	}
	var foreign string
	for _, s := range c.good[seg] {
		if atSent[s+1] && c.continues(ev, s+1, false) {
			return Result{}, false // "That's about 24,000 stations, mostly in … Texas": the next sentence goes on about this one
		}
		if f := c.foreignName(ev, seg, s); f != "" {
			foreign = f
			continue
		}
		if atSent[s-1] || atSent[s-2] {
			return Result{}, false
		}
	}
	if foreign == "" {
		return Result{}, false
	}
	return contradicted(KindEntity, "the source says this of %s, not %s", foreign, nameText(c.toks, g))
}

// writtenShort marks the keys of a name that stand in a run of two to
// four of them which the passages write by a shorter name WordNet gives
// for it ("United Nations" in "United Nations Security Council", where
// the passages write "UN").
func (ev *evidence) writtenShort(keys []string) map[int]bool {
	out := map[int]bool{}
	for i := range keys {
		for j := i + 2; j <= len(keys) && j <= i+4; j++ {
			run := strings.Join(keys[i:j], " ")
			for _, t := range ev.toks {
				if t.upper && lexicon.SameName(t.low, run) {
					for x := i; x < j; x++ {
						out[x] = true
					}
				}
			}
		}
	}
	return out
}

// foreignName gives a name that passage sentence s gives, and the sentence
// does not, in a clause of s that the sentence's segment draws words from,
// and not after a verb it draws on there (where the verb's object stands)
// (for a name that is a clause on its own, "Sir Tony Brenton, the former
// ambassador, said …", the clause after it), or "".
func (c *sentenceRead) foreignName(ev *evidence, seg, s int) string {
	used := map[int]bool{} // passage clauses the segment draws on
	hasContent := map[int]bool{}
	for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
		if t := ev.toks[p]; isContent(t.low) && !t.upper {
			hasContent[t.clause] = true
		}
	}
	firstVerb := map[int]int{}  // per passage clause: the first drawn-on verb in it
	firstDrawn := map[int]int{} // per passage clause: the first word drawn on
	for i := range c.toks {
		if c.segment[i] != seg || !c.content[i] {
			continue
		}
		for _, p := range c.matches[i] {
			if ev.toks[p].sent == s {
				cl := ev.toks[p].clause
				used[cl] = true
				if d, ok := firstDrawn[cl]; !ok || p < d {
					firstDrawn[cl] = p
				}
				if v, ok := firstVerb[cl]; verbForm(ev.toks, p) && (!ok || p < v) {
					firstVerb[cl] = p
				}
			}
		}
	}
	for _, h := range ev.namesBySent[s] {
		cl := ev.toks[h.start].clause
		if ev.descriptor(h) || compoundModifier(ev.toks, h) || ev.toks[h.start].dateline {
			continue
		}
		if !used[cl] && !(!hasContent[cl] && used[cl+1]) {
			continue
		}
		if obliqueName(ev.toks, h) {
			continue // in a phrase after a preposition ("from any Olympic sports body"): not who says or does it
		}
		if v, ok := firstVerb[cl]; ok && v < h.start {
			continue // after a verb the sentence draws on: its object ("hopes the NFL will appeal"), not who says or does it
		}
		if addressee(ev.toks, h) {
			continue // told what ("Tagholm told GB News that …"): the one spoken to
		}
		if d, ok := firstDrawn[cl]; ok && ev.sayingBetween(d, h.start) {
			continue // in what was said ("the accusers' attorney said the NFL does not care"), not who says it
		}
		known := false
		for _, g := range c.names {
			if sameName(g, h) || aliasOf(g, h) || c.acronymWithin(g, h) {
				known = true
				break
			}
		}
		if !known {
			return nameText(ev.toks, h)
		}
	}
	return ""
}

// sayingBetween reports whether a verb of saying stands after passage word
// from and before word to, in one clause: a name after it opens what was
// said, and the words before it say who said it.
func (ev *evidence) sayingBetween(from, to int) bool {
	for p := from + 1; p < to; p++ {
		if ev.toks[p].clause == ev.toks[to].clause && lexicon.IsSaying(ev.toks[p].low) && !ev.toks[p].upper {
			return true
		}
	}
	return false
}

// governmentBy reports whether name key k of g is the capital of a country
// the passages name, or the country of a capital they name, standing where
// it can be the government ("Washington said", "Moscow's demands"): a
// place after a preposition ("a summit in Jakarta") is the city itself,
// which the passages do not name.
func (ev *evidence) governmentBy(toks []token, g nameGroup, k string) bool {
	return ev.capitals[k] && !obliqueName(toks, g)
}

// abbreviated reports whether the passages write a name by its initials
// ("FDA" for "Food and Drug Administration", "ET" for "Eastern time"): a
// word in capitals that spells the initials of the name's run of
// capitalised words, or of the run and the lower-case noun after it.
func (ev *evidence) abbreviated(toks []token, g nameGroup) bool {
	candidates := []string{g.initials}
	if g.end < len(toks) && toks[g.end].clause == toks[g.start].clause && isContent(toks[g.end].low) && !toks[g.end].upper {
		candidates = append(candidates, g.initials+toks[g.end].low[:1])
	}
	for _, full := range candidates {
		// A run may hold a word before the name ("The Food and Drug
		// Administration"): its tails count too.
		for i := 0; i+2 <= len(full); i++ {
			cand := full[i:]
			for _, p := range ev.byForm[cand] {
				if t := ev.toks[p]; len(t.text) == len(cand) && strings.ToUpper(t.text) == t.text {
					return true
				}
			}
		}
	}
	return false
}

// spelledOut reports whether a sentence name written in capitals, one word
// of two to five letters, is the initials of words the passages write in
// lower case ("PR" for "public relations", "CEO" for "chief executive
// officer"): content words in a row in one clause, with "and" or "of"
// between them passed over.
func (ev *evidence) spelledOut(toks []token, g nameGroup) bool {
	if g.end-g.start != 1 {
		return false
	}
	t := toks[g.start]
	if len(t.text) < 2 || len(t.text) > 5 || strings.ToUpper(t.text) != t.text || hasDigit(t.low) {
		return false
	}
	for i := range ev.toks {
		k, n := i, 0
		for n < len(t.low) && k < len(ev.toks) && ev.toks[k].clause == ev.toks[i].clause && !ev.toks[k].upper {
			switch w := ev.toks[k].low; {
			case n > 0 && (w == "and" || w == "of"):
			case isContent(w) && w[0] == t.low[n]:
				n++
			default:
				k = len(ev.toks)
				continue
			}
			k++
		}
		if n == len(t.low) {
			return true
		}
	}
	return false
}

// attributiveName reports whether a name only describes the common noun
// after it, between a determiner and that noun ("the Ivy League college",
// "the South Asian nation"): the noun is what the clause is about, so the
// clause may come from a passage sentence that names its referent in other
// words ("Dartmouth", "Sri Lanka") and this name elsewhere.
func attributiveName(toks []token, g nameGroup) bool {
	if g.start == 0 || g.end >= len(toks) {
		return false
	}
	det, n := toks[g.start-1], toks[g.end]
	if det.low != "the" && det.low != "a" && det.low != "an" || det.clause != toks[g.start].clause || n.clause != det.clause {
		return false
	}
	return !n.upper && isContent(n.low) && lexicon.IsNoun(n.low) && !verbForm(toks, g.end)
}

// compoundModifier reports whether a name opens a hyphenated compound
// with a lower-case word ("US-based", "Kyiv-born"): the compound describes
// the noun after it ("the US-based trade association"), and the name is not
// who that phrase is.
func compoundModifier(toks []token, h nameGroup) bool {
	return h.end < len(toks) && toks[h.end].joined && !toks[h.end].upper
}

// addressee reports whether a name stands between a verb and the "that"
// which opens what the verb reports ("Tagholm told GB News that …",
// "warned Kyiv that …"): the one spoken to, the indirect object of a verb
// whose direct object is the that-clause.
func addressee(toks []token, h nameGroup) bool {
	if h.start == 0 || h.end >= len(toks) {
		return false
	}
	v := toks[h.start-1]
	return v.clause == toks[h.start].clause && !v.upper && verbForm(toks, h.start-1) && toks[h.end].low == "that"
}

// minClipping is the shortest clipped word a name may be written with
// ("Cap" for "Capitol").
const minClipping = 3

// clipped reports whether the passages write key k of name g clipped, or
// g clips it, in a name that is otherwise g's, word for word: "Cap Police"
// for "Capitol Police", "Cal State" for "California State". Clipping
// (keeping a word's first letters) is how English shortens names; the
// rest of the name, written the same, says it is the same one.
func (ev *evidence) clipped(g nameGroup, k string) bool {
	at := slices.Index(g.keys, k)
	if len(g.keys) < 2 || at < 0 {
		return false
	}
	for p, t := range ev.toks {
		short, long := t.low, k
		if len(short) > len(long) {
			short, long = long, short
		}
		if !t.upper || len(short) < minClipping || short == long || !strings.HasPrefix(long, short) {
			continue
		}
		start := p - at
		if start < 0 || start+len(g.keys) > len(ev.toks) {
			continue
		}
		same := true
		for j, x := range g.keys {
			same = same && (j == at || nameKey(ev.toks[start+j].low) == x)
		}
		if same {
			return true
		}
	}
	return false
}

// commonInitials reports whether name g is a word written in capitals that
// WordNet also has as a common noun, one of whose synonyms the passages
// hold ("TV rights" for "television rights"): initials that
// stand for a common noun name nothing the passages leave out.
func (ev *evidence) commonInitials(toks []token, g nameGroup) bool {
	if g.end-g.start != 1 || len(g.keys) != 1 {
		return false
	}
	w := toks[g.start].text
	if len(w) < 2 || strings.ToUpper(w) != w || !lexicon.IsNoun(g.keys[0]) {
		return false
	}
	for _, s := range lexicon.Synonyms(g.keys[0]) {
		if len(ev.hasForm(s)) > 0 {
			return true
		}
	}
	return false
}
