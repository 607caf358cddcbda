package claim

import "testing"

// TestContestSides covers a contest told from either side: "lose … to"
// names the loser first, a verb of defeating the winner, and WordNet pairs
// "lose" with "win" only.
func TestContestSides(t *testing.T) {
	beat := "Halvorsen beat Marisol Quint 4-6, 6-3, 7-5 in the final on Saturday."
	lost := "Then in 2011 they lost 3-1 to Brazil in the quarter-final."
	runCases(t, KindAntonym, []ruleCase{
		{"the loser given as the one who lost", "Quint lost to Halvorsen in the final on Saturday.", beat, true},
		{"the winner given as the one who lost", "Halvorsen lost to Quint in the final on Saturday.", beat, false},
		{"the winner given as the one who lost, defeated", "Halvorsen lost to Quint in the final on Saturday.", "Halvorsen defeated Marisol Quint in the final on Saturday.", false},
		{"a troponym of defeat", "Halvorsen lost to Quint in the final on Saturday.", "Halvorsen trounced Marisol Quint in the final on Saturday.", false},
		{"a pronoun loser, the winner named", "In 2011 Brazil beat them 3-1 in the quarter-final.", lost, true},
		{"the loser named alone", "In 2011 Brazil lost 3-1 in the quarter-final.", "Then in 2011 Norway beat Brazil 3-1 in the quarter-final.", true},
		{"the passage's winner given as the loser", "In 2011 Norway lost 3-1 in the quarter-final.", "Then in 2011 Norway beat Brazil 3-1 in the quarter-final.", false},
		{"a passive keeps the roles", "Halvorsen was beaten by Quint in the final on Saturday.", "Quint beat Halvorsen in the final on Saturday.", true},
		{"a passive with no doer", "Quint was beaten in the final on Saturday.", beat, true},
	})
}

// TestDefeating covers which words read as verbs of defeating.
func TestDefeating(t *testing.T) {
	for _, w := range []string{"beat", "beaten", "defeated", "trounced", "routed", "outplayed"} {
		if !defeating(w) {
			t.Errorf("defeating(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"down", "won", "lost", "met"} {
		if defeating(w) {
			t.Errorf("defeating(%q) = true, want false", w)
		}
	}
}

// TestTransferFromBothSides covers a transfer told from either side by
// WordNet's opposed verbs of possession: "sold to" is "bought from" with
// the parties exchanged, and the same parties in the same places are an
// opposite.
func TestTransferFromBothSides(t *testing.T) {
	runCases(t, KindAntonym, []ruleCase{
		{"sold to for bought from", "Kessin sold the unit to Dorvel for $2 billion.", "Dorvel bought the unit from Kessin for $2 billion.", true},
		{"sold to, the buyer made the seller", "Dorvel sold the unit to Kessin for $2 billion.", "Dorvel bought the unit from Kessin for $2 billion.", false},
		{"an indirect object", "Dorvel sold Kessin the unit.", "Kessin bought the unit from Dorvel last year.", true},
		{"lent for borrowed from", "Okafor lent Varga $5,000.", "Varga borrowed $5,000 from Okafor.", true},
		{"lent, the parties kept", "Varga lent Okafor $5,000.", "Varga borrowed $5,000 from Okafor.", false},
		// Passives with no doer, of one thing, tell one transfer and name
		// neither side.
		{"bought for sold, no doer", "The winning tickets were bought at a Tarrow grocery, officials say.", "Officials say the winning tickets were sold at a Tarrow grocery.", true},
		{"bought for sold, a doer", "The winning tickets were bought by the Tarrow grocery, officials say.", "Officials say the winning tickets were sold by the Tarrow grocery.", false},
	})
}

// TestOppositesInTwoClauses covers a pair of opposite verbs in two clauses,
// told in the other order: the word after each verb says which of the
// passage's pair it is.
func TestOppositesInTwoClauses(t *testing.T) {
	passage := "The krona fell against the euro but rose against the dollar."
	runCases(t, KindAntonym, []ruleCase{
		{"the clauses reordered", "The krona rose against the dollar but fell against the euro.", passage, true},
		{"the objects exchanged", "The krona fell against the dollar but rose against the euro.", passage, false},
		{"sets reordered", "Okafor won the first set and lost the second.", "Okafor lost the second set after winning the first.", true},
		{"sets exchanged", "Okafor lost the first set and won the second.", "Okafor lost the second set after winning the first.", false},
	})
}

// TestLostToTheSubject covers "lose … to X" in the passage against "X won"
// in the sentence, with a second "to" further on.
func TestLostToTheSubject(t *testing.T) {
	passage := "The Kestrels have been here before. They lost their first-round opener to Dorvel and the first two games to the Varlets in the final."
	runCases(t, KindAntonym, []ruleCase{
		{"the winner of the second", "The Varlets won the first two games of the final.", passage, true},
		{"the loser made the winner", "The Kestrels won the first two games of the final.", passage, false},
	})
}
