package claim

import "testing"

// TestNegatedFreeRelative: "did not do what we wanted" denies the doing
// of what was wanted, past "do" and "what" (a free relative clause), so
// "did what it wanted" is dropped and a rewording that keeps the denial is
// kept.
func TestNegatedFreeRelative(t *testing.T) {
	season := "“Obviously we didn’t do what we wanted to do,” Hale said of the Tarrow side's season."
	checkPairs(t, []pairCase{
		{"the denial removed", "Hale said the Tarrow side did what it wanted to do this season.", season, false, KindPolarity},
		{"the denial kept", "Hale said the Tarrow side did not do what it wanted to do this season.", season, true, ""},
		{"not what", "Hale said the Tarrow side's season was not what it wanted.", "Hale said the Tarrow side's season was not what it wanted.", true, ""},
		{"not what removed", "Hale said the Tarrow side's season was what it wanted.", "Hale said the Tarrow side's season was not what it wanted.", false, KindPolarity},
	})
}
