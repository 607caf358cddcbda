package bot

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// question is one question on its way to an answer, whichever way it came.
type question struct {
	id      string // the request id: the interaction's or message's id
	source  string // sourceSlash, sourceMention, …
	userID  string
	guildID string
	title   string // shown above the answer
	ticket  *ticket
	dest    destination
	// produce computes the answer, streaming text to onDelta if it can.
	produce func(ctx context.Context, onDelta func(string)) (rag.Answer, error)
	// followUp offers "Follow up in a thread" under the answer.
	followUp bool
	// remember, when set, is given the answer before it is posted, so a
	// follow-up that arrives as soon as the answer shows already has it.
	remember func(a rag.Answer)
}

// answer waits for the question's turn in its guild, produces the answer
// while streaming it into dest, and posts it. It returns the answer, or the
// error that the caller reports.
func (b *Bot) answer(ctx context.Context, q question) (rag.Answer, error) {
	start := time.Now()
	if err := q.ticket.wait(ctx); err != nil {
		return rag.Answer{}, err
	}
	st := newStreamer(b.cfg.EditInterval, func(ctx context.Context, text string) error {
		return q.dest.show(ctx, renderProgress(q.title, text))
	}, b.log.With("request", q.id))
	go st.run(ctx)
	a, err := q.produce(ctx, st.add)
	// Wait for any edit in flight before the final post, so that a late
	// progress edit can never overwrite the finished answer.
	st.stop()
	if err != nil {
		return rag.Answer{}, err
	}
	if q.remember != nil {
		q.remember(a)
	}
	b.keepAnswer(q.id, q.title, a)
	postCtx, cancel := noticeContext(ctx)
	defer cancel()
	if err := q.dest.finish(postCtx, renderAnswer(answerView{Title: q.title, AnswerID: q.id, FollowUp: q.followUp}, a)); err != nil {
		return rag.Answer{}, &postError{err: err}
	}
	elapsed := time.Since(start)
	b.metrics.answerTime.Observe(elapsed.Seconds())
	b.log.Info("answered", "request", q.id, "source", q.source, "user", q.userID, "guild", q.guildID,
		"seconds", elapsed.Seconds(), "citations", len(a.Citations), "abstained", a.Abstained, "mode", a.Mode)
	return a, nil
}

// noticeContext gives a final post its own short deadline: the answer's
// context may be at its very end, and a finished answer should still be
// delivered.
func noticeContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), noticeTimeout)
}

// postError marks a failure to deliver a finished answer to Discord.
type postError struct{ err error }

func (e *postError) Error() string { return "post answer: " + e.err.Error() }
func (e *postError) Unwrap() error { return e.err }

// Friendly messages for failures. The cause goes to the log with the
// request id, which the message quotes so an operator can find it.
const (
	msgShutdown = "I'm restarting, so I had to stop before finishing. Please ask again in a minute."
	msgTimeout  = "Sorry — that took too long to answer. Please try again, perhaps with a narrower question."
	msgNetwork  = "Sorry — I couldn't reach the language model. Please try again in a minute."
	msgGeneric  = "Sorry — something went wrong while I was answering. Please try again in a minute."
	msgPost     = "Sorry — I had an answer but couldn't post it. Please try again in a minute."
	msgBusy     = "I'm answering a lot of questions right now; please try again shortly."
	msgClosing  = "I'm restarting right now; please try again in a minute."
)

// report turns an error from a command or question into a reply and a log
// line: a userError is shown as it is; anything else is logged with its
// cause and shown as a short apology that quotes the request id.
func (b *Bot) report(ctx context.Context, dest destination, requestID string, err error) {
	text, kind := b.explain(err)
	log := b.log.With("request", requestID)
	if kind != "" {
		b.metrics.errors.WithLabelValues(kind).Inc()
		log.Error("answer failed", "kind", kind, "err", err)
		text += " (ref " + requestID + ")"
	} else {
		log.Info("request refused", "reason", text)
	}
	postCtx, cancel := noticeContext(ctx)
	defer cancel()
	if err := dest.fail(postCtx, text); err != nil {
		log.Warn("could not post failure notice", "err", err)
	}
}

// explain chooses what to tell the user about err and how to count it; kind
// is empty for a refusal that is not an error.
func (b *Bot) explain(err error) (text, kind string) {
	if msg, ok := userMessage(err); ok {
		return msg, ""
	}
	var pe *postError
	var netErr net.Error
	switch {
	case errors.Is(err, rag.ErrEmptyQuestion):
		return usageText, ""
	case errors.Is(err, rag.ErrQuestionTooLong):
		return "That question is too long for me. Please shorten it.", ""
	case b.life.Err() != nil:
		return msgShutdown, "shutdown"
	case errors.As(err, &pe):
		return msgPost, "discord"
	case errors.Is(err, context.DeadlineExceeded):
		return msgTimeout, "timeout"
	case errors.As(err, &netErr):
		return msgNetwork, "network"
	}
	return msgGeneric, "coverage"
}

// streamer turns a stream of text deltas into edits of the message in
// progress: at most one edit per interval, never two at once, each showing
// all the text so far. Deltas that arrive during an edit or within the
// interval are folded into the next edit.
type streamer struct {
	interval time.Duration
	show     func(ctx context.Context, text string) error
	log      interface{ Debug(string, ...any) }
	// now and after are the clock, replaceable in tests.
	now   func() time.Time
	after func(time.Duration) <-chan time.Time

	mu      sync.Mutex
	text    strings.Builder
	version int // bumped by every delta
	wake    chan struct{}
	done    chan struct{}
	exited  chan struct{}
	once    sync.Once
}

func newStreamer(interval time.Duration, show func(context.Context, string) error, log interface{ Debug(string, ...any) }) *streamer {
	return &streamer{
		interval: interval,
		show:     show,
		log:      log,
		now:      time.Now,
		after:    time.After,
		wake:     make(chan struct{}, 1),
		done:     make(chan struct{}),
		exited:   make(chan struct{}),
	}
}

// add is the OnDelta callback. It never blocks on Discord.
func (s *streamer) add(delta string) {
	if delta == "" {
		return
	}
	s.mu.Lock()
	s.text.WriteString(delta)
	s.version++
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *streamer) snapshot() (string, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.text.String(), s.version
}

// run edits until stop is called or ctx ends.
func (s *streamer) run(ctx context.Context) {
	defer close(s.exited)
	var last time.Time
	shown := 0
	for {
		select {
		case <-s.wake:
		case <-s.done:
			return
		case <-ctx.Done():
			return
		}
		if wait := s.interval - s.now().Sub(last); !last.IsZero() && wait > 0 {
			select {
			case <-s.after(wait):
			case <-s.done:
				return
			case <-ctx.Done():
				return
			}
		}
		text, version := s.snapshot()
		if version == shown || strings.TrimSpace(text) == "" {
			continue
		}
		last = s.now()
		shown = version
		if err := s.show(ctx, text); err != nil {
			s.log.Debug("progress edit failed", "err", err)
		}
	}
}

// stop ends run and waits for an edit in flight to finish.
func (s *streamer) stop() {
	s.once.Do(func() { close(s.done) })
	<-s.exited
}
