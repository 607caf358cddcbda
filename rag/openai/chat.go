package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/coveragebot/coveragebot/rag"
)

type chat struct {
	*endpoint
}

// NewChat returns a ChatFunc for cfg.Model. With a nil onDelta it makes one
// plain request; otherwise it streams, passing each piece of text to onDelta
// as it arrives. It returns the model's raw text (think blocks included),
// or an error and no text: a reply cut short is ErrIncomplete, never a
// partial answer passed off as whole. A streamed call is retried only until
// its first text reaches onDelta; after that a failure is final, and the
// caller, which has shown part of an answer, must say it is incomplete.
func NewChat(cfg Config) (rag.ChatFunc, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	// A streamed reply spends a hundred bytes or so of JSON on every few
	// characters of text.
	limit := max(int64(cfg.MaxReplyBytes)*64, 4<<20)
	c := &chat{endpoint: newEndpoint(cfg, "chat", limit)}
	return c.complete, nil
}

func (c *chat) complete(ctx context.Context, msgs []rag.Message, onDelta func(string)) (string, error) {
	if len(msgs) == 0 {
		return "", errors.New("openai chat: no messages")
	}
	req := goopenai.ChatCompletionRequest{Model: c.cfg.Model}
	for _, m := range msgs {
		req.Messages = append(req.Messages, goopenai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	var text string
	delivered := false
	err := c.call(ctx, func(ctx context.Context, oc *goopenai.Client, a *attempt) error {
		var err error
		if onDelta == nil {
			text, err = c.once(ctx, oc, req)
		} else {
			text, err = c.stream(ctx, oc, a, req, onDelta, &delivered)
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("openai chat: %w", err)
	}
	return text, nil
}

func (c *chat) once(ctx context.Context, oc *goopenai.Client, req goopenai.ChatCompletionRequest) (string, error) {
	resp, err := oc.CreateChatCompletion(ctx, req)
	if err != nil {
		return "", err
	}
	for _, ch := range resp.Choices {
		if ch.Index == 0 {
			if len(ch.Message.Content) > c.cfg.MaxReplyBytes {
				return "", c.tooLong()
			}
			return c.finished(ch.Message.Content, ch.FinishReason)
		}
	}
	return "", badResponse("no completion in the reply")
}

// stream reads one streamed completion. delivered records whether any text
// reached onDelta, across attempts, since that ends retrying.
func (c *chat) stream(ctx context.Context, oc *goopenai.Client, a *attempt, req goopenai.ChatCompletionRequest,
	onDelta func(string), delivered *bool) (string, error) {
	s, err := oc.CreateChatCompletionStream(ctx, req)
	if err != nil {
		return "", err
	}
	defer s.Close()
	var text strings.Builder
	var finish goopenai.FinishReason
	for {
		chunk, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", c.streamError(ctx, err, *delivered)
		}
		for _, ch := range chunk.Choices {
			if ch.Index != 0 {
				continue
			}
			if ch.FinishReason != "" {
				finish = ch.FinishReason
			}
			piece := ch.Delta.Content
			if piece == "" {
				continue
			}
			if text.Len()+len(piece) > c.cfg.MaxReplyBytes {
				return "", c.tooLong()
			}
			text.WriteString(piece)
			*delivered = true
			onDelta(piece)
		}
	}
	if finish == "" && !a.done {
		// The body ended cleanly but without a finish reason or [DONE]:
		// the server or a proxy dropped the rest.
		return "", &callError{kind: ErrIncomplete, detail: "the stream ended before the model finished",
			retry: !*delivered, health: failed}
	}
	return c.finished(text.String(), finish)
}

// streamError classifies an error met while reading a stream.
func (c *chat) streamError(ctx context.Context, err error, delivered bool) *callError {
	var (
		syntaxErr *json.SyntaxError
		typeErr   *json.UnmarshalTypeError
		apiErr    *goopenai.APIError
	)
	kind := ErrUnavailable
	if delivered {
		kind = ErrIncomplete
	}
	switch {
	case ctx.Err() != nil:
		ce := &callError{detail: ctx.Err().Error(), cause: ctx.Err()}
		if delivered {
			ce.kind = ErrIncomplete
		}
		return ce
	case errors.Is(err, errTooLarge):
		return badResponse("stream longer than %d bytes", c.bodyLimit)
	case errors.As(err, &syntaxErr), errors.As(err, &typeErr):
		return badResponse("invalid JSON in stream: %s", oneLine(err.Error(), maxMessageLen))
	case errors.Is(err, goopenai.ErrTooManyEmptyStreamMessages):
		return badResponse("stream carries no data")
	case errors.As(err, &apiErr):
		return &callError{kind: kind, detail: "error event in stream: " + oneLine(c.redact(apiErr.Message), maxMessageLen),
			retry: !delivered, health: failed}
	default:
		return &callError{kind: ErrIncomplete, detail: "stream cut off: " + netMessage(err, c.redact),
			retry: !delivered, health: failed}
	}
}

// finished checks a whole completion.
func (c *chat) finished(text string, finish goopenai.FinishReason) (string, error) {
	switch finish {
	case goopenai.FinishReasonLength:
		return "", &callError{kind: ErrIncomplete, detail: "the model stopped at its token limit", health: alive}
	case goopenai.FinishReasonContentFilter:
		return "", badResponse("the reply was withheld by a content filter")
	}
	if strings.TrimSpace(text) == "" {
		return "", badResponse("empty completion")
	}
	return text, nil
}

func (c *chat) tooLong() *callError {
	return badResponse("completion longer than %d bytes", c.cfg.MaxReplyBytes)
}
