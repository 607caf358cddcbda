package claim

import "testing"

// TestNegationReach covers a negation that reaches a verb past a negative
// subject or through the verb that takes it as an infinitive.
func TestNegationReach(t *testing.T) {
	meeting := "The hearing was open, but no one from the council or the public attended."
	rates := "The bank is all but certain to keep raising rates until prices settle."
	runCases(t, KindPolarity, []ruleCase{
		{"negative subject dropped", "Several members of the public attended the hearing.", meeting, false},
		{"negative subject kept", "No one from the council or the public attended the open hearing.", meeting, true},
		{"negative subject added", "No one from the public attended the hearing.", "Dozens of members of the public attended the hearing.", false},
		{"negated through an infinitive", "The bank is not expected to keep raising rates.", rates, false},
		{"plain infinitive", "The bank is expected to keep raising rates.", rates, true},
		{"negated on both sides", "The bank is not expected to keep raising rates.", "The bank will not keep raising rates, officials said.", true},
		{"the infinitive read where the clause stands", "The bank is not expected to keep raising rates.",
			"Sales are likely to keep falling. The bank is all but certain to keep raising rates until prices settle.", false},
		{"negation past an aside", "The club found a buyer on Friday.", "We didn't, obviously, find a buyer on Friday, the chairman said.", false},
		{"negation past an aside, kept", "The club did not find a buyer on Friday.", "We didn't, obviously, find a buyer on Friday, the chairman said.", true},
	})
}
