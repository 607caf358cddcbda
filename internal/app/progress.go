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

// progressReporter draws a progress bar on a terminal, for embedding and
// then for writing to an external store, and stays quiet elsewhere: the
// index logs one line when it is done.
type progressReporter struct {
	mu  sync.Mutex
	w   io.Writer
	tty bool
	// The stage on the line: what it counts, out of how many, the most
	// counted so far, and whether it is finished.
	verb     string
	total    int
	shown    int
	finished bool
	started  time.Time
	drawn    bool
	last     time.Time
}

func newProgress(w io.Writer) *progressReporter {
	return &progressReporter{w: w, tty: isTerminal(w)}
}

// update reports passages embedded.
func (p *progressReporter) update(done, total int) { p.draw("embedding", done, total) }

// writing reports passages written to an external store. It may be called
// from several goroutines, whose reports may arrive out of order.
func (p *progressReporter) writing(done, total int) { p.draw("writing to the store", done, total) }

func (p *progressReporter) draw(verb string, done, total int) {
	if p == nil || !p.tty || total == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if verb != p.verb || total != p.total {
		// A new stage starts a line of its own, and a rate of its own.
		if p.drawn {
			fmt.Fprintln(p.w)
			p.drawn = false
		}
		p.verb, p.total, p.shown, p.finished = verb, total, 0, false
		p.started, p.last = time.Now(), time.Time{}
	} else if p.finished || done < p.shown {
		return // a late report of what is already shown
	}
	p.shown = done
	if done < total && time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	const width = 30
	filled := width * min(done, total) / total
	rate := float64(done) / time.Since(p.started).Seconds()
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d passages (%.0f/s) ", verb, strings.Repeat("=", filled),
		strings.Repeat(" ", width-filled), done, total, rate)
	p.drawn = true
	if done >= total {
		// A finished stage keeps its line, and what comes next starts
		// afresh.
		fmt.Fprintln(p.w)
		p.drawn, p.finished = false, true
	}
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
