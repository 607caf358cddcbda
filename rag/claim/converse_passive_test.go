package claim

import "testing"

// TestPassiveTransferConverse: "Tarrow Foods was sold to the Ode Group" is
// "the Ode Group bought Tarrow Foods" told from the other side, in the
// passive; the sale turned round is still dropped.
func TestPassiveTransferConverse(t *testing.T) {
	bought := "The Ode Group bought Tarrow Foods for $5 million."
	checkPairs(t, []pairCase{
		{"the passive converse", "Tarrow Foods was sold to the Ode Group for $5 million.", bought, true, ""},
		{"the sale turned round", "The Ode Group was sold to Tarrow Foods for $5 million.", bought, false, KindAntonym},
	})
}
