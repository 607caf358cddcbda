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
	grove := "The Ardel grove holds more than 300 redwoods – some more than two millennia old – that tower to more than 30 stories."
	runCases(t, KindAntonym, []ruleCase{
		{"two counts of two things", "The Ardel grove holds over 300 redwoods, some upward of two millennia old, that can rise higher than 30 stories.", grove, true},
	})
}

// TestComparedNameTurnedRound: the name the sentence compares is the one
// the passage compares with, though the sentence's other side is no name
// ("HBO's service is cheaper than the most popular plan" against "that
// plan is still a few dollars cheaper than HBO").
func TestComparedNameTurnedRound(t *testing.T) {
	p := "Its most popular plan will see the largest hike, to $13 per month from $11. Even at the higher price, that plan is still a few dollars cheaper than HBO, whose streaming service charges $15 per month."
	runCases(t, KindRole, []ruleCase{
		{"turned round", "Even after the increase, HBO's $15-a-month streaming service is still a few dollars cheaper than the most popular plan.", p, false},
		{"kept", "Even after the increase, the most popular plan is still a few dollars cheaper than HBO's $15-a-month service.", p, true},
	})
}
