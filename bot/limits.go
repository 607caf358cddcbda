package bot

import (
	"context"
	"errors"
	"sync"
	"time"
)

// rateLimiter allows each user at most limit questions in any window of the
// given length (a sliding-window log). It remembers only the times inside
// the window, so its memory is bounded by the number of recently active
// users times limit.
type rateLimiter struct {
	limit  int
	window time.Duration
	now    func() time.Time

	mu     sync.Mutex
	events map[string][]time.Time
	calls  int
}

// sweepEvery is how many calls pass between sweeps that forget idle users.
const sweepEvery = 1024

func newRateLimiter(limit int, window time.Duration, now func() time.Time) *rateLimiter {
	return &rateLimiter{limit: limit, window: window, now: now, events: make(map[string][]time.Time)}
}

// allow records a question from user and reports whether it is within the
// limit. When it is not, retry says how long until the user may ask again.
// A limiter with a non-positive limit or window allows everything.
func (l *rateLimiter) allow(user string) (ok bool, retry time.Duration) {
	if l == nil || l.limit <= 0 || l.window <= 0 {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.calls++
	if l.calls%sweepEvery == 0 {
		l.sweep(now)
	}
	recent := l.prune(l.events[user], now)
	if len(recent) >= l.limit {
		l.events[user] = recent
		return false, recent[0].Add(l.window).Sub(now)
	}
	l.events[user] = append(recent, now)
	return true, 0
}

// prune drops the times that have left the window.
func (l *rateLimiter) prune(times []time.Time, now time.Time) []time.Time {
	cutoff := now.Add(-l.window)
	i := 0
	for i < len(times) && !times[i].After(cutoff) {
		i++
	}
	return times[i:]
}

func (l *rateLimiter) sweep(now time.Time) {
	for user, times := range l.events {
		if kept := l.prune(times, now); len(kept) == 0 {
			delete(l.events, user)
		} else {
			l.events[user] = kept
		}
	}
}

// errQueueFull is returned when a guild already has as many questions
// waiting as its queue holds.
var errQueueFull = errors.New("queue full")

// guildLimiter lets each guild have at most concurrency answers in progress
// and at most queue more waiting for a turn. Beyond that, questions are
// refused at once rather than piling up.
type guildLimiter struct {
	concurrency int
	queue       int

	mu     sync.Mutex
	guilds map[string]*guildSlots
}

type guildSlots struct {
	running int
	waiting []chan struct{} // closed when the waiter is given a slot
}

func newGuildLimiter(concurrency, queue int) *guildLimiter {
	return &guildLimiter{concurrency: concurrency, queue: queue, guilds: make(map[string]*guildSlots)}
}

// ticket is a place in a guild's line: either a running slot or a spot in
// the queue that wait turns into one. Release it exactly once.
type ticket struct {
	l     *guildLimiter
	guild string
	ready chan struct{}
	once  sync.Once
}

// enter takes a slot in guild or a place in its queue without blocking.
// It fails with errQueueFull when both are taken. A limiter with a
// non-positive concurrency has no limit.
func (l *guildLimiter) enter(guild string) (*ticket, error) {
	t := &ticket{l: l, guild: guild, ready: make(chan struct{})}
	if l == nil || l.concurrency <= 0 {
		close(t.ready)
		t.l = nil
		return t, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	g := l.guilds[guild]
	if g == nil {
		g = &guildSlots{}
		l.guilds[guild] = g
	}
	switch {
	case g.running < l.concurrency:
		g.running++
		close(t.ready)
	case len(g.waiting) < l.queue:
		g.waiting = append(g.waiting, t.ready)
	default:
		return nil, errQueueFull
	}
	return t, nil
}

// wait blocks until the ticket holds a running slot or ctx is done. A nil
// ticket (a command that takes no slot) never waits.
func (t *ticket) wait(ctx context.Context) error {
	if t == nil {
		return nil
	}
	select {
	case <-t.ready:
		return nil
	default:
	}
	select {
	case <-t.ready:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release gives the ticket's slot to the next waiter, or leaves the queue if
// the ticket was still waiting.
func (t *ticket) release() {
	if t == nil {
		return
	}
	t.once.Do(func() {
		if t.l == nil {
			return
		}
		l := t.l
		l.mu.Lock()
		defer l.mu.Unlock()
		g := l.guilds[t.guild]
		for i, ch := range g.waiting {
			if ch == t.ready {
				g.waiting = append(g.waiting[:i], g.waiting[i+1:]...)
				l.forget(t.guild, g)
				return
			}
		}
		if len(g.waiting) > 0 {
			next := g.waiting[0]
			g.waiting = g.waiting[1:]
			close(next) // the slot passes to next; running stays the same
			return
		}
		g.running--
		l.forget(t.guild, g)
	})
}

// forget drops an idle guild so the map holds only busy guilds.
func (l *guildLimiter) forget(guild string, g *guildSlots) {
	if g.running == 0 && len(g.waiting) == 0 {
		delete(l.guilds, guild)
	}
}

// load reports how many answers are running and waiting in guild.
func (l *guildLimiter) load(guild string) (running, waiting int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if g := l.guilds[guild]; g != nil {
		return g.running, len(g.waiting)
	}
	return 0, 0
}
