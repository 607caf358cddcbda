package answer

import (
	"strings"
	"testing"
)

func TestSplitClosedCompounds(t *testing.T) {
	unseen := func(string) float64 { return 0 }
	for _, tc := range []struct{ in, want string }{
		{"hale varga sitdown: before or after the vote", "hale varga sit down: before or after the vote"},
		{"Sitdown with hale?", "Sitdown with hale?"},       // capitalised: a name, or the start
		{"what was the lineup", "what was the lineup"},     // WordNet knows it closed
		{"when was the zorvexil", "when was the zorvexil"}, // no hyphenated form either
		{"the mayors sitdown", "the mayors sit down"},
	} {
		if got := splitClosedCompounds(tc.in, unseen); got != tc.want {
			t.Errorf("splitClosedCompounds(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// A coverage that writes the closed form keeps it.
	seen := func(term string) float64 {
		if term == "sitdown" {
			return 2
		}
		return 0
	}
	if got := splitClosedCompounds("the mayors sitdown", seen); got != "the mayors sitdown" {
		t.Errorf("a closed form the coverage holds was split: %q", got)
	}
}

// TestClosedCompoundIsNoMissingWord: a question that closes up "sit-down"
// is answered from the passage that says the two sat down, not turned away
// for a word no passage holds.
func TestClosedCompoundIsNoMissingWord(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Mayor Hale and Governor Varga sat down together before the vote on Tuesday. The talks were described as cordial."))
	q := "hale varga sitdown: was that before or after the vote"
	ans := Extractive(q, hits, ExtractiveOptions{IDF: func(string) float64 { return 0 }})
	if ans.Abstained || !strings.Contains(ans.Text, "before the vote") {
		t.Errorf("%q: %q, want the sentence that says before the vote", q, ans.Text)
	}
}
