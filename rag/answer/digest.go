package answer

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// Digest tuning.
const (
	digestMaxArticles = 40
	digestPerArticle  = 2 // passages of each article: the lede carries the news
	digestMinSentence = 4
	digestMaxSentence = 10
)

// Digest summarises the articles published since a time, with citations:
// the opening passages of each (newest first, at most 40 articles) go to
// the language model, or to the extractive summariser without one. An
// undated article is left out, since nobody can say it is new. With nothing
// published since then the answer abstains and says so.
func (e *Engine) Digest(ctx context.Context, since time.Time) (rag.Answer, error) {
	if since.IsZero() {
		return rag.Answer{}, errors.New("digest: no start time")
	}
	question := "What is new since " + since.UTC().Format("2 January 2006 15:04 UTC")
	var passages []rag.Passage
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
		return rag.Answer{
			Question: question, Abstained: true, Mode: e.Mode(),
			Text: "Nothing new in the coverage since " + since.UTC().Format("2 January 2006") + ".",
		}, nil
	}
	var (
		ans rag.Answer
		err error
	)
	if e.Chat != nil {
		start := time.Now()
		ans, err = LLMSummary(ctx, e.Chat, e.Verify, "", passages, e.contextChars(), nil)
		e.observe(StageLLM, start, err)
		if err != nil {
			return rag.Answer{}, fmt.Errorf("digest: %w", err)
		}
	} else {
		ans = ExtractiveSummary(passages, min(max(digestMinSentence, articles), digestMaxSentence))
	}
	ans.Question = question
	ans.AsOf = newestPublished(ans.Citations)
	return ans, nil
}
