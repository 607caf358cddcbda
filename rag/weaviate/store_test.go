package weaviate_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/weaviatetest"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/storetest"
	"github.com/coveragebot/coveragebot/rag/weaviate"
)

// The store suite against a real Weaviate server: each subtest gets
// collections of its own on one node. It runs twice, searching over
// GraphQL and over gRPC.
func TestStoreSuite(t *testing.T) {
	node := weaviatetest.Start(t, 1).Node(0)
	url := "http://" + node.Host()
	for _, transport := range []struct{ name, grpc string }{{"GraphQL", ""}, {"GRPC", node.GRPCHost()}} {
		t.Run(transport.name, func(t *testing.T) {
			var mu sync.Mutex
			made := map[string]bool{}
			storetest.Run(t, func(t *testing.T, name string) rag.Store {
				s, err := weaviate.Open(context.Background(), weaviate.Options{URL: url, GRPC: transport.grpc, Collection: transport.name + name})
				if err != nil {
					t.Fatal(err)
				}
				mu.Lock()
				defer mu.Unlock()
				if !made[name] {
					made[name] = true
					if err := s.Drop(context.Background()); err != nil {
						t.Fatal(err)
					}
				}
				return s
			})
		})
	}

	// The test servers keep keyword postings in the classic format, as
	// docs/SCALING.md asks, and the store can tell.
	t.Run("ClassicKeywordPostings", func(t *testing.T) {
		s, err := weaviate.Open(context.Background(), weaviate.Options{URL: url, Collection: "Postings"})
		if err != nil {
			t.Fatal(err)
		}
		if s.BlockMaxWAND() {
			t.Error("the passages' keyword postings are in the BlockMax format on a server started with USE_INVERTED_SEARCHABLE=false")
		}
	})

	// The search breadth (HNSW ef) goes into a new collection, changes an
	// existing one when another is asked for (Weaviate's dynamic ef too),
	// and is left alone when none is.
	t.Run("SearchBreadth", func(t *testing.T) {
		ctx := context.Background()
		open := func(collection string, breadth int) float64 {
			t.Helper()
			s, err := weaviate.Open(ctx, weaviate.Options{URL: url, Collection: collection, SearchBreadth: breadth})
			if err != nil {
				t.Fatal(err)
			}
			passages, _ := s.Collections()
			return graphEF(t, url, passages)
		}
		if got := open("Breadth", 0); got != -1 {
			t.Errorf("a collection created with no breadth asked for has ef %v, want -1 (Weaviate's dynamic ef)", got)
		}
		if got := open("Breadth", 123); got != 123 {
			t.Errorf("after opening with breadth 123: ef %v", got)
		}
		if got := open("Breadth", 0); got != 123 {
			t.Errorf("opening with breadth 0 changed ef to %v; it should leave 123", got)
		}
		if got := open("Breadth", weaviate.DynamicSearchBreadth); got != -1 {
			t.Errorf("opening with the dynamic breadth left ef at %v, want -1 (Weaviate's dynamic ef)", got)
		}
		if got := open("Fresh", 77); got != 77 {
			t.Errorf("a collection created with breadth 77 has ef %v", got)
		}
	})

	// Collections made without keyword postings hold and find passages by
	// vector, refuse keyword queries with ErrNoKeywordIndex, keep that
	// when opened by a store that would make postings, and get them when
	// dropped by one.
	t.Run("NoKeywordIndex", func(t *testing.T) {
		ctx := context.Background()
		s, err := weaviate.Open(ctx, weaviate.Options{URL: url, Collection: "Bare", NoKeywordIndex: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.Drop(ctx); err != nil {
			t.Fatal(err)
		}
		if s.KeywordIndex() {
			t.Fatal("a collection made with NoKeywordIndex reports keyword postings")
		}
		art, vec := onePassageArticle("bare", "Bare")
		if err := s.Put(ctx, []rag.StoredArticle{art}); err != nil {
			t.Fatal(err)
		}
		ms, err := s.VectorQuery(ctx, rag.VectorQuery{Vector: vec, Limit: 1})
		if err != nil || len(ms) != 1 || ms[0].ID != "bare#0" {
			t.Fatalf("vector query over a collection without postings: %v, %v", ms, err)
		}
		if _, err := s.KeywordQuery(ctx, rag.KeywordQuery{Terms: []string{"harbour"}, Limit: 1}); !errors.Is(err, weaviate.ErrNoKeywordIndex) {
			t.Errorf("keyword query without postings: %v, want ErrNoKeywordIndex", err)
		}
		full, err := weaviate.Open(ctx, weaviate.Options{URL: url, Collection: "Bare"})
		if err != nil {
			t.Fatal(err)
		}
		defer full.Close()
		if full.KeywordIndex() {
			t.Error("opening the collection changed what it holds: keyword postings reported")
		}
		if err := full.Drop(ctx); err != nil {
			t.Fatal(err)
		}
		if !full.KeywordIndex() {
			t.Error("dropped by a store that makes postings, the collections still have none")
		}
	})

	// A BlockMax server's collections made without keyword postings have
	// no postings in that format to warn about.
	t.Run("NoKeywordIndexOnBlockMax", func(t *testing.T) {
		node := weaviatetest.StartWithBlockMax(t, 1).Node(0)
		for _, bare := range []bool{false, true} {
			s, err := weaviate.Open(context.Background(), weaviate.Options{URL: "http://" + node.Host(), Collection: "BlockMax", NoKeywordIndex: bare})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Drop(context.Background()); err != nil {
				t.Fatal(err)
			}
			if s.BlockMaxWAND() == bare {
				t.Errorf("NoKeywordIndex %v on a BlockMax server: BlockMaxWAND %v", bare, s.BlockMaxWAND())
			}
			s.Close()
		}
	})

	// A damaged catalog entry (written by hand, or by a future version)
	// stops the index from opening with a message that names it, rather
	// than leaving the article out unseen.
	t.Run("DamagedCatalogEntry", func(t *testing.T) {
		ctx := context.Background()
		s, err := weaviate.Open(ctx, weaviate.Options{URL: url, Collection: "Damaged"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Drop(ctx); err != nil {
			t.Fatal(err)
		}
		_, articles := s.Collections()
		body := `{"class": "` + articles + `", "properties": {"articleId": "bad-article", "body": "Text.", "passages": "[{\"id\": "}}`
		resp, err := http.Post(url+"/v1/objects", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("writing the damaged entry: %s", resp.Status)
		}
		_, err = search.Open(search.NewLocalEmbedder(), search.Options{Store: s})
		if err == nil || !strings.Contains(err.Error(), "bad-article") || !strings.Contains(err.Error(), "passages") {
			t.Errorf("opening over a damaged entry: %v", err)
		}
	})

	// A search whose connection is cut under it (here by a proxy that
	// sends half of the first answer and closes the connection, as a
	// server or a load balancer closing it does) is sent again, and the
	// question gets its answer.
	t.Run("SearchAfterDroppedConnection", func(t *testing.T) {
		ctx := context.Background()
		var mu sync.Mutex
		searches := 0
		proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			req, err := http.NewRequestWithContext(r.Context(), r.Method, url+r.URL.RequestURI(), r.Body)
			if err != nil {
				t.Error(err)
				return
			}
			req.Header = r.Header.Clone()
			resp, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			first := false
			if r.Method == http.MethodPost && r.URL.Path == "/v1/graphql" {
				searches++
				first = searches == 1
			}
			mu.Unlock()
			for k, v := range resp.Header {
				w.Header()[k] = v
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(resp.StatusCode)
			if first {
				w.Write(body[:len(body)/2])
				panic(http.ErrAbortHandler) // the connection closes mid-answer
			}
			w.Write(body)
		}))
		defer proxy.Close()
		s, err := weaviate.Open(ctx, weaviate.Options{URL: proxy.URL, Collection: "Dropped"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.Drop(ctx); err != nil {
			t.Fatal(err)
		}
		art, vec := onePassageArticle("dropped", "Dropped")
		if err := s.Put(ctx, []rag.StoredArticle{art}); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		searches = 0
		mu.Unlock()
		ms, err := s.VectorQuery(ctx, rag.VectorQuery{Vector: vec, Limit: 1})
		if err != nil || len(ms) != 1 || ms[0].ID != "dropped#0" {
			t.Fatalf("vector query after a dropped connection: %v, %v", ms, err)
		}
		mu.Lock()
		defer mu.Unlock()
		if searches != 2 {
			t.Errorf("%d search requests reached the proxy, want 2 (the cut one and its retry)", searches)
		}
	})
}

// onePassageArticle is an article of one passage, "Harbour lights
// return.", id#0, with a vector of eight dimensions, and that vector.
func onePassageArticle(id, title string) (rag.StoredArticle, []float32) {
	vec := make([]float32, 8)
	vec[0] = 1
	const body = "Harbour lights return."
	return rag.StoredArticle{Info: rag.ArticleInfo{ID: id, Title: title, Passages: 1}, Body: body,
		Embedder: "test", Dimensions: len(vec),
		Passages: []rag.StoredPassage{{Passage: rag.Passage{ID: id + "#0", ArticleID: id, Title: title, Text: body},
			End: len(body), Vector: vec}}}, vec
}

func TestOpenRefusesBadOptions(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		opts weaviate.Options
		want string
	}{
		{weaviate.Options{URL: "127.0.0.1:8080"}, "want http://host:port"},
		{weaviate.Options{URL: "ftp://127.0.0.1:8080"}, "want http://host:port"},
		{weaviate.Options{URL: "http://127.0.0.1:8080", Collection: "lower"}, "collection prefix"},
		{weaviate.Options{URL: "http://127.0.0.1:8080", Consistency: "MOST"}, "consistency level"},
		{weaviate.Options{URL: "http://127.0.0.1:8080", SearchBreadth: -2}, "search breadth"},
	} {
		_, err := weaviate.Open(ctx, tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.opts, err, tc.want)
		}
	}
	// Nothing listens on port 1: a clear error, quickly.
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if _, err := weaviate.Open(ctx, weaviate.Options{URL: "http://127.0.0.1:1", Timeout: 2 * time.Second}); err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("no server: %v", err)
	}
}

// graphEF reads the HNSW ef of a collection from the server's schema.
func graphEF(t *testing.T, url, class string) float64 {
	t.Helper()
	resp, err := http.Get(url + "/v1/schema/" + class)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var c struct {
		VectorIndexConfig struct {
			EF float64 `json:"ef"`
		} `json:"vectorIndexConfig"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&c); err != nil {
		t.Fatalf("schema of %s: %v", class, err)
	}
	return c.VectorIndexConfig.EF
}
