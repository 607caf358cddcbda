package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// command is one slash command: its definition for Discord and how the bot
// serves it. The table of commands is in commands.go; adding a command is
// adding an entry there.
type command struct {
	def *discordgo.ApplicationCommand
	// usage is the line /help shows; the description is used when empty.
	usage string
	// admin commands are checked on the server too: DefaultMemberPermissions
	// only hides a command, and a server can give it to anyone.
	admin bool
	// costly commands count against the user's rate limit and wait for a
	// slot in the guild's queue.
	costly bool
	// private says whether the reply is visible only to the user.
	private func(a args) bool
	// validate checks the options before the interaction is acknowledged,
	// so bad input gets an immediate private reply.
	validate func(a args) error
	// run does the work after the deferred acknowledgement and posts the
	// result through call.reply. An error it returns is reported in one
	// place, by the dispatcher.
	run func(ctx context.Context, call *commandCall) error
	// complete returns autocomplete choices for call.args.focused.
	complete func(ctx context.Context, call *commandCall) ([]*discordgo.ApplicationCommandOptionChoice, error)
}

// commandCall is one use of a command.
type commandCall struct {
	cmd    *command
	i      *discordgo.Interaction
	args   args
	userID string
	ticket *ticket
	reply  *interactionReply
}

func interactionUser(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	i := ic.Interaction
	if i == nil {
		return
	}
	if !b.begin() {
		if i.Type == discordgo.InteractionApplicationCommand {
			b.respondNow(i, msgClosing)
		}
		return
	}
	defer b.work.Done()
	defer func() {
		// A bug in one handler must not take the bot down with it.
		if p := recover(); p != nil {
			b.log.Error("interaction handler panicked", "interaction", i.ID, "panic", fmt.Sprint(p))
		}
	}()
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		b.handleCommand(i)
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.handleAutocomplete(i)
	case discordgo.InteractionMessageComponent:
		b.handleComponent(i)
	}
}

// respondNow answers an interaction at once with a private message, for
// refusals that need no work.
func (b *Bot) respondNow(i *discordgo.Interaction, text string) {
	ctx, cancel := noticeContext(b.life)
	defer cancel()
	err := b.respond(ctx, i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         truncateText(neutralizeMentions(text), maxContent),
			Flags:           discordgo.MessageFlagsEphemeral,
			AllowedMentions: noMentions(),
		},
	})
	if err != nil {
		b.log.Warn("could not respond to interaction", "interaction", i.ID, "err", err)
	}
}

func (b *Bot) interactionAsker(i *discordgo.Interaction) asker {
	a := asker{guildID: i.GuildID, channels: b.channelAndParent(i.ChannelID)}
	if i.Member != nil && i.GuildID != "" {
		a.inGuild = true
		a.roles = i.Member.Roles
		a.permissions = i.Member.Permissions
	}
	return a
}

// channelAndParent returns a channel and, when it is a thread the bot knows,
// the channel the thread belongs to.
func (b *Bot) channelAndParent(channelID string) []string {
	out := []string{channelID}
	if parent, ok := b.convs.parentOf(channelID); ok && parent != channelID {
		return append(out, parent)
	}
	if info, ok := b.threads.get(channelID); ok && info.parent != "" {
		return append(out, info.parent)
	}
	if ch, err := b.session.State.Channel(channelID); err == nil && ch.ParentID != "" {
		out = append(out, ch.ParentID)
	}
	return out
}

func (b *Bot) handleCommand(i *discordgo.Interaction) {
	data := i.ApplicationCommandData()
	cmd, ok := b.commands[data.Name]
	if !ok {
		b.respondNow(i, "I don't know that command; it may be left over from an older version of me.")
		return
	}
	log := b.log.With("interaction", i.ID, "command", data.Name)
	a, err := parseArgs(cmd.def.Options, data.Options, false)
	if err != nil {
		b.respondNow(i, b.refusal(err))
		return
	}
	call := &commandCall{cmd: cmd, i: i, args: a, userID: interactionUser(i)}
	who := b.interactionAsker(i)
	if err := b.access.allows(who); err != nil {
		log.Info("refused by allow list", "user", call.userID, "guild", i.GuildID, "channel", i.ChannelID)
		b.respondNow(i, b.refusal(err))
		return
	}
	if cmd.admin && !b.access.isAdmin(who) {
		log.Warn("admin command refused", "user", call.userID, "guild", i.GuildID)
		b.respondNow(i, "Sorry — /"+cmd.def.Name+" is for server admins (Manage Server permission or an admin role).")
		return
	}
	if cmd.validate != nil {
		if err := cmd.validate(a); err != nil {
			b.respondNow(i, b.refusal(err))
			return
		}
	}
	if cmd.costly {
		t, refusal := b.admit(call.userID, i.GuildID)
		if refusal != "" {
			b.respondNow(i, refusal)
			return
		}
		call.ticket = t
		log.Info("question", "source", sourceSlash, "user", call.userID, "guild", i.GuildID, "channel", i.ChannelID)
		b.metrics.questions.WithLabelValues(sourceSlash).Inc()
		b.metrics.inflight.Inc()
		defer b.metrics.inflight.Dec()
		defer t.release()
	}

	private := cmd.private != nil && cmd.private(a)
	call.reply = &interactionReply{b: b, i: i, private: private}
	if err := b.deferResponse(i, private); err != nil {
		log.Warn("could not acknowledge interaction", "err", err)
		return
	}
	ctx, cancel := context.WithTimeout(b.life, b.cfg.AnswerTimeout)
	defer cancel()
	if err := cmd.run(ctx, call); err != nil {
		b.report(ctx, call.reply, i.ID, err)
	}
}

// refusal is the text for an error found before acknowledging.
func (b *Bot) refusal(err error) string {
	if msg, ok := userMessage(err); ok {
		return msg
	}
	b.log.Error("unexpected error before acknowledging", "err", err)
	return msgGeneric
}

// admit applies the per-user rate limit and takes a place in the guild's
// queue. It returns the refusal to show when the question cannot be taken.
func (b *Bot) admit(userID, guildID string) (*ticket, string) {
	// The queue is checked first so that a question turned away for a full
	// queue does not use up the user's allowance.
	t, err := b.slots.enter(guildID)
	if err != nil {
		b.metrics.queueFull.Inc()
		b.log.Warn("queue full", "guild", guildID, "user", userID)
		return nil, msgBusy
	}
	if ok, retry := b.rate.allow(userID); !ok {
		t.release()
		b.metrics.rateLimited.Inc()
		b.log.Info("rate limited", "user", userID, "retry_after", retry.String())
		return nil, "You're asking quickly! You can ask again " + retryTime(b.opts.Now(), retry) + "."
	}
	return t, ""
}

// retryTime is when a wait from now ends, rounded up to a whole second and
// at least a second away, as a Discord timestamp that each reader sees
// counting down in their own client ("in 42 seconds").
func retryTime(now time.Time, wait time.Duration) string {
	at := now.Add(max(wait, time.Second)).Add(time.Second - 1).Truncate(time.Second)
	return discordTime(at)
}

// deferResponse acknowledges an interaction before any work, as Discord
// requires within 3 s; the reply edits it later.
func (b *Bot) deferResponse(i *discordgo.Interaction, private bool) error {
	ctx, cancel := noticeContext(b.life)
	defer cancel()
	data := &discordgo.InteractionResponseData{AllowedMentions: noMentions()}
	if private {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	return b.respond(ctx, i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: data,
	})
}

func (b *Bot) handleAutocomplete(i *discordgo.Interaction) {
	data := i.ApplicationCommandData()
	cmd, ok := b.commands[data.Name]
	var choices []*discordgo.ApplicationCommandOptionChoice
	if ok && cmd.complete != nil {
		a, err := parseArgs(cmd.def.Options, data.Options, true)
		if err == nil && b.access.allows(b.interactionAsker(i)) == nil {
			ctx, cancel := context.WithTimeout(b.life, autocompleteTimeout)
			choices, err = cmd.complete(ctx, &commandCall{cmd: cmd, i: i, args: a, userID: interactionUser(i)})
			cancel()
			if err != nil {
				b.log.Warn("autocomplete failed", "interaction", i.ID, "command", data.Name, "err", err)
				choices = nil
			}
		}
	}
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	ctx, cancel := noticeContext(b.life)
	defer cancel()
	err := b.respond(ctx, i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	})
	if err != nil {
		b.log.Warn("could not send autocomplete choices", "interaction", i.ID, "err", err)
	}
}

func (b *Bot) handleComponent(i *discordgo.Interaction) {
	id := i.MessageComponentData().CustomID
	switch {
	case strings.HasPrefix(id, feedbackPrefix):
		b.handleFeedback(i, id)
	case strings.HasPrefix(id, reasonPrefix):
		b.handleReason(i, id)
	case strings.HasPrefix(id, sourcesPrefix):
		b.handleSourcesPage(i, id)
	case strings.HasPrefix(id, threadPrefix):
		b.handleThreadButton(i)
	case strings.HasPrefix(id, passagesPrefix):
		b.handlePassages(i, strings.TrimPrefix(id, passagesPrefix))
	case strings.HasPrefix(id, removedPrefix):
		b.handleRemoved(i, strings.TrimPrefix(id, removedPrefix))
	default:
		b.log.Info("unknown button", "interaction", i.ID, "custom_id", truncateText(id, maxCustomID))
		b.ackComponent(i)
	}
}

// ackComponent acknowledges a button click without changing its message.
func (b *Bot) ackComponent(i *discordgo.Interaction) error {
	ctx, cancel := noticeContext(b.life)
	defer cancel()
	return b.respond(ctx, i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredMessageUpdate,
	})
}
