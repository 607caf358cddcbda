package answer

import (
	"strings"
)

// Marker is one citation number found in a text. Numbers written in one
// bracket group ("[2, 3]", "[1-3]") share the group's Start and End, so a
// caller that rewrites the text replaces each group once.
type Marker struct {
	N          int
	Start, End int // byte offsets of the bracket group in the text
}

// Limits that keep the parser cheap on hostile input: a citation number has at
// most maxMarkerDigits digits and a range spans at most maxMarkerRange numbers.
// Anything larger is left as plain text.
const (
	maxMarkerDigits = 6
	maxMarkerRange  = 50
)

// ParseMarkers finds the citation markers in text: "[1]", "[2, 3]", "[2; 3]",
// "[2 and 3]", "[1][2]", "[1-3]" (also with an en or em dash), and the forms
// other models write: "[Source 1]", "(Source 1)", "[doc1]", "[Passage 1]", a
// Markdown footnote reference "[^1]", the lenticular brackets of OpenAI's
// chat models "【1】", and a number with a dagger and a label after it,
// "【1†source】" or "[1†source]". A footnote's definition ("[^1]: …" opening
// a line) names a source rather than citing one, and is text. Anything else
// in brackets is text. It never panics.
func ParseMarkers(text string) []Marker {
	var out []Marker
	for i := 0; i < len(text); i++ {
		var closing string
		switch {
		case text[i] == '[':
			closing = "]"
		case strings.HasPrefix(text[i:], lenticularOpen):
			closing = lenticularClose
		case text[i] == '(':
			// "(Source 1)": in parentheses only with the word, since
			// "(1)" numbers a list as often as it cites.
			if j := skipSpaces(text, i+1); skipSourceWord(text, j) == j {
				continue
			}
			closing = ")"
		default:
			continue
		}
		open := 1
		if closing == lenticularClose {
			open = len(lenticularOpen)
		}
		if closing == "]" && i+1 < len(text) && text[i+1] == '^' {
			open = 2 // "[^1]", a footnote reference
		}
		nums, end, ok := parseMarkerGroup(text, i+open, closing)
		if !ok || open == 2 && footnoteDefinition(text, i, end) {
			continue
		}
		for _, n := range nums {
			out = append(out, Marker{N: n, Start: i, End: end})
		}
		i = end - 1
	}
	return out
}

// The lenticular brackets OpenAI's chat models cite with.
const (
	lenticularOpen  = "【"
	lenticularClose = "】"
)

// maxMarkerLabel bounds the label after a dagger ("†source").
const maxMarkerLabel = 40

// footnoteDefinition reports whether the footnote reference text[start:end]
// opens a line and is followed by a colon: the definition of a Markdown
// footnote, not a reference to one.
func footnoteDefinition(text string, start, end int) bool {
	return (start == 0 || text[start-1] == '\n') && end < len(text) && text[end] == ':'
}

// parseMarkerGroup reads the inside of a bracket group that starts at text[i]
// and returns its numbers and the offset just past the closing bracket.
func parseMarkerGroup(text string, i int, closing string) (nums []int, end int, ok bool) {
	i = skipSpaces(text, i)
	i = skipSourceWord(text, i)
	for {
		i = skipSpaces(text, i)
		lo, next, ok := parseMarkerNumber(text, i)
		if !ok {
			return nil, 0, false
		}
		i = skipSpaces(text, next)
		if strings.HasPrefix(text[i:], "†") {
			// "1†source": the label runs to the closing bracket.
			j := strings.Index(text[i:], closing)
			if j < 0 || j > maxMarkerLabel || strings.ContainsAny(text[i:i+j], "[]\n") {
				return nil, 0, false
			}
			return append(nums, lo), i + j + len(closing), true
		}
		if dash := dashAt(text, i); dash > 0 {
			hi, next, ok := parseMarkerNumber(text, skipSpaces(text, i+dash))
			if !ok || hi < lo || hi-lo >= maxMarkerRange {
				return nil, 0, false
			}
			for n := lo; n <= hi; n++ {
				nums = append(nums, n)
			}
			i = skipSpaces(text, next)
		} else {
			nums = append(nums, lo)
		}
		if i >= len(text) {
			return nil, 0, false
		}
		switch {
		case strings.HasPrefix(text[i:], closing):
			return nums, i + len(closing), true
		case text[i] == ',' || text[i] == ';':
			i++
			if j := skipSpaces(text, i); hasWordAt(text, j, "and") {
				i = j + len("and") // "[1, 2, and 3]"
			}
		case hasWordAt(text, i, "and"):
			i += len("and")
		default:
			return nil, 0, false
		}
	}
}

func parseMarkerNumber(text string, i int) (n, next int, ok bool) {
	start := i
	for i < len(text) && '0' <= text[i] && text[i] <= '9' {
		if i-start == maxMarkerDigits {
			return 0, 0, false
		}
		n = n*10 + int(text[i]-'0')
		i++
	}
	return n, i, i > start
}

// hasWordAt reports whether text has the word w (in any case) at i,
// followed by a space.
func hasWordAt(text string, i int, w string) bool {
	end := i + len(w)
	return end < len(text) && strings.EqualFold(text[i:end], w) && (text[end] == ' ' || text[end] == '\t')
}

func skipSpaces(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

// skipSourceWord steps over "source", "sources" or "src", or the words for a
// source other prompts use ("doc", "document", "passage": "[doc1]",
// "[Passage 2]"), with an optional colon, when a number follows.
func skipSourceWord(text string, i int) int {
	for _, w := range [...]string{"sources", "source", "src", "documents", "document", "docs", "doc", "passages", "passage"} {
		if len(text)-i >= len(w) && strings.EqualFold(text[i:i+len(w)], w) {
			j := skipSpaces(text, i+len(w))
			if j < len(text) && text[j] == ':' {
				j = skipSpaces(text, j+1)
			}
			if j < len(text) && '0' <= text[j] && text[j] <= '9' {
				return j
			}
			return i
		}
	}
	return i
}

// dashAt returns the byte length of a hyphen, en dash or em dash at text[i],
// or 0.
func dashAt(text string, i int) int {
	if i < len(text) && text[i] == '-' {
		return 1
	}
	for _, d := range [...]string{"–", "—"} {
		if strings.HasPrefix(text[i:], d) {
			return len(d)
		}
	}
	return 0
}

// removeMarkers deletes every citation marker group from s, with the space
// before it, so that passage text quoted in an answer cannot pose as a
// citation and a sentence can be compared with its source.
func removeMarkers(s string) string {
	ms := ParseMarkers(s)
	if len(ms) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		if m.Start < last {
			continue // another number of a group already removed
		}
		start := m.Start
		for start > last && (s[start-1] == ' ' || s[start-1] == '\t') {
			start--
		}
		b.WriteString(s[last:start])
		last = m.End
	}
	b.WriteString(s[last:])
	return b.String()
}
