package answer

import (
	"strings"
	"testing"
)

// TestDirectQuestion: a question asked inside a frame of knowing, telling
// or truth is read as the direct question it embeds, operator before
// subject; a question with no such frame, or whose embedded clause asks
// through a longer phrase, is left as it is.
func TestDirectQuestion(t *testing.T) {
	for in, want := range map[string]string{
		"do you know why the mayor met the harbour master": "why did the mayor meet the harbour master",
		"is it true that the mayor met the harbour master": "did the mayor meet the harbour master",
		"is it true the ferry crews walked out":            "did the ferry crews walk out",
		"any idea where the crews were on monday":          "where were the crews on monday",
		"can you tell me when the harbour master visits":   "when does the harbour master visit",
		"i wonder if the strike will end soon":             "will the strike end soon",
		"do you know how long the meeting lasted":          "do you know how long the meeting lasted",
		"why did the mayor say when the strike would end":  "why did the mayor say when the strike would end",
		"The crews walked out. Do you know when they met?": "The crews walked out. Do you know when they met?",
		"tell me about the strike":                         "tell me about the strike",
	} {
		if got := directQuestion(in); got != want {
			t.Errorf("directQuestion(%q) = %q, want %q", in, got, want)
		}
	}
	// The doer rules read the framed question as they read the direct
	// one: the coverage never puts Hale with Pike.
	hits := hitsOf(passagesFrom(t,
		"Mayor Hale met harbour master Ode on Monday to end the ferry strike. Union leader Pike said the strike would go on until the pay offer was doubled."))
	for _, question := range []string{"did hale meet pike", "is it true that hale met pike"} {
		if ans := Extractive(question, hits, ExtractiveOptions{}); !ans.Abstained || !strings.Contains(ans.Text, "hale") {
			t.Errorf("%q: %q, want an abstention that names hale", question, ans.Text)
		}
	}
}
