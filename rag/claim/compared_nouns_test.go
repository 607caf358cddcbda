package claim

import "testing"

// TestComparedNounsSwapped: "more pilots than … flights" turns round
// "more flights than … pilots".
func TestComparedNounsSwapped(t *testing.T) {
	p := "The union said Delta has scheduled more flights than it has pilots to fly, and pilots were working record overtime hours."
	runCases(t, KindRole, []ruleCase{
		{"turned round", "The union said Delta has scheduled more pilots than it has flights for them to fly.", p, false},
		{"kept", "The union said Delta has scheduled more flights than it has pilots to fly them.", p, true},
	})
}
