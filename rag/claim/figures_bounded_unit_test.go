package claim

import "testing"

// TestOneUnitBounded covers one unit bounded by "less than" or "more than"
// ("in less than a week") against a measure in another unit of the same
// dimension ("in six days").
func TestOneUnitBounded(t *testing.T) {
	p := `"Today's ruling is the court's second major expansion of protections for religion in six days," said Steve Vladeck.`
	runCases(t, KindFigure, []ruleCase{
		{"less than a week for six days", "Vladeck called the ruling the court's second major expansion of protections for religion in less than a week.", p, true},
		{"more than a week for six days", "Vladeck called the ruling the court's second major expansion of protections for religion in more than a week.", p, false},
		{"more than a year for 14 months", "The strike lasted more than a year.", "The strike lasted 14 months.", true},
		{"more than a year for 10 months", "The strike lasted more than a year.", "The strike lasted 10 months.", false},
		{"over ten years for more than a decade", "It was the first time in over ten years.", "It was the first time in more than a decade.", true},
	})
}

// TestUpwardsOfBoundsAFigure covers "upward(s) of" before a figure: a
// bound like "more than", checked as one, and no direction with an
// opposite ("shut it down").
func TestUpwardsOfBoundsAFigure(t *testing.T) {
	p := "The Ardel park was days into its busy season when floods shut it down, forcing more than 10,000 visitors to evacuate."
	runCases(t, KindFigure, []ruleCase{
		{"upward of for more than", "Floods shut the Ardel park days into its busy season, forcing upward of ten thousand visitors to evacuate.", p, true},
		{"upwards of for more than", "Floods shut the Ardel park days into its busy season, forcing upwards of 10,000 visitors to evacuate.", p, true},
		{"another figure", "Floods shut the Ardel park days into its busy season, forcing upwards of 20,000 visitors to evacuate.", p, false},
		{"bounded the other way", "Floods shut the Ardel park days into its busy season, forcing upwards of 10,000 visitors to evacuate.",
			"The Ardel park was days into its busy season when floods shut it down, forcing fewer than 10,000 visitors to evacuate.", false},
	})
}
