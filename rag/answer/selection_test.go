package answer

import (
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

// TestExtractiveHeadlineIsEvidence: a headline that answers is cited as its
// article, with the headline in the cited text, and followed by the body
// sentence that says the rest.
func TestExtractiveHeadlineIsEvidence(t *testing.T) {
	q := "Which port shut its sea gates ahead of the storm?"
	hits := []rag.Hit{{Passage: rag.Passage{ID: "a#0", ArticleID: "a", Outlet: "Example",
		Title: "Port of Dunmore shuts its sea gates ahead of storm",
		Text:  "Boats were tied up early on Tuesday. The gates were closed at noon, and the storm reached the coast by the evening. Ferries were cancelled."}}}
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.HasPrefix(ans.Text, "Port of Dunmore shuts its sea gates") {
		t.Fatalf("answer %q does not open with the headline", ans.Text)
	}
	if !strings.Contains(ans.Text, "The gates were closed at noon") {
		t.Errorf("answer %q: the headline is not followed by the body sentence", ans.Text)
	}
	if len(ans.Citations) == 0 || !strings.HasPrefix(ans.Citations[0].Text, "Port of Dunmore") {
		t.Errorf("the headline is cited without it: %+v", ans.Citations)
	}
	if len(ans.Spans) == 0 || !strings.Contains(ans.Spans[0], "Dunmore") {
		t.Errorf("spans %q, want the port", ans.Spans)
	}
	checkMarkersMatchCitations(t, ans.Text, ans.Citations)
	checkEachSentenceSupported(t, ans)
}

// TestGivesReason: "after" gives a cause, unless it measures time.
func TestGivesReason(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		want     bool
	}{
		{"The match was called off because of the storm.", true},
		{"Fireworks were cancelled after a dry spring raised the risk of fires.", true},
		{"The talks collapsed following a row over fishing rights.", true},
		{"The call came less than 24 hours after the summit ended.", false},
		{"He left soon after the funeral.", false},
		{"Prices have risen since 2001.", false},
		{"The shop reopened after Sunday.", false},
		{"The mayor opened the bridge.", false},
	} {
		if got := givesReason(tc.sentence); got != tc.want {
			t.Errorf("givesReason(%q) = %v, want %v", tc.sentence, got, tc.want)
		}
	}
}
