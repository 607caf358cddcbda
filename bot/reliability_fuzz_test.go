package bot

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Fuzz targets for what the bot reads from anyone on Discord: the question
// text it cleans and echoes, and the custom IDs of button clicks, which a
// modified client can set to anything.

// liveMention is a user or role mention as Discord parses one.
var liveMention = regexp.MustCompile(`<@[!&]?[0-9]+>`)

func FuzzCleanQuestion(f *testing.F) {
	for _, s := range []string{"Who is John Coale?", " \t\n", "who\x00 is\u200b John\u202e\tCoale?\x07", "@everyone <@&1> <@!2> @here",
		"```\n**x**``` ||y|| [z](https://e.example)", "a\xff\xfeb", strings.Repeat("é", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := cleanQuestion(s)
		if !utf8.ValidString(q) {
			t.Fatalf("cleanQuestion(%q) = %q is not valid UTF-8", s, q)
		}
		if q != strings.TrimSpace(q) || strings.Contains(q, "  ") {
			t.Errorf("cleanQuestion(%q) = %q has stray spaces", s, q)
		}
		for _, r := range q {
			if invisibleRune(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Errorf("cleanQuestion(%q) keeps %U", s, r)
			}
		}
		if again := cleanQuestion(q); again != q {
			t.Errorf("cleanQuestion is not idempotent: %q then %q", q, again)
		}
		title := titleText(s)
		if discordLen(title) > maxEmbedTitle || strings.Contains(title, "\n") {
			t.Errorf("titleText(%q) = %q does not fit a title", s, title)
		}
		for _, out := range []string{neutralizeMentions(s), title} {
			if strings.Contains(out, "@everyone") || strings.Contains(out, "@here") || liveMention.MatchString(out) {
				t.Errorf("%q still mentions someone after neutralising: %q", s, out)
			}
		}
	})
}

func FuzzCustomIDs(f *testing.F) {
	for _, s := range []string{"fb:123:up", "fb:1:down", "fb::up", "fb:1:sideways", sourcesID(3, "trump", "n"),
		"sources:n:-1:q", "sources:n:99999999999999999999:q", "sources:", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if answer, vote, ok := parseFeedbackID(id); ok {
			if answer == "" || (vote != voteUp && vote != voteDown) {
				t.Errorf("parseFeedbackID(%q) accepted answer %q vote %q", id, answer, vote)
			}
		}
		if page, query, ok := parseSourcesID(id); ok {
			if page < 0 {
				t.Errorf("parseSourcesID(%q) accepted page %d", id, page)
			}
			if !strings.Contains(id, query) || !strings.Contains(id, strconv.Itoa(page)) {
				t.Errorf("parseSourcesID(%q) = %d, %q: not from the id", id, page, query)
			}
		}
	})
}
