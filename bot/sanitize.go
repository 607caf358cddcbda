package bot

import (
	"strings"
	"unicode"
)

// zeroWidthSpace is put after an "@" or "<@" so Discord no longer reads the
// text as a mention, while people still read it the same.
const zeroWidthSpace = "\u200b"

var mentionNeutralizer = strings.NewReplacer(
	"@everyone", "@"+zeroWidthSpace+"everyone",
	"@here", "@"+zeroWidthSpace+"here",
	"<@", "<@"+zeroWidthSpace,
)

// neutralizeMentions makes @everyone, @here and user or role mentions inert
// as text. allowed_mentions already stops them from pinging; this also stops
// them from being drawn as mentions, so an answer that quotes "@everyone"
// does not look as if it pinged the server.
func neutralizeMentions(s string) string {
	return mentionNeutralizer.Replace(s)
}

// invisibleRune reports runes that change how text reads or runs without
// being seen: zero-width characters, bidirectional overrides and isolates,
// and the byte-order mark. A question keeps none of them, so nobody can hide
// text from the people reading it or reverse how it displays.
func invisibleRune(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, // zero-width space/joiners, LRM, RLM
		r >= 0x202A && r <= 0x202E, // embeddings and overrides
		r >= 0x2060 && r <= 0x2064, // word joiner, invisible operators
		r >= 0x2066 && r <= 0x2069, // isolates
		r == 0x061C, r == 0xFEFF, r == 0x180E:
		return true
	}
	return false
}

// cleanQuestion returns a question as the bot will handle it: control and
// invisible characters removed, runs of whitespace (line breaks included)
// collapsed to one space, and the ends trimmed. Invalid UTF-8 becomes U+FFFD.
func cleanQuestion(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case invisibleRune(r), unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// markdownEscaper escapes the characters that start Markdown formatting, for
// user text shown where formatting would let it break the layout (an embed
// title, a quoted question).
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `~`, `\~`, `|`, `\|`,
	`[`, `\[`, `]`, `\]`,
)

func escapeMarkdown(s string) string {
	return markdownEscaper.Replace(s)
}
