package claim

import "testing"

// TestMonthAbbreviationIsNoName: "Jan. 31" is a date; "Jan" beside a
// figure names no one, so it is no party of "said" and the roles of the
// speaker and what is said are not turned round.
func TestMonthAbbreviationIsNoName(t *testing.T) {
	p := "\"The lunar eclipse on Jan. 31 will be visible during moonset,\" said Noah Petro, a research scientist at NASA."
	runCases(t, KindRole, []ruleCase{
		{"reported speech", "Noah Petro, a NASA research scientist, said the lunar eclipse on Jan. 31 will be visible during moonset.", p, true},
	})
}
