package claim

import "testing"

// TestNegationScope covers the negations checkPolarity cannot read alone: a
// negated word the passage states through a related word, and a name the
// passage gives only as the object of a negated verb; and the rewordings
// that agree (an opposite, an exclusion).
func TestNegationScope(t *testing.T) {
	runCases(t, KindPolarity, []ruleCase{
		{"negated where the passage has a related verb",
			"The ruling did not bar Okafor from coaching in the league again.",
			"The ruling banned Okafor from coaching in the league again, the panel said.", false},
		{"negated related verb, passage negated too",
			"The ruling did not bar Okafor from coaching in the league again.",
			"The ruling did not ban Okafor from coaching in the league again, the panel said.", true},
		{"negation with an opposite agrees",
			"The ruling did not allow Okafor to coach in the league again.",
			"The ruling banned Okafor from coaching in the league again, the panel said.", true},
		{"name only under a negated verb",
			"The coastal states in the draft treaty include Norway.",
			"The draft treaty covers only the coastal states, which do not include Norway.", false},
		{"name the passage leaves out, stated as included",
			"The relief fund includes Portugal among its donors.",
			"The relief fund has eleven donors, a list that does not include Portugal.", false},
		{"name excluded on both sides",
			"The relief fund's donors are countries other than Portugal.",
			"The relief fund has eleven donors, a list that does not include Portugal.", true},
		{"a negated verb stated plainly through a synonym",
			"The inspectors' report did demonstrate a link between the two leaks.",
			"The inspectors' report did not establish a link between the two leaks, the court heard.", false},
		{"a negated verb negated through a synonym",
			"The inspectors' report did not demonstrate a link between the two leaks.",
			"The inspectors' report did not establish a link between the two leaks, the court heard.", true},
		{"a denied figure stated plainly",
			"The ministry said there was a second round of talks in Geneva.",
			"The ministry said there was no second round of talks in Geneva, citing the schedule.", false},
		{"a denied figure denied",
			"The ministry said there was no second round of talks in Geneva.",
			"The ministry said there was no second round of talks in Geneva, citing the schedule.", true},
		{"name negated on both sides",
			"The relief fund's list of donors does not include Portugal.",
			"The relief fund has eleven donors, a list that does not include Portugal.", true},
	})
}

// ruleCase is a sentence, the passage it cites, and whether it stands.
type ruleCase struct {
	name, sentence, passage string
	ok                      bool
}

// runCases checks each case, and that a dropped one is dropped for kind.
func runCases(t *testing.T, kind string, tests []ruleCase) {
	t.Helper()
	for _, tt := range tests {
		r := Check(tt.sentence, Source{Text: tt.passage})
		if r.OK() != tt.ok || !tt.ok && r.Kind != kind {
			t.Errorf("%s: %q\n  got %s (%s): %s; want ok=%v (%s)", tt.name, tt.sentence, r.Verdict, r.Kind, r.Reason, tt.ok, kind)
		}
	}
}

// TestUnlessIsIfNot covers "unless", which states a condition denied: a
// sentence with it restates a passage's "if … not", and is kept.
func TestUnlessIsIfNot(t *testing.T) {
	passage := "Residents of Fenwick will lose their water supply next month if the council does not repair the main pipe under Mill Road."
	runCases(t, KindPolarity, []ruleCase{
		{"unless for if not",
			"Residents of Fenwick will lose their water supply next month unless the council repairs the main pipe under Mill Road.", passage, true},
		{"if not kept",
			"Residents of Fenwick will lose their water supply next month if the council does not repair the main pipe under Mill Road.", passage, true},
	})
}

// TestNeitherNor covers "neither … nor" coordinating a subject: it denies
// the verb after the pair, not the nouns in it, and "Neither" opening the
// sentence is no name.
func TestNeitherNor(t *testing.T) {
	runCases(t, KindPolarity, []ruleCase{
		{"the verb denied, as a refusal in the passage", "Neither United nor Okafor's agent would reveal the fee on Friday.",
			"United and agents for Okafor declined to disclose the fee on Friday.", true},
		{"the verb denied, stated plainly in the passage", "Neither United nor Okafor's agent would reveal the fee on Friday.",
			"United and agents for Okafor disclosed the fee on Friday.", false},
	})
}

// TestNegatedElsewhereSynonymPlain covers a verb the passage negates in a
// sentence about someone else, and states plainly through a synonym in the
// sentence the clause restates: the sentence is kept, and a sentence that
// denies the synonym's statement is still dropped.
func TestNegatedElsewhereSynonymPlain(t *testing.T) {
	passage := "Norland's plan to join the union requires a vote in its assembly, which is expected to pass easily. In Vestmark the plan was debated on Monday, but the cabinet does not need the assembly's consent to go ahead."
	runCases(t, KindPolarity, []ruleCase{
		{"the synonym states it", "Norland's plan to join the union needs a vote in its assembly.", passage, true},
		{"denied where the passage states it", "Norland's plan to join the union does not require a vote in its assembly.", passage, false},
	})
}

// TestNegatedDisjunction covers a negation before "or": "not A, or even B"
// and "did not A or B" deny B too, so a sentence that denies B restates
// the passage, and one that states B plainly turns it round.
func TestNegatedDisjunction(t *testing.T) {
	apart := "Although it was not a record-breaking harvest, or even the largest crop in the valley this decade, the Halden orchard sold every apple it grew."
	within := "The Marlow council did not approve or fund the footbridge over the canal this spring."
	runCases(t, KindPolarity, []ruleCase{
		{"denied after a comma and or even", "The Halden orchard's harvest was not the largest crop in the valley this decade.", apart, true},
		{"stated plainly after a comma and or even", "The Halden orchard's harvest was the largest crop in the valley this decade.", apart, false},
		{"denied after or in one clause", "The Marlow council did not fund the footbridge over the canal this spring.", within, true},
		{"stated plainly after or in one clause", "The Marlow council funded the footbridge over the canal this spring.", within, false},
	})
}

// TestDeniedNames: a name the sentence denies a place to, which the
// passage gives plainly ("not just in Oklahoma but also in Maryland").
func TestDeniedNames(t *testing.T) {
	p := "This year there has been an unprecedented number of armyworms, not just in Oklahoma but also in Maryland, Kentucky, Tennessee and Texas."
	runCases(t, KindPolarity, []ruleCase{
		{"denied", "This year's unprecedented number of armyworms was seen in Oklahoma but not in Maryland or Texas.", p, false},
		{"kept", "This year's unprecedented number of armyworms was seen in Oklahoma and also in Maryland and Texas.", p, true},
		{"denied on both sides", "There were no armyworms in Ohio, not in Iowa.", "There were no armyworms in Ohio and not in Iowa this year.", true},
	})
}

// TestNameDeniedOutright: the passage denies the name itself ("but,
// significantly, not “Donald Trump”"); a sentence that gives it plainly
// is dropped, one that keeps the negation is not.
func TestNameDeniedOutright(t *testing.T) {
	p := "That term is \"MAGA Republicans,\" which Biden embroidered with \"extreme\" but, significantly, not \"Donald Trump.\""
	runCases(t, KindPolarity, []ruleCase{
		{"stated", "Biden embroidered the term MAGA Republicans with both extreme and Donald Trump.", p, false},
		{"kept denied", "Biden embroidered the term MAGA Republicans with extreme, but not Donald Trump.", p, true},
	})
}
