package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/rag"
)

// threadButton returns the "Follow up in a thread" button's custom ID in a
// message, or "".
func threadButton(b fakediscord.MessageBody) string {
	for _, btn := range b.Buttons() {
		if strings.HasPrefix(btn.CustomID, threadPrefix) {
			return btn.CustomID
		}
	}
	return ""
}

// The "Follow up in a thread" button under a public /ask answer opens a
// thread on the answer, says where it is privately, and the thread's first
// follow-up has the question and answer as history, even when a restarted
// process answers it. A second click finds the same thread.
func TestFollowUpInAThreadButton(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{MessageContent: true})
	private := h.ask(readerID, "who is John Coale?", fakediscord.Option{Name: "private", Type: fakediscord.OptionBoolean, Value: true})
	if id := threadButton(h.finalEdit(private)); id != "" {
		t.Errorf("a private answer offers a thread: %q", id)
	}

	token := h.ask(readerID, "what did Starmer tell Zelenskyy?")
	button := threadButton(h.finalEdit(token))
	if button == "" {
		t.Fatal("a public answer has no thread button")
	}
	var answer string
	for _, m := range h.fake.BotMessagesIn(channelID) {
		if m.InteractionToken == token {
			answer = m.ID
		}
	}
	click := func() string {
		_, tok := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
			CustomID: button, MessageID: answer})
		if cb := h.callback(tok); cb.Type != 5 || !cb.Data.Ephemeral() {
			t.Fatalf("click answered with %d, ephemeral %v; want a private deferral", cb.Type, cb.Data.Ephemeral())
		}
		return h.finalEditAny(tok).Content
	}
	said := click()
	threads := h.fake.Threads(channelID)
	if len(threads) != 1 || threads[0].ID != answer || threads[0].Name != "what did Starmer tell Zelenskyy?" {
		t.Fatalf("threads = %+v; want one on the answer, named for the question", threads)
	}
	thread := threads[0].ID
	if said != "Follow up in <#"+thread+">." {
		t.Errorf("the click said %q", said)
	}
	if said := click(); said != "Follow up in <#"+thread+">." || len(h.fake.Threads(channelID)) != 1 {
		t.Errorf("a second click said %q and made %d threads", said, len(h.fake.Threads(channelID)))
	}
	if posted := h.fake.BotMessagesIn(thread); len(posted) != 1 || !strings.Contains(posted[0].Content, "Ask your follow-up here") {
		t.Errorf("the thread starts with %+v; want one invitation to ask", posted)
	}

	// The process that opened the thread knows its first turns.
	reads := countReads(h.fake.Calls(), thread)
	followUp := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: thread, AuthorID: readerID, Content: "what did he say next?"})
	h.answerPosted(thread, followUp)
	wantHistory(t, h.lastAsked(3).history, "user", "what did Starmer tell Zelenskyy?", "assistant", "irreversible [1]")
	if countReads(h.fake.Calls(), thread) != reads {
		t.Error("the process that opened the thread read its history back")
	}

	// Another process reads them back, with the starter message first.
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	h.another(Config{MessageContent: true})
	next := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: thread, AuthorID: readerID, Content: "and in Rome?"})
	h.answerPosted(thread, next)
	wantHistory(t, h.lastAsked(4).history,
		"user", "what did Starmer tell Zelenskyy?", "assistant", "irreversible [1]",
		"user", "what did he say next?", "assistant", "irreversible [1]")
}

// An answer that takes two messages has its button on the last; the
// thread's history still holds the question and the whole answer.
func TestFollowUpInAThreadOnALongAnswer(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{MessageContent: true})
	long := "The opening sentence of a long answer [1]. " + strings.Repeat("More of the long answer [2]. ", 320)
	h.cov.ask = func(_ context.Context, q string, _ rag.AskOptions) (rag.Answer, error) {
		a := sampleAnswer(q)
		if q == "tell me everything" {
			a.Text = long
		}
		return a, nil
	}
	token := h.ask(readerID, "tell me everything")
	h.waitCall("the answer's last part", func(c fakediscord.Call) bool {
		b, err := c.Message()
		return c.Method == "POST" && strings.Contains(c.Route, "/"+token) && c.Status < 300 && err == nil && hasFeedback(b)
	})
	var last fakediscord.SentMessage
	parts := 0
	for _, m := range h.fake.BotMessagesIn(channelID) {
		if m.InteractionToken == token {
			parts++
			last = m
		}
	}
	button := threadButton(last.MessageBody)
	if parts < 2 || button == "" {
		t.Fatalf("%d messages, button %q on the last; want a split answer with the button", parts, button)
	}
	_, tok := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
		CustomID: button, MessageID: last.ID})
	h.finalEditAny(tok)
	followUp := h.fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: last.ID, AuthorID: readerID, Content: "and then?"})
	h.answerPosted(last.ID, followUp)
	hist := h.lastAsked(2).history
	wantHistory(t, hist, "user", "tell me everything", "assistant", "The opening sentence of a long answer")
}
