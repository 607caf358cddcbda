package claim

import "testing"

// TestFigureFromTheSentenceBefore: a sentence that runs two passage
// sentences into one ("X has a $120 million surplus, so its council …"
// for "X has a $120 million surplus. That means its council …") may take
// its figure from the sentence next to the one its clause draws on, when
// the figure counts the same noun there; a figure that counts another
// noun there, or another figure, still drops.
func TestFigureFromTheSentenceBefore(t *testing.T) {
	passage := "The good news is Tarrow County has a $120 million surplus this year. That means its council is less likely to spend what little time is left fighting over 40 library closures — the same quarrel that pushed last year's budget past June 30."
	checkPairs(t, []pairCase{
		{"the two sentences run into one", "Tarrow County has a $120 million surplus this year, so its council is less likely to fight over library closures.", passage, true, ""},
		{"the figure fronted", "With a $120 million surplus, Tarrow County's council is less likely to fight over library closures.", passage, true, ""},
		{"the figure of another noun", "Tarrow County has a surplus this year, so its council is less likely to fight over 120 library closures.", passage, false, KindFigure},
		{"another figure", "Tarrow County has a $150 million surplus this year, so its council is less likely to fight over library closures.", passage, false, KindFigure},
	})
}
