package answer

import (
	"strings"
	"testing"
)

func TestNotKnown(t *testing.T) {
	for sentence, want := range map[string]string{
		"We do not know what the two mayors said at the pier.":       "the two mayors said at the pier.",
		"We don’t yet know how the union will respond; talks go on.": "the union will respond",
		"It is unclear whether the ferry will sail, officials said.": "the ferry will sail",
		"Nobody understands why the crane fell":                      "the crane fell",
		"We know what the two mayors said at the pier.":              "",
		"It is not the mayor who decides.":                           "",
	} {
		got, ok := notKnown(sentence)
		if ok != (want != "") || got != want {
			t.Errorf("notKnown(%q) = %q, %v; want %q", sentence, got, ok, want)
		}
	}
}

func TestAsksWhetherKnown(t *testing.T) {
	for q, want := range map[string]bool{
		"do we actually know what hale and pike said to each other": true,
		"is it known why the crane fell":                            true,
		"do we know how the union will respond to the offer":        true,
		"what did hale and pike say to each other":                  false,
		"can you tell me what hale said":                            false, // a request to be told, not whether it is known
	} {
		if got := asksWhetherKnown(q); got != want {
			t.Errorf("asksWhetherKnown(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestWhetherKnownAnsweredByUnknown: asked whether we know what was said,
// the sentence that says we do not is the answer, not someone's other
// words on the meeting; asked what was said, it is not.
func TestWhetherKnownAnsweredByUnknown(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Mayor Hale met union leader Pike at the pier on Monday. Afterwards, Hale said it had been a useful meeting that could end the ferry strike. We do not know what the two men said in their short meeting.",
		"Pike said the union would respond to the pay offer within days. We don't yet know what the board's response to the union will be."))
	for question, want := range map[string]string{
		"do we know what hale and pike said to each other":   "We do not know what the two men said",
		"do we know how the board will respond to the union": "We don't yet know what the board's response",
		"what did hale say about the meeting":                "useful meeting",
	} {
		checkAnswers(t, hits, question, want)
	}
	// What is not known of someone else answers nothing about these two.
	hits = hitsOf(passagesFrom(t,
		"Mayor Hale met union leader Pike at the pier on Monday. Afterwards, Hale said it had been a useful meeting. We do not know what Ode said to the board."))
	question := "do we know what hale and pike said to each other"
	if ans := Extractive(question, hits, ExtractiveOptions{}); strings.Contains(ans.Text, "Ode") {
		t.Errorf("%q: %q, want no answer about Ode", question, ans.Text)
	}
}
