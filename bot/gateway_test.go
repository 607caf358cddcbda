package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
)

// TestRefusedAtStart: a close code that retrying cannot fix makes Open fail
// with a RefusedError that says what is wrong, instead of discordgo's bare
// "websocket: close 4004".
func TestRefusedAtStart(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		fake fakediscord.Options
		cfg  Config
		code int
		says string
	}{
		{"wrong token", fakediscord.Options{Token: "the-real-token"}, Config{}, 4004, "token was rejected"},
		{"message content not enabled", fakediscord.Options{Token: testToken, DenyMessageContent: true},
			Config{Channels: []string{channelID}}, 4014, "Message Content"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake := fakediscord.New(tc.fake)
			t.Cleanup(fake.Close)
			fake.AddGuild(testGuild())
			cfg := tc.cfg
			cfg.Token, cfg.APIURL = testToken, fake.URL()
			b, err := New(cfg, Options{Coverage: &fakeCoverage{}})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			err = b.Open(ctx)
			var r *RefusedError
			if !errors.As(err, &r) || r.Code != tc.code || !strings.Contains(err.Error(), tc.says) {
				t.Fatalf("Open = %v, want a refusal %d that says %q", err, tc.code, tc.says)
			}
			if b.Ready() {
				t.Error("Ready after a refused Open")
			}
		})
	}
}

// TestTokenRevokedWhileRunning: when the token is revoked under a running
// bot, the reconnection is refused with 4004 and the bot reports it on
// Failed rather than retrying for ever.
func TestTokenRevokedWhileRunning(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	h.fake.RevokeToken()
	select {
	case err := <-h.bot.Failed():
		var r *RefusedError
		if !errors.As(err, &r) || r.Code != 4004 {
			t.Fatalf("Failed gave %v, want a 4004 refusal", err)
		}
	case <-h.ctx.Done():
		t.Fatal("the bot kept reconnecting with a revoked token")
	}
	if h.bot.Ready() {
		t.Error("Ready after the token was revoked")
	}
	if !strings.Contains(h.logs.String(), "giving up") {
		t.Error("the log does not say the bot gave up")
	}
}
