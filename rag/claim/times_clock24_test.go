package claim

import "testing"

// TestTwentyFourHourClock covers a time written on the 24-hour clock
// against the same time written with "p.m.", either way round; hours up to
// 12 and times already given their half of the day are read as written.
func TestTwentyFourHourClock(t *testing.T) {
	peak := "It will reach its peak on Wednesday at 2:48 p.m. ET, but will not be fully visible until moonrise."
	runCases(t, KindFigure, []ruleCase{
		{"24-hour clock for p.m.", "The moon will reach its peak on Wednesday at 14:48 ET but will not be fully visible until moonrise.", peak, true},
		{"p.m. for the 24-hour clock", "The moon will reach its peak on Wednesday at 2:48 p.m. ET.", "It will reach its peak on Wednesday at 14:48 ET.", true},
		{"another hour", "The moon will reach its peak on Wednesday at 15:48 ET.", peak, false},
		{"an hour up to 12 as written", "The polls close at 10:30 on Thursday.", "The polls close at 10:30 on Thursday.", true},
	})
	runCases(t, KindTime, []ruleCase{
		{"the morning's 2:48", "The moon will reach its peak on Wednesday at 14:48 ET.", "It will reach its peak on Wednesday at 2:48 a.m. ET.", false},
		{"the afternoon, not the morning", "The moon will reach its peak on Wednesday morning.", "It will reach its peak on Wednesday at 14:48 ET.", false},
	})
}
