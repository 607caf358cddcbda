package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The quotation benchmark: a hand-labelled set of quotations, quoted spans
// that are not a person's words, and dated timeline events, in the shape of
// testdata/quotes-eval (see its README). Offsets in the set count
// characters; spans are found in an article by their text.

// GoldQuote is a quotation and who said it.
type GoldQuote struct {
	ID        string `json:"id"`
	Article   string `json:"article"`
	Published string `json:"published"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	Speaker   string `json:"speaker"`
	Kind      string `json:"kind"`
	Relayer   string `json:"relayer"`
	Split     string `json:"split"`
}

// NotQuote is a quoted span that is not the named person's words.
type NotQuote struct {
	ID          string `json:"id"`
	Article     string `json:"article"`
	Text        string `json:"text"`
	Start       int    `json:"start"`
	Kind        string `json:"kind"`
	Family      string `json:"family"`
	NotSpeaker  string `json:"not_speaker"`
	TrueSpeaker string `json:"true_speaker"`
	Split       string `json:"split"`
}

// GoldEvent is a timeline sentence and the range its true date falls in.
type GoldEvent struct {
	ID        string `json:"id"`
	Article   string `json:"article"`
	Published string `json:"published"`
	Sentence  string `json:"sentence"`
	CueText   string `json:"cue_text"`
	Date      string `json:"date"`
	DateFrom  string `json:"date_from"`
	DateTo    string `json:"date_to"`
	Cue       string `json:"cue"`
	Split     string `json:"split"`
}

// GoldPerson is a labelled speaker with the forms of name the articles use
// and the people who must not be merged with them.
type GoldPerson struct {
	Name      string   `json:"name"`
	Variants  []string `json:"variants"`
	Namesakes []string `json:"namesakes"`
}

// QuoteSet is the whole labelled set.
type QuoteSet struct {
	Quotations []GoldQuote
	NotQuotes  []NotQuote
	Timeline   []GoldEvent
	People     []GoldPerson
}

// Articles lists the ids of the labelled articles, sorted.
func (s QuoteSet) Articles() []string {
	seen := map[string]bool{}
	for _, q := range s.Quotations {
		seen[q.Article] = true
	}
	for _, n := range s.NotQuotes {
		seen[n.Article] = true
	}
	for _, e := range s.Timeline {
		seen[e.Article] = true
	}
	out := make([]string, 0, len(seen))
	for id := range seen {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// ReadQuoteSet reads the set from its directory, or from the directory of
// the quotations.jsonl path given. The not-quote, timeline and people files
// must stand beside it: a score without them would not be the one the
// README defines.
func ReadQuoteSet(path string) (QuoteSet, error) {
	dir := path
	if fi, err := os.Stat(path); err != nil {
		return QuoteSet{}, fmt.Errorf("quote set: %w", err)
	} else if !fi.IsDir() {
		dir = filepath.Dir(path)
	}
	var s QuoteSet
	if err := readJSONLFile(filepath.Join(dir, "quotations.jsonl"), &s.Quotations); err != nil {
		return QuoteSet{}, err
	}
	if err := readJSONLFile(filepath.Join(dir, "not_quotes.jsonl"), &s.NotQuotes); err != nil {
		return QuoteSet{}, err
	}
	if err := readJSONLFile(filepath.Join(dir, "timeline.jsonl"), &s.Timeline); err != nil {
		return QuoteSet{}, err
	}
	if err := readJSONLFile(filepath.Join(dir, "people.jsonl"), &s.People); err != nil {
		return QuoteSet{}, err
	}
	if len(s.Quotations) == 0 {
		return QuoteSet{}, fmt.Errorf("quote set %s: no quotations", dir)
	}
	return s, nil
}

func readJSONLFile[T any](path string, out *[]T) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("quote set: %w", err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	for line := 1; ; line++ {
		raw, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(raw))) > 0 {
			var v T
			if jerr := json.Unmarshal(raw, &v); jerr != nil {
				return fmt.Errorf("%s line %d: %w", path, line, jerr)
			}
			*out = append(*out, v)
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
}
