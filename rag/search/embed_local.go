package search

import (
	"context"
	"math"
	"reflect"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// LocalEmbedderName is stored with indexes built by the embedded embedder.
// The version suffix changes whenever its vectors change, so that an index
// built by an older release is rebuilt rather than silently mixed.
const LocalEmbedderName = "local-hash-v1"

// LocalDimensions is the size of the embedded embedder's vectors.
const LocalDimensions = 384

// NewLocalEmbedder returns the embedded default: a deterministic, pure-Go
// embedder that needs no network and no model. It hashes three kinds of
// features into a fixed number of signed dimensions:
//
//   - index terms (prose.Terms: lowercase, stop words dropped, light
//     stemming), with sublinear term frequency;
//   - pairs of adjacent terms, so that "prime minister" and "security
//     guarantees" count as phrases;
//   - character trigrams of each term, weighted lower, so that
//     "Ukrainian" is near "Ukraine" and a misspelt name still matches.
//
// It captures shared words, phrases and word forms. It does not know that
// different words mean the same thing ("ceasefire" and "truce"), so the
// keyword side and a remote embedder do better on paraphrase.
func NewLocalEmbedder() rag.Embedder {
	return newLocalEmbedder(LocalEmbedderName, defaultLocalEmbed)
}

func newLocalEmbedder(name string, o localEmbedOptions) rag.Embedder {
	return rag.Embedder{Name: name, Dimensions: o.dims, Embed: o.embedAll}
}

func (o localEmbedOptions) embedAll(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, t := range texts {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		out[i] = o.embed(t)
	}
	return out, nil
}

// embedsTerms reports whether e is the embedded default exactly as
// NewLocalEmbedder made it, so that ingestion may embed the terms it has
// already found for BM25 (embedTerms) rather than hand Embed the texts to
// split again. A wrapped Embed (one that counts calls, say) is a different
// function, and is always called.
func embedsTerms(e rag.Embedder) bool {
	return e.Name == LocalEmbedderName && e.Dimensions == defaultLocalEmbed.dims &&
		reflect.ValueOf(e.Embed).Pointer() == localEmbedCode
}

// localEmbedCode is the code of the local embedders' Embed.
var localEmbedCode = reflect.ValueOf(localEmbedOptions{}.embedAll).Pointer()

// localEmbedOptions are the embedded embedder's choices, kept together so
// that the quality tests can measure variants (docs/QUALITY.md).
type localEmbedOptions struct {
	dims int
	// Weights of the three kinds of feature.
	term, bigram, trigram float64
}

var defaultLocalEmbed = localEmbedOptions{dims: LocalDimensions, term: 1, bigram: 0.6, trigram: 0.25}

func (o localEmbedOptions) embed(text string) []float32 {
	return o.embedTerms(prose.Terms(text))
}

// embedTerms is embed of a text whose index terms (prose.Terms) are terms.
func (o localEmbedOptions) embedTerms(terms []string) []float32 {
	vec := make([]float32, o.dims)
	if len(terms) == 0 {
		return vec
	}
	tf := make(map[string]int, len(terms))
	for _, t := range terms {
		tf[t]++
	}
	for t, n := range tf {
		w := o.term * (1 + math.Log(float64(n)))
		addFeature(vec, fnv64(0x1, t, ""), w)
		// Character trigrams over the padded term: "^uk", "ukr", ...
		if len(t) >= 4 && o.trigram > 0 {
			padded := "^" + t + "$"
			grams := len(padded) - 2
			gw := o.trigram * w / math.Sqrt(float64(grams))
			for i := 0; i+3 <= len(padded); i++ {
				addFeature(vec, fnv64(0x3, padded[i:i+3], ""), gw)
			}
		}
	}
	if o.bigram > 0 {
		for i := 0; i+1 < len(terms); i++ {
			addFeature(vec, fnv64(0x2, terms[i], terms[i+1]), o.bigram)
		}
	}
	normalize(vec)
	return vec
}

func addFeature(vec []float32, h uint64, w float64) {
	idx := h % uint64(len(vec))
	if h&(1<<63) != 0 {
		w = -w
	}
	vec[idx] += float32(w)
}

// fnv64 is FNV-1a over a kind byte and one or two strings, so that a word,
// a pair and a trigram never share a hash by construction.
func fnv64(kind byte, a, b string) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	h ^= uint64(kind)
	h *= prime
	for i := 0; i < len(a); i++ {
		h ^= uint64(a[i])
		h *= prime
	}
	if b != "" {
		h ^= ' '
		h *= prime
		for i := 0; i < len(b); i++ {
			h ^= uint64(b[i])
			h *= prime
		}
	}
	// Mix the high bits down: FNV's low bits are weak for short keys.
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return h
}

func normalize(vec []float32) {
	var sum float64
	for _, x := range vec {
		sum += float64(x) * float64(x)
	}
	if sum == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(sum))
	for i := range vec {
		vec[i] *= inv
	}
}
