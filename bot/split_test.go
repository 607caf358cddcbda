package bot

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestDiscordLenCountsUTF16Units(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"é", 1},
		{"日本", 2},
		{"👍", 2}, // outside the BMP: a surrogate pair
		{"a👍b", 4},
	} {
		if got := discordLen(tc.in); got != tc.want {
			t.Errorf("discordLen(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestSplitText(t *testing.T) {
	long := strings.Repeat("word ", 30) // 150 characters
	for _, tc := range []struct {
		name  string
		in    string
		limit int
		want  []string
	}{
		{"fits", "Short answer [1].", 100, []string{"Short answer [1]."}},
		{"empty", "   ", 100, nil},
		{"prefers paragraph in second half",
			"First paragraph is here and long.\n\nSecond one. More text follows.", 50,
			[]string{"First paragraph is here and long.", "Second one. More text follows."}},
		{"sentence when the paragraph break is too early",
			"Tiny.\n\nThen a sentence that runs on. And another that ends it all.", 50,
			[]string{"Tiny.\n\nThen a sentence that runs on.", "And another that ends it all."}},
		{"sentence end after a marker",
			"Starmer spoke to Zelenskyy. [1] He said more later on. [2]", 40,
			[]string{"Starmer spoke to Zelenskyy. [1]", "He said more later on. [2]"}},
		{"word when there is no sentence end",
			"alpha beta gamma delta epsilon zeta eta theta iota kappa", 20,
			[]string{"alpha beta gamma", "delta epsilon zeta", "eta theta iota kappa"}},
		{"never splits a marker",
			"aaaa bbbb cccc [12] dddd", 17,
			[]string{"aaaa bbbb cccc", "[12] dddd"}},
		{"never splits a link",
			"Read this: [the full report on it](https://e.com/a) now", 40,
			[]string{"Read this:", "[the full report on it](https://e.com/a)", "now"}},
		{"hard cut only inside an over-long word",
			strings.Repeat("x", 40), 16,
			[]string{strings.Repeat("x", 16), strings.Repeat("x", 16), strings.Repeat("x", 8)}},
		{"emoji count double",
			strings.Repeat("👍", 10), 16,
			[]string{strings.Repeat("👍", 8), strings.Repeat("👍", 2)}},
		{"long text by words", long, 100,
			[]string{strings.TrimSpace(strings.Repeat("word ", 20)), strings.TrimSpace(strings.Repeat("word ", 10))}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := splitText(tc.in, tc.limit)
			if len(got) != len(tc.want) {
				t.Fatalf("splitText = %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("piece %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
			checkSplit(t, tc.in, tc.limit, got)
		})
	}
}

func TestSplitTextLongAnswerUsesSentences(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 9000; i++ {
		b.WriteString("Officials said the talks in Rome went on for fifteen minutes and covered a ceasefire [3]. ")
		if i%7 == 6 {
			b.WriteString("\n\n")
		}
	}
	pieces := splitText(b.String(), maxEmbedDescription)
	if len(pieces) < 3 {
		t.Fatalf("got %d pieces, want at least 3", len(pieces))
	}
	checkSplit(t, b.String(), maxEmbedDescription, pieces)
	for i, p := range pieces[:len(pieces)-1] {
		if !strings.HasSuffix(p, ".") {
			t.Errorf("piece %d ends mid-sentence: …%q", i, p[len(p)-20:])
		}
	}
}

// checkSplit verifies the splitter's promises: every piece within the
// limit; the pieces, in order, are the text with only whitespace removed
// between them; no cut inside a word, marker or link unless that word, marker
// or link is itself longer than the limit.
func checkSplit(t *testing.T, text string, limit int, pieces []string) {
	t.Helper()
	pos := 0
	var cuts []int // byte offsets in text where one piece ended without whitespace after it
	for i, p := range pieces {
		if p == "" {
			t.Fatalf("piece %d is empty", i)
		}
		if n := discordLen(p); n > limit {
			t.Fatalf("piece %d is %d units, limit %d", i, n, limit)
		}
		if p != strings.TrimSpace(p) {
			t.Errorf("piece %d has whitespace at an end: %q", i, p)
		}
		skipped := 0
		for pos < len(text) && !strings.HasPrefix(text[pos:], p) {
			r, w := utf8.DecodeRuneInString(text[pos:])
			if !unicode.IsSpace(r) {
				t.Fatalf("piece %d: text lost or reordered before %q (at byte %d: %q)", i, p, pos, r)
			}
			pos += w
			skipped++
		}
		if pos >= len(text) {
			t.Fatalf("piece %d %q not found in order", i, p)
		}
		if i > 0 && skipped == 0 {
			cuts = append(cuts, pos)
		}
		pos += len(p)
	}
	if rest := text[pos:]; strings.TrimSpace(rest) != "" {
		t.Fatalf("text lost at the end: %q", rest)
	}
	for _, c := range cuts {
		// A cut with no whitespace must be inside a run of non-space text
		// longer than the limit, or just before a marker or link.
		start, end := c, c
		for start > 0 {
			r, w := utf8.DecodeLastRuneInString(text[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= w
		}
		for end < len(text) {
			r, w := utf8.DecodeRuneInString(text[end:])
			if unicode.IsSpace(r) {
				break
			}
			end += w
		}
		if discordLen(text[start:end]) <= limit && !startsSpan(text, c) {
			t.Errorf("cut at byte %d splits the word %q, which fits the limit", c, text[start:end])
		}
	}
	// Cuts (with or without whitespace) never fall inside a marker or link
	// that fits the limit.
	offsets := pieceOffsets(text, pieces)
	for _, sp := range protectedSpans(text) {
		if discordLen(text[sp[0]:sp[1]]) > limit {
			continue
		}
		for _, o := range offsets {
			if o[0] > sp[0] && o[0] < sp[1] || o[1] > sp[0] && o[1] < sp[1] {
				t.Errorf("a piece boundary breaks %q", text[sp[0]:sp[1]])
			}
		}
	}
}

func startsSpan(text string, at int) bool {
	for _, sp := range protectedSpans(text) {
		if sp[0] == at {
			return true
		}
	}
	return false
}

func pieceOffsets(text string, pieces []string) [][2]int {
	var out [][2]int
	pos := 0
	for _, p := range pieces {
		i := strings.Index(text[pos:], p)
		if i < 0 {
			return out
		}
		out = append(out, [2]int{pos + i, pos + i + len(p)})
		pos += i + len(p)
	}
	return out
}

func FuzzSplit(f *testing.F) {
	f.Add("Starmer spoke to Zelenskyy. [1] He said more. [2]\n\nNew paragraph [12].", 20)
	f.Add("See [the report](https://example.com/x_(y)) and [1][2][3] then more words here", 16)
	f.Add(strings.Repeat("👍🏽", 50), 17)
	f.Add("a\u00a0b\u2003c\nd\r\ne\tf", 16)
	f.Add(strings.Repeat("x", 100)+" [1234] "+strings.Repeat("y ", 40), 16)
	f.Add("\xff\xfe invalid utf8 \xc3", 16)
	f.Fuzz(func(t *testing.T, text string, limit int) {
		if limit < minSplitLimit || limit > 5000 || len(text) > 20000 {
			return
		}
		if !utf8.ValidString(text) {
			// Discord only ever carries valid UTF-8; the renderer makes sure
			// of it. Check that invalid input is at least handled.
			splitText(text, limit)
			return
		}
		checkSplit(t, text, limit, splitText(text, limit))
	})
}

func TestTruncateText(t *testing.T) {
	for _, tc := range []struct {
		in    string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"the quick brown fox jumps", 12, "the quick…"},
		{"abcdefghijklmnop", 8, "abcdefg…"},
	} {
		got := truncateText(tc.in, tc.limit)
		if got != tc.want {
			t.Errorf("truncateText(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
		}
		if discordLen(got) > tc.limit {
			t.Errorf("truncateText(%q, %d) is too long", tc.in, tc.limit)
		}
	}
}
