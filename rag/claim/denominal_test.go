package claim

import "testing"

// TestDenominalVerbAndSender: "texted", which WordNet knows only as the
// noun "text", is a verb before its object, so its subject before an
// apposition is its doer; "a text from X" was sent by X; and "Cap Police"
// is "Capitol Police" clipped. Each holds the roles the passage gives and
// drops them swapped.
func TestDenominalVerbAndSender(t *testing.T) {
	texted := "Odile Hale, a Tarrow Democrat, texted Ode: “Harbour Police told me the pier would close.”"
	clipped := "Hale texted Ode: “Cap Police told me last night the pier would close.”"
	checkPairs(t, []pairCase{
		{"the texter", "Odile Hale texted Ode.", texted, true, ""},
		{"the texter swapped", "Ode texted Odile Hale.", texted, false, KindRole},
		{"the sender", "A text from Odile Hale to Ode said the pier would close.", texted, true, ""},
		{"the sender swapped", "A text from Ode to Odile Hale said the pier would close.", texted, false, KindRole},
		{"a clipped name", "Hale texted Ode that Capitol Police had told her the pier would close.", clipped, true, ""},
		{"another name", "Hale texted Ode that Harbour Police had told her the pier would close.", clipped, false, KindEntity},
	})
}
