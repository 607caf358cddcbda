package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/rag"
)

// TestServeRefusesACorruptIndex: serve on a damaged index file stops with
// the reason and the command that fixes it. It never starts answering from
// an empty index, which would look like coverage that says nothing.
func TestServeRefusesACorruptIndex(t *testing.T) {
	c := newCLI(t)
	c.mustRun("ingest")
	snap := filepath.Join(c.index, "index.cbx")
	good, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	damaged := map[string][]byte{
		"empty file":        {},
		"truncated to half": good[:len(good)/2],
		"last byte missing": good[:len(good)-1],
		"a byte flipped":    flipByte(good, len(good)/3),
		"not an index":      []byte("<html>this is not an index</html>"),
	}
	for name, data := range damaged {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(snap, data, 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Load(func(k string) string { return c.env[k] }, "")
			if err != nil {
				t.Fatal(err)
			}
			a, err := New(cfg, Deps{NoDiscord: true})
			if err == nil {
				a.Close()
				t.Fatalf("serve started on a damaged index (%d passages)", a.Index().Count())
			}
			if !errors.Is(err, rag.ErrCorruptIndex) || !strings.Contains(err.Error(), "ingest --rebuild") {
				t.Errorf("error %q does not say the index is corrupt and how to rebuild it", err)
			}
		})
	}
}

func flipByte(b []byte, at int) []byte {
	out := append([]byte(nil), b...)
	out[at] ^= 0x20
	return out
}
