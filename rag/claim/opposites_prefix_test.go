package claim

import "testing"

// TestPrefixOpposites covers an adjective turned round by a negative
// prefix, on either side, and the readings that agree.
func TestPrefixOpposites(t *testing.T) {
	runCases(t, KindAntonym, []ruleCase{
		{"prefix added", "Officials said the water was unsafe to drink.", "Officials said the water was safe to drink.", false},
		{"prefix dropped", "Officials said the water was safe to drink.", "Officials said the water was unsafe to drink.", false},
		{"negated on one side", "Officials said the water was not unsafe to drink.", "Officials said the water was safe to drink.", true},
		{"kept", "Officials said the water was unsafe to drink.", "Officials said on Monday that the water was unsafe to drink.", true},
		// "-able" adjectives made from a WordNet verb, which WordNet lists
		// only in part ("refundable" is not there).
		{"-able prefix dropped", "Ode booked a last-minute refundable room in Tarrow from the site.", "Ode booked a last-minute nonrefundable room in Tarrow from the site.", false},
		{"-able kept", "Ode booked a last-minute nonrefundable room in Tarrow from the site.", "Ode booked a last-minute nonrefundable room in Tarrow from the site on Monday.", true},
	})
}
