package fakediscord

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"
)

// Message types the fake produces.
const (
	messageDefault      = 0
	messageReply        = 19
	messageSlashCommand = 20
)

func (s *Server) handleGetChannel(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[r.PathValue("cid")]
	if c == nil {
		writeAPIError(w, errUnknownChannel)
		return
	}
	writeJSON(w, 200, s.channelJSONLocked(c))
}

func (s *Server) handleTyping(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.channels[r.PathValue("cid")] == nil {
		writeAPIError(w, errUnknownChannel)
		return
	}
	noContent(w)
}

// readBody returns the request body, which serveREST has already read into memory.
func readBody(r *http.Request) []byte {
	b, _ := io.ReadAll(r.Body)
	return b
}

// resolveReferenceLocked checks a reply's target. A missing or deleted target fails the send
// with Discord's form error, unless the reference says fail_if_not_exists: false, in which case
// the message goes out as a plain message.
func (s *Server) resolveReferenceLocked(fields map[string]json.RawMessage, ref *MessageReference, channelID string) (string, *apiError) {
	if ref == nil || ref.MessageID == "" {
		delete(fields, "message_reference")
		return "", nil
	}
	target := s.messages[ref.MessageID]
	if target != nil && !target.deleted && target.channelID == channelID {
		return target.id, nil
	}
	if ref.FailIfNotExists != nil && !*ref.FailIfNotExists {
		delete(fields, "message_reference")
		return "", nil
	}
	return "", formError("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message")
}

func (s *Server) handleCreateMessage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[r.PathValue("cid")]
	if c == nil {
		writeAPIError(w, errUnknownChannel)
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
	refID, e := s.resolveReferenceLocked(fields, body.Reference, c.ID)
	if e != nil {
		writeAPIError(w, e)
		return
	}
	// Only suppress-embeds may be set on a channel message; Discord drops the rest.
	flags := body.Flags & FlagSuppressEmbeds
	fields["flags"] = mustJSON(flags)
	m := &messageState{
		id: s.newID(), channelID: c.ID, guildID: c.GuildID,
		author: s.lookupUserLocked(c.GuildID, s.opts.BotUserID),
		fields: fields, source: SourceChannel, created: time.Now(), files: files,
		referencedID: refID, msgType: messageDefault,
	}
	if refID != "" {
		m.msgType = messageReply
	}
	s.applyPingsLocked(m)
	s.storeMessageLocked(m)
	s.broadcastMessageLocked("MESSAGE_CREATE", m)
	s.notifyLocked()
	writeJSON(w, 200, s.renderMessageLocked(m, false))
}

// channelMessageLocked finds a live message in a channel.
func (s *Server) channelMessageLocked(channelID, messageID string) (*messageState, *apiError) {
	if s.channels[channelID] == nil {
		return nil, errUnknownChannel
	}
	m := s.messages[messageID]
	if m == nil || m.deleted || m.channelID != channelID {
		return nil, errUnknownMessage
	}
	return m, nil
}

func (s *Server) handleGetMessage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, e := s.channelMessageLocked(r.PathValue("cid"), r.PathValue("mid"))
	if e != nil {
		writeAPIError(w, e)
		return
	}
	writeJSON(w, 200, s.renderMessageLocked(m, s.hidesContent(!s.opts.NoMessageContent, m)))
}

// editLocked applies a PATCH to a message: fields present in the edit replace the stored ones.
// The result must still be a valid, non-empty message. Flags cannot change, except that the
// first edit of a deferred response clears its loading state.
func (s *Server) editLocked(m *messageState, r *http.Request) *apiError {
	edit, files, e := requestFields(r.Header.Get("Content-Type"), readBody(r))
	if e != nil {
		return e
	}
	return s.applyEditLocked(m, edit, files)
}

func (s *Server) applyEditLocked(m *messageState, edit map[string]json.RawMessage, files []string) *apiError {
	merged := make(map[string]json.RawMessage, len(m.fields)+len(edit))
	for k, v := range m.fields {
		merged[k] = v
	}
	for k, v := range edit {
		switch k {
		case "flags", "message_reference":
			continue
		}
		merged[k] = v
	}
	allFiles := append(append([]string(nil), m.files...), files...)
	if _, ok := edit["attachments"]; ok {
		var keep []struct {
			ID json.RawMessage `json:"id"`
		}
		_ = json.Unmarshal(edit["attachments"], &keep)
		if len(keep) == 0 {
			allFiles = files
		}
	}
	if _, e := validateBody(merged, len(allFiles)); e != nil {
		return e
	}
	old := m.body()
	merged["flags"] = mustJSON(old.Flags &^ FlagLoading)
	m.fields = merged
	m.files = allFiles
	m.edits++
	m.edited = time.Now()
	s.applyPingsLocked(m)
	s.broadcastMessageLocked("MESSAGE_UPDATE", m)
	s.notifyLocked()
	return nil
}

func (s *Server) handleEditMessage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, e := s.channelMessageLocked(r.PathValue("cid"), r.PathValue("mid"))
	if e == nil && m.author.ID != s.opts.BotUserID {
		e = errNotAuthor
	}
	if e == nil {
		e = s.editLocked(m, r)
	}
	if e != nil {
		writeAPIError(w, e)
		return
	}
	writeJSON(w, 200, s.renderMessageLocked(m, false))
}

func (s *Server) handleDeleteMessage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, e := s.channelMessageLocked(r.PathValue("cid"), r.PathValue("mid"))
	if e != nil {
		writeAPIError(w, e)
		return
	}
	s.deleteMessageLocked(m)
	noContent(w)
}

func (s *Server) handleListMessages(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[r.PathValue("cid")]
	if c == nil {
		writeAPIError(w, errUnknownChannel)
		return
	}
	q := r.URL.Query()
	limit := 50
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			writeAPIError(w, formError("limit", "NUMBER_TYPE_MAX", "Int value should be between 1 and 100."))
			return
		}
		limit = n
	}
	var msgs []*messageState
	if around := q.Get("around"); around != "" {
		all := s.channelMessagesLocked(c, 1<<30, "", "")
		pos := len(all)
		for i, m := range all {
			if !snowflakeLess(around, m.id) {
				pos = i
				break
			}
		}
		start := max(pos-limit/2, 0)
		end := min(start+limit, len(all))
		msgs = all[start:end]
	} else {
		msgs = s.channelMessagesLocked(c, limit, q.Get("before"), q.Get("after"))
	}
	out := make([]any, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, s.renderMessageLocked(m, s.hidesContent(!s.opts.NoMessageContent, m)))
	}
	writeJSON(w, 200, out)
}

func (s *Server) handleReaction(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, e := s.channelMessageLocked(r.PathValue("cid"), r.PathValue("mid"))
	if e != nil {
		writeAPIError(w, e)
		return
	}
	emoji := r.PathValue("emoji")
	if r.Method == http.MethodPut {
		if !contains(m.reactions, emoji) {
			m.reactions = append(m.reactions, emoji)
		}
	} else {
		for i, x := range m.reactions {
			if x == emoji {
				m.reactions = append(m.reactions[:i], m.reactions[i+1:]...)
				break
			}
		}
	}
	s.notifyLocked()
	noContent(w)
}

type threadRequest struct {
	Name                string `json:"name"`
	AutoArchiveDuration int    `json:"auto_archive_duration"`
	Type                int    `json:"type"`
}

func parseThreadRequest(r *http.Request) (threadRequest, *apiError) {
	var req threadRequest
	fields, _, e := requestFields(r.Header.Get("Content-Type"), readBody(r))
	if e != nil {
		return req, e
	}
	if err := json.Unmarshal(mustJSON(fields), &req); err != nil {
		return req, formError("_body", "INVALID_FORM_BODY", "Invalid form body: "+err.Error())
	}
	if n := utf8.RuneCountInString(req.Name); n < 1 || n > 100 {
		return req, formError("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
	}
	switch req.AutoArchiveDuration {
	case 0:
		req.AutoArchiveDuration = 4320
	case 60, 1440, 4320, 10080:
	default:
		return req, formError("auto_archive_duration", "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be one of {60, 1440, 4320, 10080}, not %d.", req.AutoArchiveDuration))
	}
	return req, nil
}

// createThreadLocked registers a thread and tells the gateway about it.
func (s *Server) createThreadLocked(id string, parent *channelState, req threadRequest, fromMessage string) *channelState {
	t := &channelState{
		Channel:     Channel{ID: id, Name: req.Name, Type: req.Type, ParentID: parent.ID, GuildID: parent.GuildID},
		ownerID:     s.opts.BotUserID,
		created:     time.Now(),
		autoArchive: req.AutoArchiveDuration,
		fromMessage: fromMessage,
	}
	s.channels[id] = t
	payload := s.channelJSONLocked(t)
	payload["newly_created"] = true
	for _, sess := range s.liveSessionsLocked() {
		if sess.wantsGuild(t.GuildID) && sess.intents&intentGuilds != 0 {
			s.dispatchLocked(sess, "THREAD_CREATE", payload)
		}
	}
	s.notifyLocked()
	return t
}

func threadParentOK(c *channelState) bool {
	return c.GuildID != "" && (c.Type == ChannelText || c.Type == ChannelAnnouncement)
}

// handleMessageThread starts a thread from a message. As on Discord, the thread takes the
// message's ID.
func (s *Server) handleMessageThread(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, e := s.channelMessageLocked(r.PathValue("cid"), r.PathValue("mid"))
	if e != nil {
		writeAPIError(w, e)
		return
	}
	parent := s.channels[m.channelID]
	if !threadParentOK(parent) {
		writeAPIError(w, errWrongChannelType)
		return
	}
	if m.threadID != "" {
		writeAPIError(w, errThreadExists)
		return
	}
	req, e := parseThreadRequest(r)
	if e != nil {
		writeAPIError(w, e)
		return
	}
	req.Type = ChannelPublicThread
	t := s.createThreadLocked(m.id, parent, req, m.id)
	m.threadID = t.ID
	writeJSON(w, 201, s.channelJSONLocked(t))
}

func (s *Server) handleThread(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	parent := s.channels[r.PathValue("cid")]
	if parent == nil {
		writeAPIError(w, errUnknownChannel)
		return
	}
	if !threadParentOK(parent) {
		writeAPIError(w, errWrongChannelType)
		return
	}
	req, e := parseThreadRequest(r)
	if e != nil {
		writeAPIError(w, e)
		return
	}
	switch req.Type {
	case 0:
		// API v9 and later default to a private thread, as Discord documents.
		req.Type = ChannelPrivateThread
	case ChannelPublicThread, ChannelPrivateThread, 10:
	default:
		writeAPIError(w, formError("type", "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be one of {10, 11, 12}, not %d.", req.Type)))
		return
	}
	t := s.createThreadLocked(s.newID(), parent, req, "")
	writeJSON(w, 201, s.channelJSONLocked(t))
}
