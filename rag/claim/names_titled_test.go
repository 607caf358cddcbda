package claim

import "testing"

// TestTitleOfAnotherOrganisation: a person given the title of another
// organisation than the passage gives is dropped however the title is
// written: before the name ("Frontier CEO Ted Christie", with the
// organisation opening the passage's sentence, "Spirit CEO Ted
// Christie"), in an apposition after it ("Ted Christie, Frontier's CEO",
// "Ted Christie, the CEO of Frontier") or in one before it ("Spirit's chief
// executive, Barry Biffle"); the right organisation, written any of these
// ways, is kept.
func TestTitleOfAnotherOrganisation(t *testing.T) {
	p := "Spirit CEO Ted Christie said the merger with JetBlue would go ahead, while Frontier's chief executive, Barry Biffle, declined to comment."
	checkPairs(t, []pairCase{
		{"before the name", "Frontier CEO Ted Christie said the merger with JetBlue would go ahead.", p, false, KindEntity},
		{"a possessive after", "Ted Christie, Frontier's CEO, said the merger with JetBlue would go ahead.", p, false, KindEntity},
		{"of after", "Ted Christie, the CEO of Frontier, said the merger with JetBlue would go ahead.", p, false, KindEntity},
		{"a possessive before", "Spirit's chief executive, Barry Biffle, declined to comment.", p, false, KindEntity},
		{"the right one after", "Ted Christie, Spirit's CEO, said the merger with JetBlue would go ahead.", p, true, ""},
		{"the right one with of", "Ted Christie, the chief executive of Spirit, said the merger with JetBlue would go ahead.", p, true, ""},
		{"the right one before the name", "Frontier chief executive Barry Biffle declined to comment.", p, true, ""},
	})
}
