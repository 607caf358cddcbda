package claim

import "testing"

// TestExchangedModifiers: two modifiers exchanged between two nouns
// ("cisgender women … transgender counterparts" for "transgender women …
// cisgender counterparts") turn the comparison round; the same pairs, or
// one reworded, do not.
func TestExchangedModifiers(t *testing.T) {
	p := "The 43-year-old has become an unwilling participant in a cultural debate about what is fair and whether transgender women have an advantage over their cisgender counterparts."
	runCases(t, KindRole, []ruleCase{
		{"exchanged", "The debate is about what is fair and whether cisgender women have an advantage over their transgender counterparts.", p, false},
		{"kept", "The debate is about what is fair and whether transgender women have an advantage over their cisgender counterparts.", p, true},
		{"reordered clauses keep the pairs", "Whether transgender women have an advantage over cisgender counterparts is at the heart of a cultural debate about fairness.", p, true},
	})
}
