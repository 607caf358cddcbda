package feed

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakenews"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

func TestPollWhileAnswering(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	r := newLiveRig(t, []string{s.URL("/feeds/gazette.rss"), s.URL("/feeds/courier.atom")}, local())
	seed, err := source.Load(context.Background(), filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.index.Ingest(context.Background(), seed.Articles, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	engine := &answer.Engine{Index: r.index}
	questions := []string{
		"What did Starmer tell Zelenskyy about NATO?",
		"Why did the ferry crews walk out?",
		"When will the swing bridge close?",
	}
	var done atomic.Bool
	var wg sync.WaitGroup
	var answered atomic.Int64
	errs := make(chan error, 8)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; !done.Load() || i < w+len(questions); i++ {
				if _, err := engine.Ask(context.Background(), questions[i%len(questions)], rag.AskOptions{}); err != nil {
					errs <- err
					return
				}
				answered.Add(1)
			}
		}()
	}
	rep := r.poll()
	done.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("answering during a poll: %v", err)
	}
	if len(rep.New) != 4 || answered.Load() < 2*int64(len(questions)) {
		t.Errorf("%d new articles, %d answers", len(rep.New), answered.Load())
	}
	ans, err := engine.Ask(context.Background(), "Why did the ferry crews walk out?", rag.AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Abstained || !citesArticle(ans, articleID(s, "/news/ferry-strike")) {
		t.Errorf("after the poll the ferry story is not cited: %+v", ans)
	}
}

func citesArticle(ans rag.Answer, id string) bool {
	for _, c := range ans.Citations {
		if c.ArticleID == id {
			return true
		}
	}
	return false
}

func TestAnswersSayHowFreshTheyAre(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	r := newLiveRig(t, []string{s.URL("/feeds/gazette.rss"), s.URL("/feeds/courier.atom")}, local())
	r.poll()
	engine := &answer.Engine{Index: r.index, StaleAfter: 72 * time.Hour, Now: r.clock.Now}
	ctx := context.Background()

	ans, err := engine.Ask(ctx, "Why did the ferry crews walk out at Porthaven?", rag.AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Abstained || len(ans.Citations) == 0 {
		t.Fatalf("no answer: %+v", ans)
	}
	var newest time.Time
	for _, c := range ans.Citations {
		if c.Published.After(newest) {
			newest = c.Published
		}
	}
	if newest.IsZero() || !ans.AsOf.Equal(newest) {
		t.Errorf("as of %v, want the newest cited date %v", ans.AsOf, newest)
	}

	// Asked for the latest news two days after the story, no caveat; two
	// months after, a caveat that names the date. The request is routed to
	// a digest of the story, which the note says.
	q := "What is the latest on the ferry strike?"
	ans, err = engine.Ask(ctx, q, rag.AskOptions{})
	if err != nil || ans.Route != answer.RouteDigest || strings.Contains(ans.Caveat, "newest coverage") {
		t.Errorf("fresh coverage: caveat %q, err %v", ans.Caveat, err)
	}
	later := &answer.Engine{Index: r.index, StaleAfter: 72 * time.Hour, Now: func() time.Time { return r.clock.Now().AddDate(0, 2, 0) }}
	ans, err = later.Ask(ctx, q, rag.AskOptions{})
	if err != nil || !strings.Contains(ans.Caveat, "March 2025") {
		t.Errorf("stale coverage: caveat %q, err %v", ans.Caveat, err)
	}
}
