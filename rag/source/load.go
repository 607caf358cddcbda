// Package source loads articles from files: Markdown or plain text with YAML
// front matter, HTML pages (through a readability extractor), JSON and JSON
// Lines. It is where ingestion reads its input; the text it returns is as
// found, and rag cleans and chunks it.
package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
)

// MaxFileBytes bounds an article file. A larger file is a Problem and is not
// read into memory.
const MaxFileBytes = 50 << 20

// Result is what Load found: the articles, in a stable order (paths in the
// order given, directories walked in lexical order, records in file order),
// and the problems that made it skip a file or a record.
type Result struct {
	Articles []rag.Article
	Problems []Problem
}

// Problem is a file, or a line of a JSON Lines file, that was skipped, and
// why.
type Problem struct {
	Path string
	Line int // 0 when the problem is not at one line
	Err  error
}

// Error reads "path:line: reason", or "path: reason".
func (p Problem) Error() string {
	if p.Line > 0 {
		return p.Path + ":" + strconv.Itoa(p.Line) + ": " + p.Err.Error()
	}
	return p.Path + ": " + p.Err.Error()
}

func (p Problem) Unwrap() error { return p.Err }

// format is a kind of article file, known by its extension.
type format int

const (
	formatUnknown format = iota
	formatMarkdown
	formatHTML
	formatJSON
	formatJSONL
)

func formatOf(path string) format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".txt":
		return formatMarkdown
	case ".html", ".htm":
		return formatHTML
	case ".json":
		return formatJSON
	case ".jsonl", ".ndjson":
		return formatJSONL
	}
	return formatUnknown
}

// Load reads articles from each path, a file or a directory. Directories are
// walked recursively in lexical order; in them, files with other extensions,
// README files and hidden files and directories (".git", ".coveragebot")
// are passed over. A file named directly must be of a known kind.
//
// Known kinds: .md .markdown .txt (ParseMarkdown), .html .htm (ParseHTML),
// .json (ParseJSON), .jsonl .ndjson (ParseJSONL). An article without an id
// of its own gets one from its path relative to the walked directory (for a
// file named directly, its name), without the extension, slashes as dashes.
//
// A file or record that cannot be loaded, or whose id an earlier article
// already has, is reported in Result.Problems and skipped; the rest goes on.
// The error is only for a path that does not exist or cannot be read at all,
// or for ctx ending; the Result then holds what was loaded before.
func Load(ctx context.Context, paths ...string) (Result, error) {
	l := loader{ids: map[string]string{}, files: map[string]bool{}}
	for _, p := range paths {
		if err := l.loadPath(ctx, p); err != nil {
			return l.res, err
		}
	}
	return l.res, nil
}

type loader struct {
	res   Result
	ids   map[string]string // article id → where it was first loaded
	files map[string]bool   // absolute paths already loaded
}

func (l *loader) problem(path string, line int, err error) {
	var le *lineError
	if errors.As(err, &le) && line == 0 {
		line, err = le.line, le.err
	}
	l.res.Problems = append(l.res.Problems, Problem{Path: path, Line: line, Err: err})
}

func (l *loader) loadPath(ctx context.Context, root string) error {
	info, err := os.Stat(root)
	if err != nil {
		return fmt.Errorf("load %s: %w", root, err)
	}
	if !info.IsDir() {
		if formatOf(root) == formatUnknown {
			l.problem(root, 0, fmt.Errorf("unsupported file type %q (want .md, .markdown, .txt, .html, .htm, .json, .jsonl or .ndjson)", filepath.Ext(root)))
			return nil
		}
		// A file named directly is read through its own directory, so a
		// link named on the command line is held to the same rule as one
		// found in a walk.
		dir, err := os.OpenRoot(filepath.Dir(root))
		if err != nil {
			return fmt.Errorf("load %s: %w", root, err)
		}
		defer dir.Close()
		return l.loadFile(ctx, dir, root, filepath.Base(root))
	}
	// Everything under root is opened through an os.Root, which refuses
	// any path, symbolic links included, that leads out of it: a link in
	// the data directory to /proc/self/environ or to a .env file must not
	// put the process's secrets into the index, where any reader could ask
	// for them.
	dir, err := os.OpenRoot(root)
	if err != nil {
		return fmt.Errorf("load %s: %w", root, err)
	}
	defer dir.Close()
	return fs.WalkDir(dir.FS(), ".", func(rel string, d fs.DirEntry, err error) error {
		path := filepath.Join(root, filepath.FromSlash(rel))
		if err != nil {
			if rel == "." {
				return fmt.Errorf("load %s: %w", root, err)
			}
			l.problem(path, 0, err)
			return nil
		}
		if rel != "." && skipInWalk(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || formatOf(rel) == formatUnknown {
			return nil
		}
		return l.loadFile(ctx, dir, path, filepath.FromSlash(rel))
	})
}

// skipInWalk passes over hidden entries (".git", the ".coveragebot" index)
// and README files, which describe a corpus rather than belong to it.
func skipInWalk(name string) bool {
	if strings.HasPrefix(name, ".") {
		return true
	}
	base := strings.TrimSuffix(name, filepath.Ext(name))
	return strings.EqualFold(base, "readme")
}

// loadFile loads one file, opened as rel inside dir; path names it in
// problems and rel names it for derived ids. Only ctx ending is returned as
// an error; anything wrong with the file is a Problem.
func (l *loader) loadFile(ctx context.Context, dir *os.Root, path, rel string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if abs, err := filepath.Abs(path); err == nil {
		if l.files[abs] {
			return nil // named twice, as a file and inside a directory
		}
		l.files[abs] = true
	}
	f, info, err := openArticleFile(dir, rel)
	if err != nil {
		l.problem(path, 0, err)
		return nil
	}
	defer f.Close()
	if info.Size() > MaxFileBytes {
		l.problem(path, 0, fmt.Errorf("%w: %d MiB, over the %d MiB limit", ErrTooLarge, info.Size()>>20, MaxFileBytes>>20))
		return nil
	}

	kind := formatOf(path)
	if kind == formatJSONL {
		arts, lines, problems, err := parseJSONL(ctx, rel, io.LimitReader(f, MaxFileBytes))
		for _, p := range problems {
			l.problem(path, p.Line, p.Err)
		}
		for i, a := range arts {
			l.add(a, path, lines[i])
		}
		return err
	}

	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileBytes+1)); err != nil {
		l.problem(path, 0, fmt.Errorf("read: %w", err))
		return nil
	}
	if buf.Len() > MaxFileBytes {
		l.problem(path, 0, fmt.Errorf("%w: over the %d MiB limit", ErrTooLarge, MaxFileBytes>>20))
		return nil
	}
	var arts []rag.Article
	switch kind {
	case formatMarkdown:
		var a rag.Article
		if a, err = ParseMarkdown(rel, buf.Bytes()); err == nil {
			arts = []rag.Article{a}
		}
	case formatHTML:
		var a rag.Article
		if a, err = ParseHTML(rel, buf.Bytes(), ""); err == nil {
			arts = []rag.Article{a}
		}
	case formatJSON:
		arts, err = ParseJSON(rel, buf.Bytes())
	}
	if err != nil {
		l.problem(path, 0, err)
		return nil
	}
	for _, a := range arts {
		l.add(a, path, 0)
	}
	return nil
}

// add keeps a, unless an earlier article has its id.
func (l *loader) add(a rag.Article, path string, line int) {
	a.Source = path
	where := path
	if line > 0 {
		where += ":" + strconv.Itoa(line)
	}
	if first, dup := l.ids[a.ID]; dup {
		l.problem(path, line, fmt.Errorf("%w %q, also in %s", ErrDuplicateID, a.ID, first))
		return
	}
	l.ids[a.ID] = where
	l.res.Articles = append(l.res.Articles, a)
}
