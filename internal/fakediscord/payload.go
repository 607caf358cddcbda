package fakediscord

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"strings"
)

// maxMultipartParts bounds the parts of one upload; Discord allows 10 files plus the payload.
const maxMultipartParts = 64

// decodePayload extracts a request's JSON payload: the body itself, or for a multipart upload
// (what discordgo sends when files are attached) the payload_json part, with the names of the
// uploaded files.
func decodePayload(contentType string, body []byte) (payload []byte, files []string, err error) {
	mediaType, params, _ := mime.ParseMediaType(contentType)
	if mediaType != "multipart/form-data" {
		return body, nil, nil
	}
	boundary := params["boundary"]
	if boundary == "" {
		return nil, nil, errors.New("multipart body without a boundary")
	}
	reader := multipart.NewReader(bytes.NewReader(body), boundary)
	for parts := 0; ; parts++ {
		if parts == maxMultipartParts {
			return nil, nil, fmt.Errorf("multipart body with more than %d parts", maxMultipartParts)
		}
		part, err := reader.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read multipart body: %w", err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, nil, fmt.Errorf("read multipart part %q: %w", part.FormName(), err)
		}
		switch name := part.FormName(); {
		case name == "payload_json":
			payload = data
		case strings.HasPrefix(name, "files[") || strings.HasPrefix(name, "file"):
			files = append(files, part.FileName())
		}
	}
	if payload == nil {
		return nil, nil, errors.New("multipart body without payload_json")
	}
	return payload, files, nil
}

// decodeFields splits a JSON object payload into its top-level fields.
func decodeFields(payload []byte) (map[string]json.RawMessage, error) {
	if len(bytes.TrimSpace(payload)) == 0 {
		return map[string]json.RawMessage{}, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(payload, &fields); err != nil {
		return nil, fmt.Errorf("decode JSON body: %w", err)
	}
	if fields == nil {
		fields = map[string]json.RawMessage{}
	}
	return fields, nil
}

// requestFields reads a request's payload as fields, answering Discord's 400 when it is not a
// JSON object.
func requestFields(contentType string, body []byte) (map[string]json.RawMessage, []string, *apiError) {
	payload, files, err := decodePayload(contentType, body)
	if err != nil {
		return nil, nil, &apiError{Status: 400, Code: 50109, Message: "The request body contains invalid JSON. (" + err.Error() + ")"}
	}
	fields, err := decodeFields(payload)
	if err != nil {
		return nil, nil, &apiError{Status: 400, Code: 50109, Message: "The request body contains invalid JSON."}
	}
	return fields, files, nil
}
