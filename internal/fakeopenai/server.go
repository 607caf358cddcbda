// Package fakeopenai is a loopback OpenAI-compatible server for tests and
// benchmarks. It speaks the wire format of /v1/chat/completions (plain and
// streamed), /v1/embeddings and /v1/models closely enough for the real
// go-openai client, and it can be scripted to fail in the ways real
// endpoints fail: error statuses with Retry-After, HTML bodies, invalid JSON,
// reset connections, streams cut off halfway, slow replies and malformed
// embeddings.
//
// It uses only the standard library and does not depend on *testing.T, so
// the bench command can start it too. Every wait in it returns as soon as the
// client goes away or the server is closed, so a test that gives up never
// leaves it hanging.
package fakeopenai

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultDimensions is the size of the default embedding vectors.
const DefaultDimensions = 64

// maxRequestBody bounds what the fake reads from a client.
const maxRequestBody = 32 << 20

// Message is one chat message as the fake received it.
type Message struct {
	Role    string
	Content string
}

// ChatRequest is what a chat completion request asked for; SetDefaultChat's
// function computes a reply from it.
type ChatRequest struct {
	Model    string
	Messages []Message
	Stream   bool
}

// Request records one request the fake received.
type Request struct {
	Method string
	Path   string
	Model  string
	// Inputs is the number of texts in an embeddings request.
	Inputs int
	// Stream is true for a streamed chat completion.
	Stream   bool
	Messages []Message
	// Authorization is the Authorization header as received ("" when absent).
	Authorization string
}

// ChatReply scripts one reply of /v1/chat/completions. The zero value is a
// successful, empty completion: Content is sent as it is, empty included.
type ChatReply struct {
	// Content is the completion text.
	Content string
	// FinishReason defaults to "stop".
	FinishReason string
	// Status, when not 0 or 200, makes the reply an error with a JSON error
	// body (unless Body is set).
	Status int
	// RetryAfter, when set, is sent as the Retry-After header.
	RetryAfter string
	// Body, when set, is sent raw instead of the normal reply: an HTML page,
	// invalid JSON, or a hand-written SSE stream.
	Body string
	// ContentType overrides the Content-Type header.
	ContentType string
	// Delay is waited before anything is written.
	Delay time.Duration
	// Reset drops the connection (TCP reset) instead of replying.
	Reset bool
	// CutAfter, for a streamed reply, stops after that many content chunks,
	// without a finish_reason or [DONE]. The connection is dropped mid-body,
	// unless CleanCut is set, in which case the body ends normally.
	CutAfter int
	CleanCut bool
	// StallAfter, for a streamed reply, stops after that many content
	// chunks and waits, sending nothing more, until the client goes away: a
	// model that hangs mid-answer.
	StallAfter int
	// CutBodyAfter, for a plain reply, drops the connection after the
	// headers and that many bytes of the JSON body.
	CutBodyAfter int
	// ChunkSize is the number of bytes of content per streamed chunk
	// (default 16; chunks never split a UTF-8 character).
	ChunkSize int
}

// EmbedReply scripts one reply of /v1/embeddings. The zero value is a
// normal reply with the default vectors.
type EmbedReply struct {
	Status      int
	RetryAfter  string
	Body        string
	ContentType string
	Delay       time.Duration
	Reset       bool
	// Dimensions, when set, gives this reply's vectors that size (a wrong
	// dimension, for tests).
	Dimensions int
	// DropOne leaves out the last vector (a wrong count).
	DropOne bool
	// Reverse sends the vectors in reverse order, with correct index
	// fields, as a server is allowed to.
	Reverse bool
	// Vectors, when set, are sent instead of the computed ones, whatever
	// their number or size.
	Vectors [][]float32
	// CutBodyAfter drops the connection after the headers and that many
	// bytes of the JSON body.
	CutBodyAfter int
}

// Server is a running fake. Its methods are safe for concurrent use.
type Server struct {
	srv       *httptest.Server
	done      chan struct{}
	closeOnce sync.Once

	mu          sync.Mutex
	chatQueue   []ChatReply
	embedQueue  []EmbedReply
	defaultChat func(ChatRequest) string
	latency     time.Duration
	chunkDelay  time.Duration
	dimensions  int
	apiKey      string
	requests    []Request
	nextID      int
}

// New starts a fake on a loopback port. Close it when done.
func New() *Server {
	s := &Server{done: make(chan struct{}), dimensions: DefaultDimensions}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", s.handleChat)
	mux.HandleFunc("POST /v1/embeddings", s.handleEmbeddings)
	mux.HandleFunc("GET /v1/models", s.handleModels)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no route for "+r.Method+" "+r.URL.Path, "invalid_request_error")
	})
	s.srv = httptest.NewServer(mux)
	return s
}

// URL is the base URL including "/v1", as OPENAI_BASE_URL expects it.
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// Close stops the server. Replies that are waiting are abandoned.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		s.srv.CloseClientConnections()
		s.srv.Close()
	})
}

// QueueChat adds scripted chat replies; they are used in order, one per
// request, and when none is left the default reply is used.
func (s *Server) QueueChat(replies ...ChatReply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chatQueue = append(s.chatQueue, replies...)
}

// QueueEmbeddings adds scripted embeddings replies, used like QueueChat's.
func (s *Server) QueueEmbeddings(replies ...EmbedReply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.embedQueue = append(s.embedQueue, replies...)
}

// Pending reports how many scripted replies have not been used yet.
func (s *Server) Pending() (chat, embeddings int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.chatQueue), len(s.embedQueue)
}

// SetDefaultChat sets how the reply is computed when no scripted reply is
// queued. Without it the fake answers "Reply to: " and the last user message.
func (s *Server) SetDefaultChat(reply func(ChatRequest) string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.defaultChat = reply
}

// SetLatency adds d to every request, before the reply (scripted or not).
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// SetChunkDelay makes a streamed reply wait d before each content chunk
// after the first, as a model writing at a reader's pace does.
func (s *Server) SetChunkDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chunkDelay = d
}

// SetDimensions sets the size of the default embedding vectors.
func (s *Server) SetDimensions(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dimensions = n
}

// RequireAPIKey makes every endpoint answer 401 unless the request carries
// "Authorization: Bearer key". Like some real servers, the 401 message
// repeats the key it was given, so tests can check that clients keep it out
// of their errors.
func (s *Server) RequireAPIKey(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.apiKey = key
}

// Requests returns a copy of the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Count returns how many requests were made to path (for example
// "/v1/embeddings").
func (s *Server) Count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if r.Path == path {
			n++
		}
	}
	return n
}

// admit records the request, applies the latency and the API key check,
// and reports whether the handler should go on.
func (s *Server) admit(w http.ResponseWriter, r *http.Request, rec Request) bool {
	rec.Method = r.Method
	rec.Path = r.URL.Path
	rec.Authorization = r.Header.Get("Authorization")
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	latency, key := s.latency, s.apiKey
	s.mu.Unlock()

	if !s.wait(r.Context(), latency) {
		return false
	}
	if key != "" && rec.Authorization != "Bearer "+key {
		given := strings.TrimPrefix(rec.Authorization, "Bearer ")
		writeError(w, http.StatusUnauthorized, "Incorrect API key provided: "+given, "invalid_request_error")
		return false
	}
	return true
}

// wait sleeps for d unless the client goes away or the server closes first;
// it reports whether the whole time passed.
func (s *Server) wait(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-s.done:
		return false
	}
}

func (s *Server) id(prefix string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	return prefix + "-fake-" + strconv.Itoa(s.nextID)
}

func (s *Server) handleModels(w http.ResponseWriter, r *http.Request) {
	if !s.admit(w, r, Request{}) {
		return
	}
	type model struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}
	created := time.Now().Unix()
	writeJSON(w, http.StatusOK, map[string]any{
		"object": "list",
		"data": []model{
			{ID: "fake-chat", Object: "model", Created: created, OwnedBy: "fakeopenai"},
			{ID: "fake-embed", Object: "model", Created: created, OwnedBy: "fakeopenai"},
		},
	})
}

// scripted writes the parts of a scripted reply that chat and embeddings
// share: the delay, a dropped connection, an error status or a raw body. It
// reports whether the reply is complete.
func (s *Server) scripted(w http.ResponseWriter, r *http.Request, delay time.Duration, reset bool,
	status int, retryAfter, body, contentType string) bool {
	if !s.wait(r.Context(), delay) {
		return true
	}
	if reset {
		dropConnection(w)
		return true
	}
	if retryAfter != "" {
		w.Header().Set("Retry-After", retryAfter)
	}
	if status == 0 {
		status = http.StatusOK
	}
	if body != "" {
		if contentType == "" {
			contentType = "application/json"
		}
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
		return true
	}
	if status != http.StatusOK {
		kind := "server_error"
		if status < 500 {
			kind = "invalid_request_error"
		}
		writeError(w, status, "fake "+strconv.Itoa(status)+" "+http.StatusText(status), kind)
		return true
	}
	return false
}

// dropConnection closes the client's connection with a TCP reset, the way a
// crashed proxy or a killed server would.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// Without a hijackable connection, aborting the handler is the
		// closest thing: net/http then closes the connection mid-reply.
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	writeJSONCut(w, status, v, 0)
}

// writeJSONCut writes v, or when cut > 0 only its first cut bytes before
// dropping the connection, the way a proxy that dies mid-reply does.
func writeJSONCut(w http.ResponseWriter, status int, v any, cut int) {
	b, err := json.Marshal(v)
	if err != nil {
		// Only a scripted reply can do this, with NaN in Vectors.
		b, _ = json.Marshal(map[string]any{"error": map[string]any{
			"message": "fakeopenai cannot encode the scripted reply: " + err.Error(), "type": "server_error"}})
		status, cut = http.StatusInternalServerError, 0
	}
	b = append(b, '\n')
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	if cut <= 0 || cut >= len(b) {
		_, _ = w.Write(b)
		return
	}
	_, _ = w.Write(b[:cut])
	_ = http.NewResponseController(w).Flush()
	dropConnection(w)
}

func writeError(w http.ResponseWriter, status int, message, kind string) {
	writeJSON(w, status, map[string]any{
		"error": map[string]any{"message": message, "type": kind, "param": nil, "code": nil},
	})
}

func decodeBody(r *http.Request, v any) error {
	return json.NewDecoder(io.LimitReader(r.Body, maxRequestBody)).Decode(v)
}
