package answer_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/seedtest"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

func TestDigestWindow(t *testing.T) {
	e := seedEngine(t, seedtest.Articles(t))
	ctx := context.Background()

	april, err := e.Digest(ctx, day(2025, 4, 1))
	if err != nil {
		t.Fatal(err)
	}
	if april.Abstained || len(april.Citations) == 0 || april.Mode != rag.ModeExtractive {
		t.Fatalf("digest since 1 April: %+v", april)
	}
	for _, c := range april.Citations {
		if c.Published.Before(day(2025, 4, 1)) {
			t.Errorf("digest since 1 April cites %s of %v", c.ArticleID, c.Published)
		}
	}
	if !april.AsOf.Equal(day(2025, 4, 26)) {
		t.Errorf("as of %v", april.AsOf)
	}

	all, err := e.Digest(ctx, day(2025, 2, 1))
	if err != nil {
		t.Fatal(err)
	}
	articles := map[string]bool{}
	for _, c := range all.Citations {
		articles[c.ArticleID] = true
	}
	if len(articles) < 3 {
		t.Errorf("digest since 1 February draws on %d articles", len(articles))
	}

	none, err := e.Digest(ctx, day(2025, 5, 1))
	if err != nil {
		t.Fatal(err)
	}
	if !none.Abstained || len(none.Citations) != 0 || !strings.Contains(none.Text, "Nothing new") {
		t.Errorf("digest with nothing new: %+v", none)
	}
	if _, err := e.Digest(ctx, time.Time{}); err == nil {
		t.Error("a digest without a start time")
	}
}

// With a model, only the articles in the window reach it, and its summary
// is checked against them.
func TestDigestWithModel(t *testing.T) {
	e := seedEngine(t, seedtest.Articles(t))
	var prompt string
	e.Chat = func(_ context.Context, msgs []rag.Message, _ func(string)) (string, error) {
		prompt = msgs[0].Content
		// Source 1's opening sentence, cited to it.
		at := strings.Index(prompt, "\n[1] ")
		if at < 0 {
			return "", errors.New("no source 1")
		}
		body := prompt[at+1:]
		body = body[strings.IndexByte(body, '\n')+1:]
		return prose.SplitSentences(body)[0] + " [1]", nil
	}
	ans, err := e.Digest(context.Background(), day(2025, 4, 1))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(prompt, "2025-02-14") || !strings.Contains(prompt, "2025-04-26") {
		t.Errorf("the model saw articles outside the window:\n%.600s", prompt)
	}
	if ans.Mode != rag.ModeLLM || ans.Abstained || len(ans.Citations) != 1 {
		t.Errorf("digest: %+v", ans)
	}
}
