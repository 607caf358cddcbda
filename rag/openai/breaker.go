package openai

import (
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// breaker is a circuit breaker over one endpoint; see BreakerConfig.
type breaker struct {
	threshold int
	cooldown  time.Duration
	now       func() time.Time
	log       *slog.Logger

	mu       sync.Mutex
	failures int // consecutive
	open     bool
	openedAt time.Time
	probing  bool // a probe is in flight
	probeAt  time.Time
}

func newBreaker(cfg BreakerConfig, now func() time.Time, log *slog.Logger) *breaker {
	return &breaker{threshold: cfg.Failures, cooldown: cfg.Cooldown, now: now, log: log}
}

// allow says whether a request may be sent; probe is true when it is the one
// request let through to test an endpoint thought down.
func (b *breaker) allow() (probe bool, err *callError) {
	if b.threshold <= 0 {
		return false, nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.open {
		return false, nil
	}
	now := b.now()
	if since := now.Sub(b.openedAt); since < b.cooldown {
		return false, &callError{kind: ErrUnavailable, detail: fmt.Sprintf(
			"circuit open after %d consecutive failures; next try in %s", b.failures, roughly(b.cooldown-since))}
	}
	// A probe that has taken longer than a cooldown is presumed lost, so a
	// hung request cannot keep the breaker from ever closing.
	if b.probing && now.Sub(b.probeAt) < b.cooldown {
		return false, &callError{kind: ErrUnavailable, detail: fmt.Sprintf(
			"circuit open after %d consecutive failures; a probe is checking whether the endpoint is back", b.failures)}
	}
	b.probing, b.probeAt = true, now
	return true, nil
}

// record takes the outcome of a request that allow let through.
func (b *breaker) record(probe bool, h health) {
	if b.threshold <= 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if probe {
		b.probing = false
	}
	switch h {
	case alive:
		if b.open {
			b.log.Info("endpoint is back; circuit closed", "after_failures", b.failures)
		}
		b.failures, b.open = 0, false
	case failed:
		b.failures++
		if probe || (!b.open && b.failures >= b.threshold) {
			if !b.open {
				b.log.Warn("endpoint considered down; circuit open",
					"consecutive_failures", b.failures, "cooldown", b.cooldown)
			}
			b.open, b.openedAt = true, b.now()
		}
	}
}

// roughly rounds a wait for people to read.
func roughly(d time.Duration) time.Duration {
	if d >= time.Second {
		return d.Round(time.Second)
	}
	return d.Round(time.Millisecond)
}
