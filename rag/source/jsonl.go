package source

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/coveragebot/coveragebot/rag"
)

// maxLineBytes bounds one JSON Lines record; a longer line is a Problem and
// is skipped without being held in memory.
const maxLineBytes = MaxFileBytes

// A JSON Lines file is decoded in batches of lines, on every core: JSON
// decoding is most of the cost of loading a large corpus.
const (
	jsonlBatchBytes = 1 << 20
	jsonlBatchLines = 256
)

// ParseJSONL reads JSON Lines: one article object per line, in the shape
// ParseJSON takes. Blank lines are skipped. A line that is not a valid
// article (bad JSON, no text, a bad date) is returned as a Problem with its
// line number, and the rest is read. A read error ends the input and is a
// Problem too. Lines may be of any length up to MaxFileBytes.
//
// Articles are returned in line order. Ids are not checked for duplicates
// here; Load does that across everything it loads.
func ParseJSONL(name string, r io.Reader) ([]rag.Article, []Problem) {
	arts, _, problems, _ := parseJSONL(context.Background(), name, r)
	return arts, problems
}

// jsonlBatch is a run of lines on their way to a decoder, and what came of
// them.
type jsonlBatch struct {
	seq  int
	data []byte // the lines, back to back
	ends []int  // where each line ends in data
	nums []int  // each line's number

	arts     []rag.Article
	artLines []int
	problems []Problem
}

func (b *jsonlBatch) decode(name string) {
	var rec jsonArticle
	start := 0
	for i, end := range b.ends {
		line := b.data[start:end]
		start = end
		a, err := decodeLine(&rec, line, name, b.nums[i])
		if err != nil {
			b.problems = append(b.problems, Problem{Path: name, Line: b.nums[i], Err: err})
			continue
		}
		b.arts = append(b.arts, a)
		b.artLines = append(b.artLines, b.nums[i])
	}
	b.data = nil // the articles' strings are copies; let the lines go
}

// parseJSONL is ParseJSONL with the line number of each article, for Load's
// duplicate reports, and with cancellation: err is ctx's error when it ends
// the read.
func parseJSONL(ctx context.Context, name string, r io.Reader) (arts []rag.Article, lines []int, problems []Problem, err error) {
	var (
		batches   []*jsonlBatch
		first     *jsonlBatch // held until a second batch shows the file is worth sharing out
		work      chan *jsonlBatch
		done      chan *jsonlBatch
		wg        sync.WaitGroup
		collected = make(chan struct{})
	)
	startWorkers := func() {
		workers := min(runtime.GOMAXPROCS(0), 8)
		work = make(chan *jsonlBatch, workers)
		done = make(chan *jsonlBatch, workers)
		for range workers {
			wg.Go(func() {
				for b := range work {
					b.decode(name)
					done <- b
				}
			})
		}
		go func() {
			for b := range done {
				batches = append(batches, b)
			}
			close(collected)
		}()
	}
	send := func(b *jsonlBatch) {
		if work == nil {
			if first == nil {
				first = b
				return
			}
			startWorkers()
			work <- first
		}
		work <- b
	}

	problems, err = readJSONLBatches(ctx, name, r, send)
	if work != nil {
		close(work)
		wg.Wait()
		close(done)
		<-collected
	} else if first != nil {
		first.decode(name)
		batches = append(batches, first)
	}

	slices.SortFunc(batches, func(a, b *jsonlBatch) int { return cmp.Compare(a.seq, b.seq) })
	n := 0
	for _, b := range batches {
		n += len(b.arts)
	}
	arts = make([]rag.Article, 0, n)
	lines = make([]int, 0, n)
	for _, b := range batches {
		arts = append(arts, b.arts...)
		lines = append(lines, b.artLines...)
		problems = append(problems, b.problems...)
	}
	slices.SortStableFunc(problems, func(a, b Problem) int { return cmp.Compare(a.Line, b.Line) })
	return arts, lines, problems, err
}

// readJSONLBatches splits r into lines and sends them on in batches. It
// returns the problems found while reading (over-long lines, a read error)
// and ctx's error if it ended the read.
func readJSONLBatches(ctx context.Context, name string, r io.Reader, sendBatch func(*jsonlBatch)) ([]Problem, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	var problems []Problem
	var long []byte // a line longer than br's buffer, gathered here
	// A batch starts small, for the many short files, then as large as the
	// one before it, so a big file's batches are one allocation each.
	b := &jsonlBatch{data: make([]byte, 0, 64<<10)}
	send := func() {
		if len(b.ends) > 0 {
			next := &jsonlBatch{seq: b.seq + 1, data: make([]byte, 0, cap(b.data))}
			sendBatch(b) // b belongs to its decoder from here
			b = next
		}
	}
	for lineNo := 1; ; lineNo++ {
		line, tooLong, readErr := readLine(br, &long)
		if tooLong {
			problems = append(problems, Problem{Path: name, Line: lineNo,
				Err: fmt.Errorf("%w: line is over %d bytes", ErrTooLarge, maxLineBytes)})
		} else if line = bytes.TrimSpace(line); len(line) > 0 {
			b.data = append(b.data, line...)
			b.ends = append(b.ends, len(b.data))
			b.nums = append(b.nums, lineNo)
			if len(b.data) >= jsonlBatchBytes || len(b.ends) >= jsonlBatchLines {
				send()
				if err := ctx.Err(); err != nil {
					return problems, err
				}
			}
		}
		if readErr == io.EOF {
			send()
			return problems, nil
		}
		if readErr != nil {
			send()
			problems = append(problems, Problem{Path: name, Line: lineNo, Err: fmt.Errorf("read: %w", readErr)})
			return problems, nil
		}
	}
}

func decodeLine(rec *jsonArticle, line []byte, name string, lineNo int) (rag.Article, error) {
	if line[0] != '{' {
		if !json.Valid(line) {
			return rag.Article{}, errors.New("invalid JSON")
		}
		return rag.Article{}, errors.New("want an article object")
	}
	*rec = jsonArticle{}
	if err := json.Unmarshal(line, rec); err != nil {
		return rag.Article{}, fmt.Errorf("invalid JSON: %w", err)
	}
	return rec.article(name, "-"+strconv.Itoa(lineNo))
}

// readLine returns the next line without its newline. The slice is valid
// until the next call. A line over maxLineBytes is read through and dropped,
// reported by tooLong. err is io.EOF after the last line.
func readLine(br *bufio.Reader, long *[]byte) (line []byte, tooLong bool, err error) {
	line, err = br.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return bytes.TrimSuffix(line, []byte("\n")), false, err
	}
	*long = append((*long)[:0], line...)
	for err == bufio.ErrBufferFull {
		line, err = br.ReadSlice('\n')
		if !tooLong && len(*long)+len(line) > maxLineBytes {
			tooLong = true
			*long = (*long)[:0]
		}
		if !tooLong {
			*long = append(*long, line...)
		}
	}
	if tooLong {
		return nil, true, err
	}
	return bytes.TrimSuffix(*long, []byte("\n")), false, err
}
