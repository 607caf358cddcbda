package atomicfile

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func temps(t *testing.T, path string) []string {
	t.Helper()
	m, err := filepath.Glob(TempPattern(path))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWriteFileCreatesAndReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	for _, content := range []string{"first", "second, longer than the first", ""} {
		if err := WriteFile(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		if got := readString(t, path); got != content {
			t.Errorf("content = %q, want %q", got, content)
		}
		if left := temps(t, path); len(left) != 0 {
			t.Errorf("temporary files left: %q", left)
		}
	}
}

func TestAbortLeavesTheOldContent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index.cbx")
	if err := WriteFile(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("half of the new")); err != nil {
		t.Fatal(err)
	}
	f.Abort()
	f.Abort() // twice is harmless
	if got := readString(t, path); got != "old" {
		t.Errorf("content = %q after abort", got)
	}
	if left := temps(t, path); len(left) != 0 {
		t.Errorf("temporary files left: %q", left)
	}
	if err := f.Commit(); err == nil {
		t.Error("commit after abort succeeded")
	}
}

// A writer killed mid-write (neither Commit nor Abort) leaves the target
// whole and a temporary file that RemoveTemps clears, touching nothing else.
func TestAKilledWriterLeavesTheTargetWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feeds.json")
	if err := WriteFile(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("new but unfinished")); err != nil {
		t.Fatal(err)
	}
	f.tmp.Close() // the process dies here
	if got := readString(t, path); got != "old" {
		t.Errorf("content = %q", got)
	}
	if left := temps(t, path); len(left) != 1 {
		t.Fatalf("temporary files = %q, want the dead writer's", left)
	}
	keep := []string{"feeds.json.bak", "other.json.tmp-123", "feeds.jsonXtmp-1"}
	for _, k := range keep {
		if err := os.WriteFile(filepath.Join(dir, k), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	RemoveTemps(path)
	if left := temps(t, path); len(left) != 0 {
		t.Errorf("temporary files left after RemoveTemps: %q", left)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := append([]string{"feeds.json"}, keep...)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("directory holds %q, want %q", names, want)
	}
}

func TestAFailedCommitCleansUp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "target")
	// A non-empty directory where the file should go: the rename fails.
	if err := os.MkdirAll(filepath.Join(path, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("data")); err == nil {
		t.Fatal("replacing a directory succeeded")
	}
	if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
		t.Errorf("the directory was disturbed: %v", err)
	}
	if left := temps(t, path); len(left) != 0 {
		t.Errorf("temporary files left: %q", left)
	}
	if _, err := Create(filepath.Join(dir, "missing", "file")); err == nil {
		t.Error("Create in a missing directory succeeded")
	}
}

func TestTempPatternMatchesOnlyItsOwnFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a[1]*.json")
	if err := WriteFile(filepath.Join(dir, "a1x.json.tmp-9"), nil); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	if left := temps(t, path); len(left) != 1 || left[0] != f.tmp.Name() {
		t.Errorf("pattern %q matches %q, want only %q", TempPattern(path), left, f.tmp.Name())
	}
}
