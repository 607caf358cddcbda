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
