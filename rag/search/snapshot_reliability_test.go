package search

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// fillDisk writes a file into dir until the file system is full, then frees
// keep bytes of it, so that a small write still fits and a large one does
// not. It returns the filler's path.
func fillDisk(t *testing.T, dir string, keep int64) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := bytes.Repeat([]byte{'x'}, 4096)
	var written int64
	for {
		n, err := f.Write(block)
		written += int64(n)
		if errors.Is(err, syscall.ENOSPC) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Truncate(max(written-keep, 0)); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDiskFullDuringSnapshotWrite fills the file system under the index
// (a small tmpfs) and ingests: the write fails with the reason, the snapshot
// on disk is the old one and loads, no temporary file is left behind, and
// once space is freed the same ingest goes through and is kept. (Before the
// fix that came with this test, the retry found its articles "unchanged" in
// memory and never wrote them: a restart lost them.) Mounting a tmpfs needs
// root; TestSnapshotWriteOverTheFileSizeLimit covers the same path without.
func TestDiskFullDuringSnapshotWrite(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=512k"); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v); TestSnapshotWriteOverTheFileSizeLimit covers a failed write without root", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})

	ix := openTest(t, dir, NewLocalEmbedder())
	mustIngest(t, ix, testArticles(), IngestOptions{})
	want, wantCount := ix.Articles(), ix.Count()
	old, err := os.ReadFile(filepath.Join(dir, snapshotName))
	if err != nil {
		t.Fatal(err)
	}
	filler := fillDisk(t, dir, 16<<10)

	more := append(testArticles(), manyArticles(40)...)
	_, err = ix.Ingest(context.Background(), more, IngestOptions{})
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "previous index is intact") {
		t.Fatalf("Ingest on a full disk = %v, want ENOSPC and a note that the old index is intact", err)
	}
	now, err := os.ReadFile(filepath.Join(dir, snapshotName))
	if err != nil || !bytes.Equal(now, old) {
		t.Fatalf("the snapshot changed on a failed write (err %v)", err)
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, snapshotName+".tmp-*")); len(temps) != 0 {
		t.Errorf("temporary snapshots left behind: %v", temps)
	}
	re := openTest(t, dir, NewLocalEmbedder())
	if !reflect.DeepEqual(re.Articles(), want) || re.Count() != wantCount {
		t.Fatalf("reopened after the failed write: %d passages, want %d", re.Count(), wantCount)
	}

	// Space comes back: the same ingest now goes through and is kept,
	// although its articles are already in memory and unchanged.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	rep := mustIngest(t, ix, more, IngestOptions{})
	re = openTest(t, dir, NewLocalEmbedder())
	if len(re.Articles()) != len(more) || re.Count() != ix.Count() {
		t.Fatalf("after space was freed the ingest reported %+v but the index on disk has %d articles, want %d",
			rep, len(re.Articles()), len(more))
	}
}

// The file-size helper runs this test binary again with a limit on the size
// of the files it may write.
const fsizeHelperEnv = "COVERAGEBOT_FSIZE_HELPER"

// TestSnapshotWriteOverTheFileSizeLimit runs an ingest in a child process
// whose file size limit (RLIMIT_FSIZE) is below the new snapshot's size, so
// the write fails part way as on a full disk. The old snapshot stays, loads
// and holds what it held; in the child, raising the limit again lets the
// same ingest through.
func TestSnapshotWriteOverTheFileSizeLimit(t *testing.T) {
	if os.Getenv(fsizeHelperEnv) != "" {
		runFsizeHelper(t, os.Getenv("HELPER_DIR"))
		return
	}
	dir := t.TempDir()
	ix := openTest(t, dir, NewLocalEmbedder())
	mustIngest(t, ix, testArticles(), IngestOptions{})
	want, wantCount := ix.Articles(), ix.Count()
	old, err := os.ReadFile(filepath.Join(dir, snapshotName))
	if err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestSnapshotWriteOverTheFileSizeLimit$", "-test.v")
	cmd.Env = append(os.Environ(), fsizeHelperEnv+"=1", "HELPER_DIR="+dir, fmt.Sprintf("HELPER_LIMIT=%d", len(old)*2))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	for _, line := range []string{"failed write: ", "served after the failure: ", "retried: "} {
		if !bytes.Contains(out, []byte(line)) {
			t.Errorf("the helper did not report %q:\n%s", line, out)
		}
	}
	if !bytes.Contains(out, []byte("file too large")) {
		t.Errorf("the failed write does not say why:\n%s", out)
	}
	// The helper's retry wrote the new index; before it, the disk held the
	// old one, which the helper checked. Here: the index loads.
	re := openTest(t, dir, NewLocalEmbedder())
	if len(re.Articles()) <= len(want) || re.Count() <= wantCount {
		t.Errorf("after the helper's retry the index holds %d articles", len(re.Articles()))
	}
}

// runFsizeHelper ingests into dir under a file size limit, reports what
// happened on its output, raises the limit and ingests again.
func runFsizeHelper(t *testing.T, dir string) {
	var limit uint64
	fmt.Sscan(os.Getenv("HELPER_LIMIT"), &limit)
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &rl); err != nil {
		t.Fatal(err)
	}
	lowered := rl
	lowered.Cur = limit
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lowered); err != nil {
		t.Fatal(err)
	}
	ix := openTest(t, dir, NewLocalEmbedder())
	before := ix.Articles()
	old, err := os.ReadFile(filepath.Join(dir, snapshotName))
	if err != nil {
		t.Fatal(err)
	}
	more := append(testArticles(), manyArticles(60)...)
	_, err = ix.Ingest(context.Background(), more, IngestOptions{})
	if err == nil {
		t.Fatal("the ingest wrote a snapshot over the file size limit")
	}
	t.Logf("failed write: %v", err)
	now, rerr := os.ReadFile(filepath.Join(dir, snapshotName))
	if rerr != nil || !bytes.Equal(now, old) {
		t.Fatalf("the snapshot changed on a failed write (%v)", rerr)
	}
	re := openTest(t, dir, NewLocalEmbedder())
	if !reflect.DeepEqual(re.Articles(), before) {
		t.Fatal("the old snapshot does not load as it was")
	}
	t.Logf("served after the failure: %d articles", len(ix.Articles()))
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &rl); err != nil {
		t.Fatal(err)
	}
	rep, err := ix.Ingest(context.Background(), more, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("retried: %+v", rep)
	re = openTest(t, dir, NewLocalEmbedder())
	if len(re.Articles()) != len(more) {
		t.Fatalf("the retried ingest left %d articles on disk, want %d", len(re.Articles()), len(more))
	}
}

// TestTruncatedSnapshotsAreRefused cuts a real snapshot at every length
// (in steps, to keep the test short) and opens each: every one is refused
// with ErrCorruptIndex and the --rebuild hint; none panics and none loads as
// an index smaller than it was.
func TestTruncatedSnapshotsAreRefused(t *testing.T) {
	dir := t.TempDir()
	ix := openTest(t, dir, NewLocalEmbedder())
	mustIngest(t, ix, testArticles(), IngestOptions{})
	good, err := os.ReadFile(filepath.Join(dir, snapshotName))
	if err != nil {
		t.Fatal(err)
	}
	// Every cut in the header and the first articles, then evenly spaced.
	var cuts []int
	for n := 0; n < len(good); n++ {
		if n < 256 || n%max(1, len(good)/200) == 0 {
			cuts = append(cuts, n)
		}
	}
	cut := t.TempDir()
	path := filepath.Join(cut, snapshotName)
	start := time.Now()
	tried := 0
	for _, n := range cuts {
		if err := os.WriteFile(path, good[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Open(NewLocalEmbedder(), Options{Dir: cut})
		tried++
		if !errors.Is(err, rag.ErrCorruptIndex) || !strings.Contains(err.Error(), "--rebuild") {
			t.Fatalf("a snapshot cut to %d of %d bytes: Open = %v, want ErrCorruptIndex with the --rebuild hint", n, len(good), err)
		}
	}
	t.Logf("%d truncations of a %d-byte snapshot refused in %s", tried, len(good), time.Since(start).Round(time.Millisecond))
}
