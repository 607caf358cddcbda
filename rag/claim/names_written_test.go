package claim

import "testing"

// TestNamesWrittenOtherWays holds names a faithful writer writes in
// another form than the passage (initials, WordNet's other names for an
// organisation, a nationality for its country), each beside a misstatement
// that names someone else, which must still be dropped. The sentences are
// made up for the test.
func TestNamesWrittenOtherWays(t *testing.T) {
	checkPairs(t, []pairCase{
		{"initials of the whole name", "OPIS said pump prices rose 10 cents overnight.", "Pump prices rose 10 cents overnight, according to the Oil Price Information Service.", true, ""},
		{"initials of another name", "OPEC said pump prices rose 10 cents overnight.", "Pump prices rose 10 cents overnight, according to the Oil Price Information Service.", false, KindEntity},
		{"full name for the short one", "In May, the Federal Reserve raised rates by half a point.", "The Federal Reserve meets next week. At its May meeting, the Fed raised rates by half a point.", true, ""},
		{"short name for the full one", "Brandt asked how far the Federal Reserve would go to curb inflation.", "Ola Brandt, an analyst, asked how far the Fed would go to curb inflation.", true, ""},
		{"another organisation's full name", "Brandt asked how far the Federal Trade Commission would go to curb inflation.", "Ola Brandt, an analyst, asked how far the Fed would go to curb inflation.", false, KindEntity},
		{"nationality for the country", "Turkish President Recep Erdoğan spoke to reporters on Monday.", "President Recep Erdoğan of Turkey spoke to reporters on Monday.", true, ""},
		{"country's possessive for the nationality", "Chinese President Xi Jinping congratulated Lena Ocampo.", "China's President Xi Jinping congratulated Lena Ocampo on her win.", true, ""},
		{"another nationality", "On Monday, Greek President Recep Erdoğan spoke to reporters.", "President Recep Erdoğan of Turkey spoke to reporters on Monday.", false, KindEntity},
		{"month after a determiner", "In May, the board raised its fees.", "The board meets again next week. At its May meeting, it raised its fees.", true, ""},
		{"month after a determiner, wrong month", "In June, the board raised its fees.", "The board meets again next week. At its May meeting, it raised its fees.", false, KindTime},
	})
}
