package bot

import (
	"context"
	"log/slog"
	"testing"
	"time"
)

// The streamer edits at once for the first text, then at most once per
// interval, with all the text gathered meanwhile, and never two edits at a
// time. The clock is the test's, so nothing depends on timing.
func TestStreamerCoalescesEdits(t *testing.T) {
	shows := make(chan string)
	waits := make(chan chan time.Time, 8)
	s := newStreamer(time.Second, func(_ context.Context, text string) error {
		shows <- text
		return nil
	}, slog.New(slog.DiscardHandler))
	frozen := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return frozen }
	s.after = func(time.Duration) <-chan time.Time {
		fire := make(chan time.Time, 1)
		waits <- fire
		return fire
	}
	go s.run(context.Background())

	s.add("Starmer")
	if got := <-shows; got != "Starmer" {
		t.Fatalf("first edit = %q", got)
	}
	s.add(" told")
	var fire chan time.Time
	select {
	case fire = <-waits: // the second edit waits for the interval…
	case got := <-shows:
		t.Fatalf("edited again at once (%q) instead of waiting for the interval", got)
	}
	s.add(" Zelenskyy")
	s.add(" that")
	fire <- frozen // …and then shows everything so far, once
	if got := <-shows; got != "Starmer told Zelenskyy that" {
		t.Fatalf("second edit = %q", got)
	}
	s.stop()
	select {
	case got := <-shows:
		t.Fatalf("an edit after stop: %q", got)
	default:
	}
}

// stop waits for an edit in flight, so that the final answer can never be
// overwritten by a late progress edit.
func TestStreamerStopWaitsForEditInFlight(t *testing.T) {
	entered := make(chan struct{})
	release := make(chan struct{})
	finished := false
	s := newStreamer(time.Millisecond, func(context.Context, string) error {
		close(entered)
		<-release
		finished = true
		return nil
	}, slog.New(slog.DiscardHandler))
	go s.run(context.Background())
	s.add("text")
	<-entered
	stopped := make(chan struct{})
	go func() {
		s.stop()
		close(stopped)
	}()
	select {
	case <-stopped:
		t.Fatal("stop returned while an edit was in flight")
	default:
	}
	close(release)
	<-stopped
	if !finished {
		t.Error("stop returned before the edit finished")
	}
}
