package claim

import "testing"

// TestChainOfPlacesReworded covers one place within another told with the
// prepositions of position exchanged ("at X in Y" for "in X at Y"), which
// says the same; the names in the other order turn the chain round.
func TestChainOfPlacesReworded(t *testing.T) {
	p := "Markle was the undisputed star on May 19 in St. George's Chapel at Windsor Castle in an ancient ritual."
	runCases(t, KindRole, []ruleCase{
		{"prepositions exchanged", "Markle was the undisputed star on May 19 at St. George's Chapel in Windsor Castle.", p, true},
		{"the chain turned round", "Markle was the undisputed star on May 19 in Windsor Castle at St. George's Chapel.", p, false},
	})
}
