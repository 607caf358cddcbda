package search

import (
	"context"
	"errors"
	"math"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/coveragebot/coveragebot/internal/synthetic"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

func embedOne(t *testing.T, e rag.Embedder, text string) []float32 {
	t.Helper()
	vs, err := e.Embed(context.Background(), []string{text})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || len(vs[0]) != e.Dimensions {
		t.Fatalf("got %d vectors of %d dimensions", len(vs), len(vs[0]))
	}
	return vs[0]
}

func vecCosine(a, b []float32) float64 {
	var d, na, nb float64
	for i := range a {
		d += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return d / math.Sqrt(na*nb)
}

func TestLocalEmbedderIsDeterministicAndUnitLength(t *testing.T) {
	e := NewLocalEmbedder()
	if e.Name != LocalEmbedderName || e.Dimensions != LocalDimensions {
		t.Fatalf("embedder %q with %d dimensions", e.Name, e.Dimensions)
	}
	text := "Ukraine is still on an irreversible path to joining NATO, Sir Keir Starmer has told Volodymyr Zelenskyy."
	a := embedOne(t, e, text)
	// Another embedder value, and a batch, give the same vector bit for bit.
	b := embedOne(t, NewLocalEmbedder(), text)
	batch, err := e.Embed(context.Background(), []string{"something else", text})
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if math.Float32bits(a[i]) != math.Float32bits(b[i]) || math.Float32bits(a[i]) != math.Float32bits(batch[1][i]) {
			t.Fatalf("dimension %d differs: %v, %v, %v", i, a[i], b[i], batch[1][i])
		}
	}
	var sum float64
	for _, x := range a {
		sum += float64(x) * float64(x)
	}
	if math.Abs(sum-1) > 1e-5 {
		t.Errorf("squared length %v, want 1", sum)
	}
	// A text with no terms is the zero vector, not NaNs.
	for _, x := range embedOne(t, e, "the of and, to!") {
		if x != 0 {
			t.Fatalf("stop words only gave %v", x)
		}
	}
}

func TestLocalEmbedderPutsWordFormsTogether(t *testing.T) {
	e := NewLocalEmbedder()
	tests := []struct {
		text, related, unrelated string
	}{
		// Plural, inflection and derivation share a stem or trigrams.
		{"Ukraine", "Ukrainian", "Brazil"},
		{"negotiations", "negotiators", "bananas"},
		{"recalled vehicles", "vehicle recall", "football season"},
		{"flooding in Yellowstone", "Yellowstone floods", "stock market rally"},
		// A misspelt name still shares most of its trigrams.
		{"Zelenskyy", "Zelensky", "Macron"},
	}
	for _, tc := range tests {
		v := embedOne(t, e, tc.text)
		rel, unrel := vecCosine(v, embedOne(t, e, tc.related)), vecCosine(v, embedOne(t, e, tc.unrelated))
		// Trigrams weigh little against whole terms, so a shared stem
		// counts for much and shared trigrams for a little, but always
		// for more than nothing shared.
		if rel <= unrel+0.02 {
			t.Errorf("%q: related %q %.3f, unrelated %q %.3f", tc.text, tc.related, rel, tc.unrelated, unrel)
		}
	}
	// Word order matters a little, through the pairs of adjacent terms.
	same := vecCosine(embedOne(t, e, "prime minister resigned"), embedOne(t, e, "prime minister resigned"))
	swapped := vecCosine(embedOne(t, e, "prime minister resigned"), embedOne(t, e, "minister resigned prime"))
	if !(swapped < same && swapped > 0.5) {
		t.Errorf("swapped word order: %.3f (same text %.3f)", swapped, same)
	}
}

func TestLocalEmbedderHonoursCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := NewLocalEmbedder().Embed(ctx, []string{"a text"})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestLocalEmbedOptionsDimensions(t *testing.T) {
	e := newLocalEmbedder("test-768", localEmbedOptions{dims: 768, term: 1, bigram: 0.6, trigram: 0.25})
	if v := embedOne(t, e, "Sakurajima volcano erupts"); len(v) != 768 {
		t.Errorf("%d dimensions, want 768", len(v))
	}
}

func TestOnlyTheUnwrappedDefaultEmbedsTerms(t *testing.T) {
	var n atomic.Int64
	for _, c := range []struct {
		name string
		e    rag.Embedder
		want bool
	}{
		{"the default", NewLocalEmbedder(), true},
		{"the default with Embed wrapped", countingEmbedder(&n), false},
		{"a variant", newLocalEmbedder("test-768", localEmbedOptions{dims: 768, term: 1}), false},
	} {
		if got := embedsTerms(c.e); got != c.want {
			t.Errorf("%s: embedsTerms %v, want %v", c.name, got, c.want)
		}
	}
}

// TestIngestEmbedsTermsAsEmbedWould ingests the same articles through the
// terms the index finds for BM25 and through Embed (wrapped, so that the
// index calls it), and finds the same vectors and the same BM25.
func TestIngestEmbedsTermsAsEmbedWould(t *testing.T) {
	arts := synthetic.Articles(synthetic.Options{Passages: 400, Seed: 5})
	arts = append(arts, rag.Article{ID: "odd", Title: "Kyiv’s mayor: don't \"panic\"", Text: "Ünïcode's\nfolding, ÉLAN and naïve café's 42nd street."})
	var calls atomic.Int64
	fast := openTest(t, t.TempDir(), NewLocalEmbedder())
	slow := openTest(t, t.TempDir(), countingEmbedder(&calls))
	mustIngest(t, fast, arts, IngestOptions{})
	mustIngest(t, slow, arts, IngestOptions{})
	if calls.Load() != int64(slow.Count()) || fast.Count() != slow.Count() {
		t.Fatalf("Embed saw %d texts; the indexes hold %d and %d passages", calls.Load(), fast.Count(), slow.Count())
	}
	for id, d := range fast.st.byID {
		a, b := fast.st.docs[d].vec, slow.st.docs[slow.st.byID[id]].vec
		for i := range a {
			// The embedder sums features in map order, so the last bits
			// may differ between any two calls.
			if math.Abs(float64(a[i]-b[i])) > 1e-5 {
				t.Fatalf("passage %s, dimension %d: %v from terms, %v from Embed", id, i, a[i], b[i])
			}
		}
	}
	if fast.st.kw.totalLen != slow.st.kw.totalLen || len(fast.st.kw.termIDs) != len(slow.st.kw.termIDs) {
		t.Fatalf("BM25 differs: %d and %d terms in all, %d and %d distinct", fast.st.kw.totalLen, slow.st.kw.totalLen,
			len(fast.st.kw.termIDs), len(slow.st.kw.termIDs))
	}
}

// FuzzTermsOfEmbedText checks what ingestion relies on to embed the terms
// it found for BM25: the terms of what the embedder sees (embedText) are
// the title's followed by the text's.
func FuzzTermsOfEmbedText(f *testing.F) {
	f.Add("Ukraine's talks", "don't stop: Zelenskyy’s plan")
	f.Add("a'", "s b")
	f.Fuzz(func(t *testing.T, title, text string) {
		p := rag.Passage{Title: title, Text: text}
		got := prose.Terms(embedText(p))
		want := append(prose.Terms(title), prose.Terms(text)...)
		if !slices.Equal(got, want) {
			t.Fatalf("Terms(embedText) = %q, Terms(title)+Terms(text) = %q", got, want)
		}
	})
}
