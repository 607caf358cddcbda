package claim

import "testing"

// TestMonthYears covers a month given a year the passage gives something
// else, and dates written with a day.
func TestMonthYears(t *testing.T) {
	passage := "Workers started striking in March 2017, after the company was sold in 2016. The union met on June 7, 2021."
	runCases(t, KindTime, []ruleCase{
		{"another year", "Workers started striking in March 2016.", passage, false},
		{"kept", "Workers went on strike in March 2017.", passage, true},
		{"a day between", "The union met on June 7, 2021, to vote.", passage, true},
		{"a day between, another year", "The union met on June 7, 2017.", passage, false},
	})
}
