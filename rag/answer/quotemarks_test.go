package answer

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
		if got := closeQuotation(tc.in); got != tc.want {
			t.Errorf("closeQuotation(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCiteSentenceClosesAQuotation(t *testing.T) {
	if got, want := citeSentence(`"We had no choice.`, 1), `"We had no choice." [1]`; got != want {
		t.Errorf("citeSentence = %q, want %q", got, want)
	}
	if got, want := citeSentence(`The talks ended.`, 2), `The talks ended [2].`; got != want {
		t.Errorf("citeSentence = %q, want %q", got, want)
	}
}

// A marker after a closing quotation mark at the end of an answer cites the
// quoted sentence; it is not a sentence of its own.
func TestSplitClaimsMarkerAfterClosingQuote(t *testing.T) {
	text := `Starmer spoke first [1]. “The leaders reflected on the visit.” [2]`
	units := splitClaims(text)
	if len(units) != 2 {
		t.Fatalf("%d units, want 2: %+v", len(units), units)
	}
	last := units[1]
	if last.plain != `“The leaders reflected on the visit.”` {
		t.Errorf("second unit %q", last.plain)
	}
	if len(last.groups) != 1 {
		t.Errorf("second unit has %d marker groups, want 1", len(last.groups))
	}
}
