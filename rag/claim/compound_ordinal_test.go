package claim

import "testing"

// TestCompoundOpenerAndOrdinalName: a word that opens a hyphenated
// compound ("the go-ahead run") is no verb, so "came home with the go-ahead
// run" is not "go" turned round, while "short-term" still opposes
// "long-term"; the participle in a compound ("a back-heeled goal") has no
// subject to compare; and an ordinal in a name ("the Fourteenth Amendment") is a
// figure, so the digits agree with it and another ordinal does not.
func TestCompoundOpenerAndOrdinalName(t *testing.T) {
	run := "Ode threw wildly to the plate, and Hale scored the go-ahead run in the sixth."
	loan := "The council agreed a long-term loan for the Tarrow harbour on Monday."
	goal := "Bronze's header and then a stunning back-heeled goal from substitute Ode sent the fans into raptures."
	ruling := "The court said the law breached the 14th Amendment, which guarantees equal protection."
	checkPairs(t, []pairCase{
		{"a verb against a compound's opener", "Hale came home with the go-ahead run in the sixth after Ode threw wildly to the plate.", run, true, ""},
		{"one compound against another", "The council agreed a short-term loan for the Tarrow harbour on Monday.", loan, false, KindAntonym},
		{"the compound kept", "The council agreed a long-term loan for the Tarrow harbour on Monday.", loan, true, ""},
		{"a compound's participle", "A header from Bronze, then a spectacular back-heeled goal by substitute Ode, had the fans in raptures.", goal, true, ""},
		{"an ordinal in words", "The court said the law breached the Fourteenth Amendment, which guarantees equal protection.", ruling, true, ""},
		{"another ordinal", "The court said the law breached the Fifth Amendment, which guarantees equal protection.", ruling, false, KindFigure},
	})
}
