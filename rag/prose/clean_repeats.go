package prose

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag"
)

// Lines that repeat across a batch are boilerplate when they appear in at
// least repeatMinArticles articles and at least repeatMinShare of the batch.
const (
	repeatMinArticles = 3
	repeatMinShare    = 0.05
	// When repeated lines would take more than repeatMaxShare of an
	// article's text, the article is a copy of another (syndicated wire
	// copy, the same page under two URLs) rather than a page full of
	// furniture. Then only its short repeated lines go, and its sentences
	// stay.
	repeatMaxShare  = 0.5
	repeatShortLine = 8 // words
)

// Clean cleans a batch of articles in place: CleanText on each article's Text (captions appended to Article.Captions), then removes lines that repeat across many articles of the batch.
func Clean(articles []rag.Article) {
	paragraphs := make([][]string, len(articles))
	for i := range articles {
		body, caps := CleanText(articles[i].Text)
		articles[i].Captions = append(articles[i].Captions, caps...)
		articles[i].Text = body
		if body != "" {
			paragraphs[i] = strings.Split(body, "\n\n")
		}
	}
	minArticles := max(repeatMinArticles, int(repeatMinShare*float64(len(articles))+0.999999))
	if len(articles) < minArticles {
		return
	}

	type seen struct {
		articles int
		last     int // the last article counted, so each counts once
	}
	counts := make(map[repeatKey]*seen)
	keys := make([][]repeatKey, len(articles))
	for i, paras := range paragraphs {
		keys[i] = make([]repeatKey, len(paras))
		for j, p := range paras {
			k := keyOf(p)
			keys[i][j] = k
			switch c := counts[k]; {
			case c == nil:
				counts[k] = &seen{articles: 1, last: i}
			case c.last != i:
				c.articles++
				c.last = i
			}
		}
	}

	for i, paras := range paragraphs {
		total, repeated := 0, 0
		for j, p := range paras {
			total += len(p)
			if counts[keys[i][j]].articles >= minArticles {
				repeated += len(p)
			}
		}
		if repeated == 0 {
			continue
		}
		onlyShort := float64(repeated) > repeatMaxShare*float64(total)
		var kept []string
		for j, p := range paras {
			if counts[keys[i][j]].articles >= minArticles && (!onlyShort || strings.Count(p, " ")+1 <= repeatShortLine) {
				continue
			}
			kept = append(kept, p)
		}
		articles[i].Text = strings.Join(kept, "\n\n")
	}
}

// repeatKey is the form under which lines are compared across articles: a
// hash of the line with ASCII case folded and trailing punctuation trimmed,
// with its length, so that counting a large batch does not copy its text.
type repeatKey struct {
	hash   uint64
	length int
}

func keyOf(p string) repeatKey {
	p = strings.TrimRight(p, " .:!?…")
	const offset, prime = 14695981039346656037, 1099511628211 // FNV-1a
	h := uint64(offset)
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * prime
	}
	return repeatKey{hash: h, length: len(p)}
}
