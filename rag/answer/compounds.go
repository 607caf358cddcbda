package answer

import (
	"math"
	"strings"
	"unicode"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// splitClosedCompounds writes apart a compound the question closes up
// where WordNet writes it with a hyphen ("sitdown" for "sit-down",
// "lineup" is left alone since WordNet knows it closed): a word neither
// WordNet nor the coverage knows as typed, which WordNet knows hyphenated
// at one place, both parts at least two letters. Its parts are then the
// question's words ("trump zelensky sitdown" asks about the two sitting
// down), where the closed form would be a word no passage holds.
func splitClosedCompounds(question string, idf func(string) float64) string {
	fields := strings.Fields(question)
	changed := false
	for i, f := range fields {
		core := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		low := strings.ToLower(core)
		if len(low) < 5 || low != core || known(low) || inCoverage(low, idf) {
			continue
		}
		for cut := 2; cut <= len(low)-2; cut++ {
			if len(lexicon.Bases(low[:cut]+"-"+low[cut:])) > 0 {
				fields[i] = strings.Replace(f, core, low[:cut]+" "+low[cut:], 1)
				changed = true
				break
			}
		}
	}
	if !changed {
		return question
	}
	return strings.Join(fields, " ")
}

// inCoverage reports whether the index holds a term (idf knows it).
func inCoverage(term string, idf func(string) float64) bool {
	if idf == nil {
		return false
	}
	v := idf(term)
	return v > 0 && !math.IsInf(v, 0)
}
