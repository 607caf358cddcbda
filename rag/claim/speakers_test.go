package claim

import "testing"

// TestSpeakerSwap: words given to the one they were said about, or to
// whom they were said, are caught; the speaker named with what describes
// them ("BBC pundit Ian Wright", "Griner's agent Lindsay Colas") keeps
// the sentence.
func TestSpeakerSwap(t *testing.T) {
	release := "In a Wednesday press release, Harbor Air said it remains \"bound by the terms of the merger agreement with Skyline.\""
	meeting := "Party leaders called Ortiz in for a meeting in March, where Lindgren told the freshman lawmaker that he had lost confidence in him."
	pundit := "Watching from the gantry, BBC pundit Ian Wright said he felt “as proud as I’ve ever felt of any England side”."
	agent := "“We are in close contact with her and her family,” Griner’s agent Lindsay Colas said."
	checkPairs(t, []pairCase{
		{"the speaker", "Harbor Air said it remains bound by the merger agreement with Skyline.", release, true, ""},
		{"the other party made the speaker", "Skyline said it remains bound by the merger agreement with Harbor Air.", release, false, KindRole},
		{"the one told made the teller", "In March, Ortiz told Lindgren that he had lost confidence in him.", meeting, false, KindRole},
		{"a speaker with a description", "Ian Wright, a BBC pundit, said he was as proud as he had ever been of an England side.", pundit, true, ""},
		{"a speaker with an owner", "Colas said they were in close contact with Griner and her family.", agent, true, ""},
	})
}
