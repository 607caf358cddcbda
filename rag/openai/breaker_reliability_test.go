package openai

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakeopenai"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
	"github.com/coveragebot/coveragebot/rag/search"
)

// flakyFront stands in front of the fake model: while down, it answers
// every request with 503 and an HTML page, as a load balancer with no
// backend does; otherwise it passes requests on. It counts what reaches it.
type flakyFront struct {
	srv      *httptest.Server
	down     atomic.Bool
	requests atomic.Int64
}

func newFlakyFront(t *testing.T, backend *fakeopenai.Server) *flakyFront {
	t.Helper()
	target, err := url.Parse(backend.URL())
	if err != nil {
		t.Fatal(err)
	}
	target.Path = ""
	proxy := httputil.NewSingleHostReverseProxy(target)
	f := &flakyFront{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.requests.Add(1)
		if f.down.Load() {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>"))
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// TestEngineBreakerStopsHammeringAndRecovers answers questions through
// answer.Engine and the real client while the endpoint is down, then back.
// While it is down, questions fail with ErrUnavailable and, once the
// breaker has opened, without a request; a burst of concurrent questions
// after the cooldown sends one probe, not a burst; once the endpoint is
// back, answers flow again.
func TestEngineBreakerStopsHammeringAndRecovers(t *testing.T) {
	const cooldown = 300 * time.Millisecond
	backend := startFake(t)
	backend.SetDefaultChat(func(fakeopenai.ChatRequest) string {
		return "Starmer told Zelenskyy that Ukraine is on an irreversible path to NATO [1]."
	})
	front := newFlakyFront(t, backend)
	cfg := testConfig(backend)
	cfg.BaseURL = front.srv.URL + "/v1"
	cfg.MaxRetries = 2
	cfg.Breaker = BreakerConfig{Failures: 5, Cooldown: cooldown}
	// The breaker's clock moves only when the test says: on a loaded
	// machine the questions of one phase can take longer than the
	// cooldown, which would let a probe out early.
	clock := newFakeClock()
	cfg.Now = clock.Now
	chat := mustChat(t, cfg)

	idx, err := search.Open(search.NewLocalEmbedder(), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := idx.Ingest(ctx, []rag.Article{{ID: "starmer", Title: "Starmer tells Zelenskyy Ukraine is on an irreversible path to NATO",
		Outlet: "Sky News", Published: time.Date(2025, 2, 14, 0, 0, 0, 0, time.UTC),
		Text: "Ukraine is still on an irreversible path to joining NATO, Sir Keir Starmer has told Volodymyr Zelenskyy."}}, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	eng := &answer.Engine{Index: idx, Chat: chat}
	ask := func() error {
		_, err := eng.Ask(ctx, "What did Starmer tell Zelenskyy about NATO?", rag.AskOptions{OnDelta: func(string) {}})
		return err
	}
	burst := func(n int) (ok, unavailable int) {
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := ask()
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					ok++
				case errors.Is(err, ErrUnavailable):
					unavailable++
				default:
					t.Errorf("unexpected error: %v", err)
				}
			}()
		}
		wg.Wait()
		return ok, unavailable
	}

	front.down.Store(true)
	for i := range 20 {
		if err := ask(); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("question %d with the endpoint down: %v", i+1, err)
		}
	}
	if n := front.requests.Load(); n != 5 {
		t.Fatalf("20 questions sent %d requests to a dead endpoint; the breaker should stop them at 5", n)
	}
	if ok, down := burst(50); ok != 0 || down != 50 || front.requests.Load() != 5 {
		t.Fatalf("a burst with the breaker open: %d answered, %d unavailable, %d requests in all", ok, down, front.requests.Load())
	}

	clock.Advance(cooldown + 50*time.Millisecond)
	if _, down := burst(50); down != 50 || front.requests.Load() != 6 {
		t.Fatalf("after the cooldown, a burst sent %d requests (want one probe); %d unavailable", front.requests.Load()-5, down)
	}

	front.down.Store(false)
	clock.Advance(cooldown + 50*time.Millisecond)
	ok, down := burst(50)
	t.Logf("the burst after recovery: %d answered, %d refused while the probe was out", ok, down)
	if ok == 0 {
		t.Fatal("no question was answered once the endpoint was back")
	}
	for i := range 10 {
		if err := ask(); err != nil {
			t.Fatalf("question %d after recovery: %v", i+1, err)
		}
	}
}
