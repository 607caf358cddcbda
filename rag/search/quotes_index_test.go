package search

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

const storedQuoteBody = "Dana Frost said the vote was “a disgrace”.\n\nShe added: “We will appeal.”"

// rewriteSnapshot edits a snapshot file's content and puts a right checksum
// back, as a snapshot written by another build would have.
func rewriteSnapshot(t *testing.T, path string, edit func([]byte) []byte) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body := edit(raw[:len(raw)-4-len(trailerMagic)])
	var tail [4]byte
	binary.LittleEndian.PutUint32(tail[:], crc32.Checksum(body, crcTable))
	out := append(append(body, tail[:]...), trailerMagic...)
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A snapshot's quotations are read back as stored; one written by another
// quotation extractor has them extracted again from the stored bodies.
func TestSnapshotQuotationsAndExtractorVersion(t *testing.T) {
	dir := t.TempDir()
	ix := openTest(t, dir, NewLocalEmbedder())
	mustIngest(t, ix, []rag.Article{{ID: "a", Title: "Vote", Text: storedQuoteBody}}, IngestOptions{})
	if qs := ix.Quotes(); len(qs) != 2 || qs[1].Speaker != "Dana Frost" || !qs[1].Pronoun {
		t.Fatalf("quotations at ingestion: %+v", qs)
	}
	// Mark the stored quotations, so a reload shows whether they were read
	// or extracted again.
	ix.mu.Lock()
	for i := range ix.st.articles["a"].quotes {
		ix.st.articles["a"].quotes[i].Role = "as stored"
	}
	ix.mu.Unlock()
	if err := ix.saveLocked(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, snapshotName)
	if qs := openTest(t, dir, NewLocalEmbedder()).Quotes(); len(qs) != 2 || qs[0].Role != "as stored" {
		t.Fatalf("stored quotations were not read back: %+v", qs)
	}
	// Another extractor's name of the same length, so that the header's
	// length stays right.
	other := "q" + strings.Repeat("0", len(quotesVersion)-1)
	rewriteSnapshot(t, path, func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"quotes":"`+quotesVersion+`"`), []byte(`"quotes":"`+other+`"`), 1)
	})
	qs := openTest(t, dir, NewLocalEmbedder()).Quotes()
	if len(qs) != 2 || qs[0].Role == "as stored" || qs[1].Text != "We will appeal." {
		t.Fatalf("quotations from another extractor were kept: %+v", qs)
	}
}

// A quotation span that points outside its article is a corrupt index, not
// a panic.
func TestSnapshotRefusesABadQuotationSpan(t *testing.T) {
	dir := t.TempDir()
	ix := openTest(t, dir, NewLocalEmbedder())
	mustIngest(t, ix, []rag.Article{{ID: "a", Title: "Vote", Text: storedQuoteBody}}, IngestOptions{})
	path := filepath.Join(dir, snapshotName)
	rewriteSnapshot(t, path, func(b []byte) []byte {
		// The first quotation's length follows its start, right after the
		// body and five strings and flags; find it by its start and size.
		q := ix.Quotes()[0]
		var span [8]byte
		binary.LittleEndian.PutUint32(span[:4], uint32(q.Start))
		binary.LittleEndian.PutUint32(span[4:], uint32(len(q.Text)))
		at := bytes.Index(b, span[:])
		if at < 0 {
			t.Fatal("quotation span not found in the snapshot")
		}
		binary.LittleEndian.PutUint32(b[at+4:], 1<<20)
		return b
	})
	if _, err := Open(NewLocalEmbedder(), Options{Dir: dir}); !errors.Is(err, rag.ErrCorruptIndex) {
		t.Fatalf("a bad quotation span: %v", err)
	}
}
