package app

import (
	"strings"
	"sync"
	"testing"
)

// Embedding and then writing to a store each get a line of their own, and
// a finished stage ends its line, so that what is printed next starts
// clean.
func TestProgressStages(t *testing.T) {
	var b strings.Builder
	p := &progressReporter{w: &b, tty: true}
	p.update(50, 100)
	p.update(100, 100)
	var wg sync.WaitGroup
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.writing(25*i, 100) // as a store's import workers report
		}()
	}
	wg.Wait()
	p.writing(75, 100) // a worker's report arriving after the last
	p.done()
	out := b.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 || !strings.HasSuffix(out, "\n") {
		t.Fatalf("want two finished lines, got %q", out)
	}
	if !strings.Contains(lines[0], "embedding [") || !strings.Contains(lines[0], "100/100 passages") || strings.Contains(lines[0], "writing") {
		t.Errorf("first line %q", lines[0])
	}
	if !strings.Contains(lines[1], "writing to the store [") || !strings.Contains(lines[1], "100/100 passages") {
		t.Errorf("second line %q", lines[1])
	}

	// Off a terminal nothing is drawn.
	var quiet strings.Builder
	q := &progressReporter{w: &quiet}
	q.update(1, 2)
	q.writing(2, 2)
	q.done()
	if quiet.Len() != 0 {
		t.Errorf("drew %q off a terminal", quiet.String())
	}
}
