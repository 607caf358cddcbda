package answer

import "testing"

// TestIsAside covers what of a model's reply is no part of the answer:
// headings, labels, lead-ins and words to the reader that name nothing and
// give no figure. Anything that names someone or gives a figure is a claim.
func TestIsAside(t *testing.T) {
	tests := []struct {
		s     string
		aside bool
	}{
		{"## Answer", true},
		{"# Summary of the coverage", true},
		{"**Summary:**", true},
		{"__Key points__:", true},
		{"Based on the sources provided, here is what they say:", true},
		{"Here's what the coverage says:", true},
		{"I hope this helps!", true},
		{"Let me know if you need anything else.", true},
		{"Feel free to ask if you have more questions.", true},
		{"If you'd like, I can go into more detail.", true},

		{"#1 seed Nadal lost in the first round.", false}, // no heading: no space after #
		{"**Starmer** told Zelenskyy about NATO.", false},
		{"Zelenskyy said: “I informed Prime Minister Starmer.”", false},
		{"The talks in Munich came to three points:", false},
		{"Officials met 2 times:", false},
		{"You may know that the talks collapsed.", true}, // to the reader, and names nothing
		{"We do not know what the two presidents said.", false},
		{"The sources do not say.", false}, // an answer of its own, read elsewhere
		{"Trump met Zelenskyy.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isAside(tt.s); got != tt.aside {
			t.Errorf("isAside(%q) = %v, want %v", tt.s, got, tt.aside)
		}
	}
}
