package fakediscord_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
)

const (
	guildID   = "300"
	channelID = "400"
	adminRole = "500"
	adminID   = "600"
	plainID   = "700"
)

func testGuild() fakediscord.Guild {
	return fakediscord.Guild{
		ID:       guildID,
		Name:     "Newsroom",
		Channels: []fakediscord.Channel{{ID: channelID, Name: "general"}, {ID: "401", Name: "desk"}},
		Roles: []fakediscord.Role{
			{ID: guildID, Name: "@everyone", Permissions: "1024"},
			{ID: adminRole, Name: "editors", Permissions: "8"},
		},
		Members: []fakediscord.Member{
			{UserID: adminID, Username: "editor", Roles: []string{adminRole}},
			{UserID: plainID, Username: "reader"},
		},
	}
}

// testContext bounds every wait in a test.
func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func newFake(t *testing.T, opts fakediscord.Options) *fakediscord.Server {
	t.Helper()
	fake := fakediscord.New(opts)
	t.Cleanup(fake.Close)
	fake.AddGuild(testGuild())
	return fake
}

// openSession connects a real discordgo client to the fake. configure runs before Open, to add
// handlers and set intents. The session is closed before the fake (cleanups run last-in,
// first-out), so no reconnect loop outlives the test.
func openSession(t *testing.T, fake *fakediscord.Server, configure func(*discordgo.Session)) *discordgo.Session {
	t.Helper()
	s, err := discordgo.New("Bot test-token")
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{Transport: fakediscord.RewriteTransport(fake.URL(), nil), Timeout: 10 * time.Second}
	s.ShouldReconnectOnError = false
	if configure != nil {
		configure(s)
	}
	if err := s.Open(); err != nil {
		t.Fatalf("open session: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// waitFirstHeartbeat waits until the client has sent its first heartbeat. A test that breaks
// the connection must wait for it, because of a race in discordgo v0.29.0 (wsapi.go, heartbeat):
// each connection gets a heartbeat goroutine that beats as soon as it runs, and when that write
// fails it calls Close and reconnect on the session without checking that its connection is
// still the current one (listen checks; heartbeat does not). On a loaded machine the goroutine
// can first run after the test broke the connection and the client had already resumed on a
// new one. Its Close then hangs up the new connection with 1000, which ends the session, as on
// Discord; the read loop drops the frame it was reading, RESUMED included, and the next Resume
// is refused, so the client identifies again. Once the first beat has arrived, the goroutine
// waits on its ticker (41.25 s by default) or for the connection to end, and leaves quietly.
// bwmarrin/discordgo#406 and its fix #407 (ErrWSAlreadyOpen) cover two reconnect loops
// racing, not this Close of a newer connection.
func waitFirstHeartbeat(t *testing.T, ctx context.Context, fake *fakediscord.Server) {
	t.Helper()
	if err := fake.WaitStats(ctx, func(st fakediscord.GatewayStats) bool { return st.Heartbeats >= 1 }); err != nil {
		t.Fatalf("client never sent a heartbeat: %v", err)
	}
}

func recv[T any](t *testing.T, ctx context.Context, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		t.Fatalf("waiting for %s: %v", what, ctx.Err())
		panic("unreachable")
	}
}

func restError(t *testing.T, err error) (status, code int) {
	t.Helper()
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		t.Fatalf("want a REST error, got %v", err)
	}
	if re.Message == nil {
		return re.Response.StatusCode, 0
	}
	return re.Response.StatusCode, re.Message.Code
}

func TestOpenReceivesReadyAndGuilds(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	// discordgo's state keeps the pointers it hands to handlers and overwrites them on later
	// events, so the handlers copy what the test checks, in event order (SyncEvents).
	type ready struct {
		userID, username, appID string
		bot                     bool
		guilds                  []string
	}
	type guild struct {
		name            string
		channels        int
		rolePermissions []int64
		joinedAt        time.Time
	}
	readies := make(chan ready, 1)
	guilds := make(chan guild, 1)
	s := openSession(t, fake, func(s *discordgo.Session) {
		s.SyncEvents = true
		s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
			got := ready{userID: r.User.ID, username: r.User.Username, bot: r.User.Bot}
			if r.Application != nil {
				got.appID = r.Application.ID
			}
			for _, g := range r.Guilds {
				got.guilds = append(got.guilds, g.ID)
			}
			readies <- got
		})
		s.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildCreate) {
			got := guild{name: g.Name, channels: len(g.Channels), joinedAt: g.JoinedAt}
			for _, r := range g.Roles {
				got.rolePermissions = append(got.rolePermissions, r.Permissions)
			}
			guilds <- got
		})
	})
	if err := fake.WaitIdentified(ctx); err != nil {
		t.Fatal(err)
	}
	r := recv(t, ctx, readies, "READY")
	if r.userID != "100" || r.username != "coveragebot" || !r.bot {
		t.Errorf("READY user = %+v, want the bot 100/coveragebot", r)
	}
	if r.appID != "200" {
		t.Errorf("READY application = %q, want 200", r.appID)
	}
	if len(r.guilds) != 1 || r.guilds[0] != guildID {
		t.Errorf("READY guilds = %v, want [%s]", r.guilds, guildID)
	}
	g := recv(t, ctx, guilds, "GUILD_CREATE")
	if g.name != "Newsroom" || g.channels != 2 || len(g.rolePermissions) != 2 {
		t.Fatalf("GUILD_CREATE = %+v", g)
	}
	if g.rolePermissions[1] != 8 {
		t.Errorf("editors role permissions = %d, want 8", g.rolePermissions[1])
	}
	if g.joinedAt.IsZero() {
		t.Error("GUILD_CREATE joined_at did not decode")
	}
	// REST through the rewriting transport reaches the same fake.
	me, err := s.User("@me")
	if err != nil || me.ID != "100" {
		t.Fatalf("GET /users/@me = %+v, %v", me, err)
	}
	member, err := s.GuildMember(guildID, adminID)
	if err != nil || member.User.Username != "editor" || len(member.Roles) != 1 {
		t.Fatalf("GET member = %+v, %v", member, err)
	}
	if _, err := s.GuildMember(guildID, "999"); err == nil {
		t.Fatal("unknown member: want an error")
	} else if status, code := restError(t, err); status != 404 || code != 10007 {
		t.Errorf("unknown member = %d/%d, want 404/10007", status, code)
	}
	if got := fake.Identifies(); got != 1 {
		t.Errorf("Identifies() = %d, want 1", got)
	}
	ids := fake.Identities()
	if len(ids) != 1 || ids[0].Intents != int(discordgo.IntentsAllWithoutPrivileged) {
		t.Errorf("Identities() = %+v, want one with discordgo's default intents", ids)
	}
}

func TestInteractionDeferThenEditOriginal(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	got := make(chan *discordgo.InteractionCreate, 1)
	handlerErr := make(chan error, 1)
	openSession(t, fake, func(s *discordgo.Session) {
		s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
			got <- i
			err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
			if err == nil {
				embeds := []*discordgo.MessageEmbed{{Title: "Answer", Description: "Starmer spoke to Zelenskyy [1]", Fields: []*discordgo.MessageEmbedField{{Name: "Sources", Value: "[1] Report"}}}}
				content := "@everyone here is the answer"
				_, err = s.InteractionResponseEdit(i.Interaction, &discordgo.WebhookEdit{
					Content:         &content,
					Embeds:          &embeds,
					AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
				})
			}
			handlerErr <- err
		})
	})
	id, token := fake.SendInteraction(fakediscord.Interaction{
		GuildID: guildID, ChannelID: channelID, UserID: adminID, Name: "ask",
		Options: []fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: "What did Starmer say?"}, {Name: "k", Type: fakediscord.OptionInteger, Value: 3}},
	})
	i := recv(t, ctx, got, "INTERACTION_CREATE")
	if err := recv(t, ctx, handlerErr, "handler"); err != nil {
		t.Fatalf("handler: %v", err)
	}
	if i.ID != id || i.Token != token || i.AppID != "200" || i.GuildID != guildID || i.ChannelID != channelID {
		t.Errorf("interaction = %s/%s app %s guild %s channel %s", i.ID, i.Token, i.AppID, i.GuildID, i.ChannelID)
	}
	data := i.ApplicationCommandData()
	byName := map[string]*discordgo.ApplicationCommandInteractionDataOption{}
	for _, o := range data.Options {
		byName[o.Name] = o
	}
	if data.Name != "ask" || byName["question"].StringValue() != "What did Starmer say?" || byName["k"].IntValue() != 3 {
		t.Errorf("command data = %s %+v", data.Name, byName)
	}
	if i.Member == nil || i.Member.User.ID != adminID || i.Member.Permissions&discordgo.PermissionAdministrator == 0 {
		t.Errorf("member = %+v, want the editor with administrator permission", i.Member)
	}

	calls := fake.InteractionResponses(token)
	if len(calls) != 2 {
		t.Fatalf("InteractionResponses = %d calls, want callback + edit", len(calls))
	}
	cb, err := calls[0].Callback()
	if err != nil || cb.Type != fakediscord.CallbackDeferredMessage || calls[0].Status != 204 {
		t.Errorf("callback = %+v (status %d), %v; want type 5 answered 204", cb, calls[0].Status, err)
	}
	if calls[1].Method != "PATCH" || !strings.HasSuffix(calls[1].Route, "/messages/@original") || calls[1].Status != 200 {
		t.Errorf("second call = %s %s -> %d, want PATCH @original -> 200", calls[1].Method, calls[1].Route, calls[1].Status)
	}

	msgs := fake.BotMessagesIn(channelID)
	if len(msgs) != 1 {
		t.Fatalf("bot messages = %d, want the one original response", len(msgs))
	}
	m := msgs[0]
	if m.Source != fakediscord.SourceInteraction || m.InteractionToken != token || m.Edits != 1 || m.Flags&fakediscord.FlagLoading != 0 {
		t.Errorf("original = %+v", m)
	}
	if len(m.Embeds) != 1 || m.Embeds[0].Title != "Answer" || m.Embeds[0].Fields[0].Value != "[1] Report" {
		t.Errorf("embeds = %+v", m.Embeds)
	}
	if !m.MentionsSuppressed() || !m.Pings.None() {
		t.Errorf("allowed_mentions = %+v pings = %+v; want nobody pinged", m.AllowedMentions, m.Pings)
	}

	recs := fake.Interactions()
	if len(recs) != 1 || recs[0].AckType != fakediscord.CallbackDeferredMessage || recs[0].OriginalMessageID != m.ID {
		t.Errorf("Interactions() = %+v", recs)
	}
	if _, ok := recs[0].AckLatency(); !ok {
		t.Error("AckLatency: want acknowledged")
	}
}

func TestSecondCallbackIsAlreadyAcknowledged(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	got := make(chan *discordgo.InteractionCreate, 1)
	s := openSession(t, fake, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { got <- i })
	})
	fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, Name: "ask"})
	i := recv(t, ctx, got, "interaction")
	reply := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: "hi"}}
	if err := s.InteractionRespond(i.Interaction, reply); err != nil {
		t.Fatalf("first callback: %v", err)
	}
	status, code := restError(t, s.InteractionRespond(i.Interaction, reply))
	if status != 400 || code != 40060 {
		t.Errorf("second callback = %d/%d, want 400/40060", status, code)
	}
	if msgs := fake.BotMessagesIn(channelID); len(msgs) != 1 || msgs[0].Content != "hi" {
		t.Errorf("messages = %+v, want exactly one reply", msgs)
	}
}

func TestInteractionCallbackRules(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	got := make(chan *discordgo.InteractionCreate, 1)
	s := openSession(t, fake, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { got <- i })
	})
	// A bot message with a button, for the component interaction to sit on.
	button, err := s.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
		Content: "answer",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "👍", Style: discordgo.PrimaryButton, CustomID: "feedback:up"},
		}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	choices := func(n int) []*discordgo.ApplicationCommandOptionChoice {
		var out []*discordgo.ApplicationCommandOptionChoice
		for i := range n {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: "article " + string(rune('a'+i%26)), Value: "id"})
		}
		return out
	}
	tests := []struct {
		name       string
		in         fakediscord.Interaction
		resp       *discordgo.InteractionResponse
		wantStatus int // 0: success
		wantCode   int
	}{
		{"autocomplete result", fakediscord.Interaction{Type: fakediscord.InteractionAutocomplete, Name: "summary", Options: []fakediscord.Option{{Name: "article", Value: "sta", Focused: true}}},
			&discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{Choices: choices(3)}}, 0, 0},
		{"too many choices", fakediscord.Interaction{Type: fakediscord.InteractionAutocomplete, Name: "summary"},
			&discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{Choices: choices(26)}}, 400, 50035},
		{"message answer to autocomplete", fakediscord.Interaction{Type: fakediscord.InteractionAutocomplete, Name: "summary"},
			&discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: "no"}}, 400, 50035},
		{"update the button's message", fakediscord.Interaction{CustomID: "feedback:up"},
			&discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: &discordgo.InteractionResponseData{
				Content: "answer (thanks!)",
				Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.Button{Label: "👍", Style: discordgo.PrimaryButton, CustomID: "feedback:up", Disabled: true},
				}}},
			}}, 0, 0},
		{"update message answering a command", fakediscord.Interaction{Name: "ask"},
			&discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: &discordgo.InteractionResponseData{Content: "x"}}, 400, 50035},
		{"empty message", fakediscord.Interaction{Name: "ask"},
			&discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{}}, 400, 50006},
		{"ephemeral message", fakediscord.Interaction{Name: "ask"},
			&discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: "only you", Flags: discordgo.MessageFlagsEphemeral}}, 0, 0},
	}
	for _, tc := range tests {
		tc.in.GuildID, tc.in.ChannelID = guildID, channelID
		_, token := fake.SendInteraction(tc.in)
		i := recv(t, ctx, got, tc.name)
		err := s.InteractionRespond(i.Interaction, tc.resp)
		if tc.wantStatus == 0 {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
		} else if status, code := restError(t, err); status != tc.wantStatus || code != tc.wantCode {
			t.Errorf("%s: %d/%d, want %d/%d", tc.name, status, code, tc.wantStatus, tc.wantCode)
		}
		if tc.in.CustomID != "" && (i.Message == nil || i.Message.ID != button.ID) {
			t.Errorf("%s: component interaction's message = %+v, want the button's message %s", tc.name, i.Message, button.ID)
		}
		calls := fake.InteractionResponses(token)
		if len(calls) != 1 {
			t.Fatalf("%s: %d calls", tc.name, len(calls))
		}
		cb, err := calls[0].Callback()
		if err != nil || cb.Type != int(tc.resp.Type) {
			t.Errorf("%s: decoded callback %+v, %v", tc.name, cb, err)
		}
	}
	updated, _, _ := fake.MessageByID(button.ID)
	if b := updated.Buttons(); updated.Content != "answer (thanks!)" || len(b) != 1 || !b[0].Disabled {
		t.Errorf("button message after update = %q with buttons %+v", updated.Content, b)
	}
	var ephemeral int
	for _, m := range fake.BotMessagesIn(channelID) {
		if m.Ephemeral() {
			ephemeral++
		}
	}
	if ephemeral != 1 {
		t.Errorf("ephemeral messages = %d, want 1", ephemeral)
	}
}

func TestMessageCreateHonoursMessageContentIntent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		intents     discordgo.Intent
		content     string
		wantContent string
	}{
		{"no intent, plain message", discordgo.IntentsAllWithoutPrivileged, "what happened in Munich?", ""},
		{"no intent, bot mentioned", discordgo.IntentsAllWithoutPrivileged, "<@100> what happened in Munich?", "<@100> what happened in Munich?"},
		{"message content intent", discordgo.IntentsAllWithoutPrivileged | discordgo.IntentMessageContent, "what happened in Munich?", "what happened in Munich?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			fake := newFake(t, fakediscord.Options{})
			got := make(chan *discordgo.MessageCreate, 4)
			openSession(t, fake, func(s *discordgo.Session) {
				s.Identify.Intents = tc.intents
				s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m })
			})
			id := fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: plainID, Content: tc.content})
			m := recv(t, ctx, got, "MESSAGE_CREATE")
			if m.ID != id || m.Author.ID != plainID || m.Author.Username != "reader" || m.GuildID != guildID {
				t.Errorf("message = %s by %+v in %s", m.ID, m.Author, m.GuildID)
			}
			if m.Content != tc.wantContent {
				t.Errorf("content = %q, want %q", m.Content, tc.wantContent)
			}
			if m.Member == nil || m.Timestamp.IsZero() {
				t.Errorf("member %+v, timestamp %v: want both", m.Member, m.Timestamp)
			}
			if strings.Contains(tc.content, "<@100>") && (len(m.Mentions) != 1 || m.Mentions[0].ID != "100") {
				t.Errorf("mentions = %+v, want the bot", m.Mentions)
			}
		})
	}
}

func TestBotSeesItsOwnMessages(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	got := make(chan *discordgo.MessageCreate, 4)
	s := openSession(t, fake, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m })
	})
	sent, err := s.ChannelMessageSend(channelID, "hello <@700>")
	if err != nil {
		t.Fatal(err)
	}
	m := recv(t, ctx, got, "echo of the bot's message")
	if m.ID != sent.ID || m.Author.ID != "100" || !m.Author.Bot || m.Content != "hello <@700>" {
		t.Errorf("echo = %+v by %+v", m.Message, m.Author)
	}
	stored := fake.BotMessagesIn(channelID)
	if len(stored) != 1 || stored[0].AllowedMentions != nil || len(stored[0].Pings.Users) != 1 {
		t.Errorf("stored = %+v; a message without allowed_mentions pings the user it mentions", stored)
	}
}

func TestBulkOverwriteCommands(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	got := make(chan *discordgo.InteractionCreate, 1)
	s := openSession(t, fake, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { got <- i })
	})
	admin := int64(discordgo.PermissionAdministrator)
	cmds := []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask the coverage", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question", Required: true},
		}},
		{Name: "ingest", Description: "Add an article", DefaultMemberPermissions: &admin},
	}
	for _, scope := range []string{"", guildID} {
		first, err := s.ApplicationCommandBulkOverwrite("200", scope, cmds)
		if err != nil {
			t.Fatalf("scope %q: %v", scope, err)
		}
		if len(first) != 2 || first[0].ID == "" || first[0].ApplicationID != "200" || first[0].Name != "ask" {
			t.Fatalf("scope %q: overwrite returned %+v", scope, first)
		}
		again, err := s.ApplicationCommandBulkOverwrite("200", scope, cmds)
		if err != nil || again[0].ID != first[0].ID {
			t.Errorf("scope %q: re-registering kept IDs? %v -> %v, %v", scope, first[0].ID, again[0].ID, err)
		}
		listed, err := s.ApplicationCommands("200", scope)
		if err != nil || len(listed) != 2 {
			t.Errorf("scope %q: list = %d, %v", scope, len(listed), err)
		}
		reg := fake.Commands(scope)
		if len(reg) != 2 || reg[1].DefaultMemberPermissions == nil || *reg[1].DefaultMemberPermissions != "8" {
			t.Errorf("scope %q: Commands() = %+v", scope, reg)
		}
		if q, ok := reg[0].Option("question"); !ok || !q.Required {
			t.Errorf("scope %q: option question = %+v", scope, q)
		}
	}
	bad := []struct {
		name string
		cmd  *discordgo.ApplicationCommand
	}{
		{"upper case name", &discordgo.ApplicationCommand{Name: "Ask", Description: "x"}},
		{"no description", &discordgo.ApplicationCommand{Name: "ask"}},
		{"required after optional", &discordgo.ApplicationCommand{Name: "ask", Description: "x", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "a", Description: "a"},
			{Type: discordgo.ApplicationCommandOptionString, Name: "b", Description: "b", Required: true},
		}}},
	}
	for _, tc := range bad {
		_, err := s.ApplicationCommandBulkOverwrite("200", "", []*discordgo.ApplicationCommand{tc.cmd})
		if status, code := restError(t, err); status != 400 || code != 50035 {
			t.Errorf("%s: %d/%d, want 400/50035", tc.name, status, code)
		}
	}
	if _, err := s.ApplicationCommandBulkOverwrite("999", "", cmds); err == nil {
		t.Error("wrong application: want an error")
	}
	// An interaction for a registered command carries the command's ID, guild scope first.
	fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, Name: "ask"})
	i := recv(t, ctx, got, "interaction")
	if want := fake.Commands(guildID)[0].ID; i.ApplicationCommandData().ID != want {
		t.Errorf("data.id = %s, want the guild command %s", i.ApplicationCommandData().ID, want)
	}
}

func TestRateLimitedCallIsRetried(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		failure fakediscord.Failure
	}{
		{"bucket", fakediscord.RateLimited(0.05)},
		{"global", fakediscord.Failure{Status: 429, RetryAfter: 0.05, Global: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake := newFake(t, fakediscord.Options{})
			s := openSession(t, fake, nil)
			fake.FailNext("POST", "/channels/"+channelID+"/messages", tc.failure)
			m, err := s.ChannelMessageSend(channelID, "after the limit")
			if err != nil {
				t.Fatalf("send: %v", err)
			}
			var statuses []int
			for _, c := range fake.Calls() {
				if c.Method == "POST" && c.Route == "/channels/"+channelID+"/messages" {
					statuses = append(statuses, c.Status)
				}
			}
			if len(statuses) != 2 || statuses[0] != 429 || statuses[1] != 200 {
				t.Errorf("statuses = %v, want [429 200]", statuses)
			}
			if got := fake.BotMessagesIn(channelID); len(got) != 1 || got[0].ID != m.ID {
				t.Errorf("messages = %+v, want exactly the retried one", got)
			}
		})
	}
}

func TestRateLimitCarriesRetryAfter(t *testing.T) {
	t.Parallel()
	fake := newFake(t, fakediscord.Options{})
	s := openSession(t, fake, nil)
	s.ShouldRetryOnRateLimit = false
	fake.FailNext("", "/api/v9/channels/", fakediscord.RateLimited(2.5))
	_, err := s.ChannelMessageSend(channelID, "x")
	var rl *discordgo.RateLimitError
	if !errors.As(err, &rl) {
		t.Fatalf("want a rate limit error, got %v", err)
	}
	if rl.RetryAfter != 2500*time.Millisecond {
		t.Errorf("retry after = %v, want 2.5s", rl.RetryAfter)
	}
	call, err := fake.WaitCall(testContext(t), func(c fakediscord.Call) bool { return c.Status == 429 })
	if err != nil {
		t.Fatal(err)
	}
	for header, want := range map[string]string{"Retry-After": "3", "X-RateLimit-Reset-After": "2.500", "X-RateLimit-Remaining": "0", "X-RateLimit-Global": ""} {
		if got := call.ResponseHeader.Get(header); got != want {
			t.Errorf("%s = %q, want %q", header, got, want)
		}
	}
	if _, _, ok := call.APIError(); !ok {
		t.Error("APIError: want the 429 reported as an error")
	}
}

func TestResumableCloseResumes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		breakConn func(*fakediscord.Server)
	}{
		{"close 4000", func(f *fakediscord.Server) { f.CloseGateway(fakediscord.CloseUnknownError) }},
		{"network drop", (*fakediscord.Server).DropGateway},
		{"reconnect request", (*fakediscord.Server).RequestReconnect},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			fake := newFake(t, fakediscord.Options{})
			seen := map[string]int{}
			got := make(chan string, 8)
			resumed := make(chan struct{}, 1)
			openSession(t, fake, func(s *discordgo.Session) {
				s.ShouldReconnectOnError = true
				s.SyncEvents = true // handlers run in order, so the last event seen implies all before it
				s.Identify.Intents |= discordgo.IntentMessageContent
				s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m.Content })
				s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { resumed <- struct{}{} })
			})
			fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, Content: "before"})
			seen[recv(t, ctx, got, "message before the break")]++

			waitFirstHeartbeat(t, ctx, fake)
			tc.breakConn(fake)
			// Sent while the client is away (or already back): either way it must arrive once.
			fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, Content: "during"})
			recv(t, ctx, resumed, "RESUMED")
			if err := fake.WaitIdentified(ctx); err != nil {
				t.Fatal(err)
			}
			fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, Content: "after"})
			for seen["after"] == 0 {
				seen[recv(t, ctx, got, "messages after the resume")]++
			}
			if seen["before"] != 1 || seen["during"] != 1 || seen["after"] != 1 {
				t.Errorf("deliveries = %v, want each message exactly once", seen)
			}
			if st := fake.Stats(); st.Resumes != 1 || st.Identifies != 1 {
				t.Errorf("stats = %+v, want 1 identify and 1 resume", st)
			}
		})
	}
}

func TestNonResumableCloseForcesIdentify(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	got := make(chan string, 4)
	readies := make(chan struct{}, 4)
	openSession(t, fake, func(s *discordgo.Session) {
		s.ShouldReconnectOnError = true
		s.Identify.Intents |= discordgo.IntentMessageContent
		s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m.Content })
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Ready) { readies <- struct{}{} })
	})
	recv(t, ctx, readies, "first READY")
	waitFirstHeartbeat(t, ctx, fake)
	fake.CloseGateway(fakediscord.CloseAuthenticationFailed)
	// discordgo v0.29.0 tries to resume whatever the close code; the fake refuses, and the
	// client identifies again on the same connection.
	recv(t, ctx, readies, "second READY")
	if err := fake.WaitStats(ctx, func(st fakediscord.GatewayStats) bool { return st.Identifies == 2 }); err != nil {
		t.Fatal(err)
	}
	if st := fake.Stats(); st.Resumes != 0 || st.RejectedResumes != 1 {
		t.Errorf("stats = %+v, want no resume and one rejected", st)
	}
	fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, Content: "new session"})
	if m := recv(t, ctx, got, "message on the new session"); m != "new session" {
		t.Errorf("got %q", m)
	}
}

func TestZombieConnectionIsReplaced(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{HeartbeatInterval: 20 * time.Millisecond})
	openSession(t, fake, func(s *discordgo.Session) { s.ShouldReconnectOnError = true })
	if err := fake.WaitStats(ctx, func(st fakediscord.GatewayStats) bool { return st.Heartbeats >= 2 }); err != nil {
		t.Fatal(err)
	}
	fake.HoldHeartbeatAcks(true)
	// discordgo v0.29.0 gives up on a silent connection by closing it with 1000, which ends
	// the session (as on Discord), so its Resume is refused and it identifies afresh.
	if err := fake.WaitStats(ctx, func(st fakediscord.GatewayStats) bool { return st.Connections >= 2 && st.Identifies+st.Resumes >= 2 }); err != nil {
		t.Fatalf("client never gave up on the silent connection: %v", err)
	}
	fake.HoldHeartbeatAcks(false)
	if err := fake.WaitIdentified(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestExpiredInteractionToken(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	got := make(chan *discordgo.InteractionCreate, 2)
	s := openSession(t, fake, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { got <- i })
	})

	_, token := fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, Name: "ask"})
	i := recv(t, ctx, got, "interaction")
	if err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
		t.Fatal(err)
	}
	fake.ExpireInteraction(token)
	content := "too late"
	_, err := s.InteractionResponseEdit(i.Interaction, &discordgo.WebhookEdit{Content: &content})
	if status, code := restError(t, err); status != 404 || code != 10015 {
		t.Errorf("edit after expiry = %d/%d, want 404/10015", status, code)
	}
	_, err = s.FollowupMessageCreate(i.Interaction, true, &discordgo.WebhookParams{Content: content})
	if status, code := restError(t, err); status != 404 || code != 10015 {
		t.Errorf("follow-up after expiry = %d/%d, want 404/10015", status, code)
	}

	_, token = fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, Name: "ask"})
	i = recv(t, ctx, got, "second interaction")
	fake.ExpireInteraction(token)
	err = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	if status, code := restError(t, err); status != 404 || code != 10062 {
		t.Errorf("callback after expiry = %d/%d, want 404/10062", status, code)
	}
	// The fallback a bot takes, a plain channel message, still works.
	if _, err := s.ChannelMessageSend(i.ChannelID, "Sorry, that took too long."); err != nil {
		t.Errorf("fallback message: %v", err)
	}
}

func TestFollowupsAndOriginal(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	got := make(chan *discordgo.InteractionCreate, 1)
	s := openSession(t, fake, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { got <- i })
	})
	_, token := fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, Name: "ask"})
	i := recv(t, ctx, got, "interaction")
	if _, err := s.FollowupMessageCreate(i.Interaction, true, &discordgo.WebhookParams{Content: "early"}); err == nil {
		t.Error("follow-up before acknowledging: want an error")
	}
	if err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: "part 1"}}); err != nil {
		t.Fatal(err)
	}
	f, err := s.FollowupMessageCreate(i.Interaction, true, &discordgo.WebhookParams{Content: "part 2"})
	if err != nil || f.Content != "part 2" {
		t.Fatalf("follow-up = %+v, %v", f, err)
	}
	if _, err := s.FollowupMessageEdit(i.Interaction, f.ID, &discordgo.WebhookEdit{Content: ptr("part 2, edited")}); err != nil {
		t.Fatal(err)
	}
	orig, err := s.InteractionResponse(i.Interaction)
	if err != nil || orig.Content != "part 1" {
		t.Fatalf("GET @original = %+v, %v", orig, err)
	}
	var contents []string
	for _, m := range fake.BotMessagesIn(channelID) {
		contents = append(contents, string(m.Source)+":"+m.Content)
	}
	if strings.Join(contents, "|") != "interaction:part 1|followup:part 2, edited" {
		t.Errorf("messages = %v", contents)
	}
	if err := s.InteractionResponseDelete(i.Interaction); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.BotMessagesIn(channelID)); n != 1 {
		t.Errorf("after deleting the original, %d messages, want 1", n)
	}
	if n := len(fake.InteractionResponses(token)); n != 6 {
		t.Errorf("InteractionResponses = %d calls, want 6", n)
	}
}

func ptr[T any](v T) *T { return &v }

func TestThreadFromMessage(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	threads := make(chan *discordgo.ThreadCreate, 1)
	msgs := make(chan *discordgo.MessageCreate, 8)
	s := openSession(t, fake, func(s *discordgo.Session) {
		s.Identify.Intents |= discordgo.IntentMessageContent
		s.AddHandler(func(_ *discordgo.Session, c *discordgo.ThreadCreate) { threads <- c })
		s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) {
			if !m.Author.Bot {
				msgs <- m
			}
		})
	})
	question := fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: plainID, Content: "<@100> who is John Coale?"})
	recv(t, ctx, msgs, "question")
	thread, err := s.MessageThreadStart(channelID, question, "who is John Coale?", 60)
	if err != nil {
		t.Fatal(err)
	}
	if thread.Type != discordgo.ChannelTypeGuildPublicThread || thread.ParentID != channelID || thread.GuildID != guildID || thread.ID == "" {
		t.Errorf("thread = %+v", thread)
	}
	if ev := recv(t, ctx, threads, "THREAD_CREATE"); ev.ID != thread.ID {
		t.Errorf("THREAD_CREATE for %s, want %s", ev.ID, thread.ID)
	}
	if _, err := s.ChannelMessageSend(thread.ID, "He is Trump's envoy [1]."); err != nil {
		t.Fatal(err)
	}
	fake.SendMessage(fakediscord.Message{ChannelID: thread.ID, AuthorID: plainID, Content: "<@100> what did he say next?"})
	follow := recv(t, ctx, msgs, "follow-up in the thread")
	if follow.ChannelID != thread.ID || follow.GuildID != guildID {
		t.Errorf("follow-up in %s/%s, want the thread in the guild", follow.ChannelID, follow.GuildID)
	}
	history, err := s.ChannelMessages(thread.ID, 10, "", "", "")
	if err != nil || len(history) != 2 {
		t.Fatalf("thread history = %d messages, %v", len(history), err)
	}
	if history[0].Author.ID != plainID || history[1].Author.ID != "100" {
		t.Errorf("history not newest first: %s then %s", history[0].Author.ID, history[1].Author.ID)
	}
	older, err := s.ChannelMessages(thread.ID, 10, history[0].ID, "", "")
	if err != nil || len(older) != 1 || older[0].ID != history[1].ID {
		t.Errorf("before=%s: %+v, %v", history[0].ID, older, err)
	}
	if got := fake.Threads(channelID); len(got) != 1 || got[0].ID != thread.ID {
		t.Errorf("Threads() = %+v", got)
	}
	if n := len(fake.MessagesIn(thread.ID)); n != 2 {
		t.Errorf("MessagesIn(thread) = %d, want 2", n)
	}
	_, err = s.MessageThreadStart(channelID, question, "again", 60)
	if status, code := restError(t, err); status != 400 || code != 160004 {
		t.Errorf("second thread on the message = %d/%d, want 400/160004", status, code)
	}
	if _, err := s.ThreadStart(channelID, "side thread", discordgo.ChannelTypeGuildPublicThread, 60); err != nil {
		t.Errorf("thread without a message: %v", err)
	}
}

func TestDeletedMessage(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	deleted := make(chan *discordgo.MessageDelete, 1)
	s := openSession(t, fake, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageDelete) { deleted <- m })
	})
	id := fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, Content: "<@100> question"})
	if err := fake.DeleteMessage(channelID, id); err != nil {
		t.Fatal(err)
	}
	if ev := recv(t, ctx, deleted, "MESSAGE_DELETE"); ev.ID != id {
		t.Errorf("MESSAGE_DELETE for %s, want %s", ev.ID, id)
	}
	ref := &discordgo.MessageReference{MessageID: id, ChannelID: channelID}
	_, err := s.ChannelMessageSendReply(channelID, "answer", ref)
	if status, code := restError(t, err); status != 400 || code != 50035 {
		t.Errorf("reply to deleted = %d/%d, want 400/50035", status, code)
	}
	no := false
	ref.FailIfNotExists = &no
	m, err := s.ChannelMessageSendReply(channelID, "answer", ref)
	if err != nil || m.MessageReference != nil {
		t.Errorf("reply with fail_if_not_exists=false = %+v, %v; want a plain message", m, err)
	}
	_, err = s.MessageThreadStart(channelID, id, "thread", 60)
	if status, code := restError(t, err); status != 404 || code != 10008 {
		t.Errorf("thread on deleted = %d/%d, want 404/10008", status, code)
	}
	if err := fake.DeleteMessage(channelID, id); err == nil {
		t.Error("deleting twice: want an error")
	}
}

func TestFailNextPermissions(t *testing.T) {
	t.Parallel()
	fake := newFake(t, fakediscord.Options{})
	s := openSession(t, fake, nil)
	id := fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, Content: "q"})
	f := fakediscord.MissingPermissions()
	f.Times = 2
	fake.FailNext("POST", "/api/v9/channels/"+channelID+"/messages/"+id+"/threads", f)
	for range 2 {
		_, err := s.MessageThreadStart(channelID, id, "t", 60)
		if status, code := restError(t, err); status != 403 || code != 50013 {
			t.Errorf("thread = %d/%d, want 403/50013", status, code)
		}
	}
	if _, err := s.MessageThreadStart(channelID, id, "t", 60); err != nil {
		t.Errorf("third attempt: %v", err)
	}
}

func TestMessageLimits(t *testing.T) {
	t.Parallel()
	fake := newFake(t, fakediscord.Options{})
	s := openSession(t, fake, nil)
	long := func(n int) string { return strings.Repeat("é", n) }
	embed := func(desc string) []*discordgo.MessageEmbed {
		return []*discordgo.MessageEmbed{{Description: desc}}
	}
	tests := []struct {
		name       string
		channel    string
		msg        *discordgo.MessageSend
		wantStatus int
		wantCode   int
	}{
		{"2000 characters", channelID, &discordgo.MessageSend{Content: long(2000)}, 0, 0},
		{"2001 characters", channelID, &discordgo.MessageSend{Content: long(2001)}, 400, 50035},
		{"empty", channelID, &discordgo.MessageSend{}, 400, 50006},
		{"whitespace", channelID, &discordgo.MessageSend{Content: " \n "}, 400, 50006},
		{"4096 description", channelID, &discordgo.MessageSend{Embeds: embed(long(4096))}, 0, 0},
		{"4097 description", channelID, &discordgo.MessageSend{Embeds: embed(long(4097))}, 400, 50035},
		{"6001 in embeds", channelID, &discordgo.MessageSend{Embeds: append(embed(long(4000)), embed(long(2001))...)}, 400, 50035},
		{"11 embeds", channelID, &discordgo.MessageSend{Embeds: func() []*discordgo.MessageEmbed {
			var out []*discordgo.MessageEmbed
			for range 11 {
				out = append(out, embed("x")...)
			}
			return out
		}()}, 400, 50035},
		{"unknown channel", "999", &discordgo.MessageSend{Content: "x"}, 404, 10003},
	}
	for _, tc := range tests {
		_, err := s.ChannelMessageSendComplex(tc.channel, tc.msg)
		if tc.wantStatus == 0 {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if status, code := restError(t, err); status != tc.wantStatus || code != tc.wantCode {
			t.Errorf("%s: %d/%d, want %d/%d", tc.name, status, code, tc.wantStatus, tc.wantCode)
		}
	}
	user := fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, Content: "mine"})
	_, err := s.ChannelMessageEdit(channelID, user, "not yours")
	if status, code := restError(t, err); status != 403 || code != 50005 {
		t.Errorf("editing a user's message = %d/%d, want 403/50005", status, code)
	}
}

func TestShardsReceiveOnlyTheirGuilds(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	// (id >> 22) % 2 picks the shard: 1<<22 lands on shard 1, 2<<22 on shard 0.
	shardOf := map[int]string{1: "4194304", 0: "8388608"}
	for _, id := range shardOf {
		fake.AddGuild(fakediscord.Guild{ID: id, Name: "g" + id, Channels: []fakediscord.Channel{{ID: id + "1"}}})
	}
	got := [2]chan string{make(chan string, 4), make(chan string, 4)}
	for shard := range 2 {
		openSession(t, fake, func(s *discordgo.Session) {
			s.ShardID, s.ShardCount = shard, 2
			s.SyncEvents = true
			s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { got[shard] <- i.GuildID })
		})
	}
	for shard, id := range shardOf {
		fake.SendInteraction(fakediscord.Interaction{GuildID: id, ChannelID: id + "1", Name: "ask"})
		if g := recv(t, ctx, got[shard], "interaction on its shard"); g != id {
			t.Errorf("shard %d got guild %s, want %s", shard, g, id)
		}
	}
	// Each interaction went to exactly one shard: a marker sent to each shard after them is the
	// next thing each sees.
	for shard, id := range shardOf {
		fake.SendInteraction(fakediscord.Interaction{GuildID: id, ChannelID: id + "1", Name: "marker"})
		if g := recv(t, ctx, got[shard], "marker"); g != id {
			t.Errorf("shard %d saw %s before its marker", shard, g)
		}
	}
}

func TestWrongTokenIsRefused(t *testing.T) {
	t.Parallel()
	fake := newFake(t, fakediscord.Options{Token: "right"})
	s, err := discordgo.New("Bot wrong")
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{Transport: fakediscord.RewriteTransport(fake.URL(), nil)}
	s.ShouldReconnectOnError = false
	if err := s.Open(); err == nil {
		_ = s.Close()
		t.Fatal("open with a wrong token: want an error")
	}
	_, err = s.User("@me")
	if status, _ := restError(t, err); status != 401 {
		t.Errorf("REST with a wrong token = %d, want 401", status)
	}
	if fake.Identifies() != 0 {
		t.Errorf("Identifies() = %d, want 0", fake.Identifies())
	}
}

func TestChannelTypingReactionsAndFiles(t *testing.T) {
	t.Parallel()
	fake := newFake(t, fakediscord.Options{})
	s := openSession(t, fake, nil)
	ch, err := s.Channel(channelID)
	if err != nil || ch.Name != "general" || ch.GuildID != guildID || ch.Type != discordgo.ChannelTypeGuildText {
		t.Fatalf("GET channel = %+v, %v", ch, err)
	}
	if err := s.ChannelTyping(channelID); err != nil {
		t.Errorf("typing: %v", err)
	}
	m, err := s.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
		Content: "full answer attached",
		Files:   []*discordgo.File{{Name: "answer.md", ContentType: "text/markdown", Reader: strings.NewReader("# Answer")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].Filename != "answer.md" {
		t.Errorf("attachments = %+v", m.Attachments)
	}
	if err := s.MessageReactionAdd(channelID, m.ID, "👍"); err != nil {
		t.Fatal(err)
	}
	stored, _, _ := fake.MessageByID(m.ID)
	if len(stored.Files) != 1 || stored.Files[0] != "answer.md" || len(stored.Reactions) != 1 || stored.Reactions[0] != "👍" {
		t.Errorf("stored = files %v reactions %v", stored.Files, stored.Reactions)
	}
	call, err := fake.WaitCall(testContext(t), func(c fakediscord.Call) bool { return c.Method == "POST" && strings.HasSuffix(c.Route, "/messages") })
	if err != nil {
		t.Fatal(err)
	}
	if body, err := call.Message(); err != nil || body.Content != "full answer attached" {
		t.Errorf("multipart call decoded as %+v, %v", body, err)
	}
	if _, err := s.Channel("999"); err == nil {
		t.Error("unknown channel: want an error")
	}
}

func TestAckTimeout(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	// A deadline no handler can meet, so the outcome does not depend on the machine's speed.
	fake := newFake(t, fakediscord.Options{AckTimeout: time.Nanosecond})
	got := make(chan *discordgo.InteractionCreate, 1)
	s := openSession(t, fake, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { got <- i })
	})
	fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, Name: "ask"})
	i := recv(t, ctx, got, "interaction")
	err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	if status, code := restError(t, err); status != 404 || code != 10062 {
		t.Errorf("late callback = %d/%d, want 404/10062", status, code)
	}
	if _, ok := fake.Interactions()[0].AckLatency(); ok {
		t.Error("a refused callback counted as an acknowledgement")
	}
}

// A reply mentions the author of the message it replies to unless the user
// turns the ping off, so a bot without the Message Content intent can read
// a reply to its own message only when it pings.
func TestRepliesToTheBotPingItUnlessTurnedOff(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := newFake(t, fakediscord.Options{})
	got := make(chan *discordgo.MessageCreate, 8)
	s := openSession(t, fake, func(s *discordgo.Session) {
		s.Identify.Intents = discordgo.IntentsAllWithoutPrivileged
		s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m })
	})
	answer, err := s.ChannelMessageSend(channelID, "an answer")
	if err != nil {
		t.Fatal(err)
	}
	recv(t, ctx, got, "echo of the bot's message")

	fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: plainID,
		Content: "and then?", ReferencedMessageID: answer.ID})
	m := recv(t, ctx, got, "pinging reply")
	if m.Content != "and then?" || len(m.Mentions) != 1 || m.Mentions[0].ID != "100" {
		t.Errorf("pinging reply: content %q, mentions %+v; want the text and the bot mentioned", m.Content, m.Mentions)
	}
	if m.ReferencedMessage == nil || m.ReferencedMessage.ID != answer.ID || m.ReferencedMessage.Content != "an answer" {
		t.Errorf("referenced message = %+v, want the bot's answer with its text", m.ReferencedMessage)
	}

	fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: plainID,
		Content: "and after that?", ReferencedMessageID: answer.ID, NoPing: true})
	m = recv(t, ctx, got, "reply without ping")
	if m.Content != "" || len(m.Mentions) != 0 {
		t.Errorf("reply without ping: content %q, mentions %+v; want neither without the intent", m.Content, m.Mentions)
	}
	if m.ReferencedMessage == nil || m.ReferencedMessage.Author.ID != "100" {
		t.Errorf("referenced message = %+v, want the bot's answer", m.ReferencedMessage)
	}
}

// Without the intent in the developer portal, asking for it closes the
// gateway with 4014 and REST reads hide the text of others' messages.
func TestNoMessageContentInPortal(t *testing.T) {
	t.Parallel()
	fake := newFake(t, fakediscord.Options{NoMessageContent: true})
	s, err := discordgo.New("Bot test")
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{Transport: fakediscord.RewriteTransport(fake.URL(), nil), Timeout: 10 * time.Second}
	s.Identify.Intents = discordgo.IntentsAllWithoutPrivileged | discordgo.IntentMessageContent
	s.ShouldReconnectOnError = false
	if err := s.Open(); err == nil {
		_ = s.Close()
		t.Fatal("Open with a disallowed intent succeeded")
	}

	plain := fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: plainID, Content: "plain words"})
	mention := fake.SendMessage(fakediscord.Message{GuildID: guildID, ChannelID: channelID, AuthorID: plainID, Content: "<@100> a question"})
	rest, err := discordgo.New("Bot test")
	if err != nil {
		t.Fatal(err)
	}
	rest.Client = &http.Client{Transport: fakediscord.RewriteTransport(fake.URL(), nil), Timeout: 10 * time.Second}
	msgs, err := rest.ChannelMessages(channelID, 10, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]string{}
	for _, m := range msgs {
		byID[m.ID] = m.Content
	}
	if byID[plain] != "" || byID[mention] != "<@100> a question" {
		t.Errorf("listed contents = %q; want the plain message hidden and the mention shown", byID)
	}
	one, err := rest.ChannelMessage(channelID, plain)
	if err != nil || one.Content != "" {
		t.Errorf("GET one message: %+v, %v; want its content hidden", one, err)
	}
}

// While a deferred response shows "thinking", the first follow-up takes its
// place with the deferral's visibility; once the response is deleted, a
// follow-up is a message of its own and may be private.
func TestFirstFollowUpReplacesDeferral(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	for _, deleteFirst := range []bool{false, true} {
		fake := newFake(t, fakediscord.Options{})
		got := make(chan *discordgo.InteractionCreate, 1)
		s := openSession(t, fake, func(s *discordgo.Session) {
			s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { got <- i })
		})
		fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, Name: "ask"})
		i := recv(t, ctx, got, "interaction").Interaction
		if err := s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
			t.Fatal(err)
		}
		if deleteFirst {
			if err := s.InteractionResponseDelete(i); err != nil {
				t.Fatal(err)
			}
		}
		m, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "sorry", Flags: discordgo.MessageFlagsEphemeral})
		if err != nil {
			t.Fatal(err)
		}
		msgs := fake.BotMessagesIn(channelID)
		if len(msgs) != 1 || msgs[0].ID != m.ID || msgs[0].Content != "sorry" || msgs[0].Ephemeral() != deleteFirst {
			t.Errorf("delete first %v: messages %+v; want one, ephemeral only after the delete", deleteFirst, msgs)
		}
	}
}
