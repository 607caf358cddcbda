package rag

import (
	"errors"
	"fmt"
	"strings"
)

// Errors a caller may branch on.
var (
	// ErrEmbedderMismatch means the index was built with another embedder.
	ErrEmbedderMismatch = errors.New("index was built with a different embedder")
	// ErrCorruptIndex means the snapshot on disk cannot be read.
	ErrCorruptIndex = errors.New("index file is corrupt")
	// ErrNotFound means an article or passage is not in the index.
	ErrNotFound = errors.New("not found")
)

// MaxQuestionChars bounds a question. Longer ones are refused rather than
// cut, so that nobody gets an answer to half a question.
const MaxQuestionChars = 2000

// Errors about a question, for callers that turn them into a friendly reply.
var (
	ErrEmptyQuestion   = errors.New("the question is empty")
	ErrQuestionTooLong = fmt.Errorf("the question is longer than %d characters", MaxQuestionChars)
)

// ErrBadSince means a digest's "since" could not be read.
var ErrBadSince = errors.New(`write "since" as a number of hours, days or weeks (12h, 1d, 7d, 2w) or a date (2006-01-02)`)

// AmbiguousPersonError means a name asked for fits several people the
// coverage quotes ("Biden": Jill Biden and Joe Biden). Their words are not
// merged; Candidates lists them, fullest names, sorted, so the caller can
// ask which one.
type AmbiguousPersonError struct {
	Person     string
	Candidates []string
}

func (e *AmbiguousPersonError) Error() string {
	return fmt.Sprintf("%q may mean %s", e.Person, strings.Join(e.Candidates, " or "))
}
