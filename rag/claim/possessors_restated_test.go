package claim

import "testing"

// TestPossessorOfRestatedClause covers the owners of a thing swapped where
// the passage also names the thing, without an owner, in another sentence.
func TestPossessorOfRestatedClause(t *testing.T) {
	passage := "Norway's bid to host the games needs a vote in parliament, but given the support of the ruling party, that vote is expected to pass. In Denmark, the bid was debated in parliament on Monday and there is broad support for hosting the games, but the cabinet does not need parliamentary consent."
	runCases(t, KindRole, []ruleCase{
		{"owners swapped", "Denmark's bid to host the games needs a vote in parliament, but in Norway the cabinet does not need parliamentary consent.", passage, false},
		{"owners kept", "Norway's bid to host the games needs a vote in parliament, but in Denmark the cabinet does not need parliamentary consent.", passage, true},
	})
}
