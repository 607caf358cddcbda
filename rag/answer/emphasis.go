package answer

import (
	"regexp"
	"strings"
)

// tidyReply is a model's reply as the check reads it and the answer shows
// it: without the chat template's special tokens a misconfigured server
// lets through, and without Markdown emphasis.
func tidyReply(s string) string {
	return plainEmphasis(withoutSpecialTokens(s))
}

// specialToken is a chat template's control token as models and servers
// write them ("<|im_end|>", "<|eot_id|>", "<|end_of_text|>"), and the
// end-of-sequence tag "</s>": never text of an answer.
var specialToken = regexp.MustCompile(`<\|[A-Za-z0-9_]{1,40}\|>|</s>`)

// withoutSpecialTokens removes the special tokens of s.
func withoutSpecialTokens(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	return specialToken.ReplaceAllString(s, "")
}

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
	if !strings.Contains(s, "*") && !strings.Contains(s, "__") {
		return s // most replies: the stream reads the whole reply again at every piece
	}
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
