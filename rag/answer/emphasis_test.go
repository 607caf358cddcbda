package answer

import "testing"

// TestPlainEmphasis covers the Markdown emphasis removed from a model's
// reply, and the asterisks and underscores left alone.
func TestPlainEmphasis(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**Starmer** told *Zelenskyy* about NATO [1].", "Starmer told Zelenskyy about NATO [1]."},
		{"The __irreversible path__ to NATO [1].", "The irreversible path to NATO [1]."},
		{"- **Bolton:** concessions are a threat [2].", "- Bolton: concessions are a threat [2]."},
		{"(*Analysis*) the UK pushes back.", "(Analysis) the UK pushes back."},
		{"5 * 3 * 2 = 30", "5 * 3 * 2 = 30"},
		{"a __strong__ word beside snake_case", "a strong word beside snake_case"},
		{"**One sentence. Another** spans two.", "**One sentence. Another** spans two."},
		{"an unclosed **bold", "an unclosed **bold"},
		{"f***ing", "f***ing"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := plainEmphasis(tt.in); got != tt.want {
			t.Errorf("plainEmphasis(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
