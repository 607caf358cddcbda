package openai

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakeopenai"
	"github.com/coveragebot/coveragebot/rag"
)

func numberedTexts(n int) []string {
	texts := make([]string, n)
	for i := range texts {
		texts[i] = fmt.Sprintf("passage %d about the talks in Munich", i)
	}
	return texts
}

func mustEmbedder(t *testing.T, cfg Config) rag.Embedder {
	t.Helper()
	e, err := NewEmbedder(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestEmbedBatching(t *testing.T) {
	tests := []struct {
		n, batch int
		want     []int // inputs per request
	}{
		{130, 0, []int{64, 64, 2}},
		{64, 0, []int{64}},
		{1, 0, []int{1}},
		{10, 4, []int{4, 4, 2}},
		{0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d by %d", tt.n, tt.batch), func(t *testing.T) {
			f := startFake(t)
			cfg := testConfig(f)
			cfg.BatchSize = tt.batch
			e := mustEmbedder(t, cfg)
			if e.Name != "openai:fake-model" || e.Dimensions != 0 {
				t.Errorf("embedder %q with %d dimensions", e.Name, e.Dimensions)
			}
			texts := numberedTexts(tt.n)
			vectors, err := e.Embed(context.Background(), texts)
			if err != nil {
				t.Fatal(err)
			}
			if len(vectors) != tt.n {
				t.Fatalf("%d vectors for %d texts", len(vectors), tt.n)
			}
			for i, v := range vectors {
				if !slices.Equal(v, fakeopenai.Vector(texts[i], fakeopenai.DefaultDimensions)) {
					t.Fatalf("vector %d is not the vector of text %d", i, i)
				}
			}
			var got []int
			for _, r := range f.Requests() {
				if r.Path != "/v1/embeddings" || r.Model != "fake-model" || r.Authorization != "Bearer "+canaryKey {
					t.Errorf("request %+v", r)
				}
				got = append(got, r.Inputs)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("inputs per request %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEmbedKeepsInputOrder(t *testing.T) {
	f := startFake(t)
	f.QueueEmbeddings(fakeopenai.EmbedReply{Reverse: true})
	texts := []string{"Starmer", "Zelenskyy", "Macron", "Bolton"}
	vectors, err := mustEmbedder(t, testConfig(f)).Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vectors {
		if !slices.Equal(v, fakeopenai.Vector(texts[i], fakeopenai.DefaultDimensions)) {
			t.Errorf("vector %d is not the vector of %q", i, texts[i])
		}
	}
}

func TestEmbedFaults(t *testing.T) {
	html := `<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head>` +
		`<body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center>` +
		strings.Repeat("<p>padding</p>\n", 200) + `</body></html>`
	always := func(r fakeopenai.EmbedReply) []fakeopenai.EmbedReply {
		return []fakeopenai.EmbedReply{r, r, r, r, r, r}
	}
	tests := []struct {
		name     string
		replies  []fakeopenai.EmbedReply
		wantErr  error  // nil: success
		contains string // in the error
		requests int
	}{
		{"500 then success", []fakeopenai.EmbedReply{{Status: 500}}, nil, "", 2},
		{"502 twice then success", []fakeopenai.EmbedReply{{Status: 502}, {Status: 502}}, nil, "", 3},
		{"reset then success", []fakeopenai.EmbedReply{{Reset: true}}, nil, "", 2},
		{"body cut then success", []fakeopenai.EmbedReply{{CutBodyAfter: 30}}, nil, "", 2},
		{"body always cut", always(fakeopenai.EmbedReply{CutBodyAfter: 30}), ErrUnavailable, "connection failed", 5},
		{"503 html", always(fakeopenai.EmbedReply{Status: 503, Body: html, ContentType: "text/html"}),
			ErrUnavailable, "HTTP 503 Service Unavailable: 503 Service Temporarily Unavailable (after 5 attempts)", 5},
		{"always reset", always(fakeopenai.EmbedReply{Reset: true}), ErrUnavailable, "connection failed", 5},
		{"429 forever", always(fakeopenai.EmbedReply{Status: 429}), ErrRateLimited, "HTTP 429", 5},
		{"400 not retried", []fakeopenai.EmbedReply{{Status: 400}}, ErrRejected, "HTTP 400", 1},
		{"invalid JSON", []fakeopenai.EmbedReply{{Body: `{"object":"list","data":[{"embedding":[0.1,`}},
			ErrBadResponse, "invalid JSON", 1},
		{"html with 200", []fakeopenai.EmbedReply{{Body: html, ContentType: "text/html"}}, ErrBadResponse, "invalid JSON", 1},
		{"wrong count", []fakeopenai.EmbedReply{{DropOne: true}}, ErrBadResponse, "2 vectors for 3 texts", 1},
		{"mixed dimensions", []fakeopenai.EmbedReply{{Vectors: [][]float32{{1, 0}, {0, 1}, {1, 0, 0}}}},
			ErrBadResponse, "vector 2 has 3 dimensions", 1},
		{"empty vector", []fakeopenai.EmbedReply{{Vectors: [][]float32{{1}, {}, {1}}}}, ErrBadResponse, "empty vector", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := startFake(t)
			f.QueueEmbeddings(tt.replies...)
			cfg := testConfig(f)
			cfg.Breaker.Failures = -1
			vectors, err := mustEmbedder(t, cfg).Embed(context.Background(), []string{"one", "two", "three"})
			t.Logf("error: %v", err)
			checkSafe(t, err)
			if tt.wantErr == nil {
				if err != nil || len(vectors) != 3 {
					t.Fatalf("got %d vectors, %v", len(vectors), err)
				}
			} else {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("got %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.contains) {
					t.Errorf("error %q does not say %q", err, tt.contains)
				}
				if vectors != nil {
					t.Errorf("vectors returned with an error")
				}
			}
			if got := f.Count("/v1/embeddings"); got != tt.requests {
				t.Errorf("%d requests, want %d", got, tt.requests)
			}
		})
	}
}

func TestEmbedDimensionsEnforced(t *testing.T) {
	f := startFake(t)
	e := mustEmbedder(t, testConfig(f))
	ctx := context.Background()
	if _, err := e.Embed(ctx, []string{"first"}); err != nil {
		t.Fatal(err)
	}
	f.QueueEmbeddings(fakeopenai.EmbedReply{Dimensions: 32})
	_, err := e.Embed(ctx, []string{"second"})
	if !errors.Is(err, ErrBadResponse) || !strings.Contains(err.Error(), "32 dimensions, expected 64") {
		t.Errorf("changed dimension: %v", err)
	}

	cfg := testConfig(f)
	cfg.Dimensions = 128
	e = mustEmbedder(t, cfg)
	if e.Dimensions != 128 {
		t.Errorf("configured Dimensions not reported: %d", e.Dimensions)
	}
	if _, err := e.Embed(ctx, []string{"third"}); !errors.Is(err, ErrBadResponse) {
		t.Errorf("64-dim reply accepted by a 128-dim embedder: %v", err)
	}
}

func TestEmbedRetryAfter(t *testing.T) {
	clock := newFakeClock()
	tests := []struct {
		name       string
		retryAfter string
		want       time.Duration
	}{
		{"seconds", "1", time.Second},
		{"zero", "0", 0},
		{"http date", clock.Now().Add(3 * time.Second).Format(http.TimeFormat), 3 * time.Second},
		{"date in the past", clock.Now().Add(-time.Minute).Format(http.TimeFormat), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := startFake(t)
			f.QueueEmbeddings(fakeopenai.EmbedReply{Status: 429, RetryAfter: tt.retryAfter})
			sleeps := &sleepRecorder{}
			cfg := testConfig(f)
			cfg.MaxBackoff = 10 * time.Second
			cfg.Now, cfg.Sleep = clock.Now, sleeps.sleep
			if _, err := mustEmbedder(t, cfg).Embed(context.Background(), []string{"a"}); err != nil {
				t.Fatal(err)
			}
			if got := sleeps.recorded(); !slices.Equal(got, []time.Duration{tt.want}) {
				t.Errorf("waited %v, want [%v]", got, tt.want)
			}
			if got := f.Count("/v1/embeddings"); got != 2 {
				t.Errorf("%d requests, want 2", got)
			}
		})
	}
}

func TestEmbedRetryAfterTooLong(t *testing.T) {
	f := startFake(t)
	f.QueueEmbeddings(fakeopenai.EmbedReply{Status: 429, RetryAfter: "120"})
	sleeps := &sleepRecorder{}
	cfg := testConfig(f)
	cfg.Sleep = sleeps.sleep
	_, err := mustEmbedder(t, cfg).Embed(context.Background(), []string{"a"})
	if !errors.Is(err, ErrRateLimited) || !strings.Contains(err.Error(), "asks to wait 2m0s") {
		t.Errorf("got %v", err)
	}
	if len(sleeps.recorded()) != 0 || f.Count("/v1/embeddings") != 1 {
		t.Errorf("slept %v and sent %d requests", sleeps.recorded(), f.Count("/v1/embeddings"))
	}
}

func TestEmbedBackoffGrows(t *testing.T) {
	f := startFake(t)
	for range 4 {
		f.QueueEmbeddings(fakeopenai.EmbedReply{Status: 500})
	}
	sleeps := &sleepRecorder{}
	cfg := testConfig(f)
	cfg.MinBackoff, cfg.MaxBackoff = 100*time.Millisecond, 500*time.Millisecond
	cfg.Sleep = sleeps.sleep
	if _, err := mustEmbedder(t, cfg).Embed(context.Background(), []string{"a"}); err != nil {
		t.Fatal(err)
	}
	// Each wait lies in the upper half of min·2^(n-1), capped at max.
	bounds := []time.Duration{100, 200, 400, 500}
	got := sleeps.recorded()
	if len(got) != len(bounds) {
		t.Fatalf("waits %v", got)
	}
	for i, w := range got {
		hi := bounds[i] * time.Millisecond
		if w < hi/2 || w > hi {
			t.Errorf("wait %d = %v, want within [%v, %v]", i, w, hi/2, hi)
		}
	}
}

func TestEmbedContext(t *testing.T) {
	t.Run("deadline shorter than the server's delay", func(t *testing.T) {
		f := startFake(t)
		f.QueueEmbeddings(fakeopenai.EmbedReply{Delay: time.Hour})
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
		defer cancel()
		_, err := mustEmbedder(t, testConfig(f)).Embed(ctx, []string{"a"})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("got %v, want deadline exceeded", err)
		}
		checkSafe(t, err)
	})
	t.Run("cancelled during backoff", func(t *testing.T) {
		f := startFake(t)
		f.QueueEmbeddings(fakeopenai.EmbedReply{Status: 503})
		cfg := testConfig(f)
		cfg.MinBackoff, cfg.MaxBackoff = time.Hour, time.Hour
		ctx, cancel := context.WithCancel(context.Background())
		// Cancel as the hour-long backoff begins; the real sleep must
		// notice at once.
		cfg.Sleep = func(ctx context.Context, d time.Duration) error {
			cancel()
			return sleep(ctx, d)
		}
		_, err := mustEmbedder(t, cfg).Embed(ctx, []string{"a"})
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "HTTP 503") {
			t.Errorf("got %v, want canceled with the last failure", err)
		}
		if got := f.Count("/v1/embeddings"); got != 1 {
			t.Errorf("%d requests", got)
		}
	})
	t.Run("backoff beyond the deadline", func(t *testing.T) {
		f := startFake(t)
		f.QueueEmbeddings(fakeopenai.EmbedReply{Status: 503})
		cfg := testConfig(f)
		cfg.MinBackoff, cfg.MaxBackoff = time.Hour, time.Hour
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_, err := mustEmbedder(t, cfg).Embed(ctx, []string{"a"})
		if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "no time left") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("already cancelled", func(t *testing.T) {
		f := startFake(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := mustEmbedder(t, testConfig(f)).Embed(ctx, []string{"a"})
		if !errors.Is(err, context.Canceled) || f.Count("/v1/embeddings") != 0 {
			t.Errorf("got %v after %d requests", err, f.Count("/v1/embeddings"))
		}
	})
}

func TestEmbedRefusesEmptyText(t *testing.T) {
	f := startFake(t)
	_, err := mustEmbedder(t, testConfig(f)).Embed(context.Background(), []string{"a", "", "c"})
	if err == nil || !strings.Contains(err.Error(), "text 2 of 3 is empty") {
		t.Errorf("got %v", err)
	}
	if f.Count("/v1/embeddings") != 0 {
		t.Error("a request was sent")
	}
}

func TestEmbedBatchErrorNamesTheBatch(t *testing.T) {
	f := startFake(t)
	f.QueueEmbeddings(fakeopenai.EmbedReply{}, fakeopenai.EmbedReply{DropOne: true})
	cfg := testConfig(f)
	cfg.BatchSize = 2
	_, err := mustEmbedder(t, cfg).Embed(context.Background(), numberedTexts(5))
	if !errors.Is(err, ErrBadResponse) || !strings.Contains(err.Error(), "batch 2 of 3") {
		t.Errorf("got %v", err)
	}
}
