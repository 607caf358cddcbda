package answer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isAside reports whether a sentence of a model's reply is no part of the
// answer and claims nothing about the news, so that it is removed without
// being reported as a removed sentence:
//   - a Markdown heading ("## Answer") or a line that is only an emphasised
//     label ("**Summary:**"), which the answer's layout has no place for;
//   - words the model addresses to the reader about the exchange itself,
//     which name nothing and give no figure: a first- or second-person
//     pronoun ("I hope this helps!", "Let me know if you need anything
//     else.", "Feel free to ask more questions.");
//   - a lead-in that names nothing and gives no figure, ending in a colon
//     ("Based on the sources provided, here is what they say:"): what it
//     introduces is what the answer says, and that is checked.
//
// A sentence that names someone or gives a figure is a claim whatever its
// pronouns ("I informed Prime Minister Starmer", in a quotation), and is
// checked as one.
func isAside(s string) bool {
	s = strings.TrimSpace(s)
	if markdownHeading.MatchString(s) || emphasisedLabel.MatchString(s) {
		return true
	}
	if namesOrCounts(s) {
		return false
	}
	if strings.HasSuffix(s, ":") {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		if readerPronouns[w] {
			return true
		}
	}
	return false
}

var (
	// An ATX heading: one to six #, a space, and its text.
	markdownHeading = regexp.MustCompile(`^#{1,6}\s+\S`)
	// A line that is only an emphasised label, its colon inside or out.
	emphasisedLabel = regexp.MustCompile(`^(\*\*|__)[^*_\n]{1,60}(\*\*|__):?$`)
)

// readerPronouns are the first- and second-person pronouns in the singular
// and the second person's plural, with their contractions: the model and
// the reader. "We" is left out: it is how an article's speakers and
// writers speak ("We do not know what the two presidents said").
var readerPronouns = wordSet(`i i'm i've i'd i'll me my mine myself you you're you've you'd you'll your yours yourself yourselves`)

// namesOrCounts reports whether a sentence holds a figure (in digits or
// in words) or a capitalised word other than its first and "I": a name, a
// figure or a date that makes it a claim.
func namesOrCounts(s string) bool {
	first := true
	for _, w := range strings.Fields(s) {
		w = strings.TrimLeft(w, "\"'“‘(*_")
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case strings.ContainsAny(w, "0123456789"):
			return true
		case numberWords[strings.ToLower(strings.TrimRight(w, ".,;:!?\"'”’)*_"))] != "":
			return true
		case unicode.IsUpper(r) && !first && w != "I" && !strings.HasPrefix(w, "I'") && !strings.HasPrefix(w, "I’"):
			return true
		}
		if w != "" {
			first = false
		}
	}
	return false
}
