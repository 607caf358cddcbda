package benchmark

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/philippgille/chromem-go"

	"github.com/coveragebot/coveragebot/internal/synthetic"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/search"
)

const benchSeed = 20250426

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func TestScanTopNMatchesAFullSort(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	vecs := make([][]float32, 500)
	for i := range vecs {
		vecs[i] = make([]float32, 16)
		for j := range vecs[i] {
			vecs[i][j] = r.Float32()*2 - 1
		}
	}
	q := vecs[17]
	for _, n := range []int{1, 10, 48, 500} {
		got := scanTopN(vecs, q, n)
		order := make([]int32, len(vecs))
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int {
			da, db := dot(q, vecs[a]), dot(q, vecs[b])
			switch {
			case da > db:
				return -1
			case da < db:
				return 1
			}
			return int(a - b)
		})
		if !slices.Equal(got, order[:n]) {
			t.Fatalf("n=%d: scan %v, sort %v", n, got[:min(5, n)], order[:min(5, n)])
		}
	}
}

func TestChromemOnePerTextCallsOncePerText(t *testing.T) {
	var calls atomic.Int64
	embed := func(_ context.Context, texts []string) ([][]float32, error) {
		calls.Add(1)
		if len(texts) != 1 {
			return nil, fmt.Errorf("%d texts in one call", len(texts))
		}
		return [][]float32{{1, 0}}, nil
	}
	texts := []string{"one", "two", "three", "four", "five"}
	if _, err := ChromemOnePerText(context.Background(), embed, texts); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != int64(len(texts)) {
		t.Fatalf("%d calls for %d texts", calls.Load(), len(texts))
	}
}

func TestMeasureOnASmallIndex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	arts := synthetic.Articles(synthetic.Options{Passages: 300, Seed: benchSeed})
	ib, err := MeasureIngest(ctx, arts, search.NewLocalEmbedder(), filepath.Join(dir, "index"), prose.ChunkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ib.Passages != 300 || ib.Articles != len(arts) || ib.SnapshotBytes == 0 || ib.PerSecond() <= 0 {
		t.Fatalf("ingest: %+v", ib)
	}

	lb, ix, err := MeasureLoad(ctx, filepath.Join(dir, "index"), search.NewLocalEmbedder(), LoadOptions{Repeats: 2, ChromemDir: filepath.Join(dir, "chromem")})
	if err != nil {
		t.Fatal(err)
	}
	if lb.Passages != 300 || lb.ChromemLoaded != 300 || lb.Articles != len(arts) {
		t.Fatalf("load: %+v", lb)
	}
	// The raw size holds at least every vector.
	if lb.RawBytes < int64(300*4*search.LocalDimensions) || lb.HeapBytes <= 0 || lb.ChromemHeapBytes <= 0 || lb.ChromemDiskBytes <= 0 {
		t.Fatalf("load sizes: %+v", lb)
	}

	qs := synthetic.Questions(arts, 12, 3)
	rb, err := MeasureRetrieval(ctx, ix, qs, rag.RetrieveOptions{AsOf: synthetic.AsOf()})
	if err != nil {
		t.Fatal(err)
	}
	if rb.Queries != 12 || rb.Passages != 300 || rb.Candidates != Candidates(search.DefaultK) {
		t.Fatalf("retrieval: %+v", rb)
	}
	if rb.Agreement != 1 {
		t.Fatalf("the scan and chromem-go disagree on %.0f%% of neighbours", 100*(1-rb.Agreement))
	}
	if rb.SourceFound == 0 || rb.Hybrid.P50 <= 0 || rb.Chromem.P50 <= 0 || rb.Scan.P50 <= 0 || rb.Hybrid.P99 < rb.Hybrid.P50 {
		t.Fatalf("retrieval: %+v", rb)
	}
}

// fixture is an index of n synthetic passages, built once per size and
// shared by the benchmarks here, with its passages as chromem-go documents.
type fixture struct {
	ix    *search.Index
	docs  []chromem.Document
	qvecs [][]float32
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[int]*fixture{}
)

func fixtureOf(b *testing.B, n int) *fixture {
	b.Helper()
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	if f := fixtures[n]; f != nil {
		return f
	}
	ctx := context.Background()
	arts := synthetic.Articles(synthetic.Options{Passages: n, Seed: benchSeed})
	dir := b.TempDir()
	if _, err := MeasureIngest(ctx, arts, search.NewLocalEmbedder(), dir, prose.ChunkOptions{}); err != nil {
		b.Fatal(err)
	}
	ix, err := search.Open(search.NewLocalEmbedder(), search.Options{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	docs, _, _, err := chromemDocs(ix)
	if err != nil {
		b.Fatal(err)
	}
	f := &fixture{ix: ix, docs: docs}
	for _, q := range synthetic.Questions(arts, 256, benchSeed) {
		v, err := ix.Embedder().Embed(ctx, []string{q.Text})
		if err != nil {
			b.Fatal(err)
		}
		f.qvecs = append(f.qvecs, v[0])
	}
	fixtures[n] = f
	return f
}

var benchSizes = []struct {
	name string
	n    int
}{{"10k", 10_000}, {"100k", 100_000}}

// BenchmarkDotScan is one core reading every vector once: the floor any
// exact vector search stands on.
func BenchmarkDotScan(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			f := fixtureOf(b, size.n)
			var vecs [][]float32
			for _, d := range f.docs {
				vecs = append(vecs, d.Embedding)
			}
			n := Candidates(search.DefaultK)
			i := 0
			for b.Loop() {
				scanTopN(vecs, f.qvecs[i%len(f.qvecs)], n)
				i++
			}
			b.ReportMetric(float64(len(vecs)*4*len(vecs[0]))*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
		})
	}
}

// BenchmarkChromemPersistentReload is chromem-go's own start-up on the same
// passages: NewPersistentDB reading a file per passage.
func BenchmarkChromemPersistentReload(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			f := fixtureOf(b, size.n)
			dir := filepath.Join(b.TempDir(), "chromem")
			if err := writeChromemDB(context.Background(), dir, f.docs); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				db, err := chromem.NewPersistentDB(dir, false)
				if err != nil {
					b.Fatal(err)
				}
				if db.GetCollection("passages", nil) == nil {
					b.Fatal("collection missing")
				}
			}
		})
	}
}
