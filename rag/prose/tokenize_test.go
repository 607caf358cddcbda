package prose

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Ukraine's path", []string{"ukraine", "path"}},
		{"Zelenskyy’s spokesman", []string{"zelenskyy", "spokesman"}},
		{"don't stop", []string{"dont", "stop"}},
		{"NATO, 2014 borders!", []string{"nato", "2014", "borders"}},
		{"Macron posted on X", []string{"macron", "posted", "on", "x"}},
		{"Élysée café", []string{"elysee", "cafe"}},
		{"'quoted' words'", []string{"quoted", "words"}},
		{"0:38", []string{"0", "38"}},
	}
	for _, tt := range tests {
		if got := Tokenize(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := map[string]string{
		"talks":        "talk",
		"talking":      "talk",
		"talked":       "talk",
		"stopped":      "stop",
		"countries":    "country",
		"guarantees":   "guarantee",
		"negotiations": "negotiation",
		"news":         "new",
		"bus":          "bus",
		"class":        "class",
		"2014":         "2014",
		"analysis":     "analysis",
		"missiles":     "missile",
		"killed":       "kill",
	}
	for in, want := range tests {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTermsDropStopwords(t *testing.T) {
	got := Terms("What did Starmer tell Zelenskyy about NATO?")
	want := []string{"starmer", "tell", "zelenskyy", "nato"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
}

// TestTermsElisionsAndWon: an elided negation or pronoun ("can't", which
// Tokenize joins into "cant") is as much a stop word as its parts, and
// "won" is the past of "win", not the "won" of a split "won't".
func TestTermsElisionsAndWon(t *testing.T) {
	got := Terms("Ukraine can't go back; they don't know who won")
	want := []string{"ukraine", "go", "back", "know", "win"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Ukraine's", "don't", "a'b'c's", "’’", "x'", "\xff'\xfe", "É'S"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range Tokenize(s) {
			if tok == "" {
				t.Fatalf("empty token from %q", s)
			}
		}
		_ = Terms(s)
	})
}
