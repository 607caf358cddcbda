// Package synthetic makes news-like coverage from a fixed seed, and
// questions about it, for the benchmarks: `coveragebot bench` (built with
// -tags bench) and the Go benchmarks beside the index. The same seed gives
// the same articles, so two runs measure the same data.
package synthetic

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// Options describe synthetic coverage.
type Options struct {
	// Passages is how many passages the articles make when chunked with
	// Chunk; the last article is cut to land on it.
	Passages int
	// Seed makes the coverage reproducible: the same seed gives the same
	// articles.
	Seed int64
	// Sentences, when set, are the sentences the articles are made of
	// (drawn at random, a few to a paragraph), for realistic text. When
	// empty, sentences are made of words drawn from a built-in vocabulary
	// whose frequencies follow Zipf's law, as words in text do.
	Sentences []string
	// Chunk is the chunking the count is made with; it should be the
	// index's.
	Chunk prose.ChunkOptions
}

// epoch is the first publication date of synthetic articles; they spread
// over the two years after it.
var epoch = time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)

// AsOf is a date just after the newest synthetic article, for retrievals
// over synthetic coverage that must not depend on today's date.
func AsOf() time.Time { return epoch.AddDate(2, 0, 1) }

var outlets = []string{
	"The Morning Ledger", "Harbour Gazette", "Northern Wire", "City Courier", "Valley Times",
	"The Evening Post", "Coastline News", "Metro Observer", "The Daily Record", "Capital Report",
	"Riverside Herald", "Union Tribune",
}

// Articles makes articles of plain news-like text from
// opts.Seed. A few percent are undated, as in real feeds.
func Articles(opts Options) []rag.Article {
	r := rand.New(rand.NewSource(opts.Seed))
	var draw func() string
	if len(opts.Sentences) > 0 {
		draw = func() string { return opts.Sentences[r.Intn(len(opts.Sentences))] }
	} else {
		v := newZipfVocabulary(r)
		draw = func() string { return v.sentence(r) }
	}
	maxChars, overlap := opts.Chunk.Limits()
	var out []rag.Article
	total := 0
	for i := 0; total < opts.Passages; i++ {
		id := fmt.Sprintf("synthetic-%07d", i)
		a := rag.Article{
			ID:     id,
			Title:  strings.TrimRight(draw(), ".!? "),
			Outlet: outlets[r.Intn(len(outlets))],
			URL:    "https://news.example/" + id,
			Source: "synthetic",
		}
		if r.Intn(20) != 0 {
			a.Published = epoch.Add(time.Duration(r.Int63n(int64(730 * 24 * time.Hour))))
		}
		// Most articles run to a handful of passages, a few to many, as
		// news does.
		want := 2 + r.Intn(12)
		if r.Intn(10) == 0 {
			want += r.Intn(30)
		}
		var paras []string
		size := 0
		for size < want*(maxChars-overlap)+overlap {
			n := 2 + r.Intn(4)
			sents := make([]string, n)
			for j := range sents {
				sents[j] = draw()
			}
			p := strings.Join(sents, " ")
			paras = append(paras, p)
			size += len(p) + 2
		}
		a.Text = strings.Join(paras, "\n\n")
		n := len(prose.Chunk(a, opts.Chunk))
		for total+n > opts.Passages && len(paras) > 1 {
			paras = paras[:len(paras)-1]
			a.Text = strings.Join(paras, "\n\n")
			n = len(prose.Chunk(a, opts.Chunk))
		}
		out = append(out, a)
		total += n
	}
	return out
}

// zipfVocabulary draws words with Zipf-distributed frequencies: the commonest
// are English function words, the rest made-up words, every ninth a
// capitalised name.
type zipfVocabulary struct {
	words []string
	zipf  *rand.Zipf
}

var functionWords = strings.Fields(`the of and to a in that is was for on with said as at by he it
from his be has have are an not they who but its had were been this which will their would after
more also about over than into new two one up out year when there she could`)

var syllables = strings.Fields(`ba ce di fo gu ka le mi no pu ra se ti vo zu bran cor dal fen gar hol
jun kel lor mar nes por quin rus tal ven wil`)

const zipfVocabularySize = 30000

func newZipfVocabulary(r *rand.Rand) *zipfVocabulary {
	words := make([]string, 0, zipfVocabularySize)
	words = append(words, functionWords...)
	for i := 0; len(words) < zipfVocabularySize; i++ {
		n := len(syllables)
		w := syllables[i%n] + syllables[(i/n)%n]
		if i >= n*n {
			w += syllables[(i/(n*n))%n]
		}
		if i%9 == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		words = append(words, w)
	}
	return &zipfVocabulary{words: words, zipf: rand.NewZipf(r, 1.07, 2, uint64(len(words)-1))}
}

func (v *zipfVocabulary) sentence(r *rand.Rand) string {
	n := 8 + r.Intn(18)
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		var w string
		if r.Intn(40) == 0 {
			w = strconv.Itoa(r.Intn(10000))
		} else {
			w = v.words[v.zipf.Uint64()]
		}
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
		if i < n-1 && r.Intn(12) == 0 {
			b.WriteByte(',')
		}
	}
	b.WriteByte('.')
	return b.String()
}

// Question is a question made from a passage of synthetic coverage,
// with the article it came from, so that a benchmark can check that
// retrieval still finds it.
type Question struct {
	Text      string
	ArticleID string
}

var questionOpenings = []string{"What about", "Who said", "Tell me about", "Why", "What happened with", ""}

// Questions makes n questions from the articles' own words: a run
// of four to nine words from a random sentence, with a question's opening.
func Questions(articles []rag.Article, n int, seed int64) []Question {
	if len(articles) == 0 {
		return nil
	}
	r := rand.New(rand.NewSource(seed))
	out := make([]Question, 0, n)
	for len(out) < n {
		a := articles[r.Intn(len(articles))]
		sents := prose.SplitSentences(a.Text)
		if len(sents) == 0 {
			continue
		}
		words := strings.Fields(sents[r.Intn(len(sents))])
		if len(words) < 4 {
			continue
		}
		size := min(len(words), 4+r.Intn(6))
		from := r.Intn(len(words) - size + 1)
		q := strings.TrimRight(strings.Join(words[from:from+size], " "), ".,!?")
		if open := questionOpenings[r.Intn(len(questionOpenings))]; open != "" {
			q = open + " " + q
		}
		out = append(out, Question{Text: q + "?", ArticleID: a.ID})
	}
	return out
}
