package claim

import "testing"

// TestQuantifierScale: a quantifier stronger than the passage's over the
// same thing says more than it ("all of the members" for "most of the
// members", "most residents" for "many residents"); a weaker one follows
// from it and is kept, and so is the same one.
func TestQuantifierScale(t *testing.T) {
	vote := "Most of the Tarrow council's members voted to close the harbour road, and many residents backed the plan."
	checkPairs(t, []pairCase{
		{"all for most", "All of the Tarrow council's members voted to close the harbour road.", vote, false, KindFigure},
		{"most for many", "Most residents backed the plan to close the Tarrow harbour road.", vote, false, KindFigure},
		{"many for most", "Many of the Tarrow council's members voted to close the harbour road.", vote, true, ""},
		{"some for many", "Some residents backed the plan to close the Tarrow harbour road.", vote, true, ""},
		{"the same", "Most of the Tarrow council's members voted to close the harbour road.", vote, true, ""},
	})
}
