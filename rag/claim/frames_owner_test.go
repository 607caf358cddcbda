package claim

import "testing"

// TestActGivenToSomeonesPerson: "Varga's lawyer filed the motion" where the
// passage says "Varga filed the motion" gives the act to another person,
// the one the possessive owns; a passage that names the lawyer ("a lawyer
// for Varga") is kept.
func TestActGivenToSomeonesPerson(t *testing.T) {
	filed := "On Monday, Varga filed the Ode motion."
	checkPairs(t, []pairCase{
		{"the lawyer for the owner", "On Monday, Varga's lawyer filed the Ode motion.", filed, false, KindRole},
		{"the wife for the owner", "On Monday, Varga's wife filed the Ode motion.", filed, false, KindRole},
		{"the lawyer as told", "On Monday, Varga's lawyer filed the Ode motion.", "On Monday, a lawyer for Varga filed the Ode motion.", true, ""},
	})
}
