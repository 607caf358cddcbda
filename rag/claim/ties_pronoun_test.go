package claim

import "testing"

// TestTieThroughPronounPastAnObliqueName: a time in a sentence whose
// subject is "she", after a sentence that names her, is hers, though the
// sentence also names who funded her ("with funds from the Rowe Trust");
// without the pronoun, the name after the preposition is where the figure
// belongs, and a name from the sentence before is not tied to it.
func TestTieThroughPronounPastAnObliqueName(t *testing.T) {
	pronoun := "The person who made it possible was Ana Lindqvist, a chemist born in Malmö. During the 1962 drought, with funds from the Rowe Trust, she rushed to develop the first cheap water filter."
	noPronoun := "Water use in Malmö was steady last year. During the 1962 drought, use fell by a third in Lund."
	checkPairs(t, []pairCase{
		{"her time", "Lindqvist developed the first cheap water filter during the 1962 drought.", pronoun, true, ""},
		{"the place of the figure", "During the 1962 drought, water use fell by a third in Malmö.", noPronoun, false, KindFigure},
	})
}
