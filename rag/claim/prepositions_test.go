package claim

import "testing"

// TestPrepositionSwap covers two names swapped between the prepositions
// that give their roles, and the symmetric ones that give none.
func TestPrepositionSwap(t *testing.T) {
	passage := "Regulators approved the transfer of the club on Friday from the Harlow Trust to the Penner family, ending a long search."
	runCases(t, KindRole, []ruleCase{
		{"from and to swapped", "Regulators approved the transfer of the club on Friday from the Penner family to the Harlow Trust.", passage, false},
		{"from and to kept", "Regulators approved the transfer of the club from the Harlow Trust to the Penner family on Friday.", passage, true},
		{"a symmetric preposition", "The deal between the Harlow Trust and the Penner family was signed.", "The deal between the Penner family and the Harlow Trust was signed on Friday.", true},
	})
}
