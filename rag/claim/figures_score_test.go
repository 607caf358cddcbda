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

// TestCodedNumber covers a number glued by a period to capitals before it
// ("KP.2"): part of a name, not a figure tied to the times of its clause.
func TestCodedNumber(t *testing.T) {
	passage := "A new wave driven by the KP.2 subvariant began in April. That wave peaked in late June, and cases have fallen since."
	runCases(t, KindFigure, []ruleCase{
		{"a code beside a time of another sentence", "Since the KP.2 wave peaked in late June, cases have fallen.", passage, true},
		{"a figure still read", "Since the KP.2 wave peaked in late June, cases have fallen by 2%.", passage, false},
	})
}
