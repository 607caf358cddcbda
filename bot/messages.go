package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/rag"
)

// threadArchiveMinutes is how long a quiet answer thread stays open: a day.
const threadArchiveMinutes = 1440

// maxThreadName bounds a thread's name (Discord allows 100).
const maxThreadName = 90

func (b *Bot) onMessage(_ *discordgo.Session, mc *discordgo.MessageCreate) {
	m := mc.Message
	if m == nil || m.Author == nil || m.Author.Bot || m.WebhookID != "" {
		return
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return // thread-created notices, pins, joins…
	}
	self := b.selfID()
	if self == "" || m.Author.ID == self {
		return
	}
	if !b.begin() {
		return
	}
	defer b.work.Done()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("message handler panicked", "message", m.ID, "panic", fmt.Sprint(p))
		}
	}()
	b.handleMessage(m, self)
}

// mentionsUser reports whether m mentions the user, in its mention list or
// its text.
func mentionsUser(m *discordgo.Message, userID string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == userID {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+userID+">") || strings.Contains(m.Content, "<@!"+userID+">")
}

// stripMention removes the bot's own mentions from a question.
func stripMention(content, userID string) string {
	return strings.NewReplacer("<@"+userID+">", " ", "<@!"+userID+">", " ").Replace(content)
}

// handleMessage answers a message that is a question: one that mentions the
// bot, one in a question channel, or a follow-up in a thread the bot
// answers in.
func (b *Bot) handleMessage(m *discordgo.Message, self string) {
	_, history, inConversation := b.convs.lookup(m.ChannelID)
	source := ""
	switch {
	case inConversation:
		source = sourceThread
	case mentionsUser(m, self):
		source = sourceMention
	case b.channels[m.ChannelID]:
		source = sourceChannel
	default:
		return
	}
	log := b.log.With("message", m.ID, "source", source, "user", m.Author.ID, "guild", m.GuildID, "channel", m.ChannelID)

	who := asker{guildID: m.GuildID, channels: b.channelAndParent(m.ChannelID), inGuild: m.GuildID != ""}
	if m.Member != nil {
		who.roles = m.Member.Roles
	}
	if err := b.access.allows(who); err != nil {
		log.Debug("message outside the allow lists; ignored")
		return
	}

	ctx, cancel := context.WithTimeout(b.life, b.cfg.AnswerTimeout)
	defer cancel()
	inPlace := &channelReply{b: b, channelID: m.ChannelID, ref: replyTo(m)}

	q, err := checkQuestion(stripMention(m.Content, self))
	if err != nil {
		// Without the Message Content intent, Discord sends other messages
		// with no text; only a bare mention deserves the usage hint.
		if source == sourceMention || cleanQuestion(m.Content) != "" {
			b.report(ctx, inPlace, m.ID, err)
		}
		return
	}
	t, refusal := b.admit(m.Author.ID, m.GuildID)
	if refusal != "" {
		b.report(ctx, inPlace, m.ID, &userError{msg: refusal})
		return
	}
	defer t.release()
	b.metrics.questions.WithLabelValues(source).Inc()
	b.metrics.inflight.Inc()
	defer b.metrics.inflight.Dec()
	log.Info("question", "chars", len(q))

	// Acknowledge at once with the typing indicator, then find where to
	// answer: the thread we are in, or a new thread on the question.
	if err := b.typing(ctx, m.ChannelID); err != nil {
		log.Debug("typing indicator failed", "err", err)
	}
	dest, conversationID := inPlace, m.ChannelID
	if !inConversation {
		dest, conversationID = b.openThread(ctx, m, q, log)
	}
	dest.keepTyping(ctx)

	_, err = b.answer(ctx, question{
		id: m.ID, source: source, userID: m.Author.ID, guildID: m.GuildID,
		title: q, ticket: t, dest: dest,
		produce: func(ctx context.Context, onDelta func(string)) (rag.Answer, error) {
			return b.opts.Coverage.Ask(ctx, q, rag.AskOptions{History: history, OnDelta: onDelta})
		},
		remember: func(a rag.Answer) { b.convs.add(conversationID, q, a.Text) },
	})
	dest.stopTyping()
	if err != nil {
		b.report(ctx, dest, m.ID, err)
	}
}

// openThread starts a thread on the question and returns where to answer
// and the conversation's id. When Discord refuses the thread (no permission,
// a message already in a thread, a deleted message), the answer goes in the
// channel as a reply to the question instead.
func (b *Bot) openThread(ctx context.Context, m *discordgo.Message, q string, log interface {
	Info(string, ...any)
}) (*channelReply, string) {
	th, err := b.startThread(ctx, m.ChannelID, m.ID, &discordgo.ThreadStart{
		Name:                truncateText(neutralizeMentions(q), maxThreadName),
		AutoArchiveDuration: threadArchiveMinutes,
	})
	if err != nil || th.ID == "" {
		status, code := restCode(err)
		log.Info("could not start a thread; replying in the channel", "status", status, "code", code, "err", err)
		b.convs.start(m.ChannelID, m.ID)
		return &channelReply{b: b, channelID: m.ChannelID, ref: replyTo(m)}, m.ID
	}
	b.convs.start(m.ChannelID, th.ID, m.ID)
	if err := b.typing(ctx, th.ID); err != nil {
		log.Info("typing indicator in thread failed", "err", err)
	}
	return &channelReply{b: b, channelID: th.ID}, th.ID
}
