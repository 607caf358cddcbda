package claim

import "testing"

// TestPositionSwap: two names turned round a copula and a word that
// orders them ("ahead of") are dropped; the order kept is kept.
func TestPositionSwap(t *testing.T) {
	polls := "Varga is ahead of Hale in the Ode polls."
	checkPairs(t, []pairCase{
		{"turned round", "Hale is ahead of Varga in the Ode polls.", polls, false, KindRole},
		{"as told", "Varga is ahead of Hale in the latest Ode polls.", polls, true, ""},
	})
}
