package claim

import "testing"

// TestEventsSwappedAroundAfter covers two events, each with its doer, put
// in each other's place around "after".
func TestEventsSwappedAroundAfter(t *testing.T) {
	p := "Rishi Sunak published a letter of resignation on Twitter yesterday evening just minutes after then Health Secretary Sajid Javid also resigned from his post."
	runCases(t, KindRole, []ruleCase{
		{"the events swapped", "Sajid Javid resigned just minutes after Rishi Sunak published his letter of resignation on Twitter.", p, false},
		{"the events in order", "Rishi Sunak published his letter of resignation on Twitter just minutes after Sajid Javid resigned.", p, true},
		{"told the other way round with before", "Sajid Javid resigned from his post just minutes before Rishi Sunak published his letter of resignation.", p, true},
	})
}
