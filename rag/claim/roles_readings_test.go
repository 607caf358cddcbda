package claim

import "testing"

// TestPronounObjectTurnedRound covers a passage whose verb has a name
// before it and a pronoun after it ("Ortiz told him"): a sentence that has
// the verb done to that name turns the roles round; one that names the
// pronoun's person as the other party keeps them.
func TestPronounObjectTurnedRound(t *testing.T) {
	passage := "Foreman Hale asked about the depot on Friday. Mayor Ortiz told him that the budget for the depot would be cut by a third."
	runCases(t, KindRole, []ruleCase{
		{"the name told made the teller",
			"Foreman Hale told Mayor Ortiz that the budget for the depot would be cut by a third.", passage, false},
		{"the pronoun's person named, roles kept",
			"Mayor Ortiz told Foreman Hale that the budget for the depot would be cut by a third.", passage, true},
	})
}

// TestRolesThroughHypernym covers a sentence verb that the passage has
// only one WordNet hypernym step away ("beat", a kind of "defeat"): the
// roles are compared with that verb's, so the loser made the winner is
// caught and the winner kept is not.
func TestRolesThroughHypernym(t *testing.T) {
	passage := "Having led for most of the season, Harwick Rovers were defeated 2-1 by Delford City in the county cup final at Marsh Park."
	runCases(t, KindRole, []ruleCase{
		{"a kind of defeat, roles turned round",
			"Harwick Rovers beat Delford City 2-1 in the county cup final at Marsh Park.", passage, false},
		{"a kind of defeat, roles kept",
			"Delford City beat Harwick Rovers 2-1 in the county cup final at Marsh Park.", passage, true},
	})
}

// TestNominalDoer covers the doer of an act moved between a verb and its
// noun (proposed/proposal): "proposed by A" against "B's proposal", and
// "A's proposal" against "proposed by B"; the same doer either way is kept.
func TestNominalDoer(t *testing.T) {
	nounPassage := "Councillor Hart's proposal to close the Elm Street library, which Mayor Ortiz wants debated next week, drew protests on Monday."
	verbPassage := "Closing the Elm Street library was proposed by Councillor Hart on Monday, and Mayor Ortiz said it would be debated next week."
	runCases(t, KindRole, []ruleCase{
		{"a passive's doer against the noun's possessor",
			"The plan to close the Elm Street library, proposed by Mayor Ortiz, drew protests on Monday.", nounPassage, false},
		{"a passive's doer, the possessor kept",
			"The plan to close the Elm Street library, proposed by Councillor Hart, drew protests on Monday.", nounPassage, true},
		{"the noun's possessor against a passive's doer",
			"Mayor Ortiz's proposal to close the Elm Street library came on Monday.", verbPassage, false},
		{"the noun's possessor, the doer kept",
			"Councillor Hart's proposal to close the Elm Street library came on Monday.", verbPassage, true},
	})
}
