// Package openai connects coveragebot to any OpenAI-compatible endpoint
// (OpenAI, Ollama's /v1, vLLM, llama.cpp) through go-openai.
//
// It adds what go-openai leaves to its caller: embeddings sent many to a
// request, retries with jittered exponential backoff that honour Retry-After,
// a circuit breaker that stops hammering a dead endpoint, checks that a reply
// is whole and well formed, and errors that are short, single-line and never
// carry the API key. Callers branch on the sentinel errors below with
// errors.Is; context errors stay visible to errors.Is too.
package openai

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	goopenai "github.com/sashabaranov/go-openai"
)

// Errors a caller may branch on.
var (
	// ErrRateLimited: the endpoint kept answering 429.
	ErrRateLimited = errors.New("rate limited")
	// ErrUnavailable: the endpoint kept failing (5xx, timeouts, broken
	// connections), or the circuit breaker considers it down.
	ErrUnavailable = errors.New("endpoint unavailable")
	// ErrBadResponse: the reply was not usable: invalid JSON, an empty or
	// oversized completion, or embeddings of the wrong number or size.
	ErrBadResponse = errors.New("bad response")
	// ErrIncomplete: the reply stopped before the model finished (a stream
	// cut off, or the model hit its token limit). No partial text is
	// returned with it.
	ErrIncomplete = errors.New("incomplete reply")
	// ErrRejected: the endpoint refused the request (a 4xx other than 429),
	// which retrying will not fix: a wrong key, model or URL.
	ErrRejected = errors.New("request rejected")
)

// Defaults for the zero values of Config.
const (
	DefaultBaseURL       = "https://api.openai.com/v1"
	DefaultBatchSize     = 64
	DefaultMaxRetries    = 4
	DefaultMinBackoff    = 500 * time.Millisecond
	DefaultMaxBackoff    = 20 * time.Second
	DefaultMaxReplyBytes = 64 << 10
	DefaultFailures      = 5
	DefaultCooldown      = 30 * time.Second
)

// embeddingsBodyLimit bounds an embeddings reply: 256 vectors of 3072
// dimensions fit several times over, a runaway server does not.
const embeddingsBodyLimit = 64 << 20

// BreakerConfig tunes the circuit breaker. After Failures consecutive failed
// requests (5xx, 408, broken connections, requests that outlived the
// caller's deadline; retries count, so a dead endpoint is left alone after a
// handful of requests rather than a handful of retried calls) the endpoint is
// considered down: calls fail at once with ErrUnavailable for Cooldown. Then
// one probe request is let through; if it succeeds the breaker closes, if it
// fails the cooldown starts again. Any reply from the server, even a 4xx or a
// 429, shows the endpoint is up.
type BreakerConfig struct {
	Failures int           // 0 means DefaultFailures; negative disables the breaker
	Cooldown time.Duration // 0 means DefaultCooldown
}

// Config describes one endpoint and model.
type Config struct {
	// BaseURL includes the version path, as OPENAI_BASE_URL does
	// ("http://localhost:11434/v1"); empty means DefaultBaseURL.
	BaseURL string
	// APIKey is sent as a bearer token when set. It never appears in errors
	// or logs.
	APIKey string
	Model  string
	// HTTPClient nil means a client with no overall timeout: the caller's
	// context owns deadlines.
	HTTPClient *http.Client

	// BatchSize is the number of texts per embeddings request (default 64).
	BatchSize int
	// Dimensions, when set, is the embedding size the index expects: the
	// Embedder reports it up front and rejects vectors of another size.
	// When 0 the size is learnt from the first reply and then enforced.
	Dimensions int
	// MaxReplyBytes caps a chat completion's text (default 64 KiB). A longer
	// completion is an ErrBadResponse rather than a truncated answer, since
	// a cut could fall between a claim and its citation.
	MaxReplyBytes int

	// MaxRetries is the number of retries after the first attempt (0 means
	// DefaultMaxRetries; negative disables retries). 429, 408, 5xx and
	// broken connections are retried; a streamed chat is retried only
	// until its first text reaches the caller.
	MaxRetries int
	// MinBackoff and MaxBackoff bound the wait between attempts, which
	// doubles from MinBackoff with jitter. A server's Retry-After is obeyed
	// instead when given; a Retry-After longer than MaxBackoff, or a wait
	// that would outlast the caller's deadline, ends the call at once with
	// the last error instead of sleeping.
	MinBackoff, MaxBackoff time.Duration
	Breaker                BreakerConfig

	Logger *slog.Logger
	// Now and Sleep replace the clock in tests; nil means the real one.
	// Sleep must return ctx.Err() when ctx ends first.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

// withDefaults validates cfg and fills in its zero values.
func (cfg Config) withDefaults() (Config, error) {
	if cfg.Model == "" {
		return cfg, errors.New("openai: no model configured")
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		// The URL is not repeated: it may hold credentials.
		return cfg, errors.New("openai: base URL must be an absolute http or https URL, such as http://localhost:11434/v1")
	}
	switch {
	case cfg.BatchSize < 0:
		return cfg, fmt.Errorf("openai: batch size %d is negative", cfg.BatchSize)
	case cfg.Dimensions < 0:
		return cfg, fmt.Errorf("openai: dimensions %d is negative", cfg.Dimensions)
	case cfg.MaxReplyBytes < 0:
		return cfg, fmt.Errorf("openai: max reply bytes %d is negative", cfg.MaxReplyBytes)
	case cfg.MinBackoff < 0 || cfg.MaxBackoff < 0 || cfg.Breaker.Cooldown < 0:
		return cfg, errors.New("openai: backoff and cooldown durations must not be negative")
	}
	if cfg.BatchSize == 0 {
		cfg.BatchSize = DefaultBatchSize
	}
	if cfg.MaxReplyBytes == 0 {
		cfg.MaxReplyBytes = DefaultMaxReplyBytes
	}
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.MinBackoff == 0 {
		cfg.MinBackoff = DefaultMinBackoff
	}
	if cfg.MaxBackoff == 0 {
		cfg.MaxBackoff = DefaultMaxBackoff
	}
	if cfg.MinBackoff > cfg.MaxBackoff {
		return cfg, fmt.Errorf("openai: min backoff %s is longer than max backoff %s", cfg.MinBackoff, cfg.MaxBackoff)
	}
	if cfg.Breaker.Failures == 0 {
		cfg.Breaker.Failures = DefaultFailures
	}
	if cfg.Breaker.Cooldown == 0 {
		cfg.Breaker.Cooldown = DefaultCooldown
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{}
		if base, ok := http.DefaultTransport.(*http.Transport); ok {
			transport := base.Clone()
			// The bot asks several questions at once; keep their connections.
			transport.MaxIdleConnsPerHost = 16
			cfg.HTTPClient.Transport = transport
		}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	return cfg, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// endpoint is what the embedder and the chat share: the configuration, the
// retry loop and one circuit breaker per embedder or chat function.
type endpoint struct {
	cfg       Config
	client    goopenai.ClientConfig
	bodyLimit int64
	breaker   *breaker
	log       *slog.Logger
}

func newEndpoint(cfg Config, op string, bodyLimit int64) *endpoint {
	client := goopenai.DefaultConfig(cfg.APIKey)
	client.BaseURL = cfg.BaseURL
	log := cfg.Logger.With("component", "openai", "op", op, "model", cfg.Model)
	return &endpoint{
		cfg:       cfg,
		client:    client,
		bodyLimit: bodyLimit,
		breaker:   newBreaker(cfg.Breaker, cfg.Now, log),
		log:       log,
	}
}

// clientFor builds a go-openai client whose requests report to a. Clients are
// cheap (a struct and a request builder), and one per attempt keeps what each
// attempt saw apart without shared state.
func (e *endpoint) clientFor(a *attempt) *goopenai.Client {
	cc := e.client
	cc.HTTPClient = &recorder{client: e.cfg.HTTPClient, attempt: a, limit: e.bodyLimit, redact: e.redact}
	return goopenai.NewClientWithConfig(cc)
}
