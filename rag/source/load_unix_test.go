//go:build unix

package source

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A FIFO named like an article must be reported, not opened: opening it
// would block the load for ever.
func TestLoadFIFO(t *testing.T) {
	root := writeTree(t, map[string]string{"ok.md": "# Fine\n\nText."})
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Load(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 1 || len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Error(), "pipe.md: not a regular file") {
		t.Errorf("articles %q problems %q; want ok and pipe.md not a regular file", ids(res.Articles), res.Problems)
	}
}
