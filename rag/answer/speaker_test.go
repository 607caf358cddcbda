package answer

import (
	"strings"
	"testing"
)

// TestSpeakerNamedByDescription: "what did X say" is answered by the
// sentence in which X speaks, though it calls X "the Dutch prime minister"
// and another sentence names X without quoting X.
func TestSpeakerNamedByDescription(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Dutch Prime Minister Anneke Vos and the Belgian premier sat beside Greta Lind at the harbour summit in Antwerp. "+
			"Reporters waited outside the hall while the leaders of the port cities talked for two hours. "+
			"The Dutch prime minister said in a post on X “Rotterdam is ready to share its dredging fleet” and that the ports would keep working together.",
	))
	q := "what did vos say about rotterdam"
	// A rare name weighs more than a word most passages hold: without the
	// speaker's credit, the sentence that quotes Vos covers too little of
	// the question to answer it.
	idf := func(term string) float64 {
		if term == "vos" {
			return 3
		}
		return 0.3
	}
	ans := Extractive(q, hits, ExtractiveOptions{IDF: idf})
	if ans.Abstained || !strings.Contains(ans.Text, "ready to share its dredging fleet") {
		t.Errorf("%q: %q, want the Dutch prime minister's words", q, ans.Text)
	}
}
