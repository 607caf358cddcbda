package bot

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestRateLimiterSlidingWindow(t *testing.T) {
	clock := &testClock{now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := newRateLimiter(3, time.Minute, clock.Now)
	type step struct {
		advance time.Duration
		user    string
		ok      bool
		retry   time.Duration
	}
	for i, s := range []step{
		{0, "a", true, 0},
		{10 * time.Second, "a", true, 0},
		{10 * time.Second, "a", true, 0},
		{5 * time.Second, "a", false, 35 * time.Second}, // first at 0 s leaves at 60 s; now 25 s
		{0, "b", true, 0},                               // users are independent
		{35 * time.Second, "a", true, 0},                // at 60 s the first has left
		{0, "a", false, 10 * time.Second},               // the one at 10 s leaves at 70 s
		{2 * time.Minute, "a", true, 0},
	} {
		clock.Advance(s.advance)
		ok, retry := l.allow(s.user)
		if ok != s.ok || retry != s.retry {
			t.Errorf("step %d (%s): allow = %v, %v; want %v, %v", i, s.user, ok, retry, s.ok, s.retry)
		}
	}
}

func TestRateLimiterRefusalsDoNotExtendTheWait(t *testing.T) {
	clock := &testClock{now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := newRateLimiter(1, time.Minute, clock.Now)
	l.allow("a")
	for range 5 {
		clock.Advance(time.Second)
		l.allow("a")
	}
	clock.Advance(55 * time.Second) // 60 s after the one allowed question
	if ok, retry := l.allow("a"); !ok {
		t.Errorf("refused %v after the window, although the refused attempts should not count", retry)
	}
}

func TestRateLimiterForgetsIdleUsers(t *testing.T) {
	clock := &testClock{now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := newRateLimiter(1, time.Minute, clock.Now)
	for i := range sweepEvery - 1 {
		l.allow(fmt.Sprint("user", i))
	}
	clock.Advance(2 * time.Minute)
	l.allow("late") // the sweepEvery-th call sweeps
	if n := len(l.events); n != 1 {
		t.Errorf("%d users remembered after the sweep, want 1", n)
	}
}

func TestRateLimiterOff(t *testing.T) {
	var l *rateLimiter
	if ok, _ := l.allow("a"); !ok {
		t.Error("a nil limiter refused")
	}
	l = newRateLimiter(0, time.Minute, time.Now)
	for range 100 {
		if ok, _ := l.allow("a"); !ok {
			t.Fatal("a zero limit refused")
		}
	}
}

func TestRetryTime(t *testing.T) {
	now := time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   time.Duration
		want string
	}{
		{0, "<t:1746100801:R>"}, // never "now": at least a second
		{300 * time.Millisecond, "<t:1746100801:R>"},
		{42 * time.Second, "<t:1746100842:R>"},
		{41*time.Second + time.Millisecond, "<t:1746100842:R>"},
	} {
		if got := retryTime(now, tc.in); got != tc.want {
			t.Errorf("retryTime(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGuildLimiterQueue(t *testing.T) {
	l := newGuildLimiter(2, 1)
	ctx := context.Background()
	a, err := l.enter("g")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := l.enter("g")
	c, err := l.enter("g")
	if err != nil {
		t.Fatalf("third should queue: %v", err)
	}
	if _, err := l.enter("g"); !errors.Is(err, errQueueFull) {
		t.Fatalf("fourth: err = %v, want errQueueFull", err)
	}
	if _, err := l.enter("other"); err != nil {
		t.Errorf("another guild is limited too: %v", err)
	}
	if err := a.wait(ctx); err != nil {
		t.Fatal(err)
	}
	waitCtx, cancel := context.WithCancel(ctx)
	cancel()
	if err := c.wait(waitCtx); err == nil {
		t.Fatal("queued ticket ran without a slot")
	}
	a.release()
	if err := c.wait(ctx); err != nil {
		t.Fatalf("queued ticket did not get the freed slot: %v", err)
	}
	if running, waiting := l.load("g"); running != 2 || waiting != 0 {
		t.Errorf("load = %d running, %d waiting; want 2, 0", running, waiting)
	}
	a.release() // releasing twice is harmless
	b.release()
	c.release()
	if running, waiting := l.load("g"); running != 0 || waiting != 0 {
		t.Errorf("after release: %d running, %d waiting", running, waiting)
	}
	if len(l.guilds) != 1 { // only "other" is still busy
		t.Errorf("%d guilds remembered, want 1", len(l.guilds))
	}
}

func TestGuildLimiterAbandonedWaiterLeavesQueue(t *testing.T) {
	l := newGuildLimiter(1, 1)
	a, _ := l.enter("g")
	b, _ := l.enter("g")
	b.release() // gave up while queued
	c, err := l.enter("g")
	if err != nil {
		t.Fatalf("the abandoned place was not freed: %v", err)
	}
	a.release()
	if err := c.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	c.release()
	if running, waiting := l.load("g"); running != 0 || waiting != 0 {
		t.Errorf("%d running, %d waiting after all released", running, waiting)
	}
}

func TestGuildLimiterOff(t *testing.T) {
	l := newGuildLimiter(0, 0)
	for range 50 {
		tk, err := l.enter("g")
		if err != nil {
			t.Fatal(err)
		}
		if err := tk.wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}
