package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
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

// msgCannotRead is said once in a thread or channel when a message there
// reaches the bot without its text: without the Message Content intent,
// Discord shows the bot only messages that mention it.
const msgCannotRead = "I can only read messages that mention me. To ask me a follow-up, reply to my answer " +
	"(with the mention left on) or mention me."

// readsEveryMessage reports whether the bot asked for the Message Content
// intent, and so gets the text of every message it can see.
func (b *Bot) readsEveryMessage() bool {
	return b.cfg.MessageContent || len(b.cfg.Channels) > 0
}

// handleMessage answers a message that is a question: a follow-up in a
// thread the bot answers in, a reply to one of the bot's messages, one that
// mentions the bot, or one in a question channel.
func (b *Bot) handleMessage(m *discordgo.Message, self string) {
	ctx, cancel := context.WithTimeout(b.life, b.cfg.AnswerTimeout)
	defer cancel()

	var where threadInfo
	if m.GuildID != "" {
		where = b.botThread(ctx, m.ChannelID, self)
	}
	replyToBot := m.ReferencedMessage != nil && m.ReferencedMessage.Author != nil && m.ReferencedMessage.Author.ID == self
	mentioned := mentionsUser(m, self)
	source := ""
	switch {
	case where.ours:
		source = sourceThread
	case replyToBot:
		source = sourceReply
	case mentioned:
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

	inPlace := &channelReply{b: b, channelID: m.ChannelID, ref: replyTo(m)}
	q, err := checkQuestion(stripMention(m.Content, self))
	if err != nil {
		switch {
		case source == sourceMention || cleanQuestion(m.Content) != "":
			b.report(ctx, inPlace, m.ID, err) // a bare mention: say how to ask
		case !b.readsEveryMessage() && !mentioned:
			b.cannotRead(ctx, m, log)
		}
		// Otherwise the message has no text at all (an image, a sticker).
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

	// Acknowledge at once with the typing indicator, then find the history
	// and where to answer: in place for a follow-up, else in a new thread
	// on the question.
	if err := b.typing(ctx, m.ChannelID); err != nil {
		log.Debug("typing indicator failed", "err", err)
	}
	var history []rag.Message
	dest, conversationID := inPlace, ""
	switch source {
	case sourceThread:
		history, conversationID = b.threadFollowUp(ctx, m, where, log), m.ChannelID
	case sourceReply:
		history = b.chainHistory(ctx, m)
	default:
		dest, conversationID = b.openThread(ctx, m, q, log)
	}
	dest.keepTyping(ctx)

	_, err = b.answer(ctx, question{
		id: m.ID, source: source, userID: m.Author.ID, guildID: m.GuildID,
		title: q, ticket: t, dest: dest,
		produce: func(ctx context.Context, onDelta func(string)) (rag.Answer, error) {
			return b.opts.Coverage.Ask(ctx, q, rag.AskOptions{History: history, OnDelta: onDelta})
		},
		remember: func(a rag.Answer) {
			if conversationID != "" {
				b.convs.add(conversationID, q, a.Text)
			}
		},
	})
	dest.stopTyping()
	if err != nil {
		b.report(ctx, dest, m.ID, err)
	}
}

// cannotRead tells a thread or channel, once, that the bot cannot read a
// message there and how to ask instead, so no follow-up goes unanswered in
// silence.
func (b *Bot) cannotRead(ctx context.Context, m *discordgo.Message, log *slog.Logger) {
	if _, said := b.hinted.put(m.ChannelID, struct{}{}); said {
		log.Debug("message without text; how to ask was already said here")
		return
	}
	log.Info("message without text: no Message Content intent; saying how to ask")
	postCtx, cancel := noticeContext(ctx)
	defer cancel()
	dest := &channelReply{b: b, channelID: m.ChannelID, ref: replyTo(m)}
	if err := dest.finish(postCtx, renderNotice(msgCannotRead)); err != nil {
		log.Warn("could not say how to ask", "err", err)
	}
}

// threadFollowUp returns a follow-up's history in one of the bot's
// threads: from memory when this process answered there, else read back
// from Discord and remembered.
func (b *Bot) threadFollowUp(ctx context.Context, m *discordgo.Message, where threadInfo, log *slog.Logger) []rag.Message {
	if _, turns, ok := b.convs.lookup(m.ChannelID); ok && len(turns) > 0 {
		return boundHistory(turns, b.cfg.HistoryTurns, b.cfg.HistoryTokens)
	}
	history, err := b.threadHistory(ctx, m.ChannelID, where.parent, m.ID)
	if err != nil {
		status, code := restCode(err)
		log.Warn("could not read the thread's history; answering without it", "status", status, "code", code, "err", err)
	}
	b.convs.start(where.parent, m.ChannelID)
	b.convs.seed(m.ChannelID, history)
	return history
}

// threadInfo is what the bot knows of the channel a message came from.
type threadInfo struct {
	ours   bool   // a thread the bot started, or one started on a question it answered
	parent string // the channel a thread belongs to; empty for other channels
}

// botThread finds out whether a channel is one of the bot's threads: from
// its memory of conversations, from the gateway's cache of channels, or
// (once per channel, remembered) from Discord.
func (b *Bot) botThread(ctx context.Context, channelID, self string) threadInfo {
	if parent, ok := b.convs.parentOf(channelID); ok && parent != channelID {
		return threadInfo{ours: true, parent: parent}
	}
	if info, ok := b.threads.get(channelID); ok {
		return info
	}
	if ch, err := b.session.State.Channel(channelID); err == nil {
		if !ch.IsThread() {
			return threadInfo{}
		}
		return threadInfo{ours: ch.OwnerID == self, parent: ch.ParentID}
	}
	ch, err := b.channel(ctx, channelID)
	if err != nil {
		status, code := restCode(err)
		b.log.Info("could not look up a channel; taking it as not one of my threads", "channel", channelID,
			"status", status, "code", code, "err", err)
		if status == http.StatusForbidden || status == http.StatusNotFound {
			b.threads.put(channelID, threadInfo{})
		}
		return threadInfo{}
	}
	info := threadInfo{}
	if ch.IsThread() {
		info = threadInfo{ours: ch.OwnerID == self, parent: ch.ParentID}
	}
	b.threads.put(channelID, info)
	return info
}

// openThread starts a thread on the question and returns where to answer
// and the conversation's id. When Discord refuses the thread (no permission,
// a message already in a thread, a deleted message), the answer goes in the
// channel as a reply to the question instead.
func (b *Bot) openThread(ctx context.Context, m *discordgo.Message, q string, log *slog.Logger) (*channelReply, string) {
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
