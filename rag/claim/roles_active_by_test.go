package claim

import "testing"

// TestActiveVerbBeforeBy: a verb in "-ed" with its object right after it
// ("approved the plan by a vote of seven to two", "showed a record retreat
// by foreign investors") is active, whatever "by" follows; a participle
// with "by" and no object ("the plan approved by the council") is still a
// passive.
func TestActiveVerbBeforeBy(t *testing.T) {
	checkPairs(t, []pairCase{
		{"a vote after by", "The Ode council approved the plan by a vote of seven to two.", "The Ode council approved the plan 7-2.", true, ""},
		{"a doer after by", "Data from Ode also showed a record retreat by foreign investors.", "Ode data also showed a record retreat by foreign investors in recent months.", true, ""},
		{"a passive kept", "The plan approved by the Ode council was vetoed by Hale.", "Hale vetoed the plan that the Ode council approved.", true, ""},
		{"a passive turned round", "The plan approved by Hale was vetoed by the Ode council.", "Hale vetoed the plan that the Ode council approved.", false, KindRole},
	})
}
