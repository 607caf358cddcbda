package claim

import "testing"

// TestVagueTimeHoldsSpecific: "on the weekend" restates "on Saturday" and
// "in the spring" restates "in April"; the other way round the sentence
// says more than the passage, and another season or day is caught.
func TestVagueTimeHoldsSpecific(t *testing.T) {
	runCases(t, KindTime, []ruleCase{
		{"weekend for Saturday", "The rally was held on the weekend.", "The rally was held on Saturday in Tarrow.", true},
		{"Saturday for weekend", "The rally was held on Saturday.", "The rally was held on the weekend in Tarrow.", false},
		{"another day", "The rally was held on Tuesday.", "The rally was held on Saturday in Tarrow.", false},
		{"spring for April", "The report was published in the spring.", "The report was published in April by the agency.", true},
		{"autumn for April", "The report was published in the autumn.", "The report was published in April by the agency.", false},
		{"a month of the season, not the passage's", "The term begins on July 23 in the summer.", "The term will begin on June 23 this summer.", false},
	})
}

// TestPartOfAMonth: "late March" is the last third of the month, so a
// passage's "March 3" says otherwise; a day written before its month ("28
// March") is a date, as "March 28" is.
func TestPartOfAMonth(t *testing.T) {
	runCases(t, KindTime, []ruleCase{
		{"late against the 3rd", "The meeting was held in late March.", "The meeting was held on March 3 in Graz.", false},
		{"early and the 3rd", "The meeting was held in early March.", "The meeting was held on March 3 in Graz.", true},
		{"late and the 28th, day first", "The meeting was held in late March.", "The meeting was held on 28 March in Graz.", true},
		{"mid against the 28th", "The meeting was held in mid-March.", "The meeting was held on 28 March in Graz.", false},
		{"the month of a day written first", "The meeting was held in March.", "The meeting was held on 28 March in Graz.", true},
		{"another month", "The meeting was held in April.", "The meeting was held on 28 March in Graz.", false},
	})
}
