package claim

import "testing"

// TestPartyInTheObjectsOf covers a party named by the "of" of a verb's
// object ("violated the rights of a school district"): turned round with
// the verb's subject, the roles are turned round.
func TestPartyInTheObjectsOf(t *testing.T) {
	p := "The Supreme Court said Monday that a Washington state school district violated the First Amendment rights of a high school football coach when he lost his job."
	runCases(t, KindRole, []ruleCase{
		{"the subject and the object's of turned round",
			"The Supreme Court said Monday that a high school football coach violated the First Amendment rights of a Washington state school district.", p, false},
		{"as the passage has it",
			"The Supreme Court ruled on Monday that a Washington state school district violated the First Amendment rights of a high school football coach.", p, true},
	})
}
