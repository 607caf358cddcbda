package fakediscord

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxRequestBody bounds what the fake reads of a request; Discord's own limit for uploads is
// far above anything a test sends.
const maxRequestBody = 64 << 20

// Call is one REST request the fake received, with the answer it gave.
type Call struct {
	Method         string
	Path           string // as requested, e.g. "/api/v9/channels/1/messages"
	Route          string // Path without the "/api/vN" prefix, e.g. "/channels/1/messages"
	Query          url.Values
	Body           []byte
	Header         http.Header
	At             time.Time
	Status         int         // the status the fake answered with
	Response       []byte      // the body the fake answered with
	ResponseHeader http.Header // the headers the fake answered with
}

// JSON decodes the request's JSON payload into v; for a multipart upload, the payload_json part.
func (c Call) JSON(v any) error {
	payload, _, err := decodePayload(c.Header.Get("Content-Type"), c.Body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", c.Method, c.Route, err)
	}
	if len(payload) == 0 {
		return fmt.Errorf("%s %s: empty body", c.Method, c.Route)
	}
	if err := json.Unmarshal(payload, v); err != nil {
		return fmt.Errorf("%s %s: decode body: %w", c.Method, c.Route, err)
	}
	return nil
}

// Message decodes the request as a message payload (create or edit).
func (c Call) Message() (MessageBody, error) {
	var b MessageBody
	err := c.JSON(&b)
	return b, err
}

// InteractionCallback is a decoded POST /interactions/{id}/{token}/callback body.
type InteractionCallback struct {
	Type int
	Data MessageBody
	// Choices are the autocomplete results (type 8).
	Choices []Choice
	// CustomID and Title describe a modal (type 9).
	CustomID string
	Title    string
}

// Choice is one autocomplete suggestion.
type Choice struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

// Callback decodes the request as an interaction callback.
func (c Call) Callback() (InteractionCallback, error) {
	var raw struct {
		Type int `json:"type"`
		Data *struct {
			MessageBody
			Choices  []Choice `json:"choices"`
			CustomID string   `json:"custom_id"`
			Title    string   `json:"title"`
		} `json:"data"`
	}
	if err := c.JSON(&raw); err != nil {
		return InteractionCallback{}, err
	}
	out := InteractionCallback{Type: raw.Type}
	if raw.Data != nil {
		out.Data = raw.Data.MessageBody
		out.Choices = raw.Data.Choices
		out.CustomID = raw.Data.CustomID
		out.Title = raw.Data.Title
	}
	return out, nil
}

// APIError decodes the fake's error answer; ok is false for a success.
func (c Call) APIError() (code int, message string, ok bool) {
	if c.Status < 400 {
		return 0, "", false
	}
	var e struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	_ = json.Unmarshal(c.Response, &e)
	return e.Code, e.Message, true
}

// Failure is an answer the fake gives instead of the normal one.
type Failure struct {
	Status int
	// Body replaces the generated JSON body.
	Body string
	// RetryAfter, in seconds, for a 429: it goes into the JSON body's retry_after (what
	// discordgo sleeps on) and into the Retry-After and X-RateLimit-Reset-After headers.
	RetryAfter float64
	// Global marks a 429 as the global rate limit (X-RateLimit-Global, "global": true).
	Global bool
	// Times is how many matching calls fail; 0 means once.
	Times int
}

// RateLimited is a 429 for a route's bucket, as Discord sends it.
func RateLimited(retryAfter float64) Failure {
	return Failure{Status: http.StatusTooManyRequests, RetryAfter: retryAfter}
}

// MissingPermissions is Discord's 403 for an action the bot lacks a permission for.
func MissingPermissions() Failure {
	return Failure{Status: http.StatusForbidden, Body: `{"message": "Missing Permissions", "code": 50013}`}
}

// MissingAccess is Discord's 403 for a channel the bot cannot see.
func MissingAccess() Failure {
	return Failure{Status: http.StatusForbidden, Body: `{"message": "Missing Access", "code": 50001}`}
}

type failureRule struct {
	method string
	prefix string
	f      Failure
	left   int
}

// FailNext makes the next f.Times calls whose method matches (empty matches any) and whose
// path starts with pathPrefix fail with f. The prefix may include the "/api/v9" part or not.
// Rules queue: a call consumes the first rule that matches it.
func (s *Server) FailNext(method, pathPrefix string, f Failure) {
	times := f.Times
	if times <= 0 {
		times = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, &failureRule{method: strings.ToUpper(method), prefix: pathPrefix, f: f, left: times})
}

func (s *Server) takeFailureLocked(method, path, route string) *Failure {
	for i, r := range s.failures {
		if r.method != "" && r.method != method {
			continue
		}
		target := route
		if strings.HasPrefix(r.prefix, "/api/") {
			target = path
		}
		if !strings.HasPrefix(target, r.prefix) {
			continue
		}
		r.left--
		if r.left == 0 {
			s.failures = append(s.failures[:i], s.failures[i+1:]...)
		}
		f := r.f
		return &f
	}
	return nil
}

func writeFailure(w http.ResponseWriter, f Failure, route string) {
	status := f.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	body := f.Body
	if status == http.StatusTooManyRequests {
		after := strconv.FormatFloat(f.RetryAfter, 'f', 3, 64)
		h.Set("Retry-After", strconv.Itoa(int(math.Ceil(f.RetryAfter))))
		h.Set("X-RateLimit-Limit", "1")
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Reset-After", after)
		reset := float64(time.Now().UnixMilli())/1000 + f.RetryAfter
		h.Set("X-RateLimit-Reset", strconv.FormatFloat(reset, 'f', 3, 64))
		h.Set("X-RateLimit-Bucket", "fake-"+strconv.FormatUint(uint64(len(route)), 16))
		scope := "user"
		if f.Global {
			h.Set("X-RateLimit-Global", "true")
			scope = "global"
		}
		h.Set("X-RateLimit-Scope", scope)
		if body == "" {
			body = string(mustJSON(map[string]any{
				"message": "You are being rate limited.", "retry_after": f.RetryAfter, "global": f.Global, "code": 0,
			}))
		}
	}
	if body == "" {
		body = string(mustJSON(map[string]any{"message": fmt.Sprintf("%d: %s", status, http.StatusText(status)), "code": 0}))
	}
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// SetRESTDelay makes every REST answer wait d first, as a distant or congested Discord would.
// A client that gives up meanwhile gets nothing and nothing is recorded.
func (s *Server) SetRESTDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.restDelay = d
}

// Calls returns every REST call so far, in order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// WaitCall returns the first call, made already or yet to come, for which match is true.
func (s *Server) WaitCall(ctx context.Context, match func(Call) bool) (Call, error) {
	var found Call
	err := s.waitFor(ctx, "REST call", func() bool {
		for _, c := range s.calls {
			if match(c) {
				found = c
				return true
			}
		}
		return false
	})
	return found, err
}

// InteractionResponses returns the calls made with an interaction's token, in order: the
// callback and every webhook call (edits of @original, follow-ups).
func (s *Server) InteractionResponses(token string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if strings.Contains(c.Route+"/", "/"+token+"/") {
			out = append(out, c)
		}
	}
	return out
}

// bufferedResponse holds an answer until the call is recorded, so that a client never sees an
// answer the fake has not yet recorded.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header { return b.header }
func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}
func (b *bufferedResponse) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

// splitAPIPath strips "/api/v9" or "/api/v10" from an escaped path.
func splitAPIPath(escaped string) (route string, ok bool) {
	for _, v := range []string{"/api/v9/", "/api/v10/"} {
		if strings.HasPrefix(escaped, v) {
			return escaped[len(v)-1:], true
		}
	}
	return "", false
}

func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBody))
	if err != nil {
		http.Error(w, "fakediscord: read body: "+err.Error(), http.StatusBadRequest)
		return
	}
	escapedRoute, isAPI := splitAPIPath(r.URL.EscapedPath())
	route, uerr := url.PathUnescape(escapedRoute)
	if uerr != nil {
		route = escapedRoute
	}
	call := Call{
		Method: r.Method, Path: r.URL.Path, Route: route, Query: r.URL.Query(),
		Body: body, Header: r.Header.Clone(), At: time.Now(),
	}
	rec := &bufferedResponse{header: http.Header{}}

	s.mu.Lock()
	failure := s.takeFailureLocked(r.Method, r.URL.Path, route)
	delay := s.restDelay
	s.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}

	switch {
	case failure != nil:
		writeFailure(rec, *failure, route)
	case !isAPI:
		writeAPIError(rec, &apiError{Status: 404, Code: 0, Message: "404: Not Found"})
	case !s.authorized(r, route):
		writeAPIError(rec, &apiError{Status: 401, Code: 0, Message: "401: Unauthorized"})
	default:
		inner := r.Clone(r.Context())
		inner.URL.Path = route
		inner.URL.RawPath = escapedRoute
		inner.Body = io.NopCloser(bytes.NewReader(body))
		s.rest.ServeHTTP(rec, inner)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		// ServeMux answers unknown routes in plain text; Discord answers in JSON.
		if (rec.status == 404 || rec.status == 405) && !strings.HasPrefix(rec.header.Get("Content-Type"), "application/json") {
			rec = &bufferedResponse{header: http.Header{}}
			writeAPIError(rec, &apiError{Status: 404, Code: 0, Message: "404: Not Found"})
		}
	}
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	call.Status = rec.status
	call.Response = append([]byte(nil), rec.body.Bytes()...)
	call.ResponseHeader = rec.header.Clone()

	s.mu.Lock()
	s.calls = append(s.calls, call)
	s.notifyLocked()
	s.mu.Unlock()

	for k, v := range rec.header {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.status)
	_, _ = w.Write(rec.body.Bytes())
}

// authorized checks the bot token where Discord requires one. Interaction callbacks and
// interaction webhooks authenticate by the token in their URL, and /gateway is public.
func (s *Server) authorized(r *http.Request, route string) bool {
	s.mu.Lock()
	token := s.opts.Token // RevokeToken changes it
	s.mu.Unlock()
	if token == "" || route == "/gateway" ||
		strings.HasPrefix(route, "/interactions/") || strings.HasPrefix(route, "/webhooks/") {
		return true
	}
	return r.Header.Get("Authorization") == "Bot "+token
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(mustJSON(v))
}

func writeAPIError(w http.ResponseWriter, e *apiError) {
	writeJSON(w, e.Status, e.body())
}

func noContent(w http.ResponseWriter) { w.WriteHeader(http.StatusNoContent) }

// Discord's error answers that several routes share.
var (
	errUnknownChannel     = &apiError{Status: 404, Code: 10003, Message: "Unknown Channel"}
	errUnknownGuild       = &apiError{Status: 404, Code: 10004, Message: "Unknown Guild"}
	errUnknownMember      = &apiError{Status: 404, Code: 10007, Message: "Unknown Member"}
	errUnknownMessage     = &apiError{Status: 404, Code: 10008, Message: "Unknown Message"}
	errUnknownUser        = &apiError{Status: 404, Code: 10013, Message: "Unknown User"}
	errUnknownWebhook     = &apiError{Status: 404, Code: 10015, Message: "Unknown Webhook"}
	errUnknownApplication = &apiError{Status: 404, Code: 10002, Message: "Unknown Application"}
	errUnknownCommand     = &apiError{Status: 404, Code: 10063, Message: "Unknown application command"}
	errUnknownInteraction = &apiError{Status: 404, Code: 10062, Message: "Unknown interaction"}
	errAlreadyAcked       = &apiError{Status: 400, Code: 40060, Message: "Interaction has already been acknowledged."}
	errNotAuthor          = &apiError{Status: 403, Code: 50005, Message: "Cannot edit a message authored by another user"}
	errWrongChannelType   = &apiError{Status: 400, Code: 50024, Message: "Cannot execute action on this channel type"}
	errThreadExists       = &apiError{Status: 400, Code: 160004, Message: "A thread has already been created for this message"}
)

func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /gateway", s.handleGateway)
	mux.HandleFunc("GET /gateway/bot", s.handleGateway)
	mux.HandleFunc("GET /users/@me", s.handleMe)
	mux.HandleFunc("GET /users/{uid}", s.handleUser)
	mux.HandleFunc("GET /applications/@me", s.handleApplication)
	mux.HandleFunc("GET /oauth2/applications/@me", s.handleApplication)

	mux.HandleFunc("GET /applications/{app}/commands", s.handleListCommands)
	mux.HandleFunc("PUT /applications/{app}/commands", s.handleOverwriteCommands)
	mux.HandleFunc("POST /applications/{app}/commands", s.handleCreateCommand)
	mux.HandleFunc("GET /applications/{app}/commands/{cmd}", s.handleGetCommand)
	mux.HandleFunc("DELETE /applications/{app}/commands/{cmd}", s.handleDeleteCommand)
	mux.HandleFunc("GET /applications/{app}/guilds/{guild}/commands", s.handleListCommands)
	mux.HandleFunc("PUT /applications/{app}/guilds/{guild}/commands", s.handleOverwriteCommands)
	mux.HandleFunc("POST /applications/{app}/guilds/{guild}/commands", s.handleCreateCommand)
	mux.HandleFunc("GET /applications/{app}/guilds/{guild}/commands/{cmd}", s.handleGetCommand)
	mux.HandleFunc("DELETE /applications/{app}/guilds/{guild}/commands/{cmd}", s.handleDeleteCommand)

	mux.HandleFunc("POST /interactions/{iid}/{token}/callback", s.handleCallback)
	mux.HandleFunc("POST /webhooks/{app}/{token}", s.handleFollowup)
	mux.HandleFunc("GET /webhooks/{app}/{token}/messages/{mid}", s.handleWebhookMessage)
	mux.HandleFunc("PATCH /webhooks/{app}/{token}/messages/{mid}", s.handleWebhookMessage)
	mux.HandleFunc("DELETE /webhooks/{app}/{token}/messages/{mid}", s.handleWebhookMessage)

	mux.HandleFunc("GET /channels/{cid}", s.handleGetChannel)
	mux.HandleFunc("GET /channels/{cid}/messages", s.handleListMessages)
	mux.HandleFunc("POST /channels/{cid}/messages", s.handleCreateMessage)
	mux.HandleFunc("GET /channels/{cid}/messages/{mid}", s.handleGetMessage)
	mux.HandleFunc("PATCH /channels/{cid}/messages/{mid}", s.handleEditMessage)
	mux.HandleFunc("DELETE /channels/{cid}/messages/{mid}", s.handleDeleteMessage)
	mux.HandleFunc("POST /channels/{cid}/typing", s.handleTyping)
	mux.HandleFunc("POST /channels/{cid}/messages/{mid}/threads", s.handleMessageThread)
	mux.HandleFunc("POST /channels/{cid}/threads", s.handleThread)
	mux.HandleFunc("PUT /channels/{cid}/messages/{mid}/reactions/{emoji}/@me", s.handleReaction)
	mux.HandleFunc("DELETE /channels/{cid}/messages/{mid}/reactions/{emoji}/@me", s.handleReaction)

	mux.HandleFunc("GET /guilds/{gid}", s.handleGetGuild)
	mux.HandleFunc("GET /guilds/{gid}/roles", s.handleGuildRoles)
	mux.HandleFunc("GET /guilds/{gid}/channels", s.handleGuildChannels)
	mux.HandleFunc("GET /guilds/{gid}/members/{uid}", s.handleGuildMember)
	return mux
}

func (s *Server) handleGateway(w http.ResponseWriter, r *http.Request) {
	out := map[string]any{"url": s.GatewayURL()}
	if strings.HasSuffix(r.URL.Path, "/bot") {
		out["shards"] = 1
		out["session_start_limit"] = map[string]any{"total": 1000, "remaining": 999, "reset_after": 86400000, "max_concurrency": 1}
	}
	writeJSON(w, 200, out)
}

func (s *Server) handleMe(w http.ResponseWriter, r *http.Request) {
	u := s.userJSON(userInfo{ID: s.opts.BotUserID, Username: s.opts.BotName, Bot: true})
	u["verified"] = true
	u["mfa_enabled"] = false
	u["flags"] = 0
	writeJSON(w, 200, u)
}

func (s *Server) handleUser(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	uid := r.PathValue("uid")
	if uid == s.opts.BotUserID {
		writeJSON(w, 200, s.userJSON(s.lookupUserLocked("", uid)))
		return
	}
	for _, g := range s.guilds {
		if g.members[uid] != nil {
			writeJSON(w, 200, s.userJSON(s.lookupUserLocked(g.guild.ID, uid)))
			return
		}
	}
	writeAPIError(w, errUnknownUser)
}

func (s *Server) handleApplication(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, 200, map[string]any{
		"id": s.opts.ApplicationID, "name": s.opts.BotName, "description": "", "bot_public": true,
		"bot_require_code_grant": false, "flags": 0,
		"bot": s.userJSON(userInfo{ID: s.opts.BotUserID, Username: s.opts.BotName, Bot: true}),
	})
}

func (s *Server) handleGetGuild(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.guildByID[r.PathValue("gid")]
	if g == nil {
		writeAPIError(w, errUnknownGuild)
		return
	}
	writeJSON(w, 200, s.guildJSONLocked(g))
}

func (s *Server) handleGuildRoles(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.guildByID[r.PathValue("gid")]
	if g == nil {
		writeAPIError(w, errUnknownGuild)
		return
	}
	writeJSON(w, 200, s.rolesJSON(g))
}

func (s *Server) handleGuildChannels(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.guildByID[r.PathValue("gid")]
	if g == nil {
		writeAPIError(w, errUnknownGuild)
		return
	}
	writeJSON(w, 200, s.guildCreatePayload(g)["channels"])
}

func (s *Server) handleGuildMember(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	gid, uid := r.PathValue("gid"), r.PathValue("uid")
	g := s.guildByID[gid]
	if g == nil {
		writeAPIError(w, errUnknownGuild)
		return
	}
	if g.members[uid] == nil {
		writeAPIError(w, errUnknownMember)
		return
	}
	writeJSON(w, 200, s.memberJSONLocked(gid, uid, true))
}
