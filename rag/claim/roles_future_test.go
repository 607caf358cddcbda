package claim

import "testing"

// TestGoingToIsNoMotion: the "going" of "we're going to continue this
// work" marks a future; it is not the verb "go" with "we" for its doer, so
// "the work would go on" does not turn its roles round; a motion ("going
// to Ode") is still read as one.
func TestGoingToIsNoMotion(t *testing.T) {
	work := "“We’re going to continue this work, and you’ll hear more on this,” Hale said at the Tarrow forum."
	trip := "Hale said she was going to Ode to meet Brook."
	checkPairs(t, []pairCase{
		{"the future", "Hale said at the Tarrow forum that the work would go on.", work, true, ""},
		{"a motion", "Hale said she was going to Ode to meet Brook.", trip, true, ""},
	})
}
