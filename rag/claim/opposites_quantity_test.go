package claim

import "testing"

// TestQuantifierOpposites covers a quantifier turned into its WordNet
// opposite over the same thing, and the readings that keep it.
func TestQuantifierOpposites(t *testing.T) {
	passage := "The count is close, with many ballots left to count, and the board owns several halls, many of which are used for voting."
	runCases(t, KindAntonym, []ruleCase{
		{"many to few", "The count is close, with few ballots left to count.", passage, false},
		{"many of which to few of which", "The board owns several halls, few of which are used for voting.", passage, false},
		{"kept", "The count is close, with many ballots still left to count.", passage, true},
		{"a few is not few", "The board owns several halls, a few of which are used for voting.", passage, true},
		{"more than to less than", "The bridge stands less than a mile from the school.", "The bridge stands more than a mile from the school.", false},
		{"two quantifiers turned round", "Fewer voters came than last year, though more halls were open.", "More voters came than last year, though fewer halls were open.", false},
	})
}
