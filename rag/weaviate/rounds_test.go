package weaviate_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/weaviatetest"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/weaviate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

// The rounds of store queries a question may cost (docs/SCALING.md,
// "Round trips"): one when keyword searches run in the bot, so that only
// vector queries reach the store; two when they run in Weaviate.
const (
	roundsKeywordsInBot   = 1
	roundsKeywordsInStore = 2
)

// TestQuestionRounds counts, through proxies on loopback between the
// store and a real Weaviate, the rounds of search requests each question
// makes: over gRPC (the GRPC address set, as the compose profile does) and
// over GraphQL (only the URL), with keyword searches in the bot (the
// default: only vector searches reach Weaviate) and in Weaviate
// (search.Options.KeywordsInStore). A change that makes retrieval wait for
// one more answer before asking again fails here. The hits must also be
// the in-process index's, in the same order.
func TestQuestionRounds(t *testing.T) {
	ctx := context.Background()
	articles := benchArticles(t)[:200]
	queries := benchQueries(t)[:8]
	node := weaviatetest.Start(t, 1).Node(0)

	e := search.NewLocalEmbedder()
	local, err := search.Open(e, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := local.Ingest(ctx, articles, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	writer, err := weaviate.Open(ctx, weaviate.Options{URL: "http://" + node.Host(), GRPC: node.GRPCHost(), Collection: "Rounds"})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(e, search.Options{Store: writer})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Ingest(ctx, articles, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}

	gate := &roundGate{quiet: roundQuiet}
	httpProxy := countingHTTPProxy(t, node.Host(), gate)
	grpcProxy := countingGRPCProxy(t, node.GRPCHost(), gate)
	for _, c := range []struct {
		name            string
		grpc            string
		keywordsInStore bool
	}{
		{"GRPC", grpcProxy, false}, {"GraphQL", "", false},
		{"GRPC/keywords-in-weaviate", grpcProxy, true}, {"GraphQL/keywords-in-weaviate", "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := weaviate.Open(ctx, weaviate.Options{URL: httpProxy, GRPC: c.grpc, Collection: "Rounds"})
			if err != nil {
				t.Fatal(err)
			}
			remote, err := search.Open(e, search.Options{Store: s, KeywordsInStore: c.keywordsInStore})
			if err != nil {
				t.Fatal(err)
			}
			maxRounds := roundsKeywordsInBot
			if c.keywordsInStore {
				maxRounds = roundsKeywordsInStore
			}
			most, mostRequests := 0, 0
			for _, q := range queries {
				opts := rag.RetrieveOptions{K: 10, AsOf: q.AsOf}
				want, err := local.Retrieve(ctx, q.Question, opts)
				if err != nil {
					t.Fatal(err)
				}
				// A connection the test's own proxy broke is retried by the
				// store, which is one more round that is not the store's
				// doing: such a question is asked again, once.
				var got []rag.Hit
				var rounds, requests int
				for try := 1; ; try++ {
					gate.arm()
					got, err = remote.Retrieve(ctx, q.Question, opts)
					var faults int
					rounds, requests, faults = gate.disarm()
					if faults == 0 || try == 2 {
						break
					}
					t.Logf("%q: the test's proxy failed to copy %d answers; asked again", q.Question, faults)
				}
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%q: %d search requests in %d rounds", q.Question, requests, rounds)
				if rounds > maxRounds {
					t.Errorf("%q cost %d rounds of store queries (%d requests), want at most %d", q.Question, rounds, requests, maxRounds)
				}
				most = max(most, rounds)
				mostRequests = max(mostRequests, requests)
				if !slices.Equal(hitIDs(got), hitIDs(want)) {
					t.Errorf("%q: hits differ from the in-process index's:\n got  %v\n want %v", q.Question, hitIDs(got), hitIDs(want))
				}
			}
			// The questions must reach the last round allowed, or the test
			// would not see one more appear.
			if most < maxRounds {
				t.Errorf("no question needed %d rounds; the test no longer exercises the last one", maxRounds)
			}
			// With keywords in the bot, the cosines the nearest passages do not
			// bring must go out beside them, not after them.
			if mostRequests < 2 {
				t.Errorf("no question sent more than one search request; the test no longer exercises a round of several")
			}
		})
	}
}

func hitIDs(hits []rag.Hit) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids
}

// roundQuiet is how long the gate waits, after the last search request
// arrived, before it lets the held ones through. Queries of one round are
// sent together, without waiting for one another, so all of them arrive
// within it; a query that depends on an answer cannot arrive before the
// round it depends on is let through. It is a bound on scheduling delay
// between goroutines started together, not a performance assertion, and
// a machine slow enough to exceed it makes the test count too many rounds,
// never too few.
const roundQuiet = 300 * time.Millisecond

// roundGate holds the search requests of an armed question until none has
// arrived for quiet, then lets them through together: each release is one
// round.
type roundGate struct {
	quiet time.Duration

	mu       sync.Mutex
	armed    bool
	held     []chan struct{}
	gen      int // which timer may release the held requests
	rounds   int
	requests int
	faults   int // answers the proxy failed to pass on
}

func (g *roundGate) arm() {
	g.mu.Lock()
	g.armed, g.rounds, g.requests, g.faults = true, 0, 0, 0
	g.mu.Unlock()
}

// disarm ends a question and returns its rounds and search requests, and
// how many answers the proxy failed to pass on while it was armed.
func (g *roundGate) disarm() (rounds, requests, faults int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.armed = false
	return g.rounds, g.requests, g.faults
}

// fault records an answer the proxy failed to pass on.
func (g *roundGate) fault() {
	g.mu.Lock()
	g.faults++
	g.mu.Unlock()
}

// pass is called for each search request before it is forwarded.
func (g *roundGate) pass() {
	g.mu.Lock()
	if !g.armed {
		g.mu.Unlock()
		return
	}
	g.requests++
	ch := make(chan struct{})
	g.held = append(g.held, ch)
	g.gen++
	gen := g.gen
	time.AfterFunc(g.quiet, func() { g.release(gen) })
	g.mu.Unlock()
	<-ch
}

func (g *roundGate) release(gen int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if gen != g.gen || len(g.held) == 0 {
		return // a later request restarted the wait
	}
	g.rounds++
	for _, ch := range g.held {
		close(ch)
	}
	g.held = nil
}

// countingHTTPProxy forwards to Weaviate's HTTP address, passing each
// GraphQL request through the gate, and returns its own URL.
//
// It reads each request whole before forwarding it. Go's HTTP/1 server
// closes the request body once the handler starts its reply; a reverse
// proxy that streams the body may not yet have read its end then (when
// the answer comes back first), and on that read's error it closes the
// connection to Weaviate under the answer it is copying, which reaches the
// store as "unexpected EOF" (golang/go#40747). Anything it still fails to
// copy is logged and counted as a fault.
func countingHTTPProxy(t *testing.T, host string, gate *roundGate) string {
	t.Helper()
	rp := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: "http", Host: host})
	rp.ErrorLog = log.New(writerFunc(func(p []byte) (int, error) {
		gate.fault()
		t.Logf("proxy: %s", bytes.TrimSpace(p))
		return len(p), nil
	}), "", 0)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		if r.Method == http.MethodPost && r.URL.Path == "/v1/graphql" {
			gate.pass()
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// countingGRPCProxy forwards every gRPC call to Weaviate's gRPC address
// unread, as bytes, passing each Search call through the gate, and returns
// its own address.
func countingGRPCProxy(t *testing.T, host string, gate *roundGate) string {
	t.Helper()
	conn, err := grpc.NewClient(host, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	forward := func(_ any, in grpc.ServerStream) error {
		method, _ := grpc.MethodFromServerStream(in)
		if method == "/weaviate.v1.Weaviate/Search" {
			gate.pass()
		}
		ctx := in.Context()
		if md, ok := metadata.FromIncomingContext(ctx); ok {
			ctx = metadata.NewOutgoingContext(ctx, md)
		}
		out, err := conn.NewStream(ctx, &grpc.StreamDesc{ClientStreams: true, ServerStreams: true}, method, grpc.ForceCodec(rawCodec{}))
		if err != nil {
			return err
		}
		go func() {
			for {
				var m []byte
				if err := in.RecvMsg(&m); err != nil {
					out.CloseSend()
					return
				}
				if err := out.SendMsg(&m); err != nil {
					return
				}
			}
		}()
		for first := true; ; first = false {
			var m []byte
			err := out.RecvMsg(&m)
			if first {
				if md, herr := out.Header(); herr == nil {
					in.SendHeader(md)
				}
			}
			if errors.Is(err, io.EOF) {
				in.SetTrailer(out.Trailer())
				return nil
			}
			if err != nil {
				in.SetTrailer(out.Trailer())
				return err
			}
			if err := in.SendMsg(&m); err != nil {
				return err
			}
		}
	}
	srv := grpc.NewServer(grpc.ForceServerCodec(rawCodec{}), grpc.UnknownServiceHandler(forward))
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(lis)
	t.Cleanup(func() {
		srv.Stop()
		conn.Close()
	})
	return lis.Addr().String()
}

// writerFunc is an io.Writer made of a function.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// rawCodec passes gRPC messages through as the bytes they arrived as.
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) { return *v.(*[]byte), nil }

func (rawCodec) Unmarshal(data []byte, v any) error {
	*v.(*[]byte) = append([]byte(nil), data...)
	return nil
}

func (rawCodec) Name() string { return "proto" }
