package claim

import "testing"

// TestAgeAfterContractedCopula: "He's 25" gives an age as "he is 25" does,
// so "a 25-year-old" is kept; another age is still dropped.
func TestAgeAfterContractedCopula(t *testing.T) {
	coach := `"He's 25. He's won the best goaltender award in the Ode league," Hale said.`
	checkPairs(t, []pairCase{
		{"the age as given", "Hale praised a 25-year-old who has won the Ode league's best goaltender award.", coach, true, ""},
		{"another age", "Hale praised a 35-year-old who has won the Ode league's best goaltender award.", coach, false, KindFigure},
	})
}
