package claim

import "testing"

// TestRolesThroughAKindOfVerb covers a clause whose verb matches no
// passage word but is the kind of one ("acquired" for "buy"): its parties
// are still read against that verb's.
func TestRolesThroughAKindOfVerb(t *testing.T) {
	passage := "Dorvel agreed to buy Kessin for $2 billion on Tuesday."
	runCases(t, KindRole, []ruleCase{
		{"the buyer kept", "Dorvel acquired Kessin for $2 billion.", passage, true},
		{"the buyer turned round", "Kessin acquired Dorvel for $2 billion.", passage, false},
		{"a passive, turned round", "Dorvel will be acquired by Kessin.", passage, false},
		{"a passive, kept", "Kessin will be acquired by Dorvel.", passage, true},
	})
}

// TestNounAgainstItsVerb covers a noun with its parties ("Varga's
// endorsement of Okafor") read against the verb it is derived from.
func TestNounAgainstItsVerb(t *testing.T) {
	passage := "Okafor endorsed Varga for governor on Sunday."
	runCases(t, KindRole, []ruleCase{
		{"the parties kept", "Okafor's endorsement of Varga came on Sunday.", passage, true},
		{"the parties turned round", "Varga's endorsement of Okafor came on Sunday.", passage, false},
		{"a passive in the passage", "Varga's endorsement of Okafor came on Sunday.", "Okafor was endorsed by Varga on Sunday.", true},
	})
}

// TestFigureIsNoParty covers a score or count beside a verb: it is not
// the verb's doer or the one it was done to.
func TestFigureIsNoParty(t *testing.T) {
	runCases(t, KindRole, []ruleCase{
		{"a score after the verb", "The court ruled 6-3 to overturn the decision.", "In a 6-3 ruling, the court overturned the decision.", true},
		{"the parties still read", "The decision overturned the court in a 6-3 ruling.", "In a 6-3 ruling, the court overturned the decision.", false},
	})
}

// TestSynonymOfOppositeAfterSameWord covers an opposite reached through a
// synonym ("halting", a synonym of "stop", the opposite of "continue")
// whose next word differs from the passage's but whose clause holds the
// same words.
func TestSynonymOfOppositeAfterSameWord(t *testing.T) {
	passage := "Officials in Varland said they are continuing to send food aid to the region, even as the fighting goes on."
	runCases(t, KindAntonym, []ruleCase{
		{"halting for continuing", "Officials in Varland said they are halting food aid to the region.", passage, false},
		{"sending for continuing to send", "Officials in Varland said they are sending food aid to the region.", passage, true},
	})
}
