package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// restBuckets is how many rate-limit buckets the bot spreads its
// per-question REST calls over.
//
// discordgo's helpers key a rate-limit bucket by URL, and the URLs of
// interaction callbacks, of threads and of the messages in them hold a fresh
// token or ID for every question. Its limiter never forgets a bucket, so a
// bot that runs for months would grow one (or several) per question. And
// its webhook edits all share a single bucket, so the edits of different
// interactions' answers would wait on one another. The calls below go
// through the same limiter, with its 429 handling and retries, but over a
// fixed set of buckets picked by token or channel: memory stays bounded and
// unrelated answers do not queue behind each other. Two tokens or channels
// that share a bucket share what Discord's rate-limit headers say about
// either, which can only make the bot wait longer than it must, never less;
// with this many buckets that is rare.
const restBuckets = 1024

// bucketFor names the bucket for a call of one kind about key (an
// interaction token or a channel ID).
func bucketFor(kind, key string) string {
	h := fnv.New32a()
	h.Write([]byte(key))
	return "coveragebot:" + kind + ":" + strconv.Itoa(int(h.Sum32()%restBuckets))
}

// request makes one REST call and decodes the response into out when out
// is not nil.
func (b *Bot) request(ctx context.Context, method, endpoint, bucket string, body, out any) error {
	resp, err := b.session.RequestWithBucketID(method, endpoint, body, bucket, discordgo.WithContext(ctx))
	if err != nil {
		return err
	}
	if out != nil {
		if err := json.Unmarshal(resp, out); err != nil {
			return fmt.Errorf("decode %s response: %w", method, err)
		}
	}
	return nil
}

// respond answers an interaction's callback: a message, a deferral, an
// acknowledged click or autocomplete choices.
func (b *Bot) respond(ctx context.Context, i *discordgo.Interaction, resp any) error {
	return b.request(ctx, "POST", discordgo.EndpointInteractionResponse(i.ID, i.Token), bucketFor("callback", i.Token), resp, nil)
}

// editOriginal edits an interaction's original response.
func (b *Bot) editOriginal(ctx context.Context, i *discordgo.Interaction, edit *discordgo.WebhookEdit) error {
	return b.request(ctx, "PATCH", discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original"), bucketFor("webhook", i.Token), edit, nil)
}

// deleteOriginal deletes an interaction's original response.
func (b *Bot) deleteOriginal(ctx context.Context, i *discordgo.Interaction) error {
	return b.request(ctx, "DELETE", discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original"), bucketFor("webhook", i.Token), nil, nil)
}

// followUp posts another message for an interaction.
func (b *Bot) followUp(ctx context.Context, i *discordgo.Interaction, params *discordgo.WebhookParams) error {
	return b.request(ctx, "POST", discordgo.EndpointWebhookToken(i.AppID, i.Token)+"?wait=true", bucketFor("webhook", i.Token), params, nil)
}

// sendMessage posts a message in a channel or thread.
func (b *Bot) sendMessage(ctx context.Context, channelID string, m *discordgo.MessageSend) (*discordgo.Message, error) {
	var out discordgo.Message
	err := b.request(ctx, "POST", discordgo.EndpointChannelMessages(channelID), bucketFor("messages", channelID), m, &out)
	return &out, err
}

// editMessage edits one of the bot's messages.
func (b *Bot) editMessage(ctx context.Context, channelID, messageID string, m *discordgo.MessageEdit) error {
	return b.request(ctx, "PATCH", discordgo.EndpointChannelMessage(channelID, messageID), bucketFor("messages", channelID), m, nil)
}

// typing shows the typing indicator in a channel for about ten seconds.
func (b *Bot) typing(ctx context.Context, channelID string) error {
	return b.request(ctx, "POST", discordgo.EndpointChannelTyping(channelID), bucketFor("typing", channelID), nil, nil)
}

// startThread starts a thread on a message.
func (b *Bot) startThread(ctx context.Context, channelID, messageID string, t *discordgo.ThreadStart) (*discordgo.Channel, error) {
	var out discordgo.Channel
	err := b.request(ctx, "POST", discordgo.EndpointChannelMessageThread(channelID, messageID), bucketFor("threads", channelID), t, &out)
	return &out, err
}

// channel reads a channel or thread.
func (b *Bot) channel(ctx context.Context, channelID string) (*discordgo.Channel, error) {
	var out discordgo.Channel
	err := b.request(ctx, "GET", discordgo.EndpointChannel(channelID), bucketFor("channel", channelID), nil, &out)
	return &out, err
}

// message reads one message.
func (b *Bot) message(ctx context.Context, channelID, messageID string) (*discordgo.Message, error) {
	var out discordgo.Message
	err := b.request(ctx, "GET", discordgo.EndpointChannelMessage(channelID, messageID), bucketFor("read", channelID), nil, &out)
	return &out, err
}

// messagesBefore reads up to limit (at most 100) messages posted in a
// channel before the message with id before, newest first as Discord
// returns them.
func (b *Bot) messagesBefore(ctx context.Context, channelID, before string, limit int) ([]*discordgo.Message, error) {
	var out []*discordgo.Message
	endpoint := discordgo.EndpointChannelMessages(channelID) + "?limit=" + strconv.Itoa(min(max(limit, 1), 100))
	if before != "" {
		endpoint += "&before=" + before
	}
	err := b.request(ctx, "GET", endpoint, bucketFor("read", channelID), nil, &out)
	return out, err
}
