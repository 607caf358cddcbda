package openai

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakeopenai"
	"github.com/coveragebot/coveragebot/rag"
)

var question = []rag.Message{
	{Role: "system", Content: "Answer only from the numbered sources, with [n] markers."},
	{Role: "user", Content: "What did Starmer tell Zelenskyy about NATO?"},
}

const sse = "text/event-stream"

// Hand-written streams for the shapes the fake does not produce itself.
const (
	roleOnlyStream = `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m",` +
		`"choices":[{"index":0,"delta":{"role":"assistant"},"finish_reason":null}]}` + "\n\n"
	doneWithoutFinishStream = `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m",` +
		`"choices":[{"index":0,"delta":{"content":"Whole answer [1]."},"finish_reason":null}]}` + "\n\n" +
		"data: [DONE]\n\n"
	errorAfterTextStream = `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m",` +
		`"choices":[{"index":0,"delta":{"content":"Starmer said"},"finish_reason":null}]}` + "\n\n" +
		`data: {"error":{"message":"model overloaded","type":"server_error"}}` + "\n\n"
	errorEventStream = `data: {"error":{"message":"model overloaded","type":"server_error"}}` + "\n\n"
)

func mustChat(t *testing.T, cfg Config) rag.ChatFunc {
	t.Helper()
	c, err := NewChat(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// ask runs one chat call, streamed when stream is set, and returns the
// result and what reached onDelta.
func ask(ctx context.Context, chat rag.ChatFunc, stream bool) (string, []string, error) {
	var deltas []string
	var onDelta func(string)
	if stream {
		onDelta = func(s string) { deltas = append(deltas, s) }
	}
	text, err := chat(ctx, question, onDelta)
	return text, deltas, err
}

func TestChatReplies(t *testing.T) {
	answer := "Starmer told Zelenskyy that Ukraine's path to NATO is irreversible [1]. " +
		"<think>not stripped here</think> He offered support — “unwavering” [2]."
	for _, stream := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "streamed"}[stream]
		t.Run(name, func(t *testing.T) {
			f := startFake(t)
			f.QueueChat(fakeopenai.ChatReply{Content: answer, ChunkSize: 7})
			text, deltas, err := ask(context.Background(), mustChat(t, testConfig(f)), stream)
			if err != nil {
				t.Fatal(err)
			}
			if text != answer {
				t.Errorf("got %q", text)
			}
			if stream && (len(deltas) < 2 || strings.Join(deltas, "") != answer) {
				t.Errorf("deltas %q do not make the answer", deltas)
			}
			reqs := f.Requests()
			if len(reqs) != 1 || reqs[0].Stream != stream || reqs[0].Model != "fake-model" ||
				len(reqs[0].Messages) != 2 || reqs[0].Messages[1].Content != question[1].Content {
				t.Errorf("requests %+v", reqs)
			}
		})
	}
}

func TestChatFaults(t *testing.T) {
	long := "Starmer spoke to Zelenskyy on Sunday evening about the talks in Munich."
	huge := strings.Repeat("All work and no play. ", 5000) // about 107 KiB
	repeat := func(r fakeopenai.ChatReply) []fakeopenai.ChatReply {
		return []fakeopenai.ChatReply{r, r, r, r, r, r}
	}
	tests := []struct {
		name     string
		stream   bool
		replies  []fakeopenai.ChatReply
		wantErr  error // nil: success
		contains string
		requests int
		deltas   string // what reached onDelta
	}{
		{"429 then success", false, []fakeopenai.ChatReply{{Status: 429, RetryAfter: "0"}, {Content: "ok [1]"}}, nil, "", 2, ""},
		{"429 then success, streamed", true, []fakeopenai.ChatReply{{Status: 429}, {Content: "ok [1]"}}, nil, "", 2, "ok [1]"},
		{"500 forever", false, repeat(fakeopenai.ChatReply{Status: 500}), ErrUnavailable, "HTTP 500 Internal Server Error", 5, ""},
		{"500 forever, streamed", true, repeat(fakeopenai.ChatReply{Status: 500}), ErrUnavailable, "(after 5 attempts)", 5, ""},
		{"reset then success, streamed", true, []fakeopenai.ChatReply{{Reset: true}, {Content: "ok"}}, nil, "", 2, "ok"},
		{"body cut then success", false, []fakeopenai.ChatReply{{Content: "whole", CutBodyAfter: 40}, {Content: "ok"}}, nil, "", 2, ""},
		{"400 not retried", false, []fakeopenai.ChatReply{{Status: 400}}, ErrRejected, "HTTP 400", 1, ""},
		{"cut halfway", true, []fakeopenai.ChatReply{{Content: long, ChunkSize: 10, CutAfter: 3}, {Content: "retried"}},
			ErrIncomplete, "stream cut off", 1, long[:30]},
		{"cut cleanly halfway", true, []fakeopenai.ChatReply{{Content: long, ChunkSize: 10, CutAfter: 3, CleanCut: true}, {Content: "retried"}},
			ErrIncomplete, "ended before the model finished", 1, long[:30]},
		{"cut before any text is retried", true, []fakeopenai.ChatReply{{Body: roleOnlyStream, ContentType: sse}, {Content: "whole"}},
			nil, "", 2, "whole"},
		{"error event before any text is retried", true, []fakeopenai.ChatReply{{Body: errorEventStream, ContentType: sse}, {Content: "whole"}},
			nil, "", 2, "whole"},
		{"error event after text", true, []fakeopenai.ChatReply{{Body: errorAfterTextStream, ContentType: sse}, {Content: "retried"}},
			ErrIncomplete, "model overloaded", 1, "Starmer said"},
		{"DONE without finish reason", true, []fakeopenai.ChatReply{{Body: doneWithoutFinishStream, ContentType: sse}},
			nil, "", 1, "Whole answer [1]."},
		{"invalid JSON", false, []fakeopenai.ChatReply{{Body: `{"choices":[{"message":`}}, ErrBadResponse, "invalid JSON", 1, ""},
		{"invalid JSON, streamed", true, []fakeopenai.ChatReply{{Body: "data: {not json}\n\n", ContentType: sse}},
			ErrBadResponse, "invalid JSON in stream", 1, ""},
		{"no choices", false, []fakeopenai.ChatReply{{Body: `{"id":"x","object":"chat.completion","choices":[]}`}},
			ErrBadResponse, "no completion", 1, ""},
		{"empty completion", false, []fakeopenai.ChatReply{{Content: ""}}, ErrBadResponse, "empty completion", 1, ""},
		{"blank completion, streamed", true, []fakeopenai.ChatReply{{Content: " \n\t"}}, ErrBadResponse, "empty completion", 1, " \n\t"},
		{"huge completion", false, []fakeopenai.ChatReply{{Content: huge}}, ErrBadResponse, "longer than 65536 bytes", 1, ""},
		{"huge completion, streamed", true, []fakeopenai.ChatReply{{Content: huge, ChunkSize: 4096}},
			ErrBadResponse, "longer than 65536 bytes", 1, huge[:16*4096]},
		{"token limit", false, []fakeopenai.ChatReply{{Content: "Starmer said", FinishReason: "length"}},
			ErrIncomplete, "token limit", 1, ""},
		{"token limit, streamed", true, []fakeopenai.ChatReply{{Content: "Starmer said", FinishReason: "length"}},
			ErrIncomplete, "token limit", 1, "Starmer said"},
		{"content filter", false, []fakeopenai.ChatReply{{Content: "x", FinishReason: "content_filter"}},
			ErrBadResponse, "content filter", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := startFake(t)
			f.QueueChat(tt.replies...)
			cfg := testConfig(f)
			cfg.Breaker.Failures = -1
			text, deltas, err := ask(context.Background(), mustChat(t, cfg), tt.stream)
			t.Logf("error: %v", err)
			checkSafe(t, err)
			if tt.wantErr == nil {
				if err != nil || text == "" {
					t.Fatalf("got %q, %v", text, err)
				}
			} else {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("got %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.contains) {
					t.Errorf("error %q does not say %q", err, tt.contains)
				}
				if text != "" {
					t.Errorf("text %q returned with an error", text)
				}
			}
			if got := strings.Join(deltas, ""); got != tt.deltas {
				t.Errorf("onDelta got %q, want %q", got, tt.deltas)
			}
			if got := f.Count("/v1/chat/completions"); got != tt.requests {
				t.Errorf("%d requests, want %d", got, tt.requests)
			}
		})
	}
}

func TestChatTimeout(t *testing.T) {
	tests := []struct {
		name    string
		stream  bool
		reply   fakeopenai.ChatReply
		alsoErr error
	}{
		{"slow to answer", false, fakeopenai.ChatReply{Content: "late", Delay: time.Hour}, nil},
		{"slow to start streaming", true, fakeopenai.ChatReply{Content: "late", Delay: time.Hour}, nil},
		{"stalls mid-stream", true, fakeopenai.ChatReply{Content: "Starmer said that", ChunkSize: 4, StallAfter: 2}, ErrIncomplete},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := startFake(t)
			f.QueueChat(tt.reply)
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			text, _, err := ask(ctx, mustChat(t, testConfig(f)), tt.stream)
			if !errors.Is(err, context.DeadlineExceeded) || text != "" {
				t.Errorf("got %q, %v; want deadline exceeded", text, err)
			}
			if tt.alsoErr != nil && !errors.Is(err, tt.alsoErr) {
				t.Errorf("got %v, want it to be %v too", err, tt.alsoErr)
			}
			checkSafe(t, err)
		})
	}
}

func TestChatConcurrent(t *testing.T) {
	f := startFake(t)
	f.SetDefaultChat(func(r fakeopenai.ChatRequest) string { return "answer to " + r.Messages[len(r.Messages)-1].Content })
	for i := range 10 {
		if i%3 == 0 {
			f.QueueChat(fakeopenai.ChatReply{Status: 503})
		}
	}
	cfg := testConfig(f)
	chat := mustChat(t, cfg)
	const calls = 24
	errs := make(chan error, calls)
	for i := range calls {
		go func() {
			q := fmt.Sprintf("question %d", i)
			var onDelta func(string)
			if i%2 == 0 {
				onDelta = func(string) {}
			}
			text, err := chat(context.Background(), []rag.Message{{Role: "user", Content: q}}, onDelta)
			if err == nil && text != "answer to "+q {
				err = fmt.Errorf("%s: got %q", q, text)
			}
			errs <- err
		}()
	}
	for range calls {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestChatRefusesNoMessages(t *testing.T) {
	f := startFake(t)
	if _, err := mustChat(t, testConfig(f))(context.Background(), nil, nil); err == nil {
		t.Error("no error")
	}
	if f.Count("/v1/chat/completions") != 0 {
		t.Error("a request was sent")
	}
}

// TestAPIKeyNeverLeaks runs faults in which the server repeats the key back,
// and checks that neither errors nor logs carry it.
func TestAPIKeyNeverLeaks(t *testing.T) {
	padding := strings.Repeat("word ", 40) // pushes the key past the cut
	faults := []struct {
		name  string
		setup func(f *fakeopenai.Server)
		want  error
	}{
		{"401 echoing the key", func(f *fakeopenai.Server) { f.RequireAPIKey("sk-the-right-one") }, ErrRejected},
		{"json error with the key", func(f *fakeopenai.Server) {
			f.QueueChat(fakeopenai.ChatReply{Status: 400, Body: `{"error":{"message":"bad key ` + canaryKey + `"}}`})
			f.QueueEmbeddings(fakeopenai.EmbedReply{Status: 400, Body: `{"error":{"message":"bad key ` + canaryKey + `"}}`})
		}, ErrRejected},
		{"key at the cut", func(f *fakeopenai.Server) {
			f.QueueChat(fakeopenai.ChatReply{Status: 403, Body: `{"error":"` + padding + canaryKey + `"}`})
			f.QueueEmbeddings(fakeopenai.EmbedReply{Status: 403, Body: `{"error":"` + padding + canaryKey + `"}`})
		}, ErrRejected},
		{"html page with the key", func(f *fakeopenai.Server) {
			page := "<html><head><title>Denied " + canaryKey + "</title></head><body>" + canaryKey + "</body></html>"
			f.QueueChat(fakeopenai.ChatReply{Status: 401, Body: page, ContentType: "text/html"})
			f.QueueEmbeddings(fakeopenai.EmbedReply{Status: 401, Body: page, ContentType: "text/html"})
		}, ErrRejected},
		{"plain text 500 with the key", func(f *fakeopenai.Server) {
			for range 5 {
				f.QueueChat(fakeopenai.ChatReply{Status: 500, Body: "upstream said " + canaryKey, ContentType: "text/plain"})
				f.QueueEmbeddings(fakeopenai.EmbedReply{Status: 500, Body: "upstream said " + canaryKey, ContentType: "text/plain"})
			}
		}, ErrUnavailable},
	}
	for _, tt := range faults {
		t.Run(tt.name, func(t *testing.T) {
			f := startFake(t)
			tt.setup(f)
			var logs bytes.Buffer
			cfg := testConfig(f)
			cfg.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))

			_, _, chatErr := ask(context.Background(), mustChat(t, cfg), false)
			_, embedErr := mustEmbedder(t, cfg).Embed(context.Background(), []string{"a"})
			for _, err := range []error{chatErr, embedErr} {
				if !errors.Is(err, tt.want) {
					t.Errorf("got %v, want %v", err, tt.want)
				}
				checkSafe(t, err)
			}
			if strings.Contains(logs.String(), "7f3a9c2e") {
				t.Errorf("logs leak the key:\n%s", logs.String())
			}
		})
	}
	t.Run("error event in a stream", func(t *testing.T) {
		f := startFake(t)
		body := `data: {"choices":[{"index":0,"delta":{"content":"Hi"}}]}` + "\n\n" +
			`data: {"error":{"message":"key ` + canaryKey + ` revoked"}}` + "\n\n"
		f.QueueChat(fakeopenai.ChatReply{Body: body, ContentType: sse})
		_, _, err := ask(context.Background(), mustChat(t, testConfig(f)), true)
		if !errors.Is(err, ErrIncomplete) {
			t.Errorf("got %v", err)
		}
		checkSafe(t, err)
	})
}
