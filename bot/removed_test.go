package bot

import (
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

func TestRemovedSentencesStayOutOfTheReply(t *testing.T) {
	a := rag.Answer{
		Text:      "Starmer opened the call by restating the UK's firm backing for Ukraine [1].",
		Citations: []rag.Citation{{N: 1, Passage: rag.Passage{ID: "call#0", Title: "Call", Text: "…"}}},
		Checks: []rag.SentenceCheck{
			{Sentence: "Starmer opened the call by restating the UK's firm backing for Ukraine.", Kept: true, Verdict: "supported"},
			{Sentence: "Bolton served in his *second* term @everyone.", Verdict: "contradicted", Kind: "figure", Reason: "the source says first, not second"},
		},
	}
	replies := renderAnswer(answerView{Title: "q", AnswerID: "abc"}, a)
	last := replies[len(replies)-1]
	footer := last.Embeds[len(last.Embeds)-1].Footer
	if footer == nil || footer.Text != "1 sentence removed: the source says first, not second." {
		t.Errorf("footer = %+v", footer)
	}
	for _, r := range replies {
		for _, e := range r.Embeds {
			if strings.Contains(e.Description, "second") {
				t.Errorf("the removed sentence is in the reply: %q", e.Description)
			}
		}
	}
	var labels []string
	for _, c := range last.Components {
		row, _ := asRow(c)
		for _, inner := range row.Components {
			if btn, ok := asButton(inner); ok {
				labels = append(labels, btn.Label+"="+btn.CustomID)
			}
		}
	}
	if !strings.Contains(strings.Join(labels, " "), "Removed sentences=removed:abc") {
		t.Errorf("buttons = %q", labels)
	}

	e := renderRemoved(a)
	if strings.Contains(e.Description, "opened the call") || !strings.Contains(e.Description, "the source says first, not second") {
		t.Errorf("removed list = %q", e.Description)
	}
	if strings.Contains(e.Description, "*second*") || strings.Contains(e.Description, "@everyone") {
		t.Errorf("the removed sentence was not escaped: %q", e.Description)
	}
}
