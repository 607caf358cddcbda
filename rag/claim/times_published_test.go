package claim

import (
	"testing"
	"time"
)

// TestYearsCountedFromTheArticleDate covers "last year", "this year" and
// "next year" read against the day the passage's article came out: the
// year a sentence writes for them is held, another year is not, and
// without a date, or for "the past year", there is no year to hold.
func TestYearsCountedFromTheArticleDate(t *testing.T) {
	passage := "Russia produced 9.7 million barrels per day last year, according to Rystad Energy. Output will fall next year, the firm said."
	dated := Source{Text: passage, Published: time.Date(2022, 3, 8, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		name     string
		sentence string
		src      Source
		ok       bool
	}{
		{"last year is the year before", "Russia produced 9.7 million barrels a day in 2021, Rystad Energy says.", dated, true},
		{"next year is the year after", "Rystad Energy said output will fall in 2023.", dated, true},
		{"another year", "Russia produced 9.7 million barrels a day in 2020, Rystad Energy says.", dated, false},
		{"the article's own year", "Russia produced 9.7 million barrels a day in 2022, Rystad Energy says.", dated, false},
		{"no date, no year", "Russia produced 9.7 million barrels a day in 2021, Rystad Energy says.", Source{Text: passage}, false},
		{"the past year is no calendar year", "Prices rose in 2021.",
			Source{Text: "Prices rose over the past year.", Published: dated.Published}, false},
	}
	for _, tt := range tests {
		r := Check(tt.sentence, tt.src)
		if r.OK() != tt.ok || !tt.ok && r.Kind != KindTime {
			t.Errorf("%s: %q\n  got %s (%s): %s; want ok=%v", tt.name, tt.sentence, r.Verdict, r.Kind, r.Reason, tt.ok)
		}
	}
}

// TestCheckerKeysTheDate covers a Checker's cache: one passage cited with
// two dates is read twice.
func TestCheckerKeysTheDate(t *testing.T) {
	var k Checker
	text := "Output fell last year, the firm said."
	a := k.Check("Output fell in 2021, the firm said.", Source{Text: text, Published: time.Date(2022, 1, 5, 0, 0, 0, 0, time.UTC)})
	b := k.Check("Output fell in 2021, the firm said.", Source{Text: text, Published: time.Date(2023, 1, 5, 0, 0, 0, 0, time.UTC)})
	if !a.OK() || b.OK() {
		t.Errorf("2022 article: %s (%s); 2023 article: %s (%s); want kept, then dropped", a.Verdict, a.Reason, b.Verdict, b.Reason)
	}
}
