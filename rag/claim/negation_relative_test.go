package claim

import "testing"

// TestNoNounWithRelativeClause: "no lane in the party that is viable"
// denies a viable lane, so "there is no viable lane" agrees, and "there is
// a viable lane" is dropped.
func TestNoNounWithRelativeClause(t *testing.T) {
	lane := `"There is no lane in the Ode Party that is viable for a centrist," Hale said.`
	checkPairs(t, []pairCase{
		{"the denial moved before the noun", "Hale said there is no viable lane in the Ode Party for a centrist.", lane, true, ""},
		{"the denial left out", "Hale said there is a viable lane in the Ode Party for a centrist.", lane, false, KindPolarity},
	})
}
