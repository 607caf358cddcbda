package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// wordForm is another form's index term, and the question's term it is a
// form of.
type wordForm struct{ of, term string }

// wordForms are the index terms of the irregular forms of a question's
// words, which the stemmer does not reach: the base form of an irregular
// inflection ("fled" → "flee", "women" → "woman", from WordNet's exception
// lists through lexicon.Bases), the base of a regular form the stemmer
// leaves apart from it ("introduced" → "introduce", whose stems differ),
// and the irregular past forms of a verb ("flee" → "fled", through
// lexicon.Inflections). Only verb forms are taken from a base form's
// inflections, so that "bad" does not search for "worse"; capitalised
// words are names, and have no other forms.
func wordForms(query string) []wordForm {
	own := map[string]bool{}
	for _, t := range prose.Terms(query) {
		own[t] = true
	}
	var out []wordForm
	var of string // the question's term whose forms are being added
	add := func(word string) {
		for _, t := range prose.Terms(word) {
			f := wordForm{of: of, term: t}
			if !own[t] && !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	for _, word := range strings.Fields(query) {
		if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
			continue // a name ("Las Vegas") has no other forms
		}
		toks := prose.Tokenize(word)
		if len(toks) != 1 || prose.IsStopword(toks[0]) || len(toks[0]) < 3 {
			continue
		}
		tok := toks[0]
		of = prose.Stem(tok)
		bases := lexicon.Bases(tok)
		if !slices.Contains(bases, tok) {
			// An inflected form: search for its base too.
			for _, b := range bases {
				add(b)
			}
			continue
		}
		if lexicon.IsVerb(tok) {
			for _, f := range lexicon.Inflections(tok) {
				if lexicon.IsVerb(f) {
					add(f)
				}
			}
		}
	}
	return out
}
