package answer

import "testing"

func TestSpellOutContractions(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"whats the deal with the accords", "what is the deal with the accords"},
		{"when's the next meeting?", "when is the next meeting?"},
		{"Who’s leading the coalition", "Who is leading the coalition"},
		{"wheres the summit", "where is the summit"},
		{"what did trumps envoy say", "what did trumps envoy say"}, // a possessive is no contraction
		{"whatsapp messages", "whatsapp messages"},
	} {
		if got := spellOutContractions(tc.in); got != tc.want {
			t.Errorf("spellOutContractions(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestContractedQuestionWords: "whats" and "whose" ask; they are not words
// the passages must hold, and "when's" asks for a time.
func TestContractedQuestionWords(t *testing.T) {
	if k := kindOf(spellOutContractions("when's the ferry strike")); k != kindDate {
		t.Errorf("when's: kind %v, want a time", k)
	}
	for _, question := range []string{"whats the deal with the ferry strike", "whose union called the ferry strike"} {
		q := analyseQuestion(spellOutContractions(question), nil)
		for _, w := range []string{"what", "whats", "whose"} {
			if _, ok := q.weight[w]; ok {
				t.Errorf("%q: %q is a focus term", question, w)
			}
		}
	}
}
