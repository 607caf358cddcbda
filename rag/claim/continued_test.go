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

// TestWordInItsPlace holds two more readings: a WordNet synonym of the
// sentence's word between the same neighbours in the passage outweighs an
// opposite elsewhere, and a verb with no object may say what happened to
// its subject, as a passive does. Each beside a misstatement it must still
// drop. The sentences are made up for the test.
func TestWordInItsPlace(t *testing.T) {
	checkPairs(t, []pairCase{
		{"synonym in the word's place", "The mayor said she wants to end the strike and begin negotiations.", "The mayor said she wants to end the strike, and she has said she wants to start negotiations.", true, ""},
		{"opposite in the word's place", "The mayor said she wants to begin the strike.", "The mayor said she wants to end the strike, and she has said she wants to start negotiations.", false, KindAntonym},
		{"no object: what happened to it", "Vardia's housing market has changed sharply since the Talmont deal.", "Since the Talmont deal, the housing market in Vardia has been altered sharply.", true, ""},
		{"an object: the doer", "Vardia changed the Talmont deal.", "The Talmont deal changed Vardia's housing market.", false, KindRole},
	})
}

// TestPhrasesAroundNames holds readings of the phrase around a name: a
// participle set off by commas with "by" after it is a passive, and a name
// after a possessive determiner says which thing it is, not whose. Each beside a
// misstatement it must still drop. The sentences are made up for the test.
func TestPhrasesAroundNames(t *testing.T) {
	checkPairs(t, []pairCase{
		{"a set-off participle is passive", "The Harbor Plan, announced by Adeyemi on Monday, gives the port authority new cranes.", "Mayor Tunde Adeyemi on Monday announced the Harbor Plan, which gives the port authority new cranes.", true, ""},
		{"a set-off participle, doer turned round", "Adeyemi, announced by the Harbor Plan on Monday, gives the port authority new cranes.", "Mayor Tunde Adeyemi on Monday announced the Harbor Plan, which gives the port authority new cranes.", false, KindRole},
		{"a name after a possessive", "Officials insisted that Varnia's incursion into Dorvan was failing.", "Officials insisted that Varnia was failing in its Dorvan incursion.", true, ""},
		{"owners swapped", "Mr Varga's chief negotiator met Mr Ortiz.", "Mr Ortiz's chief negotiator met Mr Varga.", false, KindRole},
	})
}

// TestHalvedAndThough: "halved" states a factor of a half, as "cut in
// half" does, and a concessive "though" carries no claim of its own.
func TestHalvedAndThough(t *testing.T) {
	checkPairs(t, []pairCase{
		{"cut in half for halved", "Analysts said fares would jump 40% if routes were cut in half, though they called that unlikely.", "In the unlikely event that routes are halved, fares would jump 40%, analysts said.", true, ""},
		{"cut by a third for halved", "Analysts said fares would jump 40% if routes were cut by a third.", "In the unlikely event that routes are halved, fares would jump 40%, analysts said.", false, KindFigure},
	})
}

// TestNameInTheNextSentence: a name in a sentence that opens with
// "That's" and goes on about the one before is bound to that one, so a
// clause drawing on both is not read as said of the first's other name.
func TestNameInTheNextSentence(t *testing.T) {
	checkPairs(t, []pairCase{
		{"name in a That's sentence", "About 9,000 farms across the country, mostly in states like Ohio and Iowa, are selling corn for under $5.", "Nearly one in five farms is selling corn for under $5 a bushel, according to Agrinet, which surveys US farms. That's about 9,000 farms nationwide, mostly in states like Ohio and Iowa.", true, ""},
		{"name of no sentence", "About 9,000 farms across the country, mostly in states like Ohio and Kansas, are selling corn for under $5.", "Nearly one in five farms is selling corn for under $5 a bushel, according to Agrinet, which surveys US farms. That's about 9,000 farms nationwide, mostly in states like Ohio and Iowa.", false, KindEntity},
	})
}
