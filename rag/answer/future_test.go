package answer

import (
	"strings"
	"testing"
)

func TestAsksNext(t *testing.T) {
	for q, want := range map[string]bool{
		"when's the next harbour board meeting":       true,
		"where will the two mayors meet next":         true,
		"what happens next week at the harbour":       false, // a time the question gives
		"where is the cafe next to the station":       false, // a place
		"when did the harbour board last meet":        false,
		"The board met in May. When is the next one?": true,
	} {
		if got := asksNext(q); got != want {
			t.Errorf("asksNext(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestNextNeedsTimeToCome: "when's the next meeting" is not answered by
// the date of the last one; it is by a sentence that sets one to come.
func TestNextNeedsTimeToCome(t *testing.T) {
	past := hitsOf(passagesFrom(t,
		"The harbour board met on Tuesday in Portree to discuss the ferry timetable. Members voted to keep the winter sailings.",
		"Fishermen in the harbour complained about the cost of berths."))
	q := "when's the next harbour board meeting"
	ans := Extractive(q, past, ExtractiveOptions{})
	if !ans.Abstained || ans.Text != abstainNoNext {
		t.Errorf("%q: %q, want the abstention for no event to come", q, ans.Text)
	}
	planned := hitsOf(passagesFrom(t,
		"The harbour board met on Tuesday in Portree to discuss the ferry timetable. The board will meet again on Friday to set the summer fares.",
		"Fishermen in the harbour complained about the cost of berths."))
	ans = Extractive(q, planned, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "Friday") {
		t.Errorf("%q: %q, want the meeting set for Friday", q, ans.Text)
	}
	// Without "next", the last meeting answers "when".
	q = "when did the harbour board meet"
	if ans := Extractive(q, past, ExtractiveOptions{}); ans.Abstained {
		t.Errorf("%q abstained: %q", q, ans.Text)
	}
}
