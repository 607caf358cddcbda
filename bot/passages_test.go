package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/rag"
)

// Each source in an answer links to its article, and "Show passages" shows
// the cited passages privately; after a restart it says they are gone and
// points to the links.
func TestShowPassages(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	h.cov.ask = func(_ context.Context, q string, _ rag.AskOptions) (rag.Answer, error) {
		a := sampleAnswer(q)
		a.Citations[0].Text = "Starmer told Zelenskyy that Ukraine was on an irreversible path to NATO membership."
		a.Citations[1].Text = "The two men met in St Peter's Basilica before the funeral."
		return a, nil
	}
	id, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
		Name: "ask", Options: []fakediscord.Option{{Name: "question", Value: "what did Starmer tell Zelenskyy?"}}})
	final := h.finalEdit(token)
	if sources := final.Embeds[len(final.Embeds)-1].Fields; len(sources) == 0 ||
		!strings.Contains(sources[0].Value, "[Starmer speaks to Zelenskyy](https://news.sky.com/story/starmer-call)") {
		t.Errorf("sources = %+v; want the first linked to its article", sources)
	}
	var button string
	for _, b := range final.Buttons() {
		if strings.HasPrefix(b.CustomID, passagesPrefix) {
			button = b.CustomID
		}
	}
	if button != passagesPrefix+id {
		t.Fatalf("passages button %q, want %q", button, passagesPrefix+id)
	}
	_, tok := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: adminUserID, CustomID: button})
	cb := h.callback(tok)
	if cb.Type != 4 || !cb.Data.Ephemeral() || len(cb.Data.Embeds) != 2 {
		t.Fatalf("passages answered %d, ephemeral %v, %d embeds", cb.Type, cb.Data.Ephemeral(), len(cb.Data.Embeds))
	}
	first, second := cb.Data.Embeds[0], cb.Data.Embeds[1]
	if !strings.Contains(first.Title, "Starmer speaks to Zelenskyy") || first.URL != "https://news.sky.com/story/starmer-call" ||
		!strings.Contains(first.Description, "irreversible path") || !strings.Contains(second.Description, "St Peter's Basilica") {
		t.Errorf("passages = %+v, %+v", first, second)
	}

	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	h.another(Config{})
	_, tok = h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: adminUserID, CustomID: button})
	if cb := h.callback(tok); cb.Type != 4 || !cb.Data.Ephemeral() || cb.Data.Content != msgPassagesGone {
		t.Errorf("after a restart: %d %v %q", cb.Type, cb.Data.Ephemeral(), cb.Data.Content)
	}
}

// Many long passages still make one valid message: ten at most, within
// the total, the longest shortened.
func TestRenderPassagesFitsOneMessage(t *testing.T) {
	var cites []rag.Citation
	for n := 1; n <= 12; n++ {
		cites = append(cites, rag.Citation{N: n, Passage: rag.Passage{ArticleID: fmt.Sprint("a", n), Title: strings.Repeat("Title ", 60),
			URL: "https://example.com/" + fmt.Sprint(n), Outlet: "Outlet", Published: publishedDay, Text: strings.Repeat("word ", 800)}})
	}
	cites = append(cites, cites[0]) // cited twice, shown once
	r := renderPassages(cites)
	if err := checkReply(r); err != nil {
		t.Fatal(err)
	}
	if len(r.Embeds) != 10 || r.Content != "The first ten cited passages:" {
		t.Errorf("%d embeds, content %q", len(r.Embeds), r.Content)
	}
	if r := renderPassages(cites[:2]); r.Content != "" || len(r.Embeds) != 2 {
		t.Errorf("two passages: %d embeds, content %q", len(r.Embeds), r.Content)
	}
}
