package claim

import "testing"

// TestSplitPhrasalVerb covers a phrasal verb with its object pronoun between
// the verb and the particle ("turned it down"): it is read as the phrasal
// verb, a WordNet synonym of "declined", not as "turned".
func TestSplitPhrasalVerb(t *testing.T) {
	passage := "The league offered Lund the coaching job in May, but she declined because of family reasons."
	runCases(t, KindAntonym, []ruleCase{
		{"split phrasal verb for its synonym", "The league offered Lund the coaching job in May, but she turned it down because of family reasons.", passage, true},
		{"the phrasal verb written whole", "The league offered Lund the coaching job in May, but she turned down the offer because of family reasons.", passage, true},
	})
}

// TestBareInfinitiveOpposite covers a verb written as its base after an
// object, as a bare infinitive stands after "saw", "showed" or "let": an
// opposite one WordNet step away in the same slot drops the sentence.
func TestBareInfinitiveOpposite(t *testing.T) {
	passage := "Footage from the match showed hundreds of fans enter the stadium without tickets before kickoff."
	runCases(t, KindAntonym, []ruleCase{
		{"bare infinitive turned round", "Footage from the match showed hundreds of fans leave the stadium without tickets before kickoff.", passage, false},
		{"bare infinitive kept", "Footage from the match showed hundreds of fans enter the stadium without tickets before kickoff.", passage, true},
	})
}

// TestVerbForPhrasalVerb covers a verb that rewords a phrasal verb of the
// passage ("left" for "walked out"): an opposite of one of its WordNet
// neighbours elsewhere in the passage sentence ("stopping", against
// "start") is not what it turned round. Where the passage has no phrasal
// verb for it to reword, an opposite in its place still drops the sentence.
func TestVerbForPhrasalVerb(t *testing.T) {
	passage := "Supporters in the stands cheered when Captain Oduya walked out of the arena after stopping beside the memorial to lay a wreath."
	runCases(t, KindAntonym, []ruleCase{
		{"verb for the phrasal verb", "Supporters in the stands cheered as Captain Oduya left the arena after laying a wreath beside the memorial.", passage, true},
	})
	plain := "Supporters in the stands cheered when Captain Oduya stopped beside the memorial to lay a wreath."
	runCases(t, KindAntonym, []ruleCase{
		{"no phrasal verb to reword", "Supporters in the stands cheered when Captain Oduya started beside the memorial to lay a wreath.", plain, false},
	})
}
