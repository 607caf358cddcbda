package claim

import "testing"

// TestUncountedUnits: units with no count before a step ("just hours
// before", "weeks later") are a time of that unit: another unit is another
// time, the same unit seen from the other event is the same, and a count
// written with its units is left to the figure rules.
func TestUncountedUnits(t *testing.T) {
	checkPairs(t, []pairCase{
		{"days for hours", "Ivo had been celebrated at the honor roll ceremony just days before he was killed, his mother said.", "Ivo was celebrated at the honor roll ceremony just hours before he was killed, his mother said.", false, KindTime},
		{"weeks for months", "Weeks later, the plant closed.", "Months later, the plant closed.", false, KindTime},
		{"the same span seen from the other side", "Tarrow College said Monday it will clear student balances, a few weeks after Ode College said it had done so.", "A few weeks earlier, Ode College said it had cleared student balances. Tarrow College said Monday it will clear student balances.", true, ""},
		{"the same unit", "Weeks later, the plant closed.", "Two weeks later, the plant closed.", true, ""},
	})
}
