package app

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakenews"
	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// TestAdminCommandsRefusedWhateverDiscordSays: a server can make /reindex
// and /ingest visible to everyone (Discord's default permissions are only a
// default), so the interaction arrives from a plain member anyway. The App
// refuses it itself, privately, and nothing is reindexed or fetched. Members
// with Manage Server, Administrator or an admin role are let through.
func TestAdminCommandsRefusedWhateverDiscordSays(t *testing.T) {
	const adminRole, otherRole = "6100", "6200"
	site := fakenews.New(t, liveFixtures)
	site.ServeNews()
	fetchesBefore := len(site.PageCounts())
	s := startServed(t, map[string]string{"COVERAGEBOT_ADMIN_ROLES": adminRole, "COVERAGEBOT_USER_RATE": "off"})
	manageGuild := fmt.Sprint(1 << 5)
	send := func(name, user, perms string, roles []string, opts ...fakediscord.Option) outcome {
		_, token := s.discord.SendInteraction(fakediscord.Interaction{Type: fakediscord.InteractionCommand,
			GuildID: testGuild, ChannelID: testChannel, UserID: user, MemberPermissions: perms, MemberRoles: roles,
			Name: name, Options: opts})
		return s.waitOutcome(token)
	}
	url := fakediscord.Option{Name: "url", Type: fakediscord.OptionString, Value: site.URL("/news/ferry-strike")}
	generation := s.app.Index().Generation()
	for _, tc := range []struct {
		name, perms string
		roles       []string
	}{
		{"no permissions at all", "0", nil},
		{"a role that is not an admin role", "0", []string{otherRole}},
		{"permissions to send messages and manage messages", fmt.Sprint(1<<11 | 1<<13), []string{otherRole}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, cmd := range []struct {
				name string
				opts []fakediscord.Option
			}{{"reindex", nil}, {"ingest", []fakediscord.Option{url}}} {
				o := send(cmd.name, testUser, tc.perms, tc.roles, cmd.opts...)
				if o.kind != "refused" || !strings.Contains(o.text, "for server admins") {
					t.Errorf("/%s ended %q: %q; want the admin refusal", cmd.name, o.kind, o.text)
				}
			}
		})
	}
	if g := s.app.Index().Generation(); g != generation {
		t.Errorf("the index changed (generation %d → %d) for a non-admin", generation, g)
	}
	if n := len(site.PageCounts()); n != fetchesBefore {
		t.Errorf("a page was fetched for a non-admin")
	}
	for _, tc := range []struct {
		name, perms string
		roles       []string
	}{
		{"Manage Server", manageGuild, nil},
		{"Administrator", fmt.Sprint(fakediscord.PermissionAdministrator), nil},
		{"an admin role", "0", []string{adminRole}},
	} {
		t.Run("allowed with "+tc.name, func(t *testing.T) {
			o := send("reindex", testUser, tc.perms, tc.roles)
			if strings.Contains(o.text, "for server admins") || !strings.Contains(o.text, "passages in the index") {
				t.Errorf("/reindex ended %q: %q", o.kind, o.text)
			}
		})
	}
}

// TestAllowListsThroughTheApp: with COVERAGEBOT_ALLOWED_GUILDS, _CHANNELS and
// _ROLES set, questions from elsewhere are refused (slash commands, which
// must be answered) or ignored (mentions), and never reach the model.
func TestAllowListsThroughTheApp(t *testing.T) {
	const (
		otherGuild, otherGuildChannel = "1100", "2100"
		otherChannel                  = "2001"
		askerRole                     = "6300"
	)
	c := newCLI(t)
	discord := fakediscord.New(fakediscord.Options{})
	discord.AddGuild(fakediscord.Guild{ID: testGuild, Name: "Newsroom",
		Channels: []fakediscord.Channel{{ID: testChannel, Name: "news"}, {ID: otherChannel, Name: "chat"}},
		Members:  []fakediscord.Member{{UserID: testUser, Username: "reader", Roles: []string{askerRole}}, {UserID: "3002", Username: "lurker"}}})
	discord.AddGuild(fakediscord.Guild{ID: otherGuild, Name: "Elsewhere",
		Channels: []fakediscord.Channel{{ID: otherGuildChannel, Name: "news"}},
		Members:  []fakediscord.Member{{UserID: testUser, Username: "reader", Roles: []string{askerRole}}}})
	llm := fakeopenai.New()
	llm.SetDefaultChat(citeCoale)
	s := startApp(t, map[string]string{
		"COVERAGEBOT_INDEX": c.index, "COVERAGEBOT_DATA": c.data,
		"DISCORD_TOKEN": "canary-token-for-tests", "DISCORD_API_URL": discord.URL(),
		"OPENAI_BASE_URL": llm.URL(), "COVERAGEBOT_CHAT_MODEL": "test-model", "COVERAGEBOT_VERIFY": "rules", // counts the answerer's calls
		"COVERAGEBOT_GUILDS":           testGuild + "," + otherGuild,
		"COVERAGEBOT_ALLOWED_GUILDS":   testGuild,
		"COVERAGEBOT_ALLOWED_CHANNELS": testChannel,
		"COVERAGEBOT_ALLOWED_ROLES":    askerRole,
	}, discord, llm)
	s.ownsFakes = true

	for _, tc := range []struct {
		name, guild, channel, user string
		roles                      []string
		want                       string
	}{
		{"another guild", otherGuild, otherGuildChannel, testUser, []string{askerRole}, "not set up to answer here"},
		{"another channel", testGuild, otherChannel, testUser, []string{askerRole}, "not set up to answer here"},
		{"a member without the role", testGuild, testChannel, "3002", []string{}, "certain roles"},
		{"an allowed member in an allowed channel", testGuild, testChannel, testUser, []string{askerRole}, "answer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(llm.Requests())
			_, token := discord.SendInteraction(fakediscord.Interaction{Type: fakediscord.InteractionCommand,
				GuildID: tc.guild, ChannelID: tc.channel, UserID: tc.user, MemberRoles: tc.roles, MemberPermissions: "0",
				Name: "ask", Options: []fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: "Who is John Coale?"}}})
			o := s.waitOutcome(token)
			if tc.want == "answer" {
				if o.kind != "answer" {
					t.Fatalf("ended %q: %q", o.kind, o.text)
				}
				return
			}
			if o.kind != "refused" || !strings.Contains(o.text, tc.want) {
				t.Fatalf("ended %q: %q; want a refusal saying %q", o.kind, o.text, tc.want)
			}
			if len(llm.Requests()) != before {
				t.Error("a refused question reached the model")
			}
		})
	}
	t.Run("mentions outside the lists are ignored", func(t *testing.T) {
		before := len(llm.Requests())
		for _, at := range [][2]string{{otherGuild, otherGuildChannel}, {testGuild, otherChannel}} {
			discord.SendMessage(fakediscord.Message{GuildID: at[0], ChannelID: at[1], AuthorID: testUser,
				Content: "<@" + discord.BotUserID() + "> Who is John Coale?", Mentions: []string{discord.BotUserID()}})
		}
		// A question that is answered, sent after them, shows they were handled.
		qid := discord.SendMessage(fakediscord.Message{GuildID: testGuild, ChannelID: testChannel, AuthorID: testUser,
			Content: "<@" + discord.BotUserID() + "> Who is John Coale?", Mentions: []string{discord.BotUserID()}})
		if o := s.waitMention(testChannel, qid); o.kind != "answer" {
			t.Fatalf("the allowed mention ended %q: %q", o.kind, o.text)
		}
		if n := len(llm.Requests()) - before; n != 1 {
			t.Errorf("%d questions reached the model, want only the allowed one", n)
		}
		for _, ch := range []string{otherGuildChannel, otherChannel} {
			for _, m := range discord.BotMessagesIn(ch) {
				if m.Source != fakediscord.SourceInteraction { // the slash refusals above are there, privately
					t.Errorf("the bot answered a mention in %s, outside the allow list: %q", ch, m.Text())
				}
			}
			if len(discord.Threads(ch)) != 0 {
				t.Errorf("the bot started a thread in %s, outside the allow list", ch)
			}
		}
	})
}

// TestIngestRefusesPrivateAddressesByDefault: /ingest by an admin of a URL
// on a loopback or private address is refused (SSRF), unless the operator
// set COVERAGEBOT_ALLOW_PRIVATE_URLS.
func TestIngestRefusesPrivateAddressesByDefault(t *testing.T) {
	site := fakenews.New(t, liveFixtures)
	site.ServeNews()
	s := startServed(t, nil)
	for _, u := range []string{site.URL("/news/ferry-strike"), "http://10.0.0.8/news", "http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/"} {
		_, token := s.discord.SendInteraction(fakediscord.Interaction{Type: fakediscord.InteractionCommand,
			GuildID: testGuild, ChannelID: testChannel, UserID: testAdmin, Name: "ingest",
			Options: []fakediscord.Option{{Name: "url", Type: fakediscord.OptionString, Value: u}}})
		o := s.waitOutcome(token)
		if !strings.Contains(o.text, "couldn't add that page") || !strings.Contains(o.text, "address not allowed") {
			t.Errorf("/ingest %s ended %q: %q; want a refusal of the address", u, o.kind, o.text)
		}
	}
	if n := site.Count("/news/ferry-strike"); n != 0 {
		t.Errorf("the loopback page was requested %d times", n)
	}
}

// canary values: if one shows up anywhere but the request that must carry
// it, a secret has leaked.
const (
	canaryToken = "canary-discord-token-5e1f"
	canaryKey   = "sk-canary-openai-key-8d2c"
)

// syncBuffer is a bytes.Buffer safe for the logger's concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// TestCanaryTokenNeverLeaks runs the App with a canary Discord token and API
// key, logging at debug level in both formats, through answers, a model that
// rejects the key and repeats it in its error, gateway reconnects, admin
// refusals and errors. Neither value appears in the logs (slog, and
// discordgo's own log), /metrics, /healthz, or anything posted to Discord.
// The command line's errors are checked too, and a crash dump of a running
// serve in TestCanaryTokenNotInACrashDump.
func TestCanaryTokenNeverLeaks(t *testing.T) {
	var logs, stdlog syncBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	textLogger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	defer log.SetOutput(log.Writer())
	log.SetOutput(&stdlog)

	c := newCLI(t)
	discord := fakediscord.New(fakediscord.Options{Token: canaryToken})
	discord.AddGuild(fakediscord.Guild{ID: testGuild, Name: "Newsroom",
		Channels: []fakediscord.Channel{{ID: testChannel, Name: "news"}},
		Members:  []fakediscord.Member{{UserID: testUser, Username: "reader"}}})
	llm := fakeopenai.New()
	llm.SetDefaultChat(citeCoale)
	llm.RequireAPIKey("sk-the-key-the-server-wants")
	env := map[string]string{
		"COVERAGEBOT_INDEX": c.index, "COVERAGEBOT_DATA": c.data,
		"DISCORD_TOKEN": "Bot " + canaryToken, "DISCORD_API_URL": discord.URL(),
		"OPENAI_BASE_URL": llm.URL(), "OPENAI_API_KEY": canaryKey, "COVERAGEBOT_CHAT_MODEL": "test-model",
		"COVERAGEBOT_GUILDS": testGuild, "COVERAGEBOT_LOG_LEVEL": "debug", "COVERAGEBOT_USER_RATE": "off",
	}
	s := startAppWith(t, env, discord, llm, logger)
	s.ownsFakes = true
	textLogger.Info("config at start", "config", s.app.cfg)

	// The model rejects the key, repeating it: the bot apologises.
	if o := s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?")); o.kind != "failed" {
		t.Fatalf("with a rejected key the question ended %q: %q", o.kind, o.text)
	}
	llm.RequireAPIKey(canaryKey)
	if o := s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?")); o.kind != "answer" {
		t.Fatalf("with the right key the question ended %q: %q", o.kind, o.text)
	}
	discord.CloseGateway(fakediscord.CloseSessionTimedOut)
	if err := discord.WaitStats(withTimeout(t, time.Minute), func(g fakediscord.GatewayStats) bool { return g.Identifies >= 2 }); err != nil {
		t.Fatal(err)
	}
	discord.FailNext(http.MethodPatch, "/webhooks/", fakediscord.Failure{Status: 500, Body: `{"message": "internal", "code": 0}`})
	s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?"))
	_, token := discord.SendInteraction(fakediscord.Interaction{Type: fakediscord.InteractionCommand,
		GuildID: testGuild, ChannelID: testChannel, UserID: testUser, MemberPermissions: "0", Name: "reindex"})
	s.waitOutcome(token)

	outputs := map[string]string{"metrics": s.metricsPage()}
	resp, err := http.Get("http://" + s.app.Addr() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var health bytes.Buffer
	health.ReadFrom(resp.Body)
	resp.Body.Close()
	outputs["healthz"] = health.String()
	var posted strings.Builder
	for _, call := range discord.Calls() {
		posted.Write(call.Body)
		posted.WriteString("\n")
		posted.WriteString(call.Route + "\n")
	}
	outputs["what the bot sent Discord"] = posted.String()
	var toModel strings.Builder
	for _, r := range llm.Requests() {
		for _, m := range r.Messages {
			toModel.WriteString(m.Content)
		}
	}
	outputs["what the bot sent the model"] = toModel.String()
	s.stop()
	outputs["slog"] = logs.String()
	outputs["discordgo's log"] = stdlog.String()

	// The command line: an error from a model that repeats the key.
	llm2 := fakeopenai.New()
	defer llm2.Close()
	llm2.RequireAPIKey("sk-another")
	c.env["OPENAI_BASE_URL"] = llm2.URL()
	c.env["OPENAI_API_KEY"] = canaryKey
	c.env["COVERAGEBOT_CHAT_MODEL"] = "test-model"
	c.env["COVERAGEBOT_LOG_LEVEL"] = "debug"
	out, errs, code := c.run("ask", "Who is John Coale?")
	if code == 0 {
		t.Errorf("ask with a rejected key succeeded: %s", out)
	}
	outputs["ask's output and error"] = out + errs

	if !strings.Contains(outputs["slog"], `"msg":"answered"`) || !strings.Contains(outputs["slog"], "Incorrect API key") &&
		!strings.Contains(outputs["slog"], "rejected") {
		t.Errorf("the log does not show the run the test meant to make:\n%s", outputs["slog"])
	}
	for where, text := range outputs {
		for _, secret := range []string{canaryToken, canaryKey, "5e1f", "8d2c"} {
			if strings.Contains(text, secret) {
				i := strings.Index(text, secret)
				t.Errorf("%s shows %q: …%s…", where, secret, text[max(0, i-200):min(len(text), i+100)])
			}
		}
	}
}

// startAppWith is startApp with the App logging to logger.
func startAppWith(t *testing.T, env map[string]string, discord *fakediscord.Server, llm *fakeopenai.Server, logger *slog.Logger) *served {
	t.Helper()
	return startAppDeps(t, env, discord, llm, Deps{Logger: logger})
}

// The crash-dump test runs this test binary again as a serve process.
const serveHelperEnv = "COVERAGEBOT_SERVE_HELPER"

// TestCanaryTokenNotInACrashDump starts serve in a child process with the
// canary token, waits until it is connected, and makes it crash with
// SIGQUIT, which prints every goroutine's stack as an unrecovered panic
// does. The dump does not show the token or the key.
func TestCanaryTokenNotInACrashDump(t *testing.T) {
	if os.Getenv(serveHelperEnv) != "" {
		runServeHelper(t)
		return
	}
	c := newCLI(t)
	discord := fakediscord.New(fakediscord.Options{Token: canaryToken})
	defer discord.Close()
	llm := fakeopenai.New()
	defer llm.Close()
	addrFile := filepath.Join(c.dir, "addr")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCanaryTokenNotInACrashDump$")
	cmd.Env = append(os.Environ(), serveHelperEnv+"=1", "GOTRACEBACK=all",
		"COVERAGEBOT_INDEX="+c.index, "COVERAGEBOT_DATA="+c.data, "COVERAGEBOT_HTTP_ADDR=127.0.0.1:0",
		"DISCORD_TOKEN="+canaryToken, "DISCORD_API_URL="+discord.URL(),
		"OPENAI_BASE_URL="+llm.URL(), "OPENAI_API_KEY="+canaryKey, "COVERAGEBOT_CHAT_MODEL=test-model",
		"HELPER_ADDR_FILE="+addrFile)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if err := discord.WaitIdentified(withTimeout(t, time.Minute)); err != nil {
		t.Fatalf("the serve process never connected: %v\n%s", err, output.String())
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(addrFile); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the serve process never became healthy:\n%s", output.String())
		}
	}
	if err := cmd.Process.Signal(syscall.SIGQUIT); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	dump := output.String()
	if !strings.Contains(dump, "goroutine ") || !strings.Contains(dump, "SIGQUIT") {
		t.Fatalf("no crash dump:\n%s", dump)
	}
	for _, secret := range []string{canaryToken, canaryKey} {
		if strings.Contains(dump, secret) {
			t.Errorf("the crash dump shows %q", secret)
		}
	}
}

// runServeHelper runs the App from the environment, as `coveragebot serve`
// does, and writes its address once /healthz answers.
func runServeHelper(t *testing.T) {
	cfg, err := config.Load(os.Getenv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	a, err := New(cfg, Deps{})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			resp, err := http.Get("http://" + a.Addr() + "/healthz")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					os.WriteFile(os.Getenv("HELPER_ADDR_FILE"), []byte(a.Addr()), 0o644)
					return
				}
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	err = a.Run(context.Background())
	t.Fatalf("serve returned without being killed: %v", err)
}
