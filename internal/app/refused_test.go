package app

import (
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// TestServeStopsWhenDiscordRejectsTheToken: a wrong DISCORD_TOKEN stops
// serve at start with exit 1 and a message that names the setting, instead
// of discordgo's bare "websocket: close 4004".
func TestServeStopsWhenDiscordRejectsTheToken(t *testing.T) {
	t.Parallel()
	c, discord, llm := newTokenFakes(t)
	c.env["DISCORD_TOKEN"] = "a-wrong-token"
	c.env["DISCORD_API_URL"] = discord.URL()
	c.env["OPENAI_BASE_URL"] = llm.URL()
	c.env["COVERAGEBOT_CHAT_MODEL"] = "test-model"
	c.env["COVERAGEBOT_HTTP_ADDR"] = "127.0.0.1:0"
	_, stderr, code := c.run("serve")
	if code != exitError {
		t.Errorf("exit code %d, want %d", code, exitError)
	}
	for _, want := range []string{"4004", "token was rejected", "DISCORD_TOKEN"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
}

// TestServeStopsWhenTheTokenIsRevoked: a token revoked while serve runs
// stops it with an error naming DISCORD_TOKEN, rather than leaving it
// reconnecting for ever.
func TestServeStopsWhenTheTokenIsRevoked(t *testing.T) {
	t.Parallel()
	c, discord, llm := newTokenFakes(t)
	s := startApp(t, map[string]string{
		"COVERAGEBOT_INDEX": c.index, "COVERAGEBOT_DATA": c.data,
		"DISCORD_TOKEN": "the-real-token", "DISCORD_API_URL": discord.URL(),
		"OPENAI_BASE_URL": llm.URL(), "COVERAGEBOT_CHAT_MODEL": "test-model",
	}, discord, llm)
	discord.RevokeToken()
	select {
	case err := <-s.done:
		if err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
			t.Errorf("Run = %v, want an error that names DISCORD_TOKEN", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("serve kept running with a revoked token")
	}
	s.cancel = nil // Run has returned; stop needs only to close the app
	s.app.Close()
}

// newTokenFakes gives a CLI and the fakes for the token tests: a Discord
// that accepts only "the-real-token", and a model.
func newTokenFakes(t *testing.T) (*cli, *fakediscord.Server, *fakeopenai.Server) {
	c := newCLI(t)
	discord := fakediscord.New(fakediscord.Options{Token: "the-real-token"})
	t.Cleanup(discord.Close)
	llm := fakeopenai.New()
	t.Cleanup(llm.Close)
	return c, discord, llm
}
