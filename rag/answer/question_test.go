package answer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

// TestExtractiveAnswersEachKind asks the seed coverage one question of each
// kind, phrased as people type them (lower case, "the guy", "zelensky"),
// and wants the fact in the answer. They are from the tune half of
// testdata/questions/seed.jsonl.
func TestExtractiveAnswersEachKind(t *testing.T) {
	passages := loadSeedPassages(t)
	idf := seedIDF(passages)
	for _, tc := range []struct {
		kind     answerKind
		question string
		want     string
	}{
		{kindPerson, "who's the guy trump sent to talk to putin at the kremlin?", "Steve Witkoff"},
		{kindPerson, "who is trump's deputy envoy for ukraine", "John Coale"},
		{kindPlace, "where are the americans and russians meeting to talk about ending the war", "Munich Security Conference"},
		{kindDate, "when did starmer and zelensky speak on the phone", "early on Friday"},
		{kindNumber, "how far apart were trump and zelensky sitting", "two feet apart"},
		{kindDuration, "how long did trump and zelenskyy meet for", "15 minutes"},
		{kindReason, "why was there no second trump zelenskyy meeting?", "tight schedule of both leaders"},
		{kindManner, "how did the other leaders react when zelensky walked out of the basilica", "applause"},
		{kindSaid, "What did Bolton warn about?", "Endless concessions to Moscow are a threat"},
		{kindSaid, "what did macron post on x", "Ukraine is ready for an unconditional ceasefire"},
		{kindYesNo, "did trump and zelensky get a second meeting in rome?", "no second meeting"},
	} {
		t.Run(tc.question, func(t *testing.T) {
			if k := kindOf(tc.question); k != tc.kind {
				t.Errorf("kindOf = %v, want %v", k, tc.kind)
			}
			ans := Extractive(tc.question, rankByOverlap(tc.question, passages, idf), ExtractiveOptions{IDF: idf})
			if ans.Abstained || !strings.Contains(ans.Text, tc.want) {
				t.Errorf("answer %q lacks %q", ans.Text, tc.want)
			}
			checkMarkersMatchCitations(t, ans.Text, ans.Citations)
			checkEachSentenceSupported(t, ans)
		})
	}
}

// TestExtractiveNeverEchoesTheQuestion: a passage that quotes the question
// (a quiz republished by an outlet) is not an answer; the sentence that
// names what was asked is.
func TestExtractiveNeverEchoesTheQuestion(t *testing.T) {
	q := "Which company is being accused of turning off the AC in its stores to save money as its sales plummet?"
	hits := hitsOf(passagesFrom(t,
		"Quiz of the week. Which company is being accused of turning off the AC in its stores to save money as its sales plummet? Answers on page two.",
		"Shoppers say Bed Bath & Beyond turned off the AC in its stores to save money as its sales plummet, according to employees.",
	))
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || strings.Contains(ans.Text, "Which company") || !strings.Contains(ans.Text, "Bed Bath & Beyond") {
		t.Errorf("answer %q", ans.Text)
	}
}

// TestExtractiveAddsTheSentenceTheAnswerRunsInto: "the show" in one
// sentence, its name in the next; "He added:" and what he added; "She…"
// and the sentence before that names her.
func TestExtractiveAddsTheSentenceTheAnswerRunsInto(t *testing.T) {
	for _, tc := range []struct {
		question, text, want, span string
	}{
		{"Which wildly popular show was recently green lit for a new season?",
			"Netflix announced on Sunday that the wildly popular show is green lit for a second season. Squid Game became the streamer's most watched series last year. Filming starts in the spring.",
			"Squid Game", "Squid Game"},
		{"What did the mayor say about the bridge closure?",
			"Council news. Asked about the bridge closure on Monday, the mayor added:\n\n\"We had no choice. Traffic was light.\"",
			"We had no choice", ""},
		{"Which singer will open the new Las Vegas arena?",
			"Arena news. Maria Olsen has signed a contract with the owners of the arena. She will open the new Las Vegas arena in December with three shows. Tickets go on sale on Friday.",
			"Maria Olsen", "Maria Olsen"},
	} {
		ans := Extractive(tc.question, hitsOf(passagesFrom(t, tc.text)), ExtractiveOptions{})
		if ans.Abstained || !strings.Contains(ans.Text, tc.want) {
			t.Errorf("%s: answer %q lacks %q", tc.question, ans.Text, tc.want)
		}
		if tc.span != "" && (len(ans.Spans) == 0 || ans.Spans[0] != tc.span) {
			t.Errorf("%s: spans %q, want %q", tc.question, ans.Spans, tc.span)
		}
	}
}

// TestExtractiveAbstainsOnFocusNotPhrasing: a phrasing word missing from
// the passages ("recently", "actually", "tell me") does not make the
// answerer abstain; a missing name, or a speaker who never said it, does.
func TestExtractiveAbstainsOnFocusNotPhrasing(t *testing.T) {
	passages := loadSeedPassages(t)
	idf := seedIDF(passages)
	for _, q := range []string{
		"tell me, how long did the meeting in st peter's actually last, according to reports?",
		"what did bolton warn about recently",
	} {
		if ans := Extractive(q, rankByOverlap(q, passages, idf), ExtractiveOptions{IDF: idf}); ans.Abstained {
			t.Errorf("%q abstained: %s", q, ans.Text)
		}
	}
	for _, q := range []string{
		"what did the pope say about starmer",           // near miss: neither on the other
		"what did starmer say to putin",                 // near miss
		"what did bolton say about starmer?",            // near miss: Bolton's words never name Starmer
		"how many people died in the chernobyl strike?", // present, but no figure
		"who won the champions league final",            // off-topic
		"what's bitcoin at today",                       // off-topic
	} {
		if ans := Extractive(q, rankByOverlap(q, passages, idf), ExtractiveOptions{IDF: idf}); !ans.Abstained {
			t.Errorf("%q answered: %s", q, ans.Text)
		}
	}
}

func TestAnswerSpan(t *testing.T) {
	none := map[string]bool{}
	for _, tc := range []struct {
		kind     answerKind
		sentence string
		q        map[string]bool
		want     string
	}{
		{kindPerson, "The talks came after Mr Trump's peace negotiator Steve Witkoff held talks.", map[string]bool{"trump": true, "mr": true}, "Steve Witkoff"},
		{kindDuration, "The spokesman said the meeting lasted for around 15 minutes.", none, "15 minutes"},
		{kindNumber, "Police arrested 31 men and charged six.", map[string]bool{"31": true}, "six"},
		{kindReason, "It was cancelled because of the drought.", none, ""},
	} {
		if got := answerSpan(tc.kind, tc.sentence, tc.q); got != tc.want {
			t.Errorf("answerSpan(%v, %q) = %q, want %q", tc.kind, tc.sentence, got, tc.want)
		}
	}
}

// passagesFrom makes one article's passages from texts.
func passagesFrom(t *testing.T, texts ...string) []rag.Passage {
	t.Helper()
	var out []rag.Passage
	for i, s := range texts {
		out = append(out, rag.Passage{ID: fmt.Sprintf("a#%d", i), ArticleID: "a", Title: "", Outlet: "Example", Pos: i, Text: s})
	}
	return out
}

func TestNoSpanForWhoIsX(t *testing.T) {
	passages := loadSeedPassages(t)
	idf := seedIDF(passages)
	q := "Who is John Coale?"
	ans := Extractive(q, rankByOverlap(q, passages, idf), ExtractiveOptions{IDF: idf})
	if ans.Abstained || len(ans.Spans) != 0 {
		t.Errorf("answer %q spans %q: a description has no span", ans.Text, ans.Spans)
	}
}

// TestHowLongSinceAsksWhen: "how long since X" asks since when, and is
// answered by the time X happened, not by how long something else lasted.
func TestHowLongSinceAsksWhen(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The Portree ferry last sailed in March, before the crews walked out. The harbour board meeting on the strike lasted for about 40 minutes."))
	q := "how long since the portree ferry last sailed"
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "in March") || strings.Contains(ans.Text, "40 minutes") {
		t.Errorf("%q: %q, want the sailing in March", q, ans.Text)
	}
}
