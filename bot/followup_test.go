package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/rag"
)

// answerPosted waits for the bot's finished answer to a message: a message
// in channel that replies to it and carries the feedback buttons.
func (h *harness) answerPosted(channel, question string) {
	h.t.Helper()
	h.waitCall("answer to "+question, func(c fakediscord.Call) bool {
		b, err := c.Message()
		return c.Method == "POST" && c.Route == "/channels/"+channel+"/messages" && c.Status < 300 && err == nil &&
			b.Reference != nil && b.Reference.MessageID == question && hasFeedback(b)
	})
}

// noticeTo waits for a plain notice (no embeds) that replies to a message.
func (h *harness) noticeTo(channel, message string) fakediscord.MessageBody {
	h.t.Helper()
	c := h.waitCall("notice to "+message, func(c fakediscord.Call) bool {
		b, err := c.Message()
		return c.Method == "POST" && c.Route == "/channels/"+channel+"/messages" && c.Status < 300 && err == nil &&
			b.Reference != nil && b.Reference.MessageID == message && b.Content != ""
	})
	b, _ := c.Message()
	return b
}

// askedWith waits until the coverage has been asked n questions and
// returns the last.
func (h *harness) lastAsked(n int) askRecord {
	h.t.Helper()
	asked := h.cov.questions()
	if len(asked) != n {
		h.t.Fatalf("coverage asked %d questions, want %d: %+v", len(asked), n, asked)
	}
	return asked[n-1]
}

// wantHistory checks a history against the expected roles and a piece of
// each turn's text.
func wantHistory(t *testing.T, got []rag.Message, want ...string) {
	t.Helper()
	if len(got) != len(want)/2 {
		t.Fatalf("history has %d turns, want %d: %+v", len(got), len(want)/2, got)
	}
	for i := range got {
		role, text := want[2*i], want[2*i+1]
		if got[i].Role != role || !strings.Contains(got[i].Content, text) {
			t.Errorf("turn %d = %s %q, want %s containing %q", i, got[i].Role, got[i].Content, role, text)
		}
	}
}

// In a default deployment (no question channels, no Message Content
// intent, which the application does not even have), a reply to the bot's
// /ask answer is a follow-up with the earlier turns, and so is a reply to
// that answer; a reply with the ping turned off cannot be read, and the bot
// says so once instead of dropping it in silence.
func TestReplyToAnswerIsFollowUpWithoutIntent(t *testing.T) {
	t.Parallel()
	h := startBotOn(t, fakediscord.Options{NoMessageContent: true}, Config{})
	if ids := h.fake.Identities(); len(ids) != 1 || ids[0].Intents&int(discordgo.IntentMessageContent) != 0 {
		t.Fatalf("identified with %+v; the default must not ask for Message Content", ids)
	}
	token := h.ask(readerID, "what did Starmer tell Zelenskyy?")
	h.finalEdit(token)
	var answerID string
	for _, m := range h.fake.BotMessagesIn(channelID) {
		if m.InteractionToken == token {
			answerID = m.ID
		}
	}
	if answerID == "" {
		t.Fatal("no /ask response in the channel")
	}

	first := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: readerID,
		Content: "what did he say next?", ReferencedMessageID: answerID})
	h.answerPosted(channelID, first)
	got := h.lastAsked(2)
	if got.question != "what did he say next?" {
		t.Errorf("follow-up question = %q", got.question)
	}
	wantHistory(t, got.history, "user", "what did Starmer tell Zelenskyy?", "assistant", "irreversible [1]")

	// A reply to that answer carries the whole chain.
	var second string
	for _, m := range h.fake.BotMessagesIn(channelID) {
		if m.Reference != nil && m.Reference.MessageID == first {
			second = m.ID
		}
	}
	again := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: readerID,
		Content: "and in Rome?", ReferencedMessageID: second})
	h.answerPosted(channelID, again)
	wantHistory(t, h.lastAsked(3).history,
		"user", "what did Starmer tell Zelenskyy?", "assistant", "irreversible",
		"user", "what did he say next?", "assistant", "irreversible")

	quiet := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: readerID,
		Content: "and the day after?", ReferencedMessageID: second, NoPing: true})
	if hint := h.noticeTo(channelID, quiet); hint.Content != msgCannotRead {
		t.Errorf("hint = %q, want %q", hint.Content, msgCannotRead)
	}
	quieter := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: readerID,
		Content: "hello?", ReferencedMessageID: second, NoPing: true})
	// Close waits for the handlers, so anything the bot would say has been said.
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	for _, m := range h.fake.BotMessagesIn(channelID) {
		if m.Reference != nil && m.Reference.MessageID == quieter {
			t.Errorf("the bot said how to ask twice in one channel: %q", m.Content)
		}
	}
	if n := len(h.cov.questions()); n != 3 {
		t.Errorf("coverage asked %d questions, want 3", n)
	}
	if n := metricValue(t, h.bot.metrics.questions.WithLabelValues(sourceReply)); n != 2 {
		t.Errorf("questions_total{reply} = %v, want 2", n)
	}
	h.assertNoPings()
}

// startThread asks by mention and returns the thread the bot answered in.
func (h *harness) startThread(question string) string {
	h.t.Helper()
	h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: readerID,
		Content: "<@" + botID + "> " + question})
	h.waitCall("thread", func(c fakediscord.Call) bool {
		return c.Method == "POST" && strings.HasSuffix(c.Route, "/threads") && c.Status < 300
	})
	threads := h.fake.Threads(channelID)
	if len(threads) != 1 {
		h.t.Fatalf("threads = %+v", threads)
	}
	h.botReplyIn(threads[0].ID)
	return threads[0].ID
}

// Without the intent a plain message in the bot's thread arrives with no
// text: the bot says once how to ask, and answers a reply to its answer.
func TestThreadWithoutIntentSaysHowToAskOnce(t *testing.T) {
	t.Parallel()
	h := startBotOn(t, fakediscord.Options{NoMessageContent: true}, Config{})
	thread := h.startThread("what did Starmer tell Zelenskyy?")
	answer := h.fake.BotMessagesIn(thread)[0].ID

	plain := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: thread, AuthorID: readerID, Content: "what did he say next?"})
	if hint := h.noticeTo(thread, plain); hint.Content != msgCannotRead {
		t.Errorf("hint = %q", hint.Content)
	}
	reply := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: thread, AuthorID: readerID,
		Content: "what did he say next?", ReferencedMessageID: answer})
	h.answerPosted(thread, reply)
	got := h.lastAsked(2)
	wantHistory(t, got.history, "user", "what did Starmer tell Zelenskyy?", "assistant", "irreversible")

	again := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: thread, AuthorID: readerID, Content: "hello?"})
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	for _, m := range h.fake.BotMessagesIn(thread) {
		if m.Reference != nil && m.Reference.MessageID == again {
			t.Errorf("the bot said how to ask twice in one thread: %q", m.Content)
		}
	}
	if n := metricValue(t, h.bot.metrics.questions.WithLabelValues(sourceThread)); n != 1 {
		t.Errorf("questions_total{thread} = %v, want 1", n)
	}
}

// A restarted bot has no memory of its threads; it reads the earlier
// turns back from Discord.
func TestFollowUpAfterRestartReadsHistoryFromDiscord(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{MessageContent: true})
	thread := h.startThread("what did Starmer tell Zelenskyy?")
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	restarted := h.another(Config{MessageContent: true})
	if restarted.convs.order.Len() != 0 {
		t.Fatal("the new process shares the old one's memory")
	}

	followUp := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: thread, AuthorID: readerID, Content: "what did he say next?"})
	h.answerPosted(thread, followUp)
	wantHistory(t, h.lastAsked(2).history, "user", "what did Starmer tell Zelenskyy?", "assistant", "irreversible [1]")

	// The next follow-up comes from the new process's cache: no more reads.
	reads := countReads(h.fake.Calls(), thread)
	next := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: thread, AuthorID: readerID, Content: "and in Rome?"})
	h.answerPosted(thread, next)
	wantHistory(t, h.lastAsked(3).history,
		"user", "what did Starmer tell Zelenskyy?", "assistant", "irreversible",
		"user", "what did he say next?", "assistant", "irreversible")
	if n := countReads(h.fake.Calls(), thread); n != reads {
		t.Errorf("the second follow-up read the thread again (%d reads, then %d)", reads, n)
	}
}

func countReads(calls []fakediscord.Call, thread string) int {
	n := 0
	for _, c := range calls {
		if c.Method == "GET" && strings.HasPrefix(c.Route, "/channels/"+thread+"/messages") {
			n++
		}
	}
	return n
}

// When the guild moves to another shard (more shards after a resharding),
// the new shard answers in the thread the first one started, with its
// history.
func TestSecondShardAnswersThreadTheFirstStarted(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{MessageContent: true})
	// A guild whose ID puts it on shard 1 of 2: (id >> 22) % 2 == 1.
	const farGuild, farChannel = "4194304", "4194305"
	h.fake.AddGuild(fakediscord.Guild{ID: farGuild, Name: "Far", Channels: []fakediscord.Channel{{ID: farChannel, Name: "news"}},
		Members: []fakediscord.Member{{UserID: readerID, Username: "reader"}}})
	q := h.fake.SendMessage(fakediscord.Message{GuildID: farGuild, ChannelID: farChannel, AuthorID: readerID,
		Content: "<@" + botID + "> what did Starmer tell Zelenskyy?"})
	h.waitCall("thread", func(c fakediscord.Call) bool {
		return c.Method == "POST" && c.Route == "/channels/"+farChannel+"/messages/"+q+"/threads" && c.Status < 300
	})
	thread := h.fake.Threads(farChannel)[0].ID
	h.botReplyIn(thread)
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}

	shard0 := h.another(Config{MessageContent: true, ShardID: 0, ShardCount: 2})
	shard1 := h.another(Config{MessageContent: true, ShardID: 1, ShardCount: 2})
	followUp := h.fake.SendMessage(fakediscord.Message{GuildID: farGuild, ChannelID: thread, AuthorID: readerID, Content: "what did he say next?"})
	h.answerPosted(thread, followUp)
	wantHistory(t, h.lastAsked(2).history, "user", "what did Starmer tell Zelenskyy?", "assistant", "irreversible [1]")
	for _, b := range []*Bot{shard0, shard1} {
		if err := b.Close(h.ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := metricValue(t, shard1.metrics.questions.WithLabelValues(sourceThread)); n != 1 {
		t.Errorf("shard 1 answered %v follow-ups, want 1", n)
	}
	if n := metricValue(t, shard0.metrics.questions.WithLabelValues(sourceThread)); n != 0 {
		t.Errorf("shard 0 answered %v follow-ups, want 0", n)
	}
}

// History read back from messages: questions from people's messages or,
// when their text was hidden, from the answer's title; answers split over
// messages joined; notices, answers in progress and other bots left out;
// and the bounds applied from the latest turn back.
func TestTurnsFromMessages(t *testing.T) {
	user := func(text string) *discordgo.Message {
		return &discordgo.Message{Author: &discordgo.User{ID: readerID}, Content: text}
	}
	bot := func(title string, parts ...string) *discordgo.Message {
		m := &discordgo.Message{Author: &discordgo.User{ID: botID, Bot: true}}
		for i, p := range parts {
			e := &discordgo.MessageEmbed{Description: p}
			if i == 0 {
				e.Title = title
			}
			m.Embeds = append(m.Embeds, e)
		}
		return m
	}
	progress := bot("q", "half an answer")
	progress.Embeds[0].Footer = &discordgo.MessageEmbedFooter{Text: progressFooter}
	msgs := []*discordgo.Message{
		user("<@" + botID + "> who met in Rome?"),
		progress,
		bot(`who met in Rome?`, "Trump and Zelenskyy [1]."),
		user(""), // hidden without the intent
		bot(`what did they \*agree\*?`, "A ceasefire [1].", "More [2]."),
		{Author: &discordgo.User{ID: botID, Bot: true}, Content: msgCannotRead},
		{Author: &discordgo.User{ID: "900", Bot: true}, Content: "another bot"},
		bot("", "The rest of that answer [3]."),
		user("thanks"),
	}
	turns := turnsFromMessages(msgs, botID)
	wantHistory(t, turns,
		"user", "who met in Rome?", "assistant", "Trump and Zelenskyy",
		"user", "what did they *agree*?", "assistant", "A ceasefire [1].\nMore [2].",
		"user", "thanks")
	if turns[3].Content != "A ceasefire [1].\nMore [2]." {
		t.Errorf("answer with two parts = %q", turns[3].Content)
	}

	// The rest of an answer after a notice is not glued to the answer.
	if strings.Contains(turns[3].Content, "rest of that") {
		t.Errorf("a continuation after another message was joined: %q", turns[3].Content)
	}

	if got := boundHistory(turns, 2, 1000); len(got) != 1 || got[0].Content != "thanks" {
		t.Errorf("two turns from the end = %+v; the history must start with a question", got)
	}
	// 10 tokens is about 40 characters: the last question and nothing more.
	if got := boundHistory(turns, 10, 10); len(got) != 1 || got[0].Content != "thanks" {
		t.Errorf("a 10-token budget kept %+v", got)
	}
	if got := boundHistory(turns, 10, 1000); len(got) != len(turns) {
		t.Errorf("generous bounds kept %d of %d turns", len(got), len(turns))
	}
}

// /help says how to follow up, as the bot's intents allow, and states the
// rate in words.
func TestHelpSaysHowToFollowUp(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		cfg    Config
		want   []string
		absent []string
	}{
		{"without the intent", Config{UserRate: 5, UserRateWindow: time.Minute},
			[]string{"reply to any of my answers", "mention me again", "5 questions per minute"},
			[]string{"just write", "1m0s"}},
		{"with the intent", Config{MessageContent: true, UserRate: 1, UserRateWindow: 90 * time.Second},
			[]string{"reply to any of my answers", "In my threads you can also just write your follow-up", "1 question per 90 seconds"},
			[]string{"1m30s"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := startBot(t, tc.cfg)
			_, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID, Name: "help"})
			text := h.finalEditAny(token).Text()
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("help lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tc.absent {
				if strings.Contains(text, w) {
					t.Errorf("help has %q:\n%s", w, text)
				}
			}
		})
	}
}

func TestPeriod(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Minute: "minute", 10 * time.Minute: "10 minutes", time.Hour: "hour", 2 * time.Hour: "2 hours",
		90 * time.Second: "90 seconds", time.Second: "second", 1500 * time.Millisecond: "1.5s",
	} {
		if got := period(d); got != want {
			t.Errorf("period(%v) = %q, want %q", d, got, want)
		}
	}
}

// A /sources query in Cyrillic (two bytes a letter) travels whole in the
// paging buttons, so the next page lists the same matches.
func TestSourcesPagingKeepsANonLatinQuery(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	const query = "переговоры в Стамбуле о прекращении огня и обмене пленными" // 59 characters, 108 bytes
	var arts []rag.ArticleInfo
	for i := range 14 {
		arts = append(arts, rag.ArticleInfo{ID: fmt.Sprint("ru-", i), Title: fmt.Sprintf("Отчёт %d: %s", i, query),
			Outlet: "ТАСС", Published: publishedDay.AddDate(0, 0, -i)})
	}
	// Matches the query's first 50 letters only: a query cut short would
	// list it too.
	arts = append(arts, rag.ArticleInfo{ID: "other", Title: string([]rune(query)[:50]), Published: publishedDay})
	h.cov.articles = arts
	_, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID, Name: "sources",
		Options: []fakediscord.Option{{Name: "query", Type: fakediscord.OptionString, Value: query}}})
	first := h.finalEditAny(token)
	if want := "Page 1 of 2 · 14 articles"; !strings.HasPrefix(first.Embeds[0].Footer.Text, want) {
		t.Fatalf("first page footer %q, want %q", first.Embeds[0].Footer.Text, want)
	}
	next := first.Buttons()[1].CustomID
	if !strings.HasSuffix(next, ":"+query) || utf8.RuneCountInString(next) > maxCustomID {
		t.Errorf("Next's custom id %q does not carry the whole query within %d characters", next, maxCustomID)
	}
	_, click := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID, CustomID: next})
	second := h.finalEditAny(click)
	if want := "Page 2 of 2 · 14 articles"; !strings.HasPrefix(second.Embeds[0].Footer.Text, want) {
		t.Errorf("second page footer %q, want %q: the query changed between pages", second.Embeds[0].Footer.Text, want)
	}
	if !strings.Contains(second.Embeds[0].Title, query) {
		t.Errorf("second page title %q lost the query", second.Embeds[0].Title)
	}
}
