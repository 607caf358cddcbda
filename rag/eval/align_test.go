package eval

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLocateAlignsLabelsWithTheCleanedBody(t *testing.T) {
	const (
		signup = "Sign up for the morning briefing — the day’s news, weather and traffic in your inbox before seven, every weekday, free of charge."
		first  = "Mara Lind, who runs the shelter on Pier Road, said she was grateful for every volunteer who came."
		second = "“We are grateful,” Lind said. “The roof held.”"
		added  = "Lind has run the shelter since 2019."
	)
	para := func(ps ...string) string { return strings.Join(ps, "\n\n") }
	tests := []struct {
		name      string
		raw, body string
		label     string
		nth       int // which occurrence of label in raw is labelled, from 0
		wantNth   int // which occurrence in body it must be
	}{
		// A long line dropped before the label moves the offset past
		// the first "grateful" towards the second.
		{"paragraph removed, first of two", para(signup, first, second), para(first, second), "grateful", 0, 0},
		{"paragraph removed, second of two", para(signup, first, second), para(first, second), "grateful", 1, 1},
		// A paragraph the body has and the labelled text had not moves
		// it the other way.
		{"paragraph added, second of two", para(first, second), para(added, added, added, first, second), "grateful", 1, 1},
		{"paragraph added, first of two", para(first, second), para(added, added, added, first, second), "grateful", 0, 0},
		// White space collapsed inside and around the label.
		{"white space collapsed", strings.Replace(para(signup, first, "  "+second), "We are", "We  are", 1), para(first, second), "We  are grateful,", 0, 0},
		// The same paragraph printed twice: relative position decides.
		{"paragraph printed twice, second", para(signup, first, second, second), para(first, second, second), "The roof held.", 1, 1},
		{"paragraph printed twice, first", para(first, second, second, signup), para(first, second, second), "The roof held.", 0, 0},
		{"one occurrence", para(signup, first, second), para(first, second), "every volunteer", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rawAt := occurrences(tt.raw, tt.label)
			if len(rawAt) <= tt.nth {
				t.Fatalf("the test's raw text has %d occurrences of %q", len(rawAt), tt.label)
			}
			chars := utf8.RuneCountInString(tt.raw[:rawAt[tt.nth]])
			got, ok := locate(tt.raw, tt.body, tt.label, chars)
			if !ok {
				t.Fatalf("locate(%q) found nothing", tt.label)
			}
			needle := strings.Join(strings.Fields(tt.label), " ")
			want := occurrences(tt.body, needle)[tt.wantNth]
			if got != (span{want, want + len(needle)}) {
				t.Errorf("locate(%q, occurrence %d) = %v, want %v (%q)", tt.label, tt.nth, got, span{want, want + len(needle)}, tt.body[got.start:got.end])
			}
		})
	}
}

func TestLocateMissesWhatCleaningRemoved(t *testing.T) {
	raw := "Listen to “Five Things” every morning.\n\nThe council met."
	if _, ok := locate(raw, "The council met.", "Five Things", 11); ok {
		t.Error("a span of a dropped line was found in the body")
	}
	if _, ok := locate(raw, raw, "", 0); ok {
		t.Error("an empty label was found")
	}
}

func TestContextWords(t *testing.T) {
	if got := lastWords("“Yes,” she said — twice.", 3); strings.Join(got, " ") != "she said twice" {
		t.Errorf("lastWords = %q", got)
	}
	if got := firstWords(", she said — twice. Then", 3); strings.Join(got, " ") != "she said twice" {
		t.Errorf("firstWords = %q", got)
	}
	if got := lastWords("one two", 5); strings.Join(got, " ") != "one two" {
		t.Errorf("lastWords short = %q", got)
	}
	if n := commonInOrder(strings.Fields("a b c d e"), strings.Fields("a x c e")); n != 3 {
		t.Errorf("commonInOrder = %d, want 3", n)
	}
	if got := byteOffset("“ab", 2); got != len("“a") {
		t.Errorf("byteOffset = %d", got)
	}
}
