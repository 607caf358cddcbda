package answer

import (
	"strings"
	"testing"
)

func TestInOtherOrder(t *testing.T) {
	q := orderedTerms("where did the mayor go right after the funeral")
	for _, tc := range []struct {
		sentence string
		want     bool
	}{
		{"The mayor met the bishop before the funeral of the archbishop.", true},
		{"The mayor left for the coast soon after the funeral.", false},
		{"Before the funeral and after the funeral, the mayor stayed at home.", false},
		{"The funeral was held before noon.", false}, // the funeral is not the object of "before"
	} {
		if got := inOtherOrder(q, tc.sentence)["funeral"]; got != tc.want {
			t.Errorf("inOtherOrder(%q) = %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// TestExtractiveKeepsTheQuestionsOrder: "after the funeral" is answered by
// where he went after it, not by whom he met before it.
func TestExtractiveKeepsTheQuestionsOrder(t *testing.T) {
	q := "Where did the mayor go right after the funeral?"
	hits := hitsOf(passagesFrom(t,
		"City news. The mayor met Bishop Amos in Lindford before the funeral. "+
			"Later the mayor left Lindford for Carrow soon after the funeral without further talks."))
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "Carrow") {
		t.Errorf("answer %q", ans.Text)
	}
	if strings.Contains(ans.Text, "Bishop Amos") {
		t.Errorf("answer %q holds what happened before the funeral", ans.Text)
	}
}
