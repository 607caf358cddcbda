package claim

import "testing"

// TestWordsGivenToSomeonesPerson: "Varga's lawyer said" where the passage
// has "Varga said" gives the words to another person; a passage in which
// the lawyer speaks ("a lawyer for Varga said") is kept.
func TestWordsGivenToSomeonesPerson(t *testing.T) {
	checkPairs(t, []pairCase{
		{"the lawyer for the owner", "On Monday, Varga's lawyer said the Ode deal was dead.", "On Monday, Varga said the Ode deal was dead.", false, KindRole},
		{"the lawyer as told", "On Monday, Varga's lawyer said the Ode deal was dead.", "On Monday, a lawyer for Varga said the Ode deal was dead.", true, ""},
	})
}
