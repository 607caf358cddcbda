package openai

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	goopenai "github.com/sashabaranov/go-openai"
)

// health is what one attempt says about the endpoint, for the breaker.
type health int

const (
	neutral health = iota // says nothing: the caller gave up, or no request was sent
	alive                 // the server answered
	failed                // the server failed or could not be reached
)

// callError is every error this package returns. Its message is built only
// from safe parts; the sentinel (kind) and a context error (cause) are
// reachable through errors.Is.
type callError struct {
	kind     error
	detail   string
	cause    error
	retry    bool
	health   health
	attempts int
}

func (e *callError) Error() string {
	msg := e.summary()
	if e.attempts > 1 {
		msg += fmt.Sprintf(" (after %d attempts)", e.attempts)
	}
	return msg
}

// summary is the message without the number of attempts.
func (e *callError) summary() string {
	if e.kind == nil {
		return e.detail
	}
	return e.kind.Error() + ": " + e.detail
}

func (e *callError) Unwrap() []error {
	var errs []error
	if e.kind != nil {
		errs = append(errs, e.kind)
	}
	if e.cause != nil {
		errs = append(errs, e.cause)
	}
	return errs
}

func badResponse(format string, args ...any) *callError {
	return &callError{kind: ErrBadResponse, detail: fmt.Sprintf(format, args...), health: alive}
}

// redact removes the API key from text that came from elsewhere.
func (e *endpoint) redact(s string) string {
	if e.cfg.APIKey == "" {
		return s
	}
	return strings.ReplaceAll(s, e.cfg.APIKey, "[redacted]")
}

// call runs op until it succeeds, fails for good, or runs out of retries,
// time or breaker. op makes one request with the client it is given; its
// errors are classified here unless it returns a *callError itself.
func (e *endpoint) call(ctx context.Context, op func(ctx context.Context, c *goopenai.Client, a *attempt) error) error {
	var last *callError
	for try := 1; ; try++ {
		if err := ctx.Err(); err != nil {
			return e.stopped(err, last, try-1)
		}
		probe, err := e.breaker.allow()
		if err != nil {
			if last != nil {
				err.detail += "; last failure: " + last.summary()
			}
			err.attempts = try - 1
			return err
		}
		a := &attempt{}
		opErr := op(ctx, e.clientFor(a), a)
		if opErr == nil {
			e.breaker.record(probe, alive)
			return nil
		}
		ce := e.classify(ctx, opErr, a)
		ce.detail = e.redact(ce.detail)
		e.breaker.record(probe, ce.health)
		ce.attempts = try
		if !ce.retry || try > e.cfg.MaxRetries {
			return ce
		}
		wait, reason := e.retryWait(ctx, try, a)
		if reason != "" {
			ce.detail += "; " + reason
			return ce
		}
		e.log.Warn("request failed, retrying", "attempt", try, "wait", wait, "err", ce.Error())
		if err := e.cfg.Sleep(ctx, wait); err != nil {
			return e.stopped(err, ce, try)
		}
		last = ce
	}
}

// stopped is the error for a context that ended between attempts.
func (e *endpoint) stopped(ctxErr error, last *callError, attempts int) error {
	detail := ctxErr.Error()
	if last != nil {
		detail += " while waiting to retry; last failure: " + last.summary()
	}
	return &callError{detail: detail, cause: ctxErr, attempts: attempts}
}

// classify turns what go-openai returned, and what the recorder saw, into a
// callError that says whether to retry and what it says about the endpoint.
func (e *endpoint) classify(ctx context.Context, err error, a *attempt) *callError {
	var ce *callError
	if errors.As(err, &ce) {
		return ce
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		h := neutral
		if errors.Is(ctxErr, context.DeadlineExceeded) && a.sent && (a.status == 0 || a.broken) {
			// The server did not answer within the caller's deadline.
			h = failed
		}
		return &callError{detail: ctxErr.Error(), cause: ctxErr, health: h}
	}
	status := ""
	if a.status != 0 {
		status = fmt.Sprintf("HTTP %d %s", a.status, http.StatusText(a.status))
		if a.message != "" {
			status += ": " + a.message
		}
	}
	switch {
	case errors.Is(err, errTooLarge):
		return badResponse("reply larger than %d bytes", e.bodyLimit)
	case a.status == http.StatusTooManyRequests:
		return &callError{kind: ErrRateLimited, detail: status, retry: true, health: alive}
	case a.status == http.StatusRequestTimeout || a.status >= 500:
		return &callError{kind: ErrUnavailable, detail: status, retry: true, health: failed}
	case a.status >= 400:
		return &callError{kind: ErrRejected, detail: status, health: alive}
	case !a.sent:
		// go-openai refused to build the request (for example a model it
		// knows the endpoint does not serve).
		return &callError{kind: ErrRejected, detail: oneLine(err.Error(), maxMessageLen)}
	case a.status == 0 || a.broken:
		return &callError{kind: ErrUnavailable, detail: "connection failed: " + netMessage(err, e.redact),
			retry: true, health: failed}
	default:
		// The whole body arrived with a success status, so go-openai could
		// not decode it.
		return badResponse("invalid JSON in reply: %s", oneLine(err.Error(), maxMessageLen))
	}
}

// retryWait says how long to wait before attempt try+1, or why not to.
func (e *endpoint) retryWait(ctx context.Context, try int, a *attempt) (time.Duration, string) {
	wait, told := retryAfter(a.retryAfter, a.retryAfterMS, e.cfg.Now())
	if told {
		if wait > e.cfg.MaxBackoff {
			return 0, fmt.Sprintf("the server asks to wait %s, longer than the %s allowed", wait, e.cfg.MaxBackoff)
		}
	} else {
		wait = backoff(try, e.cfg.MinBackoff, e.cfg.MaxBackoff)
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
		return 0, "no time left to retry before the deadline"
	}
	return wait, ""
}

// backoff doubles from lo for each attempt made, up to hi, and picks a
// point in the upper half of that at random so that clients that failed
// together do not retry together.
func backoff(try int, lo, hi time.Duration) time.Duration {
	d := lo
	for i := 1; i < try && d < hi; i++ {
		d *= 2
	}
	if d > hi || d <= 0 {
		d = hi
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

// retryAfter reads how long the server asked the client to wait: OpenAI's
// Retry-After-Ms, or Retry-After as seconds or an HTTP date. It reports
// false when neither is present and valid.
func retryAfter(header, headerMS string, now time.Time) (time.Duration, bool) {
	const longest = 24 * time.Hour // keeps absurd values from overflowing
	if ms, err := strconv.ParseFloat(strings.TrimSpace(headerMS), 64); err == nil && ms >= 0 {
		if ms > float64(longest/time.Millisecond) {
			return longest, true
		}
		return time.Duration(ms * float64(time.Millisecond)), true
	}
	header = strings.TrimSpace(header)
	if header == "" {
		return 0, false
	}
	if strings.Trim(header, "0123456789") == "" {
		secs, err := strconv.ParseUint(header, 10, 64)
		if err != nil || secs > uint64(longest/time.Second) {
			return longest, true // only overflow fails on digits
		}
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(header); err == nil {
		return min(max(at.Sub(now), 0), longest), true
	}
	return 0, false
}
