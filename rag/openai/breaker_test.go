package openai

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

func TestBreakerOpensAndRecovers(t *testing.T) {
	f := startFake(t)
	clock := newFakeClock()
	cfg := testConfig(f)
	cfg.MaxRetries = -1
	cfg.Breaker = BreakerConfig{Failures: 3, Cooldown: 30 * time.Second}
	cfg.Now = clock.Now
	chat := mustChat(t, cfg)
	ctx := context.Background()
	requests := func() int { return f.Count("/v1/chat/completions") }

	f.QueueChat(fakeopenai.ChatReply{Status: 500}, fakeopenai.ChatReply{Status: 502}, fakeopenai.ChatReply{Reset: true})
	for i := range 3 {
		if _, _, err := ask(ctx, chat, false); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("call %d: %v", i+1, err)
		}
	}
	if requests() != 3 {
		t.Fatalf("%d requests before the breaker opened", requests())
	}

	// Open: calls fail at once and the endpoint hears nothing.
	for i := range 4 {
		_, _, err := ask(ctx, chat, i%2 == 0)
		if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "3 consecutive failures") {
			t.Errorf("open breaker: %v", err)
		}
	}
	clock.Advance(29 * time.Second)
	if _, _, err := ask(ctx, chat, false); !errors.Is(err, ErrUnavailable) {
		t.Errorf("before the cooldown ends: %v", err)
	}
	if requests() != 3 {
		t.Fatalf("the open breaker let %d requests through", requests()-3)
	}

	// Half-open: one probe, which fails, so the breaker opens again.
	clock.Advance(2 * time.Second)
	f.QueueChat(fakeopenai.ChatReply{Status: 503})
	if _, _, err := ask(ctx, chat, false); !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "HTTP 503") {
		t.Errorf("failed probe: %v", err)
	}
	if _, _, err := ask(ctx, chat, false); !errors.Is(err, ErrUnavailable) || requests() != 4 {
		t.Errorf("after a failed probe: %v, %d requests", err, requests())
	}

	// The endpoint is back: the next probe succeeds and closes the breaker.
	clock.Advance(31 * time.Second)
	for i := range 3 {
		if text, _, err := ask(ctx, chat, i == 1); err != nil || text == "" {
			t.Errorf("call %d after recovery: %q, %v", i+1, text, err)
		}
	}
	if requests() != 7 {
		t.Errorf("%d requests in all, want 7", requests())
	}
}

func TestBreakerCountsRetries(t *testing.T) {
	f := startFake(t)
	for range 10 {
		f.QueueEmbeddings(fakeopenai.EmbedReply{Status: 500})
	}
	cfg := testConfig(f)
	cfg.MaxRetries = 9
	cfg.Breaker = BreakerConfig{Failures: 3, Cooldown: time.Hour}
	_, err := mustEmbedder(t, cfg).Embed(context.Background(), []string{"a"})
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "last failure: endpoint unavailable: HTTP 500") {
		t.Errorf("got %v", err)
	}
	if got := f.Count("/v1/embeddings"); got != 3 {
		t.Errorf("one call sent %d requests to a dead endpoint, want 3", got)
	}
}

func TestBreakerIgnoresLiveReplies(t *testing.T) {
	// 429 and 400 come from a server that is up: they must not open it.
	f := startFake(t)
	cfg := testConfig(f)
	cfg.MaxRetries = -1
	cfg.Breaker = BreakerConfig{Failures: 2, Cooldown: time.Hour}
	chat := mustChat(t, cfg)
	f.QueueChat(fakeopenai.ChatReply{Status: 500}, fakeopenai.ChatReply{Status: 429},
		fakeopenai.ChatReply{Status: 500}, fakeopenai.ChatReply{Status: 400}, fakeopenai.ChatReply{Status: 429})
	for range 5 {
		_, _, _ = ask(context.Background(), chat, false)
	}
	if _, _, err := ask(context.Background(), chat, false); err != nil {
		t.Errorf("breaker opened on live replies: %v", err)
	}
	if got := f.Count("/v1/chat/completions"); got != 6 {
		t.Errorf("%d requests, want 6", got)
	}
}

func TestBreakerSingleProbe(t *testing.T) {
	clock := newFakeClock()
	b := newBreaker(BreakerConfig{Failures: 1, Cooldown: time.Minute}, clock.Now, slog.New(slog.DiscardHandler))
	if probe, err := b.allow(); probe || err != nil {
		t.Fatalf("closed breaker: probe=%v err=%v", probe, err)
	}
	b.record(false, failed)
	if _, err := b.allow(); err == nil {
		t.Fatal("open breaker allowed a request")
	}
	clock.Advance(time.Minute)
	probe, err := b.allow()
	if !probe || err != nil {
		t.Fatalf("after the cooldown: probe=%v err=%v", probe, err)
	}
	if _, err := b.allow(); err == nil || !strings.Contains(err.Error(), "probe") {
		t.Errorf("second request while probing: %v", err)
	}
	// A caller that gives up frees the probe without a verdict.
	b.record(true, neutral)
	if probe, err := b.allow(); !probe || err != nil {
		t.Fatalf("after an abandoned probe: probe=%v err=%v", probe, err)
	}
	// A probe that hangs for a whole cooldown is presumed lost.
	clock.Advance(time.Minute)
	if probe, err := b.allow(); !probe || err != nil {
		t.Fatalf("after a lost probe: probe=%v err=%v", probe, err)
	}
	b.record(true, alive)
	if probe, err := b.allow(); probe || err != nil {
		t.Errorf("closed again: probe=%v err=%v", probe, err)
	}

	off := newBreaker(BreakerConfig{Failures: -1}, clock.Now, slog.New(slog.DiscardHandler))
	for range 10 {
		off.record(false, failed)
	}
	if _, err := off.allow(); err != nil {
		t.Errorf("disabled breaker refused: %v", err)
	}
}
