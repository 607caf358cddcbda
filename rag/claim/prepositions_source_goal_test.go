package claim

import "testing"

// TestSourceMadeGoal: a name moved from where a thing comes from to where
// it goes ("a phone call to Varga" against "a phone call from Varga to
// Hale") is dropped, though the sentence names only one of the two after
// the noun; the call told the same way round is kept.
func TestSourceMadeGoal(t *testing.T) {
	call := "Instead, a timely phone call from Varga to Hale cleared the path for the deal."
	checkPairs(t, []pairCase{
		{"the source made the goal", "Hale placed a timely phone call to Varga that cleared the path for the deal.", call, false, KindRole},
		{"the goal made the source", "Varga got a timely phone call from Hale that cleared the path for the deal.", call, false, KindRole},
		{"the same way round", "Varga placed a timely phone call to Hale that cleared the path for the deal.", call, true, ""},
		{"the source alone", "A timely phone call from Varga cleared the path for the deal.", call, true, ""},
	})
}
