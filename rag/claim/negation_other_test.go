package claim

import "testing"

// TestNegationPastOther: "other" and "another" stand between a negation
// and its noun as the postdeterminers "further" and "additional" do, so
// "there's not another major film on the docket" denies films as "no major
// films" does; the denial kept is kept.
func TestNegationPastOther(t *testing.T) {
	docket := "There's not another major film on the docket this month."
	checkPairs(t, []pairCase{
		{"not another", "Several major films are on the docket this month.", docket, false, KindPolarity},
		{"no other", "Several major films are on the docket this month.", "There's no other major film on the docket this month.", false, KindPolarity},
		{"the denial kept", "No other major film is on the docket this month.", docket, true, ""},
	})
}
