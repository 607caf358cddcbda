package claim

import "testing"

// TestDegreeOpposites: "less deadly" where the passage says "deadlier" (or
// "more deadly") turns the comparison round; the same degree written
// either way, and a comparison of another place, are kept.
func TestDegreeOpposites(t *testing.T) {
	passage := "First detected in October 2020, the deadlier and highly transmissible delta variant ravaged India in the past year."
	checkPairs(t, []pairCase{
		{"less for -er", "First detected in October 2020, the less deadly but highly transmissible delta variant ravaged India over the past year.", passage, false, KindAntonym},
		{"more for -er", "First detected in October 2020, the more deadly and highly transmissible delta variant ravaged India over the past year.", passage, true, ""},
		{"less for more", "The new ferry is less expensive than the old one.", "The new ferry is more expensive than the old one.", false, KindAntonym},
		{"another place", "The old ferry was cheaper to run, and the new ferry is less expensive to buy.", "The old ferry was cheaper to run, and the new ferry is less expensive to buy.", true, ""},
	})
}
