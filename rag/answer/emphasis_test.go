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

// TestWithoutSpecialTokens covers a chat template's control tokens let
// through by a misconfigured server, and angle brackets that are text.
func TestWithoutSpecialTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Starmer spoke to Zelenskyy [1].<|im_end|>", "Starmer spoke to Zelenskyy [1]."},
		{"<|start_header_id|>assistant<|end_header_id|>The talks ended [2].<|eot_id|>", "assistantThe talks ended [2]."},
		{"The talks ended [2].</s>", "The talks ended [2]."},
		{"Inflation was <3% in May, and x < y | z > w.", "Inflation was <3% in May, and x < y | z > w."},
	}
	for _, tt := range tests {
		if got := withoutSpecialTokens(tt.in); got != tt.want {
			t.Errorf("withoutSpecialTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
