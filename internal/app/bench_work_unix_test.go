//go:build bench && unix

package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestBenchSweepsKilledRuns: a working directory whose .running no process
// locks (its bench was killed) is removed when the next bench starts; one
// whose lock is held (a bench still running), and one without the file, are
// left alone; the new run's own directory survives a sweep until released.
func TestBenchSweepsKilledRuns(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	mk := func(name string, marked bool) string {
		dir := filepath.Join(tmp, benchWorkPrefix+name)
		if err := os.MkdirAll(filepath.Join(dir, "index-1m"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "index-1m", "snapshot"), make([]byte, 4096), 0o644); err != nil {
			t.Fatal(err)
		}
		if marked {
			if err := os.WriteFile(filepath.Join(dir, ".running"), nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	killed, live, older := mk("killed", true), mk("live", true), mk("older", false)
	f, err := os.Open(filepath.Join(live, ".running"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}

	var progress bytes.Buffer
	dir, release, err := benchWorkDir(&progress)
	if err != nil {
		t.Fatal(err)
	}
	exists := func(d string) bool { _, err := os.Stat(d); return err == nil }
	if exists(killed) {
		t.Errorf("%s, left by a killed run, is still there", killed)
	}
	if !strings.Contains(progress.String(), "removed "+killed) {
		t.Errorf("progress does not say what was removed: %q", progress.String())
	}
	for _, d := range []string{live, older, dir} {
		if !exists(d) {
			t.Errorf("%s was removed", d)
		}
	}
	// Another bench starting now must not take this run's directory.
	sweepBenchWork(&progress)
	if !exists(dir) {
		t.Fatal("a sweep removed the working directory of a run in progress")
	}
	release()
	if exists(dir) {
		t.Errorf("%s is still there after release", dir)
	}
}
