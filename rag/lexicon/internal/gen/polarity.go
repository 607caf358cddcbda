package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// VADER is the sentiment lexicon of Hutto and Gilbert (2014), "VADER: A
// Parsimonious Rule-based Model for Sentiment Analysis of Social Media
// Text" (ICWSM): about 7,500 words, emoticons and slang, each rated from
// -4 (most negative) to +4 by ten people. The generator reads it from the
// Go port's copy, github.com/jonreiter/govader (MIT), at this version:
const vaderModule = "github.com/jonreiter/govader@v0.0.0-20250429093935-f6505c8d03cc"

// vaderWord is an entry of the lexicon that is a word: lower-case letters,
// with hyphens and apostrophes inside ("well-being", "can't stand" is not).
var vaderWord = regexp.MustCompile(`^[a-z][a-z'-]*[a-z]$`)

// polarityLines reads the VADER lexicon file (token, mean rating, standard
// deviation and the ten ratings, tab-separated) and gives "word<TAB>mean"
// for every word, the first entry of a word that is listed twice, in word
// order.
func polarityLines(path string) ([]string, error) {
	seen := map[string]bool{}
	var lines []string
	err := eachLine(path, func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 2 || !vaderWord.MatchString(f[0]) || seen[f[0]] {
			return nil
		}
		mean, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return fmt.Errorf("%s: rating %q: %w", f[0], f[1], err)
		}
		seen[f[0]] = true
		lines = append(lines, f[0]+"\t"+strconv.FormatFloat(mean, 'f', -1, 64))
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(lines)
	return lines, nil
}

// writePolarity writes polarity.txt.gz from the lexicon at path and the
// port's licence beside it (the module's LICENSE, two directories up).
func writePolarity(path, out string) error {
	lines, err := polarityLines(path)
	if err != nil {
		return err
	}
	size, err := writeGzip(filepath.Join(out, "polarity.txt.gz"), lines)
	if err != nil {
		return err
	}
	fmt.Printf("%-16s %6d lines %7d bytes\n", "polarity.txt.gz", len(lines), size)
	licence, err := os.ReadFile(filepath.Join(filepath.Dir(filepath.Dir(path)), "LICENSE"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "LICENSE-VADER"), licence, 0o644)
}

// downloadVADER fetches vaderModule into the module cache (go mod download)
// and gives the path of its lexicon file.
func downloadVADER() (string, error) {
	raw, err := exec.Command("go", "mod", "download", "-json", vaderModule).Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %w", vaderModule, err)
	}
	var m struct{ Dir, Error string }
	if err := json.Unmarshal(raw, &m); err != nil {
		return "", fmt.Errorf("go mod download %s: %w", vaderModule, err)
	}
	if m.Error != "" || m.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", vaderModule, m.Error)
	}
	return filepath.Join(m.Dir, "rawdata", "vaderLexicon.txt"), nil
}
