// People named by their role: "the ukrainian leader" where the coverage
// says "the Ukrainian president", "the pm" where it says "the prime
// minister".

package answer

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// learnRoles lets a question's description of a person be held by the
// passages' nouns for the same role: a person noun that heads a determined
// noun phrase of the question ("the ukrainian leader", "the officials";
// not "baby swings") is held by a passage word for a role it includes
// (lexicon.RoleIncludes: a synset shared, or the question word's up to two
// hypernym steps above the passage word's: a president is a leader, a
// pontiff a pope; a leader need not be the president asked about).
// In a sentence's coverage such a noun counts roleCredit of the
// question word's weight: "the champions league" is no description, and
// a supporter, a champion by a rarer sense, only half holds it. Both words
// must name a person by their most frequent sense. Only words
// the passages hold are looked at, as learnFromPassages does
// for near spellings.
func (q *questionTerms) learnRoles(passageTerms []map[string]bool) {
	for _, t := range q.order {
		w := q.surface[t]
		if !q.described[t] {
			continue
		}
		seen := map[string]bool{t: true}
		for _, f := range q.forms[t] {
			seen[f] = true
		}
		if q.roles == nil {
			q.roles = map[string][]string{}
		}
		for _, pt := range passageTerms {
			for p := range pt {
				if seen[p] {
					continue
				}
				seen[p] = true
				if len(p) > 2 && firstPerson(p) && lexicon.RoleIncludes(w, p) {
					q.roles[t] = append(q.roles[t], p)
					q.all[p] = true
				}
			}
		}
	}
}

// roleCredit is the share of a description's weight that another role
// noun earns in a sentence (as a country written another way does).
const roleCredit = 0.5

// heldByRole reports whether a text with the given terms holds question
// term t through a noun for a role it includes (learnRoles).
func (q questionTerms) heldByRole(terms map[string]bool, t string) bool {
	return holdsAny(terms, q.roles[t])
}

// holdsAny reports whether a text with the given terms holds one of them.
func holdsAny(terms map[string]bool, any []string) bool {
	for _, f := range any {
		if terms[f] {
			return true
		}
	}
	return false
}

// firstPerson reports whether a noun's most frequent sense names a person
// (WordNet files it under noun.person): "leader", "president". A noun with
// a rarer person sense ("chair", for the one who chairs) is read as its
// commoner thing.
func firstPerson(w string) bool {
	return lexicon.FirstFile(w, 'n') == "noun.person"
}

// abbreviationForms returns, for the i-th of a question's tokens, the
// terms a text may write it with when it is the initials of a phrase
// WordNet puts in one synset with it ("pm" and "prime minister"): the
// phrase's head, its last word ("minister"). And for a token that ends
// such a phrase in the question ("prime minister"), the abbreviation
// ("pm"), for each of its words, so that "the PM" holds them. Only tokens of two to four letters
// are abbreviations, and only of a title: a phrase whose head names a
// person by its most frequent sense ("prime minister", not "united
// states").
func abbreviationForms(toks []string, i int) []string {
	var out []string
	for _, words := range abbreviatedTitles(toks[i]) {
		out = append(out, prose.Terms(words[len(words)-1])...)
	}
	for _, n := range []int{2, 3} {
		for start := max(0, i+1-n); start <= i && start+n <= len(toks); start++ {
			words := toks[start : start+n]
			abbr := initials(words)
			if !firstPerson(words[len(words)-1]) {
				continue
			}
			for _, s := range lexicon.Synonyms(strings.Join(words, " ")) {
				if s == abbr {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// abbreviatedTitles are the titles a token of two to four letters is the
// initials of, as WordNet puts them in one synset with it ("pm": [prime
// minister]), each as its words: phrases whose last word names a person by
// its most frequent sense.
func abbreviatedTitles(tok string) [][]string {
	if len(tok) < 2 || len(tok) > 4 {
		return nil
	}
	var out [][]string
	for _, phrase := range lexicon.Synonyms(tok) {
		words := strings.Fields(phrase)
		if len(words) > 1 && initials(words) == tok && firstPerson(words[len(words)-1]) {
			out = append(out, words)
		}
	}
	return out
}

// initials are the first letters of words, joined.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if w != "" {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}
