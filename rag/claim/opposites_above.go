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
