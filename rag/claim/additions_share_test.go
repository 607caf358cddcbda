package claim

import "testing"

// TestUnmatchedShare: a faithful sentence that rewords nearly half of its
// words, no two of them nouns side by side ("came back briefly for a
// single day … quickly vanished" for "returned for one day … quickly ran
// out"), is kept; one whose words mostly match nothing is still dropped.
func TestUnmatchedShare(t *testing.T) {
	cider := "The Ode cider returned for one day in 2017, and stocks quickly ran out."
	checkPairs(t, []pairCase{
		{"reworded", "The Ode cider came back briefly for a single day in 2017, and stocks quickly vanished.", cider, true, ""},
		{"mostly new", "The Ode cider won praise from critics abroad, who called it bold, crisp and brave.", cider, false, KindAddition},
	})
}
