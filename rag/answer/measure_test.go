package answer

import (
	"strings"
	"testing"
)

// TestFigureQuestionInWordsOfMeasure: "how big a share" asks for a size,
// and "half its land" gives one; "big" is not a word the answer must hold.
func TestFigureQuestionInWordsOfMeasure(t *testing.T) {
	q := analyseQuestion("how big a share of its land would the island give up", nil)
	q.dropMeasureAdjective("how big a share of its land would the island give up")
	if _, ok := q.weight["big"]; ok {
		t.Errorf("big is a focus term: %v", q.order)
	}
	if _, ok := q.weight["share"]; !ok {
		t.Errorf("share is not a focus term: %v", q.order)
	}
	hits := hitsOf(passagesFrom(t,
		"The island council met the mainland delegation on Tuesday. The proposed treaty would make the island give up half its land to the mainland port authority, and its fishing rights with it."))
	question := "how big a share of its land would the island give up under the treaty"
	ans := Extractive(question, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "half its land") {
		t.Errorf("%q: %q, want the sentence that gives half", question, ans.Text)
	}
	for _, s := range []string{"half its land", "a third of the seats", "three quarters of voters"} {
		if numberPattern.FindString(s) == "" {
			t.Errorf("no figure read in %q", s)
		}
	}
}
