package weaviate_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
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

// scaleEnv sets the passage count of TestScaleBesideChromem.
const scaleEnv = "COVERAGEBOT_STORE_SCALE"

// TestScaleBesideChromem measures both backends on the same synthetic
// coverage in one process: ingestion rate, the bot process's heap with the
// index open, (for Weaviate) the server's resident memory, and retrieval
// p50 and p99 over the same questions, asked of the in-process index, of
// Weaviate over gRPC and of Weaviate over GraphQL in turn, question by
// question, so that a change in the machine's load weighs on all three
// alike. It runs only when COVERAGEBOT_STORE_SCALE names a passage count,
// such as 100000; the figures in docs/SCALING.md come from it. It asserts
// what must hold at any size: the backends find the source article of the
// same share of questions, within a point.
func TestScaleBesideChromem(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv(scaleEnv))
	if n <= 0 {
		t.Skip("measures both stores at scale; set " + scaleEnv + "=100000 (docs/SCALING.md)")
	}
	ctx := context.Background()
	chunk := prose.ChunkOptions{}
	arts := synthetic.Articles(synthetic.Options{Passages: n, Seed: 1, Chunk: chunk, Sentences: newsSentences(t)})
	questions := synthetic.Questions(arts, 200, 2)
	e := search.NewLocalEmbedder()

	ingest := func(name string, ix *search.Index) {
		base := heap()
		start := time.Now()
		rep, err := ix.Ingest(ctx, arts, search.IngestOptions{})
		if err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		held := heap() - base
		t.Logf("figure: %s at %d passages: ingest %.0f passages/s (%s); bot heap %.0f MB (%.0f B a passage)",
			name, rep.Passages, float64(rep.Passages)/took.Seconds(), took.Round(time.Millisecond),
			float64(held)/1e6, float64(held)/float64(rep.Passages))
	}

	local, err := search.Open(e, search.Options{Dir: t.TempDir(), Chunk: chunk})
	if err != nil {
		t.Fatal(err)
	}
	ingest("chromem (in process)", local)

	node := weaviatetest.Start(t, 1).Node(0)
	url := "http://" + node.Host()
	s, err := weaviate.Open(ctx, weaviate.Options{URL: url, GRPC: node.GRPCHost(), Collection: "Scale"})
	if err != nil {
		t.Fatal(err)
	}
	overGRPC, err := search.Open(e, search.Options{Store: s, Chunk: chunk})
	if err != nil {
		t.Fatal(err)
	}
	ingest("weaviate, imports over gRPC", overGRPC)
	if rss, err := serverRSS(node.Host()); err == nil {
		t.Logf("figure: weaviate server resident memory %.0f MB", float64(rss)/1e6)
	} else {
		t.Logf("weaviate server memory not read: %v", err)
	}
	// A second index over the same collections, searching over GraphQL.
	s2, err := weaviate.Open(ctx, weaviate.Options{URL: url, Collection: "Scale"})
	if err != nil {
		t.Fatal(err)
	}
	overGraphQL, err := search.Open(e, search.Options{Store: s2, Chunk: chunk})
	if err != nil {
		t.Fatal(err)
	}

	backends := []struct {
		name string
		ix   *search.Index
		durs []time.Duration
		hits int
	}{{name: "chromem (in process)", ix: local}, {name: "weaviate, search over gRPC", ix: overGRPC}, {name: "weaviate, search over GraphQL", ix: overGraphQL}}
	for _, q := range questions {
		for i := range backends {
			b := &backends[i]
			start := time.Now()
			res, err := b.ix.Retrieve(ctx, q.Text, rag.RetrieveOptions{K: 10, AsOf: synthetic.AsOf()})
			if err != nil {
				t.Fatal(err)
			}
			b.durs = append(b.durs, time.Since(start))
			for _, h := range res {
				if h.ArticleID == q.ArticleID {
					b.hits++
					break
				}
			}
		}
	}
	inProcess := benchmark.LatencyOf(backends[0].durs).P50
	for _, b := range backends {
		l := benchmark.LatencyOf(b.durs)
		t.Logf("figure: %s: Retrieve p50 %s p99 %s over %d questions (p50 %.2f× in process); source found %.3f",
			b.name, l.P50.Round(time.Microsecond), l.P99.Round(time.Microsecond), len(questions),
			float64(l.P50)/float64(inProcess), float64(b.hits)/float64(len(questions)))
	}
	for _, b := range backends[1:] {
		if d := float64(backends[0].hits-b.hits) / float64(len(questions)); d > 0.01 || d < -0.01 {
			t.Errorf("source found %d times with chromem, %d with %s", backends[0].hits, b.hits, b.name)
		}
	}
}

// newsSentences returns the clean sentences of realtimeqa-dev, so that the
// synthetic coverage reads like news ($COVERAGEBOT_BENCH_DIR, or the shared
// copy beside the repository).
func newsSentences(t *testing.T) []string {
	articles := benchArticles(t)
	prose.Clean(articles)
	var out []string
	for _, a := range articles {
		out = append(out, prose.SplitSentences(a.Text)...)
	}
	return out
}

// heap is the live heap after a collection.
func heap() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse)
}

// serverRSS finds the weaviate-server listening on host's port and reads
// its resident set size.
func serverRSS(host string) (int64, error) {
	dir, err := serverProc(host)
	if err != nil {
		return 0, err
	}
	status, err := os.ReadFile(filepath.Join(dir, "status"))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			return kb * 1024, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for the weaviate-server on %s", host)
}

// serverProc returns the /proc directory of the weaviate-server listening
// on host's port.
func serverProc(host string) (string, error) {
	port := host[strings.LastIndex(host, ":")+1:]
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, p := range procs {
		cmd, err := os.ReadFile(p)
		if err == nil && bytes.Contains(cmd, []byte("weaviate-server")) && bytes.Contains(cmd, []byte("--port\x00"+port+"\x00")) {
			return filepath.Dir(p), nil
		}
	}
	return "", fmt.Errorf("no weaviate-server process on port %s", port)
}
