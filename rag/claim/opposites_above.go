package claim

import (
	"slices"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// ancestorSteps is how far up WordNet's verb hierarchy two verbs are
// climbed to find opposites above them: "plummet" reaches "fall" in two
// steps (plummet → drop → fall), "soar" reaches "rise" in one.
const ancestorSteps = 2

// ancestors gives a verb's forms and the verbs up to ancestorSteps
// hypernym steps above it, and how many of them are its forms.
func ancestors(low string) ([]string, int) {
	out := forms(low)
	n := len(out)
	level := out
	for range ancestorSteps {
		var next []string
		for _, w := range level {
			for _, h := range lexicon.Hypernyms(w) {
				if !slices.Contains(out, h) {
					out = append(out, h)
					next = append(next, h)
				}
			}
		}
		level = next
	}
	return out, n
}

// opposedAbove reports whether a sentence verb (its ancestors a) and a
// passage verb are kinds of two opposites: a
// verb at most ancestorSteps above one is an antonym of a verb at most as
// far above the other ("soared" and "plummeted", kinds of rising and of
// falling). Neither may be a kind of the other (na and nb say how many of
// a and b are the verbs' own forms): a word and its own kind are never
// opposites. Two opposites share verbs further up (rise and fall are both
// ways to move), so what they share says nothing, but a pair that one side
// reaches both halves of opposes nothing. Two steps up from every sense
// reach far ("fell" a tree reaches "raise"), so the two verbs must also be
// of one broad class: their most frequent senses filed in the same
// lexicographer file (soar and plummet in verb.motion; fell, verb.contact,
// and decline, verb.change, are not compared), and the sentence's verb
// must be one WordNet relates to no passage word (no shared synonym, no
// neighbour): a relation there says paraphrase, not opposite.
func (c *sentenceRead) opposedAbove(a []string, na int, low string) bool {
	if len(a) == 0 || !sameClass(a[0], low) {
		return false
	}
	b, nb := ancestors(low)
	for _, x := range a[:na] {
		if slices.Contains(b, x) {
			return false
		}
	}
	for _, y := range b[:nb] {
		if slices.Contains(a, y) {
			return false
		}
	}
	for _, x := range a {
		if slices.Contains(b, x) {
			continue
		}
		for _, y := range lexicon.Antonyms(x) {
			if slices.Contains(b, y) && !slices.Contains(a, y) {
				return true
			}
		}
	}
	return false
}

// sameClass reports whether two verbs' most frequent senses are filed in
// the same WordNet lexicographer file.
func sameClass(a, b string) bool {
	fa, fb := lexicon.LexFiles(a, 'v'), lexicon.LexFiles(b, 'v')
	return len(fa) > 0 && len(fb) > 0 && fa[0] == fb[0]
}

// checkDerivedOpposites finds an opposite through a word's derivation in
// another part of speech: "approval" where the passage says "rejected"
// (approval is derived from approve, approve's opposite is reject): a noun
// that names an act, against the opposite of its verb. Only a word read as
// a noun (WordNet has a noun reading, and it does not stand as a verb
// here), through a verb, and only the sentence's side: other derivations
// reach too far ("risen", through "rising", is opposed to "past"). The sentence's word stands for no passage word in the
// sentences its clause comes from, and the passage's word stands among the
// same words, with no negation on exactly one side.
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
					if ev.toks[p].joined || !c.inGood(ev, c.segment[i], p) || !c.sameSurroundings(i, p, ev) {
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
	return Result{}, false
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

// checkSynonymOpposites finds a word whose WordNet opposite is a synonym
// of the passage's word in its place: "loss" where the passage says
// "profit" (loss is opposed to gain, and gain is one of profit's
// synonyms). WordNet's synonyms cross senses and parts of speech, so the
// two words must stand in one place: the same word right before and right
// after each. The sentence's word stands for no passage word of the
// sentences its clause comes from, it does not end a measure ("five years
// old"), and a negation on exactly one side makes the two agree.
func checkSynonymOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if !c.content[i] || c.good[c.segment[i]] == nil || c.formInGood(ev, i) || c.matchedInGood(ev, i) || c.measureAdjective(i) {
			continue
		}
		opposites := lexicon.Antonyms(t.low)
		if len(opposites) == 0 {
			continue
		}
		for _, s := range c.good[c.segment[i]] {
			for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
				u := ev.toks[p]
				if !isContent(u.low) || u.upper || u.joined || !sameSlot(c.toks, i, ev.toks, p) || c.matchedBeside(i, p, ev) {
					continue
				}
				if !sharesAny(opposites, lexicon.Synonyms(u.low)) {
					continue
				}
				if negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) {
					continue
				}
				return contradicted(KindAntonym, "the source says %s, not %s", u.text, t.text)
			}
		}
	}
	return Result{}, false
}

func sharesAny(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
