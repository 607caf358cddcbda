package claim

import "testing"

// TestFigureOrder: a comparative between two of the passage's figures must
// agree with their values.
func TestFigureOrder(t *testing.T) {
	p := "The current federal tax on gas is about 18 cents per gallon, while the federal tax on diesel stands at 24 cents per gallon."
	runCases(t, KindAntonym, []ruleCase{
		{"lower for higher", "The federal tax on diesel stands at 24 cents per gallon, lower than the roughly 18 cents charged on gas.", p, false},
		{"higher", "The federal tax on diesel stands at 24 cents per gallon, higher than the roughly 18 cents charged on gas.", p, true},
		{"cheaper", "The tax on gas, at 18 cents a gallon, is lower than the 24 cents on diesel.", p, true},
		{"greater for lower", "The tax on gas, at 18 cents a gallon, is greater than the 24 cents on diesel.", p, false},
		{"a bound, not a comparison", "A magnitude 5.9 earthquake killed more than 20 people on the gas route.", "A magnitude 5.9 earthquake killed more than 20 people on the gas route, officials said.", true},
	})
}
