package claim

import "testing"

// TestNameContextsLightVerb covers two names swapped where one is the
// subject of a light verb ("made history"), which is still its verb.
func TestNameContextsLightVerb(t *testing.T) {
	passage := "On Sunday, Ana Ruiz made history as the first Basque woman on the podium, and her teammate Lena Ortiz is the youngest rider in the Spanish squad."
	runCases(t, KindRole, []ruleCase{
		{"names swapped", "On Sunday, Lena Ortiz made history as the first Basque woman on the podium, and her teammate Ana Ruiz is the youngest rider in the Spanish squad.", passage, false},
		{"names kept", "On Sunday, Ruiz made history as the first Basque woman on the podium, and her teammate Ortiz is the youngest rider in the Spanish squad.", passage, true},
	})
}
