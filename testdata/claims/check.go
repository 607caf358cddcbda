//go:build ignore

// check.go validates the claim set: every field is present and known, every
// passage is a verbatim span of the article it names, and the split follows the
// stated rule (alternate tune/check within each label × kind, in id order).
//
//	go run testdata/claims/check.go -seed data -realtimeqa ../shared/bench/realtimeqa-dev/corpus.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type passage struct {
	Source  string `json:"source"`
	Article string `json:"article"`
	Text    string `json:"text"`
}

type claim struct {
	ID       string    `json:"id"`
	Sentence string    `json:"sentence"`
	Passages []passage `json:"passages"`
	Label    string    `json:"label"`
	Kind     string    `json:"kind"`
	Reason   string    `json:"reason"`
	Split    string    `json:"split"`
}

var kinds = map[string]map[string]bool{
	"faithful":     {"verbatim-ish": true, "paraphrase": true, "synonym": true, "number-form": true, "reordered": true, "combined": true},
	"misstatement": {"polarity": true, "figure": true, "time": true, "entity": true, "role": true, "antonym": true, "addition": true},
}

func main() {
	file := flag.String("claims", "testdata/claims/claims.jsonl", "claim set to check")
	seedDir := flag.String("seed", "data", "directory of the seed articles (Markdown with front matter)")
	rtqa := flag.String("realtimeqa", "", "realtimeqa-dev corpus.jsonl (skip its passages when empty)")
	tuneOnly := flag.Bool("tune-only", false, "every claim must be in the tune split (a set written for tuning, such as drop-tune.jsonl)")
	flag.Parse()
	if err := run(*file, *seedDir, *rtqa, *tuneOnly); err != nil {
		fmt.Fprintln(os.Stderr, "check claims:", err)
		os.Exit(1)
	}
}

func run(file, seedDir, rtqa string, tuneOnly bool) error {
	texts := map[string]string{}
	seed, err := filepath.Glob(filepath.Join(seedDir, "*.md"))
	if err != nil {
		return err
	}
	for _, p := range seed {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		texts["seed/"+strings.TrimSuffix(filepath.Base(p), ".md")] = string(b)
	}
	if rtqa != "" {
		if err := readCorpus(rtqa, texts); err != nil {
			return err
		}
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	var claims []claim
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var c claim
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if c.ID == "" || c.Sentence == "" || c.Reason == "" || len(c.Passages) == 0 || len(c.Passages) > 2 {
			return fmt.Errorf("line %d: missing id, sentence, reason or passages (1 or 2)", n)
		}
		if !kinds[c.Label][c.Kind] {
			return fmt.Errorf("%s: unknown label/kind %s/%s", c.ID, c.Label, c.Kind)
		}
		if (c.Kind == "combined") != (len(c.Passages) == 2) {
			return fmt.Errorf("%s: combined claims, and only they, cite two passages", c.ID)
		}
		for _, p := range c.Passages {
			t, ok := texts[p.Source+"/"+p.Article]
			if !ok {
				if p.Source == "realtimeqa" && rtqa == "" {
					continue
				}
				return fmt.Errorf("%s: unknown article %s/%s", c.ID, p.Source, p.Article)
			}
			if !strings.Contains(t, p.Text) {
				return fmt.Errorf("%s: passage is not verbatim in %s/%s", c.ID, p.Source, p.Article)
			}
		}
		claims = append(claims, c)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].ID < claims[j].ID })
	seen := map[string]int{}
	count := map[string]int{}
	ids := map[string]bool{}
	for _, c := range claims {
		if ids[c.ID] {
			return fmt.Errorf("%s: duplicate id", c.ID)
		}
		ids[c.ID] = true
		g := c.Label + " " + c.Kind
		want := "tune"
		if seen[g]%2 == 1 && !tuneOnly {
			want = "check"
		}
		seen[g]++
		if c.Split != want {
			return fmt.Errorf("%s: split %q, the rule gives %q", c.ID, c.Split, want)
		}
		count[g+" "+c.Split]++
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-36s %3d\n", k, count[k])
	}
	fmt.Printf("%d claims ok\n", len(claims))
	return nil
}

func readCorpus(path string, texts map[string]string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 8<<20), 8<<20)
	for sc.Scan() {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		texts["realtimeqa/"+a.ID] = a.Text
	}
	return sc.Err()
}
