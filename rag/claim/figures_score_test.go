package claim

import "testing"

// TestScoreOutOf covers a score written "N out of M" in the passage and
// given alone in the sentence: the passage states the count N too.
func TestScoreOutOf(t *testing.T) {
	passage := "In the annual survey, riders gave Fenwick Rail a score of 71 out of 100, the lowest of the region's operators."
	runCases(t, KindFigure, []ruleCase{
		{"the score alone", "Riders gave Fenwick Rail a score of 71 in the annual survey, the lowest of the region's operators.", passage, true},
		{"another score", "Riders gave Fenwick Rail a score of 74 in the annual survey, the lowest of the region's operators.", passage, false},
	})
}
