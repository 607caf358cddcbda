package claim

import "testing"

// TestNegatedMannerAdverb: a negation with nothing after a manner adverb
// in its clause denies the adverb ("trim its stimulus, but not abruptly"),
// so a sentence that states the manner plainly is dropped; before a verb
// the adverb is passed over as before ("did not quickly respond").
func TestNegatedMannerAdverb(t *testing.T) {
	bank := "The Ode bank still plans to trim its stimulus, but not abruptly."
	checkPairs(t, []pairCase{
		{"the manner denied", "The Ode bank plans to trim its stimulus abruptly.", bank, false, KindPolarity},
		{"the denial kept", "The Ode bank plans to trim its stimulus, though not abruptly.", bank, true, ""},
		{"before a verb", "The Ode bank responded quickly to the plan.", "The Ode bank did not quickly respond to the plan.", false, KindPolarity},
	})
}
