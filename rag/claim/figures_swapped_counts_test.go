package claim

import "testing"

// TestSwappedCounts: two figures given to each other's counted nouns
// ("150 times … 4,300 comments" for "4,300 times … 150 comments") are
// dropped though the verbs before them differ; the counts as the passage
// gives them are kept, and measures in units are left to the unit rules.
func TestSwappedCounts(t *testing.T) {
	post := "It had been shared more than 4,300 times and amassed over 150 comments as of Friday morning."
	checkPairs(t, []pairCase{
		{"counts swapped", "The post had been shared more than 150 times and drew over 4,300 comments as of Friday morning.", post, false, KindFigure},
		{"counts kept", "The post had been shared more than 4,300 times and drew over 150 comments as of Friday morning.", post, true, ""},
		{"measures", "The epicenter was about 13 kilometers (8 miles) from Ode, at a depth of 10 kilometers (6.2 miles).", "The epicenter was about 13 kilometers (8 miles) from Ode, at a depth of 10 kilometers (6.2 miles).", true, ""},
	})
}
