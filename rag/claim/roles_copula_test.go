package claim

import "testing"

// TestResultingCopulaPassive covers "remains bound by" read as the passive
// "is bound by": the subject is the one the verb is done to.
func TestResultingCopulaPassive(t *testing.T) {
	p := `In a Wednesday press release, Spirit said it remains "bound by the terms of the merger agreement with Frontier."`
	runCases(t, KindRole, []ruleCase{
		{"is bound for remains bound", "In a Wednesday news release, Spirit said it is still bound by the terms of its merger deal with Frontier.", p, true},
		{"remains bound for remains bound", "Spirit said it remains bound by the terms of the merger agreement with Frontier.", p, true},
	})
}
