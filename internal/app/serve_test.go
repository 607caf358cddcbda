package app

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// served is an App run against a fake Discord and a fake OpenAI server,
// exactly as main runs it.
type served struct {
	t       *testing.T
	app     *App
	discord *fakediscord.Server
	llm     *fakeopenai.Server
	cancel  context.CancelFunc
	done    chan error
	// ownsFakes is set when stop should close the fakes too.
	ownsFakes bool
}

const (
	testGuild   = "1000"
	testChannel = "2000"
	testUser    = "3000"
	testAdmin   = "3001"
)

func startServed(t *testing.T, extraEnv map[string]string) *served {
	t.Helper()
	return startServedIn(t, newCLI(t), extraEnv)
}

// citeCoale plays a model that answers about John Coale from whichever
// source mentions him.
func citeCoale(req fakeopenai.ChatRequest) string {
	// The passage that says both things; another that only names Coale
	// (a planted article) does not support them, and the citation check
	// would rightly drop them.
	n := sourceWith(req, "envoy John Coale")
	if n == 0 {
		return "The sources don't say."
	}
	return fmt.Sprintf("John Coale is Mr Trump’s deputy Ukraine envoy [%d]. He said NATO membership for Ukraine was still “on the table” [%d].", n, n)
}

// startApp runs an App with the environment given, against fakes the
// caller owns, and waits until /healthz answers 200.
func startApp(t *testing.T, env map[string]string, discord *fakediscord.Server, llm *fakeopenai.Server) *served {
	t.Helper()
	return startAppDeps(t, env, discord, llm, Deps{})
}

// startAppDeps is startApp with the caller's Deps (a logger, a clock); the
// listener and the shutdown grace are the test's.
func startAppDeps(t *testing.T, env map[string]string, discord *fakediscord.Server, llm *fakeopenai.Server, deps Deps) *served {
	t.Helper()
	s := &served{t: t, discord: discord, llm: llm}
	cfg, err := config.Load(func(k string) string { return env[k] }, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if deps.Listener, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	deps.ShutdownGrace = 5 * time.Second
	if s.app, err = New(cfg, deps); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.done = make(chan error, 1)
	go func() { s.done <- s.app.Run(ctx) }()
	t.Cleanup(s.stop)
	s.waitHealthy()
	return s
}

func (s *served) stop() {
	if s.cancel == nil {
		return
	}
	s.cancel()
	select {
	case err := <-s.done:
		if err != nil {
			s.t.Errorf("Run: %v", err)
		}
	case <-time.After(30 * time.Second):
		s.t.Error("Run did not return after cancel")
	}
	s.cancel = nil
	s.app.Close()
	if s.ownsFakes {
		s.discord.Close()
		s.llm.Close()
	}
}

func (s *served) waitHealthy() {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + s.app.Addr() + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatal("/healthz never answered 200")
}

func (s *served) waitCall(match func(fakediscord.Call) bool) fakediscord.Call {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := s.discord.WaitCall(ctx, match)
	if err != nil {
		s.t.Fatalf("waiting for a Discord call: %v", err)
	}
	return c
}

func TestServeRegistersCommandsAndAnswersAsk(t *testing.T) {
	s := startServed(t, nil)
	names := map[string]bool{}
	for _, c := range s.discord.Commands(testGuild) {
		names[c.Name] = true
	}
	for _, want := range []string{"ask", "summary", "sources", "help", "ingest", "reindex"} {
		if !names[want] {
			t.Errorf("command /%s not registered in the guild (have %v)", want, names)
		}
	}

	_, token := s.discord.SendInteraction(fakediscord.Interaction{
		Type: 2, GuildID: testGuild, ChannelID: testChannel, UserID: testUser, Username: "reader",
		Name: "ask", Options: []fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: "Who is John Coale? @everyone"}},
	})
	final := s.waitCall(func(c fakediscord.Call) bool {
		return strings.Contains(c.Route, token) && c.Method == http.MethodPatch && strings.Contains(string(c.Body), "Sources") &&
			strings.Contains(string(c.Body), "deputy Ukraine envoy")
	})
	calls := s.discord.InteractionResponses(token)
	if len(calls) == 0 || !strings.HasSuffix(calls[0].Route, "/callback") || !strings.Contains(string(calls[0].Body), `"type":5`) {
		t.Fatalf("first response is not a deferred callback: %+v", calls)
	}
	var body struct {
		Embeds []struct {
			Description string `json:"description"`
			Fields      []struct{ Name, Value string }
		} `json:"embeds"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
	}
	if err := json.Unmarshal(final.Body, &body); err != nil {
		t.Fatal(err)
	}
	if body.AllowedMentions == nil || len(body.AllowedMentions.Parse) != 0 {
		t.Errorf("allowed_mentions = %+v, want an empty parse list", body.AllowedMentions)
	}
	text, _ := json.Marshal(body.Embeds)
	if !strings.Contains(string(text), "Starmer tells Zelenskyy") {
		t.Errorf("the final embed does not list the cited article: %s", text)
	}

	// /healthz and /metrics stay up; the question was counted.
	resp, err := http.Get("http://" + s.app.Addr() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var metrics strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		metrics.Write(buf[:n])
		if err != nil {
			break
		}
	}
	for _, name := range []string{"coveragebot_retrieval_seconds_count 1", "coveragebot_llm_seconds_count 1"} {
		if !strings.Contains(metrics.String(), name) {
			t.Errorf("/metrics lacks %q", name)
		}
	}
	if strings.Contains(metrics.String(), "canary-token-for-tests") {
		t.Error("/metrics shows the Discord token")
	}
}

// mentionInThread asks the bot a question by mention in the test channel,
// waits for the thread it answers in and for the final answer there (the
// version with the feedback buttons; the answer streams into a message
// edited until then) holding want, and returns the thread's id.
func (s *served) mentionInThread(question, want string) string {
	s.t.Helper()
	msgID := s.discord.SendMessage(fakediscord.Message{
		GuildID: testGuild, ChannelID: testChannel, AuthorID: testUser, Username: "reader",
		Content: "<@" + s.discord.BotUserID() + "> " + question, Mentions: []string{s.discord.BotUserID()},
	})
	s.waitCall(func(c fakediscord.Call) bool {
		return c.Method == http.MethodPost && strings.Contains(c.Route, "/messages/"+msgID+"/threads")
	})
	threads := s.discord.Threads(testChannel)
	if len(threads) != 1 {
		s.t.Fatalf("threads = %+v", threads)
	}
	thread := threads[0].ID
	s.waitCall(func(c fakediscord.Call) bool {
		return strings.HasPrefix(c.Route, "/channels/"+thread+"/messages") && strings.Contains(string(c.Body), want) &&
			strings.Contains(string(c.Body), "👍")
	})
	return thread
}

func TestServeAnswersAMentionInAThreadAndAFollowUp(t *testing.T) {
	s := startServed(t, nil)
	defer func() {
		if t.Failed() {
			for _, c := range s.discord.Calls() {
				t.Logf("%s %s %.300s", c.Method, c.Route, c.Body)
			}
		}
	}()
	thread := s.mentionInThread("Who is John Coale?", "deputy Ukraine envoy")

	before := len(s.llm.Requests())
	s.discord.SendMessage(fakediscord.Message{
		GuildID: testGuild, ChannelID: thread, AuthorID: testUser, Username: "reader",
		Content: "<@" + s.discord.BotUserID() + "> what else did he say?", Mentions: []string{s.discord.BotUserID()},
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for len(s.llm.Requests()) == before {
		if ctx.Err() != nil {
			t.Fatal("the follow-up never reached the model")
		}
		time.Sleep(10 * time.Millisecond)
	}
	req := s.llm.Requests()[before]
	var sawEarlierTurn bool
	for _, m := range req.Messages[1:] {
		if m.Role == "user" && strings.Contains(m.Content, "Who is John Coale?") {
			sawEarlierTurn = true
		}
	}
	if !sawEarlierTurn {
		t.Errorf("the follow-up was sent without the thread's earlier question: %+v", req.Messages)
	}
}

// "thanks!" in the bot's thread is answered "You're welcome." without a
// call to the model and without sources; a question after it still is
// answered from the coverage.
func TestServeTakesThanksInAThreadAsThanks(t *testing.T) {
	s := startServed(t, nil)
	mention := "<@" + s.discord.BotUserID() + "> "
	thread := s.mentionInThread("Who is John Coale?", "deputy Ukraine envoy")
	before := len(s.llm.Requests())
	s.discord.SendMessage(fakediscord.Message{
		GuildID: testGuild, ChannelID: thread, AuthorID: testUser, Username: "reader",
		Content: mention + "thanks!", Mentions: []string{s.discord.BotUserID()},
	})
	c := s.waitCall(func(c fakediscord.Call) bool {
		return strings.HasPrefix(c.Route, "/channels/"+thread+"/messages") && strings.Contains(string(c.Body), "You're welcome.")
	})
	if b, err := c.Message(); err != nil || strings.Contains(b.Text(), "[1]") {
		t.Errorf("the reply to thanks cites sources: %v %+v", err, b)
	}
	if n := len(s.llm.Requests()); n != before {
		t.Errorf("thanks reached the model: %d requests after it, %d before", n, before)
	}
	s.discord.SendMessage(fakediscord.Message{
		GuildID: testGuild, ChannelID: thread, AuthorID: testUser, Username: "reader",
		Content: mention + "what else did he say?", Mentions: []string{s.discord.BotUserID()},
	})
	if req := s.nextChat(before); !sawTurn(req, "Who is John Coale?") {
		t.Errorf("the question after the thanks lost the thread's context: %+v", req.Messages)
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	s := startServed(t, nil)
	s.llm.SetLatency(300 * time.Millisecond)
	_, token := s.discord.SendInteraction(fakediscord.Interaction{
		Type: 2, GuildID: testGuild, ChannelID: testChannel, UserID: testUser, Username: "reader",
		Name: "ask", Options: []fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: "Who is John Coale?"}},
	})
	s.waitCall(func(c fakediscord.Call) bool {
		return strings.Contains(c.Route, token) && strings.HasSuffix(c.Route, "/callback")
	})
	s.stop() // cancels while the answer is in flight; the answer finishes within the grace period
	var finished bool
	for _, c := range s.discord.InteractionResponses(token) {
		if c.Method == http.MethodPatch && strings.Contains(string(c.Body), "deputy Ukraine envoy") {
			finished = true
		}
	}
	if !finished {
		t.Error("the answer in flight was not finished before shutdown")
	}
}

// nextChat waits for the model's request after the first `before`.
func (s *served) nextChat(before int) fakeopenai.Request {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for len(s.llm.Requests()) <= before {
		if ctx.Err() != nil {
			s.t.Fatal("the follow-up never reached the model")
		}
		time.Sleep(10 * time.Millisecond)
	}
	return s.llm.Requests()[before]
}

func sawTurn(req fakeopenai.Request, text string) bool {
	for _, m := range req.Messages[1:] {
		if m.Role == "user" && strings.Contains(m.Content, text) {
			return true
		}
	}
	return false
}

// In a default deployment (no question channels, no Message Content
// intent) a reply to the bot's /ask answer is a follow-up with the earlier
// turn; with COVERAGEBOT_MESSAGE_CONTENT a plain message in the bot's
// thread is one too.
func TestServeFollowUps(t *testing.T) {
	t.Run("reply without the intent", func(t *testing.T) {
		s := startServed(t, nil)
		for _, id := range s.discord.Identities() {
			if id.Intents&(1<<15) != 0 {
				t.Fatalf("a default deployment asked for Message Content: intents %d", id.Intents)
			}
		}
		_, token := s.discord.SendInteraction(fakediscord.Interaction{
			Type: 2, GuildID: testGuild, ChannelID: testChannel, UserID: testUser, Username: "reader",
			Name: "ask", Options: []fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: "Who is John Coale?"}},
		})
		s.waitCall(func(c fakediscord.Call) bool {
			return strings.Contains(c.Route, token+"/messages/@original") && strings.Contains(string(c.Body), "👍")
		})
		var answer string
		for _, m := range s.discord.BotMessagesIn(testChannel) {
			if m.InteractionToken == token {
				answer = m.ID
			}
		}
		before := len(s.llm.Requests())
		s.discord.SendMessage(fakediscord.Message{GuildID: testGuild, ChannelID: testChannel, AuthorID: testUser,
			Content: "what else did he say?", ReferencedMessageID: answer})
		if req := s.nextChat(before); !sawTurn(req, "Who is John Coale?") {
			t.Errorf("the reply was sent without the earlier question: %+v", req.Messages)
		}
	})
	t.Run("plain message in the thread with the intent", func(t *testing.T) {
		s := startServed(t, map[string]string{"COVERAGEBOT_MESSAGE_CONTENT": "true"})
		msgID := s.discord.SendMessage(fakediscord.Message{GuildID: testGuild, ChannelID: testChannel, AuthorID: testUser,
			Content: "<@" + s.discord.BotUserID() + "> Who is John Coale?"})
		s.waitCall(func(c fakediscord.Call) bool {
			return c.Method == http.MethodPost && strings.Contains(c.Route, "/messages/"+msgID+"/threads")
		})
		thread := s.discord.Threads(testChannel)[0].ID
		s.waitCall(func(c fakediscord.Call) bool {
			return strings.HasPrefix(c.Route, "/channels/"+thread+"/messages") && strings.Contains(string(c.Body), "👍")
		})
		before := len(s.llm.Requests())
		s.discord.SendMessage(fakediscord.Message{GuildID: testGuild, ChannelID: thread, AuthorID: testUser, Content: "what else did he say?"})
		if req := s.nextChat(before); !sawTurn(req, "Who is John Coale?") {
			t.Errorf("the follow-up was sent without the earlier question: %+v", req.Messages)
		}
	})
}
