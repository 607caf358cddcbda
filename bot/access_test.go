package bot

import (
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestIsAdmin(t *testing.T) {
	p := newAccessPolicy(Config{AdminRoles: []string{"editors"}})
	for _, tc := range []struct {
		name string
		who  asker
		want bool
	}{
		{"manage server", asker{inGuild: true, permissions: discordgo.PermissionManageGuild}, true},
		{"administrator", asker{inGuild: true, permissions: discordgo.PermissionAdministrator}, true},
		{"admin role", asker{inGuild: true, roles: []string{"x", "editors"}}, true},
		{"other permissions", asker{inGuild: true, permissions: discordgo.PermissionSendMessages | discordgo.PermissionManageMessages}, false},
		{"other roles", asker{inGuild: true, roles: []string{"readers"}}, false},
		{"direct message", asker{inGuild: false, permissions: discordgo.PermissionAdministrator, roles: []string{"editors"}}, false},
	} {
		if got := p.isAdmin(tc.who); got != tc.want {
			t.Errorf("%s: isAdmin = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestAllowLists(t *testing.T) {
	p := newAccessPolicy(Config{
		AllowedGuilds: []string{"g1"}, AllowedChannels: []string{"c1"}, AllowedRoles: []string{"members"},
		AdminRoles: []string{"editors"},
	})
	for _, tc := range []struct {
		name string
		who  asker
		ok   bool
	}{
		{"all allowed", asker{guildID: "g1", channels: []string{"c1"}, roles: []string{"members"}, inGuild: true}, true},
		{"thread of an allowed channel", asker{guildID: "g1", channels: []string{"t9", "c1"}, roles: []string{"members"}, inGuild: true}, true},
		{"other guild", asker{guildID: "g2", channels: []string{"c1"}, roles: []string{"members"}, inGuild: true}, false},
		{"other channel", asker{guildID: "g1", channels: []string{"c2"}, roles: []string{"members"}, inGuild: true}, false},
		{"no role", asker{guildID: "g1", channels: []string{"c1"}, inGuild: true}, false},
		{"admin without the role", asker{guildID: "g1", channels: []string{"c1"}, permissions: discordgo.PermissionManageGuild, inGuild: true}, true},
		{"admin elsewhere", asker{guildID: "g1", channels: []string{"c2"}, roles: []string{"editors"}, inGuild: true}, false},
		{"direct message", asker{channels: []string{"dm"}}, false},
	} {
		err := p.allows(tc.who)
		if (err == nil) != tc.ok {
			t.Errorf("%s: allows = %v, want ok=%v", tc.name, err, tc.ok)
		}
		if err != nil {
			if _, ok := userMessage(err); !ok {
				t.Errorf("%s: refusal %v is not fit to show", tc.name, err)
			}
		}
	}
	if err := newAccessPolicy(Config{}).allows(asker{channels: []string{"dm"}}); err != nil {
		t.Errorf("no allow lists refused: %v", err)
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	cov := &fakeCoverage{}
	for _, tc := range []struct {
		name string
		cfg  Config
		opts Options
	}{
		{"no token", Config{}, Options{Coverage: cov}},
		{"no coverage", Config{Token: "t"}, Options{}},
		{"shard out of range", Config{Token: "t", ShardID: 2, ShardCount: 2}, Options{Coverage: cov}},
		{"negative limit", Config{Token: "t", GuildConcurrency: -1}, Options{Coverage: cov}},
		{"rate without window", Config{Token: "t", UserRate: 5}, Options{Coverage: cov}},
		{"bad api url", Config{Token: "t", APIURL: "discord.com"}, Options{Coverage: cov}},
	} {
		if _, err := New(tc.cfg, tc.opts); err == nil {
			t.Errorf("%s: New accepted it", tc.name)
		}
	}
}
