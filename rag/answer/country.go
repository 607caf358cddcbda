// Countries as the question names them and as the coverage does.

package answer

import (
	"strings"
	"unicode"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// countryCredit is the share of a country word's weight that a sentence
// writing the country another way earns: half, as a pronoun's antecedent
// does (antecedentCredit), for the other way may name the place rather than
// describe the person ("ambassador to Russia" against "the russian
// president").
const countryCredit = 0.5

// countryForms returns, for the i-th of a question's tokens (lower-cased,
// as prose.Tokenize gives them), the terms of the other single-word ways
// WordNet writes the country it names, and whether it names one: "american"
// is held by a text that says "US" or "America", "british" by "UK" or
// "Britain", "ukrainian" by "Ukraine" (lexicon.CountryNames: the names of
// a country synset and the adjectives that pertain to them). A people's
// plural ("americans", "russians") names its country as the adjective does.
// "us" is also the object pronoun: it names the country only when the
// question writes it in capitals (upper reports that of the token), after
// "the", or before a noun that can name a person ("us officials").
func countryForms(toks []string, i int, upper bool) ([]string, bool) {
	tok := toks[i]
	names := lexicon.CountryNames(tok)
	if len(names) == 0 && len(tok) > 4 && strings.HasSuffix(tok, "s") {
		names = lexicon.CountryNames(tok[:len(tok)-1])
		if len(names) > 0 {
			names = append(names, tok[:len(tok)-1])
		}
	}
	if len(names) == 0 {
		return nil, false
	}
	if prose.IsStopword(tok) || tok == "us" {
		before := i > 0 && toks[i-1] == "the"
		after := i+1 < len(toks) && lexicon.CanNamePerson(toks[i+1]) && !prose.IsStopword(toks[i+1])
		if !upper && !before && !after {
			return nil, false
		}
	}
	self := prose.Stem(tok)
	var out []string
	for _, n := range names {
		if strings.ContainsAny(n, " .-") {
			continue // "united states" and "u.s." are not one term
		}
		for _, t := range prose.Terms(n) {
			if len(t) > 1 && t != self && !strings.Contains(strings.Join(out, " ")+" ", t+" ") {
				out = append(out, t)
			}
		}
	}
	return out, true
}

// capitalsWords are the words a text writes all in capitals, two letters
// or more ("US", "UK", "NATO"), lower-cased.
func capitalsWords(text string) map[string]bool {
	out := map[string]bool{}
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(f) > 1 && strings.ToUpper(f) == f {
			out[strings.ToLower(f)] = true
		}
	}
	return out
}
