package answer

import "regexp"

// Markdown emphasis as models write it in a reply they were asked to keep
// plain: "**bold**", "__bold__" and "*italic*", each opened and closed on
// one line within one sentence (no ". " inside), around text that neither
// starts nor ends with a space (so "5 * 3 * 2" is no emphasis).
var (
	strongEmphasis = regexp.MustCompile(`\*\*([^*\s](?:[^*\n]{0,298}[^*\s])?)\*\*|__([^_\s](?:[^_\n]{0,298}[^_\s])?)__`)
	lightEmphasis  = regexp.MustCompile(`(^|[\s(“"'‘])\*([^*\s](?:[^*\n]{0,298}[^*\s])?)\*`)
)

// plainEmphasis removes the Markdown emphasis of a model's reply, keeping
// the words: the bot shows a model's text as text (bot/sanitize.go escapes
// Markdown in it), where the marks would stand as asterisks, and the CLI
// prints it as it is. A pair that spans sentences is left as written, so
// that a sentence reads the same before the rest of the reply has come and
// after.
func plainEmphasis(s string) string {
	s = strongEmphasis.ReplaceAllStringFunc(s, func(m string) string {
		inner := m[2 : len(m)-2]
		if containsSentenceEnd(inner) {
			return m
		}
		return inner
	})
	return lightEmphasis.ReplaceAllStringFunc(s, func(m string) string {
		sub := lightEmphasis.FindStringSubmatch(m)
		if containsSentenceEnd(sub[2]) {
			return m
		}
		return sub[1] + sub[2]
	})
}

// containsSentenceEnd reports whether s holds a full stop, question mark or
// exclamation mark followed by a space.
func containsSentenceEnd(s string) bool {
	return sentenceEnd.MatchString(s)
}

var sentenceEnd = regexp.MustCompile(`[.?!]["”’)]*\s`)
