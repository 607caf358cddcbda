package prose

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
)

// sentence makes a sentence of exactly n runes (n >= 12), starting with a
// capital and ending with a full stop, from words of 3 to 8 letters.
func sentence(rng *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("Word")
	for b.Len() < n-1 {
		left := n - 1 - b.Len()
		w := 3 + rng.IntN(6)
		if left-1 < w+4 { // the last word takes what is left
			w = left - 1
		}
		b.WriteByte(' ')
		for range w {
			b.WriteByte(byte('a' + rng.IntN(26)))
		}
	}
	b.WriteByte('.')
	return b.String()
}

// paragraphs joins paras of sentences sentences of n runes each.
func paragraphs(seed uint64, paras, sentences, n int) string {
	rng := rand.New(rand.NewPCG(seed, 1))
	ps := make([]string, paras)
	for i := range ps {
		ss := make([]string, sentences)
		for j := range ss {
			ss[j] = sentence(rng, n)
		}
		ps[i] = strings.Join(ss, " ")
	}
	return strings.Join(ps, "\n\n")
}

// checkPassages asserts what must hold for every chunking: passages are
// substrings of the text in order, within the size bound, and together hold
// every non-space character of the text.
func checkPassages(t *testing.T, text string, opt ChunkOptions) [][2]int {
	t.Helper()
	maxChars, _ := opt.Limits()
	spans := chunkSpans(text, opt)
	covered := 0 // every byte before this is in a passage or is space
	for i, sp := range spans {
		if sp[0] >= sp[1] || sp[0] < 0 || sp[1] > len(text) {
			t.Fatalf("passage %d: bad range %v in %d bytes", i, sp, len(text))
		}
		if n := utf8.RuneCountInString(text[sp[0]:sp[1]]); n > maxChars {
			t.Fatalf("passage %d has %d runes, over %d", i, n, maxChars)
		}
		if i > 0 && sp[0] <= spans[i-1][0] {
			t.Fatalf("passage %d starts at %d, not after passage %d at %d", i, sp[0], i-1, spans[i-1][0])
		}
		if i > 0 && sp[1] <= spans[i-1][1] {
			t.Fatalf("passage %d ends at %d, inside passage %d", i, sp[1], i-1)
		}
		if strings.TrimSpace(text[covered:max(covered, sp[0])]) != "" {
			t.Fatalf("text %q before passage %d is in no passage", text[covered:sp[0]], i)
		}
		covered = max(covered, sp[1])
	}
	if strings.TrimSpace(text[covered:]) != "" {
		t.Fatalf("text %q at the end is in no passage", text[covered:])
	}
	return spans
}

// wordBoundaries asserts that no passage starts or ends inside a word.
func wordBoundaries(t *testing.T, text string, spans [][2]int) {
	t.Helper()
	for i, sp := range spans {
		if sp[0] > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:sp[0]]); !unicode.IsSpace(r) {
				t.Errorf("passage %d starts mid-word: %q|%q", i, text[max(0, sp[0]-10):sp[0]], text[sp[0]:min(len(text), sp[0]+10)])
			}
		}
		if sp[1] < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[sp[1]:]); !unicode.IsSpace(r) {
				t.Errorf("passage %d ends mid-word: %q|%q", i, text[max(0, sp[1]-10):sp[1]], text[sp[1]:min(len(text), sp[1]+10)])
			}
		}
	}
}

func TestChunk(t *testing.T) {
	longSentence := sentence(rand.New(rand.NewPCG(7, 7)), 2500)
	cyrillic := strings.Repeat("Президент сказал, что переговоры продолжатся. ", 40)
	tests := []struct {
		name string
		text string
		opt  ChunkOptions
		// wantPassages, when not zero, is the exact count.
		wantPassages int
		// overlap says consecutive passages must share text (true) or must
		// not (false).
		overlap bool
		// paragraphEnds says every passage but the last ends a paragraph.
		paragraphEnds bool
	}{
		{name: "empty", text: "", wantPassages: 0},
		{name: "only space", text: " \n\n\t ", wantPassages: 0},
		{name: "short text is one passage", text: "Talks resumed. Both sides spoke.", wantPassages: 1},
		{name: "long article, default sizes", text: paragraphs(1, 12, 5, 120), overlap: true},
		{name: "short sentences overlap", text: paragraphs(2, 6, 12, 40), opt: ChunkOptions{MaxChars: 300, OverlapChars: 60}, overlap: true},
		{name: "no overlap when negative", text: paragraphs(3, 6, 12, 40), opt: ChunkOptions{MaxChars: 300, OverlapChars: -1}},
		{name: "paragraph ends preferred", text: paragraphs(4, 8, 5, 60), opt: ChunkOptions{MaxChars: 900, OverlapChars: -1}, paragraphEnds: true},
		{name: "sentence longer than a passage", text: "Before it. " + longSentence + " After it.", opt: ChunkOptions{MaxChars: 400}},
		{name: "runes, not bytes", text: cyrillic, opt: ChunkOptions{MaxChars: 200, OverlapChars: 50}, overlap: true},
		{name: "lines as paragraphs", text: strings.ReplaceAll(paragraphs(5, 10, 3, 90), "\n\n", "\n"), opt: ChunkOptions{MaxChars: 500}, overlap: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spans := checkPassages(t, tc.text, tc.opt)
			wordBoundaries(t, tc.text, spans)
			if tc.wantPassages != 0 || tc.text == "" || strings.TrimSpace(tc.text) == "" {
				if len(spans) != tc.wantPassages {
					t.Fatalf("got %d passages, want %d", len(spans), tc.wantPassages)
				}
			} else if len(spans) < 2 {
				t.Fatalf("got %d passages from %d runes; want several", len(spans), utf8.RuneCountInString(tc.text))
			}
			for i := 1; i < len(spans); i++ {
				shared := spans[i][0] < spans[i-1][1]
				if tc.overlap && !shared {
					t.Errorf("passages %d and %d share no text", i-1, i)
				}
				if !tc.overlap && shared {
					t.Errorf("passages %d and %d overlap", i-1, i)
				}
				if shared {
					// The overlap is whole sentences: it starts where a
					// sentence of the previous passage starts.
					prev := tc.text[spans[i-1][0]:spans[i-1][1]]
					start := spans[i][0] - spans[i-1][0]
					if !startsSentence(prev, start) {
						t.Errorf("passage %d starts mid-sentence: %q", i, tc.text[spans[i][0]:min(spans[i][1], spans[i][0]+30)])
					}
				}
			}
			if tc.paragraphEnds {
				for i, sp := range spans[:len(spans)-1] {
					if !strings.HasPrefix(tc.text[sp[1]:], "\n\n") {
						t.Errorf("passage %d does not end a paragraph: …%q", i, tc.text[sp[1]-20:sp[1]+5])
					}
				}
			}
		})
	}
}

// startsSentence reports whether a sentence of text starts at byte i.
func startsSentence(text string, i int) bool {
	for _, sp := range SentenceSpans(text) {
		if sp[0] == i {
			return true
		}
	}
	return false
}

func TestChunkOverlongWord(t *testing.T) {
	text := "Short one. " + strings.Repeat("x", 250) + " end."
	opt := ChunkOptions{MaxChars: 100, OverlapChars: -1}
	spans := checkPassages(t, text, opt)
	if len(spans) < 3 {
		t.Fatalf("got %d passages, want the long word cut in at least 3", len(spans))
	}
}

func TestChunkCarriesArticle(t *testing.T) {
	a := rag.Article{
		ID:        "bbc-starmer-call",
		Title:     "Starmer tells Zelenskyy path to NATO is irreversible",
		Outlet:    "BBC",
		URL:       "https://www.bbc.co.uk/news/articles/x",
		Published: time.Date(2025, 2, 14, 0, 0, 0, 0, time.UTC),
		Authors:   []string{"A Reporter"},
		Text:      paragraphs(9, 10, 4, 100),
	}
	ps := Chunk(a, ChunkOptions{})
	if len(ps) < 3 {
		t.Fatalf("got %d passages, want at least 3", len(ps))
	}
	for i, p := range ps {
		want := rag.Passage{
			ID:        "bbc-starmer-call#" + strconv.Itoa(i),
			ArticleID: a.ID,
			Title:     a.Title,
			Outlet:    a.Outlet,
			URL:       a.URL,
			Published: a.Published,
			Pos:       i,
			Text:      p.Text,
		}
		if p != want {
			t.Errorf("passage %d = %+v, want %+v", i, p, want)
		}
		if !strings.Contains(a.Text, p.Text) || p.Text == "" {
			t.Errorf("passage %d text is not a piece of the article", i)
		}
		if n := utf8.RuneCountInString(p.Text); n > DefaultChunkChars {
			t.Errorf("passage %d has %d runes, over the default %d", i, n, DefaultChunkChars)
		}
	}
	again := Chunk(a, ChunkOptions{MaxChars: DefaultChunkChars, OverlapChars: DefaultOverlapChars})
	if !reflect.DeepEqual(ps, again) {
		t.Errorf("chunking the same article twice (defaults spelled out) gave different passages")
	}
}

func TestChunkOptionsLimits(t *testing.T) {
	tests := []struct {
		in                   ChunkOptions
		wantMax, wantOverlap int
	}{
		{ChunkOptions{}, DefaultChunkChars, DefaultOverlapChars},
		{ChunkOptions{MaxChars: -5, OverlapChars: -1}, DefaultChunkChars, 0},
		{ChunkOptions{MaxChars: 100}, 100, 50},
		{ChunkOptions{MaxChars: 1, OverlapChars: 10}, 1, 0},
		{ChunkOptions{MaxChars: 2000, OverlapChars: 300}, 2000, 300},
	}
	for _, tc := range tests {
		gotMax, gotOverlap := tc.in.Limits()
		if gotMax != tc.wantMax || gotOverlap != tc.wantOverlap {
			t.Errorf("%+v.limits() = %d, %d; want %d, %d", tc.in, gotMax, gotOverlap, tc.wantMax, tc.wantOverlap)
		}
	}
}

func FuzzChunk(f *testing.F) {
	f.Add("Talks resumed. Both sides spoke.", 900, 150)
	f.Add(paragraphs(1, 4, 5, 80), 200, 60)
	f.Add("A "+strings.Repeat("verylongword", 30)+". B.", 20, 5)
	f.Add("Mr. Smith went to Washington.\n\nHe said: “No.” Then left…\nU.S. officials 3.5 times.", 30, 10)
	f.Add("Президент сказал. Переговоры продолжатся.\r\n\r\n終わり。次", 7, 3)
	f.Add("\xff\xfe bad utf8. Still text.", 5, 0)
	f.Fuzz(func(t *testing.T, text string, maxChars, overlap int) {
		opt := ChunkOptions{MaxChars: maxChars % 2000, OverlapChars: overlap % 1000}
		checkPassages(t, text, opt)
		ps := Chunk(rag.Article{ID: "a", Text: text}, opt)
		limit, _ := opt.Limits()
		for i, p := range ps {
			if !strings.Contains(text, p.Text) || strings.TrimSpace(p.Text) == "" {
				t.Fatalf("passage %d %q is not a non-blank piece of the text", i, p.Text)
			}
			if n := utf8.RuneCountInString(p.Text); n > limit {
				t.Fatalf("passage %d has %d runes, over %d", i, n, limit)
			}
			if p.Pos != i {
				t.Fatalf("passage %d has Pos %d", i, p.Pos)
			}
		}
	})
}

func BenchmarkChunk(b *testing.B) {
	a := rag.Article{ID: "bench", Title: "Benchmark", Text: paragraphs(42, 30, 6, 110)}
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	passages := 0
	for b.Loop() {
		passages += len(Chunk(a, ChunkOptions{}))
	}
	b.ReportMetric(float64(passages)/b.Elapsed().Seconds(), "passages/s")
}
