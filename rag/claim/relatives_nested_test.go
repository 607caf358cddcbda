package claim

import "testing"

// TestNestedRelativeClause: in "…, which follows the playlist that
// Michelle Obama released", "released" has its own subject after "that",
// not the antecedent of "which"; the two given each other's acts are
// still dropped.
func TestNestedRelativeClause(t *testing.T) {
	lists := "Earlier this month, Michelle Obama released a playlist, and now Barack has a summer playlist."
	checkPairs(t, []pairCase{
		{"the inner clause's own subject", "Barack now has a summer playlist, which follows the playlist that Michelle Obama released earlier this month.", lists, true, ""},
		{"given names swapped", "Earlier this month, Barack Obama released a playlist, and now Michelle has a summer playlist.", lists, false, KindRole},
	})
}
