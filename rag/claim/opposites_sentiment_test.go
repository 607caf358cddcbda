package claim

import "testing"

// TestSentimentOpposites covers a word put in the place of one people
// judge the other way, which WordNet does not link.
func TestSentimentOpposites(t *testing.T) {
	passage := "The mayor said residents were excited about the new bridge. Traders voiced fears that the closure would hurt sales."
	runCases(t, KindAntonym, []ruleCase{
		{"excited turned disappointed", "The mayor said residents were disappointed about the new bridge.", passage, false},
		{"fears turned hopes", "Traders voiced hopes that the closure would hurt sales.", passage, false},
		{"a negation on one side agrees", "The mayor said residents were not disappointed about the new bridge.", passage, true},
		{"the same feeling in other words", "The mayor said residents were thrilled about the new bridge.", passage, true},
		{"kept", "Traders voiced fears that the closure would hurt sales.", passage, true},
	})
	// A word that ends its clause, or the sentence, on both sides.
	runCases(t, KindAntonym, []ruleCase{
		{"before a comma", "Much to his delight, he was asked to draw circuits.", "“Much to his disgust,” he was asked to draw circuits, the BBC noted.", false},
		{"at the end", "Traders said the mood was cheerful.", "Traders said the mood was gloomy.", false},
		{"the same feeling at the end", "Traders said the mood was gloomy.", "Traders said the mood was gloomy.", true},
	})
	// Two words of opposite feeling in other places are not compared.
	other := "Fans were happy with the win, but the coach was angry about the referee."
	if r := Check("Fans were happy with the win, and the coach was angry about the referee.", Source{Text: other}); !r.OK() {
		t.Errorf("the same feelings in their places: %s (%s)", r.Verdict, r.Reason)
	}
}

// TestOppositeFeelingAfterTheSameCopula covers two words of opposite
// feeling each said of its subject by the same form of "be", with other
// words after them.
func TestOppositeFeelingAfterTheSameCopula(t *testing.T) {
	p := "Rose said people were friendly at the dealership, which took the car in on Tuesday."
	runCases(t, KindAntonym, []ruleCase{
		{"rude for friendly", "Rose said the staff at the dealership were rude when the car was taken in.", p, false},
		{"friendly kept", "Rose said the staff at the dealership were friendly when the car was taken in.", p, true},
	})
}

// TestSentimentFlipInClause: a verb of one feeling where the clause it
// comes from has a verb of the other in another place is an opposite; a
// sentence that keeps the passage's feeling in other words is kept, and so
// is one whose other verb carries the passage word's feeling.
func TestSentimentFlipInClause(t *testing.T) {
	passage := "The board of the Ode Film Academy has risked angering some of its members over plans to hand out eight awards before the broadcast."
	checkPairs(t, []pairCase{
		{"delighted for angering", "The Ode Film Academy's plan to hand out eight awards before the broadcast has delighted some of its members.", passage, false, KindAntonym},
		{"upset for angering", "The Ode Film Academy's plan to hand out eight awards before the broadcast has upset some of its members.", passage, true, ""},
		{"the passage's feeling elsewhere", "Tarrow will welcome Ode to the stadium, having defeated them 3-1 in the first leg.", "Tarrow host Ode at the stadium having beaten them 3-1 in the first leg.", true, ""},
	})
}
