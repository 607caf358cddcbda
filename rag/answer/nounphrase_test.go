package answer

import (
	"strings"
	"testing"
)

func TestWhichNoun(t *testing.T) {
	for q, want := range map[string]string{
		"Which small island country hosted the summit?":             "country",
		"Bakeries in Lisbon ran out of which pastry, locals said?":  "pastry",
		"Which club won the cup on Saturday?":                       "club",
		"Which major UK bank announced branch closures?":            "bank",
		"Which long-awaited policy change will take effect in May?": "change",
		"What new rule did the league adopt?":                       "rule",
		"What did the mayor say?":                                   "",
		"Who opened the bridge?":                                    "",
	} {
		if got := whichNoun(q); got != want {
			t.Errorf("whichNoun(%q) = %q, want %q", q, got, want)
		}
	}
	if k := kindOf("Bakeries in Lisbon ran out of which pastry?"); k != kindName {
		t.Errorf("a which-phrase at the end: kind %v, want kindName", k)
	}
	if k := kindOf("Which small island country hosted the summit?"); k != kindPlace {
		t.Errorf("which country: kind %v, want kindPlace", k)
	}
}

func TestDefiniteNounPhrases(t *testing.T) {
	if !describesKind("Critics say the long-running British quiz show returns in May.", "show") {
		t.Error("a definite description headed by the noun asked about was missed")
	}
	if describesKind("Critics say a quiz show returns in May.", "show") {
		t.Error("an indefinite phrase counted as pointing back")
	}
	for s, want := range map[string]bool{
		"Yet these bakery counters stood bare all week.": true,
		"She resigned on Monday.":                        true,
		"Bakery counters stood bare all week.":           false,
		"The mayor resigned on Monday.":                  false, // definite, but not a demonstrative
	} {
		if got := pointsBack(s); got != want {
			t.Errorf("pointsBack(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"The agency added that it would appeal.":       true,
		"Its lawyers declined to comment.":             true,
		"Meanwhile, ticket prices rose again.":         true,
		"\"We will appeal,\" a lawyer said.":           true,
		"The Foreign Office said nothing.":             false, // a name, not a description
		"Ticket prices rose again across the country.": false,
	} {
		if got := continues(s); got != want {
			t.Errorf("continues(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestExtractiveAddsTheSentenceAPointerRefersTo: the sentence that matches
// the question best points back ("those market stalls") at the sentence
// that names the answer.
func TestExtractiveAddsTheSentenceAPointerRefersTo(t *testing.T) {
	q := "Which paste has run out at market stalls, angering shoppers?"
	hits := hitsOf(passagesFrom(t,
		"A poor seaweed harvest has hit the coast this spring. Most Penclawdd laverbread is sold fresh by small producers. But those market stalls have run out now, angering shoppers across the region. Producers hope for a better summer."))
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "Penclawdd laverbread") || !strings.Contains(ans.Text, "those market stalls") {
		t.Errorf("answer %q lacks the sentence the pointer refers to", ans.Text)
	}
}
