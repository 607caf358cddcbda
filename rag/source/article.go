package source

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
)

// Errors a caller may branch on. Parse errors wrap them.
var (
	// ErrNoText means the input holds no article body.
	ErrNoText = errors.New("no article text")
	// ErrTooLarge means the input is over a size limit and was not read.
	ErrTooLarge = errors.New("too large")
	// ErrDuplicateID means an earlier article in the same Load had the id.
	ErrDuplicateID = errors.New("duplicate id")
	// ErrBadID means an id given by the source is not a safe identifier.
	ErrBadID = errors.New("unsafe id")
)

// lineError is an error found at a line of the input. Load turns it into a
// Problem with that line; on its own it reads "line N: reason".
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }
func (e *lineError) Unwrap() error { return e.err }

// finishArticle repairs and checks what every loader produces, so that all
// formats give articles held to the same rules: valid UTF-8, one line of
// title, outlet and names, LF line endings, a non-empty body and a safe id.
// It does not clean the body; rag's cleaner does that later.
func finishArticle(a *rag.Article) error {
	a.Title = oneLine(a.Title)
	a.Outlet = oneLine(a.Outlet)
	a.URL = strings.TrimSpace(strings.ToValidUTF8(a.URL, ""))
	a.Authors = names(a.Authors)
	a.Captions = names(a.Captions)
	a.Text = normalizeText(a.Text)
	if a.Text == "" {
		return ErrNoText
	}
	if a.Title == "" {
		a.Title = titleFromURL(a.URL)
	}
	return checkID(a.ID)
}

// titleFromURL makes a headline from a news URL's slug when the source gives
// none: most outlets put the headline's words in the path
// ("/2022/06/12/media/squid-game-season-2/index.html" → "Squid game season
// 2"). Segments that are dates, numbers, ids or file names are passed over;
// with no slug of at least two words, the title stays empty.
func titleFromURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i := len(segs) - 1; i >= 0; i-- {
		seg := segs[i]
		if dot := strings.LastIndexByte(seg, '.'); dot > 0 {
			seg = seg[:dot] // "index.html", "story.shtml"
		}
		words := strings.FieldsFunc(seg, func(r rune) bool { return r == '-' || r == '_' || r == '+' })
		letters := 0
		for _, w := range words {
			if strings.IndexFunc(w, unicode.IsLetter) >= 0 && !looksLikeID(w) {
				letters++
			}
		}
		if len(words) < 2 || letters < 2 {
			continue
		}
		t := strings.Join(words, " ")
		r, size := utf8.DecodeRuneInString(t)
		return string(unicode.ToUpper(r)) + t[size:]
	}
	return ""
}

// looksLikeID reports whether a slug word is an identifier rather than a
// word: long runs of digits mixed with letters, such as "a1b2c3d4".
func looksLikeID(w string) bool {
	digits := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return digits >= 3 && digits < len(w)
}

// normalizeText repairs invalid UTF-8, turns CRLF and lone CR into LF, and
// trims the surrounding whitespace. Everything else is kept as found.
func normalizeText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.TrimSpace(s)
}

// oneLine collapses every run of whitespace, line breaks included, into one
// space: titles and names are shown on a single line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// names tidies a list of names or captions: one line each, empty ones
// dropped.
func names(in []string) []string {
	out := in[:0]
	for _, s := range in {
		if s = oneLine(s); s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
