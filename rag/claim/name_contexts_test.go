package claim

import "testing"

// TestNameContexts covers two names swapped between the words they hang
// on, and a list reordered or a sentence reworded around the names.
func TestNameContexts(t *testing.T) {
	passage := "The herds that reach northern Kestria then begin the long walk back to Dorvan at the end of the dry season."
	runCases(t, KindRole, []ruleCase{
		{"names swapped between their words", "The herds that reach northern Dorvan then begin the long walk back to Kestria at the end of the dry season.", passage, false},
		{"names kept", "At the end of the dry season, the herds that reach northern Kestria begin the long walk back to Dorvan.", passage, true},
		{"a list reordered", "Storms hit Salem, Harlow and Dunmore on Tuesday.", "Storms hit Dunmore, Harlow and Salem on Tuesday night.", true},
	})
}
