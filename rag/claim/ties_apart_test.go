package claim

import "testing"

// TestTiesApart covers two facts joined in one clause, each with its own
// time: a figure is held to the time of its own fact, not the other's,
// and a time moved from one fact to the other is still caught.
func TestTiesApart(t *testing.T) {
	poll := "When the Harlow Gazette first asked readers about the bypass in 1994, only 12% backed it. Last year, that number was 71%, the highest yet."
	quake := "Rescuers reached the valley that was struck by a magnitude-6.2 quake on Sunday. The death toll rose to 140 on Wednesday, officials said."
	runCases(t, KindTime, []ruleCase{
		{"from … to, each side with its time",
			"Support for the bypass went from 12% in 1994 to 71% last year, the Harlow Gazette found.", poll, true},
		{"a noun phrase dated by a possessive",
			"By Wednesday the death toll from Sunday's magnitude-6.2 quake had risen to 140.", quake, true},
	})
	runCases(t, KindFigure, []ruleCase{
		{"the times turned round",
			"Support for the bypass went from 12% last year to 71% in 1994, the Harlow Gazette found.", poll, false},
		{"a dated phrase with no time of the clause",
			"Sunday's magnitude-6.2 quake killed 140 people, officials said.", quake, false},
	})
}
