package bot

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// destination is where an answer is posted: the deferred response of an
// interaction, or messages in a thread or channel.
type destination interface {
	// show posts or edits the message that shows an answer in progress.
	show(ctx context.Context, r reply) error
	// finish posts the final messages, the first replacing the one in
	// progress.
	finish(ctx context.Context, rs []reply) error
	// fail replaces the message in progress, if any, with a short notice.
	fail(ctx context.Context, text string) error
}

// restCode returns Discord's HTTP status and JSON error code for err, or
// zeros when err did not come from a REST call.
func restCode(err error) (status, code int) {
	var re *discordgo.RESTError
	if !errors.As(err, &re) || re.Response == nil {
		return 0, 0
	}
	if re.Message != nil {
		code = re.Message.Code
	}
	return re.Response.StatusCode, code
}

// tokenExpired reports whether err says an interaction's token no longer
// works: Discord honours a token for 15 minutes.
func tokenExpired(err error) bool {
	status, code := restCode(err)
	switch code {
	case discordgo.ErrCodeUnknownWebhook, discordgo.ErrCodeInvalidWebhookTokenProvided, discordgo.ErrCodeUnknownInteraction:
		return true
	}
	return status == http.StatusNotFound && code == 0
}

// messageGone reports whether err says the message being edited was deleted.
func messageGone(err error) bool {
	status, code := restCode(err)
	return code == discordgo.ErrCodeUnknownMessage || (status == http.StatusNotFound && code == 0)
}

// embedsOf and componentsOf keep nil slices from being sent as JSON null:
// an empty list tells Discord to remove them all, which is what replacing a
// message in progress means.
func embedsOf(r reply) *[]*discordgo.MessageEmbed {
	e := r.Embeds
	if e == nil {
		e = []*discordgo.MessageEmbed{}
	}
	return &e
}

func componentsOf(r reply) *[]discordgo.MessageComponent {
	c := r.Components
	if c == nil {
		c = []discordgo.MessageComponent{}
	}
	return &c
}

// interactionReply answers through an interaction's token: the deferred
// response is edited, and further messages are follow-ups.
type interactionReply struct {
	b       *Bot
	i       *discordgo.Interaction
	private bool
	// stopped is set once Discord says the token or the response is gone,
	// after which progress edits stop.
	stopped atomic.Bool
}

var _ destination = (*interactionReply)(nil)

func (r *interactionReply) flags() discordgo.MessageFlags {
	if r.private {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

func (r *interactionReply) editOriginal(ctx context.Context, rep reply) error {
	content := rep.Content
	return r.b.editOriginal(ctx, r.i, &discordgo.WebhookEdit{
		Content:         &content,
		Embeds:          embedsOf(rep),
		Components:      componentsOf(rep),
		AllowedMentions: noMentions(),
	})
}

func (r *interactionReply) show(ctx context.Context, rep reply) error {
	if r.stopped.Load() {
		return nil
	}
	err := r.editOriginal(ctx, rep)
	if tokenExpired(err) || messageGone(err) {
		r.stopped.Store(true)
	}
	return err
}

func (r *interactionReply) finish(ctx context.Context, rs []reply) error {
	if len(rs) == 0 {
		return nil
	}
	rest := rs[1:]
	err := r.editOriginal(ctx, rs[0])
	switch {
	case tokenExpired(err):
		return r.fallback(ctx, rs, err)
	case messageGone(err):
		// Someone deleted the response; the token still works, so the
		// whole answer goes out as follow-ups.
		r.b.log.Info("interaction response deleted; posting follow-ups", "interaction", r.i.ID)
		rest = rs
	case err != nil:
		return err
	}
	for _, rep := range rest {
		err := r.b.followUp(ctx, r.i, &discordgo.WebhookParams{
			Content:         rep.Content,
			Embeds:          rep.Embeds,
			Components:      *componentsOf(rep),
			AllowedMentions: noMentions(),
			Flags:           r.flags(),
		})
		if tokenExpired(err) {
			return r.fallback(ctx, rs[1:], err)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// fail replaces the response with a notice only the asker sees. A failure
// is the asker's business, but a public deferral shows its "thinking…" (and
// any answer in progress) to everyone, and Discord gives the first
// follow-up after a deferral the deferral's visibility. So the public
// response is deleted first, and the notice sent as a private follow-up.
func (r *interactionReply) fail(ctx context.Context, text string) error {
	notice := renderNotice(text)
	if r.private {
		return r.finish(ctx, notice)
	}
	r.stopped.Store(true) // no progress edit may bring the response back
	err := r.b.deleteOriginal(ctx, r.i)
	switch {
	case tokenExpired(err):
		return r.fallback(ctx, notice, err)
	case err != nil && !messageGone(err):
		// The public response stays; better a public notice than none.
		r.b.log.Warn("could not delete the public response; failing in public", "interaction", r.i.ID, "err", err)
		return r.finish(ctx, notice)
	}
	for _, rep := range notice {
		err := r.b.followUp(ctx, r.i, &discordgo.WebhookParams{
			Content:         rep.Content,
			Components:      []discordgo.MessageComponent{},
			AllowedMentions: noMentions(),
			Flags:           discordgo.MessageFlagsEphemeral,
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// fallback posts in the channel when the interaction's token has expired,
// mentioning nobody. A private answer is not posted publicly; its loss is
// logged instead.
func (r *interactionReply) fallback(ctx context.Context, rs []reply, cause error) error {
	log := r.b.log.With("interaction", r.i.ID, "channel", r.i.ChannelID)
	if r.private || r.i.ChannelID == "" {
		log.Warn("interaction token expired; private reply lost", "err", cause)
		return nil
	}
	log.Warn("interaction token expired; posting in the channel instead", "err", cause)
	ch := &channelReply{b: r.b, channelID: r.i.ChannelID}
	return ch.finish(ctx, rs)
}

// channelReply answers with ordinary messages in a channel or thread.
type channelReply struct {
	b         *Bot
	channelID string
	// ref, when set, makes the first message a reply to the question.
	ref *discordgo.MessageReference

	mu         sync.Mutex
	progressID string
	typingStop chan struct{}
}

var _ destination = (*channelReply)(nil)

// typingEvery refreshes the typing indicator, which Discord shows for
// about 10 s after each call.
const typingEvery = 8 * time.Second

// keepTyping refreshes the typing indicator until the first message is
// posted or ctx ends; the caller sends the first indicator itself, at once,
// as the acknowledgement.
func (c *channelReply) keepTyping(ctx context.Context) {
	stop := make(chan struct{})
	c.mu.Lock()
	c.typingStop = stop
	c.mu.Unlock()
	go func() {
		t := time.NewTicker(typingEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				_ = c.b.typing(ctx, c.channelID)
			case <-stop:
				return
			case <-ctx.Done():
				return
			}
		}
	}()
}

func (c *channelReply) stopTyping() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.typingStop != nil {
		close(c.typingStop)
		c.typingStop = nil
	}
}

func (c *channelReply) send(ctx context.Context, rep reply, ref *discordgo.MessageReference) (string, error) {
	c.stopTyping()
	m, err := c.b.sendMessage(ctx, c.channelID, &discordgo.MessageSend{
		Content:         rep.Content,
		Embeds:          *embedsOf(rep),
		Components:      *componentsOf(rep),
		AllowedMentions: noMentions(),
		Reference:       ref,
	})
	if err != nil {
		return "", err
	}
	return m.ID, nil
}

func (c *channelReply) edit(ctx context.Context, id string, rep reply) error {
	content := rep.Content
	return c.b.editMessage(ctx, c.channelID, id, &discordgo.MessageEdit{
		Content:         &content,
		Embeds:          embedsOf(rep),
		Components:      componentsOf(rep),
		AllowedMentions: noMentions(),
	})
}

func (c *channelReply) show(ctx context.Context, rep reply) error {
	c.mu.Lock()
	id := c.progressID
	c.mu.Unlock()
	if id != "" {
		return c.edit(ctx, id, rep)
	}
	id, err := c.send(ctx, rep, c.ref)
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.progressID = id
	c.mu.Unlock()
	return nil
}

func (c *channelReply) finish(ctx context.Context, rs []reply) error {
	c.stopTyping()
	c.mu.Lock()
	id := c.progressID
	c.mu.Unlock()
	for i, rep := range rs {
		if i == 0 && id != "" {
			err := c.edit(ctx, id, rep)
			if err == nil {
				continue
			}
			if !messageGone(err) {
				return err
			}
			// Someone deleted the message in progress; post anew.
		}
		ref := c.ref
		if i > 0 {
			ref = nil
		}
		if _, err := c.send(ctx, rep, ref); err != nil {
			return err
		}
	}
	return nil
}

func (c *channelReply) fail(ctx context.Context, text string) error {
	return c.finish(ctx, renderNotice(text))
}

// replyTo references the question so the answer shows as a reply to it,
// and still posts if the question was deleted meanwhile.
func replyTo(m *discordgo.Message) *discordgo.MessageReference {
	no := false
	return &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &no}
}
