package search

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"time"

	"github.com/coveragebot/coveragebot/internal/atomicfile"
)

// The snapshot is one file holding the whole index: a header, the articles,
// the passages with their vectors, the keyword postings, and a CRC-32C of
// everything before it. It is written to a temporary file, synced and
// renamed over the old one, so a reader sees the old index or the new one,
// never half of either. chromem-go's own persistence (a file per document,
// named after 32 bits of a hash of its id) is not used: two ids can share a
// file name there, and one of the two passages is lost on reload.
const (
	snapshotName    = "index.cbx"
	snapshotMagic   = "CBXINDEX"
	snapshotVersion = 3
	trailerMagic    = "CBXEND\x00\x00"
	// maxSnapshotString bounds any one string read from a snapshot, so a
	// corrupt length cannot make the loader allocate gigabytes.
	maxSnapshotString = 64 << 20
)

// quotesVersion names the quotation extractor that wrote a snapshot's
// quotations. A snapshot from another one (or from format version 1, which
// had none) has them extracted again from the stored bodies when it loads,
// which needs no embedding.
const quotesVersion = "q11"

type snapshotHeader struct {
	Embedder     string    `json:"embedder"`
	Dimensions   int       `json:"dimensions"`
	Articles     int       `json:"articles"`
	Passages     int       `json:"passages"`
	Terms        int       `json:"terms"`
	Generation   uint64    `json:"generation"`
	Pipeline     string    `json:"pipeline"`
	Written      time.Time `json:"written"`
	ChunkChars   int       `json:"chunk_chars"`
	OverlapChars int       `json:"overlap_chars"`
	Quotes       string    `json:"quotes,omitempty"`
}

// fileStamp tells one snapshot file from another without reading it.
type fileStamp struct {
	size    int64
	modTime time.Time
	ok      bool
}

func stampOf(fi os.FileInfo) fileStamp {
	return fileStamp{size: fi.Size(), modTime: fi.ModTime(), ok: true}
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// snapshotWriteHook, when set by a test, runs after each section is written
// so a test can kill the process mid-write.
var snapshotWriteHook func(section string)

// saveLocked writes the current state as a new snapshot. The caller holds
// writeMu and the directory lock.
func (ix *Index) saveLocked() error {
	if ix.opts.Dir == "" {
		return nil
	}
	ix.mu.Lock()
	ix.st.generation++
	ix.mu.Unlock()

	if err := ix.writeSnapshotFile(); err != nil {
		ix.mu.Lock()
		ix.unsaved = true
		ix.mu.Unlock()
		return fmt.Errorf("save index (the previous index is intact): %w", err)
	}
	ix.mu.Lock()
	ix.unsaved = false
	if fi, err := os.Stat(ix.snapshotPath()); err == nil {
		ix.loaded = stampOf(fi)
	}
	ix.mu.Unlock()
	// Temporary snapshots left by a killed writer: none can belong to a
	// live one, as the caller holds the directory lock.
	atomicfile.RemoveTemps(ix.snapshotPath())
	return nil
}

// writeSnapshotFile replaces the snapshot on disk. The read lock is held
// while the state is written out, not while the file is synced, so that
// answering does not wait on the disk.
func (ix *Index) writeSnapshotFile() error {
	f, err := atomicfile.Create(ix.snapshotPath())
	if err != nil {
		return err
	}
	defer f.Abort()
	ix.mu.RLock()
	err = writeSnapshot(f, ix.st, ix.opts.Chunk)
	ix.mu.RUnlock()
	if err != nil {
		return err
	}
	return f.Commit()
}

// Reload replaces the index with the snapshot on disk when another process
// has written a newer one. It reports whether it did. Retrieval goes on
// against the old state while the new one loads.
func (ix *Index) Reload() (bool, error) {
	return ix.backend.reload(context.Background(), ix)
}

// reloadSnapshot is reload for an index kept in process: it reads the
// snapshot again when its file changed.
func (ix *Index) reloadSnapshot() (bool, error) {
	if ix.opts.Dir == "" {
		return false, nil
	}
	fi, err := os.Stat(ix.snapshotPath())
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("reload index: %w", err)
	}
	ix.mu.RLock()
	same := ix.loaded.ok && ix.loaded.size == fi.Size() && ix.loaded.modTime.Equal(fi.ModTime())
	ix.mu.RUnlock()
	if same {
		return false, nil
	}
	st, stamp, err := loadSnapshot(ix.snapshotPath())
	if err != nil {
		return false, fmt.Errorf("reload index: %w", err)
	}
	if err := checkEmbedder(st, ix.embedder, ix.opts.Dir); err != nil {
		return false, err
	}
	ix.mu.Lock()
	ix.st, ix.loaded, ix.unsaved = st, stamp, false
	ix.mu.Unlock()
	ix.logger.Info("reloaded index", "generation", st.generation, "passages", len(st.byID))
	return true, nil
}
