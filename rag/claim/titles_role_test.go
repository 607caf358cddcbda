package claim

import "testing"

// TestTitleOfAnotherRole: a person given a title of another role than the
// passage's ("Senator Hale" for "Governor Hale", "King Charles" for
// "Prince Charles") is dropped; a form of address ("Mr Hale"), a role that
// includes the passage's ("leader"), and a surname the passage also gives
// an untitled person are left alone.
func TestTitleOfAnotherRole(t *testing.T) {
	governor := "On Monday, Governor Hale met Varga in Ode."
	checkPairs(t, []pairCase{
		{"another office", "On Monday, Senator Hale met Varga in Ode.", governor, false, KindRole},
		{"another rank", "On Monday, King Charles met Hale in Ode.", "On Monday, Prince Charles met Hale in Ode.", false, KindRole},
		{"a form of address", "On Monday, Mr Hale met Varga in Ode.", governor, true, ""},
		{"two of one surname", "It was reported that Rep. Ana Hale met Varga in Ode.",
			"Ana Hale met Varga in Ode. Her father, Vice President Ben Hale, did not.", true, ""},
	})
}
