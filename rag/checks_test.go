package rag

import "testing"

func TestRemovedNote(t *testing.T) {
	tests := []struct {
		ans  Answer
		want string
	}{
		{Answer{}, ""},
		{Answer{Checks: []SentenceCheck{{Kept: true}}}, ""},
		{Answer{Checks: []SentenceCheck{{Kept: true}, {Reason: "the source says first, not second"}}},
			"1 sentence removed: the source says first, not second."},
		{Answer{Checks: []SentenceCheck{{Reason: "a"}, {Reason: "b"}, {Reason: "a"}, {Reason: "c"}}},
			"4 sentences removed: a; b; and 2 more."},
		{Answer{Checks: []SentenceCheck{{Reason: "a"}, {Reason: "a"}}}, "2 sentences removed: a."},
		{Answer{Dropped: []string{"x"}}, "1 sentence removed: its sources do not support it."},
	}
	for _, tt := range tests {
		if got := tt.ans.RemovedNote(); got != tt.want {
			t.Errorf("RemovedNote() = %q, want %q", got, tt.want)
		}
	}
}
