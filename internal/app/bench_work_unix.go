//go:build bench && unix

package app

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// benchWorkDir makes the bench's working directory and marks it in use: a
// file, .running, that this process holds an exclusive flock on until
// release. A run that dies without cleaning up (killed, out of memory) leaves
// its directory, gigabytes at a million passages; the next run finds it
// unlocked and removes it, saying so on progress. A directory whose lock is
// held belongs to a bench still running, and is left alone.
func benchWorkDir(progress io.Writer) (dir string, release func(), err error) {
	sweepBenchWork(progress)
	dir, err = os.MkdirTemp("", benchWorkPrefix)
	if err != nil {
		return "", nil, err
	}
	// The lock is taken under another name and then renamed, so that a
	// sweep never finds .running unlocked while this run starts.
	tmp := filepath.Join(dir, ".running.new")
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_RDWR, 0o600)
	if err == nil {
		if err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err == nil {
			err = os.Rename(tmp, filepath.Join(dir, ".running"))
		}
	}
	if err != nil {
		if f != nil {
			f.Close()
		}
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("bench working directory: %w", err)
	}
	return dir, func() {
		os.RemoveAll(dir)
		f.Close()
	}, nil
}

// sweepBenchWork removes the working directories of bench runs that ended
// without removing them: those whose .running file no process holds a lock
// on. Directories without the file (being made, or left by a bench older
// than the lock) are not touched.
func sweepBenchWork(progress io.Writer) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), benchWorkPrefix+"*"))
	for _, dir := range dirs {
		f, err := os.OpenFile(filepath.Join(dir, ".running"), os.O_RDWR, 0)
		if err != nil {
			continue
		}
		if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
			f.Close() // a bench still running holds it
			continue
		}
		size := dirSize(dir)
		err = os.RemoveAll(dir)
		f.Close()
		if err != nil {
			fmt.Fprintf(progress, "bench: could not remove %s, left by a run that did not finish: %v\n", dir, err)
			continue
		}
		fmt.Fprintf(progress, "bench: removed %s (%.1f GB), left by a run that did not finish\n", dir, float64(size)/1e9)
	}
}

// dirSize is the bytes of the regular files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
