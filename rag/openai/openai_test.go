package openai

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// canaryKey must never show up in an error or a log line.
const canaryKey = "sk-canary-7f3a9c2e51b84d06aa"

func startFake(t *testing.T) *fakeopenai.Server {
	t.Helper()
	f := fakeopenai.New()
	t.Cleanup(f.Close)
	return f
}

// testConfig points at the fake with backoffs short enough that retries
// cost the test nothing.
func testConfig(f *fakeopenai.Server) Config {
	return Config{
		BaseURL:    f.URL(),
		APIKey:     canaryKey,
		Model:      "fake-model",
		MinBackoff: time.Millisecond,
		MaxBackoff: 4 * time.Millisecond,
	}
}

// sleepRecorder stands in for Config.Sleep: it notes each wait and returns
// at once.
type sleepRecorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleepRecorder) recorded() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

// fakeClock is a settable Config.Now.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 4, 26, 10, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// checkSafe fails the test if an error message leaks the key or is not a
// short single line.
func checkSafe(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	if strings.Contains(msg, "canary") || strings.Contains(msg, "7f3a9c2e") {
		t.Errorf("error leaks the API key: %s", msg)
	}
	if strings.ContainsAny(msg, "\n\r") || len(msg) > 600 {
		t.Errorf("error is not one short line (%d bytes): %q", len(msg), msg)
	}
	if strings.Contains(strings.ToLower(msg), "<html") || strings.Contains(msg, "<body") {
		t.Errorf("error dumps HTML: %s", msg)
	}
}

func TestConfigDefaultsAndValidation(t *testing.T) {
	cfg, err := Config{Model: "m"}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != DefaultBaseURL || cfg.BatchSize != DefaultBatchSize || cfg.MaxRetries != DefaultMaxRetries ||
		cfg.MinBackoff != DefaultMinBackoff || cfg.MaxBackoff != DefaultMaxBackoff ||
		cfg.Breaker.Failures != DefaultFailures || cfg.Breaker.Cooldown != DefaultCooldown ||
		cfg.MaxReplyBytes != DefaultMaxReplyBytes || cfg.HTTPClient == nil || cfg.HTTPClient.Timeout != 0 ||
		cfg.Logger == nil || cfg.Now == nil || cfg.Sleep == nil {
		t.Errorf("defaults not filled: %+v", cfg)
	}
	if cfg, _ := (Config{Model: "m", MaxRetries: -1}).withDefaults(); cfg.MaxRetries != 0 {
		t.Errorf("MaxRetries -1 gave %d retries", cfg.MaxRetries)
	}

	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no model", Config{}, "no model"},
		{"no scheme", Config{Model: "m", BaseURL: "localhost:11434/v1"}, "base URL"},
		{"ftp", Config{Model: "m", BaseURL: "ftp://example.com/v1"}, "base URL"},
		{"no host", Config{Model: "m", BaseURL: "http:///v1"}, "base URL"},
		{"negative batch", Config{Model: "m", BatchSize: -1}, "batch size"},
		{"negative dims", Config{Model: "m", Dimensions: -3}, "dimensions"},
		{"negative backoff", Config{Model: "m", MinBackoff: -time.Second}, "must not be negative"},
		{"min above max", Config{Model: "m", MinBackoff: time.Minute, MaxBackoff: time.Second}, "longer than max"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.cfg.withDefaults()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error about %q", err, tt.want)
			}
			if _, err := NewEmbedder(tt.cfg); err == nil {
				t.Error("NewEmbedder accepted it")
			}
			if _, err := NewChat(tt.cfg); err == nil {
				t.Error("NewChat accepted it")
			}
		})
	}
	_, err = Config{Model: "m", BaseURL: "http://user:" + canaryKey + "@[::1"}.withDefaults()
	checkSafe(t, err)
}
