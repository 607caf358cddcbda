package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Balance gives a sentence taken out of a passage the quotation mark it
// lacks. A quotation that runs over several sentences opens in the first
// and closes in the last, so a sentence chosen alone can carry only one of
// its marks: `"We had no choice.` or `We will appeal," she said.` Shown
// alone, the reader cannot tell where the quoted words end. The missing
// mark is added where the sentence stops (after its final punctuation) or
// where it starts, in the style of the mark that is there: straight double
// marks, curly double marks (“ ”), guillemets (« ») and low-high marks („ “).
// Single marks are left alone: in English they are also apostrophes.
func Balance(s string) string {
	open, closeAt := openingMarks(s)
	switch {
	case open != 0 && closeAt < 0:
		return strings.TrimRightFunc(s, unicode.IsSpace) + string(closing(open))
	case open == 0 && closeAt >= 0:
		r, _ := utf8.DecodeRuneInString(s[closeAt:])
		return string(opening(r)) + s
	}
	return s
}

// openingMarks walks s's double quotation marks. It returns the opening mark
// of a quotation still open at the end of s (0 when none is) and the offset
// of the first closing mark that nothing in s opened (-1 when none).
func openingMarks(s string) (open rune, strayClose int) {
	strayClose = -1
	prev := ' '
	for i, r := range s {
		switch r {
		case '“', '«', '„':
			if r == '“' && open == '„' {
				open = 0 // „ … “ is one German-style quotation
			} else {
				open = r
			}
		case '”', '»':
			if open != 0 {
				open = 0
			} else if strayClose < 0 {
				strayClose = i
			}
		case '"':
			switch {
			case open == '"':
				open = 0
			case open == 0 && opensAfter(prev):
				open = '"'
			case open == 0 && strayClose < 0 && strings.ContainsRune(",.!?…", prev):
				// A closing straight mark follows the quotation's own
				// punctuation; elsewhere it may be an inch or a ditto.
				strayClose = i
			}
		}
		prev = r
	}
	return open, strayClose
}

func closing(open rune) rune {
	switch open {
	case '“':
		return '”'
	case '«':
		return '»'
	case '„':
		return '“'
	}
	return '"'
}

func opening(closeMark rune) rune {
	switch closeMark {
	case '”':
		return '“'
	case '»':
		return '«'
	}
	return '"'
}
