package claim

import "testing"

// TestStanceOpposites: "voted against" turns round "voted for" and "voted
// in favour of" on the same question, and "in support of" turns round "in
// opposition to", with a content word or an object pronoun after; the
// same stance written another way agrees, and a "for" that says how long
// is no stance.
func TestStanceOpposites(t *testing.T) {
	strike := "On Monday the Tarrow barristers voted overwhelmingly in favour of escalating the action with a full walkout."
	plan := "Hale voted for the harbour plan on Monday, and Ode spoke in opposition to the harbour plan."
	years := "Hale argued for years against the harbour plan."
	them := "“I never believed them. That's why I voted against them,” Hale said of the two Tarrow judges."
	checkPairs(t, []pairCase{
		{"against for in favour of", "The Tarrow barristers voted overwhelmingly on Monday against escalating the action to a full walkout.", strike, false, KindAntonym},
		{"for for in favour of", "The Tarrow barristers voted overwhelmingly on Monday for escalating the action to a full walkout.", strike, true, ""},
		{"against for for", "Hale voted against the harbour plan on Monday.", plan, false, KindAntonym},
		{"in favour of for for", "Hale voted in favour of the harbour plan on Monday.", plan, true, ""},
		{"in support of for in opposition to", "Ode spoke in support of the harbour plan.", plan, false, KindAntonym},
		{"for years", "Hale argued against the harbour plan for years.", years, true, ""},
		{"a pronoun after", "Hale said she never believed the two Tarrow judges, which is why she voted for them.", them, false, KindAntonym},
		{"a pronoun after kept", "Hale said she never believed the two Tarrow judges, which is why she voted against them.", them, true, ""},
	})
}

// TestStanceVerbOpposites: a verb or noun of support in the place of one
// of opposition, and the other way round, is an opposite (the generated
// table's verbs of stance, read from WordNet's definitions); a synonym
// agrees, and a sentence that names both as alternatives asserts neither.
func TestStanceVerbOpposites(t *testing.T) {
	vaccine := "On the radio, Hale said he would support making the Ode vaccine mandatory."
	aid := "Just last week the Tarrow council approved the harbour grant, and members have indicated broad support for more aid."
	asked := "Reporters asked whether Hale supported the harbour plan."
	checkPairs(t, []pairCase{
		{"oppose for support", "On the radio, Hale said he would oppose making the Ode vaccine mandatory.", vaccine, false, KindAntonym},
		{"endorse for support", "On the radio, Hale said he would endorse making the Ode vaccine mandatory.", vaccine, true, ""},
		{"opposition for support", "Members of the Tarrow council have indicated broad opposition to more aid.", aid, false, KindAntonym},
		{"support kept", "Members of the Tarrow council have indicated broad support for more aid.", aid, true, ""},
		{"opposed or supported", "Reporters asked whether Hale opposed or supported the harbour plan.", asked, true, ""},
	})
}

// TestGrowthVerbOpposites: a verb that furthers something in the place of
// one that hinders it is an opposite (the generated table's verbs of
// furthering and hindering, read from WordNet's definitions), and one of
// the same side agrees.
func TestGrowthVerbOpposites(t *testing.T) {
	lanes := "Critics have faulted Hale for hampering the expansion of bus lanes during his two terms."
	checkPairs(t, []pairCase{
		{"promoting for hampering", "Critics have faulted Hale for promoting the expansion of bus lanes during his two terms.", lanes, false, KindAntonym},
		{"obstructing for hampering", "Critics have faulted Hale for obstructing the expansion of bus lanes during his two terms.", lanes, true, ""},
	})
}

// TestAlternativesAssertNeither: a sentence that joins a word and its
// opposite by "or" names them as alternatives and states neither, so the
// passage's word is not contradicted; the opposite alone still is.
func TestAlternativesAssertNeither(t *testing.T) {
	final := "Reporters asked whether the Tarrow side won the final on Sunday."
	budget := "The committee will decide whether to approve the budget next week."
	checkPairs(t, []pairCase{
		{"won or lost", "Reporters asked whether the Tarrow side won or lost the final on Sunday.", final, true, ""},
		{"lost or won", "Reporters asked whether the Tarrow side lost or won the final on Sunday.", final, true, ""},
		{"approve or reject", "The committee will decide whether to approve or reject the budget next week.", budget, true, ""},
		{"lost alone", "Reporters asked whether the Tarrow side lost the final on Sunday.", final, false, KindAntonym},
		{"reject alone", "The committee will decide whether to reject the budget next week.", budget, false, KindAntonym},
	})
}

// TestCauseOpposites: "because of" turns round "despite" on the same act
// and the same thing, and the other forms of each side agree.
func TestCauseOpposites(t *testing.T) {
	ban := "The Tarrow council banned cars from the harbour road despite objections from shop owners."
	rain := "The Ode final was called off because of the rain, the organisers said."
	checkPairs(t, []pairCase{
		{"because of for despite", "The Tarrow council banned cars from the harbour road because of objections from shop owners.", ban, false, KindAntonym},
		{"in spite of for despite", "The Tarrow council banned cars from the harbour road in spite of objections from shop owners.", ban, true, ""},
		{"despite for because of", "The Ode final was called off despite the rain, the organisers said.", rain, false, KindAntonym},
		{"due to for because of", "The Ode final was called off due to the rain, the organisers said.", rain, true, ""},
	})
}
