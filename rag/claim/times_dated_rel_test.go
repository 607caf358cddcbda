package claim

import (
	"testing"
	"time"
)

// TestTimesCountedFromTheArticle covers months and weekdays a passage
// counts from its article's date ("next month", "yesterday"), against a
// sentence that names them.
func TestTimesCountedFromTheArticle(t *testing.T) {
	thursday := time.Date(2022, 7, 14, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, sentence, passage string
		ok                      bool
	}{
		{"next month named", "The talks will resume in August.", "The talks will resume next month, officials said.", true},
		{"another month", "The talks will resume in September.", "The talks will resume next month, officials said.", false},
		{"last month named", "The plant closed in June.", "The plant closed last month.", true},
		{"yesterday named", "The minister resigned on Wednesday.", "The minister resigned yesterday.", true},
		{"another day", "The minister resigned on Monday.", "The minister resigned yesterday.", false},
		{"the relative time kept", "The minister resigned yesterday.", "The minister resigned yesterday.", true},
	}
	for _, tt := range cases {
		r := Check(tt.sentence, Source{Text: tt.passage, Published: thursday})
		if r.OK() != tt.ok || !tt.ok && r.Kind != KindTime {
			t.Errorf("%s: %q got %s (%s): %s; want ok=%v", tt.name, tt.sentence, r.Verdict, r.Kind, r.Reason, tt.ok)
		}
	}
	// Without the article's date nothing is counted.
	if r := Check("The talks will resume in August.", Source{Text: "The talks will resume next month, officials said."}); r.OK() {
		t.Errorf("without a date: %s, want the month not given", r.Verdict)
	}
}

// TestSeasonFall covers "fall" as the autumn.
func TestSeasonFall(t *testing.T) {
	runCases(t, KindTime, []ruleCase{
		{"this fall against a spring month", "The museum will reopen this fall.", "The museum will reopen in April.", false},
		{"this fall against an autumn month", "The museum will reopen this fall.", "The museum will reopen in October.", true},
		{"in the fall for autumn", "The museum will reopen in the fall.", "The museum will reopen in the autumn.", true},
		{"a fall in prices is no time", "Officials welcomed the fall in prices on Monday.", "On Monday officials welcomed the fall in prices.", true},
	})
}
