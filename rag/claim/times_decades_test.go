package claim

import "testing"

// TestDecades covers a decade written as its first year and "s", with or
// without its century.
func TestDecades(t *testing.T) {
	runCases(t, KindTime, []ruleCase{
		{"a year in the decade", "The bridge opened in the 1930s.", "The bridge opened in 1937.", true},
		{"a year outside it", "The bridge opened in the 1950s.", "The bridge opened in 1937.", false},
		{"the century left out in the passage", "She was one of the biggest stars of the 1970s.", "She was one of the biggest stars of the ’70s.", true},
		{"another decade, century left out", "She was one of the biggest stars of the 1980s.", "She was one of the biggest stars of the ’70s.", false},
		{"a year is more than its decade", "The bridge opened in 1937.", "The bridge opened in the 1930s.", false},
	})
}
