package answer

import (
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

// TestOpenQuestionOpensWithTheLead: "tell me about X" answered by a
// sentence of one article's body (an analysis that names the call) opens
// with the lead of the report on X, which says what happened; a question
// that asks for a thing of one kind (a day) gets no lead added.
func TestOpenQuestionOpensWithTheLead(t *testing.T) {
	hits := []rag.Hit{
		{Passage: rag.Passage{ID: "b#2", ArticleID: "b", Pos: 2, Title: "Analysis: Dunmore's harbour has found its voice",
			Text: "Mayor Lena Ortiz's early morning phone call with the ferry firms, promising support for as long as needed, restates a long-held position of the town. The council has said the same for years."}},
		{Passage: rag.Passage{ID: "a#0", ArticleID: "a", Pos: 0, Title: "Harbour to stay open all winter, Ortiz tells ferry firms",
			Text: "The harbour of Dunmore will stay open all winter, Mayor Lena Ortiz has told the ferry firms. The mayor and the firms spoke on the phone early on Friday, according to the town hall."}},
	}
	ans := Extractive("tell me about the ortiz ferry firms call", hits, ExtractiveOptions{})
	if ans.Abstained || !strings.HasPrefix(ans.Text, "The harbour of Dunmore will stay open all winter") {
		t.Errorf("open question: %q does not open with the report's lead", ans.Text)
	}
	checkMarkersMatchCitations(t, ans.Text, ans.Citations)

	q := analyseQuestion("when did ortiz call the ferry firms", nil)
	chosen := []scoredSentence{{text: "x", hit: 0, idx: 1}}
	cands := []scoredSentence{{text: "lead", hit: 1, idx: 1, terms: termSet("The harbour of Dunmore will stay open, Mayor Lena Ortiz has told the ferry firms.")}}
	if got := withLead(q, hits, cands, chosen, map[string]bool{"ortiz": true}, 3); len(got) != 1 {
		t.Errorf("a question for a day got a lead: %d sentences", len(got))
	}
	open := analyseQuestion("tell me about the ortiz ferry firms call", nil)
	if got := withLead(open, hits, cands, []scoredSentence{chosen[0], chosen[0], chosen[0]}, map[string]bool{"ortiz": true}, 3); len(got) != 3 {
		t.Errorf("a full answer took a lead: %d sentences", len(got))
	}
	if got := withLead(open, hits, cands, chosen, map[string]bool{"ortiz": true}, 3); len(got) != 2 || got[0].text != "lead" {
		t.Errorf("an open question with room: %d sentences", len(got))
	}
}
