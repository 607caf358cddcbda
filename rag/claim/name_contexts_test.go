package claim

import "testing"

// TestNameContexts covers two names swapped between the words they hang
// on, and a list reordered or a sentence reworded around the names.
func TestNameContexts(t *testing.T) {
	passage := "The herds that reach northern Kestria then begin the long walk back to Dorvan at the end of the dry season."
	runCases(t, KindRole, []ruleCase{
		{"names swapped between their words", "The herds that reach northern Dorvan then begin the long walk back to Kestria at the end of the dry season.", passage, false},
		{"names kept", "At the end of the dry season, the herds that reach northern Kestria begin the long walk back to Dorvan.", passage, true},
		{"a subject and a possessor swapped", "Khalid Rahim has denied involvement in Omar Saleh's arrest.",
			"Omar Saleh has denied involvement in Khalid Rahim's arrest, his office said.", false},
		{"a subject kept in the passive", "Omar Saleh's arrest was carried out by police, and Khalid Rahim has denied involvement.",
			"Khalid Rahim has denied involvement in Omar Saleh's arrest, which police carried out.", true},
		{"a list reordered", "Storms hit Salem, Harlow and Dunmore on Tuesday.", "Storms hit Dunmore, Harlow and Salem on Tuesday night.", true},
	})
}

// TestAbsoluteClauseContext: a name after "with" that is the subject of
// a participle ("with Ashby Hall being her official home") hangs on the
// participle, so two names swapped between the main clause and the
// absolute clause are caught, and the passage's order is kept.
func TestAbsoluteClauseContext(t *testing.T) {
	passage := "In March this year, the Queen made the historic house, built by Lord Ashby in the 17th century, her permanent home. In the past, she tended to use Kelby House only as a weekend home and her residence during Easter, with Ashby Hall being her official home."
	checkPairs(t, []pairCase{
		{"the passage's order", "She once used Kelby House only as a weekend home, with Ashby Hall being her official home.", passage, true, ""},
		{"the two homes swapped", "She once used Ashby Hall only as a weekend home, with Kelby House being her official home.", passage, false, KindRole},
	})
}
