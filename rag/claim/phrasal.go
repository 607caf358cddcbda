package claim

import (
	"slices"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// particles are the adverbial particles of English phrasal verbs ("play
// down", "step up", "back out"), a closed class. WordNet lists phrasal
// verbs with their opposites ("play up" against "play down"), and a
// writer may glue the particle to the front of the verb ("downplay"),
// which lexicon.Phrasal reads back as the phrase.
var particles = wordSet("up down out off over back in")

// splitParticle gives the position of the particle of a phrasal verb at
// word i written with an object pronoun between them ("turned it down",
// "called them off"), or -1. English puts a pronoun object there, before
// the particle, and not after it (Quirk et al., A Comprehensive Grammar of
// the English Language, 16.4).
func splitParticle(toks []token, i int) int {
	k := i + 2
	if k >= len(toks) || !objectPronouns[toks[i+1].low] || !particles[toks[k].low] || toks[k].clause != toks[i].clause || toks[i+1].clause != toks[i].clause || !lexicon.IsVerb(toks[i].low) {
		return -1
	}
	return k
}

// phrasalAt gives the phrasal verb with a WordNet opposite that stands at
// word i, and how many words it takes: a verb and the particle after it
// ("played up" → "play up"), or one word for the phrase ("downplayed" →
// "play down"); "" when there is none.
func phrasalAt(toks []token, i int) (string, int) {
	t := toks[i]
	if i+1 < len(toks) && particles[toks[i+1].low] && toks[i+1].clause == t.clause && lexicon.IsVerb(t.low) {
		if p := lexicon.Base(t.low) + " " + toks[i+1].low; len(lexicon.Antonyms(p)) > 0 {
			return p, 2
		}
	}
	if p := lexicon.Phrasal(t.low); p != "" && len(lexicon.Antonyms(p)) > 0 {
		return p, 1
	}
	return "", 0
}

// checkPhrasalOpposites finds a phrasal verb whose WordNet opposite the
// passage sentences its clause comes from use, in the same place ("played
// up the warning" where the passage says "downplayed the warning"), with
// no negation on exactly one side.
func checkPhrasalOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	var inPassage map[string][]int // phrasal verb → passage positions, read once
	for i := range c.toks {
		ph, n := phrasalAt(c.toks, i)
		if ph == "" {
			continue
		}
		if inPassage == nil {
			inPassage = map[string][]int{}
			for p := range ev.toks {
				if q, _ := phrasalAt(ev.toks, p); q != "" {
					inPassage[q] = append(inPassage[q], p)
				}
			}
		}
		if len(inPassage[ph]) > 0 {
			continue // the passage says it this way too
		}
		for _, a := range lexicon.Antonyms(ph) {
			for _, p := range inPassage[a] {
				if !c.inGood(ev, c.segment[i], p) || !c.sameSurroundings(i+n-1, p, ev) {
					continue
				}
				if negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) {
					continue
				}
				return contradicted(KindAntonym, "the source says %s, not %s", ev.toks[p].text, spanText(c.toks, i, i+n))
			}
		}
	}
	return Result{}, false
}

// checkNeighbourOpposites finds a verb whose opposite the passage uses
// one hypernym step away in WordNet: "dropped" where the passage says
// "climbed" (drop is a way to fall, and fall is climb's opposite), or
// "rose" where it says "plummeted". The sentence's verb must stand for no
// verb of the passage sentences its clause comes from (the passage may
// speak of "negative economic growth" while its clause says "shrank"),
// and the passage's verb must stand in a sentence the clause comes from,
// among the same words, with no negation on exactly one side.
// Verbs that are kinds of two opposites further up ("soared", "plummeted")
// are not compared: two steps up WordNet's verb hierarchy, faithful
// rewordings meet opposites too ("imposed a penalty" for "fined", both
// below opposite senses of verbs of possession; "tightened" for
// "strengthened"), and the rule caught no misstatement of the claim set
// that another rule did not.
func checkNeighbourOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		seg := c.segment[i]
		// A sentence verb written as its base ("the Fed cut rates") is read
		// as a verb where the passage's verb follows what it follows.
		bare := !verbForm(c.toks, i)
		if !c.content[i] || c.verbMatchedInGood(ev, i) || c.good[seg] == nil || bare && !lexicon.IsVerb(t.low) || c.formInGood(ev, i) || refusalAt(c.toks, i) {
			continue
		}
		direct := lexicon.Antonyms(t.low)
		stepped := map[string]bool{} // the opposites of the verb's neighbours
		for _, n := range lexicon.VerbNeighbours(t.low) {
			for _, a := range lexicon.Antonyms(n) {
				stepped[a] = true
			}
		}
		for _, s := range c.good[seg] {
			for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
				if !isContent(ev.toks[p].low) || !c.bareInSlot(ev, i, p) && (!verbForm(ev.toks, p) && !c.sameSubject(ev, i, p) || bare && !(verbForm(ev.toks, p) && c.sameSubject(ev, i, p))) || !c.sameSurroundings(i, p, ev) ||
					!opposedOneStep(ev.toks[p].low, direct, stepped) {
					continue
				}
				if negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) || c.restatedElsewhere(i, p, ev) || c.unsaidAside(i, p, ev) || c.rewordsPhrasal(ev, i) || c.inPlaceOfAnother(ev, i, p) || c.alternativeTo(i, p, ev) {
					continue
				}
				return contradicted(KindAntonym, "the source says %s, not %s", ev.toks[p].text, t.text)
			}
		}
	}
	return Result{}, false
}

// verbMatchedInGood reports whether sentence word i stands for a word of
// the passage sentences its clause comes from that reads as a verb or
// can be one ("cut costs"; not "growth").
func (c *sentenceRead) verbMatchedInGood(ev *evidence, i int) bool {
	for _, p := range c.matches[i] {
		if c.inGood(ev, c.segment[i], p) && (verbForm(ev.toks, p) || lexicon.IsVerb(ev.toks[p].low)) {
			return true
		}
	}
	return false
}

// inPlaceOfAnother reports whether sentence verb i stands where a passage
// verb other than p stands, in a sentence its clause comes from: the first
// content word after each, in its clause, past a figure (nextNoun), is one
// word ("lawmakers backed the budget" for "voted … to approve the budget,
// which raises spending": "backed" rewords "approve", and "raises" is
// about the spending).
func (c *sentenceRead) inPlaceOfAnother(ev *evidence, i, p int) bool {
	after := nextNoun(c.toks, i)
	if after < 0 {
		return false
	}
	for _, s := range c.good[c.segment[i]] {
		for q := ev.sentStart[s]; q < len(ev.toks) && ev.toks[q].sent == s; q++ {
			if q == p || !verbForm(ev.toks, q) { // "to approve" reads as a verb too
				continue
			}
			if a := nextNoun(ev.toks, q); a >= 0 && (c.standsFor(after, a) || c.toks[after].low == ev.toks[a].low) {
				return true
			}
		}
	}
	return false
}

// nextContent gives the first content word after i in its clause, within
// three words, or -1.
func nextContent(toks []token, i int) int {
	for j := i + 1; j < len(toks) && j <= i+3 && toks[j].clause == toks[i].clause; j++ {
		if isContent(toks[j].low) {
			return j
		}
	}
	return -1
}

// nextNoun is nextContent past a figure and the word that rounds it:
// "covered about 580,000 vehicles" and "involving 578,607 vehicles" are
// both about the vehicles.
func nextNoun(toks []token, i int) int {
	for j := i + 1; j < len(toks) && j <= i+4 && toks[j].clause == toks[i].clause; j++ {
		if low := toks[j].low; isContent(low) && !hasDigit(low) && !isNumberWord(low) && !roundingWords[low] {
			return j
		}
	}
	return -1
}

// rewordsPhrasal reports whether sentence verb i is a synonym of a phrasal
// verb of the passage sentences its clause comes from, or one WordNet
// hypernym step from it ("left" for "walked out", "landed" for "touched
// down"): the verb rewords that phrase, which the word-by-word matching
// does not pair with it, so an opposite of it elsewhere in the sentence
// ("after stopping in front of the coffin") is not what it turned round.
func (c *sentenceRead) rewordsPhrasal(ev *evidence, i int) bool {
	bases := lexicon.Bases(c.toks[i].low)
	for _, s := range c.good[c.segment[i]] {
		for q := ev.sentStart[s]; q+1 < len(ev.toks) && ev.toks[q+1].sent == s; q++ {
			if !verbForm(ev.toks, q) || ev.toks[q+1].clause != ev.toks[q].clause {
				continue
			}
			phrase := lexicon.Base(ev.toks[q].low) + " " + ev.toks[q+1].low
			if sharesAny(bases, lexicon.VerbNeighbours(phrase)) || sharesAny(bases, lexicon.Synonyms(phrase)) {
				return true
			}
		}
	}
	return false
}

// bareInSlot reports whether sentence word i and passage word p are verbs
// in WordNet written as their base, with the same words right before and
// after them: a bare infinitive after the same object ("showed the
// protesters leave the house" against "showed the protesters enter the
// house"; Quirk et al., 16.52), which verbForm cannot tell from a noun.
func (c *sentenceRead) bareInSlot(ev *evidence, i, p int) bool {
	return sameSlot(c.toks, i, ev.toks, p) && lexicon.IsVerb(c.toks[i].low) && lexicon.IsVerb(ev.toks[p].low) &&
		lexicon.Base(c.toks[i].low) == c.toks[i].low && lexicon.Base(ev.toks[p].low) == ev.toks[p].low
}

// sameSubject reports whether passage word p, a verb in WordNet that
// verbForm cannot tell from a noun (a past written as its base: "cut",
// "set", "hit"), stands right after the word that stands for the one right
// before sentence verb i, in one clause: "the bank cut rates" against "the
// bank raised rates".
func (c *sentenceRead) sameSubject(ev *evidence, i, p int) bool {
	if i == 0 || p == 0 || !lexicon.IsVerb(ev.toks[p].low) || ev.toks[p-1].clause != ev.toks[p].clause || c.toks[i-1].clause != c.toks[i].clause {
		return false
	}
	return (c.content[i-1] || c.item[i-1]) && containsInt(c.matches[i-1], p-1)
}

// opposedOneStep reports whether a passage word, in one of its forms, is an
// opposite of a neighbour of the sentence's verb (stepped), or a neighbour
// of it is an opposite of that verb (direct).
func opposedOneStep(low string, direct []string, stepped map[string]bool) bool {
	for _, f := range forms(low) {
		if stepped[f] {
			return true
		}
	}
	for _, n := range lexicon.VerbNeighbours(low) {
		if slices.Contains(direct, n) {
			return true
		}
	}
	return false
}
