package claim

import "testing"

// TestAddedParticipleAside: a participle clause set off by commas whose
// words the passage does not hold is an addition; one that rewords what
// the passage says, or carries a figure of it, is kept.
func TestAddedParticipleAside(t *testing.T) {
	passage := "Ivo Hale, 37, was dining with his wife and two children at Salt House in Ode Beach on Aug. 9 when he found a purple pearl in his $14 littleneck clams appetizer."
	checkPairs(t, []pairCase{
		{"added aside", "Ivo Hale, 37, was dining with his family at Salt House in Ode Beach on Aug. 9 when he found a purple pearl, later valued by a jeweler at several thousand dollars, in his $14 clams appetizer.", passage, false, KindAddition},
		{"no aside", "Ivo Hale, 37, was dining with his wife at Salt House in Ode Beach on Aug. 9 when he found a purple pearl in his $14 clams appetizer.", passage, true, ""},
		{"aside with a figure", "Tuchel's team led 3-0 on the night, putting them ahead 4-3 over the two legs, with Mount and Werner scoring.", "Thomas Tuchel's side went into a 3-0 lead on the night, 4-3 up on aggregate, after goals from Mason Mount and Timo Werner.", true, ""},
	})
}
