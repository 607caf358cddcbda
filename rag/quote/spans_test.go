package quote_test

import (
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// Quotation spans (issue #19, item 2), in sentences written for this test:
// a span holds every sentence between its marks, goes on across a paragraph
// that news leaves open, and never takes in the reporter's words between
// two quotations, whatever marks the outlet prints.
func TestExtractSpans(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string // the spans' text between their marks, in order; every one is Ivo Sand's
	}{
		{"several sentences in one quotation",
			`"We tried. We failed. We will try again," Ivo Sand said.`,
			[]string{`We tried. We failed. We will try again,`}},
		{"a continuation of two sentences",
			`"We tried for years to fix the dam," Ivo Sand said. "The money never came. The council looked away."`,
			[]string{`We tried for years to fix the dam,`, `The money never came. The council looked away.`}},
		{"a paragraph left open runs on into the next",
			"\"The first flood came in March,\" Ivo Sand said.\n\n\"By April the fields were lakes.\n\n\"Nobody came to help.\"",
			[]string{`The first flood came in March,`, "By April the fields were lakes.\n\n\"Nobody came to help."}},
		{"doubled apostrophes close a continuation too",
			`"We tried,'' Ivo Sand said. "We failed.''`,
			[]string{`We tried,`, `We failed.`}},
		{"an attribution between dashes splits the span",
			`"We tried" — Ivo Sand said — "and we failed."`,
			[]string{`We tried`, `and we failed.`}},
		{"a partial quotation after the attribution is its own span",
			`"We tried," Ivo Sand said, adding that the dam "was never safe."`,
			[]string{`We tried,`, `was never safe.`}},
		{"two partial quotations in one sentence stay apart",
			`Ivo Sand said the dam was "never safe" and that "nobody listened."`,
			[]string{`never safe`, `nobody listened.`}},
		{"single marks inside a quotation are part of it",
			`"It was 'a disaster,' plain and simple," Ivo Sand said.`,
			[]string{`It was 'a disaster,' plain and simple,`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quote.Extract(rag.Article{ID: "a", Text: tt.body})
			if len(got) != len(tt.want) {
				for _, q := range got {
					t.Logf("got %q from %s", q.Text, q.Speaker)
				}
				t.Fatalf("got %d quotations, want %d", len(got), len(tt.want))
			}
			for i, q := range got {
				if q.Text != tt.want[i] || q.Speaker != "Ivo Sand" {
					t.Errorf("quotation %d: %q from %q, want %q from Ivo Sand", i+1, q.Text, q.Speaker, tt.want[i])
				}
			}
		})
	}
}
