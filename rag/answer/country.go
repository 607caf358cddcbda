// Countries as the question names them and as the coverage does.

package answer

import (
	"strings"
	"unicode"

	"github.com/coveragebot/coveragebot/rag"
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

// posting is a person noun that a country completes through a
// preposition: "ambassador to Russia", "president of France". The country
// says whose or where the role is, so an ambassador to Russia is not one
// to Ukraine.
type posting struct {
	noun, prep, country string // as written, lower-cased
}

// postingPrepositions are the prepositions that tie a role to a country.
var postingPrepositions = wordSet(`to of in for`)

// postings are the postings a text names (determiners between the
// preposition and the country set aside: "president of the US").
func postings(text string) []posting {
	toks := prose.Tokenize(text)
	var out []posting
	for i := 0; i+2 < len(toks); i++ {
		tok, prep := toks[i], toks[i+1]
		if prose.IsStopword(tok) || !postingPrepositions[prep] || !lexicon.CanNamePerson(tok) || len(lexicon.CountryNames(tok)) > 0 {
			continue
		}
		j := i + 2
		if determiners[toks[j]] && j+1 < len(toks) {
			j++
		}
		if c := toks[j]; len(lexicon.CountryNames(c)) > 0 && (c != "us" || toks[j-1] == "the") {
			out = append(out, posting{noun: tok, prep: prep, country: c})
		}
	}
	return out
}

// sameCountry reports whether two words name one country, the same word
// included.
func sameCountry(a, b string) bool { return a == b || lexicon.SameCountry(a, b) }

// postedElsewhere returns a posting the question asks about ("who is the
// UK ambassador to Ukraine") that the passages name only for other
// countries ("the former British ambassador to Russia"), with one of
// those; ok is false when there is none. Passages that never name the
// role with a country say nothing either way.
func postedElsewhere(question string, hits []rag.Hit) (asked, found posting, ok bool) {
	var seen []posting
	for _, h := range hits {
		seen = append(seen, postings(h.Title+"\n"+h.Text)...)
	}
	for _, a := range postings(question) {
		var other *posting
		held := false
		for i, s := range seen {
			if prose.Stem(s.noun) != prose.Stem(a.noun) || s.prep != a.prep {
				continue
			}
			if sameCountry(s.country, a.country) {
				held = true
				break
			}
			other = &seen[i]
		}
		if !held && other != nil {
			return a, *other, true
		}
	}
	return posting{}, posting{}, false
}
