package claim

import "testing"

// TestSharedSubjects covers subjects the clause leaves out or sets apart: a
// verb phrase joined by "and" or "but" with an auxiliary takes the subject
// of the sentence's first verb, a noun phrase in apposition names the
// subject with the phrase before it, and a name after "who" is a relative
// clause's subject, not its verb. The faithful controls keep the roles
// through the same constructions, and predicates joined without an
// auxiliary ("tired and disappointed") keep their own subject.
func TestSharedSubjects(t *testing.T) {
	tests := []struct {
		name, sentence, passage string
		ok                      bool
	}{
		{"coordinated verb phrase, roles turned round",
			"The Kessel farmers' union has urged the Marlow water board to move cattle to higher ground.",
			"The Marlow water board has warned that heavy rain around the old reservoir could flood the valley and has urged the Kessel farmers' union to move its cattle to higher ground.", false},
		{"coordinated verb phrase, roles kept",
			"The Marlow water board has urged the Kessel farmers' union to move cattle to higher ground.",
			"The Marlow water board has warned that heavy rain around the old reservoir could flood the valley and has urged the Kessel farmers' union to move its cattle to higher ground.", true},
		{"coordinated verb phrase, the other side made the doer",
			"The two armies have urged Red Cross officials to let engineers inspect the dam.",
			"Red Cross officials have warned that shelling near the dam could cause a flood downstream and have urged the two armies to let engineers inspect the dam.", false},
		{"coordinated verb phrase, doer kept",
			"Red Cross officials have urged the two armies to let engineers inspect the dam.",
			"Red Cross officials have warned that shelling near the dam could cause a flood downstream and have urged the two armies to let engineers inspect the dam.", true},
		{"coordinated passive, the loser made the winner",
			"Delford City beat Harwick Rovers 3-0 in the semi-final.",
			"After a long unbeaten run, Delford City had hoped to defend the county title it won last spring but was beaten 3-0 by Harwick Rovers in the semi-final.", false},
		{"coordinated passive, roles kept",
			"Delford City was beaten 3-0 by Harwick Rovers in the semi-final.",
			"After a long unbeaten run, Delford City had hoped to defend the county title it won last spring but was beaten 3-0 by Harwick Rovers in the semi-final.", true},
		{"apposition after the subject, roles turned round",
			"Mayor Ellis, the leader of the council, has criticized Senator Grant over the budget.",
			"Mayor Ellis is the leader of the council, who Senator Grant has criticized over the budget.", false},
		{"apposition after the subject, roles kept",
			"Senator Grant, the state's senior senator, has criticized Mayor Ellis over the budget.",
			"Mayor Ellis is the leader of the council, who Senator Grant has criticized over the budget.", true},
		{"predicates joined without an auxiliary keep their subject",
			"Coach Ramos said his players were tired and disappointed by the referee's decision.",
			"Coach Ramos said his players were tired and disappointed by the decision of the referee, Paul Hines.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Check(tt.sentence, Source{Text: tt.passage})
			if r.OK() != tt.ok {
				t.Errorf("Check(%q) = %+v, want ok=%v", tt.sentence, r, tt.ok)
			}
		})
	}
}

// TestSharedSubjectWithoutAuxiliary: a verb phrase joined by "and" (or
// "and then") with no auxiliary of its own, whose verb takes an object
// ("and signed the treaty"), shares the first verb's subject, so a doer
// the passage gives another is caught, in one passage or across two
// cited ones. Predicates joined before a preposition ("angry and
// disappointed by") stay as they were, and a government named by its
// capital is the country's ("Beijing … accused Abe" for "China accused
// Abe").
func TestSharedSubjectWithoutAuxiliary(t *testing.T) {
	runCases(t, KindRole, []ruleCase{
		{"the other one signed", "Hale met Ode on Friday and signed the treaty.", "Hale met Ode on Friday. Ode signed the treaty on Monday.", false},
		{"the other one signed, in a passive", "Hale met Ode on Friday and signed the treaty.", "Hale met Ode on Friday. The treaty was signed by Ode on Monday.", false},
		{"the same one signed", "Hale met Ode on Friday and signed the treaty.", "Hale met Ode on Friday and later signed the treaty.", true},
		{"predicates before a preposition", "The fans were angry and disappointed by the result.", "The fans were angry and disappointed by the result.", true},
		{"a capital for its country", "China accused Abe of challenging its sovereignty.", "Beijing summoned Japan's ambassador and accused Abe of openly challenging China's sovereignty.", true},
	})
	r := Check("Dorvel defeated Brant on Sunday, and then won the title.", Source{Text: "Dorvel defeated Brant on Sunday."}, Source{Text: "Kessin won the title on Monday."})
	if r.OK() || r.Kind != KindRole {
		t.Errorf("a title another team won, across two passages: %s (%s)", r.Verdict, r.Reason)
	}
	if r := Check("Dorvel defeated Brant on Sunday, and then won the title.", Source{Text: "Dorvel defeated Brant on Sunday."}, Source{Text: "Dorvel won the title on Monday."}); !r.OK() {
		t.Errorf("the same team: %s (%s)", r.Verdict, r.Reason)
	}
}
