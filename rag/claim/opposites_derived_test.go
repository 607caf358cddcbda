package claim

import "testing"

// TestRewordingsBelowOpposites covers faithful rewordings whose verbs
// WordNet files, a step or two up, under opposite verbs: they are kept.
// Verbs that are kinds of two opposites are not compared (see
// checkNeighbourOpposites), so "soared" against "plummeted" is left to
// the rules that see the words themselves.
func TestRewordingsBelowOpposites(t *testing.T) {
	passage := func(verb string) string { return "Copper prices " + verb + " on Monday after the talks, traders said." }
	runCases(t, KindAntonym, []ruleCase{
		{"two ways to fall", "Copper prices tumbled on Monday after the talks.", passage("dropped"), true},
		{"a kind of rising and rising", "Copper prices soared on Monday after the talks.", passage("rose"), true},
		{"two classes of verb are not compared", "Copper prices fell on Monday after the talks.", passage("declined"), true},
		{"a penalty imposed for a fine", "The regulator imposed a $2 million penalty on the bank for failing to report transfers.", "The regulator fined the bank $2 million for failing to report transfers.", true},
		{"rules tightened for rules strengthened", "The city tightened its rules on short-term rentals last year.", "The city strengthened its rules on short-term rentals last year.", true},
	})
}

// TestGerundSubjectIsNoNeighbourOpposite covers an -ing noun heading its
// clause ("as flooding spread"): it is not read as a verb, so it is not
// compared with the sentence's verbs as an opposite.
func TestGerundSubjectIsNoNeighbourOpposite(t *testing.T) {
	runCases(t, KindAntonym, []ruleCase{
		{"flooding as a noun", "Residents were told to leave as flooding spread through the valley.", "Residents were told to evacuate as flooding spread through the valley.", true},
	})
}

// TestOppositeInPlace covers an opposite with only function words near it,
// in the place of the passage's word: the same word before and after it.
func TestOppositeInPlace(t *testing.T) {
	passage := "The committee hoped that what it is doing now is beneficial for all of them, the chair said."
	runCases(t, KindAntonym, []ruleCase{
		{"opposite between the same words", "The committee hoped that what it is doing now is disadvantageous for all of them.", passage, false},
		{"the word itself", "The committee hoped that what it is doing now is beneficial for all of them.", passage, true},
	})
}

// TestDerivedOpposites covers a noun that names an act against the
// opposite of its verb, and the noun against its own verb.
func TestDerivedOpposites(t *testing.T) {
	runCases(t, KindAntonym, []ruleCase{
		{"approval against rejected", "Owners gave their approval to the sale on Monday.", "Owners rejected the sale on Monday, the league said.", false},
		{"approval against approved", "Owners gave their approval to the sale on Monday.", "Owners approved the sale on Monday, the league said.", true},
	})
}

// TestSynonymOpposites covers a word whose opposite is a synonym of the
// passage's word in its place.
func TestSynonymOpposites(t *testing.T) {
	runCases(t, KindAntonym, []ruleCase{
		{"loss where the passage says profit", "The brewer reported a loss in the second quarter.", "The brewer reported a profit in the second quarter, beating forecasts.", false},
		{"profit kept", "The brewer reported a profit in the second quarter.", "The brewer reported a profit in the second quarter, beating forecasts.", true},
	})
}

// TestNamePartIsNoOpposite covers a passage word inside a name that is
// spelt like a form of an opposite ("Los", a form of "lose", in "Los
// Angeles"): the sentence's "win" is not turned round.
func TestNamePartIsNoOpposite(t *testing.T) {
	runCases(t, KindAntonym, []ruleCase{
		{"a win against Los Angeles", "The Lakers secured a win over the Clippers on Sunday.", "The Lakers beat the Los Angeles Clippers on Sunday night, their third straight victory.", true},
		{"lost for won, beside the same name", "The Lakers lost against the Los Angeles Clippers on Sunday.", "The Lakers won against the Los Angeles Clippers on Sunday night.", false},
	})
}

// TestOppositesThroughClusters covers opposites WordNet gives only through
// a synonym, a noun one hypernym step away or an adjective cluster:
// "halting" against "continuing" (halt's synonym stop is continue's
// antonym) and "losses" against "victories" (loss is opposed to win, a kind
// of victory) in one place, and "ahead" against
// "behind" (similar to up and down, which are antonyms), also where the
// words right around them differ. Numbers are not compared so ("two"
// and "first" are a cardinal's and an ordinal's satellites), and a
// faithful sentence that keeps the word is kept.
func TestOppositesThroughClusters(t *testing.T) {
	runCases(t, KindAntonym, []ruleCase{
		{"an antonym of a synonym",
			"The county is halting repairs to the old bridge over the Tamber this spring.",
			"The county is continuing repairs to the old bridge over the Tamber this spring, its engineer said.", false},
		{"the same verb kept",
			"The county is continuing repairs to the old bridge over the Tamber this spring.",
			"The county is continuing repairs to the old bridge over the Tamber this spring, its engineer said.", true},
		{"cluster satellites turned round",
			"A survey of riders puts the Norbridge line in third place, ahead of the Eastvale and Harrow lines.",
			"A survey of riders puts the Norbridge line in a respectable third place, behind the Eastvale and Harrow lines.", false},
		{"cluster satellite kept",
			"A survey of riders puts the Norbridge line in third place, behind the Eastvale and Harrow lines.",
			"A survey of riders puts the Norbridge line in a respectable third place, behind the Eastvale and Harrow lines.", true},
		{"an antonym of a kind of the word, in one place",
			"Marta Quill retired as the club's career losses leader after twelve seasons.",
			"Marta Quill retired as the club's career victories leader after twelve seasons.", false},
		{"the same noun kept",
			"Marta Quill retired as the club's career victories leader after twelve seasons.",
			"Marta Quill retired as the club's career victories leader after twelve seasons.", true},
		{"people's nouns are not opposed through a kind",
			"The queen signed the order in the palace on Monday.",
			"The monarch signed the order in the palace on Monday.", true},
		{"numbers are no cluster opposites",
			"The two first-time candidates spoke at the old school hall on Monday.",
			"Both first-time candidates spoke at the old school hall on Monday.", true},
	})
}

// TestDerivedOppositeAgainstAVerb: a noun derived from a verb is opposed
// to the passage's word only where that word is a verb: "borrowers" is
// no opposite of the noun "loans", though to loan is borrow's opposite;
// "approval" still is one of "rejected".
func TestDerivedOppositeAgainstAVerb(t *testing.T) {
	runCases(t, KindAntonym, []ruleCase{
		{"noun against noun", "The program promised to wipe out what was left on borrowers' federal student loans after ten years of payments.", "As long as they made 10 years of payments on their federal student loans, the program promised to erase the remainder.", true},
		{"noun against verb", "The council gave its approval to the plan on Monday.", "The council rejected the plan on Monday.", false},
	})
}

// TestSlotAtSentenceEnd: a word that ends its sentence on both sides has
// the same word after it, though the passage goes on with another
// sentence: "China wanted a Labor defeat." against "China wanted a Labor
// win. One week out …" (defeat is opposed to victory, a kind of win).
func TestSlotAtSentenceEnd(t *testing.T) {
	p := "Accusations were being hurled that China wanted a Labor win. One week out from the vote, polls suggest it may happen."
	runCases(t, KindAntonym, []ruleCase{
		{"opposite at the end", "Accusations were being hurled that China wanted a Labor defeat.", p, false},
		{"same word at the end", "Accusations were being hurled that China wanted a Labor win.", p, true},
	})
	toks := tokenize("China wanted a Labor defeat. Polls differ.", 100)
	other := tokenize("China wanted a Labor win.", 100)
	if !sameSlot(toks, 4, other, 4) {
		t.Error("two words that end their sentences are not in one slot")
	}
}

// TestNeighbourOppositePastADerivedNoun: the sentence's verb matching a
// noun of the passage ("growth") does not keep it from being read against
// the passage's verb ("grew" against "shrank"); matching a verb does.
func TestNeighbourOppositePastADerivedNoun(t *testing.T) {
	p := "The US economy shrank again in the second quarter, the Bureau of Economic Analysis said Thursday. The decline marks two consecutive quarters of negative economic growth, the bureau said on Thursday."
	runCases(t, KindAntonym, []ruleCase{
		{"grew against shrank", "The US economy grew again in the second quarter, the Bureau of Economic Analysis said Thursday.", p, false},
		{"shrank kept", "The US economy contracted again in the second quarter, the Bureau of Economic Analysis said Thursday.", p, true},
	})
}
