package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

func TestQuoteBlock(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		q    rag.Quote
		want string
	}{
		{"speaker and role",
			rag.Quote{Speaker: "John Bolton", Role: "former national security adviser", Text: "Endless concessions."},
			"**John Bolton**, former national security adviser:\n> “Endless concessions.” [3]"},
		{"role that repeats the name is left out",
			rag.Quote{Speaker: "The Kremlin", Role: "the kremlin", Text: "No comment."},
			"**The Kremlin**:\n> “No comment.” [3]"},
		{"relayed words stay the spokesperson's",
			rag.Quote{Speaker: "A Downing Street spokesperson", About: "Sir Keir Starmer", Text: "no talks about Ukraine, without Ukraine"},
			"**A Downing Street spokesperson**, about Sir Keir Starmer:\n> “no talks about Ukraine, without Ukraine” [3]"},
		{"words delivered by someone else are marked as relayed",
			rag.Quote{Speaker: "Lia Rowe", Relayer: "a spokesperson", Text: "deeply sorry"},
			"**Lia Rowe**, relayed by a spokesperson:\n> “deeply sorry” [3]"},
		{"pronoun speaker says how the article names them",
			rag.Quote{Speaker: "Donald Trump", Mention: "He", Pronoun: true, Text: "A great meeting."},
			"**Donald Trump** (the article says “He”):\n> “A great meeting.” [3]"},
		{"paragraphs keep their marks; Markdown is shown as written",
			rag.Quote{Speaker: "Emmanuel Macron", Text: "We *must* act.\n\n“Now, [not] later_"},
			"**Emmanuel Macron**:\n> “We \\*must\\* act.\n> “Now, \\[not\\] later\\_” [3]"},
	} {
		if got := quoteBlock(tc.q, 3); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

func TestQuotesCiteEachArticleOnce(t *testing.T) {
	t.Parallel()
	a := quotesAnswer("Bolton", "", seedQuotes(), nil)
	if len(a.Citations) != 2 || a.Citations[0].ArticleID != "munich" || a.Citations[1].ArticleID != "starmer-call" {
		t.Fatalf("citations = %+v", a.Citations)
	}
	if a.Abstained || !a.AsOf.Equal(feb14) {
		t.Errorf("abstained=%v as of %v", a.Abstained, a.AsOf)
	}
	if got := strings.Count(a.Text, "[1]"); got != 2 {
		t.Errorf("%d quotes cite the first article, want 2", got)
	}
}

func TestSinceText(t *testing.T) {
	t.Parallel()
	for in, want := range map[time.Time]string{
		time.Date(2025, 4, 20, 0, 0, 0, 0, time.UTC):                       "20 Apr 2025",
		time.Date(2025, 4, 20, 12, 30, 0, 0, time.UTC):                     "20 Apr 2025 12:30 UTC",
		time.Date(2025, 4, 20, 2, 0, 0, 0, time.FixedZone("CEST", 2*3600)): "20 Apr 2025",
	} {
		if got := sinceText(in); got != want {
			t.Errorf("sinceText(%v) = %q, want %q", in, got, want)
		}
	}
}

// Whatever the coverage holds, every message the intelligence commands,
// announcements and /feeds make fits Discord's limits and can ping nobody.
func FuzzIntelRender(f *testing.F) {
	f.Add("John Bolton", "adviser", "", "Endless concessions.", "Bolton warns", "https://news.example/a")
	f.Add("@everyone", "<@&500>", "@here", "ping <@700> [1] **bold** `code`\n\n“next", "[x](y)", "javascript:alert(1)")
	f.Add("", "", "", "", "", "")
	f.Add(strings.Repeat("é", 300), strings.Repeat("🙂", 700), "x", strings.Repeat("word ", 2000), strings.Repeat("t", 400), "https://"+strings.Repeat("a", 3000))
	f.Fuzz(func(t *testing.T, speaker, role, about, text, title, url string) {
		day := time.Date(2025, 4, 26, 0, 0, 0, 0, time.UTC)
		var quotes []rag.Quote
		var entries []rag.TimelineEntry
		var arts []rag.ArticleInfo
		var feeds []FeedStatus
		for i := range 20 {
			id := title + string(rune('a'+i))
			quotes = append(quotes, rag.Quote{Speaker: speaker, Role: role, About: about, Text: text, ArticleID: id,
				Title: title, Outlet: role, URL: url, Published: day})
			entries = append(entries, rag.TimelineEntry{Date: day, Precision: rag.PrecisionDay, Text: text, Update: i%3 == 2, Revises: i,
				Citation: rag.Citation{N: i + 1, Passage: rag.Passage{ArticleID: id, Title: title, URL: url, Published: day}}})
			arts = append(arts, rag.ArticleInfo{ID: id, Title: title, Outlet: speaker, URL: url, Published: day})
			feeds = append(feeds, FeedStatus{URL: url + title, LastError: text, Failures: i, LastSuccess: day})
		}
		cmp := rag.Comparison{Framing: text, Citations: []rag.Citation{entries[0].Citation, entries[1].Citation, entries[2].Citation}}
		for i := range 3 {
			cmp.Outlets = append(cmp.Outlets, rag.OutletCoverage{Outlet: speaker + role, First: day, Articles: arts[:5],
				Unique: []rag.Fact{{Text: text, Citation: entries[i].Citation}}})
		}
		var all []reply
		all = append(all, renderAnswer(answerView{Title: speaker + title, AnswerID: "1"}, quotesAnswer(speaker, about, quotes, nil))...)
		all = append(all, renderAnswer(answerView{Title: speaker}, quotesAnswer(speaker, about, nil, []string{speaker, role, about}))...)
		all = append(all, renderAnswer(answerView{Title: title}, timelineAnswer(title, entries))...)
		all = append(all, renderAnswer(answerView{Title: title}, compareAnswer(title, cmp))...)
		all = append(all, renderAnnouncement(arts[:1])...)
		all = append(all, renderAnnouncement(arts)...)
		all = append(all, renderFeeds(feeds)...)
		for i, r := range all {
			if err := checkReply(r); err != nil {
				t.Fatalf("reply %d breaks Discord's limits: %v", i, err)
			}
			visible := []string{r.Content}
			for _, e := range r.Embeds {
				visible = append(visible, e.Title, e.Description)
				for _, fl := range e.Fields {
					visible = append(visible, fl.Value)
				}
			}
			for _, v := range visible {
				if strings.Contains(v, "@everyone") || strings.Contains(v, "@here") || strings.Contains(v, "<@7") || strings.Contains(v, "<@&") {
					t.Fatalf("reply %d shows a live mention: %q", i, v)
				}
			}
		}
	})
}
