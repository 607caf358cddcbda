package claim

import "testing"

// TestActByOf: the one an act named by a noun was done to ("a 4-0
// dismantling of Sweden") made its doer ("a 4-0 dismantling by Sweden")
// is caught; the same "of", or a passage whose noun has its own "by"
// ("the defeat of Norway by Sweden"), keeps the sentence.
func TestActByOf(t *testing.T) {
	run := "The run included an 8-0 demolition of Norway and a 4-0 dismantling of the world's second-ranked team Sweden."
	both := "A 2-1 defeat of Norway by Sweden decided the final."
	checkPairs(t, []pairCase{
		{"the same side", "The run included a 4-0 dismantling of Sweden, the world's second-ranked team.", run, true, ""},
		{"the side it was done to made the doer", "The run included a 4-0 dismantling by Sweden, the world's second-ranked team.", run, false, KindRole},
		{"the passage's own doer", "A 2-1 defeat by Sweden decided the final.", both, true, ""},
	})
}
