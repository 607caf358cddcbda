package claim

import "testing"

// TestOpeningNameBeforeVerbAndName: a team or firm named by a common word
// ("Arsenal", "Rangers", "Celtic") that opens the passage's sentence, before
// a verb whose past is its base ("beat") and a name, is a name, so the
// roles swapped are dropped and kept as written; a plural common word the
// passages lack ("Authorities") is still no name a sentence adds.
func TestOpeningNameBeforeVerbAndName(t *testing.T) {
	derby := "Arsenal beat Chelsea 2-1 at the Emirates on Sunday, with Saka scoring late."
	old := "Rangers beat Celtic 2-1 at Ibrox on Sunday."
	told := "Officials told Reuters the port would reopen on Monday."
	checkPairs(t, []pairCase{
		{"as written", "Arsenal beat Chelsea 2-1 at the Emirates on Sunday.", derby, true, ""},
		{"in the passive", "Chelsea were beaten 2-1 by Arsenal at the Emirates on Sunday.", derby, true, ""},
		{"swapped", "Chelsea beat Arsenal 2-1 at the Emirates on Sunday.", derby, false, KindRole},
		{"a plural name as written", "Rangers beat Celtic 2-1 at Ibrox on Sunday.", old, true, ""},
		{"a plural name swapped", "Celtic beat Rangers 2-1 at Ibrox on Sunday.", old, false, KindRole},
		{"a plural name swapped in the passive", "Rangers were beaten 2-1 by Celtic at Ibrox on Sunday.", old, false, KindRole},
		{"a plural common word", "Authorities told Reuters the port would reopen on Monday.", told, true, ""},
	})
}
