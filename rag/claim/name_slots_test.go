package claim

import "testing"

// TestNameSlot covers a name put in the place the passage gives another
// name, and the names a passage lists together.
func TestNameSlot(t *testing.T) {
	passage := "The first patient, a man who had recently traveled to Norway, had a strain that closely matched a case in Chile."
	runCases(t, KindEntity, []ruleCase{
		{"another name in the slot", "The first patient was a man who had recently traveled to Chile.", passage, false},
		{"the slot kept", "The first patient was a man who had recently traveled to Norway.", passage, true},
		{"names listed together", "The envoy traveled to Chile last week.", "The envoy traveled to Norway, Chile and Peru last week.", true},
		{"names listed together, the other first", "The envoy traveled to Peru and Norway last week.", "The envoy traveled to Norway and Peru last week.", true},
	})
}
