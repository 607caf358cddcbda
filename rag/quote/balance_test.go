package quote

import "testing"

func TestCloseQuotation(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// The first sentence of a quotation that goes on.
		{`"We had no choice.`, `"We had no choice."`},
		{`She said: “We had no choice.`, `She said: “We had no choice.”`},
		{`«Nous n'avions pas le choix.`, `«Nous n'avions pas le choix.»`},
		{`„Wir hatten keine Wahl.`, `„Wir hatten keine Wahl.“`},
		// The last sentence of one.
		{`We will appeal," she said.`, `"We will appeal," she said.`},
		{`We will appeal,” she said.`, `“We will appeal,” she said.`},
		// Balanced sentences are left as they are.
		{`"We had no choice," she said.`, `"We had no choice," she said.`},
		{`He called it “a farce” and left.`, `He called it “a farce” and left.`},
		{`„Wir hatten keine Wahl“, sagte sie.`, `„Wir hatten keine Wahl“, sagte sie.`},
		{`No quotation at all.`, `No quotation at all.`},
		// A straight mark after a figure is an inch, not a quotation's end.
		{`Crews laid a 6" pipe under the road.`, `Crews laid a 6" pipe under the road.`},
		// Apostrophes are not quotation marks.
		{`The minister's aides didn't comment.`, `The minister's aides didn't comment.`},
	} {
		if got := Balance(tc.in); got != tc.want {
			t.Errorf("Balance(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
