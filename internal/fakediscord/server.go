// Package fakediscord is a stand-in for Discord on loopback, for tests: the REST API (under /api/v9
// and /api/v10) and the websocket gateway, close enough to the real service that the unmodified
// discordgo client runs against it. It records every REST call, dispatches the events a test asks
// for, enforces the limits Discord enforces (message sizes, interaction tokens, intents), and
// injects the faults a bot must survive: rate limits, expired interactions, deleted messages and
// gateway drops.
//
// Misuse that no test could mean (dispatching a message with no channel, an interaction of an
// unknown type) panics with a message that says so; everything a bot sends gets Discord's answer.
package fakediscord

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Options configures a Server. The zero value is usable.
type Options struct {
	// BotUserID is the bot's user ID; default "100".
	BotUserID string
	// ApplicationID is the application's ID; default "200".
	ApplicationID string
	// BotName is the bot's username; default "coveragebot".
	BotName string
	// Token, when set, must be presented by REST calls ("Authorization: Bot <Token>") and by
	// Identify/Resume; a wrong one gets 401 or gateway close 4004. Empty accepts any token.
	Token string
	// DenyMessageContent makes an Identify that asks for the Message Content intent fail with
	// gateway close 4014, as for an application whose Bot page does not enable that privileged
	// intent.
	DenyMessageContent bool
	// HeartbeatInterval is what Hello announces; default 41.25 s, as Discord does. Tests of
	// zombie connections set it low.
	HeartbeatInterval time.Duration
	// AckTimeout, when set, makes an interaction callback later than this after dispatch fail
	// with 404 Unknown interaction, as Discord does after 3 s. Off by default because a test
	// machine under load cannot promise wall-clock deadlines.
	AckTimeout time.Duration
	// NoMessageContent plays an application whose privileged Message Content intent is not
	// enabled in the developer portal: an Identify that asks for it is closed with 4014
	// (Disallowed intent(s)), and REST reads of messages hide content the way gateway events
	// do for a session without the intent. The zero value plays an application that has it.
	NoMessageContent bool
	// Logger receives the fake's own diagnostics (protocol errors from the client); default
	// discards them.
	Logger *slog.Logger
}

const (
	defaultBotUserID         = "100"
	defaultApplicationID     = "200"
	defaultBotName           = "coveragebot"
	defaultHeartbeatInterval = 41250 * time.Millisecond

	// interactionTokenLifetime is how long Discord honours an interaction token.
	interactionTokenLifetime = 15 * time.Minute
	// replayLimit bounds the events kept per gateway session for Resume; an older sequence
	// cannot be resumed, as on Discord.
	replayLimit = 1000
	// discordEpoch is the first millisecond of 2015, where snowflake timestamps start.
	discordEpoch = 1420070400000
)

// Server is a fake Discord. Create it with New and Close it when done, after closing any client
// session, so that no reconnect loop outlives the test.
type Server struct {
	opts     Options
	log      *slog.Logger
	http     *httptest.Server
	rest     *http.ServeMux
	upgrader websocket.Upgrader
	lastID   atomic.Uint64
	wg       sync.WaitGroup

	mu           sync.Mutex
	changed      chan struct{} // closed and replaced whenever state a waiter might watch changes
	closed       bool
	calls        []Call
	failures     []*failureRule
	guilds       []*guildState
	guildByID    map[string]*guildState
	channels     map[string]*channelState
	messages     map[string]*messageState
	interactions map[string]*interactionState // by token
	interOrder   []*interactionState
	commands     map[string][]*commandState // by scope: "" is global, else a guild ID
	sessions     map[string]*gatewaySession
	sessionOrder []*gatewaySession
	conns        map[*gatewayConn]struct{}
	nextSession  int
	holdAcks     bool
	restDelay    time.Duration
	stats        GatewayStats
}

// GatewayStats counts what happened on the gateway.
type GatewayStats struct {
	Identifies      int // Identify payloads that got READY
	Resumes         int // Resume payloads that got RESUMED
	RejectedResumes int // Resume payloads answered with Invalid Session
	Heartbeats      int // heartbeats received
	Connections     int // websocket connections accepted
	NormalCloses    int // connections the client closed with 1000 or 1001, ending its session
}

// New starts a fake Discord on 127.0.0.1.
func New(opts Options) *Server {
	if opts.BotUserID == "" {
		opts.BotUserID = defaultBotUserID
	}
	if opts.ApplicationID == "" {
		opts.ApplicationID = defaultApplicationID
	}
	if opts.BotName == "" {
		opts.BotName = defaultBotName
	}
	if opts.HeartbeatInterval <= 0 {
		opts.HeartbeatInterval = defaultHeartbeatInterval
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		opts:         opts,
		log:          logger.With("component", "fakediscord"),
		changed:      make(chan struct{}),
		guildByID:    map[string]*guildState{},
		channels:     map[string]*channelState{},
		messages:     map[string]*messageState{},
		interactions: map[string]*interactionState{},
		commands:     map[string][]*commandState{},
		sessions:     map[string]*gatewaySession{},
		conns:        map[*gatewayConn]struct{}{},
		upgrader: websocket.Upgrader{
			// The client is a bot, not a browser; there is no origin to check.
			CheckOrigin: func(*http.Request) bool { return true },
		},
	}
	s.rest = s.routes()
	s.http = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	return s
}

// URL is the fake's base URL, "http://127.0.0.1:port": what DISCORD_API_URL is set to.
func (s *Server) URL() string { return s.http.URL }

// GatewayURL is the websocket URL that GET /gateway hands out.
func (s *Server) GatewayURL() string {
	return "ws" + strings.TrimPrefix(s.http.URL, "http") + "/gateway"
}

// BotUserID is the bot user's ID.
func (s *Server) BotUserID() string { return s.opts.BotUserID }

// ApplicationID is the application's ID, which interaction webhooks are addressed to.
func (s *Server) ApplicationID() string { return s.opts.ApplicationID }

// BotName is the bot user's name.
func (s *Server) BotName() string { return s.opts.BotName }

// Close drops every gateway connection, stops the HTTP server and waits for the fake's
// goroutines. Close client sessions first: a client told to reconnect would otherwise retry
// against a closed port.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	for c := range s.conns {
		c.abort()
	}
	s.notifyLocked()
	s.mu.Unlock()
	s.http.Close()
	s.wg.Wait()
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/gateway" || r.URL.Path == "/gateway/" {
		s.serveGateway(w, r)
		return
	}
	s.serveREST(w, r)
}

// notifyLocked wakes every waiter; the caller holds s.mu.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// waitFor blocks until cond, evaluated under s.mu, holds or ctx ends.
func (s *Server) waitFor(ctx context.Context, what string, cond func() bool) error {
	for {
		s.mu.Lock()
		if cond() {
			s.mu.Unlock()
			return nil
		}
		closed := s.closed
		ch := s.changed
		s.mu.Unlock()
		if closed {
			return fmt.Errorf("wait for %s: server closed", what)
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("wait for %s: %w", what, ctx.Err())
		}
	}
}

// newID returns a snowflake: its high bits are milliseconds since Discord's epoch, as in real IDs,
// and every ID is larger than the one before, so "before"/"after" paging can compare them.
func (s *Server) newID() string {
	for {
		last := s.lastID.Load()
		id := uint64(time.Now().UnixMilli()-discordEpoch) << 22
		if id <= last {
			id = last + 1
		}
		if s.lastID.CompareAndSwap(last, id) {
			return strconv.FormatUint(id, 10)
		}
	}
}

// Stats reports the gateway counters.
func (s *Server) Stats() GatewayStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// Identifies is how many Identify payloads were answered with READY.
func (s *Server) Identifies() int { return s.Stats().Identifies }

// Resumes is how many Resume payloads were answered with RESUMED.
func (s *Server) Resumes() int { return s.Stats().Resumes }

// RejectedResumes is how many Resume payloads were refused with Invalid Session.
func (s *Server) RejectedResumes() int { return s.Stats().RejectedResumes }

// snowflakeLess orders IDs numerically, falling back to string order for IDs that are not numbers.
func snowflakeLess(a, b string) bool {
	x, errA := strconv.ParseUint(a, 10, 64)
	y, errB := strconv.ParseUint(b, 10, 64)
	if errA != nil || errB != nil {
		return a < b
	}
	return x < y
}

func timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
