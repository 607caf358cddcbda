package claim

import "testing"

// TestVagueTimeHoldsSpecific: "on the weekend" restates "on Saturday" and
// "in the spring" restates "in April"; the other way round the sentence
// says more than the passage, and another season or day is caught.
func TestVagueTimeHoldsSpecific(t *testing.T) {
	for _, tc := range []struct {
		sentence, passage string
		ok                bool
	}{
		{"The rally was held on the weekend.", "The rally was held on Saturday in Tarrow.", true},
		{"The rally was held on Saturday.", "The rally was held on the weekend in Tarrow.", false},
		{"The rally was held on Tuesday.", "The rally was held on Saturday in Tarrow.", false},
		{"The report was published in the spring.", "The report was published in April by the agency.", true},
		{"The report was published in the autumn.", "The report was published in April by the agency.", false},
		{"The term begins on July 23 in the summer.", "The term will begin on June 23 this summer.", false},
	} {
		if r := Check(tc.sentence, Source{Text: tc.passage}); r.OK() != tc.ok {
			t.Errorf("%q against %q: %s (%s), want ok=%v", tc.sentence, tc.passage, r.Verdict, r.Reason, tc.ok)
		}
	}
}

// TestPartOfAMonth: "late March" is the last third of the month, so a
// passage's "March 3" says otherwise; a day written before its month ("28
// March") is a date, as "March 28" is.
func TestPartOfAMonth(t *testing.T) {
	for _, tc := range []struct {
		sentence, passage string
		ok                bool
	}{
		{"The meeting was held in late March.", "The meeting was held on March 3 in Graz.", false},
		{"The meeting was held in early March.", "The meeting was held on March 3 in Graz.", true},
		{"The meeting was held in late March.", "The meeting was held on 28 March in Graz.", true},
		{"The meeting was held in mid-March.", "The meeting was held on 28 March in Graz.", false},
		{"The meeting was held in March.", "The meeting was held on 28 March in Graz.", true},
		{"The meeting was held in April.", "The meeting was held on 28 March in Graz.", false},
	} {
		if r := Check(tc.sentence, Source{Text: tc.passage}); r.OK() != tc.ok {
			t.Errorf("%q against %q: %s (%s), want ok=%v", tc.sentence, tc.passage, r.Verdict, r.Reason, tc.ok)
		}
	}
}
