package weaviate_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/benchmark"
	"github.com/coveragebot/coveragebot/internal/synthetic"
	"github.com/coveragebot/coveragebot/internal/weaviatetest"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/weaviate"
)

// Settings of TestWhereRetrievalTimeGoes.
const (
	profilePassagesEnv = "COVERAGEBOT_RETRIEVAL_PROFILE" // passages, such as 20000
	// profileServerEnv names a running server and a collection prefix
	// ("http://host:port grpc-host:port Prefix") instead of starting one:
	// to profile it (GO_PROFILING_PORT), or to keep its collections
	// between runs.
	profileServerEnv = "COVERAGEBOT_RETRIEVAL_PROFILE_SERVER"
	// profileSerialEnv sends one store query at a time, so that each is
	// timed alone rather than beside the others of its round.
	profileSerialEnv = "COVERAGEBOT_RETRIEVAL_PROFILE_SERIAL"
)

// timedStore times each query a search.Index asks of a Store, by kind.
type timedStore struct {
	*weaviate.Store
	serial bool
	one    sync.Mutex // held around each query when serial

	mu   sync.Mutex
	took map[string][]time.Duration
}

func (s *timedStore) time(kind string, query func()) {
	if s.serial {
		s.one.Lock()
		defer s.one.Unlock()
	}
	start := time.Now()
	query()
	d := time.Since(start)
	s.mu.Lock()
	s.took[kind] = append(s.took[kind], d)
	s.mu.Unlock()
}

func (s *timedStore) VectorQuery(ctx context.Context, q rag.VectorQuery) (ms []rag.Match, err error) {
	kind := "vector, nearest"
	if len(q.Filter.PassageIDs) > 0 {
		kind = "vector, named passages"
	}
	s.time(kind, func() { ms, err = s.Store.VectorQuery(ctx, q) })
	return ms, err
}

func (s *timedStore) KeywordQuery(ctx context.Context, q rag.KeywordQuery) (ms []rag.Match, err error) {
	kind := "keyword, best passages"
	switch {
	case q.Articles && len(q.Filter.ArticleIDs) > 0:
		kind = "keyword, named articles"
	case q.Articles:
		kind = "keyword, best articles"
	case len(q.Filter.PassageIDs) > 0:
		kind = "keyword, named passages"
	case len(q.Filter.ArticleIDs) > 0:
		kind = "keyword, passages of named articles"
	}
	s.time(kind, func() { ms, err = s.Store.KeywordQuery(ctx, q) })
	return ms, err
}

// TestWhereRetrievalTimeGoes asks the same synthetic questions of the
// in-process index and of two indexes over one Weaviate node, one
// searching keywords in its own postings (the default) and one in
// Weaviate (search.Options.KeywordsInStore), question by question, and
// reports each one's Retrieve p50 and the time of each kind of store
// query. It runs only when COVERAGEBOT_RETRIEVAL_PROFILE names a passage
// count; docs/SCALING.md ("Where the time went") has the figures.
func TestWhereRetrievalTimeGoes(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv(profilePassagesEnv))
	if n <= 0 {
		t.Skip("measures retrieval through Weaviate; set " + profilePassagesEnv + "=20000 (docs/SCALING.md)")
	}
	ctx := context.Background()
	chunk := prose.ChunkOptions{}
	arts := synthetic.Articles(synthetic.Options{Passages: n, Seed: 1, Chunk: chunk, Sentences: newsSentences(t)})
	questions := synthetic.Questions(arts, 200, 2)
	e := search.NewLocalEmbedder()
	local, err := search.Open(e, search.Options{Chunk: chunk})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := local.Ingest(ctx, arts, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}

	ws, _ := profileStore(ctx, t, arts, e, chunk, "Profile", local.Count())

	type backend struct {
		name  string
		ix    *search.Index
		store *timedStore
		took  []time.Duration
		same  int
	}
	backends := []*backend{{name: "in process", ix: local}}
	for _, inStore := range []bool{false, true} {
		ts := &timedStore{Store: ws, serial: os.Getenv(profileSerialEnv) != "", took: map[string][]time.Duration{}}
		ix, err := search.Open(e, search.Options{Store: ts, KeywordsInStore: inStore})
		if err != nil {
			t.Fatal(err)
		}
		name := "weaviate, keywords in the bot"
		if inStore {
			name = "weaviate, keywords in weaviate"
		}
		backends = append(backends, &backend{name: name, ix: ix, store: ts})
	}
	opts := rag.RetrieveOptions{K: 10, AsOf: synthetic.AsOf()}
	for i, q := range questions {
		var want []string
		for _, b := range backends {
			start := time.Now()
			hits, err := b.ix.Retrieve(ctx, q.Text, opts)
			if err != nil {
				t.Fatal(err)
			}
			if i >= 3 { // the first few fill caches, here and in the server
				b.took = append(b.took, time.Since(start))
			}
			if b.store == nil {
				want = hitIDs(hits)
			} else if slices.Equal(hitIDs(hits), want) {
				b.same++
			}
		}
	}
	inProcess := benchmark.LatencyOf(backends[0].took).P50
	for _, b := range backends {
		l := benchmark.LatencyOf(b.took)
		t.Logf("figure: %s: Retrieve p50 %s p99 %s (p50 %.2f× in process)", b.name,
			l.P50.Round(10*time.Microsecond), l.P99.Round(10*time.Microsecond), float64(l.P50)/float64(inProcess))
		if b.store == nil {
			continue
		}
		t.Logf("figure: %s: the same ten hits as in process for %d of %d questions", b.name, b.same, len(questions))
		var kinds []string
		for k := range b.store.took {
			kinds = append(kinds, k)
		}
		slices.Sort(kinds)
		for _, k := range kinds {
			took := b.store.took[k]
			l := benchmark.LatencyOf(took)
			t.Logf("figure:   %s: %d queries, p50 %s p99 %s", k, len(took), l.P50.Round(10*time.Microsecond), l.P99.Round(10*time.Microsecond))
		}
	}
	t.Logf("load average at the end %.1f", loadAverage())
}

// profileStore opens the collection a measuring test asks, on the server
// COVERAGEBOT_RETRIEVAL_PROFILE_SERVER names (with its own collection
// name) or on a node of its own. It imports the articles unless the
// collection holds want passages (any, when want is 0), and returns once
// every vector is in the server's graph, with the schema address of its
// passages collection (for tests that change its settings).
func profileStore(ctx context.Context, t *testing.T, arts []rag.Article, e rag.Embedder, chunk prose.ChunkOptions, collection string, want int) (*weaviate.Store, string) {
	t.Helper()
	url, grpcAddr := "", ""
	if f := strings.Fields(os.Getenv(profileServerEnv)); len(f) == 3 {
		url, grpcAddr, collection = f[0], f[1], f[2]
	} else {
		node := weaviatetest.StartWithEnv(t, 1, "ASYNC_INDEXING=true").Node(0)
		url, grpcAddr = "http://"+node.Host(), node.GRPCHost()
	}
	ws, err := weaviate.Open(ctx, weaviate.Options{URL: url, GRPC: grpcAddr, Collection: collection})
	if err != nil {
		t.Fatal(err)
	}
	if count, err := ws.Count(ctx); err != nil {
		t.Fatal(err)
	} else if count == 0 || want > 0 && count != want {
		if err := ws.Drop(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := benchmark.MeasureStoreIngest(ctx, arts, e, ws, chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := ws.WaitIndexed(ctx, time.Second); err != nil {
		t.Fatal(err)
	}
	return ws, url + "/v1/schema/" + collection + "Passage"
}
