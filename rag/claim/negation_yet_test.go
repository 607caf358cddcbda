package claim

import "testing"

// TestYetToAfterHaveOrBe: "yet to" denies the verb after it only after a
// form of "have" or "be" ("has yet to decide", "is yet to decide"); after
// any other word "yet" is an adverb of time and "to" opens a purpose
// ("has stepped forward yet to claim the prize").
func TestYetToAfterHaveOrBe(t *testing.T) {
	checkPairs(t, []pairCase{
		{"a purpose after yet", "Nobody has come forward so far to claim the Ode prize.", "No one has stepped forward yet to claim the Ode prize.", true, ""},
		{"has yet to", "The minister decided on the Ode prize.", "The minister has yet to decide on the Ode prize.", false, KindPolarity},
		{"is yet to", "The minister decided on the Ode prize.", "The minister is yet to decide on the Ode prize.", false, KindPolarity},
	})
}
