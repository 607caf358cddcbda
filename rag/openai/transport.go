package openai

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxMessageLen bounds the server's words quoted in an error.
const maxMessageLen = 160

// errorBodyLimit bounds how much of an error reply is read.
const errorBodyLimit = 64 << 10

// errTooLarge is returned by the recorder when a reply exceeds its limit.
var errTooLarge = errors.New("reply too large")

// attempt is what the recorder saw of one HTTP exchange. go-openai's errors
// carry neither the headers (Retry-After) nor a safe form of the body, so
// the recorder keeps them here.
type attempt struct {
	sent         bool   // the request reached the HTTP client
	status       int    // 0 when no reply arrived
	retryAfter   string // Retry-After header
	retryAfterMS string // Retry-After-Ms header, sent by OpenAI
	message      string // the server's message for an error status: one short, redacted line
	broken       bool   // the connection failed while the body was being read
	done         bool   // a streamed reply carried "data: [DONE]"
}

// recorder is the HTTP client handed to go-openai. It records each reply in
// its attempt, reads error bodies and non-streamed bodies itself (bounded, so
// a broken connection is told apart from invalid JSON and a runaway server
// cannot exhaust memory), and watches streams for their [DONE] line.
type recorder struct {
	client  *http.Client
	attempt *attempt
	limit   int64
	redact  func(string) string
}

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	a := r.attempt
	a.sent = true
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, err
	}
	a.status = resp.StatusCode
	a.retryAfter = resp.Header.Get("Retry-After")
	a.retryAfterMS = resp.Header.Get("Retry-After-Ms")

	if resp.StatusCode >= http.StatusBadRequest {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, errorBodyLimit))
		_ = resp.Body.Close()
		a.message = serverMessage(resp.Header.Get("Content-Type"), body, r.redact)
		resp.Body = io.NopCloser(bytes.NewReader(body))
		return resp, nil
	}
	if strings.Contains(req.Header.Get("Accept"), "text/event-stream") {
		resp.Body = &streamBody{body: resp.Body, attempt: a, limit: r.limit}
		return resp, nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, r.limit+1))
	_ = resp.Body.Close()
	if err != nil {
		a.broken = true
		return nil, err
	}
	if int64(len(body)) > r.limit {
		return nil, errTooLarge
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// streamBody passes a streamed reply through, up to a limit, noting whether
// it carried the "data: [DONE]" line that ends a complete stream: go-openai
// reports a clean end of the body and [DONE] alike as io.EOF.
type streamBody struct {
	body    io.ReadCloser
	attempt *attempt
	limit   int64
	read    int64
	line    [32]byte // the start of the current line; [DONE] lines are short
	n       int
	long    bool
}

func (b *streamBody) Read(p []byte) (int, error) {
	if b.read > b.limit {
		return 0, errTooLarge
	}
	if room := b.limit + 1 - b.read; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := b.body.Read(p)
	b.read += int64(n)
	if b.read > b.limit {
		return 0, errTooLarge
	}
	b.scan(p[:n])
	return n, err
}

func (b *streamBody) scan(p []byte) {
	for _, c := range p {
		if c == '\n' {
			if !b.long && isDone(b.line[:b.n]) {
				b.attempt.done = true
			}
			b.n, b.long = 0, false
			continue
		}
		if b.n < len(b.line) {
			b.line[b.n] = c
			b.n++
		} else {
			b.long = true
		}
	}
}

func (b *streamBody) Close() error { return b.body.Close() }

func isDone(line []byte) bool {
	rest, ok := bytes.CutPrefix(bytes.TrimSpace(line), []byte("data:"))
	return ok && string(bytes.TrimSpace(rest)) == "[DONE]"
}

// serverMessage turns an error body into one short line: the message of an
// OpenAI-style, Ollama-style or vLLM-style JSON error, the title of an HTML
// page, or the start of the text. The key is redacted before anything is
// cut, so a cut cannot leave half of it.
func serverMessage(contentType string, body []byte, redact func(string) string) string {
	text := strings.TrimSpace(string(body))
	if msg, ok := jsonMessage(body); ok {
		text = msg
	} else if strings.Contains(contentType, "html") || strings.HasPrefix(text, "<") {
		text = htmlText(text)
	}
	return oneLine(redact(text), maxMessageLen)
}

func jsonMessage(body []byte) (string, bool) {
	var reply struct {
		Error   json.RawMessage `json:"error"`
		Message string          `json:"message"`
		Detail  json.RawMessage `json:"detail"`
	}
	if json.Unmarshal(body, &reply) != nil {
		return "", false
	}
	var nested struct {
		Message string `json:"message"`
	}
	var plain string
	switch {
	case json.Unmarshal(reply.Error, &nested) == nil && nested.Message != "":
		return nested.Message, true
	case json.Unmarshal(reply.Error, &plain) == nil && plain != "":
		return plain, true
	case reply.Message != "":
		return reply.Message, true
	case json.Unmarshal(reply.Detail, &plain) == nil && plain != "":
		return plain, true
	case len(reply.Detail) > 0:
		return string(reply.Detail), true
	}
	return "", false
}

// htmlText is the page's title, or failing that its text without tags.
func htmlText(page string) string {
	lower := strings.ToLower(page)
	if start := strings.Index(lower, "<title"); start >= 0 {
		if open := strings.IndexByte(lower[start:], '>'); open >= 0 {
			from := start + open + 1
			if end := strings.Index(lower[from:], "</title"); end >= 0 {
				if title := strings.TrimSpace(page[from : from+end]); title != "" {
					return title
				}
			}
		}
	}
	var b strings.Builder
	inTag := false
	for _, r := range page {
		switch {
		case r == '<':
			inTag = true
		case r == '>' && inTag:
			inTag = false
			b.WriteByte(' ')
		case !inTag:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine collapses whitespace and control characters into single spaces,
// drops invalid UTF-8 and cuts the result to at most max bytes.
func oneLine(s string, max int) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	out := b.String()
	if len(out) <= max {
		return out
	}
	cut := max - len("…")
	for cut > 0 && !utf8.RuneStart(out[cut]) {
		cut--
	}
	return out[:cut] + "…"
}

// netMessage describes a transport error without the request URL, which
// may hold credentials.
func netMessage(err error, redact func(string) string) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return oneLine(redact(err.Error()), maxMessageLen)
}
