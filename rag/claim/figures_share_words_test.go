package claim

import "testing"

// TestShareWrittenInWords: a share written "Forty-one percent of" or "41
// per cent of" is a share of the noun after "of", as "41% of" is, so two
// shares given to each other's wholes are dropped, and the shares as the
// passage gives them are kept.
func TestShareWrittenInWords(t *testing.T) {
	passage := "Forty-one percent of millennials – and 30% of all adults – said they’ve found it difficult to move up in their fields."
	checkPairs(t, []pairCase{
		{"shares swapped", "41% of all adults and 30% of millennials said they had found it hard to move up.", passage, false, KindFigure},
		{"shares kept", "41% of millennials and 30% of all adults said they had found it hard to move up.", passage, true, ""},
		{"per cent swapped", "41 per cent of all adults and 30 per cent of millennials said it was hard to move up.", "41 per cent of millennials and 30 per cent of all adults said it was difficult to move up.", false, KindFigure},
	})
}
