package claim

import "testing"

// TestUnanimous: a vote the passage tallies with votes against is not
// unanimous; a tally with none against, or a passage that says unanimous,
// agrees.
func TestUnanimous(t *testing.T) {
	split := "The Tarrow council voted 7-2 on Tuesday to close the harbour road."
	whole := "The Tarrow council voted 9-0 on Tuesday to close the harbour road."
	said := "The Tarrow council voted unanimously on Tuesday to close the harbour road."
	checkPairs(t, []pairCase{
		{"a split vote", "The Tarrow council voted unanimously on Tuesday to close the harbour road.", split, false, KindFigure},
		{"a unanimous vote", "The Tarrow council's 7-2 vote on Tuesday closed the harbour road.", split, true, ""},
		{"none against", "The Tarrow council voted unanimously on Tuesday to close the harbour road.", whole, true, ""},
		{"said so", "The Tarrow council unanimously voted on Tuesday to close the harbour road.", said, true, ""},
	})
}
