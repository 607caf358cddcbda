package bot

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Discord's limits on what one message may carry. Discord counts characters
// as UTF-16 code units, so discordLen counts the same way; counting runes
// would let a message full of emoji through our checks and fail at Discord.
const (
	maxContent          = 2000
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxFooter           = 2048
	maxEmbedTotal       = 6000
	maxEmbedsPerMessage = 10
)

// minSplitLimit is the smallest limit splitText accepts; below it a single
// citation marker or rune could not fit.
const minSplitLimit = 16

// discordLen is the length of s as Discord measures it, in UTF-16 code units.
func discordLen(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// prefixWithin returns the largest byte offset i, on a rune boundary, such
// that discordLen(s[:i]) <= limit.
func prefixWithin(s string, limit int) int {
	n := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > limit {
			return i
		}
		n += w
	}
	return len(s)
}

// Text that must never be cut in two: citation markers such as "[12]" and
// Markdown links such as "[Title](https://…)".
var (
	markerPattern = regexp.MustCompile(`\[\d{1,4}\]`)
	linkPattern   = regexp.MustCompile(`\[[^\[\]\n]*\]\([^()\s]*\)`)
	leadingMarker = regexp.MustCompile(`^\[\d{1,4}\]`)
)

// protectedSpans returns the byte ranges of markers and links in s, merged
// where they overlap, in order.
func protectedSpans(s string) [][2]int {
	var spans [][2]int
	for _, m := range markerPattern.FindAllStringIndex(s, -1) {
		spans = append(spans, [2]int{m[0], m[1]})
	}
	for _, m := range linkPattern.FindAllStringIndex(s, -1) {
		spans = append(spans, [2]int{m[0], m[1]})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	merged := spans[:0]
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp[0] < merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], sp[1])
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// Kinds of place where text may be cut, from most to least preferred.
const (
	cutWord = iota + 1
	cutSentence
	cutLine
	cutParagraph
)

// cutPoint is a run of whitespace between two pieces of text.
type cutPoint struct {
	start, end int // byte range of the whitespace
	kind       int
}

// splitText splits text into pieces of at most limit UTF-16 units. It cuts at
// a paragraph break if one falls in the second half of the allowance, else
// at a line break, then a sentence end, then any space. It never cuts inside
// a citation marker or a Markdown link, and never inside a word, unless that
// word, marker or link alone is longer than limit. The whitespace at a cut is
// dropped; everything else is kept, in order.
func splitText(text string, limit int) []string {
	if limit < minSplitLimit {
		panic("splitText: limit too small")
	}
	text = strings.TrimSpace(text)
	var pieces []string
	for discordLen(text) > limit {
		end, next := findCut(text, limit)
		pieces = append(pieces, text[:end])
		text = strings.TrimLeftFunc(text[next:], unicode.IsSpace)
	}
	if text != "" {
		pieces = append(pieces, text)
	}
	return pieces
}

// findCut chooses where the first piece of text ends: the piece is
// text[:end] and the rest starts at next.
func findCut(text string, limit int) (end, next int) {
	window := prefixWithin(text, limit)
	spans := protectedSpans(text)
	inside := func(p int) bool {
		for _, sp := range spans {
			if sp[0] < p && p < sp[1] {
				return true
			}
		}
		return false
	}

	var cuts []cutPoint
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			i += w
			continue
		}
		start := i
		for i < len(text) {
			r, w := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += w
		}
		if start > window {
			break
		}
		if start == 0 || i == len(text) || inside(start) {
			continue
		}
		cuts = append(cuts, cutPoint{start: start, end: i, kind: classifyCut(text, start, i)})
	}

	if len(cuts) > 0 {
		half := limit / 2
		for kind := cutParagraph; kind >= cutWord; kind-- {
			for j := len(cuts) - 1; j >= 0; j-- {
				c := cuts[j]
				if c.kind >= kind && discordLen(text[:c.start]) >= half {
					return c.start, c.end
				}
			}
		}
		last := cuts[len(cuts)-1]
		return last.start, last.end
	}

	// No whitespace to cut at: the first word (or link) is longer than the
	// limit. Cut before a link or marker rather than through it when it
	// does not start the text, else cut the word where the limit falls.
	for _, sp := range spans {
		if sp[0] > 0 && sp[0] < window && sp[1] > window {
			return sp[0], sp[0]
		}
	}
	if window == 0 {
		_, w := utf8.DecodeRuneInString(text)
		window = w
	}
	return window, window
}

// classifyCut says what kind of boundary the whitespace text[start:end] is.
func classifyCut(text string, start, end int) int {
	ws := text[start:end]
	switch {
	case strings.Count(ws, "\n") >= 2:
		return cutParagraph
	case strings.Contains(ws, "\n"):
		return cutLine
	case leadingMarker.MatchString(text[end:]):
		// A marker belongs to the sentence before it; cutting here would
		// start the next piece with a citation of the last one.
		return cutWord
	case endsSentence(text[:start]) && !startsLower(text[end:]):
		return cutSentence
	}
	return cutWord
}

// endsSentence reports whether before ends with sentence punctuation,
// allowing closing quotes, brackets, emphasis and citation markers after it
// ("… in Rome.” [3]").
func endsSentence(before string) bool {
	for {
		trimmed := before
		if loc := markerAtEnd(trimmed); loc >= 0 {
			trimmed = strings.TrimRightFunc(trimmed[:loc], unicode.IsSpace)
		} else {
			trimmed = strings.TrimRight(trimmed, `"')]*_”’»`)
		}
		if trimmed == before {
			break
		}
		before = trimmed
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// markerAtEnd returns where a citation marker ending s begins, or -1.
func markerAtEnd(s string) int {
	if !strings.HasSuffix(s, "]") {
		return -1
	}
	open := strings.LastIndexByte(s, '[')
	if open < 0 || !markerPattern.MatchString(s[open:]) || len(s[open:]) > 6 {
		return -1
	}
	return open
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// truncateText shortens s to at most limit UTF-16 units at a word boundary
// where it can, ending it with an ellipsis when anything was cut.
func truncateText(s string, limit int) string {
	if discordLen(s) <= limit {
		return s
	}
	cut := prefixWithin(s, limit-1)
	if sp := strings.LastIndexFunc(s[:cut], unicode.IsSpace); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRightFunc(s[:cut], unicode.IsSpace) + "…"
}
