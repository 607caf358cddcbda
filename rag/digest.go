package rag

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Digest tuning.
const (
	digestMaxArticles = 40
	digestPerArticle  = 2 // passages of each article: the lede carries the news
	digestMinSentence = 4
	digestMaxSentence = 10
)

// ParseSince reads when a digest starts: "12h", "1d", "7d", "2w" before now,
// or a date (YYYY-MM-DD, midnight UTC).
func ParseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if len(s) < 2 {
		return time.Time{}, fmt.Errorf("since %q: %w", s, ErrBadSince)
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || n > 3660 {
		return time.Time{}, fmt.Errorf("since %q: %w", s, ErrBadSince)
	}
	switch s[len(s)-1] {
	case 'h':
		return now.Add(-time.Duration(n) * time.Hour), nil
	case 'd':
		return now.AddDate(0, 0, -n), nil
	case 'w':
		return now.AddDate(0, 0, -7*n), nil
	}
	return time.Time{}, fmt.Errorf("since %q: %w", s, ErrBadSince)
}

// Digest summarises the articles published since a time, with citations:
// the opening passages of each (newest first, at most 40 articles) go to
// the language model, or to the extractive summariser without one. An
// undated article is left out, since nobody can say it is new. With nothing
// published since then the answer abstains and says so.
func (e *Engine) Digest(ctx context.Context, since time.Time) (Answer, error) {
	if since.IsZero() {
		return Answer{}, errors.New("digest: no start time")
	}
	question := "What is new since " + since.UTC().Format("2 January 2006 15:04 UTC")
	var passages []Passage
	articles := 0
	for _, a := range e.Index.Articles() {
		if a.Published.IsZero() || a.Published.Before(since) {
			continue
		}
		if articles == digestMaxArticles {
			break
		}
		ps, err := e.Index.Passages(a.ID)
		if err != nil {
			continue // removed while we read
		}
		articles++
		passages = append(passages, ps[:min(len(ps), digestPerArticle)]...)
	}
	if articles == 0 {
		return Answer{
			Question: question, Abstained: true, Mode: e.Mode(),
			Text: "Nothing new in the coverage since " + since.UTC().Format("2 January 2006") + ".",
		}, nil
	}
	var (
		ans Answer
		err error
	)
	if e.Chat != nil {
		budget := e.ContextChars
		if budget <= 0 {
			budget = 24000
		}
		start := time.Now()
		ans, err = LLMSummary(ctx, e.Chat, "", passages, budget, nil)
		e.observe(StageLLM, start, err)
		if err != nil {
			return Answer{}, fmt.Errorf("digest: %w", err)
		}
	} else {
		ans = ExtractiveSummary(passages, min(max(digestMinSentence, articles), digestMaxSentence))
	}
	ans.Question = question
	ans.AsOf = newestPublished(ans.Citations)
	return ans, nil
}
