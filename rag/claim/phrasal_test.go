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
