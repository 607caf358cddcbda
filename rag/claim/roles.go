package claim

import (
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// checkRoles finds who-did-what-to-whom turned round: for a word of the
// sentence that stands between two names, and the same word in the passage
// sentences its clause comes from, the doer and the one it was done to are
// read (a passive "B was beaten by A" read as "A beat B"), and a name that
// is the doer on one side and the other party on the other is caught. The
// order of two names after the word is compared too ("informed A about B"
// against "informed B about A"), unless they are only listed ("A and B").
func checkRoles(c *sentenceRead, ev *evidence) (Result, bool) {
	if r, bad := checkArguments(c, ev); bad {
		return r, true
	}
	if r, bad := checkAgents(c, ev); bad {
		return r, true
	}
	if len(c.names) < 2 {
		return Result{}, false
	}
	for i := range c.toks {
		candidates := c.roleMatches(ev, i)
		if !relating(c.toks, c.names, i, c.content[i]) || len(candidates) == 0 || joinedModifier(c.toks, i) {
			continue // "the Oslo-based group": a participle joined to the word before is a modifier
		}
		ca, cb := roleNames(c.toks, c.names, i)
		if cb == nil {
			continue
		}
		var found Result
		agrees := false
		reciprocal := lexicon.IsReciprocal(c.toks[i].low) && !passiveForm(c.toks, i)
		judge := func(p int) {
			inSent := ev.namesBySent[ev.toks[p].sent]
			if !relating(ev.toks, inSent, p, isContent(ev.toks[p].low)) {
				return // "Watson's accusers said the NFL …": a noun between two names relates neither
			}
			pa, pb := roleNames(ev.toks, inSent, p)
			if reciprocal && (pa != nil || pb != nil) {
				// "Ortiz married Varga" for "Varga married Ortiz": no
				// order to turn round, but another party is still caught.
				if r, bad := c.otherParty(ev, inSent, ca, cb, pa, pb, p); bad && found.Verdict == "" {
					found = r
				} else if !bad {
					agrees = true
				}
				return
			}
			if r, bad := turnedRound(c, ev, inSent, ca, cb, pa, pb, p); bad {
				if found.Verdict == "" {
					found = r
				}
			} else if r, bad := c.otherParty(ev, inSent, ca, cb, pa, pb, p); bad {
				if found.Verdict == "" {
					found = r
				}
			} else if pa != nil || pb != nil {
				agrees = true
			}
		}
		for _, p := range candidates {
			if c.inGood(ev, c.segment[i], p) {
				judge(p)
			}
		}
		if found.Verdict != "" && !agrees {
			// A synonym the passage also holds may be where the sentence's
			// statement is; its reading can only clear the verb.
			held := found
			for _, p := range c.synonymsInGood(ev, i) {
				judge(p)
			}
			found = held
		}
		if found.Verdict != "" && !agrees {
			return found, true
		}
	}
	return Result{}, false
}

func roleText(toks []token, g *nameGroup) string {
	if g == nil {
		return "someone"
	}
	return nameText(toks, *g)
}

// relating reports whether the word at i can relate two names: a verb
// form ("defeated", "was beaten"), a verb of saying ("told", which carries
// no claim of its own but says who told whom), or a noun that names an
// act, with its other party after "of" and its doer after "by" ("the
// purchase of Spirit by JetBlue").
func relating(toks []token, names []nameGroup, i int, content bool) bool {
	switch {
	case content && (verbForm(toks, i) || verbBetween(toks, names, i)):
		return true
	case lexicon.IsSaying(toks[i].low) && lexicon.IsVerb(toks[i].low):
		return true
	}
	_, by := nominalRoles(toks, names, i)
	return by != nil
}

// nominalRoles reads "N of Y by X": the doer X and the other party Y of
// the noun at i, or nils.
func nominalRoles(toks []token, names []nameGroup, i int) (of, by *nameGroup) {
	if i+1 >= len(toks) || toks[i+1].low != "of" {
		return nil, nil
	}
	for k := range names {
		g := &names[k]
		switch {
		case of == nil && g.start > i+1 && g.start <= i+3 && toks[g.start].clause == toks[i].clause:
			of = g
		case of != nil && g.start > of.end && g.start-of.end <= 2 && toks[g.start-1].low == "by":
			return of, g
		}
	}
	return nil, nil
}

// roleNames gives the doer and the other party of the word at i: the
// nearest names before and after it in its sentence, swapped when the word is a passive ("was beaten by"),
// or, for a noun that names an act, the names after "by" and "of".
func roleNames(toks []token, names []nameGroup, i int) (doer, done *nameGroup) {
	if of, by := nominalRoles(toks, names, i); by != nil {
		return by, of
	}
	for k := range names {
		g := &names[k]
		if toks[g.start].sent != toks[i].sent {
			continue
		}
		if g.end <= i && i-g.end < roleWindow {
			doer = g
		}
		if g.start > i && g.start-i <= roleWindow && done == nil {
			done = g
		}
	}
	if doer != nil && toks[doer.start].clause != toks[i].clause {
		// "Tenitia, who landed her Tim Hortons job in February, had been
		// working": a name inside a relative clause set off before the
		// verb is no party of it; the name the clause hangs on is.
		if k := clauseStart(toks, doer.start); opensAsideRelative(toks, k) {
			doer = nil
			for n := range names {
				if names[n].end == k && toks[names[n].start].sent == toks[i].sent {
					doer = &names[n]
				}
			}
		}
	}
	if done != nil && toks[done.start].clause != toks[i].clause && (fronted(toks, i) || speaks(toks, *done)) {
		// "After the FDA expanded the authorizations, Walensky signed
		// off": the clause ended before the name. "… to keep his name,”
		// Sheen said": the name past the clause is who said it.
		done = nil
	}
	if done != nil && obliqueName(toks, *done) {
		// "was greeted at the White House by the President": a place
		// before a passive's "by" is neither party; the name after "by" is.
		if g := nameAfterBy(toks, names, i, *done); g != nil {
			done = g
		}
	}
	if doer != nil && (objectBeforeInfinitive(toks, *doer, i) || pronounBetween(toks, doer.end, i) || sayingIn(toks, doer.end, i)) {
		// The name is another verb's object, a pronoun is the subject ("At
		// the 1984 Euros they were beaten"), or the name is who said it
		// ("Blagovolina said the report failed to establish").
		doer = nil
	}
	if passiveAt(toks, i, done) {
		if obliqueName(toks, *done) {
			// "agreed by allies at the Washington summit": the place
			// after the passive's "by" phrase is no doer.
			doer, done = nil, doer
		} else {
			doer, done = done, doer
		}
	} else if agentless(toks, i) {
		// "Orr was charged alongside Vance": the doer is not named, and
		// the name before the verb is the one it was done to.
		doer, done = nil, doer
	}
	return doer, done
}

// adverbialOpeners open a subordinate clause that stands before its main
// clause (a closed class of subordinating conjunctions).
var adverbialOpeners = wordSet("after before when whenever while as because if although though since until unless once")

// fronted reports whether the word at i is in a subordinate clause that
// opens its sentence ("After the FDA expanded …, Walensky …"): the clause
// ends at its comma, and no party of its verb stands past it.
func fronted(toks []token, i int) bool {
	k := i
	for k > 0 && toks[k-1].clause == toks[i].clause {
		k--
	}
	return (k == 0 || toks[k-1].sent != toks[k].sent) && adverbialOpeners[toks[k].low]
}

// nameAfterBy gives the name right after a "by" that follows name g, in
// the clause of the verb at i and within a passive's reach of it (byReach),
// or nil.
func nameAfterBy(toks []token, names []nameGroup, i int, g nameGroup) *nameGroup {
	for k := range names {
		h := &names[k]
		if h.start <= g.end || h.start-i > byReach(toks, i)+2 || toks[h.start].clause != toks[i].clause {
			continue
		}
		j := h.start - 1
		for j > g.end && (determinerOpens(toks[j].low)) {
			j--
		}
		if toks[j].low == "by" {
			return h
		}
	}
	return nil
}

// sayingIn reports whether a verb of saying stands in [from, to).
func sayingIn(toks []token, from, to int) bool {
	for j := from; j < to; j++ {
		if lexicon.IsSaying(toks[j].low) && lexicon.IsVerb(toks[j].low) && !toks[j].upper {
			return true
		}
	}
	return false
}

// speaks reports whether name g is the subject of a verb of saying right
// after it ("Sheen said") or right before it ("said Sheen"): a speech tag,
// which names who spoke and no party of the words around it.
func speaks(toks []token, g nameGroup) bool {
	after := g.end < len(toks) && toks[g.end].clause == toks[g.start].clause && sayingIn(toks, g.end, g.end+1)
	before := g.start > 0 && toks[g.start-1].clause == toks[g.start].clause && sayingIn(toks, g.start-1, g.start)
	return after || before
}

// subjectPronouns stand as the subject of a clause (a closed class).
var subjectPronouns = wordSet("he she they we i you it")

// pronounBetween reports whether a subject pronoun stands in [from, to).
func pronounBetween(toks []token, from, to int) bool {
	for j := from; j < to; j++ {
		if subjectPronouns[toks[j].low] {
			return true
		}
	}
	return false
}

// gerundAt reports whether the word at i is an -ing form with its own
// object after it ("beating Hull", "cutting the rate"), not an adjective
// before a noun ("leading economists").
func gerundAt(toks []token, i int) bool {
	if !strings.HasSuffix(toks[i].low, "ing") || i+1 >= len(toks) || toks[i+1].clause != toks[i].clause {
		return false
	}
	n := toks[i+1]
	return determinerOpens(n.low) || n.upper || hasDigit(n.low)
}

// objectBeforeInfinitive reports whether name g, before the verb at i, is
// the object of another verb and i an infinitive after it ("beat Hull 3-1
// to reach the final"): the one who reaches is the subject of "beat", not
// Hull.
func objectBeforeInfinitive(toks []token, g nameGroup, i int) bool {
	if i == 0 || toks[i-1].low != "to" || g.start == 0 {
		return false
	}
	k := g.start - 1
	for k > 0 && (determinerOpens(toks[k].low)) {
		k--
	}
	return toks[k].clause == toks[g.start].clause && verbForm(toks, k)
}

var beWords = wordSet("is are was were be been being get got gets")

// meansAfter reports whether the words from k, after "by", name a means
// rather than a doer: a noun phrase with no article, determiner or name,
// whose noun (the first within three words) is singular and by its first
// sense in WordNet neither a person nor a group ("arrived by direct
// deposit", "sent by mail", "paid by check"; not "placed by police" or
// "criticised by staff"). English writes the means of transport and
// communication with "by" and no article (Quirk et al., 1985, §9.50).
func meansAfter(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+3 && toks[j].clause == toks[k].clause; j++ {
		t := toks[j]
		if t.upper || !isContent(t.low) || definite[t.low] || possessivePronouns[t.low] {
			return false
		}
		if !lexicon.IsNoun(t.low) || lexicon.IsAdjective(t.low) && j+1 < len(toks) && toks[j+1].clause == t.clause && isContent(toks[j+1].low) {
			continue // "direct" of "direct deposit"
		}
		if b := lexicon.Base(t.low); b != "" && b != t.low {
			return false // a plural: "by protesters"
		}
		switch lexicon.FirstFile(t.low, 'n') {
		case "noun.person", "noun.group":
			return false
		}
		return true
	}
	return false
}

// resultingCopulas stand for "be" before a participle with "by" ("remains
// bound by the terms", "became infected by"): the subject is the one the
// verb is done to, as in a passive.
var resultingCopulas = wordSet("remain remains remained stay stays stayed become becomes became")

// passiveAt reports whether the word at i is a passive verb whose doer
// follows "by".
func passiveAt(toks []token, i int, after *nameGroup) bool {
	if i == 0 || !beWords[toks[i-1].low] && !(i > 1 && beWords[toks[i-2].low]) && !reducedPassive(toks, i) {
		return false // a passive has "be" before it, or is a participle with "by" after ("a company owned by Zeta")
	}
	if after == nil {
		return false
	}
	for j := i + 1; j < after.start; j++ {
		if toks[j].low == "by" {
			return true
		}
	}
	return false
}

// nextName gives the name after g in its sentence, unless the two are only
// listed together ("A and B", "A, B").
func nextName(toks []token, names []nameGroup, g nameGroup) *nameGroup {
	for k := range names {
		h := &names[k]
		if h.start < g.end || toks[h.start].sent != toks[g.start].sent {
			continue
		}
		listed := true
		for j := g.end; j < h.start; j++ {
			if low := toks[j].low; low != "and" && low != "or" && low != "the" && low != "both" && low != "&" {
				listed = false
			}
		}
		if listed || h.start-g.end > roleWindow || appositiveOf(toks, h.start-1) {
			return nil // "the Ukrainian city of Lviv" is one place
		}
		return h
	}
	return nil
}

// otherParty catches the other party of a relation replaced by a name the
// passage sentence does not give ("Acme sued Zeta" where the passage says
// "Acme sued Brant", and Zeta is Brant's owner in another sentence or
// another cited passage): the doers agree, the sentence names another
// party that the passage sentence does not hold, and does not name the
// passage's party anywhere ("sued Zeta's unit Brant" names it).
func (c *sentenceRead) otherParty(ev *evidence, inSent []nameGroup, ca, cb, pa, pb *nameGroup, p int) (Result, bool) {
	if ca == nil || cb == nil || pa == nil || pb == nil || !sameName(*ca, *pa) || sameName(*cb, *pb) || sameName(*ca, *cb) {
		return Result{}, false
	}
	for _, h := range inSent {
		if sameName(*cb, h) || aliasOf(*cb, h) {
			return Result{}, false
		}
	}
	for _, g := range c.names {
		if sameName(g, *pb) || aliasOf(g, *pb) {
			return Result{}, false
		}
	}
	return contradicted(KindRole, "the source says %s %s %s, not %s", nameText(ev.toks, *pa), ev.toks[p].text, nameText(ev.toks, *pb), nameText(c.toks, *cb))
}

// turnedRound compares the doer and the other party of a word in the
// sentence (ca, cb) with those of the same word at passage position p.
func turnedRound(c *sentenceRead, ev *evidence, inSent []nameGroup, ca, cb, pa, pb *nameGroup, p int) (Result, bool) {
	switch {
	case ca != nil && pa != nil && pb != nil && sameName(*ca, *pb) && !sameName(*ca, *pa):
		return contradicted(KindRole, "the source says %s %s %s, not the other way round", roleText(ev.toks, pa), ev.toks[p].text, nameText(ev.toks, *pb))
	case ca != nil && pa != nil && pb != nil && sameName(*cb, *pa) && !sameName(*cb, *pb):
		return contradicted(KindRole, "the source says %s %s %s, not the other way round", nameText(ev.toks, *pa), ev.toks[p].text, roleText(ev.toks, pb))
	case pa != nil && pb == nil && sameName(*cb, *pa) && (ca == nil || !sameName(*ca, *pa)) && pronounObject(ev.toks, p):
		// "Giuliani told her" against "she told Giuliani" or "Hutchinson
		// told Giuliani": the pronoun after the passage's verb is its
		// other party, so the one the sentence has it done to did it.
		return contradicted(KindRole, "the source says %s %s %s, not the other way round", nameText(ev.toks, *pa), ev.toks[p].text, ev.toks[p+1].text)
	case pb != nil && !sameName(*cb, *pb):
		// informed A about B / informed B about A
		if c2 := nextName(c.toks, c.names, *cb); c2 != nil && sameName(*c2, *pb) {
			if p2 := nextName(ev.toks, inSent, *pb); p2 != nil && sameName(*p2, *cb) {
				return contradicted(KindRole, "the source says %s %s before %s, not %s", ev.toks[p].text, nameText(ev.toks, *pb), nameText(ev.toks, *p2), nameText(c.toks, *cb))
			}
		}
	}
	return Result{}, false
}

// checkArguments catches who-did-what-to-whom turned round between words
// that are not names ("the advisers vote", "the lawyer questioned the
// parents"): for a verb of the sentence, the nearest words before and
// after it that the passage holds are its doer and the other party (the
// other way round in a passive, "was questioned by"); when, around the same
// verb in the passage, the doer stands only after it and the other party
// only before it (again reading a passive), the roles are turned round.
// Both must be turned, so a reordered or reworded sentence is not caught.
func checkArguments(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		// A verb of saying carries no claim of its own, but "the minister
		// told the president" has two sides all the same.
		saying := lexicon.IsSaying(c.toks[i].low) && addressedPhrase(c.toks, i)
		if !c.content[i] && !saying || len(c.matches[i]) == 0 || !verbForm(c.toks, i) && !saying || c.toks[i].joined || noSides(c.toks, i) {
			continue // a participle joined to the word before ("thumbnail-sized") is a modifier, not a clause's verb
		}
		if beAgentless(c.toks, i) {
			continue // "patients were treated at the hospital": no doer to turn round
		}
		l, r := c.argument(i, -1), c.argument(i, +1)
		if l < 0 || r < 0 {
			continue
		}
		if passiveVerb(c.toks, i) {
			l, r = r, l
		}
		if res, bad := c.argumentsTurned(ev, i, l, r, roleWindow); bad {
			return res, true
		}
		if o := c.ofComplement(r); o >= 0 && !passiveVerb(c.toks, i) {
			// "violated the rights of a school district": the party acted
			// on is the one the object's "of" names, as much as the
			// object, and it may stand as far again as the "of" is.
			if res, bad := c.argumentsTurned(ev, i, l, o, roleWindow+o-r); bad {
				return res, true
			}
		}
	}
	return Result{}, false
}

// ofComplement gives, for the object word at r, the word its noun phrase's
// "of" names, when the passages hold it ("the First Amendment rights of a
// Washington state school district": "Washington"): "of" within three
// words after r, with only content words between, and the head of the
// phrase after it (objectHead); -1 when there is none.
func (c *sentenceRead) ofComplement(r int) int {
	for k := r + 1; k < len(c.toks) && k <= r+3 && c.toks[k].clause == c.toks[r].clause; k++ {
		if c.toks[k].low == "of" {
			if o := objectHead(c.toks, k); o >= 0 && len(c.matches[o]) > 0 && !verbForm(c.toks, o) {
				return o
			}
			return -1
		}
		if !c.content[k] {
			return -1
		}
	}
	return -1
}

// argumentsTurned is checkArguments for the verb at sentence position i
// with its doer at l and its other party at r, each read in the passage
// within window words of the verb.
func (c *sentenceRead) argumentsTurned(ev *evidence, i, l, r, window int) (Result, bool) {
	var found Result
	agrees := false
	for _, p := range c.matches[i] {
		if !c.inGood(ev, c.segment[i], p) || noSides(ev.toks, p) || beAgentless(ev.toks, p) {
			continue // "Smith was elected leader of the party": the passage names no doer
		}
		if takesDirectObject(c.toks, i) != takesDirectObject(ev.toks, p) {
			// "spending will rise 8% under the budget" against "the
			// budget raises spending": one verb has an object, the
			// other a phrase after a preposition; their words after
			// them are not the same party.
			continue
		}
		before := func(k int) (b, a bool) { // the argument stands before p / after p
			for _, q := range c.matches[k] {
				if q == p || ev.toks[q].sent != ev.toks[p].sent || q < p-window || q > p+window {
					continue
				}
				if q < p {
					b = true
				} else {
					a = true
				}
			}
			return b, a
		}
		lb, la := before(l)
		rb, ra := before(r)
		if passiveVerb(ev.toks, p) {
			lb, la, rb, ra = la, lb, ra, rb
		}
		switch {
		case la && !lb && rb && !ra:
			if found.Verdict == "" {
				found, _ = contradicted(KindRole, "the source says the %s %s the %s, not the other way round", c.toks[r].text, ev.toks[p].text, c.toks[l].text)
			}
		case lb && ra:
			agrees = true
		}
	}
	if found.Verdict != "" && !agrees {
		return found, true
	}
	return Result{}, false
}

// addressedPhrase reports whether the verb of saying at i has an
// addressee right after it ("told the president", "warned Hale"): a
// determiner, a possessive or a name (addressed reads names and pronouns
// only); never "say", whose object is what is said.
func addressedPhrase(toks []token, i int) bool {
	if lexicon.Base(toks[i].low) == "say" || i+1 >= len(toks) || toks[i+1].clause != toks[i].clause {
		return false
	}
	next := toks[i+1]
	return definite[next.low] || possessivePronouns[next.low] || next.upper && !next.first
}

// noSides reports whether the verb at i has no sides to turn round: "with"
// follows it ("met with", "talked with", "sided with"), so the two sides do
// the same thing to each other or it is unclear which side does what; or
// it is a reciprocal verb (lexicon.IsReciprocal: "Ortiz met Varga" says
// what "Varga met Ortiz" says). Their order says nothing. Nor has the
// "going" of "going to" before a verb, which marks a future ("we're going
// to continue this work") and is no motion of its own.
func noSides(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i+1].low == "with" && toks[i+1].clause == toks[i].clause || lexicon.IsReciprocal(toks[i].low) || futureGoing(toks, i)
}

// futureGoing reports whether the word at i is the "going" of "going to"
// before a verb's base form: the future the construction marks, not the
// verb "go" ("going to continue"; not "going to school").
func futureGoing(toks []token, i int) bool {
	if toks[i].low != "going" || i+2 >= len(toks) || toks[i+1].low != "to" || toks[i+2].clause != toks[i].clause {
		return false
	}
	next := toks[i+2].low
	return lexicon.IsVerb(next) && lexicon.Base(next) == next && !lexicon.IsNoun(next)
}

// beAgentless reports whether the verb at i is a passive with a form of
// "be" and no "by" ("were treated at the hospital", "was elected leader
// of the party"): the words around it are no doer and other party. A
// participle without "be" ("credentials stolen from a vendor") is not
// read so: its "from" may name whom the sentence makes the doer.
func beAgentless(toks []token, i int) bool {
	return agentless(toks, i) && i > 0 && (beWords[toks[i-1].low] || i > 1 && beWords[toks[i-2].low])
}

// subordinators open a clause of their own: an argument is not looked for
// beyond them.
var subordinators = wordSet("when whenever as if that which who whom whose where while whereas because since until unless although though after before and but or")

// argument gives the nearest word before (dir -1) or after (dir +1) the
// verb at i, in its clause, that the passages hold and that is not itself
// a verb, or -1.
func (c *sentenceRead) argument(i, dir int) int {
	for j := i + dir; j >= 0 && j < len(c.toks) && (j-i)*dir <= roleWindow; j += dir {
		if c.toks[j].clause != c.toks[i].clause || subordinators[c.toks[j].low] {
			return -1
		}
		if (c.content[j] || c.item[j]) && len(c.matches[j]) > 0 && !verbForm(c.toks, j) && !c.figureAt(j) {
			return j
		}
	}
	return -1
}

// takesDirectObject reports whether the verb at i is followed in its
// clause by a word that can open its object: not a preposition, a figure
// or the end of the clause. A passive has none.
func takesDirectObject(toks []token, i int) bool {
	if passiveForm(toks, i) {
		return false
	}
	j := i + 1
	if j >= len(toks) || toks[j].clause != toks[i].clause {
		return false
	}
	low := toks[j].low
	return !prepositions[low] && !hasDigit(low) && !isNumberWord(low) && !auxiliaries[low]
}

// reducedPassive reports whether the verb at i is a participle that
// describes the noun before it, with its doer after "by" right after it
// ("a company owned by Zeta", "the coalition led by Britain").
func reducedPassive(toks []token, i int) bool {
	// The participle may open a clause set off by a comma after its noun
	// ("Operation Fly Formula, announced by Biden on Wednesday, …").
	setOff := i > 0 && toks[i-1].clause != toks[i].clause && toks[i-1].sent == toks[i].sent && toks[i-1].clause+1 == toks[i].clause
	if i > 1 && toks[i-1].low == "as" && toks[i-1].clause == toks[i].clause && i+1 < len(toks) && toks[i+1].low == "by" {
		return passiveVerb(toks, i) // "NATO, as agreed by allies": "as" and a participle
	}
	return i > 0 && i+1 < len(toks) && toks[i+1].low == "by" && toks[i+1].clause == toks[i].clause && (toks[i-1].clause == toks[i].clause || setOff) &&
		nounish(toks, i-1) && !auxiliaries[toks[i-1].low] && passiveVerb(toks, i)
}

// joinedModifier reports whether the word at i is a participle joined by
// a hyphen to a noun before it ("Oslo-based", "thumbnail-sized"): an
// adjective, not a clause's verb. A verb before the hyphen makes one verb
// of the two ("cross-examined"), unless a noun follows as the phrase the
// adjective describes.
func joinedModifier(toks []token, i int) bool {
	if !toks[i].joined || i == 0 || !verbForm(toks, i) {
		return false
	}
	prev := toks[i-1]
	if prev.upper || !lexicon.IsVerb(prev.low) {
		return true
	}
	if i+1 >= len(toks) || toks[i+1].clause != toks[i].clause {
		return false
	}
	next := toks[i+1]
	return !determinerOpens(next.low) && isContent(next.low) && !next.upper
}

// passiveVerb reports whether the verb at i is a passive with its doer
// after "by": a form of "be" or "get" before it, or a participle, and "by"
// within a few words after it.
func passiveVerb(toks []token, i int) bool {
	be := i > 0 && (beWords[toks[i-1].low] || resultingCopulas[toks[i-1].low] || i > 1 && (beWords[toks[i-2].low] || resultingCopulas[toks[i-2].low]))
	participle := strings.HasSuffix(toks[i].low, "ed") || strings.HasSuffix(toks[i].low, "en")
	if !be && !participle {
		return false
	}
	if !be && i+1 < len(toks) && toks[i+1].clause == toks[i].clause && (determinerOpens(toks[i+1].low) || definite[toks[i+1].low] || toks[i+1].low == "this" || toks[i+1].low == "that") {
		return false // "approved the plan by a vote of 7-2": an object after it, so an active verb
	}
	// "was beaten by", and the reduced "as agreed by allies"; not "won by
	// two goals".
	for j := i + 1; j < len(toks) && j <= i+byReach(toks, i) && toks[j].clause == toks[i].clause; j++ {
		if toks[j].low == "to" && !be {
			return false // "expected supply to improve by …": the "by" is the infinitive's
		}
		if beWords[toks[j].low] {
			return false // "the bill passed in May was vetoed by …": the "by" is the next verb's
		}
		if j+1 < len(toks) && toks[j+1].low == "by" && (strings.HasSuffix(toks[j].low, "ed") || strings.HasSuffix(toks[j].low, "en")) && lexicon.IsVerb(toks[j].low) {
			return false // "featured comedic remarks delivered by Biden": the "by" is the participle's
		}
		if toks[j].low == "by" {
			// "won by two goals" measures, "reached the final by beating
			// Hull" gives the means, "by the end of the year" a time:
			// none names a doer.
			k := j + 1
			for k < len(toks) && k <= j+3 && (approximators[toks[k].low] || toks[k].low == "than" || toks[k].low == "as" || toks[k].low == "much") {
				k++ // "increased by more than 80%", "grew by as much as 5%": a measure
			}
			return k < len(toks) && !hasDigit(toks[k].low) && !isNumberWord(toks[k].low) && !gerundAt(toks, j+1) && !timeAfter(toks, j+1) && !meansAfter(toks, j+1)
		}
	}
	return false
}

// byReach is how far after a passive verb at i its "by" may stand: a few
// words, or past a place or time phrase that opens right after the verb
// ("was greeted at the White House by the President").
func byReach(toks []token, i int) int {
	if i+1 < len(toks) && prepositions[toks[i+1].low] && toks[i+1].low != "by" && toks[i+1].low != "to" && toks[i+1].low != "of" {
		return 7
	}
	return 4
}

// timeAfter reports whether the phrase at k, past determiners, is a time:
// a weekday, a month, a part of the day, a season, a unit of time, or
// "the end", "the time", "then", "now" (closed classes; see times.go).
func timeAfter(toks []token, k int) bool {
	for k < len(toks) && (determinerOpens(toks[k].low) || toks[k].low == "next" || toks[k].low == "last") {
		k++
	}
	if k >= len(toks) {
		return false
	}
	low := toks[k].low
	return weekdays[low] || months[low] || dayParts[low] || seasons[low] || timeUnits[low] != "" ||
		low == "end" || low == "time" || low == "then" || low == "now"
}

// checkAgents catches the doers of two passives swapped ("derided by
// economists and viewed skeptically by Obama" where the passage has Obama
// deriding): for a passive verb of the sentence whose doer after "by" the
// passage holds, the same verb in the passage has a doer after "by" that
// the sentence's does not stand for, and the sentence's stands after
// another "by" in that passage sentence, or between the verb and its "by"
// (its other party: "loaned to NASA by the researchers" against "loaned
// to the researchers by NASA").
func checkAgents(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if !c.content[i] || len(c.matches[i]) == 0 || !verbForm(c.toks, i) || !passiveVerb(c.toks, i) {
			continue
		}
		a0, a1 := agentAfterBy(c.toks, i)
		if a0 < 0 {
			continue
		}
		// Any occurrence with the sentence's doer clears the verb: "motivated
		// by politics and 42% saying … motivated by the law" gives both.
		var found Result
		agrees := false
		for _, p := range c.matches[i] {
			if !c.inGood(ev, c.segment[i], p) || !passiveVerb(ev.toks, p) {
				continue
			}
			b0, b1 := agentAfterBy(ev.toks, p)
			if b0 < 0 {
				continue
			}
			same, elsewhere := false, false
			for a := a0; a < a1; a++ {
				for _, q := range c.matches[a] {
					switch {
					case q >= b0 && q < b1:
						same = true
					case ev.toks[q].sent == ev.toks[p].sent && isAgent(ev.toks, q),
						q > p && q < b0 && ev.toks[q].clause == ev.toks[p].clause:
						// the doer of another passive, or the other
						// party of this one ("loaned to the researchers
						// by NASA")
						elsewhere = true
					}
				}
			}
			agrees = agrees || same
			if !same && !elsewhere && c.anyMatched(a0, a1) {
				// "police enter … cordons placed by the protesters"
				// against "the protesters enter … cordons placed by
				// police": the passage's doer stands elsewhere in the
				// sentence, so the two are exchanged.
				elsewhere = c.holdsOutside(b0, b1, a0, a1)
			}
			if !same && elsewhere && found.Verdict == "" {
				found, _ = contradicted(KindRole, "the source says %s by %s, not by %s", ev.toks[p].text, spanText(ev.toks, b0, b1), spanText(c.toks, a0, a1))
			}
		}
		if !agrees && found.Verdict != "" {
			return found, true
		}
	}
	return Result{}, false
}

// agentAfterBy gives the doer after "by" of the passive verb at i: the run
// of content words and names that follows "by" (after a determiner), or
// -1, -1.
func agentAfterBy(toks []token, i int) (start, end int) {
	return agentAfter(toks, i, false)
}

// agentAfter is agentAfterBy, also reading a phrase opened by a quantifying
// determiner ("by some Democrats") when quantified is set.
func agentAfter(toks []token, i int, quantified bool) (start, end int) {
	for j := i + 1; j < len(toks) && j <= i+max(5, byReach(toks, i)) && toks[j].clause == toks[i].clause; j++ {
		if toks[j].low != "by" {
			continue
		}
		start, end = -1, -1
		for k := j + 1; k < len(toks) && k <= j+8 && toks[k].clause == toks[j].clause; k++ {
			if isContent(toks[k].low) || toks[k].upper || (start >= 0 && isNameJoiner(toks[k].low)) {
				if start < 0 {
					start = k
				}
				end = k + 1
				continue
			}
			if start >= 0 || !definite[toks[k].low] && !(quantified && someDeterminers[toks[k].low]) && toks[k].low != "a" && toks[k].low != "an" {
				break
			}
		}
		return start, end
	}
	return -1, -1
}

// someDeterminers are the quantifying determiners that may open a noun
// phrase, as the articles do ("by some Democrats", "by several
// lawmakers"): a closed class (Quirk et al., 5.12-5.25); "no" is left to
// the negation rules. A doer opened by one is read only to clear a verb
// (agreesThroughSynonym): read to find roles turned round, it meets
// sentence subjects read too short ("several Democrats from the council
// endorsed" read as the council's act).
var someDeterminers = wordSet("some any many several most few each every")

// anyMatched reports whether a word of the sentence in [a0, a1) stands for
// a passage word.
func (c *sentenceRead) anyMatched(a0, a1 int) bool {
	for a := a0; a < a1; a++ {
		if len(c.matches[a]) > 0 {
			return true
		}
	}
	return false
}

// holdsOutside reports whether a noun or name of the sentence outside
// [a0, a1) stands for a passage word in [b0, b1) (a verb there restates
// the doer, as "gas prices that jumped" restates "a jump in gas prices").
func (c *sentenceRead) holdsOutside(b0, b1, a0, a1 int) bool {
	for k := range c.toks {
		if k >= a0 && k < a1 || !c.content[k] && !c.toks[k].upper || verbForm(c.toks, k) {
			continue
		}
		for _, q := range c.matches[k] {
			if q >= b0 && q < b1 {
				return true
			}
		}
	}
	return false
}

// isAgent reports whether the word at q stands in a doer after "by".
func isAgent(toks []token, q int) bool {
	for j := q - 1; j >= 0 && j >= q-3 && toks[j].clause == toks[q].clause; j-- {
		if toks[j].low == "by" {
			return true
		}
	}
	return false
}

// pronounObject reports whether a personal object pronoun stands right
// after the verb at p in its clause ("told her", "beat them"), where only
// the verb's other party can stand; "it" may be a clause's dummy subject.
func pronounObject(toks []token, p int) bool {
	return p+1 < len(toks) && toks[p+1].clause == toks[p].clause && objectPronouns[toks[p+1].low] && toks[p+1].low != "it" && !passiveVerb(toks, p)
}

// roleMatches gives the passage words whose doer and other party the word
// at i is compared with: those it stands for, and, for a verb, the verbs
// one WordNet hypernym step from it in the passage sentences its clause
// comes from ("beat" is a kind of "defeat": who beat whom is who defeated
// whom), when those sentences hold no verb it stands for. A kind of act
// keeps the roles of the act it is a kind of, so a verb the matching
// leaves out as too far for a paraphrase still says who did what.
func (c *sentenceRead) roleMatches(ev *evidence, i int) []int {
	ps := c.matches[i]
	if !c.content[i] || !lexicon.IsVerb(c.toks[i].low) {
		return ps
	}
	for _, p := range ps {
		if c.inGood(ev, c.segment[i], p) && verbForm(ev.toks, p) {
			return ps // the verb itself, or its synonym, is there
		}
	}
	up := lexicon.Hypernyms(c.toks[i].low)
	sents := c.good[c.segment[i]]
	if sents == nil {
		// A clause whose words match nothing else ("Acme acquired Brant",
		// where the passage says "Brant agreed to buy Acme") draws on
		// every sentence.
		for s := 0; s < ev.sents; s++ {
			sents = append(sents, s)
		}
	}
	for _, s := range sents {
		for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
			u := ev.toks[p].low
			if slices.Contains(ps, p) || !isContent(u) || !verbForm(ev.toks, p) {
				continue
			}
			if sharesAny(up, lexicon.Bases(u)) || sharesAny(lexicon.Hypernyms(u), lexicon.Bases(c.toks[i].low)) {
				ps = append(slices.Clip(ps), p)
			}
		}
	}
	return ps
}
