package bot

import (
	"errors"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// RefusedError is Discord closing the gateway with a code that says the
// token or the bot's configuration is wrong. Connecting again cannot help:
// Discord's documentation asks clients not to reconnect after these codes.
type RefusedError struct {
	Code   int    // the gateway close code, 4004 or 4010-4014
	Reason string // Discord's own text, such as "Authentication failed."
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("discord closed the gateway with %d (%s): %s", e.Code, e.Reason, refusalMeaning[e.Code])
}

// refusalMeaning says what each code means for whoever runs the bot.
var refusalMeaning = map[int]string{
	4004: "the bot token was rejected; it is wrong, or it was reset or revoked",
	4010: "the shard ID is not below the shard count",
	4011: "the bot is in too many servers for one connection and must be sharded",
	4012: "Discord no longer accepts the gateway API version this build speaks",
	4013: "the gateway intents this build asks for are invalid",
	4014: "the bot asks for a privileged intent (Message Content) that is not enabled for it on the Bot page of the Discord developer portal",
}

// refusal returns the RefusedError inside err, or nil when err is not one
// of the codes that retrying cannot fix.
func refusal(err error) *RefusedError {
	var ce *websocket.CloseError
	if !errors.As(err, &ce) {
		return nil
	}
	if _, ok := refusalMeaning[ce.Code]; !ok {
		return nil
	}
	return &RefusedError{Code: ce.Code, Reason: ce.Text}
}

// Failed delivers the error that stopped the bot for good while it ran:
// Discord refused a reconnection with one of the codes RefusedError covers.
// The bot no longer retries then, and the caller should shut down.
func (b *Bot) Failed() <-chan error { return b.failed }

// Reconnect backoff, as discordgo's own loop: from one second, doubling to
// ten minutes.
const (
	firstReconnectWait = time.Second
	maxReconnectWait   = 10 * time.Minute
)

// reconnect connects again after the gateway was lost. It replaces
// discordgo's loop, which retries every error for ever, a revoked token
// included (bwmarrin/discordgo#1544): this one stops at a RefusedError and
// reports it on Failed. Only one runs at a time.
func (b *Bot) reconnect() {
	if !b.reconnecting.CompareAndSwap(false, true) {
		return
	}
	defer b.reconnecting.Store(false)
	// A connection that Discord accepts and then closes before READY or
	// RESUMED (an Invalid Session, then a refused Identify) leaves Open
	// without an error; the backoff carries over such connections, so that
	// they cannot make a loop of quick reconnections.
	wait := firstReconnectWait
	for range min(b.unready.Add(1)-1, 16) {
		wait = min(2*wait, maxReconnectWait)
	}
	if wait > firstReconnectWait && !b.sleep(wait) {
		return
	}
	for {
		if b.isClosing() {
			return
		}
		err := b.session.Open()
		if err == nil || errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			if b.isClosing() {
				_ = b.session.Close() // Close raced this Open; leave nothing connected
			}
			return
		}
		if r := refusal(err); r != nil {
			b.log.Error("discord refused the reconnection; giving up", "err", r)
			select {
			case b.failed <- r:
			default:
			}
			return
		}
		b.log.Warn("gateway reconnect failed; retrying", "err", err, "wait", wait)
		if !b.sleep(wait) {
			return
		}
		wait = min(2*wait, maxReconnectWait)
	}
}

// sleep waits for d, or reports false at once when the bot is closed.
func (b *Bot) sleep(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-b.life.Done():
		return false
	case <-t.C:
		return true
	}
}
