package claim

import "testing"

// TestContestNouns: a result named by a noun ("a win over", "a defeat
// of", "a loss to", "a defeat by") has a winner and a loser, held against
// the passage's verb of defeating: the sides kept are kept, the sides
// turned round are dropped, whichever noun says it.
func TestContestNouns(t *testing.T) {
	derby := "Rangers beat Celtic 2-1 at Ibrox on Sunday, with Kent scoring the winner in the 88th minute."
	checkPairs(t, []pairCase{
		{"a win kept", "Rangers' 2-1 win over Celtic came at Ibrox on Sunday.", derby, true, ""},
		{"a win turned round", "Celtic's 2-1 win over Rangers came at Ibrox on Sunday.", derby, false, KindRole},
		{"a defeat by kept", "Celtic's 2-1 defeat by Rangers came at Ibrox on Sunday.", derby, true, ""},
		{"a defeat by turned round", "Rangers' 2-1 defeat by Celtic came at Ibrox on Sunday.", derby, false, KindRole},
		{"a defeat of kept", "Rangers' defeat of Celtic came at Ibrox on Sunday.", derby, true, ""},
		{"a defeat of turned round", "Celtic's defeat of Rangers came at Ibrox on Sunday.", derby, false, KindRole},
		{"a loss to kept", "Celtic's loss to Rangers came at Ibrox on Sunday.", derby, true, ""},
		{"a loss to turned round", "Rangers' loss to Celtic came at Ibrox on Sunday.", derby, false, KindRole},
	})
}
