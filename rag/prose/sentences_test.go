package prose

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"One. Two.", []string{"One.", "Two."}},
		{"Mr. Trump met Dr. Smith. They talked.", []string{"Mr. Trump met Dr. Smith.", "They talked."}},
		{"Maj. Gen. Ivo Sand spoke. Lt. Col. Ada Lund agreed.", []string{"Maj. Gen. Ivo Sand spoke.", "Lt. Col. Ada Lund agreed."}},
		{"He said “no.” Then he left.", []string{"He said “no.”", "Then he left."}},
		{"It cost $3.5 billion. The U.S. agreed.", []string{"It cost $3.5 billion.", "The U.S. agreed."}},
		{"John F. Kennedy spoke. Really?  Yes!", []string{"John F. Kennedy spoke.", "Really?", "Yes!"}},
		{"first line\nsecond line", []string{"first line", "second line"}},
		{"lower case. continues here", []string{"lower case. continues here"}},
		{"See x.com for more. Next.", []string{"See x.com for more.", "Next."}},
		{"It ended in 2014. 2015 was worse.", []string{"It ended in 2014.", "2015 was worse."}},
	}
	for _, tt := range tests {
		if got := SplitSentences(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSentenceSpans(f *testing.F) {
	for _, s := range []string{"A. B.", "Mr. X\n\nY?! “Z.”", "…", ". . .", "\xffA. B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range SentenceSpans(s) {
			if sp[0] < prev || sp[1] <= sp[0] || sp[1] > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, s)
			}
			prev = sp[1]
		}
	})
}
