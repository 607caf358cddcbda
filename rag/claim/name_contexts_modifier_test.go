package claim

import "testing"

// TestNameModifyingANoun: a name before the common noun it modifies ("in
// the Canadian capital of Ottawa") hangs on no word of its own, so a
// sentence that says "a minority of Canada's truck drivers … in Ottawa"
// swaps nothing; names swapped between the words they hang on are still
// caught.
func TestNameModifyingANoun(t *testing.T) {
	passage := "The protests involve a minority of Canada's truck drivers. The convoy then turned into an ongoing demonstration in the Canadian capital of Ottawa."
	checkPairs(t, []pairCase{
		{"name before a noun", "The protests involve a minority of Canada's truckers and became an ongoing demonstration in Ottawa.", passage, true, ""},
		{"names swapped", "The offspring that reach southern Mexico then begin the trip back to Canada.", "The offspring that reach southern Canada then begin the trip back to Mexico.", false, KindRole},
	})
}
