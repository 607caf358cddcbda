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
