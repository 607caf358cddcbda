package weaviate_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/synthetic"
	"github.com/coveragebot/coveragebot/internal/weaviatetest"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/weaviate"
)

// Settings of TestImportRate.
const (
	importPassagesEnv = "COVERAGEBOT_IMPORT_PASSAGES" // passages to import, such as 10000
	importGridEnv     = "COVERAGEBOT_IMPORT_GRID"     // batch size × requests in flight, such as "200x1 500x4"
	importServerEnv   = "COVERAGEBOT_IMPORT_SERVER"   // extra server settings, such as "ASYNC_INDEXING=true"
)

// TestImportRate times Store.Put of the same synthetic passages, embedded
// beforehand, into one local node over gRPC, once for each batch size and
// number of requests in flight of COVERAGEBOT_IMPORT_GRID, in collections
// emptied before each. Besides passages a second it reports the server's
// CPU time per thousand passages, which depends much less than the rate on
// what else the machine runs, and when the server's vector index held them
// all. It runs only when COVERAGEBOT_IMPORT_PASSAGES is set; the choice of
// DefaultBatchSize and DefaultConcurrency in docs/SCALING.md comes from it.
func TestImportRate(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv(importPassagesEnv))
	if n <= 0 {
		t.Skip("measures imports; set " + importPassagesEnv + "=10000 (docs/SCALING.md)")
	}
	grid := strings.Fields(os.Getenv(importGridEnv))
	if len(grid) == 0 {
		grid = []string{"200x1", fmt.Sprintf("%dx%d", weaviate.DefaultBatchSize, weaviate.DefaultConcurrency)}
	}
	ctx := context.Background()
	arts, passages := embedded(t, n)
	node := weaviatetest.StartWithEnv(t, 1, strings.Fields(os.Getenv(importServerEnv))...).Node(0)
	for _, cell := range grid {
		b, c, _ := strings.Cut(cell, "x")
		batch, err1 := strconv.Atoi(b)
		inFlight, err2 := strconv.Atoi(c)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %q is not BATCHxINFLIGHT", importGridEnv, cell)
		}
		s, err := weaviate.Open(ctx, weaviate.Options{URL: "http://" + node.Host(), GRPC: node.GRPCHost(),
			Collection: "Rate", BatchSize: batch, Concurrency: inFlight})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Drop(ctx); err != nil {
			t.Fatal(err)
		}
		load := loadAverage()
		cpu := serverCPU(t, node.Host())
		start := time.Now()
		if err := s.Put(ctx, arts); err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		if err := s.WaitIndexed(ctx, 100*time.Millisecond); err != nil {
			t.Fatal(err)
		}
		indexed := time.Since(start)
		cpu = serverCPU(t, node.Host()) - cpu
		t.Logf("figure: batch %d, %d in flight: %d passages in %s, %.0f passages/s; all indexed after %s; server CPU %.2f s per 1,000 passages; load %.1f to %.1f",
			batch, inFlight, passages, took.Round(time.Millisecond), float64(passages)/took.Seconds(),
			indexed.Round(time.Millisecond), cpu/float64(passages)*1000, load, loadAverage())
	}
}

// embedded returns synthetic articles of about n passages with their
// vectors, as ingestion hands them to a store.
func embedded(t *testing.T, n int) ([]rag.StoredArticle, int) {
	t.Helper()
	e := search.NewLocalEmbedder()
	var out []rag.StoredArticle
	passages := 0
	for _, a := range synthetic.Articles(synthetic.Options{Passages: n, Seed: 1}) {
		ps := prose.Chunk(a, prose.ChunkOptions{})
		texts := make([]string, len(ps))
		for i, p := range ps {
			texts[i] = p.Title + "\n" + p.Text
		}
		vecs, err := e.Embed(context.Background(), texts)
		if err != nil {
			t.Fatal(err)
		}
		sa := rag.StoredArticle{Info: rag.ArticleInfo{ID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: a.Published, Passages: len(ps)},
			Body: a.Text, Hash: a.ID, Embedder: e.Name, Dimensions: e.Dimensions}
		for i, p := range ps {
			sa.Passages = append(sa.Passages, rag.StoredPassage{Passage: p, Start: -1, End: -1, Vector: vecs[i]})
		}
		passages += len(ps)
		out = append(out, sa)
	}
	return out, passages
}

// serverCPU returns the CPU time, user and system, the weaviate-server
// listening on host's port has used so far.
func serverCPU(t *testing.T, host string) float64 {
	t.Helper()
	dir, err := serverProc(host)
	if err != nil {
		t.Fatal(err)
	}
	stat, err := os.ReadFile(filepath.Join(dir, "stat"))
	if err != nil {
		t.Fatal(err)
	}
	// Fields after the command's closing parenthesis; utime and stime are
	// the 14th and 15th of the line, in clock ticks (100 a second).
	f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
	user, _ := strconv.ParseFloat(f[11], 64)
	sys, _ := strconv.ParseFloat(f[12], 64)
	return (user + sys) / 100
}

func loadAverage() float64 {
	b, _ := os.ReadFile("/proc/loadavg")
	f, _, _ := strings.Cut(string(b), " ")
	v, _ := strconv.ParseFloat(f, 64)
	return v
}
