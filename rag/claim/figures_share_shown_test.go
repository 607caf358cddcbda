package claim

import "testing"

// TestShareOfTwoCounts: a share the sentence states ("two-thirds of the
// twelve cups") is supported when one passage sentence gives the two
// counts it is the ratio of ("of the 12 cups …, Ode has won eight"); a
// share the counts do not give is still dropped.
func TestShareOfTwoCounts(t *testing.T) {
	cups := "Of the 12 Tarrow Cups that have been contested, Ode has won eight of them."
	checkPairs(t, []pairCase{
		{"two-thirds of twelve", "Ode has won two-thirds of the twelve Tarrow Cups that have been contested.", cups, true, ""},
		{"a percentage", "Ode has won 67% of the Tarrow Cups that have been contested.", cups, true, ""},
		{"another share", "Ode has won three-quarters of the Tarrow Cups that have been contested.", cups, false, KindFigure},
	})
}
