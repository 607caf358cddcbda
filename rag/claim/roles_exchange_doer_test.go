package claim

import "testing"

// TestDoerExchangedThoughTheObjectAgrees: the same thing done ("a
// question", "two years of text messages") does not clear a verb whose
// doer the sentence exchanged with the one after it ("a witness asking a
// question of the lawyer" for "the lawyer asking a question of a
// witness"); the same doer, with the object reworded, still keeps it.
func TestDoerExchangedThoughTheObjectAgrees(t *testing.T) {
	clip := "Ana Ruiz posted to her account on April 25 a clip of the defence lawyer asking a question of a witness and then objecting to the answer."
	texts := "His legal team had apparently handed over two years of his text messages to the plaintiffs' attorney."
	checkPairs(t, []pairCase{
		{"the doer kept", "On April 25, Ana Ruiz posted a clip of the defence lawyer asking a witness a question and then objecting to the answer.", clip, true, ""},
		{"the doer exchanged", "On April 25, Ana Ruiz posted a clip of a witness asking a question of the defence lawyer and then objecting to the answer.", clip, false, KindRole},
		{"the sender kept", "His legal team had apparently handed over two years of his texts to the plaintiffs' attorney.", texts, true, ""},
		{"the sender exchanged", "The plaintiffs' attorney had apparently handed over two years of text messages to his legal team.", texts, false, KindRole},
	})
}
