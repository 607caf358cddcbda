package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The labels of testdata/quotes-eval give code-point offsets into an
// article's text as the corpus holds it; the extractor reads the body that
// cleaning made of it, with lines dropped (players, captions, sign-up
// prompts, paragraphs repeated across the corpus) and white space collapsed.
// A labelled span is found in the cleaned body by its own text and, when
// that text occurs more than once, by the words around it: of the
// occurrences, the one whose neighbourhood in the body shares most words,
// in order, with the label's neighbourhood in the corpus text. Offsets
// alone drift by whatever was removed before the span, enough to pick the
// wrong one of two nearby occurrences of a short label ("grateful").

// contextWords is how many words on each side of a span are compared: a
// paragraph or two, enough to tell two occurrences of a short phrase apart
// and to survive a dropped caption line next to the span.
const contextWords = 40

// locate finds the span labelled text at code point charStart of raw (the
// article as the corpus holds it) in body (the article cleaned).
func locate(raw, body, text string, charStart int) (span, bool) {
	if text == "" {
		return span{}, false
	}
	needle := text
	hits := occurrences(body, needle)
	if len(hits) == 0 {
		// Cleaning collapsed white space inside the span.
		needle = strings.Join(strings.Fields(text), " ")
		hits = occurrences(body, needle)
	}
	if len(hits) == 0 {
		return span{}, false
	}
	if len(hits) == 1 {
		return span{hits[0], hits[0] + len(needle)}, true
	}
	at := byteOffset(raw, charStart)
	if !strings.HasPrefix(raw[at:], text) {
		// An offset that does not hold the text: the nearest occurrence.
		if k := nearest(occurrences(raw, text), at); k >= 0 {
			at = k
		}
	}
	end := min(at+len(text), len(raw))
	before := lastWords(raw[:at], contextWords)
	after := firstWords(raw[end:], contextWords)
	best, bestScore, bestDrift := -1, -1, 2.0
	for _, h := range hits {
		score := commonInOrder(before, lastWords(body[:h], contextWords)) +
			commonInOrder(after, firstWords(body[h+len(needle):], contextWords))
		// Identical neighbourhoods (a paragraph printed twice) are told
		// apart by relative position in the article.
		drift := relative(h, len(body)) - relative(at, len(raw))
		if drift < 0 {
			drift = -drift
		}
		if score > bestScore || score == bestScore && drift < bestDrift {
			best, bestScore, bestDrift = h, score, drift
		}
	}
	return span{best, best + len(needle)}, true
}

// occurrences returns the byte offsets of every occurrence of text in s,
// overlapping ones included.
func occurrences(s, text string) []int {
	var at []int
	for from := 0; from <= len(s); {
		k := strings.Index(s[from:], text)
		if k < 0 {
			break
		}
		at = append(at, from+k)
		from += k + 1
	}
	return at
}

// nearest returns the offset of offs nearest to at, or -1 if there is none.
func nearest(offs []int, at int) int {
	best, gap := -1, 0
	for _, o := range offs {
		g := o - at
		if g < 0 {
			g = -g
		}
		if best < 0 || g < gap {
			best, gap = o, g
		}
	}
	return best
}

// byteOffset turns a code-point offset into s into a byte offset, the end
// of s when the offset is past it.
func byteOffset(s string, chars int) int {
	for i := range s {
		if chars == 0 {
			return i
		}
		chars--
	}
	return len(s)
}

func relative(at, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(at) / float64(n)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lastWords returns up to n words at the end of s, in order.
func lastWords(s string, n int) []string {
	var words []string
	end := len(s)
	for i := len(s); i > 0 && len(words) < n; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(r) {
			if end > i {
				words = append(words, s[i:end])
			}
			end = i - size
		}
		i -= size
	}
	if end > 0 && len(words) < n {
		words = append(words, s[:end])
	}
	for i, j := 0, len(words)-1; i < j; i, j = i+1, j-1 {
		words[i], words[j] = words[j], words[i]
	}
	return words
}

// firstWords returns up to n words at the start of s.
func firstWords(s string, n int) []string {
	var words []string
	start := 0
	for i, r := range s {
		if len(words) == n {
			return words
		}
		if !isWordRune(r) {
			if i > start {
				words = append(words, s[start:i])
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(s) && len(words) < n {
		words = append(words, s[start:])
	}
	return words
}

// commonInOrder is the length of the longest common subsequence of a and
// b: how many words two neighbourhoods share in the same order, however
// many lines cleaning dropped between them.
func commonInOrder(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
