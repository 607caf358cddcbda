package fakediscord

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"
)

// Interaction callback types.
const (
	CallbackPong               = 1
	CallbackMessage            = 4
	CallbackDeferredMessage    = 5
	CallbackDeferredUpdate     = 6
	CallbackUpdateMessage      = 7
	CallbackAutocompleteResult = 8
	CallbackModal              = 9
)

const errInteractionResponseInvalid = "INTERACTION_RESPONSE_TYPE_INVALID"

// callbackAllowed lists the callback types Discord accepts for each interaction type.
var callbackAllowed = map[int][]int{
	InteractionCommand:      {CallbackMessage, CallbackDeferredMessage, CallbackModal},
	InteractionComponent:    {CallbackMessage, CallbackDeferredMessage, CallbackDeferredUpdate, CallbackUpdateMessage, CallbackModal},
	InteractionAutocomplete: {CallbackAutocompleteResult},
	InteractionModalSubmit:  {CallbackMessage, CallbackDeferredMessage, CallbackDeferredUpdate, CallbackUpdateMessage},
}

func (s *Server) handleCallback(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	in := s.interactions[r.PathValue("token")]
	if in == nil || in.ID != r.PathValue("iid") || !in.tokenAlive(now) {
		writeAPIError(w, errUnknownInteraction)
		return
	}
	if s.opts.AckTimeout > 0 && !in.acked && now.Sub(in.SentAt) > s.opts.AckTimeout {
		// An interaction not acknowledged in time is gone for good, token included.
		in.expired = true
		writeAPIError(w, errUnknownInteraction)
		return
	}
	if in.acked {
		writeAPIError(w, errAlreadyAcked)
		return
	}
	fields, files, e := requestFields(r.Header.Get("Content-Type"), readBody(r))
	if e != nil {
		writeAPIError(w, e)
		return
	}
	var cbType int
	if err := json.Unmarshal(fields["type"], &cbType); err != nil {
		writeAPIError(w, formError("type", "BASE_TYPE_REQUIRED", "This field is required"))
		return
	}
	if !containsInt(callbackAllowed[in.Type], cbType) {
		writeAPIError(w, formError("type", errInteractionResponseInvalid, fmt.Sprintf("Interaction response type %d is not valid for interaction type %d", cbType, in.Type)))
		return
	}
	data, err := decodeFields(fields["data"])
	if err != nil || string(fields["data"]) == "null" {
		data = map[string]json.RawMessage{}
	}

	switch cbType {
	case CallbackMessage:
		body, e := validateBody(data, len(files))
		if e != nil {
			writeAPIError(w, prefixed("data", e))
			return
		}
		data["flags"] = mustJSON(body.Flags & (FlagEphemeral | FlagSuppressEmbeds))
		s.createResponseLocked(in, data, files, SourceInteraction)
	case CallbackDeferredMessage:
		flags := 0
		var f struct {
			Flags int `json:"flags"`
		}
		if err := json.Unmarshal(mustJSON(data), &f); err == nil {
			flags = f.Flags & FlagEphemeral
		}
		s.createResponseLocked(in, map[string]json.RawMessage{"content": mustJSON(""), "flags": mustJSON(flags | FlagLoading)}, nil, SourceInteraction)
	case CallbackDeferredUpdate:
	case CallbackUpdateMessage:
		if m := s.messages[in.componentMessageID]; m != nil && !m.deleted {
			if e := s.applyEditLocked(m, data, files); e != nil {
				writeAPIError(w, prefixed("data", e))
				return
			}
		}
	case CallbackAutocompleteResult:
		if e := validateChoices(data); e != nil {
			writeAPIError(w, e)
			return
		}
	case CallbackModal:
		var modal struct {
			CustomID   string            `json:"custom_id"`
			Title      string            `json:"title"`
			Components []json.RawMessage `json:"components"`
		}
		_ = json.Unmarshal(mustJSON(data), &modal)
		switch {
		case modal.CustomID == "":
			writeAPIError(w, formError("data.custom_id", "BASE_TYPE_REQUIRED", "This field is required"))
			return
		case modal.Title == "" || utf8.RuneCountInString(modal.Title) > 45:
			writeAPIError(w, formError("data.title", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length."))
			return
		case len(modal.Components) == 0 || len(modal.Components) > 5:
			writeAPIError(w, formError("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length."))
			return
		}
	}
	in.acked = true
	in.ackedAt = now
	in.ackType = cbType
	s.notifyLocked()
	if r.URL.Query().Get("with_response") == "true" {
		resp := map[string]any{"interaction": map[string]any{"id": in.ID, "type": in.Type}, "resource": map[string]any{"type": cbType}}
		if m := s.messages[in.originalID]; m != nil && (cbType == CallbackMessage || cbType == CallbackUpdateMessage) {
			resp["resource"].(map[string]any)["message"] = s.renderMessageLocked(m, false)
		}
		writeJSON(w, 200, resp)
		return
	}
	noContent(w)
}

func containsInt(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

// prefixed nests a form error under a parent field, as Discord reports errors inside "data".
func prefixed(parent string, e *apiError) *apiError {
	if e.Errors == nil {
		return e
	}
	out := *e
	out.Errors = map[string]any{parent: e.Errors}
	return &out
}

func validateChoices(data map[string]json.RawMessage) *apiError {
	var choices []struct {
		Name  string `json:"name"`
		Value any    `json:"value"`
	}
	if raw, ok := data["choices"]; ok && string(raw) != "null" {
		if err := json.Unmarshal(raw, &choices); err != nil {
			return formError("data.choices", "BASE_TYPE_ARRAY", "Must be an array of choices.")
		}
	}
	if len(choices) > MaxAutocomplete {
		return formError("data.choices", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxAutocomplete))
	}
	for i, c := range choices {
		if n := utf8.RuneCountInString(c.Name); n < 1 || n > 100 {
			return formError(fmt.Sprintf("data.choices.%d.name", i), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
		}
		switch v := c.Value.(type) {
		case string:
			if utf8.RuneCountInString(v) > 100 {
				return formError(fmt.Sprintf("data.choices.%d.value", i), "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
			}
		case float64:
		default:
			return formError(fmt.Sprintf("data.choices.%d.value", i), "BASE_TYPE_REQUIRED", "This field is required")
		}
	}
	return nil
}

// createResponseLocked posts an interaction's original response or a follow-up into the
// interaction's channel.
func (s *Server) createResponseLocked(in *interactionState, fields map[string]json.RawMessage, files []string, source MessageSource) *messageState {
	c := s.channels[in.ChannelID]
	m := &messageState{
		id: s.newID(), channelID: c.ID, guildID: c.GuildID,
		author: s.lookupUserLocked(c.GuildID, s.opts.BotUserID),
		fields: fields, source: source, webhookToken: in.Token, created: time.Now(), files: files,
		msgType: messageSlashCommand,
	}
	delete(fields, "message_reference")
	s.applyPingsLocked(m)
	s.storeMessageLocked(m)
	if source == SourceInteraction {
		in.originalID = m.id
	} else {
		in.followups[m.id] = true
	}
	s.broadcastMessageLocked("MESSAGE_CREATE", m)
	s.notifyLocked()
	return m
}

// webhookInteractionLocked finds the interaction behind /webhooks/{app}/{token}.
func (s *Server) webhookInteractionLocked(r *http.Request) (*interactionState, *apiError) {
	in := s.interactions[r.PathValue("token")]
	if r.PathValue("app") != s.opts.ApplicationID || in == nil || !in.tokenAlive(time.Now()) {
		return nil, errUnknownWebhook
	}
	return in, nil
}

func (s *Server) handleFollowup(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in, e := s.webhookInteractionLocked(r)
	if e == nil && !in.acked {
		// Follow-ups need an acknowledged interaction; before that the webhook does not exist.
		e = errUnknownWebhook
	}
	if e != nil {
		writeAPIError(w, e)
		return
	}
	fields, files, e := requestFields(r.Header.Get("Content-Type"), readBody(r))
	if e != nil {
		writeAPIError(w, e)
		return
	}
	body, e := validateBody(fields, len(files))
	if e != nil {
		writeAPIError(w, e)
		return
	}
	// While a deferred response still shows "thinking", the first follow-up takes its place
	// and keeps the deferral's visibility, as on Discord: a private follow-up needs the
	// deferred response deleted first.
	if orig := s.messages[in.originalID]; orig != nil && !orig.deleted && orig.body().Flags&FlagLoading != 0 &&
		r.URL.Query().Get("thread_id") == "" {
		if e := s.applyEditLocked(orig, fields, files); e != nil {
			writeAPIError(w, e)
			return
		}
		if r.URL.Query().Get("wait") == "true" {
			writeJSON(w, 200, s.renderMessageLocked(orig, false))
			return
		}
		noContent(w)
		return
	}
	fields["flags"] = mustJSON(body.Flags & (FlagEphemeral | FlagSuppressEmbeds))
	target := in
	if tid := r.URL.Query().Get("thread_id"); tid != "" {
		t := s.channels[tid]
		if t == nil || t.ParentID != in.ChannelID {
			writeAPIError(w, errUnknownChannel)
			return
		}
		copied := *in
		copied.ChannelID = tid
		target = &copied
	}
	m := s.createResponseLocked(target, fields, files, SourceFollowup)
	in.followups[m.id] = true
	if r.URL.Query().Get("wait") == "true" {
		writeJSON(w, 200, s.renderMessageLocked(m, false))
		return
	}
	noContent(w)
}

func (s *Server) handleWebhookMessage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in, e := s.webhookInteractionLocked(r)
	if e != nil {
		writeAPIError(w, e)
		return
	}
	id := r.PathValue("mid")
	if id == "@original" {
		id = in.originalID
	} else if !in.followups[id] && id != in.originalID {
		id = ""
	}
	m := s.messages[id]
	if id == "" || m == nil || m.deleted {
		writeAPIError(w, errUnknownMessage)
		return
	}
	switch r.Method {
	case http.MethodGet:
		writeJSON(w, 200, s.renderMessageLocked(m, false))
	case http.MethodPatch:
		if e := s.editLocked(m, r); e != nil {
			writeAPIError(w, e)
			return
		}
		writeJSON(w, 200, s.renderMessageLocked(m, false))
	case http.MethodDelete:
		s.deleteMessageLocked(m)
		noContent(w)
	}
}
