package main

import (
	"bytes"
	"os"
	"path/filepath"
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
	for _, name := range []string{"antonyms.txt.gz", "synonyms.txt.gz", "morph.txt.gz", "lemmas.txt.gz", "related.txt.gz", "lexfiles.txt.gz", "roles.txt.gz", "names.txt.gz", "LICENSE-WordNet"} {
		got, err := os.ReadFile(filepath.Join(out, name))
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

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{"take_a_breath": "take a breath", "Pope": "pope", "high(a)": "high", "galore(ip)": "galore"} {
		if got := normalise(in); got != want {
			t.Errorf("normalise(%q) = %q, want %q", in, got, want)
		}
	}
}
