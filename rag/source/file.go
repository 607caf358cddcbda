package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrRefusedFile marks a file that ingestion would not read, whatever its
// contents: a symbolic link that leads out of the directory being loaded,
// a device, a FIFO or a socket, or a file of the kernel's own (/proc,
// /sys). The Problem that carries it says which.
var ErrRefusedFile = errors.New("file refused")

type refusedFile struct{ reason string }

func (e *refusedFile) Error() string        { return e.reason }
func (e *refusedFile) Is(target error) bool { return target == ErrRefusedFile }

func refuse(format string, args ...any) error {
	return &refusedFile{reason: fmt.Sprintf(format, args...)}
}

// openArticleFile opens rel inside dir for reading, or says why it will
// not. The os.Root refuses any path, a symbolic link's target included,
// that leaves dir. Only regular files are opened, and the check is made
// again on the open file, so one swapped for a FIFO in between is caught;
// the open itself does not block on a FIFO (openFlags). Last, a file on a
// kernel filesystem is refused: /proc/self/environ is "regular" and holds
// the process's secrets.
func openArticleFile(dir *os.Root, rel string) (*os.File, fs.FileInfo, error) {
	link, err := dir.Lstat(rel)
	if err != nil {
		return nil, nil, err
	}
	info, err := dir.Stat(rel)
	if err != nil {
		if link.Mode()&fs.ModeSymlink == 0 {
			return nil, nil, err
		}
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, refuse("a symbolic link to nothing; not read")
		}
		return nil, nil, refuse("a symbolic link that leads out of %s; not followed", dir.Name())
	}
	if !info.Mode().IsRegular() {
		return nil, nil, refuse("not a regular file (%s); not opened", fileKind(info.Mode()))
	}
	f, err := dir.OpenFile(rel, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	if info, err = f.Stat(); err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, refuse("not a regular file (%s); not read", fileKind(info.Mode()))
	}
	if kind := kernelFS(f); kind != "" {
		f.Close()
		return nil, nil, refuse("a file of the kernel's %s filesystem, not an article; not read", kind)
	}
	return f, info, nil
}

// fileKind names what a non-regular file is, for a Problem.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
