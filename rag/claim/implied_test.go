package claim

import "testing"

// TestImpliedFigures holds figures a passage states without writing them
// as a count to check: a measure of "one" unit, and a number word after a
// determiner or possessive. Made-up passages.
func TestImpliedFigures(t *testing.T) {
	var (
		talks  = []Source{{Text: "The talks lasted for about one hour and ended without a deal."}}
		family = []Source{{Text: "She is survived by her four sons and the three dogs she rescued."}}
	)
	checkKept(t, []keptCase{
		{"one hour as minutes", "The talks lasted about 60 minutes.", talks, true},
		{"one hour as a word", "The talks lasted about an hour.", talks, true},
		{"one hour changed", "The talks lasted about 90 minutes.", talks, false},
		{"possessive count in digits", "She is survived by 4 sons.", family, true},
		{"definite count in digits", "She rescued 3 dogs.", family, true},
		{"possessive count changed", "She is survived by 5 sons.", family, false},
	})
}
