package search

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/synthetic"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// benchSeed fixes the synthetic coverage of every benchmark here, so runs
// compare like with like.
const benchSeed = 20250426

// benchFixture is synthetic coverage of one size, indexed once per test
// binary and shared by the benchmarks of that size.
type benchFixture struct {
	articles  []rag.Article
	questions []synthetic.Question
	qvecs     [][]float32
	ix        *Index
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[int]*benchFixture{}
)

// fixture builds (or reuses) an index of n synthetic passages: ingested
// into a snapshot, then opened from it as the bot does at start-up, so its
// vectors are laid out as in production. The index lives on in memory
// after the benchmark that built it has removed its directory.
func fixture(b *testing.B, n int) *benchFixture {
	b.Helper()
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	if f := fixtures[n]; f != nil {
		return f
	}
	ctx := context.Background()
	f := &benchFixture{articles: synthetic.Articles(synthetic.Options{Passages: n, Seed: benchSeed})}
	dir := b.TempDir()
	if _, err := ingestInto(ctx, dir, f.articles); err != nil {
		b.Fatal(err)
	}
	ix, err := Open(NewLocalEmbedder(), Options{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	f.ix = ix
	f.questions = synthetic.Questions(f.articles, 256, benchSeed)
	for _, q := range f.questions {
		v, err := ix.embedder.Embed(ctx, []string{q.Text})
		if err != nil {
			b.Fatal(err)
		}
		f.qvecs = append(f.qvecs, unitVector(v[0]))
	}
	fixtures[n] = f
	return f
}

// snapshotDir writes the fixture's index as a snapshot into a directory of
// the benchmark's own.
func (f *benchFixture) snapshotDir(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	file, err := os.Create(filepath.Join(dir, snapshotName))
	if err != nil {
		b.Fatal(err)
	}
	defer file.Close()
	if err := writeSnapshot(file, f.ix.st, prose.ChunkOptions{}); err != nil {
		b.Fatal(err)
	}
	return dir
}

var benchSizes = []struct {
	name string
	n    int
}{{"10k", 10_000}, {"100k", 100_000}}

// BenchmarkRetrieve is the full hybrid retrieval: the question embedded,
// the vector search, BM25, fusion, date prior and diversity.
func BenchmarkRetrieve(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			f := fixture(b, size.n)
			ctx := context.Background()
			i := 0
			for b.Loop() {
				q := f.questions[i%len(f.questions)]
				if _, err := f.ix.Retrieve(ctx, q.Text, rag.RetrieveOptions{AsOf: synthetic.AsOf()}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkQueryEmbeddingChromem is chromem-go's bare vector search on the
// same collection, asked for as many neighbours as Retrieve asks for.
func BenchmarkQueryEmbeddingChromem(b *testing.B) {
	benchVectorSearch(b, func(ctx context.Context, f *benchFixture, q []float32, n int) error {
		_, err := f.ix.st.coll.QueryEmbedding(ctx, q, n, nil, nil)
		return err
	})
}

// BenchmarkVectorSearch is the index's own vector search (nearest) on the
// same vectors: the figure to set beside BenchmarkQueryEmbeddingChromem.
func BenchmarkVectorSearch(b *testing.B) {
	benchVectorSearch(b, func(ctx context.Context, f *benchFixture, q []float32, n int) error {
		_, err := f.ix.st.nearest(ctx, q, n, nil)
		return err
	})
}

// benchVectorSearch times search over the fixture's question vectors, each
// asking for as many neighbours as Retrieve asks for.
func benchVectorSearch(b *testing.B, search func(context.Context, *benchFixture, []float32, int) error) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			f := fixture(b, size.n)
			ctx := context.Background()
			n := benchCandidates(DefaultK)
			i := 0
			for b.Loop() {
				if err := search(ctx, f, f.qvecs[i%len(f.qvecs)], n); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkKeywordSearch is the BM25 side of Retrieve alone.
func BenchmarkKeywordSearch(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			f := fixture(b, size.n)
			n := benchCandidates(DefaultK)
			terms := make([][]string, len(f.questions))
			for i, q := range f.questions {
				terms[i] = prose.Terms(q.Text)
			}
			i := 0
			for b.Loop() {
				f.ix.st.kw.search(terms[i%len(terms)], n, nil, nil)
				i++
			}
		})
	}
}

// BenchmarkIngestLocal is ingestion end to end with the embedded embedder,
// snapshot included.
func BenchmarkIngestLocal(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			arts := synthetic.Articles(synthetic.Options{Passages: size.n, Seed: benchSeed})
			ctx := context.Background()
			var passages int
			for b.Loop() {
				rep, err := ingestInto(ctx, b.TempDir(), arts)
				if err != nil {
					b.Fatal(err)
				}
				passages += rep.Passages
			}
			b.ReportMetric(float64(passages)/b.Elapsed().Seconds(), "passages/s")
		})
	}
}

// BenchmarkIngestTermsOnce sets ingestion with the embedded default, which
// embeds the terms found for BM25, beside the same ingestion through Embed
// (the default wrapped, so that each passage is tokenised a second time),
// taking turns in one run so that load from elsewhere falls on both alike.
// It reports both rates and their ratio.
func BenchmarkIngestTermsOnce(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			arts := synthetic.Articles(synthetic.Options{Passages: size.n, Seed: benchSeed})
			ctx := context.Background()
			wrapped := NewLocalEmbedder()
			inner := wrapped.Embed
			wrapped.Embed = func(ctx context.Context, texts []string) ([][]float32, error) { return inner(ctx, texts) }
			var took [2]time.Duration
			passages := 0
			for b.Loop() {
				for i, e := range []rag.Embedder{NewLocalEmbedder(), wrapped} {
					ix, err := Open(e, Options{Dir: b.TempDir(), Fresh: true})
					if err != nil {
						b.Fatal(err)
					}
					start := time.Now()
					rep, err := ix.Ingest(ctx, arts, IngestOptions{})
					if err != nil {
						b.Fatal(err)
					}
					took[i] += time.Since(start)
					passages += rep.Passages * (1 - i)
				}
			}
			b.ReportMetric(float64(passages)/took[0].Seconds(), "terms-passages/s")
			b.ReportMetric(float64(passages)/took[1].Seconds(), "embed-passages/s")
			b.ReportMetric(took[1].Seconds()/took[0].Seconds(), "speed-up")
		})
	}
}

// BenchmarkLocalEmbed is the embedded embedder alone, on passages.
func BenchmarkLocalEmbed(b *testing.B) {
	var texts []string
	for _, a := range synthetic.Articles(synthetic.Options{Passages: 1000, Seed: benchSeed}) {
		for _, p := range prose.Chunk(a, prose.ChunkOptions{}) {
			texts = append(texts, embedText(p))
		}
	}
	embed := NewLocalEmbedder().Embed
	ctx := context.Background()
	for b.Loop() {
		if _, err := embed(ctx, texts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "passages/s")
}

// BenchmarkLoadSnapshot is the index's start-up: Open on its snapshot.
func BenchmarkLoadSnapshot(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			dir := fixture(b, size.n).snapshotDir(b)
			for b.Loop() {
				if _, err := Open(NewLocalEmbedder(), Options{Dir: dir}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// ingestInto ingests articles into a new index in dir with the embedded
// embedder, snapshot included.
func ingestInto(ctx context.Context, dir string, arts []rag.Article) (IngestReport, error) {
	ix, err := Open(NewLocalEmbedder(), Options{Dir: dir, Fresh: true})
	if err != nil {
		return IngestReport{}, err
	}
	return ix.Ingest(ctx, arts, IngestOptions{})
}

// benchCandidates is how many neighbours Retrieve asks the vector search for
// when k passages are wanted.
func benchCandidates(k int) int { return max(defaultTuning.candidates, candidatesPerHit*k) }

// BenchmarkDot sets the vector search's dot product (four sums) beside the
// same product summed in order, over 100,000 vectors of the embedded
// embedder's size, in one run.
func BenchmarkDot(b *testing.B) {
	const n = 100_000
	r := rand.New(rand.NewPCG(1, 2))
	slab := make([]float32, n*LocalDimensions)
	for i := range slab {
		slab[i] = r.Float32() - 0.5
	}
	q := slab[:LocalDimensions]
	inOrder := func(a, b []float32) float32 {
		var s float32
		for i := range a {
			s += a[i] * b[i]
		}
		return s
	}
	var sink float32
	for _, c := range []struct {
		name string
		dot  func(a, b []float32) float32
	}{{"four-sums", dot}, {"in-order", inOrder}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for i := 0; i < n; i++ {
					sink += c.dot(q, slab[i*LocalDimensions:(i+1)*LocalDimensions])
				}
			}
		})
	}
	_ = sink
}
