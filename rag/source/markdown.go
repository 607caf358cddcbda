package source

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/coveragebot/coveragebot/rag"
)

// frontMatter holds the fields an article file may set. They are yaml.Nodes
// so that each field's shape can be checked and an error can name the field
// and its line.
type frontMatter struct {
	ID        yaml.Node `yaml:"id"`
	Title     yaml.Node `yaml:"title"`
	Outlet    yaml.Node `yaml:"outlet"`
	Published yaml.Node `yaml:"published"`
	URL       yaml.Node `yaml:"url"`
	Authors   yaml.Node `yaml:"authors"`
	Captions  yaml.Node `yaml:"captions"`
}

// ParseMarkdown reads an article written as Markdown or plain text, with
// optional YAML front matter between "---" lines at the very top (fields id,
// title, outlet, published, url, authors, captions; others are ignored).
//
// Text saved as UTF-16 with a byte-order mark is decoded. Binary data, and
// text that is mostly not UTF-8, is refused with an error wrapping
// ErrNotText; a few invalid bytes are repaired as U+FFFD.
//
// A leading "# Title" heading is dropped from the body and used as the title
// when the front matter has none. A file with no front matter and no heading
// takes its title from its first line when that looks like a headline, else
// from its name. The rest of the body is kept as written.
//
// name is where the text came from (a path relative to the walked root, or a
// URL); it becomes the article's Source and, when there is no id field, its
// id.
func ParseMarkdown(name string, data []byte) (rag.Article, error) {
	data, err := asText(data, true)
	if err != nil {
		return rag.Article{}, err
	}
	text := normalizeText(strings.TrimPrefix(string(data), "\uFEFF"))
	a := rag.Article{Source: name}
	block, body, hasFront, err := splitFrontMatter(text)
	if err != nil {
		return rag.Article{}, err
	}
	if hasFront {
		if err := applyFrontMatter(&a, block); err != nil {
			return rag.Article{}, err
		}
	}
	heading, rest := leadingHeading(body)
	switch {
	case heading != "":
		body = rest
		if a.Title == "" {
			a.Title = heading
		}
	case a.Title == "" && !hasFront:
		if line, rest, ok := headlineLine(body); ok {
			a.Title, body = line, rest
		}
	}
	if a.Title == "" {
		a.Title = titleFromName(name)
	}
	a.Text = body
	if a.ID == "" {
		a.ID = idFromName(name)
	}
	if a.Outlet == "" && a.URL != "" {
		a.Outlet = outletFromURL(a.URL)
	}
	if err := finishArticle(&a); err != nil {
		return rag.Article{}, err
	}
	return a, nil
}

// splitFrontMatter separates a YAML block fenced by "---" lines at the top of
// text from the body. The block is returned with a blank first line standing
// for the opening fence, so YAML's line numbers are the file's.
func splitFrontMatter(text string) (block, body string, ok bool, err error) {
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" {
		return "", text, false, nil
	}
	offset := len(first) + 1
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		if fence := strings.TrimRight(line, " \t"); fence == "---" || fence == "..." {
			return "\n" + text[len(first)+1:offset], after, true, nil
		}
		offset += len(line) + 1
		rest = after
	}
	return "", "", false, errors.New("front matter: no closing --- line")
}

func applyFrontMatter(a *rag.Article, block string) error {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(block), &root); err != nil {
		return fmt.Errorf("front matter: %s", flattenYAMLError(err))
	}
	if len(root.Content) == 0 {
		return nil // only comments or nothing at all
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return &lineError{doc.Line, errors.New("front matter: want \"field: value\" lines")}
	}
	var fm frontMatter
	if err := doc.Decode(&fm); err != nil {
		return fmt.Errorf("front matter: %s", flattenYAMLError(err))
	}
	var err error
	field := func(name string, n *yaml.Node, dst *string) {
		if err != nil {
			return
		}
		*dst, err = scalarField(name, n)
	}
	var id, published string
	field("id", &fm.ID, &id)
	field("title", &fm.Title, &a.Title)
	field("outlet", &fm.Outlet, &a.Outlet)
	field("url", &fm.URL, &a.URL)
	field("published", &fm.Published, &published)
	if err != nil {
		return err
	}
	if id != "" {
		if a.ID, err = givenID(id); err != nil {
			return &lineError{fm.ID.Line, err}
		}
	}
	if a.URL != "" && !isWebURL(a.URL) {
		return &lineError{fm.URL.Line, fmt.Errorf("url: %q is not an absolute http(s) URL", a.URL)}
	}
	if a.Published, err = parseDate(published); err != nil {
		return &lineError{fm.Published.Line, fmt.Errorf("published: %w", err)}
	}
	if a.Authors, err = listField("authors", &fm.Authors); err != nil {
		return err
	}
	if a.Captions, err = listField("captions", &fm.Captions); err != nil {
		return err
	}
	return nil
}

// scalarField reads a field that holds one value; a missing or null field is
// empty.
func scalarField(name string, n *yaml.Node) (string, error) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch {
	case n.Kind == 0:
		return "", nil
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return "", nil
	case n.Kind == yaml.ScalarNode:
		return strings.TrimSpace(n.Value), nil
	}
	return "", &lineError{n.Line, fmt.Errorf("%s: want a single value", name)}
}

// listField reads a field that holds a list of values or a single one.
func listField(name string, n *yaml.Node) ([]string, error) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.SequenceNode {
		s, err := scalarField(name, n)
		if err != nil {
			return nil, &lineError{n.Line, fmt.Errorf("%s: want a value or a list of values", name)}
		}
		if s == "" {
			return nil, nil
		}
		return []string{s}, nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		s, err := scalarField(name, item)
		if err != nil {
			return nil, &lineError{item.Line, fmt.Errorf("%s: each item must be a single value", name)}
		}
		out = append(out, s)
	}
	return out, nil
}

// flattenYAMLError puts yaml.v3's multi-line error messages on one line.
func flattenYAMLError(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	return strings.Join(strings.Fields(msg), " ")
}

// leadingHeading finds a first-level heading on the first non-blank line,
// written "# Title" or underlined with "=", and returns it with the body that
// follows it.
func leadingHeading(body string) (heading, rest string) {
	body = strings.TrimLeft(body, " \t\n")
	line, after, _ := strings.Cut(body, "\n")
	if t, ok := strings.CutPrefix(line, "#"); ok && (t == "" || t[0] == ' ' || t[0] == '\t') {
		// A closing run of #s is decoration: "# Title #".
		t = strings.TrimSpace(t)
		if trimmed := strings.TrimRight(t, "#"); trimmed != t && (trimmed == "" || strings.HasSuffix(trimmed, " ")) {
			t = strings.TrimSpace(trimmed)
		}
		if t != "" {
			return t, after
		}
	}
	underline, after2, _ := strings.Cut(after, "\n")
	underline = strings.TrimSpace(underline)
	if strings.TrimSpace(line) != "" && len(underline) >= 3 && strings.Trim(underline, "=") == "" {
		return strings.TrimSpace(line), after2
	}
	return "", body
}

// headlineLine takes the first line of plain text as a title when it reads
// like a headline: short, standing alone above a blank line, with more text
// below it, and not ending like a sentence or a list item.
func headlineLine(body string) (title, rest string, ok bool) {
	line, after, found := strings.Cut(body, "\n")
	line = strings.TrimSpace(line)
	if !found || strings.TrimSpace(after) == "" {
		return "", body, false
	}
	next, _, _ := strings.Cut(after, "\n")
	if strings.TrimSpace(next) != "" {
		return "", body, false // the first line of a wrapped paragraph
	}
	n := utf8.RuneCountInString(line)
	if n < 3 || n > 150 || len(strings.Fields(line)) > 25 {
		return "", body, false
	}
	if strings.ContainsRune("-*+>|[!#", rune(line[0])) {
		return "", body, false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".,;:", last) {
		return "", body, false
	}
	if strings.IndexFunc(line, unicode.IsLetter) < 0 {
		return "", body, false
	}
	return line, after, true
}

// titleFromName makes a readable title from a file name or URL path:
// "2025/starmer-zelenskyy_call.md" gives "Starmer zelenskyy call".
func titleFromName(name string) string {
	base := filepath.ToSlash(name)
	if isWebURL(name) {
		u, _ := url.Parse(strings.TrimSpace(name))
		if strings.Trim(u.Path, "/") == "" {
			return u.Hostname()
		}
		base = strings.TrimRight(u.Path, "/")
	}
	base = path.Base(base)
	base = strings.TrimSuffix(base, path.Ext(base))
	base = strings.Join(strings.FieldsFunc(base, func(r rune) bool {
		return r == '-' || r == '_' || unicode.IsSpace(r)
	}), " ")
	if base == "" || base == "." || base == "/" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(base)
	return string(unicode.ToUpper(r)) + base[size:]
}
