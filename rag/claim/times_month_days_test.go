package claim

import "testing"

// TestMonthDays: a day of the month is read with its month, so "Sept. 8"
// is dropped against "Sept. 1" though the next sentence holds an 8 of its
// own; the date as given, or written the other way round, is kept.
func TestMonthDays(t *testing.T) {
	school := "The first day of school in Ode will be Sept. 1 and all students will start learning from home. On Sept. 21, which is Phase 2, students in grades 7, 8 and 9 will return to school two days a week."
	checkPairs(t, []pairCase{
		{"another day of the month", "The first day of school in Ode will be Sept. 8.", school, false, KindTime},
		{"the day as given", "The first day of school in Ode will be Sept. 1.", school, true, ""},
		{"written the other way", "The first day of school in Ode will be 1 September.", school, true, ""},
	})
}
