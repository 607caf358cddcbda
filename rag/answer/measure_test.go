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

// TestHowManyNeedsItsNounInWords: the noun "how many" counts is the head
// of its phrase ("members" of "members of Congress"), or the subject a
// past verb follows ("how many homes burned"); an answer without a figure
// of it, or any word for it, does not say how many.
func TestHowManyNeedsItsNounInWords(t *testing.T) {
	for q, want := range map[string]string{
		"How many members of Congress were arrested?": "member",
		"how many homes burned down in the fire":      "home",
		"how many saves did the goalie make":          "save",
	} {
		if got := countedTerm(q); got != want {
			t.Errorf("countedTerm(%q) = %q, want %q", q, got, want)
		}
	}
	hits := hitsOf(passagesFrom(t,
		"Delford beat Harwick 2-1 in game 6 of the final on Sunday night to win the cup. Okafor beat Harwick goalie Sam Teller at 12:28 of the third period for the winner."))
	if ans := Extractive("how many saves did teller make for harwick in game 6 of the final", hits, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("figures of other things: %q", ans.Text)
	}
	hits = hitsOf(passagesFrom(t,
		"A protest at the Tarrow courthouse on Tuesday resulted in the arrest of 35 people, including 17 members of the city council, police said."))
	if ans := Extractive("How many members of the city council were arrested at the Tarrow protest?", hits, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, "17 members") {
		t.Errorf("the members counted: %q", ans.Text)
	}
}

// TestDimensionNeedsItsUnit: "how tall", "how wide", "how heavy" are
// answered by a figure of length or weight ("how high" and "how far" may
// ask for a rate, and are not read so); a sentence with other figures
// ("12 of the plants") does not say how tall, and the answerer abstains.
func TestDimensionNeedsItsUnit(t *testing.T) {
	if asksDimension("how tall did the plants grow") == nil || asksDimension("how heavy was the python") == nil || asksDimension("how many plants grew") != nil ||
		asksDimension("how high did inflation go") != nil || asksDimension("how far did shares fall") != nil {
		t.Error("asksDimension")
	}
	hits := hitsOf(passagesFrom(t, "Researchers at Tarrow University grew cress in soil from the Orrin crater. Twelve of the 40 plants sprouted within six days, the researchers said."))
	if ans := Extractive("how tall did the cress plants grow in the orrin crater soil", hits, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("no height given: %q", ans.Text)
	}
	hits = hitsOf(passagesFrom(t, "Researchers at Tarrow University grew cress in soil from the Orrin crater. The tallest of the plants reached 4 centimetres within six days, the researchers said."))
	if ans := Extractive("how tall did the cress plants grow in the orrin crater soil", hits, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, "4 centimetres") {
		t.Errorf("the height: %q", ans.Text)
	}
}

// TestHowOldNeedsAnAge: "how old" is answered by an age as news writes one
// ("Ode, 88,", "the 88-year-old", "aged 88"); a sentence on the person with
// other numbers ("two chairs") does not say how old.
func TestHowOldNeedsAnAge(t *testing.T) {
	age := asksDimension("how old was the bishop")
	for text, want := range map[string]bool{
		"Bishop Ode, 88, died on Monday.":                  true,
		"The 88-year-old bishop died on Monday.":           true,
		"The bishop died aged 88 on Monday.":               true,
		"The bishop sat in one of the two solitary chairs": false,
		"The bishop was elected in 2013.":                  false,
		"The bishop died at 88.":                           true,
		"The bishop scored at 12:28 of the third period":   false,
	} {
		if age == nil || age.MatchString(text) != want {
			t.Errorf("%q: an age %v, want %v", text, age != nil && age.MatchString(text), want)
		}
	}
	hits := hitsOf(passagesFrom(t, "In a corner of the cathedral before the funeral of Bishop Ode, two leaders sit facing each other in two solitary chairs."))
	if ans := Extractive("how old was bishop ode", hits, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("no age given: %q", ans.Text)
	}
}
