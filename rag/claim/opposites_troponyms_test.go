package claim

import "testing"

// TestTroponymOpposites: verbs that are ways of opposite acts ("surged", a
// way to rise; "plunged", a way to fall) are opposites in the same place;
// two ways of one act are not, and the same verb is kept.
func TestTroponymOpposites(t *testing.T) {
	exports := "Ode's exports plunged in May, the ministry said."
	checkPairs(t, []pairCase{
		{"ways of opposite acts", "Ode's exports surged in May, the ministry said.", exports, false, KindAntonym},
		{"a way of the same act", "Ode's exports tumbled in May, the ministry said.", exports, true, ""},
		{"the same verb", "Ode's exports plunged in May, the ministry said.", exports, true, ""},
	})
}
