// Package atomicfile replaces a file so that a crash at any moment leaves
// either the old content or the new, never a mix: the new content goes to a
// temporary file beside the target, which is synced and then renamed over
// it. The index snapshot and the feed poller's state both save this way.
package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
)

// tempSuffix is added to the target's name, with a random tail, to name
// its temporary file. RemoveTemps finds leftovers by it.
const tempSuffix = ".tmp-"

// File is the pending new content of a file. Write to it, then Commit to
// replace the target, or Abort to leave the target as it was. Abort after
// Commit does nothing, so `defer f.Abort()` is safe.
type File struct {
	tmp  *os.File
	path string
	done bool
}

// Create starts the replacement of path. The temporary file lives in the
// same directory, because a rename is only atomic within one file system.
func Create(path string) (*File, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+tempSuffix+"*")
	if err != nil {
		return nil, err
	}
	return &File{tmp: tmp, path: path}, nil
}

// Write adds p to the new content.
func (f *File) Write(p []byte) (int, error) { return f.tmp.Write(p) }

// Commit makes the new content durable and puts it in place of the target.
// On error the target is untouched and the temporary file is removed.
func (f *File) Commit() error {
	if f.done {
		return errors.New("atomicfile: commit after commit or abort")
	}
	f.done = true
	err := f.tmp.Sync()
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.tmp.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.tmp.Name())
		return err
	}
	// The rename is durable only once the directory is; not every file
	// system can sync a directory, and the file itself is safe either way.
	if d, err := os.Open(filepath.Dir(f.path)); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// Abort drops the new content. It does nothing after Commit.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.tmp.Close()
	os.Remove(f.tmp.Name())
}

// WriteFile replaces path with data.
func WriteFile(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Commit()
}

// RemoveTemps deletes the temporary files that writers of path killed
// before Commit or Abort left behind. Call it only when no other writer of
// path can be running (under the caller's own lock), or it may remove a
// live writer's file and make its Commit fail.
func RemoveTemps(path string) {
	matches, _ := filepath.Glob(TempPattern(path))
	for _, m := range matches {
		os.Remove(m)
	}
}

// TempPattern is the filepath.Glob pattern of path's temporary files, for
// tests that check none is left.
func TempPattern(path string) string {
	return filepath.Join(filepath.Dir(path), escapeGlob(filepath.Base(path))+tempSuffix+"*")
}

// escapeGlob quotes the characters filepath.Match treats as special, so a
// file named "a[1].json" matches only itself.
func escapeGlob(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '?', '[', '\\':
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return string(b)
}
