package bot

import (
	"regexp"
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

// markdownEscaper escapes the characters that start Markdown formatting
// anywhere in a line: emphasis, strikethrough, spoilers, code and masked
// links. Angle brackets are left alone: Discord's tags (<#channel>,
// <t:…>) link nowhere outside Discord, and mentions are neutralised apart.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `~`, `\~`, `|`, `\|`,
	`[`, `\[`, `]`, `\]`,
)

// bareURL finds web addresses in text, for escapeMarkdown to set apart.
var bareURL = regexp.MustCompile(`(?i)https?://[^\s<>"'` + "`" + `]+`)

// citationMarker is a marker the answer engine writes, "[3]" or "[1, 4]".
var citationMarker = regexp.MustCompile(`^\[\d{1,3}(?:,\s?\d{1,3})*\]`)

// escapeMarkdown makes text from outside the bot (an article, a page, a
// question, a model's answer) show in Discord as the text it is:
//   - every formatting character is escaped, so no emphasis, spoiler,
//     code block or masked link ("[discord.com/verify](https://evil…)")
//     comes out of it;
//   - a line that would be a heading ("#", "-#") or a quote (">", ">>>")
//     is escaped at its start;
//   - a bare address is put in <…>, which Discord shows as a link without
//     a preview: what it links to is what it says.
//
// The bot's own formatting is added around the escaped text, never
// through it; only the source links it builds (sourceLine) are masked.
func escapeMarkdown(s string) string { return escapeText(s, false) }

// escapeAnswer is escapeMarkdown for an answer's text, which keeps its
// citation markers ("[2]") as they are. A marker followed by "(" is
// escaped like any bracket, so "[2](https://…)" is no link either.
func escapeAnswer(s string) string { return escapeText(s, true) }

func escapeText(s string, keepCitations bool) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart, last := true, 0
	for _, loc := range bareURL.FindAllStringIndex(s, -1) {
		if loc[0] < last {
			continue
		}
		u := strings.TrimRight(s[loc[0]:loc[1]], ".,;:!?)]}*_~|")
		escapeSegment(&b, s[last:loc[0]], lineStart, keepCitations)
		b.WriteString("<" + u + ">")
		lineStart, last = false, loc[0]+len(u) // text after an address is mid-line
	}
	escapeSegment(&b, s[last:], lineStart, keepCitations)
	return b.String()
}

// escapeSegment writes text that holds no address, escaped; lineStart says
// whether it begins a line. It returns whether the next text would.
func escapeSegment(b *strings.Builder, s string, lineStart, keepCitations bool) bool {
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
			lineStart = true
		}
		if lineStart && line != "" {
			rest := strings.TrimLeft(line, " \t")
			b.WriteString(line[:len(line)-len(rest)])
			line = rest
			if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "-#") || strings.HasPrefix(line, ">") {
				b.WriteByte('\\')
			}
		}
		if line != "" {
			lineStart = false
		}
		for keepCitations {
			j := strings.IndexByte(line, '[')
			if j < 0 {
				break
			}
			b.WriteString(markdownEscaper.Replace(line[:j]))
			line = line[j:]
			if m := citationMarker.FindString(line); m != "" && !strings.HasPrefix(line[len(m):], "(") {
				b.WriteString(m)
				line = line[len(m):]
				continue
			}
			b.WriteString(`\[`)
			line = line[1:]
		}
		b.WriteString(markdownEscaper.Replace(line))
	}
	return lineStart
}

// unescapeMarkdown undoes escapeMarkdown, for text read back from the
// bot's own messages (a question from an answer's title, an earlier
// answer as history).
func unescapeMarkdown(s string) string {
	s = markdownUnescaper.Replace(s)
	return bareURLInBrackets.ReplaceAllString(s, "$1")
}

var markdownUnescaper = strings.NewReplacer(
	`\\`, `\`, "\\`", "`", `\*`, `*`, `\_`, `_`, `\~`, `~`, `\|`, `|`, `\[`, `[`, `\]`, `]`,
	`\>`, `>`, `\#`, `#`, `\-#`, `-#`,
)

var bareURLInBrackets = regexp.MustCompile(`<(https?://[^\s<>]+)>`)
