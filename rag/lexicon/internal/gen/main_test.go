package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommittedTablesAreGenerated regenerates the tables from the installed
// WordNet and compares them byte for byte with the committed ones, so that a
// hand edit of a table, or a generator change without regenerating, fails.
func TestCommittedTablesAreGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerating every table takes seconds; TestNormalise and the lexicon tests cover the parts")
	}
	const wordnet = "/usr/share/wordnet"
	if _, err := os.Stat(filepath.Join(wordnet, "data.noun")); err != nil {
		t.Skip("WordNet is not installed (apt-get install wordnet-base)")
	}
	out := t.TempDir()
	if err := run(wordnet, out); err != nil {
		t.Fatal(err)
	}
	sameAsCommitted(t, out, "antonyms.txt.gz", "synonyms.txt.gz", "morph.txt.gz", "lemmas.txt.gz", "related.txt.gz", "lexfiles.txt.gz", "roles.txt.gz", "names.txt.gz", "LICENSE-WordNet")
}

// sameAsCommitted compares the named files the generator wrote into dir
// with the committed ones in rag/lexicon, byte for byte.
func sameAsCommitted(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, name := range names {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the generator writes; run go generate ./rag/lexicon", name)
		}
	}
}

// TestCommittedPolarityIsGenerated regenerates polarity.txt.gz from the
// VADER lexicon when its module is in the module cache (go generate
// ./rag/lexicon puts it there) and compares it byte for byte with the
// committed table, with the lexicon's licence.
func TestCommittedPolarityIsGenerated(t *testing.T) {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skip("no go command to find the module cache")
	}
	lexicon := filepath.Join(strings.TrimSpace(string(out)), vaderModule, "rawdata", "vaderLexicon.txt")
	if _, err := os.Stat(lexicon); err != nil {
		t.Skipf("%s is not in the module cache (go mod download %s)", vaderModule, vaderModule)
	}
	dir := t.TempDir()
	if err := writePolarity(lexicon, dir); err != nil {
		t.Fatal(err)
	}
	sameAsCommitted(t, dir, "polarity.txt.gz", "LICENSE-VADER")
}

// TestPolarityLines covers which entries of the VADER lexicon are kept:
// words, once each, with their mean rating; not emoticons or phrases.
func TestPolarityLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vader.txt")
	raw := ":-)\t1.5\t0.5\t[1]\nwell-being\t2.2\t0.4\t[2]\nabandon\t-1.9\t0.5\t[-2]\nfav\t2.0\t0.1\t[2]\nfav\t1.1\t0.1\t[1]\nhad fun\t2.1\t0.1\t[2]\nX\t0.3\t0.1\t[0]\n"
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := polarityLines(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"abandon\t-1.9", "fav\t2", "well-being\t2.2"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{"take_a_breath": "take a breath", "Pope": "pope", "high(a)": "high", "galore(ip)": "galore"} {
		if got := normalise(in); got != want {
			t.Errorf("normalise(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDefinitionSides covers the readings of WordNet's definitions that
// put a verb on one side of an antonym relation: stance (relation 7) and
// furthering or hindering (relation 8).
func TestDefinitionSides(t *testing.T) {
	for _, tc := range []struct {
		name  string
		side  func(string) string
		cases map[string]string
	}{
		{"stanceOf", stanceOf, map[string]string{
			"be against":                           "against",
			"vote against":                         "against",
			"act against or in opposition to":      "against",
			"speak, plead, or argue in favor of":   "for",
			"be behind":                            "for",
			"be for sale":                          "",
			"express opposition through action":    "",
			"be formed or shaped anew":             "",
			"take sides against someone's opinion": "",
		}},
		{"growthOf", growthOf, map[string]string{
			"contribute to the progress or growth of":             "further",
			"promote the growth of":                               "further",
			"prevent the progress or free movement of":            "hinder",
			"hinder or prevent the progress or accomplishment of": "hinder",
			"check the growth of":                                 "hinder",
			"hamper the action or progress of":                    "hinder",
			"grow vigorously":                                     "",
			"be a hindrance or obstacle to":                       "",
			"report on the progress of the talks":                 "",
		}},
	} {
		for definition, want := range tc.cases {
			if got := tc.side(definition); got != want {
				t.Errorf("%s(%q) = %q, want %q", tc.name, definition, got, want)
			}
		}
	}
}
