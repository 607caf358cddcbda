package claim

import "testing"

// TestPossessedActSwapped: "his country's attack on Russia" turns round
// "Russia's attack on his country"; the same sides, or a reworded act, do
// not.
func TestPossessedActSwapped(t *testing.T) {
	p := "Zelensky said Russia's attack on his country amounted to an attack on all of Europe."
	runCases(t, KindRole, []ruleCase{
		{"turned round", "Zelensky said his country's attack on Russia amounted to an attack on all of Europe.", p, false},
		{"kept", "Zelensky said Russia's attack on his country amounted to an attack on all of Europe.", p, true},
		{"passive", "Zelensky said the attack on his country by Russia amounted to an attack on all of Europe.", p, true},
	})
}
