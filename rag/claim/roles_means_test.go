package claim

import "testing"

// TestByMeansIsNoDoer covers "by" with a bare singular noun ("by direct
// deposit"): the means of an act, not its doer, so "arrived by" is no
// passive; "placed by police" still names a doer.
func TestByMeansIsNoDoer(t *testing.T) {
	p := "The last round of payments arrived via direct deposit about two weeks after the bill was signed."
	runCases(t, KindRole, []ruleCase{
		{"arrived by direct deposit", "In the previous round, payments arrived by direct deposit roughly a fortnight after the bill was signed.", p, true},
	})
	cordons := "Video showed the protesters enter the President's House after breaking through security cordons placed by police."
	runCases(t, KindRole, []ruleCase{
		{"a group after by is a doer", "Video showed police enter the President's House after breaking through security cordons placed by the protesters.", cordons, false},
	})
}
