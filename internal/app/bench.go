//go:build bench

package app

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/bot"
	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/internal/benchmark"
	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakeopenai"
	"github.com/coveragebot/coveragebot/internal/redact"
	"github.com/coveragebot/coveragebot/internal/synthetic"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
	"github.com/coveragebot/coveragebot/rag/openai"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
	"github.com/coveragebot/coveragebot/rag/weaviate"
)

// benchSeed fixes the synthetic coverage, so that two runs measure the same
// data.
const benchSeed = 20250426

// benchWorkPrefix names the bench's working directories in the system's
// temporary directory.
const benchWorkPrefix = "coveragebot-bench-"

// Settings of the simulated remote embedder and of the acknowledgement run,
// as issue 9 fixes them.
const (
	remoteLatency      = 50 * time.Millisecond
	remoteMaxPassages  = 10_000
	maxOneByOneSample  = 200
	ackQuestions       = 100
	slowLLM            = 2 * time.Second
	benchAnswerTimeout = 2 * time.Minute // the bot's default
	benchDiscordToken  = "bench-token"
	benchGuild         = "300"
	benchChannel       = "400"
	repeatLoadsBelow   = 100_000 // loads of bigger indexes are timed once
	retrievalTargetMin = 100_000 // the retrieval and load targets are set at 100k
)

// Targets, from issue 9.
const (
	targetHybridOverChromem = 1.3
	targetIngestPerSecond   = 3000
	targetRemoteSpeedup     = 20
	targetLoadSpeedup       = 2
	targetHeapOverRaw       = 2
	targetAckP99            = 250 * time.Millisecond
)

// Targets for Weaviate, from issue 18: one node on loopback, at 100k
// passages.
const (
	targetWeaviateIngest   = 1500
	targetWeaviateRetrieve = 1.3
)

// benchReport is everything one run of `coveragebot bench` measured.
type benchReport struct {
	Machine benchMachine `json:"machine"`
	Text    string       `json:"text"`
	Sizes   []sizeReport `json:"sizes"`
	Remote  remoteReport `json:"remote_embedder"`
	Ack     ackReport    `json:"discord_ack"`
	Targets []targetLine `json:"targets"`
	// Error says why the run stopped before its last size; the figures
	// above it were measured before it stopped.
	Error string `json:"error,omitempty"`
}

type benchMachine struct {
	CPUs       int    `json:"cpus"`
	CPU        string `json:"cpu"`
	GoVersion  string `json:"go"`
	OS         string `json:"os"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	// LoadAverage is the machine's load average over the last minute
	// when the run started and when it ended: other work on the machine
	// slows every figure down.
	LoadAverage [2]float64 `json:"load_average"`
}

type sizeReport struct {
	// Store is the backend measured: chromem (the in-process index) or
	// weaviate. Figures a backend has no counterpart of are left out.
	Store string `json:"store"`
	// Size is the passage count asked for (--sizes); Passages is how many
	// the synthetic articles came to when chunked, a little under it when
	// the sentences come from a corpus. The targets go by Size.
	Size     int `json:"size"`
	Passages int `json:"passages"`
	Articles int `json:"articles"`
	Queries  int `json:"queries"`
	// Retrieval, in milliseconds.
	HybridP50  float64 `json:"hybrid_p50_ms"`
	HybridP99  float64 `json:"hybrid_p99_ms"`
	ChromemP50 float64 `json:"chromem_p50_ms,omitempty"`
	ChromemP99 float64 `json:"chromem_p99_ms,omitempty"`
	ScanP50    float64 `json:"scan_p50_ms,omitempty"`
	ScanP99    float64 `json:"scan_p99_ms,omitempty"`
	// HybridOverChromem and ChromemOverScan compare p50s.
	HybridOverChromem float64 `json:"hybrid_over_chromem,omitempty"`
	ChromemOverScan   float64 `json:"chromem_over_scan,omitempty"`
	Candidates        int     `json:"candidates,omitempty"`
	Agreement         float64 `json:"scan_agreement,omitempty"`
	SourceFound       float64 `json:"source_found"`
	// Ingestion with the embedded default.
	IngestS         float64 `json:"ingest_s"`
	IngestPerSecond float64 `json:"ingest_passages_per_s"`
	// Start-up: for a store, the time the index takes to read its catalog.
	LoadS          float64 `json:"load_s"`
	ChromemReloadS float64 `json:"chromem_reload_s,omitempty"`
	LoadSpeedup    float64 `json:"load_speedup,omitempty"`
	ChromemWriteS  float64 `json:"chromem_write_s,omitempty"`
	ChromemLoaded  int     `json:"chromem_loaded,omitempty"`
	SnapshotBytes  int64   `json:"snapshot_bytes,omitempty"`
	ChromemDisk    int64   `json:"chromem_disk_bytes,omitempty"`
	// Memory, in bytes per passage: the bot process's heap with the index
	// open.
	HeapPerPassage        float64 `json:"heap_per_passage"`
	RawPerPassage         float64 `json:"raw_per_passage,omitempty"`
	HeapOverRaw           float64 `json:"heap_over_raw,omitempty"`
	ChromemHeapPerPassage float64 `json:"chromem_heap_per_passage,omitempty"`

	// A store's comparison with the in-process index of the same run.
	// HybridOverInProcess compares Retrieve p50s.
	HybridOverInProcess float64 `json:"hybrid_over_in_process,omitempty"`
	// SameHits is the share of questions whose hits are the in-process
	// index's, the same passages in the same order; SameFirstHit the share
	// whose first hit is the same.
	SameHits     *float64 `json:"same_hits,omitempty"`
	SameFirstHit *float64 `json:"same_first_hit,omitempty"`
	// IndexedS is the time from the start of ingestion until the server's
	// vector index held every passage: later than IngestS when it indexes
	// asynchronously (Weaviate with ASYNC_INDEXING).
	IndexedS float64 `json:"indexed_s,omitempty"`
	// ServerRSS is the store server's resident memory after the run, when
	// it runs on this machine; 0 when it could not be read.
	ServerRSS int64 `json:"server_rss_bytes,omitempty"`
	// SearchBreadth is the HNSW ef the store searched with, when one was
	// set (COVERAGEBOT_WEAVIATE_EF); absent for the server's own choice.
	SearchBreadth int `json:"weaviate_ef,omitempty"`
}

type remoteReport struct {
	Passages     int     `json:"passages"`
	LatencyMS    float64 `json:"latency_ms"`
	Requests     int     `json:"requests"`
	RequestLimit int     `json:"request_limit"`
	TotalS       float64 `json:"total_s"`
	// The one-text-per-request figure is measured on a sample and
	// extrapolated to Passages.
	SampleTexts     int     `json:"sample_texts"`
	SampleS         float64 `json:"sample_s"`
	OneByOneS       float64 `json:"one_by_one_extrapolated_s"`
	Speedup         float64 `json:"speedup"`
	PassagesPerSecd float64 `json:"passages_per_s"`
}

type ackReport struct {
	Questions int     `json:"questions"`
	Passages  int     `json:"index_passages"`
	LLMDelayS float64 `json:"llm_delay_s"`
	Acked     int     `json:"acked"`
	Answered  int     `json:"answered"`
	P50       float64 `json:"p50_ms"`
	P99       float64 `json:"p99_ms"`
	Max       float64 `json:"max_ms"`
}

// targetLine is one target checked in the run. Status is PASS, MISS or,
// for a target set at a size the run did not measure, SKIP.
type targetLine struct {
	Status string `json:"status"`
	Target string `json:"target"`
	Result string `json:"result"`
}

func (c *benchCmd) run(ctx context.Context, inv *invocation) error {
	sizes, err := parseSizes(c.Sizes)
	if err != nil {
		return err
	}
	queries := c.Queries
	if queries < 1 || queries > 100_000 {
		return usageErr("--queries must be from 1 to 100000")
	}
	switch c.Store {
	case config.StoreChromem:
	case config.StoreWeaviate:
		if inv.cfg.Store.WeaviateURL == "" {
			return usageErr("--store weaviate measures the server at COVERAGEBOT_WEAVIATE_URL; set it (and COVERAGEBOT_WEAVIATE_GRPC for gRPC imports)")
		}
	default:
		return usageErr("--store: %q is not chromem or weaviate", c.Store)
	}
	var sentences []string
	text := "synthetic, sentences of a built-in Zipf-distributed vocabulary"
	if path := c.Corpus; path != "" {
		var skipped int
		if sentences, skipped, err = corpusSentences(ctx, path); err != nil {
			return err
		}
		if skipped > 0 {
			fmt.Fprintf(inv.env.Stderr, "bench: %d file(s) or line(s) of %s could not be read and were left out\n", skipped, path)
		}
		text = fmt.Sprintf("synthetic, %d sentences drawn from %s", len(sentences), filepath.Base(path))
	}
	work, release, err := benchWorkDir(inv.env.Stderr)
	if err != nil {
		return err
	}
	defer release()

	b := &bencher{
		inv: inv, work: work, sentences: sentences, queries: queries,
		chunk:    prose.ChunkOptions{MaxChars: inv.cfg.Index.ChunkChars},
		progress: inv.env.Stderr,
		weaviate: c.Store == config.StoreWeaviate,
	}
	rep := benchReport{Machine: machine(), Text: fmt.Sprintf("%s (seed %d)", text, benchSeed)}
	var stopped error
	for i, n := range sizes {
		srs, err := b.size(ctx, n, i == 0, &rep)
		// A size that fails half-way (the Weaviate server gone after the
		// in-process half took an hour, say) still gives what it measured.
		rep.Sizes = append(rep.Sizes, srs...)
		if err != nil {
			stopped = fmt.Errorf("%s: %w", sizeLabel(n), err)
			break
		}
	}
	if stopped != nil && len(rep.Sizes) == 0 {
		return stopped
	}
	if stopped != nil {
		rep.Error = stopped.Error()
	}
	rep.Targets = checkTargets(rep)
	rep.Machine.LoadAverage[1] = loadAverage()

	if c.JSON {
		enc := json.NewEncoder(inv.stdout())
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		printBench(inv.stdout(), rep)
	}
	if stopped != nil {
		return fmt.Errorf("stopped at %w; the figures measured before it are printed", stopped)
	}
	return nil
}

// parseSizes reads "10k,100k,1m" as passage counts, smallest first.
func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		mult := 1
		switch {
		case strings.HasSuffix(f, "k"):
			mult, f = 1_000, strings.TrimSuffix(f, "k")
		case strings.HasSuffix(f, "m"):
			mult, f = 1_000_000, strings.TrimSuffix(f, "m")
		}
		v, err := strconv.ParseFloat(f, 64)
		n := int(math.Round(v * float64(mult)))
		if err != nil || n < 100 || n > 5_000_000 {
			return nil, usageErr("--sizes: %q is not a passage count from 100 to 5m (write 10k, 100k, 1m or a number)", f)
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out, nil
}

// corpusSentences loads a corpus and returns its clean sentences of a
// usual length, each once, and how many files or lines it could not read.
func corpusSentences(ctx context.Context, path string) ([]string, int, error) {
	res, err := source.Load(ctx, path)
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: %w", err)
	}
	prose.Clean(res.Articles)
	seen := map[string]bool{}
	var out []string
	for _, a := range res.Articles {
		for _, s := range prose.SplitSentences(a.Text) {
			if len(s) < 40 || len(s) > 400 || seen[s] {
				continue
			}
			seen[s] = true
			out = append(out, s)
		}
	}
	if len(out) < 100 {
		return nil, len(res.Problems), fmt.Errorf("corpus %s: only %d usable sentences; give a bigger corpus", path, len(out))
	}
	return out, len(res.Problems), nil
}

func machine() benchMachine {
	m := benchMachine{CPUs: runtime.NumCPU(), CPU: "unknown", GoVersion: runtime.Version(),
		OS: runtime.GOOS + "/" + runtime.GOARCH, GOMAXPROCS: runtime.GOMAXPROCS(0), LoadAverage: [2]float64{loadAverage(), 0}}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	return m
}

// loadAverage reads the one-minute load average where the system shows it
// (Linux), else 0.
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f, _, _ := strings.Cut(string(b), " ")
	v, _ := strconv.ParseFloat(f, 64)
	return v
}

// bencher runs the measurements of one `coveragebot bench`.
type bencher struct {
	inv       *invocation
	work      string
	sentences []string
	queries   int
	chunk     prose.ChunkOptions
	progress  io.Writer
	// weaviate measures the Weaviate server of the configuration too.
	weaviate bool
}

func (b *bencher) say(format string, args ...any) {
	fmt.Fprintf(b.progress, "bench: "+format+"\n", args...)
}

func (b *bencher) articles(n int) []rag.Article {
	return synthetic.Articles(synthetic.Options{Passages: n, Seed: benchSeed, Sentences: b.sentences, Chunk: b.chunk})
}

// size measures one index size, in process and, with --store weaviate,
// in Weaviate. The first size also hosts the remote embedder and the
// Discord runs, which do not grow with the index.
func (b *bencher) size(ctx context.Context, n int, first bool, rep *benchReport) ([]sizeReport, error) {
	label := sizeLabel(n)
	b.say("%s: making %d passages", label, n)
	arts := b.articles(n)
	questions := synthetic.Questions(arts, b.queries, benchSeed)
	indexDir := filepath.Join(b.work, "index-"+label)
	defer os.RemoveAll(indexDir)

	b.say("%s: ingesting with the embedded embedder", label)
	ib, err := benchmark.MeasureIngest(ctx, arts, search.NewLocalEmbedder(), indexDir, b.chunk)
	if err != nil {
		return nil, err
	}
	arts = nil // the articles are not part of what the loaded index holds

	b.say("%s: loading the index, and chromem-go's persistent DB of the same passages", label)
	repeats := 3
	if n >= repeatLoadsBelow {
		repeats = 1
	}
	chromemDir := filepath.Join(b.work, "chromem-"+label)
	lb, ix, err := benchmark.MeasureLoad(ctx, indexDir, search.NewLocalEmbedder(), benchmark.LoadOptions{Repeats: repeats, ChromemDir: chromemDir})
	os.RemoveAll(chromemDir)
	if err != nil {
		return nil, err
	}

	b.say("%s: timing %d questions three ways", label, len(questions))
	rb, err := benchmark.MeasureRetrieval(ctx, ix, questions, rag.RetrieveOptions{AsOf: synthetic.AsOf()})
	if err != nil {
		return nil, err
	}
	if first {
		if rep.Remote, err = b.remote(ctx, min(n, remoteMaxPassages)); err != nil {
			return nil, err
		}
		if rep.Ack, err = b.ack(ctx, ix, questions); err != nil {
			return nil, err
		}
	}

	var inProcess [][]string
	if b.weaviate {
		if inProcess, err = benchmark.RetrieveAll(ctx, ix, questions, rag.RetrieveOptions{AsOf: synthetic.AsOf()}); err != nil {
			return nil, err
		}
	}
	out := []sizeReport{{
		Store: config.StoreChromem, Size: n, Passages: lb.Passages, Articles: lb.Articles, Queries: rb.Queries,
		HybridP50: ms(rb.Hybrid.P50), HybridP99: ms(rb.Hybrid.P99),
		ChromemP50: ms(rb.Chromem.P50), ChromemP99: ms(rb.Chromem.P99),
		ScanP50: ms(rb.Scan.P50), ScanP99: ms(rb.Scan.P99),
		HybridOverChromem: ratio(rb.Hybrid.P50, rb.Chromem.P50),
		ChromemOverScan:   ratio(rb.Chromem.P50, rb.Scan.P50),
		Candidates:        rb.Candidates, Agreement: round(rb.Agreement, 4), SourceFound: round(rb.SourceFound, 3),
		IngestS: round(ib.Duration.Seconds(), 2), IngestPerSecond: math.Round(ib.PerSecond()),
		LoadS: round(lb.Open.Seconds(), 3), ChromemReloadS: round(lb.ChromemReload.Seconds(), 3),
		LoadSpeedup:   ratio(lb.ChromemReload, lb.Open),
		ChromemWriteS: round(lb.ChromemWrite.Seconds(), 2), ChromemLoaded: lb.ChromemLoaded,
		SnapshotBytes: lb.SnapshotBytes, ChromemDisk: lb.ChromemDiskBytes,
		HeapPerPassage: math.Round(lb.HeapPerPassage()), RawPerPassage: math.Round(lb.RawPerPassage()),
		HeapOverRaw:           round(lb.HeapPerPassage()/lb.RawPerPassage(), 2),
		ChromemHeapPerPassage: math.Round(lb.ChromemHeapPerPassage()),
	}}
	if !b.weaviate {
		return out, nil
	}
	ix = nil // the in-process index is not part of what the store's side holds
	wr, err := b.weaviateSize(ctx, n, questions, inProcess)
	if err != nil {
		return out, err
	}
	wr.HybridOverInProcess = round(wr.HybridP50/out[0].HybridP50, 2)
	return append(out, wr), nil
}

// weaviateSize measures the Weaviate server of the configuration on the
// same articles and questions as the in-process index, in collections of
// its own (the configured prefix with Bench added), emptied before and
// after.
func (b *bencher) weaviateSize(ctx context.Context, n int, questions []synthetic.Question, inProcess [][]string) (sizeReport, error) {
	label := sizeLabel(n)
	cfg := b.inv.cfg
	cfg.Store.WeaviateCollection += "Bench"
	b.say("%s: ingesting into Weaviate at %s (%s)", label, redact.URL(cfg.Store.WeaviateURL), importProtocol(cfg))
	store, err := weaviate.Open(ctx, weaviateOptions(cfg, nil))
	if err != nil {
		return sizeReport{}, fmt.Errorf("bench: %w", err)
	}
	defer store.Close()
	if err := store.Drop(ctx); err != nil {
		return sizeReport{}, fmt.Errorf("bench: %w", err)
	}
	defer func() {
		// Leave the server as it was found: the bench's collections go.
		if err := store.DeleteCollections(context.WithoutCancel(ctx)); err != nil {
			b.say("could not drop the bench collections: %v", err)
		}
	}()
	start := time.Now()
	ib, err := benchmark.MeasureStoreIngest(ctx, b.articles(n), search.NewLocalEmbedder(), store, b.chunk)
	if err != nil {
		return sizeReport{}, err
	}
	// Retrieval is timed on a finished index, with the server idle.
	if err := store.WaitIndexed(ctx, 100*time.Millisecond); err != nil {
		return sizeReport{}, fmt.Errorf("bench: %w", err)
	}
	indexed := time.Since(start)
	b.say("%s: opening an index over Weaviate and timing %d questions", label, len(questions))
	sb, err := benchmark.MeasureStore(ctx, search.NewLocalEmbedder(), store, questions, rag.RetrieveOptions{AsOf: synthetic.AsOf()})
	if err != nil {
		return sizeReport{}, err
	}
	same, first := benchmark.Agreement(inProcess, sb.Hits)
	rss, err := benchmark.ServerRSS(cfg.Store.WeaviateURL)
	if err != nil {
		b.say("%v", err)
	}
	return sizeReport{
		Store: config.StoreWeaviate, Size: n, Passages: ib.Passages, Articles: ib.Articles, Queries: len(questions),
		HybridP50: ms(sb.Hybrid.P50), HybridP99: ms(sb.Hybrid.P99), SourceFound: round(sb.SourceFound, 3),
		IngestS: round(ib.Duration.Seconds(), 2), IngestPerSecond: math.Round(ib.PerSecond()),
		IndexedS:       round(indexed.Seconds(), 2),
		LoadS:          round(sb.Open.Seconds(), 3),
		HeapPerPassage: math.Round(float64(sb.HeapBytes) / float64(max(1, ib.Passages))),
		SameHits:       ptr(round(same, 3)), SameFirstHit: ptr(round(first, 3)),
		ServerRSS: rss, SearchBreadth: cfg.Store.WeaviateSearchBreadth,
	}, nil
}

// importProtocol says how the bench's writes reach Weaviate.
func importProtocol(cfg config.Config) string {
	if cfg.Store.WeaviateGRPC != "" {
		return "imports over gRPC at " + cfg.Store.WeaviateGRPC
	}
	return "imports over REST: set COVERAGEBOT_WEAVIATE_GRPC for gRPC"
}

func ptr[T any](v T) *T { return &v }

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// remote ingests n passages through the real OpenAI-compatible embedder
// against the fake server with 50 ms added to every request, and compares
// it with one text per request, which is what chromem-go does with an
// EmbeddingFunc: that is timed on a sample and extrapolated, since doing it
// for every passage would take minutes by construction.
func (b *bencher) remote(ctx context.Context, n int) (remoteReport, error) {
	b.say("remote embedder: %d passages through the fake endpoint at %s a request", n, remoteLatency)
	fake := fakeopenai.New()
	defer fake.Close()
	fake.SetLatency(remoteLatency)
	cfg := openai.Config{BaseURL: fake.URL(), Model: "fake-embed", Logger: b.inv.logger}
	batched, err := openai.NewEmbedder(cfg)
	if err != nil {
		return remoteReport{}, err
	}
	arts := b.articles(n)
	ib, err := benchmark.MeasureIngest(ctx, arts, batched, filepath.Join(b.work, "remote"), b.chunk)
	os.RemoveAll(filepath.Join(b.work, "remote"))
	if err != nil {
		return remoteReport{}, fmt.Errorf("remote embedder: %w", err)
	}
	requests := fake.Count("/v1/embeddings")

	// One text in twenty is sampled, 20 to 200 of them: enough for a
	// steady per-request time without minutes of waiting.
	want := min(maxOneByOneSample, max(20, ib.Passages/20))
	var sample []string
	for _, a := range arts {
		for _, p := range prose.Chunk(a, b.chunk) {
			if len(sample) < want {
				sample = append(sample, p.Title+"\n"+p.Text)
			}
		}
		if len(sample) == want {
			break
		}
	}
	cfg.BatchSize = 1
	single, err := openai.NewEmbedder(cfg)
	if err != nil {
		return remoteReport{}, err
	}
	b.say("remote embedder: %d texts one per request, as chromem-go sends them", len(sample))
	took, err := benchmark.ChromemOnePerText(ctx, single.Embed, sample)
	if err != nil {
		return remoteReport{}, fmt.Errorf("remote embedder, one text per request: %w", err)
	}
	oneByOne := took.Seconds() / float64(len(sample)) * float64(ib.Passages)
	return remoteReport{
		Passages: ib.Passages, LatencyMS: ms(remoteLatency), Requests: requests,
		RequestLimit: (ib.Passages+openai.DefaultBatchSize-1)/openai.DefaultBatchSize + 1,
		TotalS:       round(ib.Duration.Seconds(), 2), SampleTexts: len(sample), SampleS: round(took.Seconds(), 2),
		OneByOneS: round(oneByOne, 1), Speedup: round(oneByOne/ib.Duration.Seconds(), 1),
		PassagesPerSecd: math.Round(ib.PerSecond()),
	}, nil
}

// ack starts the real bot against the fake Discord, with the real answering
// engine over ix and a fake language model that takes 2 s to answer, sends
// 100 /ask interactions at once, and reads from the fake when each was
// acknowledged.
func (b *bencher) ack(ctx context.Context, ix *search.Index, questions []synthetic.Question) (ackReport, error) {
	b.say("discord: %d questions at once, language model answering in %s", ackQuestions, slowLLM)
	// A request ("who said …") is routed to a feature that calls no model;
	// this run measures questions the model answers.
	questions = slices.DeleteFunc(slices.Clone(questions), func(q synthetic.Question) bool {
		return answer.ParseRequest(q.Text).Feature != answer.RouteAnswer
	})
	if len(questions) == 0 {
		return ackReport{}, errors.New("discord: every synthetic question reads as a request")
	}
	// Enough for every answer to run out its time, and the bot to close.
	ctx, cancel := context.WithTimeout(ctx, benchAnswerTimeout+time.Minute)
	defer cancel()
	discord := fakediscord.New(fakediscord.Options{Token: benchDiscordToken})
	defer discord.Close()
	discord.AddGuild(fakediscord.Guild{ID: benchGuild, Name: "bench", Channels: []fakediscord.Channel{{ID: benchChannel, Name: "questions"}}})
	llm := fakeopenai.New()
	defer llm.Close()
	llm.SetLatency(slowLLM)
	llm.SetDefaultChat(func(fakeopenai.ChatRequest) string { return "The coverage reports it [1]." })
	chat, err := openai.NewChat(openai.Config{BaseURL: llm.URL(), Model: "fake-chat", Logger: b.inv.logger})
	if err != nil {
		return ackReport{}, err
	}
	engine := &answer.Engine{Index: ix, Chat: chat, Logger: b.inv.logger, Now: func() time.Time { return synthetic.AsOf() }}
	// The bot's own log would report every question; the measurement is
	// what counts here.
	quiet := slog.New(slog.DiscardHandler)
	bt, err := bot.New(bot.Config{Token: benchDiscordToken, APIURL: discord.URL(), Guilds: []string{benchGuild}, AnswerTimeout: benchAnswerTimeout},
		bot.Options{Coverage: engine, Logger: quiet})
	if err != nil {
		return ackReport{}, err
	}
	if err := bt.Open(ctx); err != nil {
		return ackReport{}, fmt.Errorf("discord: %w", err)
	}
	closed := false
	defer func() {
		if !closed {
			_ = bt.Close(context.Background())
		}
	}()

	for i := range ackQuestions {
		discord.SendInteraction(fakediscord.Interaction{
			GuildID: benchGuild, ChannelID: benchChannel, UserID: strconv.Itoa(10_000 + i), Name: "ask",
			Options: []fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: questions[i%len(questions)].Text}},
		})
	}
	rep := ackReport{Questions: ackQuestions, Passages: ix.Count(), LLMDelayS: slowLLM.Seconds()}
	var lat []time.Duration
	for {
		lat = lat[:0]
		for _, r := range discord.Interactions() {
			if d, ok := r.AckLatency(); ok {
				lat = append(lat, d)
			}
		}
		if len(lat) == ackQuestions {
			break
		}
		select {
		case <-ctx.Done():
			return ackReport{}, fmt.Errorf("discord: only %d of %d interactions acknowledged: %w", len(lat), ackQuestions, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
	// Close waits for the answers in flight, so that each question is seen
	// through to the language model and back.
	closed = true
	if err := bt.Close(ctx); err != nil {
		return ackReport{}, fmt.Errorf("discord: %w", err)
	}
	l := benchmark.LatencyOf(lat)
	rep.Acked = len(lat)
	rep.Answered = llm.Count("/v1/chat/completions")
	rep.P50, rep.P99, rep.Max = ms(l.P50), ms(l.P99), ms(slices.Max(lat))
	return rep, nil
}

func checkTargets(rep benchReport) []targetLine {
	var out []targetLine
	add := func(pass bool, target, result string) {
		status := "MISS"
		if pass {
			status = "PASS"
		}
		out = append(out, targetLine{Status: status, Target: target, Result: result})
	}
	skip := func(target, why string) {
		out = append(out, targetLine{Status: "SKIP", Target: target, Result: why})
	}
	big := false
	for _, s := range rep.Sizes {
		label := sizeLabel(s.Size)
		if s.Store == config.StoreWeaviate {
			if s.Size >= retrievalTargetMin {
				add(s.IngestPerSecond >= targetWeaviateIngest,
					fmt.Sprintf("%s: ingestion into Weaviate ≥ %s passages/s", label, thousands(targetWeaviateIngest)),
					fmt.Sprintf("%.0f passages/s", s.IngestPerSecond))
				add(s.HybridOverInProcess <= targetWeaviateRetrieve,
					fmt.Sprintf("%s: Retrieve through Weaviate p50 ≤ %.1f× in process", label, targetWeaviateRetrieve),
					fmt.Sprintf("%.2f× (%.1f ms)", s.HybridOverInProcess, s.HybridP50))
			}
			continue
		}
		if s.Size >= retrievalTargetMin {
			big = true
			add(s.HybridOverChromem <= targetHybridOverChromem,
				fmt.Sprintf("%s: hybrid Retrieve p50 ≤ %.1f× chromem-go QueryEmbedding p50", label, targetHybridOverChromem),
				fmt.Sprintf("%.2f× (%.1f ms vs %.1f ms)", s.HybridOverChromem, s.HybridP50, s.ChromemP50))
			add(s.LoadSpeedup >= targetLoadSpeedup,
				fmt.Sprintf("%s: index load ≥ %d× faster than chromem-go NewPersistentDB", label, targetLoadSpeedup),
				fmt.Sprintf("%.1f× (%.2f s vs %.2f s)", s.LoadSpeedup, s.LoadS, s.ChromemReloadS))
		}
		add(s.IngestPerSecond >= targetIngestPerSecond,
			fmt.Sprintf("%s: ingestion with the embedded default ≥ %d passages/s", label, targetIngestPerSecond),
			fmt.Sprintf("%.0f passages/s", s.IngestPerSecond))
		add(s.HeapOverRaw <= targetHeapOverRaw,
			fmt.Sprintf("%s: heap per passage ≤ %d× raw size", label, targetHeapOverRaw),
			fmt.Sprintf("%.2f× (%.0f B vs %.0f B)", s.HeapOverRaw, s.HeapPerPassage, s.RawPerPassage))
		add(s.Agreement == 1,
			fmt.Sprintf("%s: vector results equal an exact scan's", label),
			fmt.Sprintf("%.1f%% of neighbours agree", 100*s.Agreement))
	}
	if !big {
		skip(fmt.Sprintf("hybrid Retrieve p50 ≤ %.1f× chromem-go, load ≥ %d× faster", targetHybridOverChromem, targetLoadSpeedup),
			"set at 100k passages; run with --sizes 100k")
	}
	r := rep.Remote
	add(r.Requests <= r.RequestLimit,
		fmt.Sprintf("remote embedder: ≤ ⌈N/64⌉+1 requests for N=%d", r.Passages),
		fmt.Sprintf("%d requests (limit %d)", r.Requests, r.RequestLimit))
	add(r.Speedup >= targetRemoteSpeedup,
		fmt.Sprintf("remote embedder: ≥ %d× faster than one text per request", targetRemoteSpeedup),
		fmt.Sprintf("%.1f× (%.1f s vs %.0f s extrapolated)", r.Speedup, r.TotalS, r.OneByOneS))
	a := rep.Ack
	add(a.Acked == a.Questions && a.P99 < ms(targetAckP99),
		fmt.Sprintf("Discord acknowledgement p99 < %d ms with %d questions in flight", targetAckP99.Milliseconds(), a.Questions),
		fmt.Sprintf("%.0f ms (%d of %d acknowledged; %d reached the language model)", a.P99, a.Acked, a.Questions, a.Answered))
	return out
}

func printBench(w io.Writer, rep benchReport) {
	m := rep.Machine
	fmt.Fprintf(w, "coveragebot bench: %d CPUs (%s), %s %s, GOMAXPROCS %d, load average %.1f at the start, %.1f at the end\n",
		m.CPUs, m.CPU, m.GoVersion, m.OS, m.GOMAXPROCS, m.LoadAverage[0], m.LoadAverage[1])
	fmt.Fprintf(w, "passages: %s\n\n", rep.Text)

	tw := newTable(w, "")
	stores := slices.ContainsFunc(rep.Sizes, func(s sizeReport) bool { return s.Store != config.StoreChromem })
	header := []string{""}
	for _, s := range rep.Sizes {
		h := sizeLabel(s.Size)
		if stores {
			h += " " + s.Store
		}
		header = append(header, h)
	}
	tw.row(header...)
	// row prints a figure every backend has; local, one only the
	// in-process index has; store, one only an external store has.
	const none = "—"
	row := func(name string, f func(s sizeReport) string) {
		cells := []string{name}
		for _, s := range rep.Sizes {
			cells = append(cells, f(s))
		}
		tw.row(cells...)
	}
	local := func(name string, f func(s sizeReport) string) {
		row(name, func(s sizeReport) string {
			if s.Store != config.StoreChromem {
				return none
			}
			return f(s)
		})
	}
	store := func(name string, f func(s sizeReport) string) {
		row(name, func(s sizeReport) string {
			if s.Store == config.StoreChromem {
				return none
			}
			return f(s)
		})
	}
	row("passages (articles)", func(s sizeReport) string { return fmt.Sprintf("%s (%s)", thousands(s.Passages), thousands(s.Articles)) })
	local("retrieval, questions × candidates", func(s sizeReport) string { return fmt.Sprintf("%d × %d", s.Queries, s.Candidates) })
	row("hybrid Retrieve p50 / p99", func(s sizeReport) string { return fmt.Sprintf("%s / %s ms", num(s.HybridP50), num(s.HybridP99)) })
	local("chromem-go QueryEmbedding p50 / p99", func(s sizeReport) string { return fmt.Sprintf("%s / %s ms", num(s.ChromemP50), num(s.ChromemP99)) })
	local("dot-product scan, 1 core, p50 / p99", func(s sizeReport) string { return fmt.Sprintf("%s / %s ms", num(s.ScanP50), num(s.ScanP99)) })
	local("hybrid / chromem-go (p50)", func(s sizeReport) string { return fmt.Sprintf("%.2f×", s.HybridOverChromem) })
	local("chromem-go / scan (p50)", func(s sizeReport) string { return fmt.Sprintf("%.2f×", s.ChromemOverScan) })
	local("neighbours equal to the scan's", func(s sizeReport) string { return fmt.Sprintf("%.1f%%", 100*s.Agreement) })
	if stores {
		store("hybrid / in process (p50)", func(s sizeReport) string { return fmt.Sprintf("%.2f×", s.HybridOverInProcess) })
		store("hits equal to in process: all / first", func(s sizeReport) string {
			return fmt.Sprintf("%.1f%% / %.1f%%", 100*deref(s.SameHits), 100*deref(s.SameFirstHit))
		})
	}
	row("source article in the hits", func(s sizeReport) string { return fmt.Sprintf("%.0f%%", 100*s.SourceFound) })
	row("ingest, embedded default", func(s sizeReport) string {
		return fmt.Sprintf("%s passages/s (%.1f s)", thousands(int(s.IngestPerSecond)), s.IngestS)
	})
	if stores {
		store("every vector in the server's index after", func(s sizeReport) string { return fmt.Sprintf("%.1f s", s.IndexedS) })
	}
	local("load: Open of the snapshot", func(s sizeReport) string { return fmt.Sprintf("%s s (%s)", num(s.LoadS), bytesize(s.SnapshotBytes)) })
	local("load: chromem-go NewPersistentDB", func(s sizeReport) string {
		return fmt.Sprintf("%s s (%s)", num(s.ChromemReloadS), bytesize(s.ChromemDisk))
	})
	local("load speed-up", func(s sizeReport) string { return fmt.Sprintf("%.1f×", s.LoadSpeedup) })
	local("chromem-go: write, passages reloaded", func(s sizeReport) string {
		return fmt.Sprintf("%.1f s, %s of %s", s.ChromemWriteS, thousands(s.ChromemLoaded), thousands(s.Passages))
	})
	local("heap per passage / raw", func(s sizeReport) string {
		return fmt.Sprintf("%s / %s B = %.2f×", thousands(int(s.HeapPerPassage)), thousands(int(s.RawPerPassage)), s.HeapOverRaw)
	})
	local("chromem-go heap per passage", func(s sizeReport) string { return thousands(int(s.ChromemHeapPerPassage)) + " B" })
	if stores {
		store("load: Open over the store (catalog)", func(s sizeReport) string { return num(s.LoadS) + " s" })
		store("bot heap per passage", func(s sizeReport) string { return thousands(int(s.HeapPerPassage)) + " B" })
		store("server resident memory", func(s sizeReport) string {
			if s.ServerRSS == 0 {
				return "not on this machine"
			}
			return bytesize(s.ServerRSS)
		})
	}
	tw.flush()

	r := rep.Remote
	fmt.Fprintf(w, "\nremote embedder: fake OpenAI-compatible server, %.0f ms a request, %s passages\n", r.LatencyMS, thousands(r.Passages))
	tw = newTable(w, "  ")
	tw.row("batched requests", fmt.Sprintf("%d (limit ⌈N/64⌉+1 = %d)", r.Requests, r.RequestLimit))
	tw.row("ingest time", fmt.Sprintf("%.1f s (%s passages/s)", r.TotalS, thousands(int(r.PassagesPerSecd))))
	tw.row("one text per request", fmt.Sprintf("%d texts in %.1f s, so %.0f s for %s (extrapolated)", r.SampleTexts, r.SampleS, r.OneByOneS, thousands(r.Passages)))
	tw.row("speed-up", fmt.Sprintf("%.1f×", r.Speedup))
	tw.flush()

	a := rep.Ack
	fmt.Fprintf(w, "\nDiscord acknowledgement: fake Discord, language model answering in %.0f s, %d questions at once, index of %s passages\n",
		a.LLMDelayS, a.Questions, thousands(a.Passages))
	tw = newTable(w, "  ")
	tw.row("ack p50 / p99 / max", fmt.Sprintf("%s / %s / %s ms", num(a.P50), num(a.P99), num(a.Max)))
	tw.row("acknowledged", fmt.Sprintf("%d of %d", a.Acked, a.Questions))
	tw.row("reached the language model", fmt.Sprintf("%d of %d (an answer has %s, then it is given up)", a.Answered, a.Questions, benchAnswerTimeout))
	tw.flush()

	fmt.Fprintln(w, "\ntargets")
	for _, t := range rep.Targets {
		fmt.Fprintf(w, "  %s  %s: %s\n", t.Status, t.Target, t.Result)
	}
	if rep.Error != "" {
		fmt.Fprintf(w, "\nstopped before the last size: %s\n", rep.Error)
	}
}

// table lines up columns of text; cells may hold multi-byte characters,
// which text/tabwriter would count as several columns.
type table struct {
	w      io.Writer
	indent string
	rows   [][]string
}

func newTable(w io.Writer, indent string) *table { return &table{w: w, indent: indent} }

func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) flush() {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, r := range t.rows {
		var b strings.Builder
		b.WriteString(t.indent)
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-len([]rune(c))+3))
			}
		}
		fmt.Fprintln(t.w, strings.TrimRight(b.String(), " "))
	}
	t.rows = nil
}

func sizeLabel(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return strconv.Itoa(n/1_000_000) + "m"
	case n >= 1_000 && n%1_000 == 0:
		return strconv.Itoa(n/1_000) + "k"
	}
	return strconv.Itoa(n)
}

func ms(d time.Duration) float64 { return round(float64(d.Microseconds())/1000, 2) }

func ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return round(float64(a)/float64(b), 2)
}

// num prints a measurement with about three significant figures.
func num(x float64) string {
	switch {
	case x >= 100:
		return strconv.FormatFloat(x, 'f', 0, 64)
	case x >= 10:
		return strconv.FormatFloat(x, 'f', 1, 64)
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func bytesize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
}
