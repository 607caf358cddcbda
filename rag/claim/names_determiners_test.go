package claim

import "testing"

// TestCapitalisedDeterminer: a determiner written in capitals for stress
// ("a challenge EVERY single day") names no one, so a sentence that gives
// the challenge to its speaker is kept; another speaker is still dropped.
func TestCapitalisedDeterminer(t *testing.T) {
	quote := `"I love our game," Brady said. "There is a physical, mental and emotional challenge EVERY single day that has allowed me to maximize my highest potential. And I have tried my very best these past 22 years.`
	checkPairs(t, []pairCase{
		{"stress, not a name", "Brady said every single day brought a physical, mental and emotional challenge that let him reach his highest potential, and that he has given it his very best over the past 22 years.", quote, true, ""},
		{"another speaker", "Varga said every single day brought a physical, mental and emotional challenge that let him reach his highest potential.", quote, false, KindEntity},
	})
}
