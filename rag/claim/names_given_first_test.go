package claim

import "testing"

// TestGivenNameOpeningSentence: a given name that opens a sentence before
// a capitalised surname is part of the name, so another given name than
// the passage's is dropped as it is mid-sentence; the passage's own is
// kept.
func TestGivenNameOpeningSentence(t *testing.T) {
	met := "Ben Hale met Varga in Ode on Monday."
	checkPairs(t, []pairCase{
		{"another given name", "Ana Hale met Varga in Ode on Monday.", met, false, KindEntity},
		{"the same given name", "Ben Hale met Varga in Ode on Monday, officials said.", met, true, ""},
	})
}
