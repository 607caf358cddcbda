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

// TestHowManyCountsItsNoun: the figure that answers "how many calories"
// stands in a sentence about calories; a sentence that counts pieces
// gives no count of calories, and the answerer abstains.
func TestHowManyCountsItsNoun(t *testing.T) {
	for q, want := range map[string]string{
		"how many calories are in a serving of eight?":      "calor",
		"how many former soviet republics did it break up?": "republ",
		"how many of them are still open?":                  "",
		"how much did the bidder pay?":                      "",
	} {
		if got := countedTerm(q); !strings.HasPrefix(got, want) || (want == "" && got != "") {
			t.Errorf("countedTerm(%q) = %q, want %q…", q, got, want)
		}
	}
	hits := hitsOf(passagesFrom(t,
		"The bakery chain is testing new cheese scones in Leeds this month. The scones are baked with aged cheddar, and they come in boxes of six, 12 or 24 pieces.",
		"The chain said the scones would reach every shop in the spring. Each scone holds 310 calories, the chain said."))
	if ans := Extractive("The bakery chain is testing new cheese scones. How many calories are in a box of six?", hits[:1], ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("counted pieces, not calories: %q", ans.Text)
	}
	if ans := Extractive("The bakery chain is testing new cheese scones. How many calories are in each scone?", hits, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, "310 calories") {
		t.Errorf("calories counted: %q", ans.Text)
	}
}
