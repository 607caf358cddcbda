package fakediscord

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"time"
)

// Interaction types.
const (
	InteractionCommand      = 2
	InteractionComponent    = 3
	InteractionAutocomplete = 4
	InteractionModalSubmit  = 5
)

// defaultUserID is the member a test speaks as when it names nobody.
const defaultUserID = "1000"

// Interaction is an INTERACTION_CREATE to dispatch. Zero fields get sensible values: Type is
// inferred from Name or CustomID, UserID is "1000", roles and permissions come from the guild's
// member list.
type Interaction struct {
	Type              int // InteractionCommand, InteractionComponent, InteractionAutocomplete, InteractionModalSubmit
	GuildID           string
	ChannelID         string
	UserID            string
	Username          string
	MemberRoles       []string
	MemberPermissions string // decimal bit set; computed from the guild when empty
	AppPermissions    string // the bot's permissions in the channel; computed when empty
	Locale            string // default "en-US"

	Name    string   // command name, for commands and autocomplete
	Options []Option // command options

	CustomID  string   // component or modal custom_id
	Values    []string // select menu values
	MessageID string   // the message carrying the component; default: the newest bot message with that custom_id
}

// Option is a command option as the user filled it in. Value is a string, a number or a bool,
// as Discord sends it for the option's type. Subcommands (types 1 and 2) carry Options.
type Option struct {
	Name    string
	Type    int
	Value   any
	Focused bool
	Options []Option
}

// Command option types.
const (
	OptionSubcommand      = 1
	OptionSubcommandGroup = 2
	OptionString          = 3
	OptionInteger         = 4
	OptionBoolean         = 5
	OptionUser            = 6
	OptionChannel         = 7
	OptionRole            = 8
	OptionMentionable     = 9
	OptionNumber          = 10
)

type interactionState struct {
	ID        string
	Token     string
	Type      int
	Name      string
	CustomID  string
	GuildID   string
	ChannelID string
	UserID    string
	SentAt    time.Time

	acked              bool
	ackedAt            time.Time
	ackType            int
	expired            bool
	originalID         string // the message @original refers to
	componentMessageID string
	followups          map[string]bool
}

// InteractionRecord is what happened to one dispatched interaction.
type InteractionRecord struct {
	ID, Token, Name, CustomID  string
	Type                       int
	GuildID, ChannelID, UserID string
	SentAt                     time.Time
	AckedAt                    time.Time // zero until the first callback succeeded
	AckType                    int       // the callback type that acknowledged it
	OriginalMessageID          string    // the response message, once there is one
}

// AckLatency is the time from dispatch to acknowledgement; false while unacknowledged.
func (r InteractionRecord) AckLatency() (time.Duration, bool) {
	if r.AckedAt.IsZero() {
		return 0, false
	}
	return r.AckedAt.Sub(r.SentAt), true
}

// Interactions lists every dispatched interaction, oldest first.
func (s *Server) Interactions() []InteractionRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]InteractionRecord, 0, len(s.interOrder))
	for _, in := range s.interOrder {
		out = append(out, InteractionRecord{
			ID: in.ID, Token: in.Token, Name: in.Name, CustomID: in.CustomID, Type: in.Type,
			GuildID: in.GuildID, ChannelID: in.ChannelID, UserID: in.UserID,
			SentAt: in.SentAt, AckedAt: in.ackedAt, AckType: in.ackType, OriginalMessageID: in.originalID,
		})
	}
	return out
}

// ExpireInteraction ends an interaction token's life early, as 15 minutes would: callbacks then
// get 404 Unknown interaction and webhook calls 404 Unknown Webhook.
func (s *Server) ExpireInteraction(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if in := s.interactions[token]; in != nil {
		in.expired = true
	}
}

func (in *interactionState) tokenAlive(now time.Time) bool {
	return !in.expired && now.Sub(in.SentAt) < interactionTokenLifetime
}

// SendInteraction dispatches INTERACTION_CREATE to the connected client(s) and returns the
// interaction's ID and token, under which its responses are recorded.
func (s *Server) SendInteraction(in Interaction) (id, token string) {
	if in.ChannelID == "" {
		panic("fakediscord: SendInteraction needs a ChannelID")
	}
	if in.Type == 0 {
		in.Type = InteractionCommand
		if in.CustomID != "" {
			in.Type = InteractionComponent
		}
	}
	switch in.Type {
	case InteractionCommand, InteractionAutocomplete:
		if in.Name == "" {
			panic("fakediscord: SendInteraction of a command or autocomplete needs a Name")
		}
	case InteractionComponent, InteractionModalSubmit:
		if in.CustomID == "" {
			panic("fakediscord: SendInteraction of a component or modal needs a CustomID")
		}
	default:
		panic(fmt.Sprintf("fakediscord: SendInteraction: unsupported interaction type %d (want 2, 3, 4 or 5)", in.Type))
	}
	if in.UserID == "" {
		in.UserID = defaultUserID
	}
	if in.Locale == "" {
		in.Locale = "en-US"
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.ensureChannelLocked(in.ChannelID, in.GuildID)
	id = s.newID()
	token = "fake-interaction-token-" + id
	st := &interactionState{
		ID: id, Token: token, Type: in.Type, Name: in.Name, CustomID: in.CustomID,
		GuildID: in.GuildID, ChannelID: in.ChannelID, UserID: in.UserID, SentAt: time.Now(),
		followups: map[string]bool{},
	}
	payload := s.interactionPayloadLocked(in, st)
	s.interactions[token] = st
	s.interOrder = append(s.interOrder, st)
	for _, sess := range s.liveSessionsLocked() {
		if sess.wantsGuild(in.GuildID) {
			s.dispatchLocked(sess, "INTERACTION_CREATE", payload)
		}
	}
	s.notifyLocked()
	return id, token
}

func (s *Server) interactionPayloadLocked(in Interaction, st *interactionState) map[string]any {
	user := s.lookupUserLocked(in.GuildID, in.UserID)
	if in.Username != "" {
		user.Username = in.Username
	}
	out := map[string]any{
		"id":             st.ID,
		"application_id": s.opts.ApplicationID,
		"type":           in.Type,
		"token":          st.Token,
		"version":        1,
		"channel_id":     in.ChannelID,
		"locale":         in.Locale,
		"entitlements":   []any{},
	}
	channel := s.channels[in.ChannelID]
	out["channel"] = s.channelJSONLocked(channel)
	if in.GuildID != "" {
		out["guild_id"] = in.GuildID
		out["guild_locale"] = "en-US"
		out["context"] = 0
		member := s.memberJSONLocked(in.GuildID, in.UserID, false)
		member["user"] = s.userJSON(user)
		roles := in.MemberRoles
		if roles == nil {
			roles = s.memberRolesLocked(in.GuildID, in.UserID)
		}
		if roles == nil {
			roles = []string{}
		}
		member["roles"] = roles
		perms := in.MemberPermissions
		if perms == "" {
			perms = strconv.FormatUint(s.permissionsLocked(in.GuildID, in.UserID, roles), 10)
		}
		member["permissions"] = perms
		out["member"] = member
		app := in.AppPermissions
		if app == "" {
			app = strconv.FormatUint(s.permissionsLocked(in.GuildID, s.opts.BotUserID, nil), 10)
		}
		out["app_permissions"] = app
	} else {
		out["user"] = s.userJSON(user)
		out["context"] = 1
		if in.AppPermissions != "" {
			out["app_permissions"] = in.AppPermissions
		}
	}

	switch in.Type {
	case InteractionCommand, InteractionAutocomplete:
		data := map[string]any{
			"id":   s.commandIDLocked(in.GuildID, in.Name),
			"name": in.Name,
			"type": 1,
		}
		if in.GuildID != "" {
			data["guild_id"] = in.GuildID
		}
		if len(in.Options) > 0 {
			data["options"] = optionsJSON(in.Options)
			if resolved := s.resolvedLocked(in.GuildID, in.Options); resolved != nil {
				data["resolved"] = resolved
			}
		}
		out["data"] = data
	case InteractionComponent:
		data := map[string]any{"custom_id": in.CustomID, "component_type": 2}
		if in.Values != nil {
			data["component_type"] = 3
			data["values"] = in.Values
		}
		out["data"] = data
		msgID := in.MessageID
		if msgID == "" {
			msgID = s.findComponentMessageLocked(in.ChannelID, in.CustomID)
		}
		if m := s.messages[msgID]; m != nil && !m.deleted {
			out["message"] = s.renderMessageLocked(m, false)
			st.componentMessageID = m.id
			st.originalID = m.id
		} else {
			// Discord always sends the message a component sits on; without one to point at,
			// send a placeholder so a handler reading it does not dereference nil.
			out["message"] = map[string]any{
				"id": s.newID(), "channel_id": in.ChannelID, "content": "", "timestamp": timestamp(time.Now()),
				"author": s.userJSON(userInfo{ID: s.opts.BotUserID, Username: s.opts.BotName, Bot: true}),
				"embeds": []any{}, "attachments": []any{}, "mentions": []any{}, "mention_roles": []any{}, "components": []any{},
			}
		}
	case InteractionModalSubmit:
		out["data"] = map[string]any{"custom_id": in.CustomID, "components": []any{}}
	}
	return out
}

func optionsJSON(opts []Option) []any {
	out := make([]any, 0, len(opts))
	for _, o := range opts {
		typ := o.Type
		if typ == 0 {
			typ = OptionString
		}
		m := map[string]any{"name": o.Name, "type": typ}
		if o.Value != nil {
			m["value"] = o.Value
		}
		if o.Focused {
			m["focused"] = true
		}
		if len(o.Options) > 0 {
			m["options"] = optionsJSON(o.Options)
		}
		out = append(out, m)
	}
	return out
}

// resolvedLocked fills data.resolved for user, channel and role options, as Discord does.
func (s *Server) resolvedLocked(guildID string, opts []Option) map[string]any {
	users, members, channels, roles := map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}
	var walk func([]Option)
	walk = func(opts []Option) {
		for _, o := range opts {
			walk(o.Options)
			id, ok := o.Value.(string)
			if !ok {
				continue
			}
			switch o.Type {
			case OptionUser, OptionMentionable:
				users[id] = s.userJSON(s.lookupUserLocked(guildID, id))
				if guildID != "" {
					members[id] = s.memberJSONLocked(guildID, id, false)
				}
			case OptionChannel:
				if c := s.channels[id]; c != nil {
					channels[id] = s.channelJSONLocked(c)
				}
			case OptionRole:
				if g := s.guildByID[guildID]; g != nil {
					for _, r := range s.rolesJSON(g) {
						if r.(map[string]any)["id"] == id {
							roles[id] = r
						}
					}
				}
			}
		}
	}
	walk(opts)
	out := map[string]any{}
	for k, v := range map[string]map[string]any{"users": users, "members": members, "channels": channels, "roles": roles} {
		if len(v) > 0 {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (s *Server) findComponentMessageLocked(channelID, customID string) string {
	c := s.channels[channelID]
	if c == nil {
		return ""
	}
	for i := len(c.messageOrder) - 1; i >= 0; i-- {
		m := s.messages[c.messageOrder[i]]
		if m == nil || m.deleted || m.author.ID != s.opts.BotUserID {
			continue
		}
		for _, comp := range m.body().allComponents() {
			if comp.CustomID == customID {
				return m.id
			}
		}
	}
	return ""
}

// Message is a MESSAGE_CREATE from a user. Mentions and MentionRoles, when nil, are parsed from
// Content (<@id>, <@!id>, <@&id>), as Discord does.
type Message struct {
	GuildID             string
	ChannelID           string
	AuthorID            string // default "1000"
	Username            string
	Bot                 bool
	Content             string
	Mentions            []string
	MentionRoles        []string
	MentionEveryone     bool
	ReferencedMessageID string
	// NoPing makes a reply not mention the author of the message it replies to. By default a
	// reply mentions them, as Discord's client does unless the user turns the ping off.
	NoPing bool
}

var (
	userMentionRE = regexp.MustCompile(`<@!?(\d+)>`)
	roleMentionRE = regexp.MustCompile(`<@&(\d+)>`)
)

// SendMessage stores a user's message and dispatches MESSAGE_CREATE to the sessions whose
// intents cover it. Without the MESSAGE_CONTENT intent a session gets empty content, except
// for messages that mention the bot and DMs, as on Discord.
func (s *Server) SendMessage(m Message) (id string) {
	if m.ChannelID == "" {
		panic("fakediscord: SendMessage needs a ChannelID")
	}
	if m.AuthorID == "" {
		m.AuthorID = defaultUserID
	}
	if m.Mentions == nil {
		m.Mentions = uniqueMatches(userMentionRE, m.Content)
	}
	if m.MentionRoles == nil {
		m.MentionRoles = uniqueMatches(roleMentionRE, m.Content)
	}
	var repliedAuthor string

	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[m.ChannelID]
	if c == nil {
		c = s.ensureChannelLocked(m.ChannelID, m.GuildID)
	}
	if m.GuildID == "" {
		m.GuildID = c.GuildID
	}
	author := s.lookupUserLocked(m.GuildID, m.AuthorID)
	if m.Username != "" {
		author.Username = m.Username
	}
	if m.Bot {
		author.Bot = true
	}
	msg := &messageState{
		id:              s.newID(),
		channelID:       m.ChannelID,
		guildID:         m.GuildID,
		author:          author,
		fields:          map[string]json.RawMessage{"content": mustJSON(m.Content)},
		source:          SourceUser,
		created:         time.Now(),
		mentions:        m.Mentions,
		mentionRoles:    m.MentionRoles,
		mentionEveryone: m.MentionEveryone,
		referencedID:    m.ReferencedMessageID,
	}
	if r := s.messages[m.ReferencedMessageID]; r != nil && !m.NoPing {
		repliedAuthor = r.author.ID
	}
	if repliedAuthor != "" && !contains(msg.mentions, repliedAuthor) {
		msg.mentions = append(slices.Clone(msg.mentions), repliedAuthor)
	}
	if m.ReferencedMessageID != "" {
		msg.msgType = messageReply
		msg.fields["message_reference"] = mustJSON(map[string]any{"message_id": m.ReferencedMessageID, "channel_id": m.ChannelID})
	}
	s.storeMessageLocked(msg)
	s.broadcastMessageLocked("MESSAGE_CREATE", msg)
	s.notifyLocked()
	return msg.id
}

// DeleteMessage deletes a message as its author or a moderator would, and dispatches
// MESSAGE_DELETE. Replies to it then fail, and threads cannot start from it.
func (s *Server) DeleteMessage(channelID, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[id]
	if m == nil || m.channelID != channelID {
		return fmt.Errorf("delete message %s in channel %s: no such message", id, channelID)
	}
	if m.deleted {
		return fmt.Errorf("delete message %s: already deleted", id)
	}
	s.deleteMessageLocked(m)
	return nil
}

func (s *Server) deleteMessageLocked(m *messageState) {
	m.deleted = true
	payload := map[string]any{"id": m.id, "channel_id": m.channelID}
	if m.guildID != "" {
		payload["guild_id"] = m.guildID
	}
	for _, sess := range s.liveSessionsLocked() {
		if sess.wantsGuild(m.guildID) && sess.intents&messageIntent(m.guildID) != 0 {
			s.dispatchLocked(sess, "MESSAGE_DELETE", payload)
		}
	}
	s.notifyLocked()
}

func messageIntent(guildID string) int {
	if guildID == "" {
		return intentDirectMessages
	}
	return intentGuildMessages
}

// broadcastMessageLocked dispatches MESSAGE_CREATE or MESSAGE_UPDATE for a message to every
// session entitled to it. Ephemeral messages are seen only by their recipient, never the bot.
func (s *Server) broadcastMessageLocked(event string, m *messageState) {
	if m.body().Ephemeral() {
		return
	}
	for _, sess := range s.liveSessionsLocked() {
		if !sess.wantsGuild(m.guildID) || sess.intents&messageIntent(m.guildID) == 0 {
			continue
		}
		payload := s.renderMessageLocked(m, s.hidesContent(sess.intents&intentMessageContent != 0, m))
		if m.guildID != "" && m.author.ID != s.opts.BotUserID && m.webhookToken == "" {
			payload["member"] = s.memberJSONLocked(m.guildID, m.author.ID, false)
		}
		s.dispatchLocked(sess, event, payload)
	}
}

// hidesContent applies the MESSAGE_CONTENT intent: without it a bot sees no content in guild
// messages, except its own and those that mention it.
func (s *Server) hidesContent(hasIntent bool, m *messageState) bool {
	if hasIntent || m.guildID == "" || m.author.ID == s.opts.BotUserID {
		return false
	}
	for _, u := range m.mentions {
		if u == s.opts.BotUserID {
			return false
		}
	}
	return true
}

func uniqueMatches(re *regexp.Regexp, s string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}
