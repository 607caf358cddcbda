package claim

import "testing"

// TestFrequencies covers a frequency put in the place of another ("monthly"
// for "annual"), a synonym of it ("yearly"), and a frequency the passage
// does not state, which this rule leaves alone.
func TestFrequencies(t *testing.T) {
	p := "Otherwise, the nearly $1.34 billion prize will be spread over an initial payment and 29 annual payments."
	runCases(t, KindTime, []ruleCase{
		{"monthly for annual", "Otherwise, the nearly $1.34 billion prize will be spread over an initial payment and 29 monthly payments.", p, false},
		{"yearly for annual", "Otherwise, the nearly $1.34 billion prize will be spread over an initial payment and 29 yearly payments.", p, true},
		{"every year for annual", "Otherwise, the nearly $1.34 billion prize will be paid as an initial payment and then 29 payments, one every year.", p, true},
		{"weekly for every month", "The club meets weekly in the town hall.", "The club meets every month in the town hall.", false},
	})
}
