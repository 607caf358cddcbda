package source

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

// writeTree creates files (path → content) under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func ids(arts []rag.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.ID)
	}
	return out
}

func TestLoadTree(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a.md":                "# Alpha\n\nThe first article.",
		"bad.md":              "---\ntitle: Bad\npublished: someday\n---\nText.",
		"d.jsonl":             "{\"id\": \"d1\", \"text\": \"one\"}\n{not json}\n{\"id\": \"d3\", \"text\": \"three\"}\n",
		"page.html":           articlePage("<title>Tram</title>", para, para),
		"notes.pdf":           "%PDF-1.4 not an article",
		"README.md":           "# About this corpus\n\nNot an article.",
		".hidden.md":          "# Hidden\n\nNot loaded.",
		".git/HEAD.md":        "# Git\n\nNot loaded.",
		".coveragebot/x.json": `{"text": "an index file, not an article"}`,
		"sub/b.txt":           "Beta headline\n\nThe second article.",
		"sub/deeper/c.json":   `[{"id": "c1", "text": "x"}, {"text": "y"}]`,
	})
	res, err := Load(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	// Lexical walk order; ids from the path below root when not given.
	wantIDs := []string{"a", "d1", "d3", "page", "sub-b", "c1", "sub-deeper-c-2"}
	if got := ids(res.Articles); !reflect.DeepEqual(got, wantIDs) {
		t.Errorf("ids %q, want %q", got, wantIDs)
	}
	for _, a := range res.Articles {
		checkArticle(t, a)
		if !strings.HasPrefix(a.Source, root) {
			t.Errorf("article %q source %q is not the file's path", a.ID, a.Source)
		}
	}
	if a := res.Articles[4]; a.Title != "Beta headline" || a.Source != filepath.Join(root, "sub", "b.txt") {
		t.Errorf("sub/b.txt loaded as title %q source %q", a.Title, a.Source)
	}
	want := []string{
		filepath.Join(root, "bad.md") + `:3: published: cannot read date "someday"`,
		filepath.Join(root, "d.jsonl") + ":2: invalid JSON",
	}
	if len(res.Problems) != len(want) {
		t.Fatalf("problems %q, want %d", res.Problems, len(want))
	}
	for i, p := range res.Problems {
		if !strings.HasPrefix(p.Error(), want[i]) {
			t.Errorf("problem %q, want it to start %q", p.Error(), want[i])
		}
	}
}

func TestLoadDuplicateID(t *testing.T) {
	root := writeTree(t, map[string]string{
		"one.md":      "---\nid: same\n---\nFirst.",
		"two.md":      "---\nid: same\n---\nSecond.",
		"lines.jsonl": "{\"id\": \"other\", \"text\": \"x\"}\n\n{\"id\": \"other\", \"text\": \"y\"}\n",
	})
	res, err := Load(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res.Articles); !reflect.DeepEqual(got, []string{"other", "same"}) {
		t.Errorf("ids %q, want the first of each", got)
	}
	if res.Articles[1].Text != "First." {
		t.Errorf("kept %q, want the first file's article", res.Articles[1].Text)
	}
	want := []Problem{
		{Path: filepath.Join(root, "lines.jsonl"), Line: 3},
		{Path: filepath.Join(root, "two.md")},
	}
	wantAlso := []string{filepath.Join(root, "lines.jsonl") + ":1", filepath.Join(root, "one.md")}
	if len(res.Problems) != len(want) {
		t.Fatalf("problems %q, want %d", res.Problems, len(want))
	}
	for i, p := range res.Problems {
		if p.Path != want[i].Path || p.Line != want[i].Line || !errors.Is(p, ErrDuplicateID) ||
			!strings.HasSuffix(p.Error(), "also in "+wantAlso[i]) {
			t.Errorf("problem %q, want %s:%d duplicate id, also in %s", p.Error(), want[i].Path, want[i].Line, wantAlso[i])
		}
	}
}

func TestLoadPaths(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a.md":     "# A\n\nText a.",
		"sub/b.md": "# B\n\nText b.",
		"x.pdf":    "not an article",
	})
	ctx := context.Background()

	// A file named directly takes its id from its name; a file named twice
	// (directly and inside a directory) loads once.
	res, err := Load(ctx, filepath.Join(root, "sub", "b.md"), root)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res.Articles); !reflect.DeepEqual(got, []string{"b", "a"}) || len(res.Problems) != 0 {
		t.Errorf("ids %q problems %q, want [b a] and none", got, res.Problems)
	}

	// A file of unknown kind named directly is a problem, not silence.
	res, err = Load(ctx, filepath.Join(root, "x.pdf"))
	if err != nil || len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Error(), "unsupported file type") {
		t.Errorf("x.pdf: problems %q, err %v; want one unsupported file type", res.Problems, err)
	}

	// A path that does not exist is an error, and names the path.
	missing := filepath.Join(root, "nope")
	res, err = Load(ctx, root, missing)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing path: err %v, want not-exist naming %s", err, missing)
	}
	if len(res.Articles) != 2 {
		t.Errorf("missing path: %d articles loaded before it, want 2", len(res.Articles))
	}

	// Cancellation stops the load.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Load(cancelled, root); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v, want context.Canceled", err)
	}
}

func TestLoadTooLarge(t *testing.T) {
	root := writeTree(t, map[string]string{"ok.md": "# Fine\n\nText."})
	big := filepath.Join(root, "big.jsonl")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: the size is what matters, and it must not be read.
	if err := f.Truncate(MaxFileBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res, err := Load(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 1 || len(res.Problems) != 1 || res.Problems[0].Path != big || !errors.Is(res.Problems[0], ErrTooLarge) {
		t.Errorf("articles %q problems %q; want ok and big.jsonl too large", ids(res.Articles), res.Problems)
	}
}

func TestProblemError(t *testing.T) {
	err := errors.New("no article text")
	if got := (Problem{Path: "data/a.md", Err: err}).Error(); got != "data/a.md: no article text" {
		t.Errorf("got %q", got)
	}
	if got := (Problem{Path: "c.jsonl", Line: 12, Err: err}).Error(); got != "c.jsonl:12: no article text" {
		t.Errorf("got %q", got)
	}
}

// The benchmark corpus is the largest real input the loaders meet.
func TestLoadBenchmarkCorpus(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "bench", "realtimeqa-dev", "corpus.jsonl")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is not here", path)
	}
	res, err := Load(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 2029 || len(res.Problems) != 0 {
		t.Fatalf("%d articles and %d problems (%v), want 2029 and none", len(res.Articles), len(res.Problems), res.Problems[:min(3, len(res.Problems))])
	}
	outlets := map[string]int{}
	dated := 0
	for _, a := range res.Articles {
		checkArticle(t, a)
		outlets[a.Outlet]++
		if !a.Published.IsZero() {
			dated++
		}
	}
	for o := range outlets {
		if o != "CNN" && o != "USA Today" && o != "The Week" {
			t.Errorf("outlet %q (%d articles); the corpus is from cnn.com, usatoday.com and theweek.co.uk", o, outlets[o])
		}
	}
	if dated < 1500 {
		t.Errorf("only %d articles dated", dated)
	}
	first := res.Articles[0]
	if first.ID != "76f45d04f73c" || first.Outlet != "CNN" || !first.Published.Equal(date(2022, 2, 7)) ||
		!reflect.DeepEqual(first.Authors, []string{"Chris Isidore"}) || !strings.HasPrefix(first.Text, "New York CNN Business") {
		t.Errorf("first article %q %q %v %q %.40q", first.ID, first.Outlet, first.Published, first.Authors, first.Text)
	}
}

func BenchmarkLoadJSONL(b *testing.B) {
	path := filepath.Join("..", "..", "..", "shared", "bench", "realtimeqa-dev", "corpus.jsonl")
	if _, err := os.Stat(path); err != nil {
		b.Skip(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(context.Background(), path); err != nil {
			b.Fatal(err)
		}
	}
}
