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

// TestSentencePredicates: "after" gives a cause unless it measures time,
// and a question mark is a sentence's own unless a quotation it reports
// closes after it.
func TestSentencePredicates(t *testing.T) {
	for _, tc := range []struct {
		name     string
		is       func(string) bool
		sentence string
		want     bool
	}{
		{"givesReason", givesReason, "The match was called off because of the storm.", true},
		{"givesReason", givesReason, "Fireworks were cancelled after a dry spring raised the risk of fires.", true},
		{"givesReason", givesReason, "The talks collapsed following a row over fishing rights.", true},
		{"givesReason", givesReason, "The call came less than 24 hours after the summit ended.", false},
		{"givesReason", givesReason, "He left soon after the funeral.", false},
		{"givesReason", givesReason, "Prices have risen since 2001.", false},
		{"givesReason", givesReason, "The shop reopened after Sunday.", false},
		{"givesReason", givesReason, "After weeks of delays the council is finally pushing back.", false},
		{"givesReason", givesReason, "The mayor opened the bridge.", false},
		{"asks", asks, "Which company turned off the AC?", true},
		{"asks", asks, "“Is this the end of the road?”", true},
		{"asks", asks, "He added: “It has to be dealt with differently, through ‘Banking’ or ‘Secondary Sanctions?’”", false},
		{"asks", asks, "The council said it would decide on Monday.", false},
	} {
		if got := tc.is(tc.sentence); got != tc.want {
			t.Errorf("%s(%q) = %v, want %v", tc.name, tc.sentence, got, tc.want)
		}
	}
}

// TestExtractivePronounTakesItsAntecedentsName: "He added: …" answers a
// question about the person named in the sentence before, and a
// quotation that ends in a question mark is not a question the article
// asks.
func TestExtractivePronounTakesItsAntecedentsName(t *testing.T) {
	q := "How does Lund think the bridge repairs should be paid for?"
	hits := hitsOf(passagesFrom(t,
		"Council news. Mayor Lund spoke about the bridge at length on Monday. "+
			"He added: “The repairs should be paid for by a toll on lorries, or by the port?” "+
			"The repairs to the bridge, the council said, should be finished by the spring, whatever Lund thinks."))
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "a toll on lorries") {
		t.Errorf("answer %q lacks what he said", ans.Text)
	}
	sents := []string{"Mayor Lund spoke on Monday.", "He added: “Tolls.”", "Lund left."}
	if a := antecedentTerms(sents, 1); !a["lund"] {
		t.Errorf("antecedent terms of a pronoun %v", a)
	}
	if a := antecedentTerms(sents, 2); a != nil {
		t.Errorf("a sentence that names its subject took antecedent terms %v", a)
	}
}
