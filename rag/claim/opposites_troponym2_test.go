package claim

import "testing"

// TestTroponymTwoStepsDown: a verb WordNet files two steps below one side
// of an antonym pair, through a single hypernym ("plummet" is a way to
// drop, and dropping a way to fall), is opposed to a manner of the other
// side ("skyrocket", a way to rise); kinds of one act are not.
func TestTroponymTwoStepsDown(t *testing.T) {
	passage := "The company has sold calendars for years, but their popularity skyrocketed in 2018 when the first wine calendar went on sale."
	checkPairs(t, []pairCase{
		{"plummeted for skyrocketed", "The company has sold calendars for years, but their popularity plummeted in 2018 when the first wine calendar went on sale.", passage, false, KindAntonym},
		{"rocketed for skyrocketed", "The company has sold calendars for years, but their popularity rocketed in 2018 when the first wine calendar went on sale.", passage, true, ""},
	})
}
