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
