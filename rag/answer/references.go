package answer

import (
	"strings"
	"unicode"
)

// referenceHeadings are the words a model heads the list of its sources
// with when it appends one to an answer ("Sources:", "**References**",
// "### Citations"): a closed class.
var referenceHeadings = wordSet(`source sources reference references citation citations bibliography footnote footnotes note notes`)

// referenceListStart gives the offset at which text ends in a list of the
// sources it cites, as models append one despite being asked not to, or
// len(text) when it has none. The list opens with a heading line of
// referenceHeadings or a Markdown footnote definition ("[^1]: …") after the
// answer's first line, and every line from there to the end is blank, a
// heading, a footnote definition, or an entry of the list: a line that
// opens with a citation marker ("[1] …", "【2】 …") or a list number ("1.
// …"), after a bullet or not. Such a list names sources and claims nothing;
// the answer shows its own list of them.
func referenceListStart(text string) int {
	lines := strings.SplitAfter(text, "\n")
	// The lines a list may hold, back from the end: the list starts at
	// the first heading or definition among them.
	k := len(lines)
	for k > 0 && referenceLine(strings.TrimSpace(lines[k-1])) {
		k--
	}
	at, answered := 0, false // answered: a line of the answer stands before
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if i >= k && answered && (referenceHeading(t) || isFootnoteDefinition(t)) {
			return at
		}
		answered = answered || t != ""
		at += len(l)
	}
	return len(text)
}

// maxHeading bounds a heading line: one word and its marks.
const maxHeading = 40

// referenceHeading reports whether a trimmed line is a heading of
// referenceHeadings: the word alone, with Markdown emphasis or heading
// marks and a colon around it.
func referenceHeading(t string) bool {
	if len(t) > maxHeading {
		return false
	}
	t = strings.TrimLeft(t, "#")
	t = strings.Trim(t, " \t*_:,;.")
	return referenceHeadings[strings.ToLower(t)]
}

// footnoteEnd gives the offset just past a footnote reference that opens
// s ("[^12]"), or 0.
func footnoteEnd(s string) int {
	if !strings.HasPrefix(s, "[^") {
		return 0
	}
	i := 2
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 2 || i >= len(s) || s[i] != ']' {
		return 0
	}
	return i + 1
}

// isFootnoteDefinition reports whether a trimmed line opens with a
// Markdown footnote definition, "[^1]:".
func isFootnoteDefinition(t string) bool {
	e := footnoteEnd(t)
	return e > 0 && footnoteDefinition(t, 0, e)
}

// maxMarkerPrefix bounds how much of a line's start can hold the marker
// group that opens it: a label after a dagger, a few numbers.
const maxMarkerPrefix = 120

// referenceLine reports whether a trimmed line is one a list of sources may
// hold (see referenceListStart): blank, a heading, a footnote definition,
// or an entry that opens with a citation marker or a list number, after a
// bullet or not.
func referenceLine(t string) bool {
	if t == "" || referenceHeading(t) || isFootnoteDefinition(t) {
		return true
	}
	t = strings.TrimSpace(strings.TrimLeft(t, "-*•"))
	// A marker that opens the line is short: read only the line's start.
	if ms := ParseMarkers(t[:min(len(t), maxMarkerPrefix)]); len(ms) > 0 && ms[0].Start == 0 {
		return true
	}
	i := strings.IndexAny(t, ".)")
	return i > 0 && isBareListNumber(t[:i+1]) && i+1 < len(t) && unicode.IsSpace(rune(t[i+1]))
}
