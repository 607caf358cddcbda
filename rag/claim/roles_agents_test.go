package claim

import "testing"

// TestAgentExchanged covers the doer after a passive's "by" exchanged with
// a party the sentence names elsewhere: the passage's doer is in the
// sentence, in another role.
func TestAgentExchanged(t *testing.T) {
	p := "Video showed the protesters enter the President's House after breaking through security cordons placed by police."
	runCases(t, KindRole, []ruleCase{
		{"the two exchanged", "Video showed police enter the President's House after breaking through security cordons placed by the protesters.", p, false},
		{"as the passage has it", "Video showed the protesters entering the President's House after they broke through security cordons placed by police.", p, true},
		{"a verb restates the doer", "Energy prices were up 34.6% from a year earlier, driven by gas prices that jumped almost 50%.",
			"Energy prices rose 34.6% compared to a year ago, driven by a nearly 50% jump in gas prices over the last year.", true},
	})
}
