package app

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// termIsTerminal reports whether fd is a terminal; a test stands in for a
// terminal by replacing it.
var termIsTerminal = term.IsTerminal

// progressReporter draws a progress bar for embedding on a terminal, and
// stays quiet elsewhere: the index logs one line when it is done.
type progressReporter struct {
	mu      sync.Mutex
	w       io.Writer
	tty     bool
	started time.Time
	drawn   bool
	last    time.Time
}

func newProgress(w io.Writer) *progressReporter {
	return &progressReporter{w: w, tty: isTerminal(w), started: time.Now()}
}

func (p *progressReporter) update(done, total int) {
	if p == nil || !p.tty || total == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if done < total && time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	const width = 30
	filled := width * done / total
	rate := float64(done) / time.Since(p.started).Seconds()
	fmt.Fprintf(p.w, "\rembedding [%s%s] %d/%d passages (%.0f/s) ", strings.Repeat("=", filled),
		strings.Repeat(" ", width-filled), done, total, rate)
	p.drawn = true
}

func (p *progressReporter) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}
