package claim

import "testing"

// TestTimeIsNoParty: a weekday, a month or "earlier" between a doer and its
// verb, or after the verb, is neither side of the relation, so a sentence
// that moves it round the verb ("a motion, filed earlier on Thursday"
// against "the department earlier Thursday filed a motion") exchanges no
// one; a real exchange of the sides is still caught.
func TestTimeIsNoParty(t *testing.T) {
	passage := "The statement came after the council earlier Thursday filed a motion to unseal the report."
	checkPairs(t, []pairCase{
		{"time moved round the verb", "The statement followed a council motion, filed earlier on Thursday, to unseal the report.", passage, true, ""},
		{"sides exchanged", "Politicians have spent years urging the council.", "The council has spent years urging politicians.", false, KindRole},
	})
}
