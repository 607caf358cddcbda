package fakeopenai

import (
	"context"
	"errors"
	"io"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	goopenai "github.com/sashabaranov/go-openai"
)

func newClient(t *testing.T, s *Server, key string) *goopenai.Client {
	t.Helper()
	cfg := goopenai.DefaultConfig(key)
	cfg.BaseURL = s.URL()
	return goopenai.NewClientWithConfig(cfg)
}

func startServer(t *testing.T) *Server {
	t.Helper()
	s := New()
	t.Cleanup(s.Close)
	return s
}

func chatRequest(question string) goopenai.ChatCompletionRequest {
	return goopenai.ChatCompletionRequest{
		Model: "fake-chat",
		Messages: []goopenai.ChatCompletionMessage{
			{Role: "system", Content: "Answer briefly."},
			{Role: "user", Content: question},
		},
	}
}

func TestChatDefaultAndQueued(t *testing.T) {
	s := startServer(t)
	c := newClient(t, s, "sk-test")
	ctx := context.Background()

	s.QueueChat(ChatReply{Content: "first"}, ChatReply{Content: "second", FinishReason: "length"})
	want := []struct{ content, finish string }{
		{"first", "stop"},
		{"second", "length"},
		{"Reply to: who?", "stop"},
	}
	for i, w := range want {
		resp, err := c.CreateChatCompletion(ctx, chatRequest("who?"))
		if err != nil {
			t.Fatalf("reply %d: %v", i, err)
		}
		if len(resp.Choices) != 1 {
			t.Fatalf("reply %d: %d choices", i, len(resp.Choices))
		}
		got := resp.Choices[0]
		if got.Message.Content != w.content || string(got.FinishReason) != w.finish || got.Message.Role != "assistant" {
			t.Errorf("reply %d = %q/%q/%q, want %q/%q", i, got.Message.Role, got.Message.Content, got.FinishReason, w.content, w.finish)
		}
	}

	s.SetDefaultChat(func(r ChatRequest) string { return strings.ToUpper(r.Messages[1].Content) })
	resp, err := c.CreateChatCompletion(ctx, chatRequest("echo me"))
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Choices[0].Message.Content; got != "ECHO ME" {
		t.Errorf("default chat = %q", got)
	}

	reqs := s.Requests()
	if len(reqs) != 4 {
		t.Fatalf("recorded %d requests, want 4", len(reqs))
	}
	r := reqs[0]
	if r.Path != "/v1/chat/completions" || r.Model != "fake-chat" || r.Stream || r.Authorization != "Bearer sk-test" {
		t.Errorf("recorded %+v", r)
	}
	if len(r.Messages) != 2 || r.Messages[0] != (Message{"system", "Answer briefly."}) {
		t.Errorf("recorded messages %+v", r.Messages)
	}
	if chat, embed := s.Pending(); chat != 0 || embed != 0 {
		t.Errorf("pending = %d, %d", chat, embed)
	}
}

// readStream collects a streamed completion the way a client would, and
// returns the text, the last finish reason and the error that ended it.
func readStream(t *testing.T, c *goopenai.Client, ctx context.Context) (string, string, error) {
	t.Helper()
	stream, err := c.CreateChatCompletionStream(ctx, chatRequest("stream please"))
	if err != nil {
		return "", "", err
	}
	defer stream.Close()
	var text strings.Builder
	finish := ""
	for {
		chunk, err := stream.Recv()
		if err != nil {
			return text.String(), finish, err
		}
		for _, ch := range chunk.Choices {
			text.WriteString(ch.Delta.Content)
			if ch.FinishReason != "" {
				finish = string(ch.FinishReason)
			}
		}
	}
}

func TestChatStream(t *testing.T) {
	content := "Starmer told Zelenskyy — “no talks about Ukraine, without Ukraine” [1]."
	tests := []struct {
		name       string
		reply      ChatReply
		wantText   string
		wantFinish string
		wantEOF    bool
	}{
		{"complete", ChatReply{Content: content, ChunkSize: 5}, content, "stop", true},
		{"one chunk", ChatReply{Content: content, ChunkSize: 1000}, content, "stop", true},
		{"empty", ChatReply{}, "", "stop", true},
		{"cut", ChatReply{Content: content, ChunkSize: 10, CutAfter: 3}, content[:30], "", false},
		{"clean cut", ChatReply{Content: content, ChunkSize: 10, CutAfter: 3, CleanCut: true}, content[:30], "", true},
	}
	// content[:30] is exactly three 10-byte chunks only if no character
	// straddles a boundary.
	if !utf8.ValidString(content[:30]) {
		t.Fatal("test content straddles a chunk boundary")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startServer(t)
			s.QueueChat(tt.reply)
			text, finish, err := readStream(t, newClient(t, s, ""), context.Background())
			if text != tt.wantText || finish != tt.wantFinish {
				t.Errorf("got %q (finish %q), want %q (finish %q)", text, finish, tt.wantText, tt.wantFinish)
			}
			if gotEOF := errors.Is(err, io.EOF); gotEOF != tt.wantEOF {
				t.Errorf("stream ended with %v, want EOF=%v", err, tt.wantEOF)
			}
			if reqs := s.Requests(); len(reqs) != 1 || !reqs[0].Stream {
				t.Errorf("recorded %+v", reqs)
			}
		})
	}
}

func TestChatStreamStall(t *testing.T) {
	s := startServer(t)
	s.QueueChat(ChatReply{Content: "first part, then silence", ChunkSize: 5, StallAfter: 2})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	text, finish, err := readStream(t, newClient(t, s, ""), ctx)
	if text != "first part" || finish != "" || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %q, finish %q, err %v", text, finish, err)
	}
}

func TestScriptedFailures(t *testing.T) {
	s := startServer(t)
	base := s.URL()
	post := func(path, body string) (*http.Response, string, error) {
		resp, err := http.Post(base+path, "application/json", strings.NewReader(body))
		if err != nil {
			return nil, "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp, string(b), err
	}
	chatBody := `{"model":"m","messages":[{"role":"user","content":"hi"}]}`
	embedBody := `{"model":"e","input":["a","b"]}`

	s.QueueChat(ChatReply{Status: 429, RetryAfter: "7"})
	resp, body, err := post("/chat/completions", chatBody)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "7" || !strings.Contains(body, `"error"`) {
		t.Errorf("429 reply: %d %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}

	html := "<html><head><title>503 Service Temporarily Unavailable</title></head><body>nginx</body></html>"
	s.QueueEmbeddings(EmbedReply{Status: 503, Body: html, ContentType: "text/html"})
	resp, body, err = post("/embeddings", embedBody)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 503 || body != html || resp.Header.Get("Content-Type") != "text/html" {
		t.Errorf("html reply: %d %q %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}

	s.QueueChat(ChatReply{Body: `{"choices": [`})
	resp, body, err = post("/chat/completions", chatBody)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || body != `{"choices": [` {
		t.Errorf("raw body reply: %d %s", resp.StatusCode, body)
	}

	s.QueueChat(ChatReply{Reset: true})
	s.QueueEmbeddings(EmbedReply{Reset: true})
	if _, _, err := post("/chat/completions", chatBody); err == nil {
		t.Error("chat reset: no error")
	}
	if _, _, err := post("/embeddings", embedBody); err == nil {
		t.Error("embeddings reset: no error")
	}

	s.QueueChat(ChatReply{Content: "whole", CutBodyAfter: 20})
	s.QueueEmbeddings(EmbedReply{CutBodyAfter: 20})
	if _, _, err := post("/chat/completions", chatBody); err == nil {
		t.Error("chat body cut: no error")
	}
	if _, _, err := post("/embeddings", embedBody); err == nil {
		t.Error("embeddings body cut: no error")
	}

	resp, _, err = post("/nowhere", "{}")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown path: %d", resp.StatusCode)
	}
}

func TestDelayHonoursClientContext(t *testing.T) {
	s := startServer(t)
	c := newClient(t, s, "")
	s.QueueChat(ChatReply{Content: "late", Delay: time.Hour})
	s.QueueEmbeddings(EmbedReply{Delay: time.Hour})

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := c.CreateChatCompletion(ctx, chatRequest("slow")); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("chat: %v, want deadline exceeded", err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := c.CreateEmbeddings(ctx, goopenai.EmbeddingRequestStrings{Model: "e", Input: []string{"x"}})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("embeddings: %v, want deadline exceeded", err)
	}

	s.SetLatency(time.Hour)
	ctx, cancel = context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := c.ListModels(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("models with latency: %v, want deadline exceeded", err)
	}
	// A request still waiting must not keep Close from returning.
	go func() { _, _ = c.ListModels(context.Background()) }()
	for s.Count("/v1/models") < 2 {
		time.Sleep(time.Millisecond)
	}
	s.Close()
}

func TestEmbeddings(t *testing.T) {
	s := startServer(t)
	c := newClient(t, s, "")
	ctx := context.Background()
	texts := []string{"Starmer spoke to Zelenskyy", "Macron posted on X", "the meeting lasted 15 minutes"}
	embed := func(in []string) goopenai.EmbeddingResponse {
		t.Helper()
		resp, err := c.CreateEmbeddings(ctx, goopenai.EmbeddingRequestStrings{Model: "fake-embed", Input: in})
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}

	words := 0
	for _, t := range texts {
		words += len(strings.Fields(t))
	}
	resp := embed(texts)
	if len(resp.Data) != len(texts) || resp.Usage.TotalTokens != words || resp.Model != "fake-embed" {
		t.Fatalf("reply: %d vectors, usage %+v, model %q", len(resp.Data), resp.Usage, resp.Model)
	}
	for i, d := range resp.Data {
		if d.Index != i || len(d.Embedding) != DefaultDimensions {
			t.Errorf("vector %d: index %d, %d dims", i, d.Index, len(d.Embedding))
		}
		if want := Vector(texts[i], DefaultDimensions); !equal(d.Embedding, want) {
			t.Errorf("vector %d is not the default vector of its text", i)
		}
	}

	s.QueueEmbeddings(EmbedReply{Dimensions: 8}, EmbedReply{DropOne: true}, EmbedReply{Reverse: true},
		EmbedReply{Vectors: [][]float32{{1, 2}}})
	if r := embed(texts); len(r.Data[0].Embedding) != 8 {
		t.Errorf("Dimensions: %d dims", len(r.Data[0].Embedding))
	}
	if r := embed(texts); len(r.Data) != 2 {
		t.Errorf("DropOne: %d vectors", len(r.Data))
	}
	if r := embed(texts); r.Data[0].Index != 2 || !equal(r.Data[0].Embedding, Vector(texts[2], DefaultDimensions)) {
		t.Errorf("Reverse: first item has index %d", r.Data[0].Index)
	}
	if r := embed(texts); len(r.Data) != 1 || !equal(r.Data[0].Embedding, []float32{1, 2}) {
		t.Errorf("Vectors: %+v", r.Data)
	}

	s.SetDimensions(16)
	if r := embed([]string{"one"}); len(r.Data[0].Embedding) != 16 {
		t.Errorf("SetDimensions: %d dims", len(r.Data[0].Embedding))
	}
	if _, err := c.CreateEmbeddings(ctx, goopenai.EmbeddingRequestStrings{Model: "e", Input: []string{"a", ""}}); err == nil {
		t.Error("empty input accepted")
	}
	if got := s.Count("/v1/embeddings"); got != 7 {
		t.Errorf("Count = %d, want 7", got)
	}
	if reqs := s.Requests(); reqs[0].Inputs != 3 || reqs[0].Model != "fake-embed" {
		t.Errorf("recorded %+v", reqs[0])
	}
}

func TestSingleStringInput(t *testing.T) {
	s := startServer(t)
	resp, err := http.Post(s.URL()+"/embeddings", "application/json", strings.NewReader(`{"model":"e","input":"just one"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || strings.Count(string(b), `"embedding"`) != 2 { // "object":"embedding" and the vector
		t.Errorf("%d %s", resp.StatusCode, b)
	}
	if r := s.Requests(); r[0].Inputs != 1 {
		t.Errorf("inputs = %d", r[0].Inputs)
	}
}

func TestModelsAndAPIKey(t *testing.T) {
	s := startServer(t)
	ctx := context.Background()
	models, err := newClient(t, s, "").ListModels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(models.Models) != 2 || models.Models[0].ID != "fake-chat" {
		t.Errorf("models: %+v", models.Models)
	}

	s.RequireAPIKey("sk-right")
	if _, err := newClient(t, s, "sk-right").ListModels(ctx); err != nil {
		t.Errorf("right key: %v", err)
	}
	_, err = newClient(t, s, "sk-wrong").CreateChatCompletion(ctx, chatRequest("hi"))
	var apiErr *goopenai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 401 || !strings.Contains(apiErr.Message, "sk-wrong") {
		t.Errorf("wrong key: %v", err)
	}
}

func TestVectorSimilarity(t *testing.T) {
	tests := []struct {
		a, b, unrelated string
	}{
		{"Starmer called Zelenskyy on Sunday", "Zelenskyy and Starmer spoke on Sunday", "rain is expected in Scotland tomorrow"},
		{"Bolton warned about concessions to Moscow", "concessions to Moscow worry Bolton", "the Pope's funeral drew crowds"},
	}
	for _, tt := range tests {
		a, b, u := Vector(tt.a, 64), Vector(tt.b, 64), Vector(tt.unrelated, 64)
		if dot(a, b) <= dot(a, u) {
			t.Errorf("%q: similar %.3f <= unrelated %.3f", tt.a, dot(a, b), dot(a, u))
		}
	}
	for _, text := range []string{"", "...", "word", "a b c d e f"} {
		if n := dot(Vector(text, 32), Vector(text, 32)); math.Abs(n-1) > 1e-5 {
			t.Errorf("%q: squared norm %.6f", text, n)
		}
	}
}

func TestSplitText(t *testing.T) {
	for _, size := range []int{0, 1, 2, 3, 7, 100} {
		text := "Zelenskyy — “Україна” ok"
		pieces := splitText(text, size)
		if strings.Join(pieces, "") != text {
			t.Errorf("size %d: pieces %q do not rebuild the text", size, pieces)
		}
		for _, p := range pieces {
			if !utf8.ValidString(p) {
				t.Errorf("size %d: piece %q splits a character", size, p)
			}
		}
	}
}

func dot(a, b []float32) float64 {
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}

func equal(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
