package claim

import "testing"

// TestRelations covers a relation word turned round, and a passage that
// has the word both ways round about the same thing.
func TestRelations(t *testing.T) {
	both := "The board met in private before the hearing. No reason was given during the hearing, nor was one given after the hearing."
	runCases(t, KindAntonym, []ruleCase{
		{"turned round", "The board met in private after the hearing on Monday.", "The board met in private before the hearing on Monday.", false},
		{"said this way too", "No reason was given during the hearing, nor was one given after the hearing.", both, true},
		{"voted for, voted against", "The lawmakers voted against the measure on Tuesday.", "The lawmakers voted for the measure on Tuesday.", false},
		{"for and against after other words", "The lawmakers voted against the measure on Tuesday.", "Support for the measure grew, and the lawmakers voted against the measure on Tuesday.", true},
		{"a past written as its base", "The bank raised interest rates on Thursday.", "The bank cut interest rates on Thursday.", false},
		{"a past written as its base, kept", "The bank cut interest rates on Thursday.", "The bank cut interest rates on Thursday, its first move in a year.", true},
		{"negation past an aside, both sides", "We didn't, obviously, find a buyer on Friday.", "We didn't, obviously, find a buyer on Friday, the chairman said.", true},
	})
}
