package claim

import "testing"

// TestYearArithmetic covers the figures a passage states by counting
// between its years: a year reached by "N years later", and the length of
// a span of years, held by a sentence that does the sum and not by one
// that gets it wrong.
func TestYearArithmetic(t *testing.T) {
	later := "Abe was first elected in 1993. In 2003 he became secretary general of the LDP. Four years later, he was named the party's president."
	span := "Kovac ran the club from 2012 until 2020, then retired."
	runCases(t, KindTime, []ruleCase{
		{"four years later", "In 2007, Abe was named the party's president.", later, true},
		{"a year wrong", "In 2008, Abe was named the party's president.", later, false},
	})
	for _, tt := range []struct {
		sentence string
		ok       bool
	}{
		{"Kovac ran the club for eight years, from 2012, then retired.", true},
		{"Kovac ran the club for nine years, from 2012, then retired.", false},
	} {
		if r := Check(tt.sentence, Source{Text: span}); r.OK() != tt.ok {
			t.Errorf("%q: got %s: %s; want ok=%v", tt.sentence, r.Verdict, r.Reason, tt.ok)
		}
	}
	if got := yearArithmetic(tokenize("The talks ran between 2019 and 2021.", 100), findFigures(tokenize("The talks ran between 2019 and 2021.", 100))); len(got) != 1 || got[0].value != 2 {
		t.Errorf("between 2019 and 2021: got %+v, want one figure of 2 years", got)
	}
	if got := yearArithmetic(tokenize("Sales rose in 2019 and 2021.", 100), findFigures(tokenize("Sales rose in 2019 and 2021.", 100))); len(got) != 0 {
		t.Errorf("two years joined by and without between: got %+v, want none", got)
	}
	if got := yearArithmetic(tokenize("He led it 2012-2020.", 100), findFigures(tokenize("He led it 2012-2020.", 100))); len(got) != 1 || got[0].value != 8 {
		t.Errorf("2012-2020: got %+v, want one figure of 8 years", got)
	}
}
