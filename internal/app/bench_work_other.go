//go:build bench && !unix

package app

import (
	"io"
	"os"
)

// benchWorkDir makes the bench's working directory. Without flock there is
// no telling a finished run's directory from a running one's, so directories
// left by runs that were killed are not swept.
func benchWorkDir(io.Writer) (string, func(), error) {
	dir, err := os.MkdirTemp("", benchWorkPrefix)
	if err != nil {
		return "", nil, err
	}
	return dir, func() { os.RemoveAll(dir) }, nil
}
