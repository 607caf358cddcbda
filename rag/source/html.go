package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/coveragebot/coveragebot/rag"
)

// Limits that keep a hostile page from taking the loader's time or memory.
const (
	// MaxHTMLBytes bounds the page ParseHTML reads: larger than any real
	// article page, small enough that the worst page within the limits
	// takes about a second of CPU.
	MaxHTMLBytes = 8 << 20
	// maxHTMLElements bounds the elements parsed and scored; readability's
	// passes grow faster than linearly with the page.
	maxHTMLElements = 60_000
	// maxHTMLDepth bounds nesting. Readability's cost grows with the square
	// of depth; real article pages nest a few dozen deep. (The HTML parser
	// itself stops at 512.)
	maxHTMLDepth   = 256
	maxJSONLDBytes = 1 << 20
	maxAuthors     = 8
)

// ParseHTML extracts the article from a web page with go-readability: its
// title, byline (as authors), publication date (readability's metadata,
// article:published_time and similar meta tags, JSON-LD datePublished, or a
// <time datetime>), outlet (og:site_name, else from the host), canonical URL
// (<link rel=canonical>, og:url, else pageURL) and body text, paragraphs
// separated by blank lines. Figure captions go to Captions, not the body.
//
// name is where the page came from (a path relative to the walked root, or
// the URL); it becomes the article's Source and its id. pageURL, when not
// empty, resolves relative links. A page declaring another charset (BOM or
// <meta charset>) is decoded; otherwise invalid UTF-8 is repaired. A page
// with no extractable body is an error wrapping ErrNoText, and binary data
// one wrapping ErrNotText.
func ParseHTML(name string, data []byte, pageURL string) (rag.Article, error) {
	if len(data) > MaxHTMLBytes {
		return rag.Article{}, fmt.Errorf("%w: page is %d bytes, over %d", ErrTooLarge, len(data), MaxHTMLBytes)
	}
	data, err := asText(data, false)
	if err != nil {
		return rag.Article{}, err
	}
	page := htmlToUTF8(data)
	// The tree parser's work grows with depth times elements; counting
	// elements first with the linear tokenizer refuses a hostile page
	// before it costs anything.
	if n := countElements(page, maxHTMLElements); n > maxHTMLElements {
		return rag.Article{}, fmt.Errorf("%w: page has over %d elements", ErrTooLarge, maxHTMLElements)
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return rag.Article{}, fmt.Errorf("parse html: %w", err)
	}
	var base *url.URL
	if isWebURL(pageURL) {
		base, _ = url.Parse(strings.TrimSpace(pageURL))
	}
	meta := scanPageMeta(doc, base)
	if meta.depth > maxHTMLDepth {
		return rag.Article{}, fmt.Errorf("parse html: elements nested deeper than %d", maxHTMLDepth)
	}
	extracted, err := extractArticle(doc, base)
	if err != nil {
		return rag.Article{}, err
	}
	if extracted.Node == nil {
		return rag.Article{}, fmt.Errorf("extract article: %w", ErrNoText)
	}
	body, captions := renderText(extracted.Node)
	a := rag.Article{
		Title:    extracted.Title(),
		Outlet:   extracted.SiteName(),
		URL:      meta.canonical,
		Authors:  splitByline(extracted.Byline()),
		Text:     body,
		Captions: captions,
		Source:   name,
	}
	if a.URL == "" && base != nil {
		a.URL = absoluteWebURL(base.String(), nil)
	}
	if a.Outlet == "" {
		a.Outlet = outletFromURL(a.URL)
	}
	if a.Title == "" {
		a.Title = titleFromName(name)
	}
	if t, err := extracted.PublishedTime(); err == nil {
		a.Published = t
	} else {
		a.Published = meta.published()
	}
	switch {
	case name != "":
		a.ID = idFromName(name)
	case a.URL != "":
		a.ID = idFromURL(a.URL)
	}
	if err := finishArticle(&a); err != nil {
		return rag.Article{}, err
	}
	return a, nil
}

// extractArticle runs readability over doc. Readability is a large port of
// a JavaScript heuristic; a page it cannot handle must cost one article, not
// the process, so a panic inside it becomes an error.
func extractArticle(doc *html.Node, base *url.URL) (page readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extract article: readability failed: %v", r)
		}
	}()
	p := readability.NewParser()
	p.MaxElemsToParse = maxHTMLElements
	page, err = p.ParseAndMutate(doc, base)
	if err != nil {
		return page, fmt.Errorf("extract article: %w", err)
	}
	return page, nil
}

// countElements counts the start tags in page, stopping once past limit.
func countElements(page string, limit int) int {
	z := html.NewTokenizer(strings.NewReader(page))
	n := 0
	for n <= limit {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.StartTagToken, html.SelfClosingTagToken:
			n++
		}
	}
	return n
}

// htmlToUTF8 returns the page as UTF-8 text. Valid UTF-8 is taken as is,
// whatever the page declares, since a fetcher may already have converted
// it. Otherwise a BOM or a <meta charset> in the first kilobyte is honoured,
// and failing that the bytes are repaired as UTF-8.
func htmlToUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	enc, name, certain := charset.DetermineEncoding(data, "")
	head := data[:min(len(data), 1024)]
	declared := certain || bytes.Contains(bytes.ToLower(head), []byte("charset"))
	if declared && name != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return strings.ToValidUTF8(string(out), "\uFFFD")
		}
	}
	return strings.ToValidUTF8(string(data), "\uFFFD")
}

// pageMeta is what ParseHTML reads from the page itself, beside readability.
type pageMeta struct {
	depth     int // of the deepest element
	canonical string
	// dates are the candidates for the publication date, best first.
	metaDates   []string
	jsonLDDates []string
	timeDates   []string
}

// published returns the first candidate date that parses.
func (m pageMeta) published() time.Time {
	for _, list := range [][]string{m.metaDates, m.jsonLDDates, m.timeDates} {
		for _, s := range list {
			if t, err := parseDate(s); err == nil && !t.IsZero() {
				return t
			}
		}
	}
	return time.Time{}
}

// publishedMeta are the meta names and properties that carry a publication
// date.
var publishedMeta = map[string]bool{
	"article:published_time":    true,
	"og:article:published_time": true,
	"datepublished":             true,
	"date":                      true,
	"pubdate":                   true,
	"publishdate":               true,
	"publish-date":              true,
	"dc.date":                   true,
	"dc.date.issued":            true,
	"dcterms.created":           true,
	"dcterms.issued":            true,
	"sailthru.date":             true,
	"parsely-pub-date":          true,
}

// scanPageMeta walks the whole document once, without recursion, for the
// canonical URL and date candidates. It runs before readability, which
// removes scripts and rewrites the tree.
func scanPageMeta(doc *html.Node, base *url.URL) pageMeta {
	var m pageMeta
	var canonical, ogURL string
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{doc, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		n := it.n
		stack = stack[:len(stack)-1]
		m.depth = max(m.depth, it.depth)
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, item{c, it.depth + 1})
		}
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "link":
			if canonical == "" && hasToken(attr(n, "rel"), "canonical") {
				canonical = strings.TrimSpace(attr(n, "href"))
			}
		case "meta":
			key := strings.ToLower(attr(n, "property"))
			if key == "" {
				key = strings.ToLower(attr(n, "name"))
			}
			if key == "" {
				key = strings.ToLower(attr(n, "itemprop"))
			}
			content := strings.TrimSpace(attr(n, "content"))
			switch {
			case content == "":
			case key == "og:url" && ogURL == "":
				ogURL = absoluteWebURL(content, base)
			case publishedMeta[key]:
				m.metaDates = append(m.metaDates, content)
			}
		case "script":
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				m.jsonLDDates = append(m.jsonLDDates, jsonLDDates(textOf(n))...)
			}
		case "time":
			if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
					m.timeDates = append([]string{dt}, m.timeDates...)
				} else {
					m.timeDates = append(m.timeDates, dt)
				}
			}
		}
	}
	// A relative canonical link is resolved against the page's URL, or
	// against og:url when the page was read from a file.
	if base == nil && ogURL != "" {
		base, _ = url.Parse(ogURL)
	}
	if m.canonical = absoluteWebURL(canonical, base); m.canonical == "" {
		m.canonical = ogURL
	}
	return m
}

// jsonLDDates finds datePublished values anywhere in a JSON-LD block,
// including inside @graph lists.
func jsonLDDates(src string) []string {
	if len(src) > maxJSONLDBytes {
		return nil
	}
	src = strings.TrimSpace(src)
	src = strings.TrimSuffix(strings.TrimPrefix(src, "<![CDATA["), "]]>")
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return nil
	}
	var out []string
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 16 {
			return
		}
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["datePublished"].(string); ok {
				out = append(out, s)
			}
			for _, child := range v {
				walk(child, depth+1)
			}
		case []any:
			for _, child := range v {
				walk(child, depth+1)
			}
		}
	}
	walk(v, 0)
	return out
}

// renderText turns readability's article tree into plain text: block
// elements become paragraphs separated by blank lines, <br> a line break,
// runs of spaces one space. <figcaption> text is returned apart, as
// captions. Scripts, styles, forms and media never reach the text.
func renderText(root *html.Node) (body string, captions []string) {
	var r textRenderer
	r.render(root, 0)
	r.flush()
	return r.out.String(), r.captions
}

type textRenderer struct {
	out      strings.Builder
	para     strings.Builder
	space    bool // a space is due before the next word
	captions []string
}

// skippedElements hold no article text.
var skippedElements = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true, "title": true,
	"svg": true, "math": true, "iframe": true, "object": true, "embed": true, "canvas": true,
	"video": true, "audio": true, "button": true, "input": true, "select": true, "textarea": true,
	"form": true, "nav": true,
}

// blockElements start and end a paragraph.
var blockElements = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true,
	"footer": true, "aside": true, "blockquote": true, "pre": true, "figure": true, "ul": true,
	"ol": true, "li": true, "dl": true, "dt": true, "dd": true, "table": true, "tr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true,
	"address": true, "details": true, "summary": true, "caption": true, "body": true, "html": true,
}

// maxRenderDepth stops the walk where a tree is deeper than any article;
// the parser already caps depth, this keeps the recursion safe on its own.
const maxRenderDepth = 1024

func (r *textRenderer) render(n *html.Node, depth int) {
	if depth > maxRenderDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
		if skippedElements[n.Data] || hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
			return
		}
		switch {
		case n.Data == "br":
			r.para.WriteByte('\n')
			r.space = false
			return
		case n.Data == "figcaption":
			var sub textRenderer
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				sub.render(c, depth+1)
			}
			sub.flush()
			if s := oneLine(sub.out.String()); s != "" {
				r.captions = append(r.captions, s)
			}
			r.captions = append(r.captions, sub.captions...)
			return
		case n.Data == "td" || n.Data == "th":
			r.space = true
		case blockElements[n.Data]:
			r.flush()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				r.render(c, depth+1)
			}
			r.flush()
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.render(c, depth+1)
	}
}

// text appends the words of s, collapsing whitespace.
func (r *textRenderer) text(s string) {
	start := -1
	for i, c := range s {
		if isHTMLSpace(c) {
			if start >= 0 {
				r.word(s[start:i])
				start = -1
			}
			r.space = true
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		r.word(s[start:])
	}
}

func (r *textRenderer) word(w string) {
	if r.space && r.para.Len() > 0 && !strings.HasSuffix(r.para.String(), "\n") {
		r.para.WriteByte(' ')
	}
	r.para.WriteString(w)
	r.space = false
}

// flush ends the current paragraph.
func (r *textRenderer) flush() {
	p := strings.TrimSpace(r.para.String())
	r.para.Reset()
	r.space = false
	if p == "" {
		return
	}
	if r.out.Len() > 0 {
		r.out.WriteString("\n\n")
	}
	r.out.WriteString(p)
}

func isHTMLSpace(c rune) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0'
}

// splitByline turns a byline ("By Jane Doe and John Roe, CNN") into names.
// Parts with digits (dates, times) or too many words are not names and are
// dropped.
func splitByline(byline string) []string {
	byline = oneLine(byline)
	if len(byline) > 300 {
		return nil
	}
	if len(byline) > 3 && strings.EqualFold(byline[:3], "by ") {
		byline = byline[3:]
	}
	parts := strings.FieldsFunc(byline, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '&' })
	var out []string
	for _, part := range parts {
		for _, name := range strings.Split(part, " and ") {
			name = strings.TrimSpace(name)
			if name == "" || len(strings.Fields(name)) > 5 || strings.ContainsAny(name, "0123456789@") {
				continue
			}
			out = append(out, name)
			if len(out) == maxAuthors {
				return out
			}
		}
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasToken(list, token string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

// textOf concatenates the text directly inside n, as a script's source.
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// absoluteWebURL resolves ref against base and keeps it only when it is an
// absolute http(s) URL.
func absoluteWebURL(ref string, base *url.URL) string {
	ref = strings.TrimSpace(ref)
	u, err := url.Parse(ref)
	if ref == "" || err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}
