package claim

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// Two more readings of who did what to whom, beside checkRoles and
// checkArguments: the two sides of a verb exchanged with words the passage
// puts on the other side ("Politicians urged SAS" against "SAS urged
// politicians"), and a doer the passage cannot mean because its verb's
// subject is a pronoun and the doer stands after the verb ("Jabeur beat
// Rybakina" against "She beat Ons Jabeur").

// exchangeWindow is how far, in words, the other side of a verb is looked
// for; it is roleWindow's reach plus the few words of a noun phrase
// ("in a trade with the Super Bowl champion Eagles").
const exchangeWindow = roleWindow + 4

// doerAt gives the position of the doer of the verb at i: the first word
// after "by" of a passive, or else the nearest noun or name before the
// verb in its clause, past auxiliaries and adverbs. It gives -1 when a
// pronoun, another verb or a word that opens a clause comes first: then
// the doer is not in reach.
func doerAt(toks []token, i int) int {
	if passiveVerb(toks, i) {
		a, _ := agentAfterBy(toks, i)
		return a
	}
	if agentless(toks, i) {
		return -1 // "Smith was acquired": the one before is the other party
	}
	for j := i - 1; j >= 0 && i-j <= roleWindow && toks[j].clause == toks[i].clause; j-- {
		low := toks[j].low
		switch {
		case subjectPronouns[low] || subordinators[low] || low == "to":
			return -1
		case namedTime(toks, j):
			continue // "the Department of Justice earlier Thursday filed"
		case toks[j].upper && !toks[j].first && !honorifics[low]:
			return j
		case !isContent(low) || hasDigit(low) || isNumberWord(low):
			continue // a figure ("in a 6-3 ruling") is no party
		case verbForm(toks, j):
			return -1
		case adverbLike(low) || timeWord(low):
			continue
		default:
			return j
		}
	}
	return -1
}

// otherPartyAt gives the nearest noun or name after the verb at i in its
// clause (the doer's counterpart; for a passive the one before it), or -1.
func otherPartyAt(toks []token, i int) int {
	if agentless(toks, i) {
		return -1
	}
	if passiveVerb(toks, i) {
		for j := i - 1; j >= 0 && i-j <= roleWindow && toks[j].clause == toks[i].clause; j-- {
			if subordinators[toks[j].low] {
				return -1
			}
			if (isContent(toks[j].low) || toks[j].upper && !toks[j].first) && !verbForm(toks, j) && !beWords[toks[j].low] && !adverbLike(toks[j].low) {
				return j
			}
		}
		return -1
	}
	for j := i + 1; j < len(toks) && j-i <= roleWindow && toks[j].clause == toks[i].clause; j++ {
		low := toks[j].low
		if subordinators[low] || low == "to" || low == "by" {
			return -1
		}
		if hasDigit(low) || isNumberWord(low) || namedTime(toks, j) || timeWord(low) && !toks[j].upper {
			continue // "ruled 6-3 to overturn": a score, not the other party; "filed earlier on Thursday"
		}
		if (isContent(low) || toks[j].upper && !determinerOpens(low)) && !adverbLike(low) {
			if verbForm(toks, j) {
				return -1
			}
			return j
		}
	}
	return -1
}

// agentless reports whether the verb at i is a passive with no "by"
// after it ("was acquired", "had been told"): its doer is not in the
// clause, and the word before it is the other party.
//
// A participle that cannot be a past tense ("shown", "taken", "done") with
// no "have" before it is a passive too, cut short: "the maps shown at the
// fair" were shown by someone the clause does not name.
func agentless(toks []token, i int) bool {
	low := toks[i].low
	if passiveVerb(toks, i) || i == 0 || strings.HasSuffix(low, "ing") {
		return false
	}
	if participleOnly(low) && !haveWords[toks[i-1].low] && !(i > 1 && haveWords[toks[i-2].low]) {
		return true
	}
	return (beWords[toks[i-1].low] || i > 1 && beWords[toks[i-2].low] && !isContent(toks[i-1].low)) &&
		(strings.HasSuffix(low, "ed") || strings.HasSuffix(low, "en") || lexicon.Base(low) != low)
}

// haveWords are the forms of the auxiliary "have".
var haveWords = wordSet("have has had having")

// participleOnly reports whether a word is a past participle that is not
// also a past tense: an irregular form in -en, -wn or -ne of a verb
// ("shown", "beaten", "done"), by its spelling.
func participleOnly(low string) bool {
	if !(strings.HasSuffix(low, "en") || strings.HasSuffix(low, "wn") || strings.HasSuffix(low, "ne")) {
		return false
	}
	b := lexicon.Base(low)
	return b != low && lexicon.IsVerb(b)
}

// timeWord reports whether a word names a time ("last week sent", "on
// Friday", "earlier filed"): a time between a doer and its verb is
// neither, nor is one after the verb its other party.
func timeWord(low string) bool {
	return weekdays[low] || months[low] || dayParts[low] || seasons[low] || timeUnits[low] != "" || low == "last" || low == "next" || low == "earlier" || low == "later"
}

// namedTime reports whether the word at i is a weekday or a month, which
// is capitalised and yet names no party.
func namedTime(toks []token, i int) bool {
	return weekdays[toks[i].low] || months[toks[i].low] && isMonth(toks, i)
}

// clauseVerb reports whether the word at i is a clause's verb: a verb form
// (verbForm), a verb between two names ("Jabeur beat Rybakina"), or a
// verb right after a subject pronoun ("She beat Ons Jabeur").
func clauseVerb(toks []token, names []nameGroup, i int) bool {
	if verbForm(toks, i) || verbBetween(toks, names, i) {
		return true
	}
	return i > 0 && subjectPronouns[toks[i-1].low] && toks[i-1].clause == toks[i].clause && !toks[i].upper && lexicon.IsVerb(toks[i].low)
}

// adverbLike reports whether a word ends in "-ly" (typically, initially,
// later is not caught): an adverb stands between a doer and its verb
// without being either.
func adverbLike(low string) bool {
	return len(low) > 4 && low[len(low)-2:] == "ly"
}

// pronounSubject gives the subject pronoun before the verb at passage
// position p, past at most three auxiliaries or adverbs ("He also urged",
// "She has now beaten"), or -1; a passive has none.
func pronounSubject(toks []token, p int) int {
	if passiveVerb(toks, p) {
		return -1
	}
	for j := p - 1; j >= 0 && p-j <= 4 && toks[j].clause == toks[p].clause; j-- {
		low := toks[j].low
		if subjectPronouns[low] {
			return j
		}
		if isContent(low) && !adverbLike(low) || toks[j].upper {
			return -1
		}
	}
	return -1
}

// standsAt reports whether sentence word k stands for a passage word in
// the sentence of passage position p, on the side dir (-1 before, +1
// after) of p, within exchangeWindow words, with no word that opens a
// clause between.
func (c *sentenceRead) standsAt(ev *evidence, k, p, dir int) bool {
	for _, q := range c.matches[k] {
		if ev.toks[q].sent != ev.toks[p].sent || (q-p)*dir <= 0 || (q-p)*dir > exchangeWindow || subordinatorIn(ev.toks, min(p, q)+1, max(p, q)) {
			continue
		}
		return true
	}
	return false
}

// checkExchanged finds the two sides of a relation exchanged with other
// words: for a verb of the sentence that stands for the same verb in a
// passage sentence its clause comes from, the sentence's doer (or other
// party) is not the passage's; the passage has the sentence's word only
// on the other side of the verb, and the sentence has the passage's word
// only on the other side of its own ("Politicians have spent years urging
// SAS" against "SAS has spent years urging politicians"; "a teen leaned
// in to comfort Biden" against "Biden leaned in to comfort a teen").
// Passives are read through their "by". The same verb read with the same
// sides anywhere in the passage's sentences clears it.
func checkExchanged(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if !c.content[i] || len(c.matches[i]) == 0 || !verbForm(c.toks, i) || c.toks[i].joined || noSides(c.toks, i) {
			continue
		}
		sides := [2]int{doerAt(c.toks, i), otherPartyAt(c.toks, i)}
		var found Result
		agrees := false
		for _, p := range c.matches[i] {
			if !c.inGood(ev, c.segment[i], p) || !verbForm(ev.toks, p) || noSides(ev.toks, p) {
				continue
			}
			psides := [2]int{doerAt(ev.toks, p), otherPartyAt(ev.toks, p)}
			for r := range 2 {
				x, y := sides[r], psides[r]
				if x < 0 || y < 0 || len(c.matches[x]) == 0 {
					continue
				}
				if containsInt(c.matches[x], y) {
					// The same doer clears the verb; the same thing done
					// to clears it only when the doer is not the other
					// side's ("a witness asking a question of the
					// lawyer" is not "the lawyer asking a question of a
					// witness").
					agrees = agrees || r == 0 || !c.doerExchanged(ev, sides[0], psides[0], i, p)
					continue
				}
				// The side a role stands on: the doer before an active
				// verb, after a passive one.
				pdir := sideOf(r, passiveVerb(ev.toks, p))
				cdir := sideOf(r, passiveVerb(c.toks, i))
				if !c.standsAt(ev, x, p, -pdir) || c.standsAt(ev, x, p, pdir) {
					continue
				}
				if !c.holdsOn(y, i, -cdir) || c.holdsOn(y, i, cdir) {
					continue
				}
				if found.Verdict == "" {
					found, _ = contradicted(KindRole, "the source says %s %s %s, not the other way round", otherText(ev.toks, psides[0]), ev.toks[p].text, otherText(ev.toks, psides[1]))
				}
			}
		}
		if found.Verdict != "" && !agrees {
			return found, true
		}
	}
	return Result{}, false
}

// sideOf gives the side of its verb a role stands on: role 0 (the doer)
// before an active verb, role 1 after it; the other way round for a
// passive.
func sideOf(role int, passive bool) int {
	dir := -1
	if role == 1 {
		dir = 1
	}
	if passive {
		dir = -dir
	}
	return dir
}

// otherText gives the word at k for a reason, with the capitalised words
// around it when it is part of a name ("The Star Press"); "someone" for -1.
func otherText(toks []token, k int) string {
	if k < 0 {
		return "someone"
	}
	if !toks[k].upper {
		return toks[k].text
	}
	a, b := k, k+1
	for a > 0 && toks[a-1].upper && toks[a-1].clause == toks[k].clause && !toks[a-1].first {
		a--
	}
	for b < len(toks) && toks[b].upper && toks[b].clause == toks[k].clause {
		b++
	}
	return spanText(toks, a, b)
}

// holdsOn reports whether some word of the sentence on side dir of word i,
// within exchangeWindow words and before a word that opens a clause, stands
// for passage position y.
func (c *sentenceRead) holdsOn(y, i, dir int) bool {
	for k := i + dir; k >= 0 && k < len(c.toks) && (k-i)*dir <= exchangeWindow; k += dir {
		if c.toks[k].sent != c.toks[i].sent || subordinators[c.toks[k].low] {
			break
		}
		if containsInt(c.matches[k], y) {
			return true
		}
	}
	return false
}

// subordinatorIn reports whether a word that opens a clause ("who",
// "or", "that") stands in [from, to): a word past it is in another clause.
func subordinatorIn(toks []token, from, to int) bool {
	for j := from; j < to; j++ {
		if subordinators[toks[j].low] {
			return true
		}
	}
	return false
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// addressed reports whether the word at i is a verb of saying (WordNet's
// "state, say, tell" and its troponyms, lexicon.IsSaying) with the one
// spoken to right after it: a name or a pronoun in the object case ("told
// him", "told Meadows"). Such a verb is not mere attribution, as "said" is:
// it has two sides, the speaker and the one addressed.
func addressed(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].clause != toks[i].clause || !lexicon.IsSaying(toks[i].low) {
		return false
	}
	n := toks[i+1]
	return objectPronouns[n.low] && n.low != "it" || n.upper && !isFunctionWord(n.low)
}

// checkPronounDoer finds a doer the passage cannot mean: the passage's
// verb has a pronoun for its subject, and the sentence's doer of the same
// verb is a word the passage puts after that verb, in its clause. A
// pronoun subject cannot stand for a name or noun of its own clause ("She
// beat Ons Jabeur": she is not Jabeur), so the sentence has the roles the
// wrong way round ("Jabeur beat Rybakina", "Rybakina was beaten by
// Jabeur"; "doctors urged Brooks" against "he urged doctors").
func checkPronounDoer(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if !c.content[i] && !addressed(c.toks, i) || len(c.matches[i]) == 0 || !clauseVerb(c.toks, c.names, i) || c.toks[i].joined || noSides(c.toks, i) {
			continue
		}
		d := doerAt(c.toks, i)
		if d < 0 || len(c.matches[d]) == 0 {
			continue
		}
		var found Result
		agrees := false
		for _, p := range c.matches[i] {
			if !c.inGood(ev, c.segment[i], p) || !clauseVerb(ev.toks, ev.namesBySent[ev.toks[p].sent], p) || noSides(ev.toks, p) {
				continue // a verb with "with" after it ("they met with Zelensky") has no sides to turn round
			}
			pron := pronounSubject(ev.toks, p)
			if pron < 0 {
				if pd := doerAt(ev.toks, p); pd >= 0 && containsInt(c.matches[d], pd) {
					agrees = true
				}
				continue
			}
			after, before, at := false, false, -1
			for _, q := range c.matches[d] {
				if ev.toks[q].sent != ev.toks[p].sent {
					continue
				}
				switch {
				case q > p && q-p <= exchangeWindow && ev.toks[q].clause == ev.toks[p].clause && !subordinatorIn(ev.toks, p+1, q):
					after, at = true, q
				case q < p:
					before = true
				}
			}
			if after && !before && found.Verdict == "" {
				found, _ = contradicted(KindRole, "the source says %s %s %s, not the other way round", ev.toks[pron].text, ev.toks[p].text, otherText(ev.toks, at))
			}
		}
		if found.Verdict != "" && !agrees {
			return found, true
		}
	}
	return Result{}, false
}

// checkPronounOther is checkPronounDoer the other way round: the
// sentence's verb has a pronoun for its subject and a name after it, and
// the passage has that name (a word of it) as the doer of the same verb, with a
// pronoun after the verb ("she had told Rudy Giuliani" against "Giuliani
// told her"; "he called Biden's phone" against "Biden called his phone").
// A pronoun cannot stand for a word of its own clause, so the sentence's
// doer is not the passage's.
func checkPronounOther(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if !c.content[i] && !addressed(c.toks, i) || len(c.matches[i]) == 0 || !clauseVerb(c.toks, c.names, i) || c.toks[i].joined || noSides(c.toks, i) {
			continue
		}
		pron, o := pronounSubject(c.toks, i), otherPartyAt(c.toks, i)
		if pron < 0 || o < 0 || len(c.matches[o]) == 0 || !c.toks[o].upper {
			continue
		}
		var found Result
		agrees := false
		for _, p := range c.matches[i] {
			if !c.inGood(ev, c.segment[i], p) || !clauseVerb(ev.toks, ev.namesBySent[ev.toks[p].sent], p) || noSides(ev.toks, p) {
				continue
			}
			d := doerAt(ev.toks, p)
			if d < 0 || !c.nameRunMatches(o, d) {
				if po := otherPartyAt(ev.toks, p); po >= 0 && c.nameRunMatches(o, po) {
					agrees = true
				}
				continue
			}
			k := p + 1
			if k >= len(ev.toks) || ev.toks[k].clause != ev.toks[p].clause || found.Verdict != "" {
				continue
			}
			object := ev.toks[k].text
			switch low := ev.toks[k].low; {
			case possessivePronouns[low] && low != "its" && k+1 < len(ev.toks) && ev.toks[k+1].clause == ev.toks[k].clause && isContent(ev.toks[k+1].low):
				object += " " + ev.toks[k+1].text // "his phone"
			case !objectPronouns[low] || low == "it":
				continue
			}
			found, _ = contradicted(KindRole, "the source says %s %s %s, not the other way round", otherText(ev.toks, d), ev.toks[p].text, object)
		}
		if found.Verdict != "" && !agrees {
			return found, true
		}
	}
	return Result{}, false
}

// nameRunMatches reports whether a word of the run of capitalised words
// that starts at sentence word o ("Rudy Giuliani") stands for passage word
// q.
func (c *sentenceRead) nameRunMatches(o, q int) bool {
	for k := o; k < len(c.toks) && (k == o || c.toks[k].upper && c.toks[k].clause == c.toks[o].clause); k++ {
		if c.standsFor(k, q) {
			return true
		}
	}
	return false
}

// doerExchanged reports whether sentence doer x of the verb at i and
// passage doer y of the verb at p are different words that stand each on
// the other's far side: x only after the passage's verb, and y only
// after the sentence's.
func (c *sentenceRead) doerExchanged(ev *evidence, x, y, i, p int) bool {
	if x < 0 || y < 0 || len(c.matches[x]) == 0 || containsInt(c.matches[x], y) || passiveVerb(ev.toks, p) || passiveVerb(c.toks, i) {
		return false
	}
	return c.standsAt(ev, x, p, 1) && !c.standsAt(ev, x, p, -1) && c.holdsOn(y, i, 1) && !c.holdsOn(y, i, -1)
}
