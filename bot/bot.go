package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/coveragebot/coveragebot/rag"
)

// Coverage is what the bot needs of the coverage index.
type Coverage interface {
	// Ask answers a question. opts.OnDelta streams the language model's
	// answer, checked sentence by checked sentence; opts.History carries
	// the thread's earlier turns.
	Ask(ctx context.Context, question string, opts rag.AskOptions) (rag.Answer, error)
	// Summarize summarises one article, a topic, or (when both are empty)
	// the whole coverage.
	Summarize(ctx context.Context, req rag.SummaryRequest) (rag.Answer, error)
	// Articles lists the indexed articles.
	Articles(ctx context.Context) ([]rag.ArticleInfo, error)
}

// Config is the bot's Discord settings. The zero value of each limit turns
// that limit off, except where a default is named.
type Config struct {
	// Token is the bot token, with or without the "Bot " prefix.
	Token string
	// APIURL replaces the scheme and host of every REST call; the gateway
	// URL comes from GET {APIURL}/api/v9/gateway. Default DefaultAPIURL.
	APIURL string
	// Guilds, when set, are where the commands are registered (instantly);
	// empty registers them globally.
	Guilds []string
	// Channels are channels where every message is a question. Reading
	// them needs the privileged Message Content intent.
	Channels []string
	// MessageContent asks for the privileged Message Content intent even
	// when Channels is empty, so that every message in the bot's threads is
	// read as a follow-up. Without the intent Discord delivers only the text
	// of messages that mention the bot (a reply to the bot mentions it
	// unless the user turns the ping off); the bot answers those, and says
	// once in a thread how to ask when it gets a message it cannot read.
	MessageContent bool

	// HistoryTurns bounds the earlier messages (questions and answers) a
	// follow-up carries, and HistoryTokens their estimated size; defaults
	// DefaultHistoryTurns and DefaultHistoryTokens.
	HistoryTurns, HistoryTokens int

	// Allow lists; empty allows all. AdminRoles may use the admin commands
	// besides members with Manage Server or Administrator.
	AllowedGuilds, AllowedChannels, AllowedRoles, AdminRoles []string

	// UserRate questions per UserRateWindow per user (for example 5 per
	// minute); 0 is no limit.
	UserRate       int
	UserRateWindow time.Duration
	// GuildConcurrency answers at once per guild, with up to QueueLength
	// more waiting; beyond that questions are turned away. 0 is no limit.
	GuildConcurrency int
	QueueLength      int
	// AnswerTimeout bounds each question; default 2 minutes.
	AnswerTimeout time.Duration

	// ShardID and ShardCount run this process as one gateway shard.
	ShardID, ShardCount int

	// EditInterval is the least time between edits while an answer
	// streams; default 1 s.
	EditInterval time.Duration

	// AnnounceChannel, when set, is where Announce posts new articles.
	AnnounceChannel string
	// DigestChannel is where PostDigest posts the scheduled digest.
	DigestChannel string
}

// Options are the bot's collaborators.
type Options struct {
	Coverage Coverage
	// Reindex runs the admin /reindex and returns a one-line report; nil
	// disables the command's work.
	Reindex func(ctx context.Context) (string, error)
	// IngestURL runs the admin /ingest; nil means it is not enabled yet.
	IngestURL func(ctx context.Context, url string) (rag.ArticleInfo, error)
	// Intelligence serves /quotes, /timeline, /compare, /digest and the
	// scheduled digest; nil means those commands say they are not enabled.
	Intelligence Intelligence
	// Feeds reports the feeds' health for the admin /feeds; nil means this
	// process does not poll feeds (a read-only shard), and /feeds says so.
	Feeds func() []FeedStatus
	// RecordFeedback stores a vote with its question, answer and citations;
	// nil keeps votes only in the metrics and the log (questions are user
	// content, so storing them is the operator's choice).
	RecordFeedback func(ctx context.Context, f Feedback) error
	Logger         *slog.Logger
	// Registerer receives the bot's metrics; nil uses a private registry.
	Registerer prometheus.Registerer
	// HTTPClient is the base for REST calls; the bot wraps its transport to
	// send every call to Config.APIURL.
	HTTPClient *http.Client
	// Now is the clock for the rate limiter and for /digest's "since"; nil
	// is time.Now.
	Now func() time.Time
}

// Defaults and fixed bounds.
const (
	defaultAnswerTimeout = 2 * time.Minute
	defaultEditInterval  = time.Second
	defaultRESTTimeout   = 20 * time.Second
	// autocompleteTimeout leaves room within Discord's 3 s to send the
	// choices after looking them up.
	autocompleteTimeout = 2 * time.Second
	// noticeTimeout bounds posting a final answer or notice once an
	// answer's own context has ended.
	noticeTimeout = 10 * time.Second
	// shutdownNoticeGrace is how long Close waits, after cancelling the
	// answers still running, for them to post their "shutting down" notes.
	shutdownNoticeGrace = 5 * time.Second
	maxVotesRemembered  = 10000
	// maxAnswersRemembered bounds the recent answers kept for feedback
	// records and "Show passages".
	maxAnswersRemembered = 2000
	// maxChannelsRemembered bounds what the bot remembers about channels
	// and threads it has seen messages in.
	maxChannelsRemembered = 5000
)

// Bot is a Discord bot that answers questions about the coverage.
type Bot struct {
	cfg      Config
	opts     Options
	log      *slog.Logger
	session  *discordgo.Session
	commands map[string]*command
	order    []*command // registration and /help order

	access accessPolicy
	rate   *rateLimiter
	slots  *guildLimiter
	convs  *conversations
	// threads remembers, for channels seen in messages, whether each is a
	// thread the bot started and its parent; hinted, the threads already
	// told how to ask without the Message Content intent.
	threads  *recent[threadInfo]
	hinted   *recent[struct{}]
	votes    *votes
	answers  *recent[keptAnswer] // recent answers by id, for feedback and passages
	metrics  *metrics
	channels map[string]bool // Config.Channels

	// life is cancelled by Close once the in-flight answers have had their
	// time; every answer's context derives from it.
	life context.Context
	stop context.CancelFunc

	mu         sync.Mutex
	closing    bool
	commandIDs map[string]map[string]string // scope ("" for global, else a guild) → name → ID
	work       sync.WaitGroup

	registered   atomic.Bool
	connected    atomic.Bool
	reconnecting atomic.Bool
	unready      atomic.Int64 // reconnections since the last READY or RESUMED
	failed       chan error   // see Failed

	announcer announcer
	speakers  speakerCache
}

// New checks the configuration and builds a bot; Open connects it.
func New(cfg Config, opts Options) (*Bot, error) {
	if strings.TrimSpace(cfg.Token) == "" {
		return nil, errors.New("new bot: no token")
	}
	if opts.Coverage == nil {
		return nil, errors.New("new bot: no coverage")
	}
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL
	}
	if cfg.ShardCount <= 0 {
		cfg.ShardCount = 1
	}
	if cfg.ShardID < 0 || cfg.ShardID >= cfg.ShardCount {
		return nil, fmt.Errorf("new bot: shard id %d is outside 0..%d", cfg.ShardID, cfg.ShardCount-1)
	}
	if cfg.UserRate < 0 || cfg.GuildConcurrency < 0 || cfg.QueueLength < 0 {
		return nil, errors.New("new bot: limits must not be negative")
	}
	if cfg.UserRate > 0 && cfg.UserRateWindow <= 0 {
		return nil, errors.New("new bot: a user rate needs a positive window")
	}
	if cfg.AnswerTimeout <= 0 {
		cfg.AnswerTimeout = defaultAnswerTimeout
	}
	if cfg.EditInterval <= 0 {
		cfg.EditInterval = defaultEditInterval
	}
	if cfg.HistoryTurns <= 0 {
		cfg.HistoryTurns = DefaultHistoryTurns
	}
	if cfg.HistoryTokens <= 0 {
		cfg.HistoryTokens = DefaultHistoryTokens
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Registerer == nil {
		opts.Registerer = prometheus.NewRegistry()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	client, err := newAPIClient(cfg.APIURL, opts.HTTPClient)
	if err != nil {
		return nil, fmt.Errorf("new bot: %w", err)
	}
	m, err := newMetrics(opts.Registerer)
	if err != nil {
		return nil, fmt.Errorf("new bot: %w", err)
	}

	token := strings.TrimSpace(cfg.Token)
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	session, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("new bot: %w", err)
	}
	session.Client = client
	session.ShouldReconnectOnError = false // the bot reconnects itself: see reconnect
	session.ShardID = cfg.ShardID
	session.ShardCount = cfg.ShardCount
	session.Identify.Intents = intents(cfg)
	session.LogLevel = discordgo.LogError
	// The bot needs little of discordgo's cache: who it is, its guilds and
	// channels, and threads only to find a thread's channel for the channel
	// allow list. Threads are made per question, so caching them without
	// need would grow memory for as long as the bot runs.
	st := session.State
	st.TrackThreads = len(cfg.AllowedChannels) > 0
	st.TrackMembers, st.TrackThreadMembers, st.TrackPresences = false, false, false
	st.TrackRoles, st.TrackEmojis, st.TrackStickers, st.TrackVoice = false, false, false, false

	life, stop := context.WithCancel(context.Background())
	b := &Bot{
		cfg:      cfg,
		opts:     opts,
		log:      opts.Logger.With("component", "bot", "shard", cfg.ShardID),
		session:  session,
		access:   newAccessPolicy(cfg),
		rate:     newRateLimiter(cfg.UserRate, cfg.UserRateWindow, opts.Now),
		slots:    newGuildLimiter(cfg.GuildConcurrency, cfg.QueueLength),
		convs:    newConversations(cfg.HistoryTurns),
		threads:  newRecent[threadInfo](maxChannelsRemembered),
		hinted:   newRecent[struct{}](maxChannelsRemembered),
		votes:    newVotes(maxVotesRemembered),
		answers:  newRecent[keptAnswer](maxAnswersRemembered),
		metrics:  m,
		channels: make(map[string]bool),
		life:     life,
		stop:     stop,
		failed:   make(chan error, 1),

		commandIDs: make(map[string]map[string]string),
	}
	for _, c := range cfg.Channels {
		b.channels[c] = true
	}
	b.order = b.commandTable()
	b.commands = make(map[string]*command, len(b.order))
	for _, c := range b.order {
		b.commands[c.def.Name] = c
	}

	session.AddHandler(b.onInteraction)
	session.AddHandler(b.onMessage)
	session.AddHandler(func(*discordgo.Session, *discordgo.Connect) { b.connected.Store(true) })
	session.AddHandler(func(*discordgo.Session, *discordgo.Resumed) {
		b.connected.Store(true)
		b.unready.Store(0)
	})
	session.AddHandler(func(*discordgo.Session, *discordgo.Ready) { b.unready.Store(0) })
	session.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) {
		b.connected.Store(false)
		if !b.isClosing() {
			b.log.Warn("gateway disconnected; reconnecting")
			b.reconnect()
		}
	})
	return b, nil
}

// intents asks for what the bot reads: guilds, their messages (for
// mentions and threads), and message text where every message is a
// question. Message Content is privileged: asking for it without enabling
// it in the developer portal makes Discord refuse the connection, so it is
// asked for only when the configuration needs it.
func intents(cfg Config) discordgo.Intent {
	in := discordgo.IntentsGuilds | discordgo.IntentsGuildMessages
	if len(cfg.Channels) > 0 || cfg.MessageContent {
		in |= discordgo.IntentsMessageContent
	}
	return in
}

// Open connects to the gateway, waits for READY, registers the commands
// (overwriting them all, globally or in each configured guild) and logs that
// the bot is ready. If ctx ends first, Open gives up and closes the session.
func (b *Bot) Open(ctx context.Context) error {
	opened := make(chan error, 1)
	go func() { opened <- b.session.Open() }()
	select {
	case err := <-opened:
		if r := refusal(err); r != nil {
			return fmt.Errorf("open gateway: %w", r)
		}
		if err != nil {
			return fmt.Errorf("open gateway: %w", err)
		}
	case <-ctx.Done():
		go func() {
			if <-opened == nil {
				_ = b.session.Close()
			}
		}()
		return fmt.Errorf("open gateway: %w", ctx.Err())
	}
	b.connected.Store(true)

	self, appID, guilds := b.identity()
	if err := b.registerCommands(ctx, appID); err != nil {
		_ = b.session.Close()
		return err
	}
	b.registered.Store(true)
	scope := "global"
	if len(b.cfg.Guilds) > 0 {
		scope = strings.Join(b.cfg.Guilds, ",")
	}
	b.log.Info("ready",
		"user", self.Username, "user_id", self.ID, "application_id", appID,
		"guilds", guilds, "shard", fmt.Sprintf("%d/%d", b.cfg.ShardID, b.cfg.ShardCount),
		"commands", len(b.order), "command_scope", scope)
	return nil
}

// identity reads who the bot is from the READY that Open received.
func (b *Bot) identity() (self discordgo.User, appID string, guilds int) {
	st := b.session.State
	st.RLock()
	defer st.RUnlock()
	if st.User != nil {
		self = *st.User
	}
	appID = self.ID // a bot's application ID is its user ID unless READY says otherwise
	if st.Application != nil && st.Application.ID != "" {
		appID = st.Application.ID
	}
	return self, appID, len(st.Guilds)
}

// selfID is the bot's own user ID.
func (b *Bot) selfID() string {
	st := b.session.State
	st.RLock()
	defer st.RUnlock()
	if st.User == nil {
		return ""
	}
	return st.User.ID
}

func (b *Bot) registerCommands(ctx context.Context, appID string) error {
	defs := make([]*discordgo.ApplicationCommand, len(b.order))
	for i, c := range b.order {
		defs[i] = c.def
	}
	scopes := b.cfg.Guilds
	if len(scopes) == 0 {
		scopes = []string{""}
	}
	for _, guild := range scopes {
		registered, err := b.session.ApplicationCommandBulkOverwrite(appID, guild, defs, discordgo.WithContext(ctx))
		if err != nil {
			where := "globally"
			if guild != "" {
				where = "in guild " + guild
			}
			return fmt.Errorf("register commands %s: %w", where, err)
		}
		ids := make(map[string]string, len(registered))
		for _, c := range registered {
			if c != nil && c.ID != "" {
				ids[c.Name] = c.ID
			}
		}
		b.mu.Lock()
		b.commandIDs[guild] = ids
		b.mu.Unlock()
	}
	return nil
}

// commandMention is a command as a mention people can click to start
// typing it ("</ask:123>"), or as plain text when its ID is unknown.
func (b *Bot) commandMention(guildID, name string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	ids, ok := b.commandIDs[guildID]
	if !ok {
		ids = b.commandIDs[""] // registered globally
	}
	if id := ids[name]; id != "" {
		return "</" + name + ":" + id + ">"
	}
	return "/" + name
}

// Ready reports whether the gateway is connected and the commands are
// registered, for a health check.
func (b *Bot) Ready() bool {
	return b.registered.Load() && b.connected.Load()
}

// Close shuts the bot down gracefully: it stops taking questions, lets the
// answers in flight finish until ctx ends, then cancels them (each posts a
// short note that the bot is shutting down) and closes the gateway.
func (b *Bot) Close(ctx context.Context) error {
	b.mu.Lock()
	already := b.closing
	b.closing = true
	b.mu.Unlock()
	if already {
		return nil
	}
	b.registered.Store(false)

	finished := make(chan struct{})
	go func() {
		b.work.Wait()
		close(finished)
	}()
	select {
	case <-finished:
	case <-ctx.Done():
		b.log.Warn("shutting down with answers in flight; cancelling them")
		b.stop()
		grace := time.NewTimer(shutdownNoticeGrace)
		select {
		case <-finished:
		case <-grace.C:
			b.log.Error("answers still running after cancellation; closing anyway")
		}
		grace.Stop()
	}
	b.stop()
	if err := b.session.Close(); err != nil {
		return fmt.Errorf("close gateway: %w", err)
	}
	b.connected.Store(false)
	b.log.Info("closed")
	return nil
}

func (b *Bot) isClosing() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.closing
}

// begin registers a unit of work that Close waits for; it reports false once
// the bot is closing.
func (b *Bot) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return false
	}
	b.work.Add(1)
	return true
}
