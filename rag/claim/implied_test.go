package claim

import "testing"

// TestImpliedFigures holds figures a passage states without writing them
// as a count to check: a measure of "one" unit, and a number word after a
// determiner or possessive. Made-up passages.
func TestImpliedFigures(t *testing.T) {
	var (
		talks  = []Source{{Text: "The talks lasted for about one hour and ended without a deal."}}
		family = []Source{{Text: "She is survived by her four sons and the three dogs she rescued."}}
	)
	checkKept(t, []keptCase{
		{"one hour as minutes", "The talks lasted about 60 minutes.", talks, true},
		{"one hour as a word", "The talks lasted about an hour.", talks, true},
		{"one hour changed", "The talks lasted about 90 minutes.", talks, false},
		{"possessive count in digits", "She is survived by 4 sons.", family, true},
		{"definite count in digits", "She rescued 3 dogs.", family, true},
		{"possessive count changed", "She is survived by 5 sons.", family, false},
	})
}

// TestAdverbsAndClockTimes: an adverb in -ly says what its adjective says,
// and "a.m." is no figure. Made-up passages.
func TestAdverbsAndClockTimes(t *testing.T) {
	var (
		sales = []Source{{Text: "Sales rose globally last year, and Europe took more than 40% of them."}}
		shop  = []Source{{Text: "The bakery opens at 7 am every day, and a queue forms outside."}}
	)
	checkKept(t, []keptCase{
		{"adverb as its adjective's synonym", "Europe took more than 40% of worldwide sales last year.", sales, true},
		{"share changed", "Europe took more than 60% of worldwide sales last year.", sales, false},
		{"a.m. written with stops", "The bakery opens at 7 a.m. every day.", shop, true},
		{"clock time changed", "The bakery opens at 8 a.m. every day.", shop, false},
	})
	if got := adjectiveOfAdverb("happily"); got != "happy" {
		t.Errorf("adjectiveOfAdverb(happily) = %q, want happy", got)
	}
	if got := adjectiveOfAdverb("probably"); got != "probable" {
		t.Errorf("adjectiveOfAdverb(probably) = %q, want probable", got)
	}
	if got := adjectiveOfAdverb("family"); got != "" {
		t.Errorf("adjectiveOfAdverb(family) = %q, want none", got)
	}
}

// TestOneUnitCounted: "the past year" counts one year back from now, as
// "the last 12 months" does; the calendar's "last year" is another time.
func TestOneUnitCounted(t *testing.T) {
	rents := []Source{{Text: "Over the last 12 months, rents rose 9% in the city, the agency said."}}
	checkKept(t, []keptCase{
		{"past year for 12 months", "Rents in the city rose 9% over the past year.", rents, true},
		{"past week for 12 months", "Rents in the city rose 9% over the past week.", rents, false},
	})
}

// TestFirstInWords: an adjective WordNet gives for "first" before the same
// noun states the ordinal. Made-up passage.
func TestFirstInWords(t *testing.T) {
	race := []Source{{Text: "The inaugural marathon in the city drew 4,000 runners in 2019."}}
	checkKept(t, []keptCase{
		{"inaugural for first", "The first marathon in the city drew 4,000 runners in 2019.", race, true},
		{"second for inaugural", "The second marathon in the city drew 4,000 runners in 2019.", race, false},
		{"first of another noun", "The first runners in the city drew 4,000 fans in 2019.", race, false},
	})
}

// TestPassiveAfterPlace: a place or time phrase between a passive verb and
// its "by" is neither party. Made-up passage.
func TestPassiveAfterPlace(t *testing.T) {
	visit := []Source{{Text: "Okafor was welcomed at the Town Hall by Mayor Lina Brandt and her deputy."}}
	checkKept(t, []keptCase{
		{"active for the passive", "Mayor Lina Brandt welcomed Okafor at the Town Hall.", visit, true},
		{"passive kept", "Okafor was welcomed by Brandt at the Town Hall.", visit, true},
		{"turned round", "Okafor welcomed Mayor Lina Brandt at the Town Hall.", visit, false},
	})
}

// TestAttributiveName: a name between a determiner and a common noun only
// describes the noun, which the passage may name in other words. Made-up
// passage.
func TestAttributiveName(t *testing.T) {
	college := []Source{{Text: "Harlow College said on Monday it would drop tuition fees. The Midwest school has 4,000 students, Governor Ana Ruiz said."}}
	checkKept(t, []keptCase{
		{"name describing the noun", "The Midwest college will drop tuition fees.", college, true},
		{"name as the doer", "Governor Ana Ruiz will drop tuition fees.", college, false},
	})
}

// TestAcronymInsideRun: initials of a stretch of a run of capitalised words
// that goes on into a title and a name name the body. Made-up passage.
func TestAcronymInsideRun(t *testing.T) {
	agency := []Source{{Text: "On Friday, National Weather Service Director Ken Graham said the storm would weaken overnight."}}
	checkKept(t, []keptCase{
		{"initials of the body", "NWS Director Ken Graham said on Friday the storm would weaken overnight.", agency, true},
		{"initials of no body", "NHC Director Ken Graham said on Friday the storm would weaken overnight.", agency, false},
	})
}

// TestCausativeOpposites: verbs in -en made from opposite adjectives are
// opposites. Made-up passage.
func TestCausativeOpposites(t *testing.T) {
	rules := []Source{{Text: "On Monday the regulator softened its rules for small lenders."}}
	checkKept(t, []keptCase{
		{"same verb", "The regulator softened its rules for small lenders on Monday.", rules, true},
		{"opposite stem", "The regulator toughened its rules for small lenders on Monday.", rules, false},
	})
	for low, want := range map[string]string{"softened": "soft", "flattens": "flat", "toughening": "tough", "listen": "", "seen": ""} {
		if got := causativeAdjective(low); got != want {
			t.Errorf("causativeAdjective(%q) = %q, want %q", low, got, want)
		}
	}
}

// TestFreeCompoundsAndCurrencyWords: "-free" denies the word it is joined
// to, and "dollars" after a figure is part of the amount. Made-up passages.
func TestFreeCompoundsAndCurrencyWords(t *testing.T) {
	var (
		audit = []Source{{Text: "The auditors cleared every return filed with no errors by the end of May."}}
		grant = []Source{{Text: "Families with an annual income of $90,000 or less pay no fees, the school said."}}
	)
	checkKept(t, []keptCase{
		{"-free for no", "The auditors cleared every error-free return by the end of May.", audit, true},
		{"errors for no errors", "The auditors cleared every return filed with errors by the end of May.", audit, false},
		{"dollars after the figure", "Families earning 90,000 dollars a year or less pay no fees, the school said.", grant, true},
		{"dollar figure changed", "Families earning 80,000 dollars a year or less pay no fees, the school said.", grant, false},
	})
}

// TestAppositiveOf: "the city of X" is X, and the "of" is no context of
// X's. Made-up passage.
func TestAppositiveOf(t *testing.T) {
	trip := []Source{{Text: "The minister flew to Lviv, a large city in the west of Ukraine, on Sunday."}}
	checkKept(t, []keptCase{
		{"city of a name", "The minister flew to the Ukrainian city of Lviv on Sunday.", trip, true},
		{"places swapped", "The minister flew to Ukraine, a large city in the west of Lviv, on Sunday.", trip, false},
	})
}

// TestClosedRelativeClause: a relative clause closed by a comma before the
// verb's own subject is not that subject's. Made-up passage.
func TestClosedRelativeClause(t *testing.T) {
	launch := []Source{{Text: "The probe lifted off from the Kourou spaceport on Tuesday, according to Arianespace, which runs the site."}}
	checkKept(t, []keptCase{
		{"subject after the relative clause", "According to Arianespace, which runs the site, the probe lifted off from the Kourou spaceport on Tuesday.", launch, true},
		{"relative clause's noun as subject", "Arianespace, which runs the site, lifted the probe off from the Kourou spaceport on Tuesday.", launch, false},
	})
}

// TestObjectRelativeClause: in "the plan, which the council approved," the
// relative pronoun is the object; the council approved it. Made-up
// passage.
func TestObjectRelativeClause(t *testing.T) {
	plan := []Source{{Text: "The council approved the housing plan on Monday, and the mayor signed it on Friday."}}
	checkKept(t, []keptCase{
		{"object relative", "The housing plan, which the council approved on Monday, was signed by the mayor on Friday.", plan, true},
		{"doers swapped", "The housing plan, which the mayor approved on Monday, was signed by the council on Friday.", plan, false},
	})
}

// TestNamedClauseStandsAlone: a clause that relates two names through a
// verb is a clause of its own, drawn from its own passage, however few
// its content words. Made-up passages.
func TestNamedClauseStandsAlone(t *testing.T) {
	two := []Source{
		{Text: "Okafor met Brandt in Lagos on Monday to discuss the port deal."},
		{Text: "The port deal is worth $2 billion and will create 3,000 jobs, the ministry said."},
	}
	checkKept(t, []keptCase{
		{"two passages joined", "Okafor met Brandt in Lagos, discussing the port deal, which will create 3,000 jobs.", two, true},
		{"place changed", "Okafor met Brandt in Abuja, discussing the port deal, which will create 3,000 jobs.", two, false},
	})
	c := readSentence("Okafor met Brandt in Lagos, discussing the port deal, which will create 3,000 jobs.", newEvidence(two))
	if c.segment[4] == c.segment[5] { // "Lagos", "discussing"
		t.Errorf("the clause of the two names was merged into the next: %v", c.segment)
	}
}

// TestFrontedClause: the name after the comma that closes an opening
// subordinate clause is no party of that clause's verb. Made-up passages.
func TestFrontedClause(t *testing.T) {
	two := []Source{
		{Text: "On Monday the Senate passed the budget bill for the Navy."},
		{Text: "Governor Hale signed the budget bill on Friday."},
	}
	checkKept(t, []keptCase{
		{"fronted clause", "After the Senate passed the budget bill on Monday, Hale signed it on Friday.", two, true},
		{"doer swapped in the fronted clause", "After Hale passed the budget bill on Monday, the Senate signed it on Friday.", two, false},
	})
}

// TestPronounSentenceTies: a passage sentence that opens with a subject
// pronoun goes on about the sentence before, so its figures are tied to
// that sentence's times. Made-up passage.
func TestPronounSentenceTies(t *testing.T) {
	sale := []Source{{Text: "Friday's auction drew bidders from 40 countries. It raised $12 million for the museum.\n\nOn Saturday, a second sale raised $3 million."}}
	checkKept(t, []keptCase{
		{"figure of the pronoun's sentence", "Friday's auction raised $12 million for the museum.", sale, true},
		{"figure of another day", "Saturday's sale raised $12 million for the museum.", sale, false},
	})
}

// TestDemonstrativeSentenceTies: "This was …" goes on about the sentence
// before, as a pronoun does. Made-up passage.
func TestDemonstrativeSentenceTies(t *testing.T) {
	fossil := []Source{{Text: "The bones belong to Titanosaurus. This was an animal that weighed about 60 tons as an adult."}}
	checkKept(t, []keptCase{
		{"figure of the demonstrative's sentence", "An adult Titanosaurus weighed about sixty tons.", fossil, true},
		{"figure changed", "An adult Titanosaurus weighed about forty tons.", fossil, false},
	})
}

// TestSharesBeforeUnitsAndTrillions: a share or an amount before a unit of
// time counts no units ("12% year on year"), and "tn" glued to digits is a
// trillion. Made-up passages.
func TestSharesBeforeUnitsAndTrillions(t *testing.T) {
	var (
		revenue = []Source{{Text: "The company reported revenue of $4.2 billion, up 12% from a year earlier."}}
		roads   = []Source{{Text: "The government will spend 1.2 trillion dollars on roads, the minister said."}}
	)
	checkKept(t, []keptCase{
		{"year on year", "Revenue rose 12% year on year to $4.2bn.", revenue, true},
		{"share changed", "Revenue rose 15% year on year to $4.2bn.", revenue, false},
		{"tn glued", "The government will spend $1.2tn on roads, the minister said.", roads, true},
		{"tn changed", "The government will spend $2.1tn on roads, the minister said.", roads, false},
	})
}

// TestPassiveWithoutBy: a passive with "be" and no "by" names no doer, so
// the words around it are not turned round against an active voice; and
// "all night" is overnight. Made-up passages.
func TestPassiveWithoutBy(t *testing.T) {
	var (
		vote  = []Source{{Text: "Smith, 45, was elected leader of the party in 2019."}}
		ward  = []Source{{Text: "The hospital treated 15 patients for smoke inhalation."}}
		talks = []Source{{Text: "Negotiators reached an agreement early on Sunday after talks that lasted all night."}}
	)
	checkKept(t, []keptCase{
		{"active for a passive without by", "The party elected Smith, who is 45, as its leader in 2019.", vote, true},
		{"passive without by for an active", "Fifteen patients were treated at the hospital for inhaling smoke.", ward, true},
		{"overnight for all night", "After overnight talks, negotiators struck a deal early on Sunday.", talks, true},
		{"day changed", "After overnight talks, negotiators struck a deal early on Saturday.", talks, false},
	})
}

// TestRunsAndDegrees: "the 30th consecutive day" states 30 days, and a
// temperature's scale glued on ("104F") leaves the figure. Made-up
// passages.
func TestRunsAndDegrees(t *testing.T) {
	var (
		prices = []Source{{Text: "Gas prices fell for the 30th consecutive day on Monday."}}
		heat   = []Source{{Text: "Temperatures reached 104F in Dallas on Sunday."}}
	)
	checkKept(t, []keptCase{
		{"days in a row", "Gas prices have fallen for 30 days in a row.", prices, true},
		{"run changed", "Gas prices have fallen for 20 days in a row.", prices, false},
		{"degrees", "It was 104 degrees in Dallas on Sunday.", heat, true},
		{"degrees changed", "It was 114 degrees in Dallas on Sunday.", heat, false},
	})
}

// TestOpeningNounBeforeParticiple: a common noun opening a sentence before
// an -ing participle is no name. Made-up passage.
func TestOpeningNounBeforeParticiple(t *testing.T) {
	fire := []Source{{Text: "Helicopters fighting the blaze battled poor visibility on Tuesday, and crews on the ground cut a fire line."}}
	checkKept(t, []keptCase{
		{"noun before a participle", "Aircraft fighting the blaze struggled with poor visibility on Tuesday.", fire, true},
		{"day changed", "Aircraft fighting the blaze struggled with poor visibility on Monday.", fire, false},
	})
}

// TestReducedObjectRelative: "the stadium the council approved" has the
// council for the verb's subject, not a name before it. Made-up passages.
func TestReducedObjectRelative(t *testing.T) {
	two := []Source{
		{Text: "The city council approved the new stadium on Tuesday by a vote of 9 to 4."},
		{Text: "Mayor Lena Ortiz, who campaigned for the stadium, said construction would take three years."},
	}
	checkKept(t, []keptCase{
		{"reduced relative", "Mayor Lena Ortiz, who campaigned for the stadium the council approved on Tuesday, said construction would take three years.", two, true},
		{"doer swapped", "The council, which campaigned for the stadium Mayor Lena Ortiz approved on Tuesday, said construction would take three years.", two, false},
	})
}

// TestAppositiveAge: "John Doe, 21," gives his age, as "aged 21" does.
// Made-up passage.
func TestAppositiveAge(t *testing.T) {
	arrest := []Source{{Text: "Police said the driver, identified as Tom Reyes, 21, was arrested at the scene."}}
	checkKept(t, []keptCase{
		{"age in years", "The driver, a 21-year-old named by police as Tom Reyes, was arrested at the scene.", arrest, true},
		{"age changed", "The driver, a 31-year-old named by police as Tom Reyes, was arrested at the scene.", arrest, false},
	})
}

// TestLoseToConverse: "X lost to Y" states "Y beat X" from the other side,
// which is no opposite. Made-up passage.
func TestLoseToConverse(t *testing.T) {
	final := []Source{{Text: "Portugal defeated Norway 2-1 in the final on Sunday to win the cup."}}
	checkKept(t, []keptCase{
		{"lost to the winner", "Norway lost the final 2-1 to Portugal on Sunday.", final, true},
		{"lost to the loser", "Portugal lost the final 2-1 to Norway on Sunday.", final, false},
	})
}

// TestRelativeDozen: "the next dozen years" is twelve years from now.
// Made-up passage.
func TestRelativeDozen(t *testing.T) {
	deal := []Source{{Text: "The league will receive about $2 billion over the next dozen years, an official said."}}
	checkKept(t, []keptCase{
		{"dozen as 12", "The league is set to receive about $2 billion over the next 12 years.", deal, true},
		{"count changed", "The league is set to receive about $2 billion over the next 10 years.", deal, false},
	})
}
