package fakediscord

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Message flags the fake interprets.
const (
	FlagSuppressEmbeds = 1 << 2
	FlagEphemeral      = 1 << 6
	FlagLoading        = 1 << 7
)

// Discord's message limits, counted in characters.
const (
	MaxContent          = 2000
	MaxEmbeds           = 10
	MaxEmbedTitle       = 256
	MaxEmbedDescription = 4096
	MaxEmbedFields      = 25
	MaxEmbedFieldName   = 256
	MaxEmbedFieldValue  = 1024
	MaxEmbedFooter      = 2048
	MaxEmbedAuthor      = 256
	MaxEmbedTotal       = 6000
	MaxActionRows       = 5
	MaxRowComponents    = 5
	MaxAutocomplete     = 25
)

// MessageSource says how a message came to be.
type MessageSource string

// Message sources.
const (
	SourceUser        MessageSource = "user"        // dispatched by the test with SendMessage
	SourceChannel     MessageSource = "channel"     // POST /channels/{id}/messages
	SourceInteraction MessageSource = "interaction" // an interaction's original response
	SourceFollowup    MessageSource = "followup"    // POST /webhooks/{app}/{token}
)

// MessageBody is the part of a message a bot writes, decoded from what it sent.
type MessageBody struct {
	Content         string            `json:"content"`
	Embeds          []Embed           `json:"embeds"`
	Components      []Component       `json:"components"`
	AllowedMentions *AllowedMentions  `json:"allowed_mentions"`
	Reference       *MessageReference `json:"message_reference"`
	Flags           int               `json:"flags"`
}

// Embed is a rich embed.
type Embed struct {
	Type        string       `json:"type,omitempty"`
	Title       string       `json:"title,omitempty"`
	Description string       `json:"description,omitempty"`
	URL         string       `json:"url,omitempty"`
	Timestamp   string       `json:"timestamp,omitempty"`
	Color       int          `json:"color,omitempty"`
	Footer      *EmbedFooter `json:"footer,omitempty"`
	Author      *EmbedAuthor `json:"author,omitempty"`
	Fields      []EmbedField `json:"fields,omitempty"`
	Image       *EmbedMedia  `json:"image,omitempty"`
	Thumbnail   *EmbedMedia  `json:"thumbnail,omitempty"`
}

// EmbedFooter is an embed's footer.
type EmbedFooter struct {
	Text    string `json:"text"`
	IconURL string `json:"icon_url,omitempty"`
}

// EmbedAuthor is an embed's author line.
type EmbedAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// EmbedField is one name/value field of an embed.
type EmbedField struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline,omitempty"`
}

// EmbedMedia is an embed image or thumbnail.
type EmbedMedia struct {
	URL string `json:"url"`
}

// Size is the embed's length as Discord counts it against the 6,000-character total: title,
// description, field names and values, footer text and author name.
func (e Embed) Size() int {
	n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
	for _, f := range e.Fields {
		n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	if e.Footer != nil {
		n += utf8.RuneCountInString(e.Footer.Text)
	}
	if e.Author != nil {
		n += utf8.RuneCountInString(e.Author.Name)
	}
	return n
}

// Component is a message component: an action row holding buttons and select menus.
type Component struct {
	Type        int             `json:"type"`
	CustomID    string          `json:"custom_id,omitempty"`
	Label       string          `json:"label,omitempty"`
	Style       int             `json:"style,omitempty"`
	URL         string          `json:"url,omitempty"`
	Disabled    bool            `json:"disabled,omitempty"`
	Emoji       *ComponentEmoji `json:"emoji,omitempty"`
	Placeholder string          `json:"placeholder,omitempty"`
	Components  []Component     `json:"components,omitempty"`
}

// ComponentEmoji is a button's emoji.
type ComponentEmoji struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// AllowedMentions is a message's allowed_mentions: who it may ping.
type AllowedMentions struct {
	Parse       []string `json:"parse"`
	Users       []string `json:"users"`
	Roles       []string `json:"roles"`
	RepliedUser bool     `json:"replied_user"`
}

// AllowsNone reports whether the message may ping no one at all.
func (a AllowedMentions) AllowsNone() bool {
	return len(a.Parse) == 0 && len(a.Users) == 0 && len(a.Roles) == 0 && !a.RepliedUser
}

// MessageReference points a reply at the message it answers.
type MessageReference struct {
	MessageID       string `json:"message_id"`
	ChannelID       string `json:"channel_id,omitempty"`
	GuildID         string `json:"guild_id,omitempty"`
	FailIfNotExists *bool  `json:"fail_if_not_exists,omitempty"`
}

// Ephemeral reports whether only the invoking user sees the message.
func (b MessageBody) Ephemeral() bool { return b.Flags&FlagEphemeral != 0 }

// MentionsSuppressed reports whether the message carries an allowed_mentions that pings no one.
// A message without allowed_mentions pings everything its content mentions.
func (b MessageBody) MentionsSuppressed() bool {
	return b.AllowedMentions != nil && b.AllowedMentions.AllowsNone()
}

// Text joins the content and the embeds' visible text, for assertions on what a reader sees.
func (b MessageBody) Text() string {
	parts := []string{}
	if b.Content != "" {
		parts = append(parts, b.Content)
	}
	for _, e := range b.Embeds {
		if e.Author != nil && e.Author.Name != "" {
			parts = append(parts, e.Author.Name)
		}
		for _, s := range []string{e.Title, e.Description} {
			if s != "" {
				parts = append(parts, s)
			}
		}
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil && e.Footer.Text != "" {
			parts = append(parts, e.Footer.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// Buttons flattens the components into the interactive ones, in order.
func (b MessageBody) Buttons() []Component { return b.allComponents() }

func (b MessageBody) allComponents() []Component {
	var out []Component
	var walk func([]Component)
	walk = func(cs []Component) {
		for _, c := range cs {
			if c.Type == 1 {
				walk(c.Components)
				continue
			}
			out = append(out, c)
		}
	}
	walk(b.Components)
	return out
}

// Pings is who a message notifies.
type Pings struct {
	Everyone bool
	Users    []string
	Roles    []string
}

// None reports whether the message notifies nobody.
func (p Pings) None() bool { return !p.Everyone && len(p.Users) == 0 && len(p.Roles) == 0 }

// SentMessage is a message in a channel, as the fake holds it: the bot's (sent through REST)
// and the users' (dispatched by the test).
type SentMessage struct {
	ID               string
	ChannelID        string
	GuildID          string
	AuthorID         string
	FromBot          bool // written by the fake's bot user
	Source           MessageSource
	InteractionToken string // for interaction responses and follow-ups
	MessageBody
	// Pings accumulates whom the message's content would notify at creation and at each edit,
	// given its allowed_mentions. It over-counts rather than under-counts, so a test asserting
	// that nobody is pinged stays honest.
	Pings     Pings
	Files     []string
	Reactions []string
	ThreadID  string // the thread started from this message
	Created   time.Time
	Edited    time.Time // zero if never edited
	Edits     int
}

type messageState struct {
	id           string
	channelID    string
	guildID      string
	author       userInfo
	fields       map[string]json.RawMessage // the bot's payload fields, or content for users
	source       MessageSource
	webhookToken string
	created      time.Time
	edited       time.Time
	edits        int
	deleted      bool
	files        []string
	reactions    []string
	threadID     string
	referencedID string
	msgType      int

	mentions        []string // resolved user mentions
	mentionRoles    []string
	mentionEveryone bool
	pings           Pings
}

// body decodes the stored fields; they were validated on the way in, so this cannot fail.
func (m *messageState) body() MessageBody {
	b, _ := decodeBody(m.fields)
	return b
}

func decodeBody(fields map[string]json.RawMessage) (MessageBody, error) {
	raw, err := json.Marshal(fields)
	if err != nil {
		return MessageBody{}, err
	}
	var b MessageBody
	if err := json.Unmarshal(raw, &b); err != nil {
		return MessageBody{}, err
	}
	return b, nil
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("fakediscord: encode %T: %v", v, err))
	}
	return b
}

func (s *Server) storeMessageLocked(m *messageState) {
	s.messages[m.id] = m
	c := s.channels[m.channelID]
	c.messageOrder = append(c.messageOrder, m.id)
}

func (s *Server) sentMessageLocked(m *messageState) SentMessage {
	return SentMessage{
		ID: m.id, ChannelID: m.channelID, GuildID: m.guildID, AuthorID: m.author.ID,
		FromBot: m.author.ID == s.opts.BotUserID, Source: m.source, InteractionToken: m.webhookToken,
		MessageBody: m.body(), Pings: m.pings,
		Files:     append([]string(nil), m.files...),
		Reactions: append([]string(nil), m.reactions...),
		ThreadID:  m.threadID, Created: m.created, Edited: m.edited, Edits: m.edits,
	}
}

// MessagesIn lists the live (not deleted) messages in a channel or thread, oldest first: the
// users' and the bot's, including ephemeral interaction responses.
func (s *Server) MessagesIn(channelID string) []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[channelID]
	if c == nil {
		return nil
	}
	var out []SentMessage
	for _, id := range c.messageOrder {
		if m := s.messages[id]; m != nil && !m.deleted {
			out = append(out, s.sentMessageLocked(m))
		}
	}
	return out
}

// BotMessagesIn is MessagesIn restricted to the bot's own messages.
func (s *Server) BotMessagesIn(channelID string) []SentMessage {
	var out []SentMessage
	for _, m := range s.MessagesIn(channelID) {
		if m.FromBot {
			out = append(out, m)
		}
	}
	return out
}

// MessageByID returns a message, deleted or not.
func (s *Server) MessageByID(id string) (msg SentMessage, deleted, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[id]
	if m == nil {
		return SentMessage{}, false, false
	}
	return s.sentMessageLocked(m), m.deleted, true
}

// renderMessageLocked builds the Message object Discord returns and dispatches. hide empties
// what the MESSAGE_CONTENT intent guards.
func (s *Server) renderMessageLocked(m *messageState, hide bool) map[string]any {
	out := map[string]any{
		"id":               m.id,
		"channel_id":       m.channelID,
		"author":           s.userJSON(m.author),
		"content":          "",
		"timestamp":        timestamp(m.created),
		"edited_timestamp": nil,
		"tts":              false,
		"mention_everyone": m.mentionEveryone,
		"mention_roles":    nonNil(m.mentionRoles),
		"attachments":      []any{},
		"embeds":           []any{},
		"components":       []any{},
		"pinned":           false,
		"type":             m.msgType,
		"flags":            0,
	}
	mentions := []any{}
	for _, id := range m.mentions {
		mentions = append(mentions, s.userJSON(s.lookupUserLocked(m.guildID, id)))
	}
	out["mentions"] = mentions
	if m.guildID != "" {
		out["guild_id"] = m.guildID
	}
	if !m.edited.IsZero() {
		out["edited_timestamp"] = timestamp(m.edited)
	}
	for _, k := range []string{"content", "embeds", "components", "flags", "tts", "poll"} {
		if v, ok := m.fields[k]; ok && string(v) != "null" {
			out[k] = v
		}
	}
	if len(m.files) > 0 {
		atts := []any{}
		for i, name := range m.files {
			attID := fmt.Sprintf("%s%d", m.id, i)
			atts = append(atts, map[string]any{
				"id": attID, "filename": name, "size": 0,
				"url":       "https://cdn.discordapp.com/attachments/" + m.channelID + "/" + attID + "/" + name,
				"proxy_url": "https://media.discordapp.net/attachments/" + m.channelID + "/" + attID + "/" + name,
			})
		}
		out["attachments"] = atts
	}
	if m.webhookToken != "" {
		out["webhook_id"] = s.opts.ApplicationID
		out["application_id"] = s.opts.ApplicationID
	}
	if m.referencedID != "" {
		ref := map[string]any{"message_id": m.referencedID, "channel_id": m.channelID}
		if m.guildID != "" {
			ref["guild_id"] = m.guildID
		}
		out["message_reference"] = ref
		out["referenced_message"] = nil
		if r := s.messages[m.referencedID]; r != nil && !r.deleted {
			// Discord nests one level: the replied-to message keeps its own
			// message_reference but not the message that one points at.
			ref := s.renderMessageLocked(r, hide && s.hidesContent(false, r))
			delete(ref, "referenced_message")
			out["referenced_message"] = ref
		}
	}
	if m.threadID != "" {
		if c := s.channels[m.threadID]; c != nil {
			out["thread"] = s.channelJSONLocked(c)
		}
	}
	if len(m.reactions) > 0 {
		counts := map[string]int{}
		var order []string
		for _, r := range m.reactions {
			if counts[r] == 0 {
				order = append(order, r)
			}
			counts[r]++
		}
		reactions := []any{}
		for _, r := range order {
			reactions = append(reactions, map[string]any{"count": counts[r], "me": true, "emoji": map[string]any{"id": nil, "name": r}})
		}
		out["reactions"] = reactions
	}
	if hide {
		out["content"] = ""
		out["embeds"] = []any{}
		out["attachments"] = []any{}
		out["components"] = []any{}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// pingsFor works out whom content would notify under allowed_mentions, following Discord's
// rules: without allowed_mentions every mention in the content pings; with it, only the types
// in parse, the listed users and roles, and the replied-to author when replied_user is true.
func pingsFor(content string, am *AllowedMentions, repliedAuthor string) Pings {
	users := uniqueMatches(userMentionRE, content)
	roles := uniqueMatches(roleMentionRE, content)
	everyone := strings.Contains(content, "@everyone") || strings.Contains(content, "@here")
	if am == nil {
		p := Pings{Everyone: everyone, Users: users, Roles: roles}
		if repliedAuthor != "" {
			p.Users = appendUnique(p.Users, repliedAuthor)
		}
		return p
	}
	has := func(kind string) bool {
		for _, k := range am.Parse {
			if k == kind {
				return true
			}
		}
		return false
	}
	var p Pings
	p.Everyone = everyone && has("everyone")
	for _, u := range users {
		if has("users") || contains(am.Users, u) {
			p.Users = append(p.Users, u)
		}
	}
	for _, r := range roles {
		if has("roles") || contains(am.Roles, r) {
			p.Roles = append(p.Roles, r)
		}
	}
	if am.RepliedUser && repliedAuthor != "" {
		p.Users = appendUnique(p.Users, repliedAuthor)
	}
	return p
}

func (p Pings) merge(q Pings) Pings {
	p.Everyone = p.Everyone || q.Everyone
	for _, u := range q.Users {
		p.Users = appendUnique(p.Users, u)
	}
	for _, r := range q.Roles {
		p.Roles = appendUnique(p.Roles, r)
	}
	return p
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func appendUnique(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	return append(list, s)
}

// applyPingsLocked records whom the message's current content notifies.
func (s *Server) applyPingsLocked(m *messageState) {
	b := m.body()
	replied := ""
	if m.referencedID != "" {
		if r := s.messages[m.referencedID]; r != nil {
			replied = r.author.ID
		}
	}
	now := pingsFor(b.Content, b.AllowedMentions, replied)
	m.pings = m.pings.merge(now)
	m.mentions = now.Users
	m.mentionRoles = now.Roles
	m.mentionEveryone = now.Everyone
}

// apiError is an error answer in Discord's shape.
type apiError struct {
	Status  int
	Code    int
	Message string
	Errors  map[string]any // Invalid Form Body details, keyed by field path
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s (code %d)", e.Status, e.Message, e.Code) }

func (e *apiError) body() map[string]any {
	out := map[string]any{"message": e.Message, "code": e.Code}
	if len(e.Errors) > 0 {
		out["errors"] = e.Errors
	}
	return out
}

// formError builds a 400 Invalid Form Body with one error at a dotted field path such as
// "embeds.0.description", nested as Discord nests it.
func formError(path, code, message string) *apiError {
	leaf := map[string]any{"_errors": []any{map[string]any{"code": code, "message": message}}}
	parts := strings.Split(path, ".")
	var node any = leaf
	for i := len(parts) - 1; i >= 0; i-- {
		node = map[string]any{parts[i]: node}
	}
	return &apiError{Status: 400, Code: 50035, Message: "Invalid Form Body", Errors: node.(map[string]any)}
}

var errEmptyMessage = &apiError{Status: 400, Code: 50006, Message: "Cannot send an empty message"}

func maxLen(path string, s string, limit int) *apiError {
	if utf8.RuneCountInString(s) > limit {
		return formError(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", limit))
	}
	return nil
}

// validateBody checks a message payload against Discord's limits. files is the number of
// uploaded files, which make an otherwise empty message non-empty.
func validateBody(fields map[string]json.RawMessage, files int) (MessageBody, *apiError) {
	b, err := decodeBody(fields)
	if err != nil {
		return MessageBody{}, formError("_body", "INVALID_FORM_BODY", "Invalid form body: "+err.Error())
	}
	if e := maxLen("content", b.Content, MaxContent); e != nil {
		return b, e
	}
	if len(b.Embeds) > MaxEmbeds {
		return b, formError("embeds", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxEmbeds))
	}
	total := 0
	for i, e := range b.Embeds {
		p := fmt.Sprintf("embeds.%d.", i)
		checks := []*apiError{
			maxLen(p+"title", e.Title, MaxEmbedTitle),
			maxLen(p+"description", e.Description, MaxEmbedDescription),
		}
		if e.Footer != nil {
			checks = append(checks, maxLen(p+"footer.text", e.Footer.Text, MaxEmbedFooter))
		}
		if e.Author != nil {
			checks = append(checks, maxLen(p+"author.name", e.Author.Name, MaxEmbedAuthor))
		}
		if len(e.Fields) > MaxEmbedFields {
			checks = append(checks, formError(p+"fields", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxEmbedFields)))
		}
		for j, f := range e.Fields {
			fp := fmt.Sprintf("%sfields.%d.", p, j)
			if f.Name == "" {
				checks = append(checks, formError(fp+"name", "BASE_TYPE_REQUIRED", "This field is required"))
			}
			if f.Value == "" {
				checks = append(checks, formError(fp+"value", "BASE_TYPE_REQUIRED", "This field is required"))
			}
			checks = append(checks, maxLen(fp+"name", f.Name, MaxEmbedFieldName), maxLen(fp+"value", f.Value, MaxEmbedFieldValue))
		}
		for _, c := range checks {
			if c != nil {
				return b, c
			}
		}
		total += e.Size()
	}
	if total > MaxEmbedTotal {
		return b, formError("embeds", "MAX_EMBED_SIZE_EXCEEDED", fmt.Sprintf("Embed size exceeds maximum size of %d", MaxEmbedTotal))
	}
	if len(b.Components) > MaxActionRows {
		return b, formError("components", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxActionRows))
	}
	for i, row := range b.Components {
		if row.Type != 1 {
			continue
		}
		if len(row.Components) > MaxRowComponents {
			return b, formError(fmt.Sprintf("components.%d.components", i), "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxRowComponents))
		}
		for j, c := range row.Components {
			p := fmt.Sprintf("components.%d.components.%d.", i, j)
			if e := maxLen(p+"custom_id", c.CustomID, 100); e != nil {
				return b, e
			}
			if e := maxLen(p+"label", c.Label, 80); e != nil {
				return b, e
			}
			if c.Type == 2 && c.Style != 5 && c.CustomID == "" {
				return b, formError(p+"custom_id", "BASE_TYPE_REQUIRED", "This field is required")
			}
		}
	}
	_, hasPoll := fields["poll"]
	_, hasStickers := fields["sticker_ids"]
	if strings.TrimSpace(b.Content) == "" && len(b.Embeds) == 0 && len(b.Components) == 0 && files == 0 && !hasPoll && !(hasStickers && string(fields["sticker_ids"]) != "null" && string(fields["sticker_ids"]) != "[]") {
		return b, errEmptyMessage
	}
	return b, nil
}

// channelMessagesLocked returns the live messages of a channel newest first, paged like
// GET /channels/{id}/messages.
func (s *Server) channelMessagesLocked(c *channelState, limit int, before, after string) []*messageState {
	var out []*messageState
	ids := append([]string(nil), c.messageOrder...)
	sort.SliceStable(ids, func(i, j int) bool { return snowflakeLess(ids[j], ids[i]) })
	for _, id := range ids {
		m := s.messages[id]
		if m == nil || m.deleted || m.body().Ephemeral() {
			continue
		}
		if before != "" && !snowflakeLess(id, before) {
			continue
		}
		if after != "" && !snowflakeLess(after, id) {
			continue
		}
		out = append(out, m)
	}
	if after != "" && before == "" {
		// Discord pages forward from "after": the oldest messages past it, still newest first.
		if len(out) > limit {
			out = out[len(out)-limit:]
		}
		return out
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
