//go:build unix

package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
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

// TestLoadRefusesLinksOut: a symbolic link in the data directory is
// followed only when it stays inside it. One to /proc/self/environ or to a
// secrets file beside the directory is reported and not read, whether found
// in a walk or named directly.
func TestLoadRefusesLinksOut(t *testing.T) {
	outside := writeTree(t, map[string]string{"secret.md": "# Secret\n\nDISCORD_TOKEN=hunter2"})
	root := writeTree(t, map[string]string{"ok.md": "# Fine\n\nText.", "sub/inside.md": "# Inside\n\nKept."})
	links := map[string]string{
		"environ.md":  "/proc/self/environ",
		"secret.md":   filepath.Join(outside, "secret.md"),
		"up.md":       "../" + filepath.Base(outside) + "/secret.md",
		"dangling.md": "missing.md",
		"alias.md":    "sub/inside.md", // stays inside: followed
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Load(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(res.Articles), " "); got != "alias ok sub-inside" {
		t.Errorf("articles %q, want alias ok sub-inside", got)
	}
	want := map[string]string{
		"dangling.md": "a symbolic link to nothing",
		"environ.md":  "a symbolic link that leads out of",
		"secret.md":   "a symbolic link that leads out of",
		"up.md":       "a symbolic link that leads out of",
	}
	if len(res.Problems) != len(want) {
		t.Errorf("problems %q, want one for each of %v", res.Problems, want)
	}
	for _, p := range res.Problems {
		says, ok := want[filepath.Base(p.Path)]
		if !ok || !strings.Contains(p.Error(), says) || !errors.Is(p, ErrRefusedFile) {
			t.Errorf("problem %q (ErrRefusedFile: %v), want %q", p, errors.Is(p, ErrRefusedFile), says)
		}
	}
	for _, a := range res.Articles {
		if strings.Contains(a.Text, "hunter2") {
			t.Errorf("article %s holds the secret", a.ID)
		}
	}

	// Named directly, the link is held to its own directory.
	res, err = Load(context.Background(), filepath.Join(root, "environ.md"), filepath.Join(root, "alias.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 1 || len(res.Problems) != 1 || !errors.Is(res.Problems[0], ErrRefusedFile) {
		t.Errorf("named directly: articles %q problems %q; want alias, and environ.md refused", ids(res.Articles), res.Problems)
	}
}

// TestOpenRefusesKernelFiles: /proc files pass for regular files, so the
// filesystem they are on is what refuses them, even when the directory
// given is /proc itself.
func TestOpenRefusesKernelFiles(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the kernel filesystem check is Linux's")
	}
	dir, err := os.OpenRoot("/proc/self")
	if err != nil {
		t.Skip(err)
	}
	defer dir.Close()
	f, _, err := openArticleFile(dir, "environ")
	if err == nil {
		f.Close()
	}
	if !errors.Is(err, ErrRefusedFile) || !strings.Contains(err.Error(), "proc filesystem") {
		t.Errorf("open /proc/self/environ: %v, want refused as a proc file", err)
	}
}
