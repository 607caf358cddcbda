package source

import (
	"errors"
	"fmt"
	"strings"
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
	return checkID(a.ID)
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
