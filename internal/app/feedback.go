package app

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/bot"
	"github.com/coveragebot/coveragebot/config"
)

// feedbackFileName is where serve keeps votes, with COVERAGEBOT_STORE_FEEDBACK
// on: JSON Lines in the index directory, one vote (or a 👎's reason) a line.
const feedbackFileName = "feedback.jsonl"

// maxFeedbackLine bounds one stored record when reading: an answer is at
// most a few embeds of text.
const maxFeedbackLine = 1 << 20

func feedbackPath(cfg config.Config) string { return filepath.Join(cfg.Index.Dir, feedbackFileName) }

// feedbackLog appends votes to the feedback file. Each record is one write
// to a file opened for appending, so the lines of processes that share an
// index directory do not interleave.
type feedbackLog struct {
	path string
	mu   sync.Mutex
}

func (l *feedbackLog) record(_ context.Context, f bot.Feedback) error {
	line, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("store feedback: %w", err)
	}
	line = append(line, '\n')
	l.mu.Lock()
	defer l.mu.Unlock()
	file, err := os.OpenFile(l.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("store feedback: %w", err)
	}
	if _, err := file.Write(line); err != nil {
		file.Close()
		return fmt.Errorf("store feedback: %w", err)
	}
	if err := file.Close(); err != nil {
		return fmt.Errorf("store feedback: %w", err)
	}
	return nil
}

// readFeedback reads the feedback file. A line that does not parse (one a
// crash cut short) is skipped and its number returned, so one bad line
// does not hide the rest.
func readFeedback(path string) (records []bot.Feedback, bad []int, err error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 64<<10), maxFeedbackLine)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var f bot.Feedback
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			bad = append(bad, n)
			continue
		}
		records = append(records, f)
	}
	if err := sc.Err(); err != nil {
		return records, bad, fmt.Errorf("read %s: %w", path, err)
	}
	return records, bad, nil
}

// feedbackCmd is `coveragebot feedback`: the votes serve stored.
type feedbackCmd struct {
	JSON bool
}

func (c *feedbackCmd) bind(fs *flag.FlagSet) {
	fs.BoolVar(&c.JSON, "json", false, "print the records as a JSON array")
}

func (c *feedbackCmd) run(_ context.Context, inv *invocation) error {
	path := feedbackPath(inv.cfg)
	records, bad, err := readFeedback(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !inv.cfg.Discord.StoreFeedback {
			fmt.Fprintln(inv.env.Stderr, "coveragebot: votes are not being stored; set COVERAGEBOT_STORE_FEEDBACK=true for serve to keep them with their questions and answers")
		}
	case err != nil:
		return fmt.Errorf("feedback: %w", err)
	}
	for _, n := range bad {
		fmt.Fprintf(inv.env.Stderr, "coveragebot: %s line %d is not a feedback record; skipped\n", path, n)
	}
	w := inv.stdout()
	if c.JSON {
		if records == nil {
			records = []bot.Feedback{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(records)
	}
	up, down := 0, 0
	reasons := map[string]int{}
	for _, f := range records {
		switch {
		case f.Reason != "":
			reasons[f.Reason]++
		case f.Vote == "up":
			up++
		default:
			down++
		}
	}
	fmt.Fprintf(w, "%d 👍, %d 👎 (wrong %d, out of date %d, missing a source %d)\n\n",
		up, down, reasons["wrong"], reasons["outdated"], reasons["missing_source"])
	if len(records) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tVOTE\tREASON\tANSWER\tSOURCES\tQUESTION")
	for _, f := range records {
		vote := "👍"
		if f.Vote != "up" {
			vote = "👎"
		}
		reason := f.Reason
		if reason == "" {
			reason = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", f.Time.UTC().Format(time.DateTime), vote, reason, f.AnswerID,
			len(f.Citations), shorten(oneLine(f.Question), 80))
	}
	return tw.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// shorten cuts s to at most n characters, marking the cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
