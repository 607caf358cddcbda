package search

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/philippgille/chromem-go"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// benchSeed fixes the synthetic coverage of every benchmark here, so runs
// compare like with like.
const benchSeed = 20250426

func TestSyntheticArticlesAreReproducible(t *testing.T) {
	tests := []struct {
		name      string
		passages  int
		sentences []string
	}{
		{"zipf vocabulary", 250, nil},
		{"given sentences", 120, []string{
			"Ministers met in Brussels on Tuesday to discuss the budget.",
			"The talks ended without a deal, officials said.",
			"Shares in the company rose by 4% after the announcement.",
			"Residents were told to stay indoors until the storm passed.",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := SyntheticOptions{Passages: tc.passages, Seed: benchSeed, Sentences: tc.sentences}
			a, b := SyntheticArticles(opts), SyntheticArticles(opts)
			if !slices.EqualFunc(a, b, func(x, y rag.Article) bool { return x.ID == y.ID && x.Text == y.Text && x.Published.Equal(y.Published) }) {
				t.Fatal("the same seed gave different articles")
			}
			opts.Seed++
			if c := SyntheticArticles(opts); c[0].Text == a[0].Text {
				t.Fatal("another seed gave the same first article")
			}
			total := 0
			for _, art := range a {
				total += len(prose.Chunk(art, opts.Chunk))
				if art.ID == "" || art.Title == "" || art.Outlet == "" || art.URL == "" {
					t.Fatalf("article without metadata: %+v", art)
				}
			}
			if total != tc.passages {
				t.Fatalf("articles make %d passages, want %d", total, tc.passages)
			}
			if tc.sentences != nil {
				for _, art := range a {
					for _, s := range prose.SplitSentences(art.Text) {
						if !slices.Contains(tc.sentences, s) {
							t.Fatalf("sentence %q is not from the pool", s)
						}
					}
				}
			}
			q1, q2 := SyntheticQuestions(a, 20, 7), SyntheticQuestions(a, 20, 7)
			if len(q1) != 20 || !slices.Equal(q1, q2) {
				t.Fatalf("questions are not reproducible: %v vs %v", q1, q2)
			}
			for _, q := range q1 {
				if !strings.HasSuffix(q.Text, "?") || !slices.ContainsFunc(a, func(x rag.Article) bool { return x.ID == q.ArticleID }) {
					t.Fatalf("bad question %+v", q)
				}
			}
		})
	}
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
	arts := SyntheticArticles(SyntheticOptions{Passages: 300, Seed: benchSeed})
	ib, err := MeasureIngest(ctx, arts, NewLocalEmbedder(), filepath.Join(dir, "index"), prose.ChunkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ib.Passages != 300 || ib.Articles != len(arts) || ib.SnapshotBytes == 0 || ib.PerSecond() <= 0 {
		t.Fatalf("ingest: %+v", ib)
	}

	lb, ix, err := MeasureLoad(ctx, filepath.Join(dir, "index"), NewLocalEmbedder(), LoadOptions{Repeats: 2, ChromemDir: filepath.Join(dir, "chromem")})
	if err != nil {
		t.Fatal(err)
	}
	if lb.Passages != 300 || lb.ChromemLoaded != 300 || lb.Articles != len(arts) {
		t.Fatalf("load: %+v", lb)
	}
	// The raw size holds at least every vector.
	if lb.RawBytes < int64(300*4*LocalDimensions) || lb.HeapBytes <= 0 || lb.ChromemHeapBytes <= 0 || lb.ChromemDiskBytes <= 0 {
		t.Fatalf("load sizes: %+v", lb)
	}

	qs := SyntheticQuestions(arts, 12, 3)
	rb, err := MeasureRetrieval(ctx, ix, qs, rag.RetrieveOptions{AsOf: SyntheticAsOf})
	if err != nil {
		t.Fatal(err)
	}
	if rb.Queries != 12 || rb.Passages != 300 || rb.Candidates != benchCandidates(DefaultK) {
		t.Fatalf("retrieval: %+v", rb)
	}
	if rb.Agreement != 1 {
		t.Fatalf("the scan and chromem-go disagree on %.0f%% of neighbours", 100*(1-rb.Agreement))
	}
	if rb.SourceFound == 0 || rb.Hybrid.P50 <= 0 || rb.Chromem.P50 <= 0 || rb.Scan.P50 <= 0 || rb.Hybrid.P99 < rb.Hybrid.P50 {
		t.Fatalf("retrieval: %+v", rb)
	}
}

// benchFixture is synthetic coverage of one size, indexed once per test
// binary and shared by the benchmarks of that size.
type benchFixture struct {
	articles  []rag.Article
	questions []BenchQuestion
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
	f := &benchFixture{articles: SyntheticArticles(SyntheticOptions{Passages: n, Seed: benchSeed})}
	dir := b.TempDir()
	if _, err := MeasureIngest(ctx, f.articles, NewLocalEmbedder(), dir, prose.ChunkOptions{}); err != nil {
		b.Fatal(err)
	}
	ix, err := Open(NewLocalEmbedder(), Options{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	f.ix = ix
	f.questions = SyntheticQuestions(f.articles, 256, benchSeed)
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

// chromemDir writes the fixture's passages into a chromem-go persistent DB
// in a directory of the benchmark's own.
func (f *benchFixture) chromemDir(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "chromem")
	docs, _, _ := chromemDocs(f.ix.st)
	if err := writeChromemDB(context.Background(), dir, docs); err != nil {
		b.Fatal(err)
	}
	return dir
}

var benchSizes = []struct {
	name string
	n    int
}{{"10k", 10_000}, {"100k", 100_000}}

// BenchmarkRetrieve is the full hybrid retrieval: the question embedded,
// chromem-go's vector search, BM25, fusion, date prior and diversity.
func BenchmarkRetrieve(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			f := fixture(b, size.n)
			ctx := context.Background()
			i := 0
			for b.Loop() {
				q := f.questions[i%len(f.questions)]
				if _, err := f.ix.Retrieve(ctx, q.Text, rag.RetrieveOptions{AsOf: SyntheticAsOf}); err != nil {
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
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			f := fixture(b, size.n)
			ctx := context.Background()
			n := benchCandidates(DefaultK)
			i := 0
			for b.Loop() {
				if _, err := f.ix.st.coll.QueryEmbedding(ctx, f.qvecs[i%len(f.qvecs)], n, nil, nil); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkDotScan is one core reading every vector once: the floor any
// exact vector search stands on.
func BenchmarkDotScan(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			f := fixture(b, size.n)
			var vecs [][]float32
			for _, rec := range f.ix.st.docs {
				vecs = append(vecs, rec.vec)
			}
			n := benchCandidates(DefaultK)
			i := 0
			for b.Loop() {
				scanTopN(vecs, f.qvecs[i%len(f.qvecs)], n)
				i++
			}
			b.ReportMetric(float64(len(vecs)*4*len(vecs[0]))*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
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
			arts := SyntheticArticles(SyntheticOptions{Passages: size.n, Seed: benchSeed})
			ctx := context.Background()
			var passages int
			for b.Loop() {
				ib, err := MeasureIngest(ctx, arts, NewLocalEmbedder(), b.TempDir(), prose.ChunkOptions{})
				if err != nil {
					b.Fatal(err)
				}
				passages += ib.Passages
			}
			b.ReportMetric(float64(passages)/b.Elapsed().Seconds(), "passages/s")
		})
	}
}

// BenchmarkLocalEmbed is the embedded embedder alone, on passages.
func BenchmarkLocalEmbed(b *testing.B) {
	var texts []string
	for _, a := range SyntheticArticles(SyntheticOptions{Passages: 1000, Seed: benchSeed}) {
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

// BenchmarkChromemPersistentReload is chromem-go's own start-up on the same
// passages: NewPersistentDB reading a file per passage.
func BenchmarkChromemPersistentReload(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			dir := fixture(b, size.n).chromemDir(b)
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
