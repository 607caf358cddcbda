package claim

import "testing"

// TestPreventDenies: "prevent infections" keeps them from happening, as
// "avoid infection" does, so the two agree and "to spread infections" does
// not; "prevent X from taking over" denies the taking over, not X.
func TestPreventDenies(t *testing.T) {
	safe := "Health officials in Tarrow say it is critical that residents continue safe practices to prevent infections."
	goal := "The ministry said its objective was to prevent the Ode militia from taking over the harbour."
	checkPairs(t, []pairCase{
		{"avoid for prevent", "Tarrow health officials say residents must keep up safe practices to avoid infection.", safe, true, ""},
		{"prevent kept", "Tarrow health officials say residents must keep up safe practices to prevent infections.", safe, true, ""},
		{"a denial added", "Tarrow health officials say residents must keep up safe practices that do not prevent infections.", safe, false, KindPolarity},
		{"prevent from", "The ministry said it aimed to prevent the Ode militia from taking over the harbour.", goal, true, ""},
		{"preventing from", "The ministry described its aim of preventing the Ode militia from taking over the harbour.", goal, true, ""},
	})
}
