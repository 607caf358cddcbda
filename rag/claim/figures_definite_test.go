package claim

import "testing"

// TestDefiniteCounts covers a number after a determiner changed, and the
// readings that keep it.
func TestDefiniteCounts(t *testing.T) {
	passage := "The floods left all five entrances to the park closed, and one of the two bridges was swept away."
	runCases(t, KindFigure, []ruleCase{
		{"all five to all four", "The floods left all four entrances to the park closed.", passage, false},
		{"the two to the three", "One of the three bridges was swept away in the floods.", passage, false},
		{"kept", "The floods kept all five park entrances closed.", passage, true},
		{"kept in digits", "The floods left all 5 entrances to the park closed.", passage, true},
	})
}
