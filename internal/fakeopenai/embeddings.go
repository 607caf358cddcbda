package fakeopenai

import (
	"encoding/json"
	"hash/fnv"
	"math"
	"net/http"
	"slices"
	"strings"
	"unicode"
)

type wireEmbedRequest struct {
	Model      string          `json:"model"`
	Input      json.RawMessage `json:"input"`
	Dimensions int             `json:"dimensions"`
}

// inputs reads "input", which is a string or a list of strings. Token-id
// input is refused: coveragebot never sends it.
func inputs(raw json.RawMessage) ([]string, bool) {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}, true
	}
	var many []string
	if json.Unmarshal(raw, &many) == nil {
		return many, true
	}
	return nil, false
}

func (s *Server) handleEmbeddings(w http.ResponseWriter, r *http.Request) {
	var in wireEmbedRequest
	decodeErr := decodeBody(r, &in)
	texts, ok := inputs(in.Input)
	if !s.admit(w, r, Request{Model: in.Model, Inputs: len(texts)}) {
		return
	}
	switch {
	case decodeErr != nil:
		writeError(w, http.StatusBadRequest, "invalid JSON body: "+decodeErr.Error(), "invalid_request_error")
		return
	case !ok || len(texts) == 0:
		writeError(w, http.StatusBadRequest, "input must be a string or a non-empty list of strings", "invalid_request_error")
		return
	case slices.Contains(texts, ""):
		writeError(w, http.StatusBadRequest, "input cannot contain an empty string", "invalid_request_error")
		return
	}

	reply := s.nextEmbed()
	if s.scripted(w, r, reply.Delay, reply.Reset, reply.Status, reply.RetryAfter, reply.Body, reply.ContentType) {
		return
	}

	s.mu.Lock()
	dims := s.dimensions
	s.mu.Unlock()
	if in.Dimensions > 0 {
		dims = in.Dimensions
	}
	if reply.Dimensions > 0 {
		dims = reply.Dimensions
	}
	vectors := reply.Vectors
	if vectors == nil {
		for _, t := range texts {
			vectors = append(vectors, Vector(t, dims))
		}
		if reply.DropOne {
			vectors = vectors[:len(vectors)-1]
		}
	}

	type item struct {
		Object    string    `json:"object"`
		Index     int       `json:"index"`
		Embedding []float32 `json:"embedding"`
	}
	data := make([]item, len(vectors))
	for i, v := range vectors {
		data[i] = item{Object: "embedding", Index: i, Embedding: v}
	}
	if reply.Reverse {
		slices.Reverse(data)
	}
	tokens := 0
	for _, t := range texts {
		tokens += len(strings.Fields(t))
	}
	writeJSONCut(w, http.StatusOK, map[string]any{
		"object": "list",
		"data":   data,
		"model":  in.Model,
		"usage":  map[string]int{"prompt_tokens": tokens, "total_tokens": tokens},
	}, reply.CutBodyAfter)
}

func (s *Server) nextEmbed() EmbedReply {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.embedQueue) == 0 {
		return EmbedReply{}
	}
	r := s.embedQueue[0]
	s.embedQueue = s.embedQueue[1:]
	return r
}

// Vector is the fake's default embedding of text: each lower-cased word is
// hashed to a signed coordinate, and the sum is normalised to length 1. It
// is deterministic, and texts that share words get similar vectors, so
// retrieval over the fake behaves sensibly in tests. A text with no words
// is hashed whole, so no vector is zero.
func Vector(text string, dims int) []float32 {
	if dims <= 0 {
		dims = DefaultDimensions
	}
	v := make([]float32, dims)
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		words = []string{text}
	}
	for _, w := range words {
		h := fnv.New64a()
		_, _ = h.Write([]byte(w))
		sum := h.Sum64()
		sign := float32(1)
		if sum>>63 == 1 {
			sign = -1
		}
		v[sum%uint64(dims)] += sign
	}
	var norm float64
	for _, x := range v {
		norm += float64(x) * float64(x)
	}
	if norm == 0 {
		// Words whose signs cancel out: fall back to one fixed coordinate.
		v[0] = 1
		return v
	}
	scale := float32(1 / math.Sqrt(norm))
	for i := range v {
		v[i] *= scale
	}
	return v
}
