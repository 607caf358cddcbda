package claim

import "testing"

// TestRespectively: "A and B rose by X and Y, respectively" gives A X and
// B Y; a sentence that gives A Y (and B X) is dropped, one that keeps the
// pairs, or keeps "respectively", is kept.
func TestRespectively(t *testing.T) {
	prices := "Electricity and natural gas prices also rose, by 13.7% and 38.4%, respectively, for the 12-month period ended in June."
	shares := "Acme and Walmart shares rose 3% and 5%, respectively, on Monday."
	checkPairs(t, []pairCase{
		{"pairs turned round", "Electricity prices rose by 38.4% and natural gas prices by 13.7% over the 12 months to June.", prices, false, KindFigure},
		{"pairs kept", "Electricity prices rose by 13.7% and natural gas prices by 38.4% over the 12 months to June.", prices, true, ""},
		{"respectively kept", "Electricity and natural gas prices rose by 13.7% and 38.4%, respectively, over the 12 months to June.", prices, true, ""},
		{"the second name's figure", "Walmart shares rose 5% on Monday.", shares, true, ""},
		{"the second name's figure for the first", "Acme shares rose 5% on Monday.", shares, false, KindFigure},
	})
}
