//go:build unix

package search

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockDir takes an exclusive lock on the index directory, so that two
// processes never write snapshots at the same time and lose each other's
// articles. Readers take no lock: the snapshot is replaced by rename.
func (ix *Index) lockDir() (func(), error) {
	if ix.opts.Dir == "" {
		return func() {}, nil
	}
	f, err := os.OpenFile(filepath.Join(ix.opts.Dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock index: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock index: %w", err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
