package claim

import "testing"

// TestTitles covers a title before a name given to another person, and
// the titles news writes in more than one way.
func TestTitles(t *testing.T) {
	passage := "Members chose Transport Secretary Ada Lowe and Health Minister Ben Quarry as the final two candidates to succeed Prime Minister Cal Moss."
	runCases(t, KindRole, []ruleCase{
		{"titles exchanged", "Members chose Transport Secretary Ben Quarry and Health Minister Ada Lowe as the final two.", passage, false},
		{"titles kept", "Members picked Health Minister Ben Quarry and Transport Secretary Ada Lowe as the final two.", passage, true},
		{"one title of two words", "Members chose Secretary Ada Lowe and Minister Ben Quarry as the final two.", passage, true},
		{"a title the passage gives no one else", "The candidates will succeed President Cal Moss.",
			"The candidates will succeed former President Cal Moss, who met President Ira Dunn on Monday.", true},
	})
}

// TestAppositions covers the descriptions set off after two names
// exchanged, and a description kept or shortened.
func TestAppositions(t *testing.T) {
	passage := "Vance, the former chairman and CFO of the failed lender, was charged alongside Orr, the founder and former CEO, for allegedly misleading investors."
	runCases(t, KindRole, []ruleCase{
		{"descriptions exchanged", "Orr, the former chairman and CFO, was charged alongside Vance, the founder and former CEO.", passage, false},
		{"descriptions kept", "Orr, the founder and former CEO, was charged alongside Vance, the former chairman and CFO.", passage, true},
		{"a description shortened", "Vance, the former chairman, was charged with misleading investors.", passage, true},
	})
}
