package openai

import (
	"context"
	"fmt"
	"sync/atomic"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/coveragebot/coveragebot/rag"
)

// embedder sends texts to /embeddings in batches.
type embedder struct {
	*endpoint
	// dims is the vector size: configured, or learnt from the first reply;
	// 0 until known. Every later reply must match it.
	dims atomic.Int64
}

// NewEmbedder returns an Embedder named "openai:"+cfg.Model that sends
// cfg.BatchSize texts per request, so N texts cost ⌈N/BatchSize⌉ requests
// when nothing fails. Its Dimensions is cfg.Dimensions (0 when that is not
// set and the size is only known after the first reply).
func NewEmbedder(cfg Config) (rag.Embedder, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return rag.Embedder{}, err
	}
	m := &embedder{endpoint: newEndpoint(cfg, "embeddings", embeddingsBodyLimit)}
	m.dims.Store(int64(cfg.Dimensions))
	return rag.Embedder{Name: "openai:" + cfg.Model, Dimensions: cfg.Dimensions, Embed: m.embed}, nil
}

func (m *embedder) embed(ctx context.Context, texts []string) ([][]float32, error) {
	for i, t := range texts {
		if t == "" {
			// Endpoints refuse empty input with a 400 that names no text.
			return nil, fmt.Errorf("openai embeddings: text %d of %d is empty", i+1, len(texts))
		}
	}
	size := m.cfg.BatchSize
	batches := (len(texts) + size - 1) / size
	out := make([][]float32, 0, len(texts))
	for b := range batches {
		batch := texts[b*size : min((b+1)*size, len(texts))]
		vectors, err := m.embedBatch(ctx, batch)
		if err != nil {
			if batches == 1 {
				return nil, fmt.Errorf("openai embeddings: %w", err)
			}
			return nil, fmt.Errorf("openai embeddings, batch %d of %d: %w", b+1, batches, err)
		}
		out = append(out, vectors...)
	}
	return out, nil
}

func (m *embedder) embedBatch(ctx context.Context, batch []string) ([][]float32, error) {
	var vectors [][]float32
	err := m.call(ctx, func(ctx context.Context, c *goopenai.Client, _ *attempt) error {
		resp, err := c.CreateEmbeddings(ctx, goopenai.EmbeddingRequestStrings{
			Model: goopenai.EmbeddingModel(m.cfg.Model),
			Input: batch,
		})
		if err != nil {
			return err
		}
		vectors, err = m.check(resp.Data, len(batch))
		return err
	})
	return vectors, err
}

// check puts the reply's vectors in input order and makes sure there is
// exactly one per input, all of the expected size.
func (m *embedder) check(data []goopenai.Embedding, n int) ([][]float32, error) {
	if len(data) != n {
		return nil, badResponse("%d vectors for %d texts", len(data), n)
	}
	vectors := make([][]float32, n)
	for _, d := range data {
		switch {
		case d.Index < 0 || d.Index >= n:
			return nil, badResponse("vector index %d out of range for %d texts", d.Index, n)
		case vectors[d.Index] != nil:
			return nil, badResponse("two vectors for text %d", d.Index)
		case len(d.Embedding) == 0:
			return nil, badResponse("empty vector for text %d", d.Index)
		}
		vectors[d.Index] = d.Embedding
	}
	dims := len(vectors[0])
	for i, v := range vectors {
		if len(v) != dims {
			return nil, badResponse("vector %d has %d dimensions, vector 0 has %d", i, len(v), dims)
		}
	}
	if !m.dims.CompareAndSwap(0, int64(dims)) {
		if want := m.dims.Load(); want != int64(dims) {
			return nil, badResponse("vectors have %d dimensions, expected %d", dims, want)
		}
	}
	return vectors, nil
}
