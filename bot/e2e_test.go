package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/rag"
)

func commandNames(cmds []fakediscord.Command) []string {
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
	}
	slices.Sort(names)
	return names
}

func TestRegistersCommands(t *testing.T) {
	t.Parallel()
	want := []string{"ask", "compare", "digest", "feeds", "help", "ingest", "quotes", "reindex", "sources", "summary", "timeline"}
	for _, tc := range []struct {
		name   string
		guilds []string
		scope  string
	}{
		{"globally", nil, ""},
		{"per guild", []string{guildID}, guildID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := startBot(t, Config{Guilds: tc.guilds})
			cmds := h.fake.Commands(tc.scope)
			if got := commandNames(cmds); !slices.Equal(got, want) {
				t.Fatalf("registered %v, want %v", got, want)
			}
			if tc.scope != "" && len(h.fake.Commands("")) != 0 {
				t.Errorf("guild registration also registered global commands")
			}
			for _, c := range cmds {
				admin := c.Name == "ingest" || c.Name == "reindex" || c.Name == "feeds"
				hasDefault := c.DefaultMemberPermissions != nil && *c.DefaultMemberPermissions == "32"
				if admin != hasDefault {
					t.Errorf("/%s default_member_permissions = %v; admin=%v", c.Name, c.DefaultMemberPermissions, admin)
				}
				// Admin commands are for a server only; reader commands work in
				// servers and the bot's DMs. The bot is installed to servers.
				wantContexts := []int{0, 1}
				if admin {
					wantContexts = []int{0}
				}
				if !slices.Equal(c.Contexts, wantContexts) || !slices.Equal(c.IntegrationTypes, []int{0}) {
					t.Errorf("/%s contexts = %v, integration_types = %v; admin=%v", c.Name, c.Contexts, c.IntegrationTypes, admin)
				}
				// Every reader command whose reply is public by default takes
				// private:, and every description has its French.
				if _, ok := c.Option("private"); ok == (admin || c.Name == "help") {
					t.Errorf("/%s has a private option: %v; admin=%v", c.Name, ok, admin)
				}
				if c.DescriptionLocalizations["fr"] == "" {
					t.Errorf("/%s has no French description", c.Name)
				}
				for _, o := range c.Options {
					if o.DescriptionLocalizations["fr"] == "" {
						t.Errorf("/%s %s: no French description", c.Name, o.Name)
					}
				}
				if c.DMPermission != nil {
					t.Errorf("/%s sends the deprecated dm_permission", c.Name)
				}
			}
			ask := cmds[slices.IndexFunc(cmds, func(c fakediscord.Command) bool { return c.Name == "ask" })]
			q, ok := ask.Option("question")
			if !ok || !q.Required || q.MaxLength == nil || *q.MaxLength != maxQuestionChars {
				t.Errorf("/ask question option = %+v", q)
			}
			if !h.bot.Ready() {
				t.Error("Ready() is false after Open")
			}
		})
	}
}

func TestIdentifiesWithShardAndIntents(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{ShardID: 1, ShardCount: 2, Channels: []string{questionsCh}})
	ids := h.fake.Identities()
	if len(ids) != 1 {
		t.Fatalf("%d identifies, want 1", len(ids))
	}
	if ids[0].Shard != [2]int{1, 2} {
		t.Errorf("shard = %v, want [1 2]", ids[0].Shard)
	}
	const messageContent = 1 << 15
	if ids[0].Intents&messageContent == 0 {
		t.Error("Message Content intent not requested although Channels is set")
	}

	plain := startBot(t, Config{})
	if got := plain.fake.Identities()[0].Intents; got&messageContent != 0 {
		t.Errorf("Message Content intent requested without need (intents %b)", got)
	}
}

func TestAskIsDeferredThenAnsweredWithSources(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	token := h.ask(readerID, "What did Starmer tell Zelenskyy?")

	cb := h.callback(token)
	if cb.Type != 5 || cb.Data.Ephemeral() {
		t.Fatalf("callback type %d ephemeral=%v, want a public deferral (5)", cb.Type, cb.Data.Ephemeral())
	}
	final := h.finalEdit(token)
	if len(final.Embeds) != 1 {
		t.Fatalf("final answer has %d embeds, want 1", len(final.Embeds))
	}
	e := final.Embeds[0]
	if e.Title != "What did Starmer tell Zelenskyy?" {
		t.Errorf("title = %q", e.Title)
	}
	if !strings.Contains(e.Description, "irreversible [1]") || !strings.Contains(e.Description, "Rome [2]") {
		t.Errorf("description lost the answer or its markers: %q", e.Description)
	}
	if len(e.Fields) != 1 || e.Fields[0].Name != "Sources" {
		t.Fatalf("fields = %+v, want one Sources field", e.Fields)
	}
	wantSources := "[1] [Starmer speaks to Zelenskyy](https://news.sky.com/story/starmer-call) — Sky News, 26 Apr 2025\n" +
		"[2] Trump and Zelenskyy meet in St Peter's — Sky News, 26 Apr 2025"
	if e.Fields[0].Value != wantSources {
		t.Errorf("sources =\n%s\nwant\n%s", e.Fields[0].Value, wantSources)
	}
	if e.Footer == nil || e.Footer.Text != "As of 26 Apr 2025" {
		t.Errorf("footer = %+v, want the as-of date", e.Footer)
	}
	if !hasFeedback(final) {
		t.Error("no feedback buttons on the answer")
	}
	if got := h.cov.questions(); len(got) != 1 || got[0].question != "What did Starmer tell Zelenskyy?" {
		t.Errorf("coverage asked %+v", got)
	}
	if n := metricValue(t, h.bot.metrics.questions.WithLabelValues(sourceSlash)); n != 1 {
		t.Errorf("questions_total{slash} = %v, want 1", n)
	}
	h.assertNoPings()
}

func TestPrivateAskIsEphemeral(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	token := h.ask(readerID, "What happened in Rome?", fakediscord.Option{Name: "private", Type: fakediscord.OptionBoolean, Value: true})
	cb := h.callback(token)
	if cb.Type != 5 || !cb.Data.Ephemeral() {
		t.Fatalf("callback type %d ephemeral=%v, want an ephemeral deferral", cb.Type, cb.Data.Ephemeral())
	}
	h.finalEdit(token)
	for _, m := range h.fake.BotMessagesIn(channelID) {
		if m.InteractionToken == token && !m.Ephemeral() {
			t.Errorf("message %s of a private answer is public", m.ID)
		}
	}
}

// The acknowledgement must reach Discord while the language model is still
// working: the fake records the deferred callback before Ask returns.
func TestAcknowledgedBeforeSlowCoverageReturns(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	release := make(chan struct{})
	h.cov.ask = blockUntil(release)
	h.cov.started = make(chan string, 1)

	token := h.ask(readerID, "Who is John Coale?")
	<-h.cov.started // Ask is running and cannot return until release
	cb := h.callback(token)
	if cb.Type != 5 {
		t.Fatalf("acknowledged with type %d, want 5", cb.Type)
	}
	for _, c := range h.fake.InteractionResponses(token) {
		if c.Method == "PATCH" {
			t.Fatalf("an edit came before the answer was ready: %s", c.Route)
		}
	}
	close(release)
	if !hasFeedback(h.finalEdit(token)) {
		t.Error("final answer missing")
	}
}

func TestStreamingEditsShowProgress(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{EditInterval: time.Millisecond})
	h.cov.ask = func(ctx context.Context, q string, opts rag.AskOptions) (rag.Answer, error) {
		for _, piece := range []string{"Starmer told", " Zelenskyy", " something."} {
			opts.OnDelta(piece)
			// Wait, as a slow model would, until Discord shows the text so far.
			sofar := piece
			_, err := h.fake.WaitCall(ctx, func(c fakediscord.Call) bool {
				b, err := c.Message()
				return c.Method == "PATCH" && err == nil && len(b.Embeds) == 1 && strings.Contains(b.Embeds[0].Description, sofar)
			})
			if err != nil {
				return rag.Answer{}, err
			}
		}
		return sampleAnswer(q), nil
	}
	token := h.ask(readerID, "What did Starmer say?")
	final := h.finalEdit(token)
	if !hasFeedback(final) {
		t.Fatal("no final answer")
	}
	var progress []string
	for _, c := range h.fake.InteractionResponses(token) {
		b, _ := c.Message()
		if c.Method == "PATCH" && !hasFeedback(b) && len(b.Embeds) == 1 {
			progress = append(progress, b.Embeds[0].Description)
		}
	}
	if len(progress) < 3 {
		t.Fatalf("%d progress edits, want one per delta at least: %q", len(progress), progress)
	}
	if !strings.HasPrefix(progress[len(progress)-1], "Starmer told Zelenskyy something.") {
		t.Errorf("last progress edit = %q, want all the text so far", progress[len(progress)-1])
	}
	last := h.fake.InteractionResponses(token)
	if b, _ := last[len(last)-1].Message(); !hasFeedback(b) {
		t.Error("the final answer is not the last edit")
	}
}

func TestStreamingEditsAreCoalesced(t *testing.T) {
	t.Parallel()
	// With an hour between edits, a hundred deltas make at most one
	// progress edit (the first is immediate) before the final answer.
	h := startBot(t, Config{EditInterval: time.Hour})
	h.cov.ask = func(ctx context.Context, q string, opts rag.AskOptions) (rag.Answer, error) {
		for i := range 100 {
			opts.OnDelta(fmt.Sprintf("word%d ", i))
		}
		return sampleAnswer(q), nil
	}
	token := h.ask(readerID, "Tell me everything")
	h.finalEdit(token)
	edits := 0
	for _, c := range h.fake.InteractionResponses(token) {
		if c.Method == "PATCH" {
			edits++
		}
	}
	if edits > 2 {
		t.Errorf("%d edits for 100 deltas, want at most 2", edits)
	}
}

func someArticles(n int) []rag.ArticleInfo {
	var out []rag.ArticleInfo
	for i := range n {
		out = append(out, rag.ArticleInfo{
			ID:        fmt.Sprintf("article-%02d", i),
			Title:     fmt.Sprintf("Report number %02d on the talks", i),
			Outlet:    "Sky News",
			URL:       fmt.Sprintf("https://news.example/%d", i),
			Published: publishedDay.AddDate(0, 0, -i),
			Passages:  3,
		})
	}
	return out
}

func TestSummaryWithAutocomplete(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	h.cov.articles = []rag.ArticleInfo{
		{ID: "bolton", Title: "Bolton warns on concessions", Published: publishedDay.AddDate(0, 0, -3)},
		{ID: "rome", Title: "Trump and Zelenskyy meet in Rome", Published: publishedDay},
		{ID: "pictures", Title: "The pictures that tell the story of Trump's day", Published: publishedDay.AddDate(0, 0, -1)},
		{ID: "oval", Title: "Analysis: UK pushes back on Trump"},
	}
	_, token := h.fake.SendInteraction(fakediscord.Interaction{
		Type: fakediscord.InteractionAutocomplete, GuildID: guildID, ChannelID: channelID, UserID: readerID, Name: "summary",
		Options: []fakediscord.Option{{Name: "article", Type: fakediscord.OptionString, Value: "trump", Focused: true}},
	})
	cb := h.callback(token)
	if cb.Type != 8 {
		t.Fatalf("autocomplete answered with type %d, want 8", cb.Type)
	}
	var values []any
	for _, c := range cb.Choices {
		values = append(values, c.Value)
	}
	// Titles starting with "trump" first, then those containing it, newest
	// first within each group, undated last.
	want := []any{"rome", "pictures", "oval"}
	if !slices.Equal(values, want) {
		t.Fatalf("choices %v, want %v (%+v)", values, want, cb.Choices)
	}
	if cb.Choices[0].Name != "Trump and Zelenskyy meet in Rome (26 Apr 2025)" {
		t.Errorf("choice name = %q", cb.Choices[0].Name)
	}

	_, token = h.fake.SendInteraction(fakediscord.Interaction{
		GuildID: guildID, ChannelID: channelID, UserID: readerID, Name: "summary",
		Options: []fakediscord.Option{{Name: "article", Type: fakediscord.OptionString, Value: "rome"}},
	})
	if cb := h.callback(token); cb.Type != 5 {
		t.Fatalf("summary callback type %d, want 5", cb.Type)
	}
	final := h.finalEdit(token)
	if got := final.Embeds[0].Title; got != "Summary of “Trump and Zelenskyy meet in Rome”" {
		t.Errorf("title = %q", got)
	}
	h.cov.mu.Lock()
	defer h.cov.mu.Unlock()
	if len(h.cov.summaries) != 1 || h.cov.summaries[0].ArticleID != "rome" {
		t.Errorf("summaries asked: %+v", h.cov.summaries)
	}
}

func TestSummaryOfUnknownArticleIsRefused(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	h.cov.articles = someArticles(3)
	_, token := h.fake.SendInteraction(fakediscord.Interaction{
		GuildID: guildID, ChannelID: channelID, UserID: readerID, Name: "summary",
		Options: []fakediscord.Option{{Name: "article", Type: fakediscord.OptionString, Value: "no such thing"}},
	})
	final := h.finalEdit(token)
	if !strings.Contains(final.Content, "couldn't find an article") {
		t.Errorf("reply = %q", final.Content)
	}
	if len(h.cov.summaries) != 0 {
		t.Error("summarised an article that does not exist")
	}
}

func TestSourcesArePagedNewestFirst(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	arts := someArticles(23)
	slices.Reverse(arts) // the bot must sort them itself
	h.cov.articles = arts
	_, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID, Name: "sources"})
	first := h.finalEditAny(token)
	e := first.Embeds[0]
	if !strings.HasPrefix(e.Description, "`26 Apr 2025` [Report number 00 on the talks](https://news.example/0) — Sky News") {
		t.Errorf("first line = %q", strings.SplitN(e.Description, "\n", 2)[0])
	}
	if got := strings.Count(e.Description, "\n") + 1; got != sourcesPerPage {
		t.Errorf("%d lines on the first page, want %d", got, sourcesPerPage)
	}
	if e.Footer == nil || e.Footer.Text != "Page 1 of 3 · 23 articles · newest 26 Apr 2025" {
		t.Errorf("footer = %+v", e.Footer)
	}
	buttons := first.Buttons()
	if len(buttons) != 2 || !buttons[0].Disabled || buttons[1].Disabled {
		t.Fatalf("buttons = %+v, want Prev disabled and Next enabled", buttons)
	}

	// Next, twice: the click is acknowledged with a deferred update, then
	// the message is edited to the next page.
	for page := 2; page <= 3; page++ {
		msg := h.fake.BotMessagesIn(channelID)
		next := msg[len(msg)-1].Buttons()[1].CustomID
		_, click := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID, CustomID: next})
		if cb := h.callback(click); cb.Type != 6 {
			t.Fatalf("page click acknowledged with %d, want 6", cb.Type)
		}
		edit := h.finalEditAny(click)
		if want := fmt.Sprintf("Page %d of 3", page); !strings.HasPrefix(edit.Embeds[0].Footer.Text, want) {
			t.Errorf("after Next: footer %q, want %q", edit.Embeds[0].Footer.Text, want)
		}
	}
	msg := h.fake.BotMessagesIn(channelID)
	last := msg[len(msg)-1]
	if got := strings.Count(last.Embeds[0].Description, "\n") + 1; got != 3 {
		t.Errorf("%d lines on the last page, want 3", got)
	}
	if b := last.Buttons(); !b[1].Disabled || b[0].Disabled {
		t.Errorf("on the last page, buttons = %+v", b)
	}
}

// finalEditAny waits for the first edit of the original response.
func (h *harness) finalEditAny(token string) fakediscord.MessageBody {
	h.t.Helper()
	c := h.waitCall("edit of "+token, func(c fakediscord.Call) bool { return isOriginalEdit(token)(c) && c.Status < 300 })
	b, err := c.Message()
	if err != nil {
		h.t.Fatal(err)
	}
	return b
}

// botReplyIn waits until the bot has posted a finished answer in channel.
func (h *harness) botReplyIn(channel string) fakediscord.SentMessage {
	h.t.Helper()
	c := h.waitCall("answer in "+channel, func(c fakediscord.Call) bool {
		if !strings.HasPrefix(c.Route, "/channels/"+channel+"/messages") || c.Status >= 300 {
			return false
		}
		b, err := c.Message()
		return err == nil && (hasFeedback(b) || b.Content != "")
	})
	for _, m := range h.fake.BotMessagesIn(channel) {
		if strings.Contains(c.Route, m.ID) || hasFeedback(m.MessageBody) || m.Content != "" {
			return m
		}
	}
	h.t.Fatalf("no bot message in %s after %s %s", channel, c.Method, c.Route)
	return fakediscord.SentMessage{}
}

func TestMentionStartsThreadAndFollowUpHasHistory(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{MessageContent: true})
	qid := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: readerID,
		Content: "<@" + botID + "> what did Starmer tell Zelenskyy?"})

	// The thread is started on the question, after the typing indicator.
	created := h.waitCall("thread", func(c fakediscord.Call) bool {
		return c.Method == "POST" && c.Route == "/channels/"+channelID+"/messages/"+qid+"/threads"
	})
	typing := h.waitCall("typing", func(c fakediscord.Call) bool {
		return c.Route == "/channels/"+channelID+"/typing"
	})
	if !typing.At.Before(created.At) && !typing.At.Equal(created.At) {
		t.Error("the thread was created before the typing acknowledgement")
	}
	threads := h.fake.Threads(channelID)
	if len(threads) != 1 || threads[0].Name != "what did Starmer tell Zelenskyy?" {
		t.Fatalf("threads = %+v", threads)
	}
	thread := threads[0].ID
	answer := h.botReplyIn(thread)
	if !strings.Contains(answer.Embeds[0].Description, "irreversible [1]") {
		t.Errorf("answer in thread = %q", answer.Embeds[0].Description)
	}

	followUp := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: thread, AuthorID: readerID, Content: "what did he say next?"})
	h.waitCall("second answer", func(c fakediscord.Call) bool {
		b, err := c.Message()
		return c.Method == "POST" && c.Route == "/channels/"+thread+"/messages" && err == nil &&
			b.Reference != nil && b.Reference.MessageID == followUp && hasFeedback(b)
	})
	asked := h.cov.questions()
	if len(asked) != 2 {
		t.Fatalf("coverage asked %d questions, want 2", len(asked))
	}
	if asked[0].question != "what did Starmer tell Zelenskyy?" || len(asked[0].history) != 0 {
		t.Errorf("first question %+v", asked[0])
	}
	hist := asked[1].history
	if asked[1].question != "what did he say next?" || len(hist) != 2 ||
		hist[0].Role != "user" || hist[0].Content != "what did Starmer tell Zelenskyy?" ||
		hist[1].Role != "assistant" || !strings.Contains(hist[1].Content, "irreversible") {
		t.Errorf("follow-up %+v, want the first exchange as history", asked[1])
	}
	if n := metricValue(t, h.bot.metrics.questions.WithLabelValues(sourceThread)); n != 1 {
		t.Errorf("questions_total{thread} = %v, want 1", n)
	}
	if n := metricValue(t, h.bot.metrics.questions.WithLabelValues(sourceMention)); n != 1 {
		t.Errorf("questions_total{mention} = %v, want 1", n)
	}
	h.assertNoPings()
}

func TestQuestionChannelMessagesAreQuestions(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{Channels: []string{questionsCh}})
	h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: otherChanID, AuthorID: readerID, Content: "just chatting here"})
	h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: questionsCh, AuthorID: readerID, Content: "Who is John Coale?"})
	h.waitCall("thread in the question channel", func(c fakediscord.Call) bool {
		return strings.HasPrefix(c.Route, "/channels/"+questionsCh+"/") && strings.HasSuffix(c.Route, "/threads") && c.Status < 300
	})
	h.botReplyIn(h.fake.Threads(questionsCh)[0].ID)
	// Close waits for every handler, so after it nothing more can happen.
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	asked := h.cov.questions()
	if len(asked) != 1 || asked[0].question != "Who is John Coale?" {
		t.Errorf("coverage asked %+v; the message outside the question channel must be ignored", asked)
	}
	if n := metricValue(t, h.bot.metrics.questions.WithLabelValues(sourceChannel)); n != 1 {
		t.Errorf("questions_total{channel} = %v, want 1", n)
	}
}

func TestMessagesFromBotsAndItselfAreIgnored(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{Channels: []string{questionsCh}})
	h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: questionsCh, AuthorID: "900", Bot: true,
		Content: "<@" + botID + "> I am another bot"})
	h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: questionsCh, AuthorID: botID, Content: "my own words"})
	h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: questionsCh, AuthorID: readerID, Content: "a real question?"})
	h.waitCall("answer to the person", func(c fakediscord.Call) bool { return strings.HasSuffix(c.Route, "/threads") })
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	asked := h.cov.questions()
	if len(asked) != 1 || asked[0].question != "a real question?" {
		t.Errorf("coverage asked %+v, want only the person's question", asked)
	}
	if n := len(h.fake.Threads(questionsCh)); n != 1 {
		t.Errorf("%d threads, want 1", n)
	}
}

func TestLongAnswerIsSplitWithinLimits(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	var text strings.Builder
	var cites []rag.Citation
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&text, "Paragraph %d says that the talks went on and on, covering ceasefire lines, sanctions and reconstruction money [%d]. ", i, i)
		fmt.Fprintf(&text, "A second sentence adds detail about who said what in the room, and when they said it [%d].\n\n", i)
		cites = append(cites, rag.Citation{N: i, Passage: rag.Passage{
			ArticleID: fmt.Sprintf("a%d", i), Title: fmt.Sprintf("A rather long article title number %d about the talks in Rome and what followed them", i),
			Outlet: "Sky News", URL: fmt.Sprintf("https://news.sky.com/story/a-long-slug-for-article-%d-about-the-talks", i), Published: publishedDay,
		}})
	}
	long := strings.TrimSpace(text.String())
	h.cov.ask = func(ctx context.Context, q string, _ rag.AskOptions) (rag.Answer, error) {
		return rag.Answer{Text: long, Citations: cites, AsOf: publishedDay}, nil
	}
	token := h.ask(readerID, "Tell me everything about the talks")
	h.finalEditAny(token)
	// The last message carries the feedback buttons; wait for it.
	h.waitCall("last part", func(c fakediscord.Call) bool {
		b, err := c.Message()
		return strings.Contains(c.Route, token) && err == nil && hasFeedback(b)
	})

	var bodies []fakediscord.MessageBody
	for _, m := range h.fake.BotMessagesIn(channelID) {
		if m.InteractionToken == token {
			bodies = append(bodies, m.MessageBody)
		}
	}
	if len(bodies) < 2 {
		t.Fatalf("%d messages for a %d-character answer, want several", len(bodies), len(long))
	}
	var desc []string
	var sources []string
	for _, b := range bodies {
		if r := toReply(b); checkReply(r) != nil {
			t.Errorf("a message breaks Discord's limits: %v", checkReply(r))
		}
		for _, e := range b.Embeds {
			if e.Description != "" {
				desc = append(desc, e.Description)
			}
			for _, f := range e.Fields {
				sources = append(sources, strings.Split(f.Value, "\n")...)
			}
		}
	}
	if got := strings.Join(strings.Fields(strings.Join(desc, " ")), " "); got != strings.Join(strings.Fields(long), " ") {
		t.Error("the answer text was changed, lost or reordered by splitting")
	}
	for i, d := range desc[:len(desc)-1] {
		if !strings.HasSuffix(d, ".") && !strings.HasSuffix(d, "]") {
			t.Errorf("piece %d does not end at a sentence: …%q", i, d[len(d)-30:])
		}
	}
	if len(sources) != 40 {
		t.Fatalf("%d source lines, want 40", len(sources))
	}
	for i, line := range sources {
		if !strings.HasPrefix(line, fmt.Sprintf("[%d] [A rather long article title number %d", i+1, i+1)) {
			t.Errorf("source %d = %q", i+1, line)
		}
	}
	if !hasFeedback(bodies[len(bodies)-1]) {
		t.Error("the feedback buttons are not on the last message")
	}
}

// toReply converts what the fake recorded back into the bot's reply type,
// so checkReply can measure it.
func toReply(b fakediscord.MessageBody) reply {
	r := reply{Content: b.Content}
	for _, e := range b.Embeds {
		me := &discordgo.MessageEmbed{Title: e.Title, Description: e.Description}
		for _, f := range e.Fields {
			me.Fields = append(me.Fields, &discordgo.MessageEmbedField{Name: f.Name, Value: f.Value})
		}
		if e.Footer != nil {
			me.Footer = &discordgo.MessageEmbedFooter{Text: e.Footer.Text}
		}
		r.Embeds = append(r.Embeds, me)
	}
	return r
}

func TestEveryoneInQuestionAndAnswerPingsNobody(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{MessageContent: true})
	h.cov.ask = func(ctx context.Context, q string, _ rag.AskOptions) (rag.Answer, error) {
		a := sampleAnswer(q)
		a.Text = "The article quoted a post: \"@everyone look at this\" and pinged <@" + readerID + "> and <@&" + adminRoleID + "> [1]. @here too."
		a.Citations[0].Title = "Post to @everyone <@&" + adminRoleID + ">"
		return a, nil
	}
	hostile := "@everyone <@&" + adminRoleID + "> <@" + adminUserID + "> what happened?"
	token := h.ask(readerID, hostile)
	final := h.finalEdit(token)
	text := final.Text()
	for _, raw := range []string{"@everyone", "@here", "<@" + readerID + ">", "<@&" + adminRoleID + ">", "<@" + adminUserID + ">"} {
		if strings.Contains(text, raw) {
			t.Errorf("the answer shows %q as a live mention", raw)
		}
	}
	if !strings.Contains(text, "@\u200beveryone look at this") {
		t.Errorf("neutralised @everyone missing from %q", text)
	}

	qid := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: readerID,
		Content: "<@" + botID + "> " + hostile, MentionEveryone: true})
	h.waitCall("thread", func(c fakediscord.Call) bool { return strings.Contains(c.Route, "/messages/"+qid+"/threads") })
	thread := h.fake.Threads(channelID)[0]
	if strings.Contains(thread.Name, "@everyone") {
		t.Errorf("thread name %q keeps a live @everyone", thread.Name)
	}
	h.botReplyIn(thread.ID)
	h.assertNoPings()
}

func TestRateLimitedUserIsToldWhenToRetry(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{UserRate: 2, UserRateWindow: 90 * time.Second})
	for range 2 {
		h.finalEdit(h.ask(readerID, "What happened in Rome?"))
		h.clock.Advance(24 * time.Second)
	}
	// Two questions at 0 s and 24 s; at 48 s the first leaves the window
	// at 90 s, so the wait is 42 s.
	token := h.ask(readerID, "And then?")
	cb := h.callback(token)
	if cb.Type != 4 || !cb.Data.Ephemeral() {
		t.Fatalf("refusal type %d ephemeral=%v, want an immediate ephemeral message", cb.Type, cb.Data.Ephemeral())
	}
	// 42 s after the clock's 12:00:48, as a relative Discord timestamp.
	if !strings.Contains(cb.Data.Content, "You can ask again <t:1746100890:R>.") {
		t.Errorf("refusal = %q", cb.Data.Content)
	}
	if n := metricValue(t, h.bot.metrics.rateLimited); n != 1 {
		t.Errorf("rate_limited_total = %v, want 1", n)
	}
	// Someone else is not affected.
	if !hasFeedback(h.finalEdit(h.ask(adminUserID, "What happened in Rome?"))) {
		t.Error("another user was refused")
	}
	if got := len(h.cov.questions()); got != 3 {
		t.Errorf("coverage asked %d questions, want 3", got)
	}
}

func TestQueueFullIsRefusedAtOnce(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{GuildConcurrency: 1, QueueLength: 1})
	release := make(chan struct{})
	h.cov.ask = blockUntil(release)
	h.cov.started = make(chan string, 4)

	running := h.ask(readerID, "first")
	<-h.cov.started
	queued := h.ask(adminUserID, "second")
	if cb := h.callback(queued); cb.Type != 5 {
		t.Fatalf("queued question acknowledged with %d, want a deferral", cb.Type)
	}
	full := h.ask("701", "third")
	cb := h.callback(full)
	if cb.Type != 4 || !cb.Data.Ephemeral() || cb.Data.Content != msgBusy {
		t.Fatalf("third question got type %d %q, want the busy message", cb.Type, cb.Data.Content)
	}
	if got := len(h.cov.questions()); got != 1 {
		t.Errorf("%d questions running, want 1 (the limit)", got)
	}
	close(release)
	h.finalEdit(running)
	h.finalEdit(queued)
	if n := metricValue(t, h.bot.metrics.queueFull); n != 1 {
		t.Errorf("queue_full_total = %v, want 1", n)
	}
}

func TestAdminCommandsAreCheckedOnTheServer(t *testing.T) {
	t.Parallel()
	reindexed := make(chan struct{}, 4)
	h := startBot(t, Config{AdminRoles: []string{adminRoleID}}, func(_ *Config, o *Options) {
		o.Reindex = func(ctx context.Context) (string, error) {
			reindexed <- struct{}{}
			return "Reindexed 5 articles (212 passages) in 0.4s.", nil
		}
	})
	reindex := func(user string, perms string, roles []string) fakediscord.InteractionCallback {
		_, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: user,
			Name: "reindex", MemberPermissions: perms, MemberRoles: roles})
		cb := h.callback(token)
		if cb.Type == 5 {
			cb.Data = h.finalEdit(token)
		}
		return cb
	}

	// The server let everyone use /reindex (Discord's default permission
	// overridden), but the member has neither the permission nor the role.
	cb := reindex(readerID, "0", []string{})
	if cb.Type != 4 || !cb.Data.Ephemeral() || !strings.Contains(cb.Data.Content, "server admins") {
		t.Fatalf("non-admin got type %d %q, want an ephemeral refusal", cb.Type, cb.Data.Content)
	}
	if len(reindexed) != 0 {
		t.Fatal("reindexed for a non-admin")
	}
	for _, tc := range []struct {
		name  string
		perms string
		roles []string
	}{
		{"manage server", "32", []string{}},
		{"administrator", "8", []string{}},
		{"admin role", "0", []string{adminRoleID}},
	} {
		cb := reindex(adminUserID, tc.perms, tc.roles)
		if !strings.Contains(cb.Data.Content, "Reindexed 5 articles") {
			t.Errorf("%s: reply %q, want the report", tc.name, cb.Data.Content)
		}
	}
	if len(reindexed) != 3 {
		t.Errorf("reindexed %d times, want 3", len(reindexed))
	}

	// /ingest is reserved: refused to non-admins, and not enabled yet.
	_, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
		Name: "ingest", MemberPermissions: "0", Options: []fakediscord.Option{{Name: "url", Value: "https://example.com/a"}}})
	if cb := h.callback(token); !strings.Contains(cb.Data.Content, "server admins") {
		t.Errorf("ingest by non-admin: %q", cb.Data.Content)
	}
	_, token = h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: adminUserID,
		Name: "ingest", MemberPermissions: "32", Options: []fakediscord.Option{{Name: "url", Value: "https://example.com/a"}}})
	if cb := h.callback(token); !strings.Contains(cb.Data.Content, "not enabled") {
		t.Errorf("ingest without an ingester: %q", cb.Data.Content)
	}
}

func TestIngestURLForAdmins(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{}, func(_ *Config, o *Options) {
		o.IngestURL = func(ctx context.Context, u string) (rag.ArticleInfo, error) {
			if strings.Contains(u, "private") {
				return rag.ArticleInfo{}, fmt.Errorf("fetch %s: refusing a private address", u)
			}
			return rag.ArticleInfo{ID: "new", Title: "A new article", Outlet: "BBC", Published: publishedDay, Passages: 7}, nil
		}
	})
	ingest := func(u string) string {
		_, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: adminUserID,
			Name: "ingest", MemberPermissions: "32", Options: []fakediscord.Option{{Name: "url", Value: u}}})
		cb := h.callback(token)
		if cb.Type == 4 {
			return cb.Data.Content
		}
		if !cb.Data.Ephemeral() {
			t.Error("an admin command's reply is public")
		}
		return h.finalEdit(token).Content
	}
	if got := ingest("https://news.example/a"); got != "Added “A new article” (BBC, 26 Apr 2025): 7 passages." {
		t.Errorf("reply = %q", got)
	}
	if got := ingest("http://private.example/"); !strings.Contains(got, "refusing a private address") {
		t.Errorf("reply = %q, want the reason", got)
	}
	if got := ingest("ftp://news.example/a"); !strings.Contains(got, "http:// or https://") {
		t.Errorf("reply = %q, want a usage hint", got)
	}
}

func TestGatewayResumeKeepsAnswering(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	h.fake.CloseGateway(4000)
	if err := h.fake.WaitStats(h.ctx, func(s fakediscord.GatewayStats) bool { return s.Resumes >= 1 }); err != nil {
		t.Fatal(err)
	}
	if !hasFeedback(h.finalEdit(h.ask(readerID, "Still there?"))) {
		t.Error("no answer after resuming")
	}
	if n := h.fake.Identifies(); n != 1 {
		t.Errorf("%d identifies, want 1 (a resume, not a new session)", n)
	}
}

func TestGatewayNonResumableCloseReidentifies(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	h.fake.InvalidateSessions()
	if err := h.fake.WaitStats(h.ctx, func(s fakediscord.GatewayStats) bool { return s.Identifies >= 2 }); err != nil {
		t.Fatal(err)
	}
	if !hasFeedback(h.finalEdit(h.ask(readerID, "Still there?"))) {
		t.Error("no answer after identifying again")
	}
}

func TestCoverageErrorGivesFriendlyMessage(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	h.cov.ask = func(context.Context, string, rag.AskOptions) (rag.Answer, error) { return rag.Answer{}, errLLMDown }
	id, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
		Name: "ask", Options: []fakediscord.Option{{Name: "question", Value: "Who won?"}}})
	final := h.finalEdit(token)
	if !strings.HasPrefix(final.Content, "Sorry — ") || !strings.Contains(final.Content, "(ref "+id+")") {
		t.Errorf("reply = %q, want a short apology with the request id", final.Content)
	}
	if strings.Contains(final.Content, "127.0.0.1") {
		t.Error("the cause leaked into the reply")
	}
	if len(final.Embeds) != 0 || hasFeedback(final) {
		t.Error("the failure left answer parts behind")
	}
	// The question was deferred publicly; the failure is the asker's
	// business: the public response is gone and the apology is private.
	if !final.Ephemeral() {
		t.Error("the apology is public")
	}
	for _, m := range h.fake.BotMessagesIn(channelID) {
		if m.InteractionToken == token && !m.Ephemeral() {
			t.Errorf("a public response is left in the channel: %+v", m.MessageBody)
		}
	}
	if n := metricValue(t, h.bot.metrics.errors.WithLabelValues("coverage")); n != 1 {
		t.Errorf("answer_errors_total{coverage} = %v, want 1", n)
	}
	if !strings.Contains(h.logs.String(), "connection refused") || !strings.Contains(h.logs.String(), "request="+id) {
		t.Error("the cause and request id are not in the log")
	}
	h.cov.ask = nil
	if !hasFeedback(h.finalEdit(h.ask(readerID, "And now?"))) {
		t.Error("the bot stopped answering after an error")
	}
}

func TestExpiredInteractionFallsBackToChannel(t *testing.T) {
	t.Parallel()
	for _, private := range []bool{false, true} {
		t.Run(fmt.Sprintf("private=%v", private), func(t *testing.T) {
			t.Parallel()
			h := startBot(t, Config{})
			release := make(chan struct{})
			h.cov.ask = blockUntil(release)
			h.cov.started = make(chan string, 1)
			token := h.ask(readerID, "What did Macron post?", fakediscord.Option{Name: "private", Type: fakediscord.OptionBoolean, Value: private})
			<-h.cov.started
			h.callback(token)
			h.fake.ExpireInteraction(token)
			close(release)
			h.waitCall("failed edit", func(c fakediscord.Call) bool { return isOriginalEdit(token)(c) && c.Status == 404 })
			if err := h.bot.Close(h.ctx); err != nil {
				t.Fatal(err)
			}
			var posted []fakediscord.SentMessage
			for _, m := range h.fake.BotMessagesIn(channelID) {
				if m.Source == fakediscord.SourceChannel {
					posted = append(posted, m)
				}
			}
			if private {
				if len(posted) != 0 {
					t.Errorf("a private answer was posted publicly")
				}
				if !strings.Contains(h.logs.String(), "private reply lost") {
					t.Error("the loss is not logged")
				}
				return
			}
			if len(posted) != 1 || !hasFeedback(posted[0].MessageBody) || !posted[0].MentionsSuppressed() {
				t.Fatalf("channel fallback = %+v, want the answer, mentioning nobody", posted)
			}
		})
	}
}

func TestThreadRefusedRepliesInChannel(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	h.fake.FailNext("POST", "/channels/"+channelID+"/messages/", fakediscord.MissingPermissions())
	qid := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: readerID,
		Content: "<@" + botID + "> who is John Coale?"})
	c := h.waitCall("reply in channel", func(c fakediscord.Call) bool {
		b, err := c.Message()
		return c.Method == "POST" && c.Route == "/channels/"+channelID+"/messages" && err == nil && hasFeedback(b)
	})
	b, _ := c.Message()
	if b.Reference == nil || b.Reference.MessageID != qid {
		t.Errorf("reply does not reference the question: %+v", b.Reference)
	}
	if len(h.fake.Threads(channelID)) != 0 {
		t.Error("a thread exists although creation was refused")
	}
	h.assertNoPings()
}

func TestQuestionDeletedBeforeReply(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	release := make(chan struct{})
	h.cov.ask = blockUntil(release)
	h.cov.started = make(chan string, 1)
	h.fake.FailNext("POST", "/channels/"+channelID+"/messages/", fakediscord.MissingPermissions())
	qid := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: readerID,
		Content: "<@" + botID + "> who is John Coale?"})
	<-h.cov.started
	if err := h.fake.DeleteMessage(channelID, qid); err != nil {
		t.Fatal(err)
	}
	close(release)
	h.waitCall("reply in channel", func(c fakediscord.Call) bool {
		b, err := c.Message()
		return c.Method == "POST" && c.Route == "/channels/"+channelID+"/messages" && c.Status < 300 && err == nil && hasFeedback(b)
	})
}

func TestCloseLetsAnswersFinish(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	release := make(chan struct{})
	h.cov.ask = blockUntil(release)
	h.cov.started = make(chan string, 1)
	token := h.ask(readerID, "Slow question")
	<-h.cov.started

	closed := make(chan error, 1)
	go func() { closed <- h.bot.Close(h.ctx) }()
	for h.bot.Ready() { // Close marks the bot not ready first thing
		select {
		case err := <-closed:
			t.Fatalf("Close returned (%v) with an answer in flight", err)
		case <-time.After(time.Millisecond):
		}
	}
	// New questions are turned away while the answer finishes.
	late := h.ask(adminUserID, "Late question")
	if cb := h.callback(late); cb.Type != 4 || cb.Data.Content != msgClosing {
		t.Errorf("question during shutdown got %d %q", cb.Type, cb.Data.Content)
	}
	close(release)
	if err := <-closed; err != nil {
		t.Fatalf("Close: %v", err)
	}
	if !hasFeedback(h.finalEdit(token)) {
		t.Error("the answer in flight was not delivered")
	}
	if err := h.fake.WaitDisconnected(h.ctx); err != nil {
		t.Error(err)
	}
}

func TestCloseCancelsAnswersAtDeadline(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	h.cov.ask = blockUntil(nil) // only cancellation ends it
	h.cov.started = make(chan string, 1)
	token := h.ask(readerID, "Endless question")
	<-h.cov.started
	ctx, cancel := context.WithCancel(h.ctx)
	cancel() // no time left: cancel at once
	if err := h.bot.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	final := h.finalEdit(token)
	if final.Content != msgShutdown+" (ref "+h.fake.Interactions()[0].ID+")" {
		t.Errorf("reply = %q, want the shutting-down note", final.Content)
	}
}

// feedbackStore collects what the bot hands to Options.RecordFeedback.
type feedbackStore struct {
	mu   sync.Mutex
	got  []Feedback
	fail error
}

func (f *feedbackStore) record(_ context.Context, fb Feedback) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.got = append(f.got, fb)
	return f.fail
}

func (f *feedbackStore) records() []Feedback {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Feedback(nil), f.got...)
}

// Votes are counted once per user, mark the buttons with their tallies,
// are thanked privately (a 👎 is asked what was wrong), and are stored with
// the question, answer and citations when the operator opted in.
func TestFeedbackIsCountedOncePerUser(t *testing.T) {
	t.Parallel()
	store := &feedbackStore{}
	h := startBot(t, Config{}, func(_ *Config, o *Options) { o.RecordFeedback = store.record })
	id, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
		Name: "ask", Options: []fakediscord.Option{{Name: "question", Value: "Who is John Coale?"}}})
	final := h.finalEdit(token)
	var up, down string
	for _, b := range final.Buttons() {
		switch {
		case strings.HasSuffix(b.CustomID, ":up"):
			up = b.CustomID
		case strings.HasSuffix(b.CustomID, ":down"):
			down = b.CustomID
		}
	}
	if up != "fb:"+id+":up" || down != "fb:"+id+":down" {
		t.Fatalf("buttons %q %q do not carry the answer id %s", up, down, id)
	}
	// click votes and returns the callback and the private thanks.
	click := func(user, custom string) (fakediscord.InteractionCallback, fakediscord.MessageBody) {
		t.Helper()
		_, tok := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: user, CustomID: custom})
		cb := h.callback(tok)
		c := h.waitCall("thanks for "+custom, func(c fakediscord.Call) bool {
			return c.Method == "POST" && strings.HasPrefix(c.Route, "/webhooks/") && strings.Contains(c.Route, tok)
		})
		thanks, err := c.Message()
		if err != nil {
			t.Fatal(err)
		}
		if !thanks.Ephemeral() {
			t.Errorf("thanks for %s is public: %q", custom, thanks.Content)
		}
		return cb, thanks
	}
	labels := func(cb fakediscord.InteractionCallback) (string, string) {
		var u, d string
		for _, b := range cb.Data.Buttons() {
			switch b.CustomID {
			case up:
				u = b.Label
			case down:
				d = b.Label
			}
		}
		return u, d
	}
	cb, thanks := click(readerID, up)
	if u, d := labels(cb); cb.Type != 7 || u != "1" || d != "" {
		t.Errorf("first 👍: callback %d, labels %q %q; want the message updated to 1 and none", cb.Type, u, d)
	}
	if thanks.Content != "Thanks for the 👍 — noted." {
		t.Errorf("thanks = %q", thanks.Content)
	}
	cb, thanks = click(readerID, up) // again: not counted twice
	if cb.Type != 6 || !strings.Contains(thanks.Content, "already voted") {
		t.Errorf("second 👍: callback %d, %q", cb.Type, thanks.Content)
	}
	cb, thanks = click(adminUserID, down)
	if cb.Type != 7 {
		t.Errorf("👎 callback %d, want 7", cb.Type)
	}
	var reasons []string
	for _, b := range thanks.Buttons() {
		reasons = append(reasons, b.CustomID)
	}
	if !strings.Contains(thanks.Content, "What was the matter") ||
		strings.Join(reasons, " ") != "fbr:"+id+":wrong fbr:"+id+":outdated fbr:"+id+":missing_source" {
		t.Fatalf("👎 thanks = %q with %v", thanks.Content, reasons)
	}
	_, tok := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: adminUserID,
		CustomID: "fbr:" + id + ":outdated", MessageID: ""})
	if reason := h.callback(tok); reason.Type != 7 || reason.Data.Content != "Thanks — noted: out of date." || len(reason.Data.Buttons()) != 0 {
		t.Errorf("reason answered %d %q %v", reason.Type, reason.Data.Content, reason.Data.Buttons())
	}
	// Close waits for the handlers, so the counts are final.
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	if n := metricValue(t, h.bot.metrics.feedback.WithLabelValues(voteUp)); n != 1 {
		t.Errorf("feedback{up} = %v, want 1", n)
	}
	if n := metricValue(t, h.bot.metrics.feedback.WithLabelValues(voteDown)); n != 1 {
		t.Errorf("feedback{down} = %v, want 1", n)
	}
	if !logged(h.logs.String(), "msg=feedback", "answer="+id, "user="+readerID, "vote=up", "counted=true") {
		t.Errorf("feedback not logged with answer, user and vote")
	}
	got := store.records()
	if len(got) != 3 {
		t.Fatalf("stored %d records, want 3 (👍, 👎, its reason): %+v", len(got), got)
	}
	for i, want := range []struct{ vote, reason string }{{voteUp, ""}, {voteDown, ""}, {voteDown, reasonOutdated}} {
		f := got[i]
		if f.AnswerID != id || f.Vote != want.vote || f.Reason != want.reason || f.Question != "Who is John Coale?" ||
			!strings.Contains(f.Answer, "irreversible [1]") || len(f.Citations) != 2 ||
			f.Citations[0].URL != "https://news.sky.com/story/starmer-call" || f.Citations[1].ArticleID != "rome-meeting" {
			t.Errorf("record %d = %+v", i, f)
		}
	}
}

// Without Options.RecordFeedback nothing is stored, and a vote on an answer
// from before a restart is read off its message.
func TestFeedbackReadOffTheMessageAfterRestart(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	id, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
		Name: "ask", Options: []fakediscord.Option{{Name: "question", Value: "Who is John Coale?"}}})
	h.finalEdit(token)
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	store := &feedbackStore{}
	b := h.open(Config{Token: testToken, APIURL: h.fake.URL(), EditInterval: time.Hour}, Options{
		Coverage: h.cov, Registerer: prometheus.NewRegistry(), RecordFeedback: store.record,
	})
	_, tok := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID, CustomID: "fb:" + id + ":down"})
	h.callback(tok)
	if err := b.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	got := store.records()
	if len(got) != 1 || got[0].Question != "Who is John Coale?" || !strings.Contains(got[0].Answer, "irreversible [1]") ||
		len(got[0].Citations) != 2 || got[0].Citations[0].N != 1 || !strings.Contains(got[0].Citations[0].Title, "Starmer speaks to Zelenskyy") {
		t.Errorf("stored %+v", got)
	}
}

func TestAllowListsAreEnforced(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{AllowedChannels: []string{channelID}, AllowedRoles: []string{adminRoleID}})
	send := func(channel, user string, roles []string) fakediscord.InteractionCallback {
		_, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channel, UserID: user,
			MemberRoles: roles, MemberPermissions: "0", Name: "ask", Options: []fakediscord.Option{{Name: "question", Value: "Who?"}}})
		return h.callback(token)
	}
	if cb := send(otherChanID, adminUserID, []string{adminRoleID}); cb.Type != 4 || !strings.Contains(cb.Data.Content, "not set up to answer here") {
		t.Errorf("other channel: %d %q", cb.Type, cb.Data.Content)
	}
	if cb := send(channelID, readerID, []string{}); cb.Type != 4 || !strings.Contains(cb.Data.Content, "certain roles") {
		t.Errorf("member without the role: %d %q", cb.Type, cb.Data.Content)
	}
	if cb := send(channelID, adminUserID, []string{adminRoleID}); cb.Type != 5 {
		t.Errorf("allowed member in allowed channel: %d %q", cb.Type, cb.Data.Content)
	}
	// A thread someone else started under the allowed channel is allowed
	// too; the bot learns its parent from the gateway.
	g := testGuild()
	g.Channels = append(g.Channels, fakediscord.Channel{ID: "403", Name: "side talk", Type: fakediscord.ChannelPublicThread, ParentID: channelID})
	h.fake.AddGuild(g)
	if cb := send("403", adminUserID, []string{adminRoleID}); cb.Type != 5 {
		t.Errorf("thread of the allowed channel: %d %q", cb.Type, cb.Data.Content)
	}
	// A mention outside the allowed channels is ignored.
	h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: otherChanID, AuthorID: adminUserID, Content: "<@" + botID + "> hello?"})
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	if got := len(h.cov.questions()); got != 2 {
		t.Errorf("coverage asked %d questions, want 2", got)
	}
}

func TestHostileQuestionInput(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	// Discord enforces min_length, but a client could send anything.
	_, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
		Name: "ask", Options: []fakediscord.Option{{Name: "question", Value: " \t\u200b\u202e "}}})
	if cb := h.callback(token); cb.Type != 4 || !strings.Contains(cb.Data.Content, "/ask") {
		t.Errorf("blank question: %d %q, want the usage hint", cb.Type, cb.Data.Content)
	}
	_, token = h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
		Name: "ask", Options: []fakediscord.Option{{Name: "question", Type: fakediscord.OptionBoolean, Value: true}}})
	if cb := h.callback(token); cb.Type != 4 || !strings.Contains(cb.Data.Content, "must be text") {
		t.Errorf("wrong option type: %d %q", cb.Type, cb.Data.Content)
	}

	long := "<@" + botID + "> " + strings.Repeat("why ", 300)
	qid := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: readerID, Content: long})
	c := h.waitCall("refusal", func(c fakediscord.Call) bool {
		b, err := c.Message()
		return c.Route == "/channels/"+channelID+"/messages" && err == nil && b.Reference != nil && b.Reference.MessageID == qid
	})
	if b, _ := c.Message(); !strings.Contains(b.Content, "the limit is 1000") {
		t.Errorf("long question reply = %q", b.Content)
	}

	h.finalEdit(h.ask(readerID, "who\x00 is\u200b John\u202e\tCoale?\x07"))
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	asked := h.cov.questions()
	if len(asked) != 1 || asked[0].question != "who is John Coale?" {
		t.Errorf("coverage asked %+v, want only the cleaned question", asked)
	}
}

// logged reports whether one line of the log has all the parts.
func logged(log string, parts ...string) bool {
	for _, line := range strings.Split(log, "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}

func TestRateLimitedEditIsRetried(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	h.fake.FailNext("PATCH", "/webhooks/", fakediscord.RateLimited(0.05))
	token := h.ask(readerID, "Who is John Coale?")
	if !hasFeedback(h.finalEdit(token)) {
		t.Fatal("no answer after the 429")
	}
	var statuses []int
	for _, c := range h.fake.InteractionResponses(token) {
		if c.Method == "PATCH" {
			statuses = append(statuses, c.Status)
		}
	}
	if !slices.Equal(statuses, []int{429, 200}) {
		t.Errorf("edit statuses %v, want a 429 then the retried edit", statuses)
	}
}

func TestDeletedResponseIsReplacedByFollowUp(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	release := make(chan struct{})
	h.cov.ask = blockUntil(release)
	h.cov.started = make(chan string, 1)
	token := h.ask(readerID, "Who is John Coale?")
	<-h.cov.started
	h.callback(token)
	var original string
	for _, in := range h.fake.Interactions() {
		if in.Token == token {
			original = in.OriginalMessageID
		}
	}
	if err := h.fake.DeleteMessage(channelID, original); err != nil {
		t.Fatal(err)
	}
	close(release)
	h.waitCall("follow-up with the answer", func(c fakediscord.Call) bool {
		b, err := c.Message()
		return c.Method == "POST" && strings.HasSuffix(c.Route, "/"+token) && c.Status < 300 && err == nil && hasFeedback(b)
	})
}

func TestHelpIsPrivateAndHidesAdminCommands(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{Channels: []string{questionsCh}})
	help := func(perms string) fakediscord.MessageBody {
		_, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
			Name: "help", MemberPermissions: perms})
		if cb := h.callback(token); cb.Type != 5 || !cb.Data.Ephemeral() {
			t.Fatalf("/help callback %d ephemeral=%v", cb.Type, cb.Data.Ephemeral())
		}
		return h.finalEditAny(token)
	}
	text := help("0").Text()
	for _, want := range []string{"/ask", "/summary", "/sources", "mention me", "<#" + questionsCh + ">"} {
		if !strings.Contains(text, want) {
			t.Errorf("help lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "/reindex") || strings.Contains(text, "/ingest") {
		t.Error("help shows admin commands to a non-admin")
	}
	if text := help("32").Text(); !strings.Contains(text, "/reindex") {
		t.Error("help hides admin commands from an admin")
	}
}

func TestMentionAnswerStreamsIntoOneMessage(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{EditInterval: time.Millisecond})
	h.cov.ask = func(ctx context.Context, q string, opts rag.AskOptions) (rag.Answer, error) {
		opts.OnDelta("Starmer told Zelenskyy")
		// Wait, as a slow model would, until the text is on Discord.
		_, err := h.fake.WaitCall(ctx, func(c fakediscord.Call) bool {
			b, err := c.Message()
			return c.Method == "POST" && strings.HasSuffix(c.Route, "/messages") && err == nil &&
				len(b.Embeds) == 1 && strings.HasPrefix(b.Embeds[0].Description, "Starmer told Zelenskyy")
		})
		if err != nil {
			return rag.Answer{}, err
		}
		return sampleAnswer(q), nil
	}
	h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: readerID,
		Content: "<@!" + botID + "> what did Starmer say?"})
	final := h.waitCall("final edit", func(c fakediscord.Call) bool {
		b, err := c.Message()
		return c.Method == "PATCH" && strings.HasPrefix(c.Route, "/channels/") && err == nil && hasFeedback(b)
	})
	thread := strings.Split(final.Route, "/")[2]
	msgs := h.fake.BotMessagesIn(thread)
	if len(msgs) != 1 || !hasFeedback(msgs[0].MessageBody) || msgs[0].Edits == 0 {
		t.Fatalf("thread holds %d bot messages; want the progress message edited into the answer", len(msgs))
	}
	if got := h.cov.questions()[0].question; got != "what did Starmer say?" {
		t.Errorf("question = %q, want the <@!id> mention stripped", got)
	}
}
