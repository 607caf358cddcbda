// Package benchmark is the measuring side of `coveragebot bench`: timed
// ingestion, start-up and retrieval of a search.Index side by side with
// chromem-go's own calls on the same passages and vectors, and a plain scan
// of those vectors as the floor. It uses only the index's public API
// (Export hands it the vectors), and is built into the command only with
// -tags bench, so the shipped binary carries none of it.
package benchmark

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/philippgille/chromem-go"

	"github.com/coveragebot/coveragebot/internal/synthetic"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/eval"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/search"
)

// IngestBench is the outcome of one timed ingestion.
type IngestBench struct {
	Articles int
	Passages int
	Duration time.Duration
	// SnapshotBytes is the size of what the ingestion wrote: the snapshot
	// and its lock file.
	SnapshotBytes int64
}

// PerSecond is the ingestion rate in passages a second.
func (b IngestBench) PerSecond() float64 {
	if b.Duration <= 0 {
		return 0
	}
	return float64(b.Passages) / b.Duration.Seconds()
}

// MeasureIngest times one ingestion of articles into a new index in dir,
// end to end: cleaning, chunking, embedding, the keyword index, the
// chromem-go collection and the snapshot written to disk.
func MeasureIngest(ctx context.Context, articles []rag.Article, embedder rag.Embedder, dir string, chunk prose.ChunkOptions) (IngestBench, error) {
	ix, err := search.Open(embedder, search.Options{Dir: dir, Chunk: chunk, Fresh: true})
	if err != nil {
		return IngestBench{}, err
	}
	b, err := timeIngest(ctx, ix, articles)
	b.SnapshotBytes = dirSize(dir)
	return b, err
}

// timeIngest times one Ingest of articles into ix.
func timeIngest(ctx context.Context, ix *search.Index, articles []rag.Article) (IngestBench, error) {
	start := time.Now()
	rep, err := ix.Ingest(ctx, articles, search.IngestOptions{})
	took := time.Since(start)
	if err != nil {
		return IngestBench{}, fmt.Errorf("bench ingest: %w", err)
	}
	return IngestBench{Articles: rep.Articles, Passages: rep.Passages, Duration: took}, nil
}

// ChromemOnePerText times what chromem-go does with texts when it is handed
// an EmbeddingFunc: AddDocuments with concurrency 1 calls the function once
// per text. embed is called with one text each time, as that EmbeddingFunc
// would be.
func ChromemOnePerText(ctx context.Context, embed rag.EmbedFunc, texts []string) (time.Duration, error) {
	one := func(ctx context.Context, text string) ([]float32, error) {
		vecs, err := embed(ctx, []string{text})
		if err != nil {
			return nil, err
		}
		if len(vecs) != 1 {
			return nil, fmt.Errorf("got %d vectors for 1 text", len(vecs))
		}
		return vecs[0], nil
	}
	coll, err := chromem.NewDB().CreateCollection("one-per-text", nil, one)
	if err != nil {
		return 0, err
	}
	docs := make([]chromem.Document, len(texts))
	for i, t := range texts {
		docs[i] = chromem.Document{ID: strconv.Itoa(i), Content: t}
	}
	start := time.Now()
	if err := coll.AddDocuments(ctx, docs, 1); err != nil {
		return 0, fmt.Errorf("chromem add documents: %w", err)
	}
	return time.Since(start), nil
}

// Latency summarises timed calls.
type Latency struct {
	P50, P99, Mean time.Duration
}

// LatencyOf summarises durations (nearest-rank percentiles).
func LatencyOf(ds []time.Duration) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return Latency{P50: eval.Percentile(ds, 50), P99: eval.Percentile(ds, 99), Mean: sum / time.Duration(len(ds))}
}

// RetrievalBench compares, on the same index and the same question vectors,
// the full hybrid Retrieve, chromem-go's bare QueryEmbedding asked for the
// same number of candidates, and a plain single-threaded scan of the same
// vectors.
type RetrievalBench struct {
	Passages   int
	Dimensions int
	Queries    int
	K          int
	// Candidates is the number of nearest neighbours Retrieve asks
	// chromem-go for, and so what the bare query and the scan ask for.
	Candidates int
	Hybrid     Latency
	Chromem    Latency
	Scan       Latency
	// Agreement is the share of chromem-go's neighbours, over every
	// question that is not all stop words, that the scan found too; 1
	// means both computed the same thing.
	Agreement float64
	// SourceFound is the share of questions whose source article is among
	// the hybrid hits: a check that the answers are still right at scale.
	SourceFound float64
}

// Candidates is how many neighbours Retrieve asks the vector search for
// when k passages are wanted, and so what the bare query and the scan ask
// for.
func Candidates(k int) int { return search.VectorCandidates(k) }

// MeasureRetrieval times each question three ways, taking turns so that
// noise from other processes falls on all three alike. Questions are
// embedded once, before timing, for the bare query and the scan; Retrieve
// embeds its own, as it does in production.
func MeasureRetrieval(ctx context.Context, ix *search.Index, questions []synthetic.Question, opts rag.RetrieveOptions) (RetrievalBench, error) {
	if opts.K <= 0 {
		opts.K = search.DefaultK
	}
	n := Candidates(opts.K)
	docs, _, _, err := chromemDocs(ix)
	if err != nil {
		return RetrievalBench{}, err
	}
	vecs := make([][]float32, len(docs))
	ids := make([]string, len(docs))
	for i, d := range docs {
		vecs[i], ids[i] = d.Embedding, d.ID
	}
	dims := 0
	if len(vecs) > 0 {
		dims = len(vecs[0])
	}
	rb := RetrievalBench{Passages: len(vecs), Dimensions: dims, Queries: len(questions), K: opts.K, Candidates: min(n, len(vecs))}
	if len(vecs) == 0 || len(questions) == 0 {
		return rb, errors.New("bench retrieval: no passages or no questions")
	}
	n = rb.Candidates
	// chromem-go's side is a collection of its own holding the index's
	// passages and vectors, queried as a program using chromem-go would.
	coll, err := chromem.NewDB().CreateCollection("passages", nil, refuseEmbedding)
	if err != nil {
		return rb, fmt.Errorf("bench retrieval: %w", err)
	}
	if err := coll.AddDocuments(ctx, docs, runtime.GOMAXPROCS(0)); err != nil {
		return rb, fmt.Errorf("bench retrieval: %w", err)
	}
	docs = nil

	texts := make([]string, len(questions))
	for i, q := range questions {
		texts[i] = q.Text
	}
	qvecs, err := ix.Embedder().Embed(ctx, texts)
	if err != nil {
		return rb, fmt.Errorf("bench retrieval: embed questions: %w", err)
	}
	// The embedders give unit vectors, as the index stores them, except for
	// a question of stop words only, which has no direction: it gets one,
	// as the index gives its vectors one, so that chromem-go (which would
	// divide by its zero length) and the scan compare the same thing.
	for _, v := range qvecs {
		if len(v) > 0 && !slices.ContainsFunc(v, func(x float32) bool { return x != 0 }) {
			v[0] = 1
		}
	}

	hybrid := func(i int) error {
		hits, err := ix.Retrieve(ctx, questions[i].Text, opts)
		if err == nil {
			for _, h := range hits {
				if h.ArticleID == questions[i].ArticleID {
					rb.SourceFound++
					break
				}
			}
		}
		return err
	}
	// The bare query's and the scan's neighbours are kept, to be compared
	// once the timing is done.
	bareRes := make([][]chromem.Result, len(questions))
	scanDocs := make([][]int32, len(questions))
	bare := func(i int) error {
		res, err := coll.QueryEmbedding(ctx, qvecs[i], n, nil, nil)
		bareRes[i] = res
		return err
	}
	scan := func(i int) error {
		scanDocs[i] = scanTopN(vecs, qvecs[i], n)
		return nil
	}
	// A few untimed rounds fill caches and pools.
	for i := range min(3, len(questions)) {
		if err := bare(i); err != nil {
			return rb, fmt.Errorf("bench retrieval: %w", err)
		}
		if _, err := ix.Retrieve(ctx, questions[i].Text, opts); err != nil {
			return rb, fmt.Errorf("bench retrieval: %w", err)
		}
	}

	ways := []func(int) error{hybrid, bare, scan}
	took := make([][]time.Duration, len(ways))
	for i := range questions {
		for j := range ways {
			w := (i + j) % len(ways)
			start := time.Now()
			if err := ways[w](i); err != nil {
				return rb, fmt.Errorf("bench retrieval: %w", err)
			}
			took[w] = append(took[w], time.Since(start))
		}
		if err := ctx.Err(); err != nil {
			return rb, err
		}
	}
	var agree, compared int
	for i := range questions {
		if isZero(qvecs[i]) {
			// A question of stop words only ("Why would was in at?") has
			// no direction: every passage is equally near, chromem-go
			// turns the vector into NaNs, and any 48 are right.
			continue
		}
		want := make(map[string]bool, len(bareRes[i]))
		for _, r := range bareRes[i] {
			want[r.ID] = true
		}
		for _, d := range scanDocs[i] {
			if want[ids[d]] {
				agree++
			}
		}
		compared += len(bareRes[i])
	}
	if compared > 0 {
		rb.Agreement = float64(agree) / float64(compared)
	}
	rb.Hybrid, rb.Chromem, rb.Scan = LatencyOf(took[0]), LatencyOf(took[1]), LatencyOf(took[2])
	rb.SourceFound /= float64(len(questions))
	return rb, nil
}

type scanHit struct {
	sim float32
	doc int32
}

// scanTopN is the reference search: one core reading every vector once and
// keeping the n best in a min-heap, with nothing else to do.
func scanTopN(vecs [][]float32, q []float32, n int) []int32 {
	h := make([]scanHit, 0, n)
	for d, v := range vecs {
		var s float32
		for i, x := range v {
			s += x * q[i]
		}
		switch {
		case len(h) < n:
			h = append(h, scanHit{s, int32(d)})
			for c := len(h) - 1; c > 0; {
				p := (c - 1) / 2
				if h[p].sim <= h[c].sim {
					break
				}
				h[p], h[c] = h[c], h[p]
				c = p
			}
		case s > h[0].sim:
			h[0] = scanHit{s, int32(d)}
			for p := 0; ; {
				c := 2*p + 1
				if c >= len(h) {
					break
				}
				if c+1 < len(h) && h[c+1].sim < h[c].sim {
					c++
				}
				if h[p].sim <= h[c].sim {
					break
				}
				h[p], h[c] = h[c], h[p]
				p = c
			}
		}
	}
	slices.SortFunc(h, func(a, b scanHit) int {
		switch {
		case a.sim > b.sim:
			return -1
		case a.sim < b.sim:
			return 1
		}
		return int(a.doc - b.doc)
	})
	out := make([]int32, len(h))
	for i, x := range h {
		out[i] = x.doc
	}
	return out
}

// LoadBench compares loading the index at start-up with chromem-go's own
// persistence of the same passages, in time and in memory.
type LoadBench struct {
	Passages, Articles int
	// Open is the median time of Index Open on the snapshot.
	Open          time.Duration
	SnapshotBytes int64
	// HeapBytes is the heap the loaded index holds (after a collection).
	HeapBytes int64
	// RawBytes is the data itself: every passage's vector, text and id,
	// and each article's id, title, outlet, URL and date (8 bytes).
	RawBytes int64

	// ChromemWrite is the time to write the passages, with their vectors
	// and their article's metadata, into a chromem-go persistent DB (a
	// file per passage), done once.
	ChromemWrite     time.Duration
	ChromemDiskBytes int64
	// ChromemReload is the median time of NewPersistentDB reading them back.
	ChromemReload    time.Duration
	ChromemHeapBytes int64
	// ChromemLoaded is how many passages chromem-go found after the
	// reload; fewer than Passages means file names collided.
	ChromemLoaded int
}

// HeapPerPassage is the loaded index's heap divided by its passages.
func (b LoadBench) HeapPerPassage() float64 { return perPassage(b.HeapBytes, b.Passages) }

// RawPerPassage is the raw data divided by the passages.
func (b LoadBench) RawPerPassage() float64 { return perPassage(b.RawBytes, b.Passages) }

// ChromemHeapPerPassage is chromem-go's reloaded heap per passage.
func (b LoadBench) ChromemHeapPerPassage() float64 { return perPassage(b.ChromemHeapBytes, b.Passages) }

func perPassage(bytes int64, passages int) float64 {
	if passages == 0 {
		return 0
	}
	return float64(bytes) / float64(passages)
}

// LoadOptions tune MeasureLoad.
type LoadOptions struct {
	// Repeats is how many times each load is timed (the median is
	// reported); default 1.
	Repeats int
	// ChromemDir is where the chromem-go persistent DB is written; it must
	// not exist or be empty.
	ChromemDir string
}

// MeasureLoad opens the index in dir, measuring the time and the heap it
// takes, then writes the same passages into a chromem-go persistent DB and
// times its reload. It returns the index it opened, for further
// measurements.
func MeasureLoad(ctx context.Context, dir string, embedder rag.Embedder, opts LoadOptions) (LoadBench, *search.Index, error) {
	repeats := max(1, opts.Repeats)
	var lb LoadBench
	var ix *search.Index
	opens := make([]time.Duration, 0, repeats)
	for range repeats {
		ix = nil
		before := liveHeap()
		start := time.Now()
		var err error
		ix, err = search.Open(embedder, search.Options{Dir: dir})
		if err != nil {
			return lb, nil, err
		}
		opens = append(opens, time.Since(start))
		lb.HeapBytes = liveHeap() - before
	}
	lb.Open = eval.Percentile(opens, 50)
	lb.SnapshotBytes = dirSize(dir)

	docs, articles, raw, err := chromemDocs(ix)
	if err != nil {
		return lb, ix, err
	}
	lb.Passages, lb.Articles, lb.RawBytes = len(docs), articles, raw
	if len(docs) == 0 {
		return lb, ix, errors.New("bench load: the index is empty")
	}
	start := time.Now()
	if err := writeChromemDB(ctx, opts.ChromemDir, docs); err != nil {
		return lb, ix, err
	}
	lb.ChromemWrite = time.Since(start)
	docs = nil
	lb.ChromemDiskBytes = dirSize(opts.ChromemDir)

	reloads := make([]time.Duration, 0, repeats)
	for range repeats {
		before := liveHeap()
		start := time.Now()
		db, err := chromem.NewPersistentDB(opts.ChromemDir, false)
		if err != nil {
			return lb, ix, fmt.Errorf("chromem reload: %w", err)
		}
		coll := db.GetCollection("passages", nil)
		reloads = append(reloads, time.Since(start))
		if coll == nil {
			return lb, ix, errors.New("chromem reload: the collection is missing")
		}
		lb.ChromemHeapBytes = liveHeap() - before
		lb.ChromemLoaded = coll.Count()
		runtime.KeepAlive(db)
	}
	lb.ChromemReload = eval.Percentile(reloads, 50)
	return lb, ix, nil
}

// chromemDocs turns the index's passages into chromem-go documents with
// their article's metadata, in id order, through Export, and counts the raw
// size of the data: every passage's vector, text and id, and each
// article's id, title, outlet, URL and date (8 bytes).
func chromemDocs(ix *search.Index) (docs []chromem.Document, articles int, raw int64, err error) {
	err = ix.Export(func(a rag.StoredArticle) error {
		articles++
		raw += int64(len(a.Info.ID)+len(a.Info.Title)+len(a.Info.Outlet)+len(a.Info.URL)) + 8
		meta := map[string]string{
			"article_id": a.Info.ID, "title": a.Info.Title, "outlet": a.Info.Outlet, "url": a.Info.URL,
		}
		if !a.Info.Published.IsZero() {
			meta["published"] = a.Info.Published.Format(time.RFC3339)
		}
		for _, p := range a.Passages {
			raw += int64(4*len(p.Vector) + len(p.Text) + len(p.ID))
			docs = append(docs, chromem.Document{ID: p.ID, Metadata: meta, Embedding: p.Vector, Content: p.Text})
		}
		return nil
	})
	if err != nil {
		return nil, 0, 0, fmt.Errorf("bench: export the index: %w", err)
	}
	slices.SortFunc(docs, func(a, b chromem.Document) int { return strings.Compare(a.ID, b.ID) })
	return docs, articles, raw, nil
}

// refuseEmbedding is the collections' embedding function: every document
// comes with its vector.
func refuseEmbedding(context.Context, string) ([]float32, error) {
	return nil, errors.New("the benchmark hands chromem-go its vectors")
}

// writeChromemDB adds docs to a new chromem-go persistent DB, a file per
// document, with one writer per core (chromem-go's AddDocuments would
// start a goroutine per document).
func writeChromemDB(ctx context.Context, dir string, docs []chromem.Document) error {
	db, err := chromem.NewPersistentDB(dir, false)
	if err != nil {
		return fmt.Errorf("chromem create: %w", err)
	}
	coll, err := db.CreateCollection("passages", nil, refuseEmbedding)
	if err != nil {
		return fmt.Errorf("chromem create: %w", err)
	}
	workers := runtime.GOMAXPROCS(0)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(docs); i += workers {
				if err := coll.AddDocument(ctx, docs[i]); err != nil {
					errs[w] = fmt.Errorf("chromem add %s: %w", docs[i].ID, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// liveHeap collects garbage and returns the bytes still in use.
func liveHeap() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

func dirSize(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

func isZero(v []float32) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}
