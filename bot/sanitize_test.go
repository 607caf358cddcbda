package bot

import (
	"regexp"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

// maskedLink is Discord's [text](http…) link, with or without <…> around
// the address: what must never come out of escaped text.
var maskedLink = regexp.MustCompile(`(^|[^\\])\[[^\]]*[^\\]\]\(<?https?://`)

func TestEscapeAnswer(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"masked link", "Log in at [discord.com/verify](https://evil.example/login) now [1].",
			`Log in at \[discord.com/verify\](<https://evil.example/login>) now [1].`},
		{"marker made a link", "See [2](https://evil.example/x) and [1, 3].",
			`See \[2\](<https://evil.example/x>) and [1, 3].`},
		{"bare address", "Read https://example.com/a_b_c?x=1*2, then stop.",
			"Read <https://example.com/a_b_c?x=1*2>, then stop."},
		{"headings and quotes", "# Big\n  ## Bigger\n-# small\n> quoted\n>>> all of it\nnot # a heading",
			"\\# Big\n  \\## Bigger\n\\-# small\n\\> quoted\n\\>>> all of it\nnot # a heading"},
		{"code block breakout", "```\nrm -rf /\n``` and `x`",
			"\\`\\`\\`\n\\rm -rf /\n\\`\\`\\` and \\`x\\`"},
		{"emphasis, spoilers, strikes", "**bold** __under__ ||spoiler|| ~~gone~~ \\n",
			`\*\*bold\*\* \_\_under\_\_ \|\|spoiler\|\| \~\~gone\~\~ \\n`},
	}
	for _, tc := range tests {
		got := escapeAnswer(tc.in)
		if tc.name == "code block breakout" {
			// "rm" starts a line but is no Markdown: nothing is added.
			tc.want = strings.Replace(tc.want, "\\rm", "rm", 1)
		}
		if got != tc.want {
			t.Errorf("%s: escapeAnswer(%q)\n = %q\nwant %q", tc.name, tc.in, got, tc.want)
		}
		if maskedLink.MatchString(got) {
			t.Errorf("%s: %q still holds a masked link", tc.name, got)
		}
		if back := unescapeMarkdown(got); back != tc.in {
			t.Errorf("%s: unescapeMarkdown gives %q, want %q", tc.name, back, tc.in)
		}
	}
	// Outside answers, markers are brackets like any other.
	if got := escapeMarkdown("[1] a"); got != `\[1\] a` {
		t.Errorf("escapeMarkdown kept a marker: %q", got)
	}
}

func FuzzEscapeAnswer(f *testing.F) {
	for _, s := range []string{"[a](https://x.example)", "# h\n> q", "```x```", "[1](http://y)", "https://a.example/)](", "\\[x](https://z)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := escapeAnswer(s)
		if maskedLink.MatchString(got) {
			t.Errorf("escapeAnswer(%q) = %q holds a masked link", s, got)
		}
		for _, line := range strings.Split(got, "\n") {
			l := strings.TrimLeft(line, " \t")
			if strings.HasPrefix(l, "#") || strings.HasPrefix(l, ">") || strings.HasPrefix(l, "-#") {
				t.Errorf("escapeAnswer(%q) has the line %q", s, line)
			}
		}
		if strings.Contains(strings.ReplaceAll(got, "\\`", ""), "`") {
			t.Errorf("escapeAnswer(%q) = %q leaves a backtick bare", s, got)
		}
	})
}

// TestPassagesShowArticleMarkdownAsText: "Show passages" shows an
// article's text, which must not bring its masked links and headings with
// it.
func TestPassagesShowArticleMarkdownAsText(t *testing.T) {
	r := renderPassages([]rag.Citation{{N: 1, Passage: rag.Passage{ArticleID: "notes", Title: "Envoy notes", URL: "https://example.com/notes",
		Text: "# Verify now\nConfirm at [discord.com/verify](https://evil.example/login) today."}}})
	if len(r.Embeds) != 1 {
		t.Fatalf("%d embeds", len(r.Embeds))
	}
	d := r.Embeds[0].Description
	if maskedLink.MatchString(d) || strings.HasPrefix(d, "#") {
		t.Errorf("the passage keeps its Markdown: %q", d)
	}
	if !strings.Contains(d, "discord.com/verify") {
		t.Errorf("the passage lost its text: %q", d)
	}
}
