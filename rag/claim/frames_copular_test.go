package claim

import "testing"

// TestCopularComplementDoesTheInfinitive: "Hale is the first Tarrow mayor to
// visit Ode" says a Tarrow mayor visited Ode, as a passage that writes "the
// first time a Tarrow mayor has visited Ode" does; the visit given to
// another is still dropped.
func TestCopularComplementDoesTheInfinitive(t *testing.T) {
	visit := "Hale's stop in Ode is the first time that a Tarrow mayor has visited Ode in 25 years."
	checkPairs(t, []pairCase{
		{"the complement did it", "Hale is the first Tarrow mayor to visit Ode in 25 years.", visit, true, ""},
		{"another did it", "Ode is the first Tarrow mayor to visit Hale in 25 years.", visit, false, KindRole},
	})
}
