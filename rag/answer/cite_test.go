package answer

import "testing"

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
