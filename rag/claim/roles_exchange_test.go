package claim

import "testing"

// TestPronounDoer covers a doer the passage cannot mean, because its verb's
// subject is a pronoun and the sentence's doer stands after that verb.
func TestPronounDoer(t *testing.T) {
	passage := "Halvorsen, 24, won the title on Sunday. She beat Mira Okafor 6-4, 6-3 in the final."
	runCases(t, KindRole, []ruleCase{
		{"doer from after the verb", "Mira Okafor beat Halvorsen 6-4, 6-3 in the final.", passage, false},
		{"passive with the doer from after the verb", "Halvorsen was beaten by Mira Okafor 6-4, 6-3 in the final.", passage, false},
		{"passive, roles kept", "Mira Okafor was beaten by Halvorsen 6-4, 6-3 in the final.", passage, true},
		{"passive without a doer", "Mira Okafor was beaten 6-4, 6-3 in the final.", passage, true},
		{"a noun after the verb", "Inspectors urged the council to act.", "He urged inspectors to act before the winter.", false},
		{"the noun in another clause", "The merged airline will fly under a new brand.",
			"They have yet to say what brand they will fly under or who would run the new airline.", true},
	})
}

// TestPronounDoerOfSaying covers a verb of saying with the one spoken to
// after it ("told him"), which has two sides as other verbs do, beside
// sentences that keep the passage's. The sentences are made up for the test.
func TestPronounDoerOfSaying(t *testing.T) {
	passage := "The panel heard from Ilse Brandt, the firm's auditor, who testified she told Okafor in March that the accounts did not balance."
	runCases(t, KindRole, []ruleCase{
		{"addressee made the speaker", "Brandt testified that Okafor told her in March that the accounts did not balance.", passage, false},
		{"addressee by name made the speaker", "Okafor told Brandt in March that the accounts did not balance.", passage, false},
		{"roles kept, pronoun", "Brandt testified that she told Okafor in March that the accounts did not balance.", passage, true},
		{"roles kept, name", "Brandt told Okafor in March that the accounts did not balance.", passage, true},
		{"told with the addressee in the passage's order", "Okafor told him the accounts did not balance, Brandt testified.",
			"Brandt testified that Okafor told him the accounts did not balance.", true},
	})
}

// TestReciprocalVerbs covers a reciprocal verb written without "with",
// whose sides may come in either order, beside verbs that have sides. The
// sentences are made up for the test.
func TestReciprocalVerbs(t *testing.T) {
	runCases(t, KindRole, []ruleCase{
		{"met, turned round", "Ortiz met Varga in Lisbon on Monday to discuss the border.", "Varga met Ortiz in Lisbon on Monday to discuss the border.", true},
		{"married, turned round", "Lena Halvorsen married Tomas Okafor in 2019.", "Tomas Okafor married Lena Halvorsen in 2019.", true},
		{"fought, turned round", "Dalmar fought Keswick for the title in June.", "Keswick fought Dalmar for the title in June.", true},
		{"defeated has sides", "Dalmar defeated Keswick for the title in June.", "Keswick defeated Dalmar for the title in June.", false},
		{"visited has sides", "Ortiz visited Varga in Lisbon on Monday.", "Varga visited Ortiz in Lisbon on Monday.", false},
	})
}

// TestExchanged covers the two sides of a verb exchanged with words the
// passage puts on the other side, and sentences that keep them.
func TestExchanged(t *testing.T) {
	passage := "The trust last week sent the Dalby Courier a notice of the meeting."
	runCases(t, KindRole, []ruleCase{
		{"sender and receiver exchanged", "The Dalby Courier last week sent the trust a notice of the meeting.", passage, false},
		{"kept", "Last week the trust sent the Dalby Courier a notice of the meeting.", passage, true},
		{"kept, passive", "A notice of the meeting was sent to the Dalby Courier by the trust last week.", passage, true},
		{"a verb with \"with\" has no sides", "The envoy met with the minister in the capital.", "The minister met with the envoy in the capital on Friday.", true},
		{"subjects exchanged around a gerund", "Ministers have spent years urging Calder Trust to act.",
			"Calder Trust has spent years urging ministers to act on river pollution.", false},
	})
}
