package claim

import "testing"

// TestShareOfAnotherWhole: a share given to another whole ("58% of
// Liberals" where the passage's 58% is of Greens and the Liberals' share
// is 84%) is dropped; the share of its own whole is kept, and a share the
// passage gives of no other whole is left alone.
func TestShareOfAnotherWhole(t *testing.T) {
	poll := "53% of Tarrowans strongly disapprove of the ruling, including 84% of Liberals, compared with 29% who strongly approve, including 58% of Greens."
	checkPairs(t, []pairCase{
		{"another whole's share", "53% of Tarrowans strongly disapprove of the ruling, including 58% of Liberals.", poll, false, KindFigure},
		{"its own share", "53% of Tarrowans strongly disapprove of the ruling, including 84% of Liberals.", poll, true, ""},
		{"a fraction of its own", "Half of the voters backed the plan.", "About half of the voters backed the plan, and 30% of the members opposed it.", true, ""},
	})
}
