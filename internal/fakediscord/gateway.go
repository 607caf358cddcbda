package fakediscord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opPresenceUpdate = 3
	opVoiceState     = 4
	opResume         = 6
	opReconnect      = 7
	opRequestMembers = 8
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatAck   = 11
)

// Gateway intents that decide which events a session receives.
const (
	intentGuilds         = 1 << 0
	intentGuildMessages  = 1 << 9
	intentDirectMessages = 1 << 12
	intentMessageContent = 1 << 15
)

// Gateway close codes Discord uses, for CloseGateway.
const (
	CloseUnknownError         = 4000
	CloseUnknownOpcode        = 4001
	CloseDecodeError          = 4002
	CloseNotAuthenticated     = 4003
	CloseAuthenticationFailed = 4004
	CloseAlreadyAuthenticated = 4005
	CloseInvalidSeq           = 4007
	CloseRateLimited          = 4008
	CloseSessionTimedOut      = 4009
	CloseInvalidShard         = 4010
	CloseShardingRequired     = 4011
	CloseInvalidAPIVersion    = 4012
	CloseInvalidIntents       = 4013
	CloseDisallowedIntents    = 4014
)

// resumableClose reports whether a session survives a close with this code, so the client may
// Resume rather than Identify again. Discord invalidates the session for authentication and
// configuration errors, for 4007/4009, and when the client closes normally (1000/1001).
func resumableClose(code int) bool {
	switch code {
	case websocket.CloseNormalClosure, websocket.CloseGoingAway:
		return false
	case CloseAuthenticationFailed, CloseInvalidSeq, CloseSessionTimedOut, CloseInvalidShard,
		CloseShardingRequired, CloseInvalidAPIVersion, CloseInvalidIntents, CloseDisallowedIntents:
		return false
	}
	return true
}

type gatewaySession struct {
	id       string
	seq      int64
	log      []sentFrame // recent dispatches, for Resume
	intents  int
	shard    [2]int // {id, count}; count 0 means unsharded
	conn     *gatewayConn
	invalid  bool
	identity map[string]any // the Identify payload, without its token
}

type sentFrame struct {
	seq  int64
	data []byte
}

// wantsGuild reports whether events for the guild belong on this session's shard. DMs go to
// shard 0, as on Discord.
func (sess *gatewaySession) wantsGuild(guildID string) bool {
	if sess.shard[1] <= 1 {
		return true
	}
	if guildID == "" {
		return sess.shard[0] == 0
	}
	return guildShard(guildID, sess.shard[1]) == sess.shard[0]
}

// gatewayConn is one websocket. Frames are queued under the server's lock and written by the
// connection's own goroutine, so a slow client never holds up the fake.
type gatewayConn struct {
	ws      *websocket.Conn
	session *gatewaySession // guarded by Server.mu

	mu      sync.Mutex
	queue   []outFrame
	closing bool
	wake    chan struct{}
	done    chan struct{}
	once    sync.Once
}

type outFrame struct {
	data      []byte
	closeCode int // when set, send a close frame with this code and hang up
	reason    string
}

func newGatewayConn(ws *websocket.Conn) *gatewayConn {
	return &gatewayConn{ws: ws, wake: make(chan struct{}, 1), done: make(chan struct{})}
}

func (c *gatewayConn) enqueue(f outFrame) {
	c.mu.Lock()
	if c.closing {
		c.mu.Unlock()
		return
	}
	if f.closeCode != 0 {
		c.closing = true
	}
	c.queue = append(c.queue, f)
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// abort hangs up without a close frame, as a network failure would.
func (c *gatewayConn) abort() {
	c.mu.Lock()
	c.closing = true
	c.mu.Unlock()
	c.once.Do(func() { close(c.done) })
	_ = c.ws.Close()
}

func (s *Server) writeLoop(c *gatewayConn) {
	defer s.wg.Done()
	for {
		select {
		case <-c.wake:
		case <-c.done:
			return
		}
		c.mu.Lock()
		batch := c.queue
		c.queue = nil
		c.mu.Unlock()
		for _, f := range batch {
			deadline := time.Now().Add(10 * time.Second)
			if f.closeCode != 0 {
				_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(f.closeCode, f.reason), deadline)
				c.abort()
				return
			}
			_ = c.ws.SetWriteDeadline(deadline)
			if err := c.ws.WriteMessage(websocket.TextMessage, f.data); err != nil {
				s.log.Debug("gateway write failed", "err", err)
				c.abort()
				return
			}
		}
	}
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if enc := q.Get("encoding"); enc != "" && enc != "json" {
		http.Error(w, "fakediscord: only encoding=json is supported, not "+enc, http.StatusBadRequest)
		return
	}
	if comp := q.Get("compress"); comp != "" {
		http.Error(w, "fakediscord: transport compression ("+comp+") is not supported", http.StatusBadRequest)
		return
	}
	if v := q.Get("v"); v != "" && v != "9" && v != "10" {
		http.Error(w, "fakediscord: gateway version "+v+" is not supported (9 or 10)", http.StatusBadRequest)
		return
	}
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		s.log.Debug("gateway upgrade failed", "err", err)
		return
	}
	c := newGatewayConn(ws)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	s.stats.Connections++
	s.wg.Add(2)
	c.enqueue(outFrame{data: frame(opHello, map[string]any{"heartbeat_interval": s.opts.HeartbeatInterval.Milliseconds()}, 0, "")})
	s.mu.Unlock()
	go s.writeLoop(c)
	go s.readLoop(c)
}

func frame(op int, d any, seq int64, event string) []byte {
	var f struct {
		Op int     `json:"op"`
		D  any     `json:"d"`
		S  *int64  `json:"s"`
		T  *string `json:"t"`
	}
	f.Op, f.D = op, d
	if op == opDispatch {
		f.S, f.T = &seq, &event
	}
	b, err := json.Marshal(f)
	if err != nil {
		// Payloads are built by the fake from maps of plain values; failing here is a bug.
		panic(fmt.Sprintf("fakediscord: encode gateway frame %s: %v", event, err))
	}
	return b
}

func (s *Server) readLoop(c *gatewayConn) {
	defer s.wg.Done()
	for {
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			s.connGone(c, err)
			return
		}
		s.handleFrame(c, data)
	}
}

// connGone detaches a dead connection from its session. A normal close by the client ends the
// session; anything else leaves it resumable.
func (s *Server) connGone(c *gatewayConn, err error) {
	s.mu.Lock()
	delete(s.conns, c)
	if sess := c.session; sess != nil && sess.conn == c {
		sess.conn = nil
		var ce *websocket.CloseError
		if errors.As(err, &ce) && !resumableClose(ce.Code) {
			sess.invalid = true
		}
	}
	var ce *websocket.CloseError
	if errors.As(err, &ce) && (ce.Code == websocket.CloseNormalClosure || ce.Code == websocket.CloseGoingAway) {
		s.stats.NormalCloses++
	}
	s.notifyLocked()
	s.mu.Unlock()
	c.abort()
}

// clientFrame is a payload from the client.
type clientFrame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
}

// parseClientFrame decodes a gateway payload from a client.
func parseClientFrame(data []byte) (clientFrame, error) {
	var f clientFrame
	if err := json.Unmarshal(data, &f); err != nil {
		return clientFrame{}, fmt.Errorf("decode gateway payload: %w", err)
	}
	if f.Op < 0 || f.Op > 50 {
		return clientFrame{}, fmt.Errorf("decode gateway payload: opcode %d out of range", f.Op)
	}
	return f, nil
}

func (s *Server) handleFrame(c *gatewayConn, data []byte) {
	f, err := parseClientFrame(data)
	if err != nil {
		s.log.Warn("client sent an undecodable payload", "err", err)
		s.closeConn(c, CloseDecodeError, "Error while decoding payload.")
		return
	}
	switch f.Op {
	case opHeartbeat:
		s.mu.Lock()
		s.stats.Heartbeats++
		hold := s.holdAcks
		s.notifyLocked()
		s.mu.Unlock()
		if !hold {
			c.enqueue(outFrame{data: frame(opHeartbeatAck, nil, 0, "")})
		}
	case opIdentify:
		s.identify(c, f.D)
	case opResume:
		s.resume(c, f.D)
	case opPresenceUpdate, opVoiceState, opRequestMembers:
		s.mu.Lock()
		identified := c.session != nil
		s.mu.Unlock()
		if !identified {
			s.closeConn(c, CloseNotAuthenticated, "Not authenticated.")
		}
	default:
		s.log.Warn("client sent an unknown opcode", "op", f.Op)
		s.closeConn(c, CloseUnknownOpcode, "Unknown opcode.")
	}
}

func (s *Server) closeConn(c *gatewayConn, code int, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeConnLocked(c, code, reason)
}

func (s *Server) closeConnLocked(c *gatewayConn, code int, reason string) {
	if sess := c.session; sess != nil && sess.conn == c {
		sess.conn = nil
		if !resumableClose(code) {
			sess.invalid = true
		}
	}
	c.enqueue(outFrame{closeCode: code, reason: reason})
	s.notifyLocked()
}

func (s *Server) tokenOK(token string) bool {
	return s.opts.Token == "" || strings.TrimPrefix(token, "Bot ") == s.opts.Token
}

func (s *Server) identify(c *gatewayConn, raw json.RawMessage) {
	var id struct {
		Token   string  `json:"token"`
		Intents *int    `json:"intents"`
		Shard   *[2]int `json:"shard"`
	}
	if err := json.Unmarshal(raw, &id); err != nil {
		s.closeConn(c, CloseDecodeError, "Error while decoding payload.")
		return
	}
	var identity map[string]any
	_ = json.Unmarshal(raw, &identity)
	delete(identity, "token")

	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case c.session != nil:
		s.closeConnLocked(c, CloseAlreadyAuthenticated, "Already authenticated.")
		return
	case !s.tokenOK(id.Token):
		s.closeConnLocked(c, CloseAuthenticationFailed, "Authentication failed.")
		return
	case id.Intents == nil:
		s.closeConnLocked(c, CloseInvalidIntents, "Invalid intent(s).")
		return
	case s.opts.NoMessageContent && *id.Intents&intentMessageContent != 0:
		s.closeConnLocked(c, CloseDisallowedIntents, "Disallowed intent(s).")
		return
	case id.Shard != nil && (id.Shard[1] < 1 || id.Shard[0] < 0 || id.Shard[0] >= id.Shard[1]):
		s.closeConnLocked(c, CloseInvalidShard, "Invalid shard.")
		return
	case s.opts.DenyMessageContent && *id.Intents&intentMessageContent != 0:
		s.closeConnLocked(c, CloseDisallowedIntents, "Disallowed intent(s).")
		return
	}
	s.nextSession++
	sess := &gatewaySession{
		id:       fmt.Sprintf("fake-session-%d", s.nextSession),
		intents:  *id.Intents,
		conn:     c,
		identity: identity,
	}
	if id.Shard != nil {
		sess.shard = *id.Shard
	}
	s.sessions[sess.id] = sess
	s.sessionOrder = append(s.sessionOrder, sess)
	c.session = sess
	s.stats.Identifies++

	var unavailable []any
	var mine []*guildState
	for _, g := range s.guilds {
		if sess.wantsGuild(g.guild.ID) {
			unavailable = append(unavailable, map[string]any{"id": g.guild.ID, "unavailable": true})
			mine = append(mine, g)
		}
	}
	if unavailable == nil {
		unavailable = []any{}
	}
	ready := map[string]any{
		"v":                  9,
		"user":               s.userJSON(userInfo{ID: s.opts.BotUserID, Username: s.opts.BotName, Bot: true}),
		"guilds":             unavailable,
		"session_id":         sess.id,
		"resume_gateway_url": s.GatewayURL(),
		"application":        map[string]any{"id": s.opts.ApplicationID, "flags": 0},
		"private_channels":   []any{},
	}
	if id.Shard != nil {
		ready["shard"] = []int{sess.shard[0], sess.shard[1]}
	}
	s.dispatchLocked(sess, "READY", ready)
	if sess.intents&intentGuilds != 0 {
		for _, g := range mine {
			s.dispatchLocked(sess, "GUILD_CREATE", s.guildCreatePayload(g))
		}
	}
	s.notifyLocked()
}

func (s *Server) resume(c *gatewayConn, raw json.RawMessage) {
	var r struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		s.closeConn(c, CloseDecodeError, "Error while decoding payload.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.session != nil {
		s.closeConnLocked(c, CloseAlreadyAuthenticated, "Already authenticated.")
		return
	}
	if !s.tokenOK(r.Token) {
		s.closeConnLocked(c, CloseAuthenticationFailed, "Authentication failed.")
		return
	}
	sess := s.sessions[r.SessionID]
	replayable := sess != nil && !sess.invalid && r.Seq <= sess.seq &&
		(len(sess.log) == 0 || r.Seq >= sess.log[0].seq-1)
	if !replayable {
		if sess != nil {
			sess.invalid = true
		}
		s.stats.RejectedResumes++
		c.enqueue(outFrame{data: frame(opInvalidSession, false, 0, "")})
		s.notifyLocked()
		return
	}
	if old := sess.conn; old != nil && old != c {
		old.session = nil
		old.enqueue(outFrame{closeCode: CloseUnknownError, reason: "Session resumed elsewhere."})
	}
	sess.conn = c
	c.session = sess
	for _, f := range sess.log {
		if f.seq > r.Seq {
			c.enqueue(outFrame{data: f.data})
		}
	}
	s.stats.Resumes++
	s.dispatchLocked(sess, "RESUMED", map[string]any{})
	s.notifyLocked()
}

// dispatchLocked numbers an event for the session, keeps it for Resume and sends it if the
// session is connected. The caller holds s.mu.
func (s *Server) dispatchLocked(sess *gatewaySession, event string, payload any) {
	sess.seq++
	data := frame(opDispatch, payload, sess.seq, event)
	sess.log = append(sess.log, sentFrame{seq: sess.seq, data: data})
	if over := len(sess.log) - replayLimit; over > 0 {
		sess.log = append([]sentFrame(nil), sess.log[over:]...)
	}
	if sess.conn != nil {
		sess.conn.enqueue(outFrame{data: data})
	}
}

// liveSessionsLocked lists sessions that still receive events: connected, or disconnected but
// resumable (their events wait for the Resume).
func (s *Server) liveSessionsLocked() []*gatewaySession {
	var out []*gatewaySession
	for _, sess := range s.sessionOrder {
		if !sess.invalid {
			out = append(out, sess)
		}
	}
	return out
}

// WaitIdentified waits until a client is connected with a session that has been sent READY
// (after Identify) or RESUMED (after Resume).
func (s *Server) WaitIdentified(ctx context.Context) error {
	return s.waitFor(ctx, "gateway session", func() bool {
		for _, sess := range s.sessionOrder {
			if !sess.invalid && sess.conn != nil {
				return true
			}
		}
		return false
	})
}

// WaitDisconnected waits until no session has a connection: every client has gone, or been
// sent away, as after a graceful shutdown.
func (s *Server) WaitDisconnected(ctx context.Context) error {
	return s.waitFor(ctx, "no gateway connection", func() bool {
		for _, sess := range s.sessionOrder {
			if sess.conn != nil {
				return false
			}
		}
		return true
	})
}

// WaitStats waits until the gateway counters satisfy cond.
func (s *Server) WaitStats(ctx context.Context, cond func(GatewayStats) bool) error {
	return s.waitFor(ctx, "gateway stats", func() bool { return cond(s.stats) })
}

// CloseGateway closes every gateway connection with the close code. After a resumable code
// (4000, 4001, 4002, 4003, 4005, 4008) the session lives on and the client may Resume; events
// dispatched meanwhile are replayed then. After any other code (4004, 4007, 4009-4014) a Resume
// gets Invalid Session and the client must Identify again.
func (s *Server) CloseGateway(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		s.closeConnLocked(c, code, fmt.Sprintf("closed by the test with %d", code))
	}
}

// RevokeToken makes the bot's token invalid, as resetting it in the developer portal does:
// every gateway connection is closed with 4004, and from then on REST calls get 401 and
// Identify or Resume get 4004 again. It needs Options.Token to be set.
func (s *Server) RevokeToken() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Token = "revoked-" + s.opts.Token
	for c := range s.conns {
		s.closeConnLocked(c, CloseAuthenticationFailed, "Authentication failed.")
	}
}

// DropGateway cuts every gateway connection without a close frame, as a network failure does.
// Sessions stay resumable.
func (s *Server) DropGateway() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if sess := c.session; sess != nil && sess.conn == c {
			sess.conn = nil
		}
		c.abort()
	}
	s.notifyLocked()
}

// RequestReconnect sends opcode 7 (Reconnect) on every connection; a client should hang up and
// Resume.
func (s *Server) RequestReconnect() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		c.enqueue(outFrame{data: frame(opReconnect, nil, 0, "")})
	}
}

// InvalidateSessions sends opcode 9 (Invalid Session, not resumable) on every identified
// connection and forgets the sessions; a client must Identify again on the same connection.
func (s *Server) InvalidateSessions() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if sess := c.session; sess != nil {
			sess.invalid = true
			sess.conn = nil
			c.session = nil
			c.enqueue(outFrame{data: frame(opInvalidSession, false, 0, "")})
		}
	}
	s.notifyLocked()
}

// HoldHeartbeatAcks stops (true) or resumes (false) answering heartbeats, to make the
// connection look like a zombie to the client.
func (s *Server) HoldHeartbeatAcks(hold bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.holdAcks = hold
}

// Identity is what a client declared when it identified.
type Identity struct {
	SessionID string
	Intents   int
	Shard     [2]int // {0, 0} when the client did not shard
	Raw       map[string]any
}

// Identities lists the sessions clients have identified, oldest first.
func (s *Server) Identities() []Identity {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Identity, 0, len(s.sessionOrder))
	for _, sess := range s.sessionOrder {
		out = append(out, Identity{SessionID: sess.id, Intents: sess.intents, Shard: sess.shard, Raw: sess.identity})
	}
	return out
}
