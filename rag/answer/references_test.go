package answer

import (
	"fmt"
	"testing"
)

// TestReferenceListStart covers the list of sources a model appends to its
// answer: found after a heading or a footnote definition when every line
// from there on is an entry of a list of sources, and not otherwise.
func TestReferenceListStart(t *testing.T) {
	const answer = "Starmer told Zelenskyy that Ukraine is on an irreversible path to NATO [1]."
	tests := []struct {
		name, text string
		list       bool // the text ends in a list of sources that starts after answer
	}{
		{"none", answer, false},
		{"a heading and marked entries", answer + "\n\nSources:\n[1] Starmer tells Zelenskyy, Sky News\n[2] Bolton warns", true},
		{"bold heading, bulleted entries", answer + "\n\n**References**\n- [1] Starmer tells Zelenskyy\n- [2] Bolton warns\n", true},
		{"a Markdown heading, numbered entries", answer + "\n\n### Citations\n1. Starmer tells Zelenskyy\n2) Bolton warns", true},
		{"lenticular entries", answer + "\nSources\n【1】 Starmer tells Zelenskyy", true},
		{"footnote definitions", answer + "\n\n[^1]: Sky News, 14 February 2025\n[^2]: Sky News", true},
		{"a heading alone at the end", answer + "\n\nSources:", true},
		{"a heading followed by more answer", answer + "\n\nSources:\nBolton warned about concessions [2].", false},
		{"a note with a sentence on its line", answer + "\n\nNote: the sources do not say when they spoke.", false},
		{"a heading before any answer", "Sources:\n[1] Starmer tells Zelenskyy", false},
		{"an answer written as a list of cited points", "Two things stand out:\n- Starmer backed Ukraine [1].\n- Bolton warned Trump [2].", false},
	}
	for _, tt := range tests {
		got := referenceListStart(tt.text)
		if tt.list && got != len(answer)+countSpace(tt.text[len(answer):]) || !tt.list && got != len(tt.text) {
			t.Errorf("%s: list starts at %d of %d (%q)", tt.name, got, len(tt.text), tt.text[min(got, len(tt.text)):])
		}
	}
}

// countSpace counts the line breaks and spaces that open s.
func countSpace(s string) int {
	n := 0
	for n < len(s) && (s[n] == '\n' || s[n] == ' ') {
		n++
	}
	return n
}

// TestCitationTrailer covers a last line that only cites the answer above
// it, and last lines that say more.
func TestCitationTrailer(t *testing.T) {
	const answer = "Starmer told Zelenskyy that Ukraine is on an irreversible path to NATO."
	tests := []struct {
		text string
		nums string // the trailer's numbers, "" for none
	}{
		{answer + "\n\nSources: [1], [2]", "[1 2]"},
		{answer + "\n(Sources: 1, 3)", "[1 3]"},
		{answer + "\n[2][4]\n", "[2 4]"},
		{answer + "\n**References:** [1]", "[1]"},
		{answer + " [1]", ""},                          // a marker of the sentence itself
		{"[1][2]", ""},                                 // nothing above it
		{answer + "\nBolton warned about it [2].", ""}, // a sentence, not a trailer
		{answer + "\nSee also [2].", ""},
	}
	for _, tt := range tests {
		start, groups := citationTrailer(tt.text)
		var nums []int
		for _, g := range groups {
			nums = append(nums, g.nums...)
		}
		got := ""
		if len(nums) > 0 {
			got = fmt.Sprint(nums)
		}
		if got != tt.nums || (got == "") != (start == len(tt.text)) {
			t.Errorf("citationTrailer(%q) = %d, %s; want %q", tt.text, start, got, tt.nums)
		}
	}
}
