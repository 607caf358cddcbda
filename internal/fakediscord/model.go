package fakediscord

import (
	"sort"
	"strconv"
	"time"
)

// Channel types the fake knows, with Discord's numbers.
const (
	ChannelText          = 0
	ChannelDM            = 1
	ChannelAnnouncement  = 5
	ChannelPublicThread  = 11
	ChannelPrivateThread = 12
)

// Permission bits, for building members and roles.
const (
	PermissionAdministrator   = 1 << 3
	PermissionManageMessages  = 1 << 13
	PermissionMentionEveryone = 1 << 17
)

// Guild is a server the bot is in. Guilds added before a client identifies are in its READY;
// GUILD_CREATE follows for each.
type Guild struct {
	ID       string
	Name     string
	OwnerID  string
	Channels []Channel
	Roles    []Role // a role whose ID equals the guild ID is @everyone
	Members  []Member
}

// Channel is a guild channel, or a thread (then ParentID is set).
type Channel struct {
	ID       string
	Name     string
	Type     int // ChannelText when zero
	ParentID string
	GuildID  string // filled in by the fake
}

// Role is a guild role. Permissions is Discord's decimal bit set, as a string.
type Role struct {
	ID          string
	Name        string
	Permissions string
}

// Member is a guild member. Permissions, when set, is used as-is for interactions instead of
// the union of the member's roles.
type Member struct {
	UserID      string
	Username    string
	Roles       []string
	Permissions string
	Bot         bool
}

type guildState struct {
	guild   Guild
	joined  time.Time
	members map[string]*Member
	order   []string // member IDs in the order they were added
}

type channelState struct {
	Channel
	ownerID      string
	created      time.Time
	autoArchive  int
	fromMessage  string   // for a thread started from a message
	messageOrder []string // message IDs, oldest first
}

type userInfo struct {
	ID       string
	Username string
	Bot      bool
}

// AddGuild adds (or replaces) a guild with its channels, roles and members. The bot is made a
// member if the guild does not list it. Clients already connected get GUILD_CREATE.
func (s *Server) AddGuild(g Guild) {
	s.mu.Lock()
	defer s.mu.Unlock()
	gs := &guildState{guild: g, joined: time.Now(), members: map[string]*Member{}}
	gs.guild.Channels = nil
	for _, m := range g.Members {
		m := m
		if _, dup := gs.members[m.UserID]; !dup {
			gs.order = append(gs.order, m.UserID)
		}
		gs.members[m.UserID] = &m
	}
	if _, ok := gs.members[s.opts.BotUserID]; !ok {
		gs.members[s.opts.BotUserID] = &Member{UserID: s.opts.BotUserID, Username: s.opts.BotName, Bot: true}
		gs.order = append(gs.order, s.opts.BotUserID)
	}
	if old, ok := s.guildByID[g.ID]; ok {
		for i, x := range s.guilds {
			if x == old {
				s.guilds[i] = gs
			}
		}
	} else {
		s.guilds = append(s.guilds, gs)
	}
	s.guildByID[g.ID] = gs
	for _, c := range g.Channels {
		c.GuildID = g.ID
		s.channels[c.ID] = &channelState{Channel: c, created: time.Now()}
		gs.guild.Channels = append(gs.guild.Channels, c)
	}
	for _, sess := range s.sessionOrder {
		if sess.invalid || !sess.wantsGuild(g.ID) || sess.intents&intentGuilds == 0 {
			continue
		}
		s.dispatchLocked(sess, "GUILD_CREATE", s.guildCreatePayload(gs))
	}
	s.notifyLocked()
}

// ensureChannelLocked registers a channel a test dispatches into without having declared it:
// a guild text channel when a guild is named, else a DM.
func (s *Server) ensureChannelLocked(channelID, guildID string) *channelState {
	if c, ok := s.channels[channelID]; ok {
		return c
	}
	typ := ChannelText
	if guildID == "" {
		typ = ChannelDM
	}
	c := &channelState{Channel: Channel{ID: channelID, GuildID: guildID, Type: typ, Name: "channel-" + channelID}, created: time.Now()}
	s.channels[channelID] = c
	return c
}

// lookupUserLocked names a user from the guild's members, the bot itself, or a placeholder.
func (s *Server) lookupUserLocked(guildID, userID string) userInfo {
	if userID == s.opts.BotUserID {
		return userInfo{ID: userID, Username: s.opts.BotName, Bot: true}
	}
	if g := s.guildByID[guildID]; g != nil {
		if m := g.members[userID]; m != nil {
			name := m.Username
			if name == "" {
				name = "user" + userID
			}
			return userInfo{ID: userID, Username: name, Bot: m.Bot}
		}
	}
	for _, g := range s.guilds {
		if m := g.members[userID]; m != nil && m.Username != "" {
			return userInfo{ID: userID, Username: m.Username, Bot: m.Bot}
		}
	}
	return userInfo{ID: userID, Username: "user" + userID}
}

// memberRolesLocked returns the member's roles in the guild, nil when unknown.
func (s *Server) memberRolesLocked(guildID, userID string) []string {
	if g := s.guildByID[guildID]; g != nil {
		if m := g.members[userID]; m != nil {
			return m.Roles
		}
	}
	return nil
}

// permissionsLocked computes a member's guild-level permissions: the member's explicit value if
// given, else @everyone plus the roles named (or the member's roles when roles is nil).
// Administrator implies everything, as on Discord.
func (s *Server) permissionsLocked(guildID, userID string, roles []string) uint64 {
	g := s.guildByID[guildID]
	if g == nil {
		return 0
	}
	if m := g.members[userID]; m != nil {
		if m.Permissions != "" {
			p, _ := strconv.ParseUint(m.Permissions, 10, 64)
			return p
		}
		if roles == nil {
			roles = m.Roles
		}
	}
	if g.guild.OwnerID != "" && g.guild.OwnerID == userID {
		return allPermissions
	}
	var perms uint64
	want := map[string]bool{guildID: true}
	for _, r := range roles {
		want[r] = true
	}
	for _, r := range g.guild.Roles {
		if want[r.ID] {
			p, _ := strconv.ParseUint(r.Permissions, 10, 64)
			perms |= p
		}
	}
	if perms&PermissionAdministrator != 0 {
		return allPermissions
	}
	return perms
}

// allPermissions is every permission bit Discord defines today (bits 0-50).
const allPermissions = 1<<51 - 1

// guildShard maps a guild to its gateway shard by Discord's formula.
func guildShard(guildID string, count int) int {
	if count <= 1 {
		return 0
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

func (s *Server) userJSON(u userInfo) map[string]any {
	return map[string]any{
		"id":            u.ID,
		"username":      u.Username,
		"discriminator": "0",
		"global_name":   nil,
		"avatar":        nil,
		"bot":           u.Bot,
		"public_flags":  0,
	}
}

func (s *Server) memberJSONLocked(guildID, userID string, withUser bool) map[string]any {
	roles := []string{}
	joined := time.Now()
	if g := s.guildByID[guildID]; g != nil {
		joined = g.joined
		if m := g.members[userID]; m != nil && m.Roles != nil {
			roles = append(roles, m.Roles...)
		}
	}
	out := map[string]any{
		"roles":     roles,
		"joined_at": timestamp(joined),
		"deaf":      false,
		"mute":      false,
		"nick":      nil,
		"flags":     0,
	}
	if withUser {
		out["user"] = s.userJSON(s.lookupUserLocked(guildID, userID))
	}
	return out
}

func (s *Server) channelJSONLocked(c *channelState) map[string]any {
	out := map[string]any{
		"id":                    c.ID,
		"type":                  c.Type,
		"name":                  c.Name,
		"position":              0,
		"permission_overwrites": []any{},
		"nsfw":                  false,
		"flags":                 0,
	}
	if c.GuildID != "" {
		out["guild_id"] = c.GuildID
	}
	if c.ParentID != "" {
		out["parent_id"] = c.ParentID
	}
	if n := len(c.messageOrder); n > 0 {
		out["last_message_id"] = c.messageOrder[n-1]
	}
	if c.Type == ChannelPublicThread || c.Type == ChannelPrivateThread {
		out["owner_id"] = c.ownerID
		out["message_count"] = len(c.messageOrder)
		out["member_count"] = 1
		out["thread_metadata"] = map[string]any{
			"archived":              false,
			"auto_archive_duration": c.autoArchive,
			"archive_timestamp":     timestamp(c.created),
			"locked":                false,
		}
	}
	return out
}

func (s *Server) rolesJSON(g *guildState) []any {
	roles := []any{}
	for i, r := range g.guild.Roles {
		perms := r.Permissions
		if perms == "" {
			perms = "0"
		}
		roles = append(roles, map[string]any{
			"id": r.ID, "name": r.Name, "permissions": perms, "position": i,
			"color": 0, "hoist": false, "managed": false, "mentionable": false, "flags": 0,
		})
	}
	return roles
}

func (s *Server) guildJSONLocked(g *guildState) map[string]any {
	return map[string]any{
		"id":                            g.guild.ID,
		"name":                          g.guild.Name,
		"owner_id":                      g.guild.OwnerID,
		"roles":                         s.rolesJSON(g),
		"emojis":                        []any{},
		"stickers":                      []any{},
		"features":                      []any{},
		"preferred_locale":              "en-US",
		"verification_level":            0,
		"default_message_notifications": 0,
		"explicit_content_filter":       0,
		"mfa_level":                     0,
		"premium_tier":                  0,
		"nsfw_level":                    0,
	}
}

func (s *Server) guildCreatePayload(g *guildState) map[string]any {
	out := s.guildJSONLocked(g)
	channels := []any{}
	threads := []any{}
	ids := make([]string, 0, len(s.channels))
	for id, c := range s.channels {
		if c.GuildID == g.guild.ID {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return snowflakeLess(ids[i], ids[j]) })
	for _, id := range ids {
		c := s.channels[id]
		if c.Type == ChannelPublicThread || c.Type == ChannelPrivateThread {
			threads = append(threads, s.channelJSONLocked(c))
		} else {
			channels = append(channels, s.channelJSONLocked(c))
		}
	}
	members := []any{}
	for _, id := range g.order {
		members = append(members, s.memberJSONLocked(g.guild.ID, id, true))
	}
	out["channels"] = channels
	out["threads"] = threads
	out["members"] = members
	out["member_count"] = len(g.order)
	out["joined_at"] = timestamp(g.joined)
	out["large"] = false
	out["unavailable"] = false
	out["presences"] = []any{}
	out["voice_states"] = []any{}
	out["stage_instances"] = []any{}
	out["guild_scheduled_events"] = []any{}
	return out
}

// Threads lists the threads created under a channel, oldest first.
func (s *Server) Threads(parentID string) []Channel {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Channel
	for _, c := range s.channels {
		if c.ParentID == parentID && (c.Type == ChannelPublicThread || c.Type == ChannelPrivateThread) {
			out = append(out, c.Channel)
		}
	}
	sort.Slice(out, func(i, j int) bool { return snowflakeLess(out[i].ID, out[j].ID) })
	return out
}
