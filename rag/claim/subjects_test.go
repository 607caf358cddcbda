package claim

import "testing"

// TestSubjectWithModifier covers a subject whose head noun has a phrase
// joined to it by a preposition: the verb's doer is the head with its
// modifier, not the name inside the modifier, so a passive turned active
// keeps its roles.
func TestSubjectWithModifier(t *testing.T) {
	runCases(t, KindRole, []ruleCase{
		{"a noun before a preposition and a name",
			"Judges at the Harlow Music Festival named Lind the winner on Sunday.",
			"Lind was named the winner by judges at the Harlow Music Festival on Sunday, after a vote that ran late into the night.", true},
		{"a board of an organisation",
			"The board of the Dunmore Water Authority recently approved a plan that ends a long-standing ban on night fishing.",
			"The plan approved recently by the board of the Dunmore Water Authority ends a long-standing ban on night fishing. It takes effect in May.", true},
	})
}

// TestSubjectNamesInModifier covers two subjects with one head and other
// names in their modifiers ("officials from Kestrel Hall" against
// "officials from the Harlow Museum"): the shared head does not make them
// one doer, and checkSubjects finds the names turned round.
func TestSubjectNamesInModifier(t *testing.T) {
	ev := newEvidence([]Source{{Text: "Officials from the Harlow Museum collected the paintings, which had hung at Kestrel Hall since 1990."}})
	c := readSentence("Officials from Kestrel Hall collected the paintings that had hung at the Harlow Museum since 1990.", ev)
	if r, found := checkSubjects(c, ev); !found || r.Kind != KindRole {
		t.Errorf("checkSubjects: got %v %+v, want a role contradiction", found, r)
	}
}

// TestAnotherNamedDoer covers the same act done to the same one by
// another party the passage names: the sentence gives the act to the
// wrong name.
func TestAnotherNamedDoer(t *testing.T) {
	passage := "Mayor Okafor has endorsed councillor Dana Reyes, who will have a hard time unseating Lund -- and several other council members, including Ibsen from Northside, are campaigning for Lund."
	runCases(t, KindRole, []ruleCase{
		{"another name's act", "Lund has endorsed councillor Dana Reyes.", passage, false},
		{"the doer's own act", "Okafor has endorsed councillor Dana Reyes.", passage, true},
		{"the doer by title and surname", "Mayor Okafor endorsed Reyes.", passage, true},
	})
}
