package fakeopenai

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

const defaultChunkSize = 16

type wireChatRequest struct {
	Model    string `json:"model"`
	Messages []struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	} `json:"messages"`
	Stream bool `json:"stream"`
}

// messageText reads a message's content, which is either a string or a list
// of parts of which the text parts count.
func messageText(raw json.RawMessage) string {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return text
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	if json.Unmarshal(raw, &parts) != nil {
		return ""
	}
	var b strings.Builder
	for _, p := range parts {
		if p.Type == "text" {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) {
	var in wireChatRequest
	decodeErr := decodeBody(r, &in)
	req := ChatRequest{Model: in.Model, Stream: in.Stream}
	for _, m := range in.Messages {
		req.Messages = append(req.Messages, Message{Role: m.Role, Content: messageText(m.Content)})
	}
	if !s.admit(w, r, Request{Model: req.Model, Stream: req.Stream, Messages: req.Messages}) {
		return
	}
	if decodeErr != nil {
		writeError(w, http.StatusBadRequest, "invalid JSON body: "+decodeErr.Error(), "invalid_request_error")
		return
	}
	if len(req.Messages) == 0 {
		writeError(w, http.StatusBadRequest, "messages must not be empty", "invalid_request_error")
		return
	}

	reply, scripted := s.nextChat()
	if !scripted {
		reply.Content = s.defaultReply(req)
	}
	if s.scripted(w, r, reply.Delay, reply.Reset, reply.Status, reply.RetryAfter, reply.Body, reply.ContentType) {
		return
	}
	if reply.FinishReason == "" {
		reply.FinishReason = "stop"
	}
	if req.Stream {
		s.streamChat(w, r, req, reply)
		return
	}
	id := s.id("chatcmpl")
	writeJSONCut(w, http.StatusOK, map[string]any{
		"id":      id,
		"object":  "chat.completion",
		"created": time.Now().Unix(),
		"model":   req.Model,
		"choices": []any{map[string]any{
			"index":         0,
			"message":       map[string]any{"role": "assistant", "content": reply.Content},
			"finish_reason": reply.FinishReason,
		}},
		"usage": chatUsage(req, reply.Content),
	}, reply.CutBodyAfter)
}

func (s *Server) nextChat() (ChatReply, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.chatQueue) == 0 {
		return ChatReply{}, false
	}
	r := s.chatQueue[0]
	s.chatQueue = s.chatQueue[1:]
	return r, true
}

func (s *Server) defaultReply(req ChatRequest) string {
	s.mu.Lock()
	f := s.defaultChat
	s.mu.Unlock()
	if f != nil {
		return f(req)
	}
	last := ""
	for _, m := range req.Messages {
		if m.Role == "user" {
			last = m.Content
		}
	}
	return "Reply to: " + last
}

// streamChat writes the reply as server-sent events: a role chunk, content
// chunks, a chunk with the finish reason, then [DONE]; or, when the reply is
// cut, only the first CutAfter content chunks.
func (s *Server) streamChat(w http.ResponseWriter, r *http.Request, req ChatRequest, reply ChatReply) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)

	id := s.id("chatcmpl")
	created := time.Now().Unix()
	send := func(delta map[string]any, finish any) bool {
		chunk := map[string]any{
			"id":      id,
			"object":  "chat.completion.chunk",
			"created": created,
			"model":   req.Model,
			"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}},
		}
		b, _ := json.Marshal(chunk)
		if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
			return false
		}
		return rc.Flush() == nil && r.Context().Err() == nil
	}

	if !send(map[string]any{"role": "assistant", "content": ""}, nil) {
		return
	}
	s.mu.Lock()
	pace := s.chunkDelay
	s.mu.Unlock()
	for i, piece := range splitText(reply.Content, reply.ChunkSize) {
		if i > 0 && !s.wait(r.Context(), pace) {
			return
		}
		if reply.CutAfter > 0 && i == reply.CutAfter {
			s.cut(w, reply.CleanCut)
			return
		}
		if reply.StallAfter > 0 && i == reply.StallAfter {
			select {
			case <-r.Context().Done():
			case <-s.done:
			}
			return
		}
		if !send(map[string]any{"content": piece}, nil) {
			return
		}
	}
	if reply.CutAfter > 0 {
		// The reply had no more than CutAfter chunks: cut where the finish
		// would have been.
		s.cut(w, reply.CleanCut)
		return
	}
	if !send(map[string]any{}, reply.FinishReason) {
		return
	}
	_, _ = fmt.Fprint(w, "data: [DONE]\n\n")
	_ = rc.Flush()
}

func (s *Server) cut(w http.ResponseWriter, clean bool) {
	if !clean {
		dropConnection(w)
	}
}

// splitText cuts text into pieces of about size bytes without splitting a
// UTF-8 sequence.
func splitText(text string, size int) []string {
	if size <= 0 {
		size = defaultChunkSize
	}
	var pieces []string
	for len(text) > 0 {
		n := min(size, len(text))
		for n < len(text) && !utf8.RuneStart(text[n]) {
			n++
		}
		pieces = append(pieces, text[:n])
		text = text[n:]
	}
	return pieces
}

func chatUsage(req ChatRequest, reply string) map[string]int {
	prompt := 0
	for _, m := range req.Messages {
		prompt += len(strings.Fields(m.Content))
	}
	completion := len(strings.Fields(reply))
	return map[string]int{
		"prompt_tokens":     prompt,
		"completion_tokens": completion,
		"total_tokens":      prompt + completion,
	}
}
