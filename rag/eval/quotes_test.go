package eval

import (
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

func TestScoreQuotesCountsWhatTheREADMEDefines(t *testing.T) {
	body := "\"The dam will hold,\" Vera Holm said. \"We checked it twice.\"\n\n" +
		"Her brother Nils Holm disagreed. The agency called it \"safe enough.\"\n\n" +
		"The vote is set for Friday, Vera Holm said Monday."
	a := rag.Article{ID: "art", Text: body}
	set := QuoteSet{
		Quotations: []GoldQuote{
			{ID: "q1", Article: "art", Text: "The dam will hold,", Speaker: "Vera Holm", Kind: "full", Split: "check"},
			{ID: "q2", Article: "art", Text: "We checked it twice.", Speaker: "Vera Holm", Kind: "continuation", Split: "check", Start: 50},
		},
		NotQuotes: []NotQuote{
			{ID: "n1", Article: "art", Text: "safe enough.", Kind: "statement", Family: "attribution", Split: "check"},
			{ID: "n2", Article: "art", Text: "The dam will hold,", Kind: "namesake", Family: "person", NotSpeaker: "Nils Holm", TrueSpeaker: "Vera Holm", Split: "check"},
		},
		Timeline: []GoldEvent{
			{ID: "t1", Article: "art", Published: "2022-03-09", Sentence: "The vote is set for Friday, Vera Holm said Monday.", DateFrom: "2022-03-11", DateTo: "2022-03-11", Split: "check"},
		},
		People: []GoldPerson{{Name: "Vera Holm", Variants: []string{"Holm"}, Namesakes: []string{"Nils Holm"}}},
	}
	rep := ScoreQuotes(set, []rag.Article{a})
	m, ok := rep.Split("check")
	if !ok {
		t.Fatal("no check half")
	}
	if m.Quotations != 2 || m.Found != 2 || m.Recall != 1 {
		t.Errorf("recall: %+v", m)
	}
	if m.NotQuotes != 2 || m.Rejected != 2 {
		t.Errorf("rejection: %+v", m)
	}
	if m.Events != 1 || m.Dated != 1 {
		t.Errorf("dates: %+v failures %+v", m, rep.Failures)
	}
	if m.Precision != 1 {
		t.Errorf("precision: %+v failures %+v", m, rep.Failures)
	}
}

func TestSpeakerIsKeepsNamesakesApart(t *testing.T) {
	people := map[string]GoldPerson{
		"Vera Holm": {Name: "Vera Holm", Variants: []string{"Holm", "Dr. Vera Holm"}, Namesakes: []string{"Nils Holm (her brother)"}},
		"Nils Holm": {Name: "Nils Holm", Variants: []string{"Holm"}, Namesakes: []string{"Vera Holm"}},
	}
	tests := []struct {
		got, want string
		ok        bool
	}{
		{"Vera Holm", "Vera Holm", true},
		{"Dr Vera Holm", "Vera Holm", true},
		{"Nils Holm", "Vera Holm", false},
		{"Holm", "Vera Holm", false}, // both are Holm: the bare surname says nothing
		{"", "Vera Holm", false},
		{"Anna Vera Holm", "Vera Holm", true}, // a first name she goes without
		{"Anna Holm", "Vera Holm", false},
		{"Vera Holm Berg", "Vera Holm", false}, // another surname
		{"Vera Holm Jr", "Vera Holm", false},
	}
	for _, tt := range tests {
		if got := speakerIs(tt.got, tt.want, people); got != tt.ok {
			t.Errorf("speakerIs(%q, %q) = %v, want %v", tt.got, tt.want, got, tt.ok)
		}
	}
}

func TestCrossedSpansAreWrong(t *testing.T) {
	body := `"One," she said, "two."`
	ls := []labelled{{at: span{1, 5}}, {at: span{17, 21}}}
	if !crosses(body, ls, []int{0, 1}) {
		t.Error("a span over the reporter's words is not crossed")
	}
	run := "\"One.\n\n\"Two.\""
	ls = []labelled{{at: span{1, 5}}, {at: span{8, 12}}}
	if crosses(run, ls, []int{0, 1}) {
		t.Error("a quotation run on over paragraphs is crossed")
	}
}

// A sentence that tells two events is scored event by event: the label's
// cue names the phrase whose date counts, as the timeline lists the
// sentence at each of its dates. A cue with no date phrase of the tool's
// in it is scored on the sentence's own date.
func TestScoreQuotesDatesTheEventTheCueNames(t *testing.T) {
	const sent = "The panel approved the bid in late July and the final vote came Tuesday."
	a := rag.Article{ID: "art", Text: "\"We agree,\" Vera Holm said.\n\n" + sent}
	event := func(id, cue, from, to string) GoldEvent {
		return GoldEvent{ID: id, Article: "art", Published: "2022-08-10", Sentence: sent, CueText: cue, DateFrom: from, DateTo: to, Split: "tune"}
	}
	set := QuoteSet{
		Quotations: []GoldQuote{{ID: "q1", Article: "art", Text: "We agree,", Speaker: "Vera Holm", Kind: "full", Split: "tune"}},
		Timeline: []GoldEvent{
			event("t1", "approved the bid in late July", "2022-07-01", "2022-07-31"),
			event("t2", "the final vote came Tuesday", "2022-08-09", "2022-08-09"),
			event("t3", "the final vote came", "2022-08-09", "2022-08-09"),
			event("t4", "approved the bid", "2022-07-01", "2022-07-31"),
		},
		People: []GoldPerson{{Name: "Vera Holm"}},
	}
	rep := ScoreQuotes(set, []rag.Article{a})
	m, _ := rep.Split("tune")
	var wrong []string
	for _, f := range rep.Failures {
		if f.Kind == "wrong-date" {
			wrong = append(wrong, f.ID)
		}
	}
	// t4's cue holds no date phrase: the sentence's date (Tuesday, the
	// more exact) is scored, and is not in July.
	if m.Events != 4 || m.Dated != 3 || len(wrong) != 1 || wrong[0] != "t4" {
		t.Errorf("dated %d of %d, wrong %v; want 3 of 4, wrong [t4]", m.Dated, m.Events, wrong)
	}
}
