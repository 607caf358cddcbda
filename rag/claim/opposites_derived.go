package claim

import (
	"slices"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// checkDerivedOpposites finds an opposite through a word's derivation in
// another part of speech: "approval" where the passage says "rejected"
// (approval is derived from approve, approve's opposite is reject): a noun
// that names an act, against the opposite of its verb. Only a word read as
// a noun (WordNet has a noun reading, and it does not stand as a verb
// here), through a verb, against a passage word read as a verb ("loans",
// the noun, is no opposite of "borrowers", though to loan is borrow's
// opposite), and only the sentence's side: other derivations
// reach too far ("risen", through "rising", is opposed to "past"). The sentence's word stands for no passage word in the
// sentences its clause comes from, and the passage's word stands among the
// same words, with no negation on exactly one side. Verbs derived from
// opposite adjectives follow (checkCausativeOpposites).
func checkDerivedOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if !c.content[i] || verbForm(c.toks, i) || !lexicon.IsNoun(t.low) || c.good[c.segment[i]] == nil || c.formInGood(ev, i) || c.matchedInGood(ev, i) {
			continue
		}
		for _, d := range lexicon.Derivations(t.low) {
			if !lexicon.IsVerb(d) {
				continue
			}
			for _, a := range lexicon.Antonyms(d) {
				for _, p := range ev.hasForm(a) {
					if ev.toks[p].joined || !verbForm(ev.toks, p) || !c.inGood(ev, c.segment[i], p) || !c.sameSurroundings(i, p, ev) {
						continue
					}
					if negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) {
						continue
					}
					return contradicted(KindAntonym, "the source says %s, not %s", ev.toks[p].text, t.text)
				}
			}
		}
	}
	return checkCausativeOpposites(c, ev)
}

// matchedInGood reports whether sentence word i stands for some word of
// the passage sentences its clause comes from.
func (c *sentenceRead) matchedInGood(ev *evidence, i int) bool {
	for _, p := range c.matches[i] {
		if c.inGood(ev, c.segment[i], p) {
			return true
		}
	}
	return false
}

// checkSynonymOpposites finds a word opposed to the passage's word in its
// place through a synonym, a kind or a WordNet cluster:
//   - "loss" where the passage says "profit": loss is opposed to gain, one
//     of profit's synonyms; "halting" where it says "continuing": halt's
//     synonym stop is continue's opposite;
//   - "losses" where it says "victories": loss is opposed to win, a kind
//     of victory (nouns one hypernym step apart; never nouns that can name
//     people, whose kinds oppose by sex: queen, monarch, king);
//   - "ahead" where it says "behind": their cluster heads, up and down,
//     are antonyms (clusterOpposites).
//
// WordNet's synonyms and kinds cross senses and parts of speech, so a pair
// through them must stand in one place: the same word right before and
// right after each; a pair through a synonym may instead have the same
// word before it and two more of the same words around it. A cluster keeps to adjectives and one sense, so there
// two words near both that stand for each other will do. The sentence's
// word stands for no passage word of the sentences its clause comes from,
// it does not end a measure ("five years old"), and a negation on exactly
// one side makes the two agree.
func checkSynonymOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if !c.content[i] || c.good[c.segment[i]] == nil || c.formInGood(ev, i) || c.matchedInGood(ev, i) || c.measureAdjective(i) {
			continue
		}
		opposites := lexicon.Antonyms(t.low)
		if len(opposites) == 0 && len(lexicon.Synonyms(t.low)) == 0 && len(lexicon.Similar(t.low)) == 0 && len(lexicon.NounNeighbours(t.low)) == 0 {
			continue
		}
		for _, s := range c.good[c.segment[i]] {
			for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
				u := ev.toks[p]
				if !isContent(u.low) || u.upper || u.joined || c.matchedBeside(i, p, ev) {
					continue
				}
				slot := sameSlot(c.toks, i, ev.toks, p)
				// A synonym of an opposite may also stand after the same
				// word among two more of the same words ("are halting
				// security assistance" for "are continuing to send
				// security assistance"); a kind needs the whole slot.
				placed := slot || sameBefore(c.toks, i, ev.toks, p) && c.surroundings(i, p, ev) >= 2
				throughSynonym := placed && (sharesAny(opposites, lexicon.Synonyms(u.low)) || sharesAny(lexicon.Synonyms(t.low), lexicon.Antonyms(u.low))) ||
					slot && !lexicon.CanNamePerson(t.low) && !lexicon.CanNamePerson(u.low) && (sharesAny(opposites, lexicon.NounNeighbours(u.low)) || sharesAny(lexicon.NounNeighbours(t.low), lexicon.Antonyms(u.low)))
				troponyms := slot && verbForm(c.toks, i) && verbForm(ev.toks, p) && troponymOpposites(t.low, u.low)
				if !throughSynonym && !troponyms && !((slot || c.surroundings(i, p, ev) >= 2) && clusterOpposites(t.low, u.low)) {
					continue
				}
				if negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) || c.alternativeTo(i, p, ev) || c.converse(ev, i, p) {
					continue
				}
				return contradicted(KindAntonym, "the source says %s, not %s", u.text, t.text)
			}
		}
	}
	return Result{}, false
}

// troponymOpposites reports whether two verbs are manners of opposite
// acts: each is, or is one WordNet step below (a troponym of), one of a
// pair of antonyms ("surged" is a way to rise, "plunged" a way to fall).
// WordNet links antonyms between some verbs and not their troponyms (the
// manners of an act, Fellbaum 1998, on verbs in WordNet), so the manners
// are read as opposed through the pair.
func troponymOpposites(a, b string) bool {
	xs, ys := troponymOf(a), troponymOf(b)
	if sharesAny(xs, ys) {
		return false // kinds of one act ("dashed", "darted")
	}
	for _, x := range xs {
		for _, y := range ys {
			if lexicon.AreAntonyms(x, y) {
				return true
			}
		}
	}
	return false
}

// troponymOf gives a verb's base and the verbs it is a manner of: its
// hypernyms, and theirs when it has only one ("plummet" is a way to drop,
// and dropping a way to fall).
func troponymOf(verb string) []string {
	up := lexicon.Hypernyms(verb)
	out := append([]string{lexicon.Base(verb)}, up...)
	if len(up) == 1 {
		out = append(out, lexicon.Hypernyms(up[0])...)
	}
	return out
}

func sharesAny(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// clusterOpposites reports whether two adjectives are opposed through the
// heads of their WordNet clusters: "ahead" is similar to "up", "behind" to
// "down", and up and down are antonyms (WordNet's indirect antonymy, from
// satellite to satellite). Only a word with at most two similar words is
// read as a satellite: a head has many, and going down from a head to
// every satellite reaches too far.
func clusterOpposites(a, b string) bool {
	if isNumberWord(a) || isNumberWord(b) || ordinals[a] != 0 || ordinals[b] != 0 {
		return false // "two" and "first" are a cardinal's and an ordinal's satellites: numbers, not opposites
	}
	heads := func(w string) []string {
		s := lexicon.Similar(w)
		if len(s) > 2 {
			return []string{w}
		}
		return append([]string{w}, s...)
	}
	hb := heads(b)
	for _, x := range heads(a) {
		for _, y := range hb {
			if (x != a || y != b) && lexicon.AreAntonyms(x, y) {
				return true
			}
		}
	}
	return false
}

// sameBefore reports whether the same word stands right before sentence
// word i and passage word p, in their clauses.
func sameBefore(a []token, i int, b []token, p int) bool {
	return i > 0 && p > 0 && a[i-1].clause == a[i].clause && b[p-1].clause == b[p].clause && a[i-1].low == b[p-1].low
}
