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
	offsets := make([]int, len(lines))
	at := 0
	for i, l := range lines {
		offsets[i] = at
		at += len(l)
	}
	start := len(text)
	answered := false // a line of the answer stands before i
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if answered && (referenceHeading(t) || isFootnoteDefinition(t)) && referenceEntries(lines[i+1:]) {
			start = offsets[i]
			break
		}
		answered = true
	}
	return start
}

// referenceHeading reports whether a trimmed line is a heading of
// referenceHeadings: the word alone, with Markdown emphasis or heading
// marks and a colon around it.
func referenceHeading(t string) bool {
	t = strings.TrimLeft(t, "#")
	t = strings.Trim(t, " \t*_:")
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

// referenceEntries reports whether every non-blank line is a line a list
// of sources may hold (see referenceListStart).
func referenceEntries(lines []string) bool {
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || referenceHeading(t) {
			continue
		}
		if isFootnoteDefinition(t) {
			continue
		}
		t = strings.TrimSpace(strings.TrimLeft(t, "-*•"))
		if ms := ParseMarkers(t); len(ms) > 0 && ms[0].Start == 0 {
			continue
		}
		if i := strings.IndexAny(t, ".)"); i > 0 && isBareListNumber(t[:i+1]) && i+1 < len(t) && unicode.IsSpace(rune(t[i+1])) {
			continue
		}
		return false
	}
	return true
}
