package claim

import "testing"

// TestDatePartCountsNothing: a day of a month or a year before a noun ("the
// January 6 attack", "the 6 January 2021 attack") dates the noun and counts
// nothing, so the two ways of writing one date agree; a count before the
// noun is still compared.
func TestDatePartCountsNothing(t *testing.T) {
	passage := "Hale has been a critic of the mayor since the 6 January 2021 attack on the town hall, and chairs the committee investigating the event."
	checkPairs(t, []pairCase{
		{"day and month turned round", "Hale chairs the committee investigating the January 6 attack on the town hall.", passage, true, ""},
		{"another day", "Hale chairs the committee investigating the January 9 attack on the town hall.", passage, false, KindFigure}, // a day is read as a figure
		{"a count", "Hale chairs the committee investigating the 6 attacks on the town hall.", "Hale chairs the committee investigating the 2 attacks on the town hall.", false, KindFigure},
	})
}
