package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
)

func TestNeutralizeMentions(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"hello @everyone", "hello @\u200beveryone"},
		{"@here now", "@\u200bhere now"},
		{"ping <@123> and <@!456>", "ping <@\u200b123> and <@\u200b!456>"},
		{"role <@&789>", "role <@\u200b&789>"},
		{"email a@b.com, @someone", "email a@b.com, @someone"},
		{"", ""},
	} {
		if got := neutralizeMentions(tc.in); got != tc.want {
			t.Errorf("neutralizeMentions(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCleanQuestion(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  Who is\tJohn\n\nCoale?  ", "Who is John Coale?"},
		{"who\x00 is\x07 he", "who is he"},
		{"zero\u200bwidth\u200d joiner\ufeff", "zerowidth joiner"},
		{"\u202eevil reversed\u202c text\u2066", "evil reversed text"},
		{"bad \xff utf8", "bad \ufffd utf8"},
		{"\u00a0\u2003", ""},
	} {
		if got := cleanQuestion(tc.in); got != tc.want {
			t.Errorf("cleanQuestion(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSourceLine(t *testing.T) {
	day := time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		name string
		c    rag.Citation
		want string
	}{
		{"linked", rag.Citation{N: 3, Passage: rag.Passage{Title: "Talks in Rome", Outlet: "Sky News", URL: "https://sky.example/a", Published: day}},
			"[3] [Talks in Rome](https://sky.example/a) — Sky News, 2 Jan 2006"},
		{"no url", rag.Citation{N: 1, Passage: rag.Passage{Title: "Talks", Outlet: "Sky News", Published: day}},
			"[1] Talks — Sky News, 2 Jan 2006"},
		{"no date or outlet", rag.Citation{N: 2, Passage: rag.Passage{Title: "Talks", URL: "https://sky.example/b"}},
			"[2] [Talks](https://sky.example/b)"},
		{"unsafe scheme", rag.Citation{N: 4, Passage: rag.Passage{Title: "Click", URL: "javascript:alert(1)"}},
			"[4] Click"},
		{"brackets and parens", rag.Citation{N: 5, Passage: rag.Passage{Title: "A [draft] title", URL: "https://en.example/wiki/X_(y)"}},
			"[5] [A (draft) title](https://en.example/wiki/X_%28y%29)"},
		{"mentions", rag.Citation{N: 6, Passage: rag.Passage{Title: "@everyone look", Outlet: "<@&1>"}},
			"[6] @\u200beveryone look — <@\u200b&1>"},
		{"no title", rag.Citation{N: 7, Passage: rag.Passage{ArticleID: "seed-1"}}, "[7] seed-1"},
	} {
		if got := sourceLine(tc.c); got != tc.want {
			t.Errorf("%s: sourceLine = %q, want %q", tc.name, got, tc.want)
		}
	}
	huge := rag.Citation{N: 99, Passage: rag.Passage{Title: strings.Repeat("long title ", 200), URL: "https://x.example/" + strings.Repeat("a", 2000)}}
	if n := discordLen(sourceLine(huge)); n > maxFieldValue {
		t.Errorf("a huge citation gives a %d-character line", n)
	}
}

func TestRenderAnswerAbstainsPlainly(t *testing.T) {
	replies := renderAnswer(answerView{Title: "Who won the 2030 World Cup?"}, rag.Answer{Abstained: true})
	if len(replies) != 1 || len(replies[0].Embeds) != 1 {
		t.Fatalf("replies = %+v", replies)
	}
	e := replies[0].Embeds[0]
	if !strings.Contains(e.Description, "The coverage doesn't say") || e.Color != colorAbstain || len(e.Fields) != 0 {
		t.Errorf("abstention embed = %+v", e)
	}
	if replies[0].Components != nil {
		t.Error("buttons without an answer id")
	}
}

func TestRenderAnswerCaveatFirst(t *testing.T) {
	a := sampleAnswer("q")
	a.Caveat = "The newest article on this is three weeks old."
	e := renderAnswer(answerView{Title: "q", AnswerID: "1"}, a)[0].Embeds[0]
	if !strings.HasPrefix(e.Description, "⚠️ The newest article on this is three weeks old.\n\nStarmer told") {
		t.Errorf("description = %q", e.Description)
	}
	if e.Footer == nil || e.Footer.Text != "As of 26 Apr 2025" {
		t.Errorf("footer = %+v", e.Footer)
	}
}

func TestRenderAnswerTitleIsSafe(t *testing.T) {
	title := "```@everyone ** <@&1> " + strings.Repeat("x", 400)
	e := renderAnswer(answerView{Title: title}, sampleAnswer(""))[0].Embeds[0]
	if strings.Contains(e.Title, "```") || strings.Contains(e.Title, "@everyone") || strings.Contains(e.Title, "<@&") {
		t.Errorf("unsafe title %q", e.Title)
	}
	if discordLen(e.Title) > maxEmbedTitle {
		t.Errorf("title is %d characters", discordLen(e.Title))
	}
}

// Every rendered answer fits Discord's limits whatever its size, and keeps
// all its text and sources in order.
func TestRenderAnswerAlwaysFits(t *testing.T) {
	for _, size := range []int{0, 100, 4000, 4100, 6500, 20000, 60000} {
		for _, nCites := range []int{0, 1, 30, 120} {
			t.Run(fmt.Sprintf("%d chars %d cites", size, nCites), func(t *testing.T) {
				var text strings.Builder
				for i := 0; text.Len() < size; i++ {
					fmt.Fprintf(&text, "Sentence %d mentions 👍 and a source [%d]. ", i, i%max(nCites, 1)+1)
				}
				a := rag.Answer{Text: text.String(), AsOf: publishedDay}
				for i := 1; i <= nCites; i++ {
					a.Citations = append(a.Citations, rag.Citation{N: i, Passage: rag.Passage{
						Title: strings.Repeat("Title ", 20) + fmt.Sprint(i), Outlet: "Outlet", URL: "https://example.com/" + strings.Repeat("p", 150),
						Published: publishedDay}})
				}
				replies := renderAnswer(answerView{Title: "Q", AnswerID: "42"}, a)
				var desc, lines []string
				for i, r := range replies {
					if err := checkReply(r); err != nil {
						t.Fatalf("reply %d: %v", i, err)
					}
					for _, e := range r.Embeds {
						if e.Description != "" {
							desc = append(desc, e.Description)
						}
						for _, f := range e.Fields {
							lines = append(lines, strings.Split(f.Value, "\n")...)
						}
					}
					if (r.Components != nil) != (i == len(replies)-1) {
						t.Errorf("reply %d: feedback buttons misplaced", i)
					}
				}
				want := strings.TrimSpace(text.String())
				if want == "" {
					want = "The coverage doesn't say. I couldn't find anything about this in the articles I have."
				}
				if got := strings.Join(strings.Fields(strings.Join(desc, " ")), " "); got != strings.Join(strings.Fields(want), " ") {
					t.Error("answer text changed in rendering")
				}
				if len(lines) != nCites {
					t.Fatalf("%d source lines, want %d", len(lines), nCites)
				}
				for i, l := range lines {
					if !strings.HasPrefix(l, fmt.Sprintf("[%d] ", i+1)) {
						t.Errorf("source line %d = %q", i, l)
					}
				}
			})
		}
	}
}

func TestRenderNoticeSplitsLongText(t *testing.T) {
	replies := renderNotice(strings.Repeat("A sentence for the report. ", 200))
	if len(replies) < 2 {
		t.Fatalf("%d replies", len(replies))
	}
	for _, r := range replies {
		if err := checkReply(r); err != nil {
			t.Error(err)
		}
	}
}

func TestRenderSources(t *testing.T) {
	arts := []rag.ArticleInfo{
		{ID: "old", Title: "Old story", Published: publishedDay.AddDate(0, -1, 0)},
		{ID: "undated", Title: "Undated story"},
		{ID: "new", Title: "New story", Outlet: "BBC", URL: "https://bbc.example/new", Published: publishedDay},
	}
	r := renderSources(arts, "", 0)
	e := r.Embeds[0]
	want := "`26 Apr 2025` [New story](https://bbc.example/new) — BBC\n`26 Mar 2025` Old story\n`undated` Undated story"
	if e.Description != want {
		t.Errorf("description =\n%s\nwant\n%s", e.Description, want)
	}
	if e.Footer.Text != "Page 1 of 1 · 3 articles · newest 26 Apr 2025" {
		t.Errorf("footer = %q", e.Footer.Text)
	}
	if r.Components != nil {
		t.Error("paging buttons on a single page")
	}
	if got := renderSources(arts, "bbc", 0).Embeds[0].Description; !strings.Contains(got, "New story") || strings.Contains(got, "Old") {
		t.Errorf("query did not filter: %q", got)
	}
	if got := renderSources(nil, "", 0).Embeds[0].Description; !strings.Contains(got, "no articles") {
		t.Errorf("empty coverage: %q", got)
	}
	if got := renderSources(someArticles(25), "", 99).Embeds[0].Footer.Text; !strings.HasPrefix(got, "Page 3 of 3") {
		t.Errorf("out-of-range page: %q", got)
	}
}

func TestCustomIDsRoundTrip(t *testing.T) {
	for _, q := range []string{"", "trump", "a:b:c", strings.Repeat("ü", 80)} {
		// Discord counts a custom ID in characters; a query up to
		// maxQueryChars, in any script, travels whole.
		id := sourcesID(4, q, "n")
		if n := utf8.RuneCountInString(id); n > maxCustomID {
			t.Errorf("custom id %q is %d characters", id, n)
		}
		page, got, ok := parseSourcesID(id)
		if !ok || page != 4 || got != q {
			t.Errorf("parseSourcesID(%q) = %d, %q, %v", id, page, got, ok)
		}
	}
	for _, bad := range []string{"sources:", "sources:x:1:q", "sources:n:-1:q", "sources:n:one:q", "fb:1:up"} {
		if _, _, ok := parseSourcesID(bad); ok {
			t.Errorf("parseSourcesID(%q) accepted", bad)
		}
	}
	if id, vote, ok := parseFeedbackID("fb:123:down"); !ok || id != "123" || vote != voteDown {
		t.Errorf("parseFeedbackID = %q %q %v", id, vote, ok)
	}
	for _, bad := range []string{"fb:", "fb::up", "fb:1:sideways", "sources:n:1:", "fb:1"} {
		if _, _, ok := parseFeedbackID(bad); ok {
			t.Errorf("parseFeedbackID(%q) accepted", bad)
		}
	}
}

func TestVotesAreIdempotentPerUser(t *testing.T) {
	v := newVotes(3)
	steps := []struct {
		answer, user, vote string
		counted            bool
	}{
		{"a", "u1", voteUp, true},
		{"a", "u1", voteUp, false},
		{"a", "u1", voteDown, true}, // a change of mind counts
		{"a", "u2", voteUp, true},
		{"b", "u1", voteUp, true},
		{"c", "u1", voteUp, true}, // capacity 3: the oldest (a/u1) is forgotten
		{"a", "u1", voteDown, true},
	}
	for i, s := range steps {
		if _, got := v.record(s.answer, s.user, s.vote); got != s.counted {
			t.Errorf("step %d: counted = %v, want %v", i, got, s.counted)
		}
	}
	if n := v.latest.order.Len(); n > 3 || len(v.latest.items) > 3 {
		t.Errorf("remembered %d votes, capacity 3", n)
	}
}

func TestArticleChoices(t *testing.T) {
	arts := append(someArticles(40), rag.ArticleInfo{ID: strings.Repeat("x", 101), Title: "Report with a long id"})
	got := articleChoices(arts, "report")
	if len(got) != maxChoices {
		t.Fatalf("%d choices, want %d", len(got), maxChoices)
	}
	if got[0].Value != "article-00" {
		t.Errorf("first choice %v, want the newest", got[0].Value)
	}
	for _, c := range got {
		if discordLen(c.Name) > maxChoiceChars || c.Value == strings.Repeat("x", 101) {
			t.Errorf("bad choice %+v", c)
		}
	}
	if got := articleChoices(arts, "number 07"); len(got) != 1 || got[0].Value != "article-07" {
		t.Errorf("substring match = %+v", got)
	}
}

func TestFindArticle(t *testing.T) {
	arts := someArticles(12)
	for _, tc := range []struct {
		picked string
		want   string
		ok     bool
	}{
		{"article-03", "article-03", true},
		{"Report number 05 on the talks", "article-05", true},
		{"number 11", "article-11", true},
		{"number 1", "", false}, // ambiguous: 01, 10, 11
		{"nothing like it", "", false},
	} {
		a, ok := findArticle(arts, tc.picked)
		if ok != tc.ok || a.ID != tc.want {
			t.Errorf("findArticle(%q) = %q, %v; want %q, %v", tc.picked, a.ID, ok, tc.want, tc.ok)
		}
	}
}
