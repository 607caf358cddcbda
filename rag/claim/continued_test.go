package claim

import "testing"

// TestContinuedAndSymmetric holds two readings: a passage sentence that
// opens with "That's" goes on about the sentence before it, so its figures
// are that sentence's (but not another time's), and a relation the passage
// writes with "with" after a pronoun has no sides to turn round. Each
// beside a misstatement it must still drop. The sentences are made up for
// the test.
func TestContinuedAndSymmetric(t *testing.T) {
	checkPairs(t, []pairCase{
		{"figure of a That's sentence", "Inflation would climb above 10% if oil hit $110, up from 7.5% now, according to Brix.", "Oil stands at about $100 a barrel, but if it hits $110, inflation would climb above 10%, according to Brix. That's up from the current 7.5%.", true, ""},
		{"figure of a That's sentence, changed", "Inflation would climb above 10% if oil hit $110, up from 6.5% now, according to Brix.", "Oil stands at about $100 a barrel, but if it hits $110, inflation would climb above 10%, according to Brix. That's up from the current 7.5%.", false, KindFigure},
		{"a That's sentence of another time", "Prices rose by 8.2% in June.", "Prices rose by 9.4% in June, the bureau said. That's higher than the reading before, when prices rose by 8.2% for the year ended in May.", false, KindFigure},
		{"met with, turned round", "Novak met the two envoys in Riga, where they pledged support.", "The two envoys travelled to Riga, where they met with Latvian Prime Minister Ansis Novak to pledge support.", true, ""},
		{"a pronoun's object as the doer", "Novak urged the two envoys to pledge support.", "The two envoys travelled to Riga, where they urged Latvian Prime Minister Ansis Novak to pledge support.", false, KindRole},
	})
}
