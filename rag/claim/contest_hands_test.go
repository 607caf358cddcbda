package claim

import "testing"

// TestDefeatAtTheHandsOf: "at the hands of" after a noun of defeat gives
// the winner, and the one who suffered the defeat (the light verb's
// subject, or the possessor) lost; the result turned round is dropped and
// kept as told.
func TestDefeatAtTheHandsOf(t *testing.T) {
	final := "Hale beat Varga in the Ode final."
	checkPairs(t, []pairCase{
		{"suffered, turned round", "Hale suffered a defeat at the hands of Varga in the Ode final.", final, false, KindRole},
		{"suffered, as told", "Varga suffered a defeat at the hands of Hale in the Ode final.", final, true, ""},
		{"a possessor, turned round", "Hale's defeat at the hands of Varga in the Ode final surprised fans.", final, false, KindRole},
	})
}
