package claim

import (
	"slices"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// converse reports whether sentence verb i states the passage's opposite
// verb p from the other side: "England lost the final to Spain" against
// "Spain defeated England … to win": the one after "to" of a verb of
// losing is the passage verb's subject, so the sentence says the same
// thing with the roles exchanged, which is no opposite. Only "lose … to"
// is read so (the preposition English gives the winner), with "to" within
// roleWindow words of the verb; the passage verb's subject is its own, or
// that of the clause's verb before it ("… defeated England … to win").
func (c *sentenceRead) converse(ev *evidence, i, p int) bool {
	if c.transferConverse(ev, i, p) || c.lostToSubject(ev, i, p) {
		return true
	}
	if lexicon.Base(c.toks[i].low) != "lose" {
		return false
	}
	to := -1
	for j := i + 1; j < len(c.toks) && j-i <= roleWindow && c.toks[j].clause == c.toks[i].clause; j++ {
		if c.toks[j].low == "to" {
			to = j
			break
		}
	}
	if to < 0 {
		return false
	}
	winner := to + 1
	for winner < len(c.toks) && (determinerOpens(c.toks[winner].low)) {
		winner++
	}
	if winner >= len(c.toks) || c.toks[winner].clause != c.toks[to].clause {
		return false
	}
	subj := grammaticalSubject(ev.toks, p)
	for k := p - 1; !subj.ok() && k >= 0 && ev.toks[k].clause == ev.toks[p].clause; k-- {
		if verbForm(ev.toks, k) {
			subj = grammaticalSubject(ev.toks, k) // "Spain defeated England … to win": the clause's subject
		}
	}
	if !subj.ok() {
		return false
	}
	for k := subj.start; k < subj.end; k++ {
		if containsInt(c.matches[winner], k) || c.toks[winner].low == ev.toks[k].low {
			return true
		}
	}
	return false
}

// A contest has a winner and a loser, and English names them from either
// side: the subject of a verb of defeating (WordNet's troponyms of
// "defeat" and "beat": beat, trounce, rout, outplay …) is the winner, the
// subject of "lose" the loser, with the winner after "to". WordNet makes
// "lose" the opposite of "win" only, so "Rybakina lost to Jabeur" against
// "Rybakina beat Jabeur" is no pair of its opposites; contestOpposite
// adds the pairing, and contestSwapped reads the parties.

// contestLose is the word contestOpposite gives for a verb of defeating,
// and contestDefeat the one it gives for "lose": it stands for every verb
// of defeating in contestForms.
const (
	contestLose   = "lose"
	contestDefeat = "\x00defeat"
)

// defeating reports whether a word is a form of a verb of defeating: "defeat"
// or "beat", or a verb whose WordNet hypernym one of them is. A word that
// is mostly a preposition ("down") is left out.
func defeating(low string) bool {
	if prepositions[low] {
		return false
	}
	for _, b := range lexicon.Bases(low) {
		if b == "defeat" || b == "beat" {
			return lexicon.IsVerb(low)
		}
	}
	for _, h := range lexicon.Hypernyms(low) {
		if h == "defeat" || h == "beat" {
			return true
		}
	}
	return false
}

// contestOpposite gives the other side of a contest verb: contestDefeat
// for a form of "lose", "lose" for a verb of defeating, or "".
func contestOpposite(low string) string {
	switch {
	case lexicon.Base(low) == "lose":
		return contestDefeat
	case defeating(low):
		return contestLose
	}
	return ""
}

// contestForms is hasForm, with contestDefeat standing for every passage
// word that is a verb of defeating.
func (ev *evidence) contestForms(a string) []int {
	switch a {
	case "":
		return nil
	case contestDefeat:
		ev.defeatsOnce.Do(func() {
			for p, t := range ev.toks {
				if defeating(t.low) {
					ev.defeats = append(ev.defeats, p)
				}
			}
		})
		return ev.defeats
	}
	return ev.hasForm(a)
}

// contestSwapped reports whether sentence verb i and passage verb p, one a
// form of "lose" and the other a verb of defeating, give some party the
// other role: the sentence's winner is the passage's loser, or the other
// way round, and no party keeps its role. Parties are the names around
// each verb (roleNames, which reads a passive "was beaten by"); a pronoun
// gives none, so "they lost 6-2 to Germany" names only the winner.
func (c *sentenceRead) contestSwapped(ev *evidence, i, p int) bool {
	sw, sl := contestParties(c.toks, c.names, i)
	pw, pl := contestParties(ev.toks, ev.names, p)
	same := func(a, b *nameGroup) bool {
		return a != nil && b != nil && (sameName(*a, *b) || aliasOf(*a, *b) || aliasOf(*b, *a) || capitalOf(*a, *b) || capitalOf(*b, *a))
	}
	if same(sw, pw) || same(sl, pl) {
		return false
	}
	return same(sw, pl) || same(sl, pw)
}

// contestParties gives the winner and the loser around a contest verb.
func contestParties(toks []token, names []nameGroup, i int) (winner, loser *nameGroup) {
	doer, done := roleNames(toks, names, i)
	if lexicon.Base(toks[i].low) == "lose" {
		return done, doer
	}
	return doer, done
}

// transferConverse reports whether sentence verb i and passage verb p,
// opposites of WordNet's verbs of possession (sell/buy, lend/borrow,
// give/take), tell one transfer from its two sides: "Kessin sold the unit
// to Dorvel" is "Dorvel bought the unit from Kessin", "Okafor lent Varga
// $5,000" is "Varga borrowed $5,000 from Okafor". The sentence's subject
// is the passage's other party and the sentence's other party the
// passage's subject (roleNames, which reads a passive and takes the name
// after "to" or "from", or an indirect object, as the other party).
func (c *sentenceRead) transferConverse(ev *evidence, i, p int) bool {
	if !slices.Contains(lexicon.LexFiles(c.toks[i].low, 'v'), "verb.possession") || !slices.Contains(lexicon.LexFiles(ev.toks[p].low, 'v'), "verb.possession") {
		return false
	}
	if c.sameTransferUntold(ev, i, p) {
		return true
	}
	pa, pb := roleNames(ev.toks, ev.namesBySent[ev.toks[p].sent], p)
	if pa == nil || pb == nil {
		return false
	}
	if thing, party := passiveTransfer(c.toks, c.names, i); thing != nil && party != nil {
		// "Tarrow Foods was sold to the Ode firm" is "the Ode firm
		// bought Tarrow Foods": the one after "to" or "from" is the
		// passage verb's subject, and what changed hands its object.
		return sameName(*party, *pa) && sameName(*thing, *pb)
	}
	sa, sb := roleNames(c.toks, c.names, i)
	if sa == nil || sb == nil {
		return false
	}
	return sameName(*sa, *pb) && sameName(*sb, *pa) && !sameName(*sa, *pa)
}

// sameTransferUntold reports whether sentence verb i and passage verb p
// are both passives with no doer, of the same thing: "the winning tickets
// were bought at a 7-Eleven" and "where the winning tickets were sold"
// tell one sale and name neither side of it, so neither side is turned
// round.
func (c *sentenceRead) sameTransferUntold(ev *evidence, i, p int) bool {
	if !passiveForm(c.toks, i) || !passiveForm(ev.toks, p) {
		return false
	}
	if a, _ := agentAfterBy(c.toks, i); a >= 0 {
		return false
	}
	if a, _ := agentAfterBy(ev.toks, p); a >= 0 {
		return false
	}
	mine, theirs := grammaticalSubject(c.toks, i), grammaticalSubject(ev.toks, p)
	return mine.ok() && theirs.ok() && (c.toks[mine.head].low == ev.toks[theirs.head].low || c.standsFor(mine.head, theirs.head))
}

// passiveTransfer gives, for a verb of transfer at i in the passive with no
// doer after "by" ("was sold to the Ode firm"), the name it was done to
// (its grammatical subject) and the name after "to" or "from" in its
// clause; nil when either is missing.
func passiveTransfer(toks []token, names []nameGroup, i int) (thing, party *nameGroup) {
	if start, _ := agentAfterBy(toks, i); !passiveForm(toks, i) || start >= 0 {
		return nil, nil
	}
	if subj := grammaticalSubject(toks, i); subj.ok() {
		for k := range names {
			if names[k].start >= subj.start && names[k].end <= subj.end {
				thing = &names[k]
			}
		}
	}
	for j := i + 1; j < len(toks) && j-i <= roleWindow && toks[j].clause == toks[i].clause; j++ {
		if toks[j].low != "to" && toks[j].low != "from" {
			continue
		}
		k := j + 1
		if k < len(toks) && (definite[toks[k].low] || determinerOpens(toks[k].low)) {
			k++
		}
		party = nameStartingAt(names, k)
		break
	}
	return thing, party
}

// lostToSubject is converse from the passage's side: the passage verb is
// "lose" and the one after a "to" that follows it in its sentence ("lost
// their opener to Toronto and the first two to the Rangers") is the
// sentence verb's subject ("the Rangers won the first two"): the same
// result, told by the winner.
func (c *sentenceRead) lostToSubject(ev *evidence, i, p int) bool {
	if lexicon.Base(ev.toks[p].low) != "lose" {
		return false
	}
	subj := grammaticalSubject(c.toks, i)
	if !subj.ok() {
		return false
	}
	for j := p + 1; j < len(ev.toks) && j-p <= 2*roleWindow && ev.toks[j].sent == ev.toks[p].sent; j++ {
		if ev.toks[j].low != "to" {
			continue
		}
		w := j + 1
		for w < len(ev.toks) && (determinerOpens(ev.toks[w].low)) {
			w++
		}
		if w >= len(ev.toks) {
			break
		}
		for k := subj.start; k < subj.end; k++ {
			if c.standsFor(k, w) || c.toks[k].low == ev.toks[w].low {
				return true
			}
		}
	}
	return false
}
