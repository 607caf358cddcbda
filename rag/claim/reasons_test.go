package claim

import "testing"

// TestAdditionReasonsQuotePhrases: the words an addition adds are quoted
// as the phrases they stand in, so that a reason does not run two distant
// words together.
func TestAdditionReasonsQuotePhrases(t *testing.T) {
	toks := tokenize("His second term lasted eight long years in all.", 100)
	for _, tt := range []struct {
		at   []int
		want string
	}{
		{[]int{3}, "“lasted”"},
		{[]int{3, 5}, "“lasted” and “long”"},
		{[]int{4, 5, 6}, "“eight long years”"},
		{[]int{0, 1, 2, 3, 5}, "“His second term lasted…"},
	} {
		if got := quoteWords(toks, tt.at); got != tt.want {
			t.Errorf("quoteWords(%v) = %s, want %s", tt.at, got, tt.want)
		}
	}
}
