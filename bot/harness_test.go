package bot

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/rag"
)

// IDs of the test guild. The fake plays the bot as user "100" with
// application "200".
const (
	botID       = "100"
	appID       = "200"
	guildID     = "300"
	channelID   = "400"
	otherChanID = "401"
	questionsCh = "402"
	adminRoleID = "500"
	adminUserID = "600"
	readerID    = "700"
	testToken   = "canary-token-7f3a9c"
)

func testGuild() fakediscord.Guild {
	return fakediscord.Guild{
		ID:   guildID,
		Name: "Newsroom",
		Channels: []fakediscord.Channel{
			{ID: channelID, Name: "general"}, {ID: otherChanID, Name: "random"}, {ID: questionsCh, Name: "ask-the-bot"},
		},
		Roles: []fakediscord.Role{
			{ID: guildID, Name: "@everyone", Permissions: "1024"},
			{ID: adminRoleID, Name: "editors", Permissions: "1024"},
		},
		Members: []fakediscord.Member{
			{UserID: adminUserID, Username: "editor", Roles: []string{adminRoleID}},
			{UserID: readerID, Username: "reader"},
		},
	}
}

// fakeCoverage is a Coverage whose answers each test scripts. By default it
// answers every question with a short cited answer.
type fakeCoverage struct {
	mu        sync.Mutex
	asked     []askRecord
	summaries []rag.SummaryRequest
	articles  []rag.ArticleInfo

	ask       func(ctx context.Context, q string, opts rag.AskOptions) (rag.Answer, error)
	summarize func(ctx context.Context, req rag.SummaryRequest) (rag.Answer, error)
	// started receives the question each time Ask is entered, if not nil.
	started chan string
}

type askRecord struct {
	question string
	history  []rag.Message
}

var publishedDay = time.Date(2025, 4, 26, 9, 30, 0, 0, time.UTC)

func sampleAnswer(q string) rag.Answer {
	return rag.Answer{
		Question: q,
		Text:     "Starmer told Zelenskyy that Ukraine's path to NATO was irreversible [1]. They met again in Rome [2].",
		Citations: []rag.Citation{
			{N: 1, Passage: rag.Passage{ArticleID: "starmer-call", Title: "Starmer speaks to Zelenskyy", Outlet: "Sky News",
				URL: "https://news.sky.com/story/starmer-call", Published: publishedDay}},
			{N: 2, Passage: rag.Passage{ArticleID: "rome-meeting", Title: "Trump and Zelenskyy meet in St Peter's", Outlet: "Sky News",
				Published: publishedDay}},
		},
		Mode: rag.ModeExtractive,
		AsOf: publishedDay,
	}
}

func (c *fakeCoverage) Ask(ctx context.Context, q string, opts rag.AskOptions) (rag.Answer, error) {
	c.mu.Lock()
	c.asked = append(c.asked, askRecord{question: q, history: append([]rag.Message(nil), opts.History...)})
	ask, started := c.ask, c.started
	c.mu.Unlock()
	if started != nil {
		select {
		case started <- q:
		case <-ctx.Done():
			return rag.Answer{}, ctx.Err()
		}
	}
	if ask != nil {
		return ask(ctx, q, opts)
	}
	return sampleAnswer(q), nil
}

func (c *fakeCoverage) Summarize(ctx context.Context, req rag.SummaryRequest) (rag.Answer, error) {
	c.mu.Lock()
	c.summaries = append(c.summaries, rag.SummaryRequest{ArticleID: req.ArticleID, Topic: req.Topic})
	summarize := c.summarize
	c.mu.Unlock()
	if summarize != nil {
		return summarize(ctx, req)
	}
	a := sampleAnswer("")
	a.Text = "A summary of the coverage [1]."
	return a, nil
}

func (c *fakeCoverage) Articles(ctx context.Context) ([]rag.ArticleInfo, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]rag.ArticleInfo(nil), c.articles...), nil
}

func (c *fakeCoverage) questions() []askRecord {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]askRecord(nil), c.asked...)
}

// blockUntil makes Ask wait for release (or its context) before answering,
// the way a slow language model would.
func blockUntil(release <-chan struct{}) func(context.Context, string, rag.AskOptions) (rag.Answer, error) {
	return func(ctx context.Context, q string, _ rag.AskOptions) (rag.Answer, error) {
		select {
		case <-release:
			return sampleAnswer(q), nil
		case <-ctx.Done():
			return rag.Answer{}, ctx.Err()
		}
	}
}

// syncBuffer collects log output from many goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness runs the real bot, with the real discordgo client, against the
// fake Discord.
type harness struct {
	t     *testing.T
	fake  *fakediscord.Server
	bot   *Bot
	cov   *fakeCoverage
	reg   *prometheus.Registry
	logs  *syncBuffer
	ctx   context.Context
	clock *testClock
}

type harnessOption func(*Config, *Options)

// startBot starts a fake Discord with the test guild and a bot connected to
// it through the bot's own API-URL rewriting. Cleanup closes the bot before
// the fake, so no reconnect loop outlives the test.
func startBot(t *testing.T, cfg Config, options ...harnessOption) *harness {
	t.Helper()
	return startBotOn(t, fakediscord.Options{}, cfg, options...)
}

// startBotOn is startBot with a fake Discord configured by fo (its token is
// always the test token).
func startBotOn(t *testing.T, fo fakediscord.Options, cfg Config, options ...harnessOption) *harness {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	fo.Token = testToken
	fake := fakediscord.New(fo)
	t.Cleanup(fake.Close)
	fake.AddGuild(testGuild())

	h := &harness{t: t, fake: fake, cov: &fakeCoverage{}, reg: prometheus.NewRegistry(), logs: &syncBuffer{}, ctx: ctx,
		clock: &testClock{now: time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC)}}
	cfg.Token = testToken
	cfg.APIURL = fake.URL()
	if cfg.EditInterval == 0 {
		cfg.EditInterval = time.Hour // tests that stream set their own
	}
	opts := Options{
		Coverage:   h.cov,
		Logger:     slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Registerer: h.reg,
		Now:        h.clock.Now,
	}
	for _, o := range options {
		o(&cfg, &opts)
	}
	h.bot = h.open(cfg, opts)
	return h
}

// another starts a second bot process on the same fake Discord and
// coverage, with a memory of its own, as a restart or another shard would.
func (h *harness) another(cfg Config) *Bot {
	h.t.Helper()
	cfg.Token = testToken
	cfg.APIURL = h.fake.URL()
	if cfg.EditInterval == 0 {
		cfg.EditInterval = time.Hour
	}
	return h.open(cfg, Options{
		Coverage:   h.cov,
		Logger:     slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})).With("process", "another"),
		Registerer: prometheus.NewRegistry(),
		Now:        h.clock.Now,
	})
}

// open builds a bot, opens it, and closes it when the test ends.
func (h *harness) open(cfg Config, opts Options) *Bot {
	t, ctx := h.t, h.ctx
	t.Helper()
	b, err := New(cfg, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if err := b.Open(ctx); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		closeCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := b.Close(closeCtx); err != nil {
			t.Errorf("Close: %v", err)
		}
		if strings.Contains(h.logs.String(), strings.TrimPrefix(testToken, "Bot ")) {
			t.Errorf("the token appears in the logs")
		}
		if t.Failed() {
			t.Logf("bot log:\n%s", h.logs.String())
		}
	})
	return b
}

type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// waitCall waits for a REST call the bot made (or will make). The fake runs
// match under its lock, so match must not call the fake.
func (h *harness) waitCall(what string, match func(fakediscord.Call) bool) fakediscord.Call {
	h.t.Helper()
	c, err := h.fake.WaitCall(h.ctx, match)
	if err != nil {
		h.t.Fatalf("waiting for %s: %v", what, err)
	}
	return c
}

// ask sends /ask and returns the interaction's token.
func (h *harness) ask(userID, question string, extra ...fakediscord.Option) string {
	opts := append([]fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: question}}, extra...)
	_, token := h.fake.SendInteraction(fakediscord.Interaction{
		GuildID: guildID, ChannelID: channelID, UserID: userID, Name: "ask", Options: opts,
	})
	return token
}

func isCallback(token string) func(fakediscord.Call) bool {
	return func(c fakediscord.Call) bool {
		return c.Method == "POST" && strings.Contains(c.Route, "/"+token+"/callback")
	}
}

func isOriginalEdit(token string) func(fakediscord.Call) bool {
	return func(c fakediscord.Call) bool {
		return c.Method == "PATCH" && strings.Contains(c.Route, "/"+token+"/messages/@original")
	}
}

// hasFeedback reports whether a message body carries the feedback buttons,
// which only a finished answer has.
func hasFeedback(b fakediscord.MessageBody) bool {
	for _, btn := range b.Buttons() {
		if strings.HasPrefix(btn.CustomID, feedbackPrefix) {
			return true
		}
	}
	return false
}

// isPrivateFollowUp matches a private follow-up of an interaction: how a
// failure after a public deferral is reported.
func isPrivateFollowUp(token string) func(fakediscord.Call) bool {
	return func(c fakediscord.Call) bool {
		if c.Method != "POST" || !strings.HasPrefix(c.Route, "/webhooks/") || !strings.Contains(c.Route, "/"+token) || c.Status >= 300 {
			return false
		}
		b, err := c.Message()
		return err == nil && b.Ephemeral() && b.Content != ""
	}
}

// finalEdit waits for the edit of the original response that carries the
// finished answer, or a notice (content without embeds) in its place or,
// after a public deferral, privately.
func (h *harness) finalEdit(token string) fakediscord.MessageBody {
	h.t.Helper()
	c := h.waitCall("final edit of "+token, func(c fakediscord.Call) bool {
		if isPrivateFollowUp(token)(c) {
			return true
		}
		if !isOriginalEdit(token)(c) || c.Status >= 300 {
			return false
		}
		b, err := c.Message()
		return err == nil && (hasFeedback(b) || b.Content != "")
	})
	b, err := c.Message()
	if err != nil {
		h.t.Fatal(err)
	}
	return b
}

func (h *harness) callback(token string) fakediscord.InteractionCallback {
	h.t.Helper()
	c := h.waitCall("callback of "+token, isCallback(token))
	if c.Status >= 300 {
		h.t.Fatalf("callback answered %d: %s", c.Status, c.Response)
	}
	cb, err := c.Callback()
	if err != nil {
		h.t.Fatal(err)
	}
	return cb
}

// metricValue reads a counter or gauge.
func metricValue(t *testing.T, m prometheus.Metric) float64 {
	t.Helper()
	var out dto.Metric
	if err := m.Write(&out); err != nil {
		t.Fatal(err)
	}
	if out.Counter != nil {
		return out.GetCounter().GetValue()
	}
	if out.Gauge != nil {
		return out.GetGauge().GetValue()
	}
	if out.Histogram != nil {
		return float64(out.GetHistogram().GetSampleCount())
	}
	t.Fatalf("metric %s is not a counter, gauge or histogram", m.Desc())
	return 0
}

// messageCalls are the bot's REST calls that create or edit a message, with
// their decoded bodies.
func (h *harness) messageCalls() []fakediscord.Call {
	var out []fakediscord.Call
	for _, c := range h.fake.Calls() {
		if createsOrEditsMessage(c) {
			out = append(out, c)
		}
	}
	return out
}

func createsOrEditsMessage(c fakediscord.Call) bool {
	r := c.Route
	switch {
	case strings.HasSuffix(r, "/callback"):
		cb, err := c.Callback()
		return err == nil && (cb.Type == 4 || cb.Type == 5 || cb.Type == 7)
	case strings.HasPrefix(r, "/webhooks/"):
		return c.Method == "POST" || c.Method == "PATCH"
	case strings.HasPrefix(r, "/channels/") && strings.Contains(r, "/messages") && !strings.Contains(r, "/threads"):
		return c.Method == "POST" || c.Method == "PATCH"
	}
	return false
}

// assertNoPings checks that every message the bot created or edited set an
// empty allowed_mentions, and that the fake saw nobody pinged.
func (h *harness) assertNoPings() {
	h.t.Helper()
	calls := h.messageCalls()
	if len(calls) == 0 {
		h.t.Fatal("the bot posted nothing")
	}
	for _, c := range calls {
		var body fakediscord.MessageBody
		if strings.HasSuffix(c.Route, "/callback") {
			cb, _ := c.Callback()
			body = cb.Data
		} else {
			b, err := c.Message()
			if err != nil {
				h.t.Fatal(err)
			}
			body = b
		}
		if !body.MentionsSuppressed() {
			h.t.Errorf("%s %s: allowed_mentions does not suppress mentions: %+v", c.Method, c.Route, body.AllowedMentions)
		}
	}
	for _, ch := range []string{channelID, otherChanID, questionsCh} {
		chans := []string{ch}
		for _, th := range h.fake.Threads(ch) {
			chans = append(chans, th.ID)
		}
		for _, id := range chans {
			for _, m := range h.fake.BotMessagesIn(id) {
				if !m.Pings.None() {
					h.t.Errorf("message %s in %s pinged %+v", m.ID, id, m.Pings)
				}
			}
		}
	}
}

var errLLMDown = errors.New("chat completion: dial tcp 127.0.0.1:9: connection refused")
