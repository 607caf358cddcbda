package answer

import (
	"github.com/coveragebot/coveragebot/rag/prose"
)

// Supports scores how well passage supports sentence lexically, in [0,1]: the
// share of the sentence's content terms (markers ignored) that the passage
// holds, with figures counting double, number words matching digits, and near
// forms ("Ukrainian" for "Ukraine") counting most of a match. A figure in the
// sentence that the passage does not hold halves the score, since a wrong figure is the most
// common way for a fluent sentence to misstate its source. A sentence with no
// content words claims nothing and scores 1.
func Supports(sentence, passage string) float64 {
	terms := supportTerms(removeMarkers(sentence))
	if len(terms) == 0 {
		return 1
	}
	return supportScore(terms, supportTermSet(passage))
}

// numberWords maps the number words that are written interchangeably with
// digits. "one" is left out: it is mostly a pronoun ("no one", "one-on-one").
var numberWords = map[string]string{
	"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
	"fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
	"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
	"eighty": "80", "ninety": "90",
}

// supportTerms gives the distinct content terms of s.
func supportTerms(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range prose.Terms(s) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// supportTermSet gives the content terms of a passage, with its number words
// also as digits, so that "fifteen" in a passage supports "15".
func supportTermSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range supportTerms(s) {
		set[t] = true
		if d, ok := numberWords[t]; ok {
			set[d] = true
		}
	}
	return set
}

func supportScore(terms []string, passage map[string]bool) float64 {
	var got, total float64
	missingNumber := false
	for _, t := range terms {
		w := 1.0
		num := isNumberTerm(t)
		if num {
			w = 2
		}
		total += w
		switch {
		case passage[t], passage[numberWords[t]]:
			got += w
		case num:
			// Only a figure written in digits is held to the letter:
			// number words are as often idiom ("the two leaders").
			missingNumber = true
		default:
			for p := range passage {
				if nearForm(t, p) {
					got += 0.7 * w
					break
				}
			}
		}
	}
	if total == 0 {
		return 1
	}
	score := got / total
	if missingNumber {
		score /= 2
	}
	return score
}

func isNumberTerm(t string) bool {
	for i := 0; i < len(t); i++ {
		if '0' <= t[i] && t[i] <= '9' {
			return true
		}
	}
	return false
}

// nearForm reports whether two stems are forms of one word that the light
// stemmer keeps apart ("ukraine"/"ukrainian", "negotiate"/"negotiation"):
// they share a prefix of at least five letters that is all but at most two
// letters of the shorter.
func nearForm(a, b string) bool {
	if len(a) < 5 || len(b) < 5 || isNumberTerm(b) {
		return false
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 5 && n >= min(len(a), len(b))-2
}
