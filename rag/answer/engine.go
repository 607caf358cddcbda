package answer

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/search"
)

// Engine answers questions and writes summaries from an Index. With Chat
// set it asks a language model; without, it answers extractively. The CLI,
// the bot and eval share it.
type Engine struct {
	Index *search.Index
	// Chat is the language model; nil means extractive answers.
	Chat   rag.ChatFunc
	Logger *slog.Logger
	// K is how many passages an answer draws on; 0 means DefaultK.
	K int
	// StaleAfter is how old the newest relevant article may be before an
	// answer to a question about the latest news carries a caveat. 0 means
	// three days.
	StaleAfter time.Duration
	// ContextChars is the language model's budget for summary input; 0
	// means defaultEngineContextChars.
	ContextChars int
	// Verify checks written answers and summaries against their
	// citations; nil means the rules alone (see Verifier).
	Verify *Verifier
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Observe, when set, is told how long each stage of an answer took
	// (StageRetrieve, StageLLM) and whether it failed, for metrics.
	Observe func(stage string, took time.Duration, err error)

	slotsOnce sync.Once
	slots     chan struct{}
}

// retrieve runs Index.Retrieve with at most one retrieval per core at a
// time. Retrieval is all CPU; a burst of questions that retrieved at once
// would make every goroutine of the process, the ones that acknowledge
// Discord interactions within their 3 seconds included, wait for a share
// of two cores. Waiting for a language model is not bounded here.
func (e *Engine) retrieve(ctx context.Context, q string, opts rag.RetrieveOptions) ([]rag.Hit, error) {
	e.slotsOnce.Do(func() { e.slots = make(chan struct{}, runtime.GOMAXPROCS(0)) })
	select {
	case e.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-e.slots }()
	return e.Index.Retrieve(ctx, q, opts)
}

// Stages reported to Engine.Observe.
const (
	StageRetrieve = "retrieve"
	StageLLM      = "llm"
)

func (e *Engine) observe(stage string, start time.Time, err error) {
	if e.Observe != nil {
		e.Observe(stage, time.Since(start), err)
	}
}

func (e *Engine) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// Mode says how the engine answers: ModeLLM or ModeExtractive.
func (e *Engine) Mode() string {
	if e.Chat != nil {
		return rag.ModeLLM
	}
	return rag.ModeExtractive
}

// NormalizeQuestion makes user input safe to search and to quote back:
// control and zero-width characters and bidirectional overrides are
// removed, and runs of white space become one space.
func NormalizeQuestion(q string) string {
	q = strings.ToValidUTF8(q, "")
	var b strings.Builder
	b.Grow(len(q))
	space := false
	for _, r := range q {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			// Cf holds zero-width joiners, BOMs and the bidi overrides that
			// could make a question render backwards.
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func checkQuestion(q string) error {
	if q == "" {
		return rag.ErrEmptyQuestion
	}
	if utf8.RuneCountInString(q) > rag.MaxQuestionChars {
		return rag.ErrQuestionTooLong
	}
	return nil
}

// Ask answers a question from the coverage, with citations checked against
// the passages they cite.
func (e *Engine) Ask(ctx context.Context, question string, opts rag.AskOptions) (rag.Answer, error) {
	q := NormalizeQuestion(question)
	if err := checkQuestion(q); err != nil {
		return rag.Answer{}, err
	}
	// "thanks!" in a thread asks nothing of the coverage.
	if reply, ok := socialReply(q); ok {
		return rag.Answer{Question: q, Text: reply, Route: RouteSocial, Mode: e.Mode()}, nil
	}
	if opts.K <= 0 {
		opts.K = e.K
	}
	if opts.AsOf.IsZero() {
		opts.AsOf = e.now()
	}
	if n := e.Index.Count(); n <= smallIndexPassages && opts.K < n {
		// A small coverage is read whole: the passage that answers must
		// reach the answerer even when its words differ from the
		// question's, and reading twenty passages costs nothing.
		opts.K = min(n, maxSmallIndexK)
	}
	if r := ParseRequest(q); r.Feature != RouteAnswer {
		ans, err := e.routed(ctx, r, opts)
		ans.Question = q
		return ans, err
	}
	start := time.Now()
	hits, err := e.retrieve(ctx, retrievalQuery(q, opts.History), opts.RetrieveOptions)
	e.observe(StageRetrieve, start, err)
	if err != nil {
		return rag.Answer{}, fmt.Errorf("retrieve: %w", err)
	}
	var ans rag.Answer
	if e.Chat != nil {
		start = time.Now()
		ans, err = LLM(ctx, e.Chat, e.Verify, q, opts.History, hits, opts.OnDelta)
		e.observe(StageLLM, start, err)
		if err != nil {
			return rag.Answer{}, fmt.Errorf("answer: %w", err)
		}
	} else {
		ans = Extractive(q, hits, ExtractiveOptions{IDF: e.Index.IDF})
	}
	ans.Question = q
	e.stamp(&ans, q, hits, opts.AsOf)
	return ans, nil
}

// A coverage of at most smallIndexPassages passages is read whole, up to
// maxSmallIndexK of them, best first.
const (
	smallIndexPassages = 100
	maxSmallIndexK     = 40
)

// retrievalQuery adds the conversation's last question to a follow-up, so
// that "what did he say next?" finds the passages about whoever "he" was.
func retrievalQuery(q string, history []rag.Message) string {
	for i := len(history) - 1; i >= 0; i-- {
		if history[i].Role == "user" {
			return q + "\n" + history[i].Content
		}
	}
	return q
}

var latestWords = []string{"latest", "newest", "most recent", "recent", "current", "currently", "now", "today", "this week", "update"}

// stamp sets the answer's "as of" date and, when the question asks for the
// latest news and the newest relevant coverage is old, a caveat.
func (e *Engine) stamp(ans *rag.Answer, q string, hits []rag.Hit, asOf time.Time) {
	for _, c := range ans.Citations {
		if c.Published.After(ans.AsOf) {
			ans.AsOf = c.Published
		}
	}
	lq := " " + strings.ToLower(q) + " "
	asksLatest := false
	for _, w := range latestWords {
		if strings.Contains(lq, " "+w+" ") || strings.Contains(lq, " "+w+"?") {
			asksLatest = true
			break
		}
	}
	if !asksLatest || ans.Abstained {
		return
	}
	var newest time.Time
	for _, h := range hits {
		if h.Published.After(newest) {
			newest = h.Published
		}
	}
	ans.Caveat = e.staleNote(newest, asOf)
}

// staleNote says, when the newest relevant coverage is older than
// StaleAfter at the as-of date, how old it is; "" otherwise.
func (e *Engine) staleNote(newest, asOf time.Time) string {
	stale := e.StaleAfter
	if stale <= 0 {
		stale = 72 * time.Hour
	}
	if newest.IsZero() || asOf.Sub(newest) <= stale {
		return ""
	}
	days := int(asOf.Sub(newest).Hours() / 24)
	return fmt.Sprintf("The newest coverage I have on this is from %s, %d days ago; there may be later developments.",
		newest.Format("2 January 2006"), days)
}

// Articles lists the indexed articles, newest first.
func (e *Engine) Articles(context.Context) ([]rag.ArticleInfo, error) {
	return e.Index.Articles(), nil
}

// Speakers lists everyone the coverage quotes (and everyone quoted
// statements are about), once each under their fullest name, for the
// bot's name autocompletion.
func (e *Engine) Speakers(context.Context) ([]string, error) {
	return e.Index.Speakers(), nil
}

// Summary limits: how much of the coverage a summary of everything reads.
const (
	summaryTopicK        = 12
	summaryAllArticles   = 40
	summaryAllPerArticle = 2
	summarySentences     = 6
)

// Summarize summarises one article, a topic, or the whole coverage, with
// citations. A topic the coverage holds no story on ("bitcoin", "the
// Bolton Putin meeting") gets an abstention that says so, as a routed
// request does, not a summary of whatever else retrieval found.
func (e *Engine) Summarize(ctx context.Context, req rag.SummaryRequest) (rag.Answer, error) {
	return e.summarize(ctx, req, true)
}

// summarize is Summarize; checkTopic false skips the check that the
// coverage holds the topic's story, for a caller that has made it.
func (e *Engine) summarize(ctx context.Context, req rag.SummaryRequest, checkTopic bool) (rag.Answer, error) {
	var passages []rag.Passage
	focus := ""
	switch {
	case req.ArticleID != "":
		ps, err := e.Index.Passages(req.ArticleID)
		if err != nil {
			return rag.Answer{}, fmt.Errorf("summarise: %w", err)
		}
		passages = ps
	case strings.TrimSpace(req.Topic) != "":
		topic := NormalizeQuestion(req.Topic)
		if err := checkQuestion(topic); err != nil {
			return rag.Answer{}, err
		}
		focus = topic
		asOf := req.AsOf
		if asOf.IsZero() {
			asOf = e.now()
		}
		if checkTopic {
			why, err := e.topicAbsent(ctx, topic, rag.AskOptions{RetrieveOptions: rag.RetrieveOptions{AsOf: asOf}})
			if err != nil {
				return rag.Answer{}, fmt.Errorf("summarise: %w", err)
			}
			if why != "" {
				return rag.Answer{Question: topic, Text: why, Abstained: true, Mode: e.Mode()}, nil
			}
		}
		hits, err := e.retrieve(ctx, topic, rag.RetrieveOptions{K: summaryTopicK, AsOf: asOf})
		if err != nil {
			return rag.Answer{}, fmt.Errorf("summarise: %w", err)
		}
		for _, h := range e.namingStory(hits, topic) {
			passages = append(passages, h.Passage)
		}
	default:
		articles := 0
		perArticle := map[string]int{}
		e.Index.AllPassages(func(p rag.Passage) bool {
			if perArticle[p.ArticleID] == 0 {
				if articles == summaryAllArticles {
					return false
				}
				articles++
			}
			if perArticle[p.ArticleID] < summaryAllPerArticle {
				perArticle[p.ArticleID]++
				passages = append(passages, p)
			}
			return true
		})
	}
	ans, err := e.summarisePassages(ctx, focus, passages, req.OnDelta)
	if err != nil {
		return rag.Answer{}, fmt.Errorf("summarise: %w", err)
	}
	ans.Question = focus
	for _, c := range ans.Citations {
		if c.Published.After(ans.AsOf) {
			ans.AsOf = c.Published
		}
	}
	return ans, nil
}

// summarisePassages summarises passages with the language model, or
// extractively without one, keeping to focus when it is set.
func (e *Engine) summarisePassages(ctx context.Context, focus string, passages []rag.Passage, onDelta func(string)) (rag.Answer, error) {
	if e.Chat != nil {
		return LLMSummary(ctx, e.Chat, e.Verify, focus, passages, e.contextChars(), onDelta)
	}
	return ExtractiveSummaryFocus(passages, focus, summarySentences), nil
}

// defaultEngineContextChars is the summary input budget of an Engine whose
// ContextChars is not set: what the models coveragebot is run with take
// comfortably beside their rules and reply.
const defaultEngineContextChars = 24000

// contextChars is the language model's budget for summary input, for
// Summarize and Digest alike.
func (e *Engine) contextChars() int {
	if e.ContextChars > 0 {
		return e.ContextChars
	}
	return defaultEngineContextChars
}
