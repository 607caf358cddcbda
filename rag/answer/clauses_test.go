package answer

import "testing"

// TestLeansBack covers the clauses that get their subject from the clause
// before them, which a sentence's clauses are not checked alone with.
func TestLeansBack(t *testing.T) {
	for clause, want := range map[string]bool{
		"that path was agreed by allies at the Washington summit": false,
		"Zeta won the title on Sunday":                            false,
		"who then won the title":                                  true,
		"and then won the title":                                  true,
		"it then won the title":                                   true,
		"that was agreed by allies":                               true,
		"which Brant won":                                         true,
		"":                                                        true,
	} {
		if got := leansBack(clause); got != want {
			t.Errorf("leansBack(%q) = %v, want %v", clause, got, want)
		}
	}
}
