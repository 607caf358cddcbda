package claim

import "testing"

// TestTitleStopsAtGivenName: a given name that WordNet also knows as a
// noun ("Ana", "Will") is the person's, not a word of the title before
// it, so "Senator Ana Hale" against "Governor Ana Hale" compares the
// titles alone; a title that is itself a given name ("King") stays one.
func TestTitleStopsAtGivenName(t *testing.T) {
	governor := "On Monday, Governor Ana Hale met Varga in Ode."
	checkPairs(t, []pairCase{
		{"another office, a given name that is a noun", "On Monday, Senator Ana Hale met Varga in Ode.", governor, false, KindRole},
		{"the same office", "On Monday, Governor Ana Hale met Varga in Ode, aides said.", governor, true, ""},
	})
}
