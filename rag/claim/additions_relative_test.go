package claim

import "testing"

// TestAddedRelativeClause covers a relative clause set off by a comma that
// adds a statement none of whose words the passage holds.
func TestAddedRelativeClause(t *testing.T) {
	p := "Earlier, the Eastern Theater Command said it had conducted long-range, live-fire training in the Taiwan Strait, state broadcaster CCTV reported, as part of planned military exercises around the island."
	runCases(t, KindAddition, []ruleCase{
		{"a clause of its own", "The Eastern Theater Command said it had conducted long-range, live-fire training in the Taiwan Strait as part of planned military exercises around the island, which it said would continue for another month.", p, false},
		{"a relative clause the passage holds", "The Eastern Theater Command said it had conducted live-fire training in the Taiwan Strait, which was part of planned military exercises around the island.", p, true},
	})
}
