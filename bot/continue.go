package bot

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/rag"
)

// An answer to a slash command can be continued in a thread: its "Follow
// up in a thread" button starts a public thread on the answer's message.
// The thread takes the message's ID, and its starter message is the
// answer, so the question and answer are the thread's first turns whether
// the follow-up comes to this process (from memory) or another (read back
// from Discord).

// Discord's error code for a message that already has a thread.
const errCodeThreadExists = 160004

// threadable reports whether a thread can be started on the answer to
// call: a public answer in a server channel that is not itself a thread.
func (b *Bot) threadable(call *commandCall) bool {
	i := call.i
	if call.reply == nil || call.reply.private || i.GuildID == "" {
		return false
	}
	if _, ok := b.convs.parentOf(i.ChannelID); ok {
		return false // one of the bot's threads
	}
	if info, ok := b.threads.get(i.ChannelID); ok && info.parent != "" {
		return false // a thread seen before
	}
	ch, err := b.session.State.Channel(i.ChannelID)
	return err != nil || ch.Type == discordgo.ChannelTypeGuildText || ch.Type == discordgo.ChannelTypeGuildNews
}

// followUpInvite is the bot's first message in a thread opened for
// follow-ups: how to ask there.
func (b *Bot) followUpInvite() string {
	if b.readsEveryMessage() {
		return "Ask your follow-up here: just write it, and I'll answer with the conversation so far as context."
	}
	return "Ask your follow-up here: reply to this message or mention me, and I'll answer with the conversation so far as context."
}

// handleThreadButton opens (or finds) the thread on an answer and tells the
// user where it is, privately.
func (b *Bot) handleThreadButton(i *discordgo.Interaction) {
	log := b.log.With("interaction", i.ID, "user", interactionUser(i), "channel", i.ChannelID)
	if err := b.access.allows(b.interactionAsker(i)); err != nil {
		b.respondNow(i, b.refusal(err))
		return
	}
	m := i.Message
	if m == nil || m.ID == "" {
		b.respondNow(i, "I can't find that answer any more; ask again to start a new conversation.")
		return
	}
	reply := &interactionReply{b: b, i: i, private: true}
	if err := b.deferResponse(i, true); err != nil {
		log.Warn("could not acknowledge the thread button", "err", err)
		return
	}
	ctx, cancel := noticeContext(b.life)
	defer cancel()
	threadID, created, err := b.threadOn(ctx, i.ChannelID, m)
	if err != nil {
		status, code := restCode(err)
		log.Info("could not start a thread on an answer", "status", status, "code", code, "err", err)
		b.report(ctx, reply, i.ID, &userError{msg: "I couldn't open a thread here (threads can't be started in a thread, " +
			"and I need the Create Public Threads permission). You can still reply to my answer to follow up."})
		return
	}
	if created {
		// The answer this process posted is remembered whole; the message
		// clicked is only its last part when the answer took several.
		turns := turnsFromMessages([]*discordgo.Message{m}, b.selfID())
		if kept, ok := b.answers.get(strings.TrimPrefix(i.MessageComponentData().CustomID, threadPrefix)); ok {
			turns = []rag.Message{{Role: "user", Content: kept.question}, {Role: "assistant", Content: kept.answer.Text}}
		}
		b.convs.start(i.ChannelID, threadID)
		b.convs.seed(threadID, boundHistory(turns, b.cfg.HistoryTurns, b.cfg.HistoryTokens))
		if err := (&channelReply{b: b, channelID: threadID}).finish(ctx, renderNotice(b.followUpInvite())); err != nil {
			log.Warn("could not post in the new thread", "thread", threadID, "err", err)
		}
		log.Info("thread opened on an answer", "thread", threadID, "message", m.ID)
	}
	if err := reply.finish(ctx, renderNotice("Follow up in <#"+threadID+">.")); err != nil {
		log.Warn("could not say where the thread is", "err", err)
	}
}

// threadOn starts a thread on an answer's message, or finds the one already
// started on it (a thread started on a message has that message's ID).
func (b *Bot) threadOn(ctx context.Context, channelID string, m *discordgo.Message) (id string, created bool, err error) {
	name := "Follow-up"
	if len(m.Embeds) > 0 && m.Embeds[0] != nil {
		if t := cleanQuestion(markdownUnescaper.Replace(m.Embeds[0].Title)); t != "" {
			name = t
		}
	}
	th, err := b.startThread(ctx, channelID, m.ID, &discordgo.ThreadStart{
		Name:                truncateText(neutralizeMentions(name), maxThreadName),
		AutoArchiveDuration: threadArchiveMinutes,
	})
	if _, code := restCode(err); code == errCodeThreadExists {
		return m.ID, false, nil
	}
	if err != nil {
		return "", false, err
	}
	return th.ID, true, nil
}
