package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitSentences splits text into sentences. A line break always ends a
// sentence; within a line, a sentence ends at '.', '!' or '?' (and any closing
// quotes or brackets after it) followed by space and a capital, digit or
// opening quote, unless the full stop belongs to a known abbreviation or an
// initial. Sentences are trimmed; empty ones are dropped.
func SplitSentences(text string) []string {
	var out []string
	for _, sp := range SentenceSpans(text) {
		out = append(out, text[sp[0]:sp[1]])
	}
	return out
}

// SentenceSpans is SplitSentences as byte offsets into text, so that callers
// can map a sentence back to where it stands.
func SentenceSpans(text string) [][2]int {
	var spans [][2]int
	add := func(a, b int) {
		for a < b {
			r, size := utf8.DecodeRuneInString(text[a:])
			if !unicode.IsSpace(r) {
				break
			}
			a += size
		}
		for b > a {
			r, size := utf8.DecodeLastRuneInString(text[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= size
		}
		if b > a {
			spans = append(spans, [2]int{a, b})
		}
	}
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\n':
			add(start, i)
			start = i + size
		case '.', '!', '?', '…':
			end := i + size
			// Take repeated punctuation and closing quotes or brackets.
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if !strings.ContainsRune(".!?…\"'”’)]", r2) {
					break
				}
				end += s2
			}
			if endsSentence(text, start, i, end) {
				add(start, end)
				start = end
			}
			i = end
			continue
		}
		i += size
	}
	add(start, len(text))
	return spans
}

// endsSentence decides whether the punctuation at text[dot:after] closes the
// sentence that began at start.
func endsSentence(text string, start, dot, after int) bool {
	if after >= len(text) {
		return true
	}
	r, size := utf8.DecodeRuneInString(text[after:])
	if !unicode.IsSpace(r) {
		return false // "3.5", "U.S.", "x.com"
	}
	next := after + size
	for next < len(text) {
		r2, s2 := utf8.DecodeRuneInString(text[next:])
		if r2 == '\n' || !unicode.IsSpace(r2) {
			break
		}
		next += s2
	}
	if next >= len(text) || text[next] == '\n' {
		return true
	}
	first, _ := utf8.DecodeRuneInString(text[next:])
	if !(unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"'“‘([", first)) {
		return false
	}
	if text[dot] != '.' {
		return true
	}
	// The word before the full stop.
	w := dot
	for w > start {
		r2, s2 := utf8.DecodeLastRuneInString(text[start:w])
		if !unicode.IsLetter(r2) && r2 != '.' {
			break
		}
		w -= s2
	}
	word := text[w:dot]
	if word == "" {
		return true
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return false // an initial: "John F. Kennedy"
	}
	if strings.Contains(word, ".") {
		return false // "U.S." before a name, "e.g."
	}
	return !abbreviations[strings.ToLower(word)]
}

var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`mr mrs ms dr prof st sr jr gen maj brig col lt sgt cpl pvt capt cmdr adm gov sen rep
pres rev fr hon vs etc inc ltd co corp dept est approx jan feb mar apr jun jul aug sep sept
oct nov dec mt ft`) {
		m[w] = true
	}
	return m
}()
