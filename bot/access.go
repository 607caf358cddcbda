package bot

import (
	"errors"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// userError is a refusal or failure whose message can be shown to the user
// as it is. Any other error is logged and shown as a generic apology.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

func userErrorf(format string, a ...any) error {
	return &userError{msg: fmt.Sprintf(format, a...)}
}

// userMessage returns the text to show for err when it is a userError.
func userMessage(err error) (string, bool) {
	var ue *userError
	if errors.As(err, &ue) {
		return ue.msg, true
	}
	return "", false
}

// adminPermissions are the permissions that make a member an admin of the
// bot: the permission that Discord's default for the admin commands names,
// and Administrator, which implies every permission.
const adminPermissions = discordgo.PermissionManageGuild | discordgo.PermissionAdministrator

// accessPolicy holds the allow lists and admin roles. An empty allow list
// allows everything.
type accessPolicy struct {
	guilds, channels, roles, adminRoles map[string]bool
}

func newAccessPolicy(cfg Config) accessPolicy {
	set := func(ids []string) map[string]bool {
		m := make(map[string]bool, len(ids))
		for _, id := range ids {
			m[id] = true
		}
		return m
	}
	return accessPolicy{
		guilds:     set(cfg.AllowedGuilds),
		channels:   set(cfg.AllowedChannels),
		roles:      set(cfg.AllowedRoles),
		adminRoles: set(cfg.AdminRoles),
	}
}

// asker is who asks and where, as the access checks need it.
type asker struct {
	guildID string
	// channels are the channel the question was asked in and, for a
	// thread, the channel the thread belongs to; either may be allowed.
	channels    []string
	roles       []string
	permissions int64 // from the interaction's member; 0 for messages
	inGuild     bool  // false in direct messages
}

var errNotHere = &userError{msg: "I'm not set up to answer here. Ask a server admin which channels I work in."}

// allows checks the allow lists. Admins pass the role list but not the
// guild or channel lists, which describe where the bot works at all.
func (p accessPolicy) allows(a asker) error {
	if len(p.guilds) > 0 && !p.guilds[a.guildID] {
		return errNotHere
	}
	if len(p.channels) > 0 {
		ok := false
		for _, c := range a.channels {
			ok = ok || (c != "" && p.channels[c])
		}
		if !ok {
			return errNotHere
		}
	}
	if len(p.roles) > 0 && !p.isAdmin(a) && !p.hasRole(p.roles, a.roles) {
		return &userError{msg: "Sorry — only members with certain roles can ask me questions here."}
	}
	return nil
}

// isAdmin decides server-side whether a member may use the admin commands.
// Discord's DefaultMemberPermissions only hides a command by default; a
// server can grant it to anyone, so the bot checks again: the member needs
// Manage Server or Administrator in the interaction's permissions, or one of
// the configured admin roles. Nobody is an admin in direct messages.
func (p accessPolicy) isAdmin(a asker) bool {
	if !a.inGuild {
		return false
	}
	return a.permissions&adminPermissions != 0 || p.hasRole(p.adminRoles, a.roles)
}

func (p accessPolicy) hasRole(allowed map[string]bool, roles []string) bool {
	for _, r := range roles {
		if allowed[r] {
			return true
		}
	}
	return false
}
