package openai

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// syntheticTexts makes n passage-sized texts from a fixed seed.
func syntheticTexts(n int) []string {
	words := strings.Fields("Starmer Zelenskyy Trump Macron Bolton Munich Kyiv NATO talks ceasefire " +
		"minerals deal Oval Office basilica funeral meeting sanctions Russia Europe security guarantees " +
		"said told warned posted spoke agreed the a of to in on for with after before")
	r := rand.New(rand.NewPCG(1, 2))
	texts := make([]string, n)
	for i := range texts {
		var b strings.Builder
		for j := range 60 + r.IntN(60) {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		texts[i] = b.String()
	}
	return texts
}

// BenchmarkEmbedBatched embeds 10,000 texts through the fake with 50 ms of
// latency per request, in batches of 64, and compares the time per text
// with one text per request (what chromem-go does with an EmbeddingFunc),
// measured once on a 100-text sample. Metrics: requests per 10k texts, texts
// per second, and the speed-up over one text per request.
func BenchmarkEmbedBatched(b *testing.B) {
	const latency = 50 * time.Millisecond
	f := fakeopenai.New()
	defer f.Close()
	f.SetLatency(latency)
	ctx := context.Background()
	cfg := Config{BaseURL: f.URL(), Model: "fake-embed"}

	texts := syntheticTexts(10_000)
	single := cfg
	single.BatchSize = 1
	one, err := NewEmbedder(single)
	if err != nil {
		b.Fatal(err)
	}
	sample := texts[:100]
	start := time.Now()
	if _, err := one.Embed(ctx, sample); err != nil {
		b.Fatal(err)
	}
	perTextSingle := time.Since(start) / time.Duration(len(sample))
	singleRequests := f.Count("/v1/embeddings")

	batched, err := NewEmbedder(cfg)
	if err != nil {
		b.Fatal(err)
	}
	runs := 0
	for b.Loop() {
		if _, err := batched.Embed(ctx, texts); err != nil {
			b.Fatal(err)
		}
		runs++
	}
	perTextBatched := b.Elapsed() / time.Duration(runs*len(texts))
	requests := (f.Count("/v1/embeddings") - singleRequests) / runs
	b.ReportMetric(float64(requests), "requests/10k-texts")
	b.ReportMetric(float64(singleRequests)/float64(len(sample))*float64(len(texts)), "requests/10k-texts-unbatched")
	b.ReportMetric(float64(time.Second)/float64(perTextBatched), "texts/s")
	b.ReportMetric(float64(perTextSingle)/float64(perTextBatched), "speedup")
}
