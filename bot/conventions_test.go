package bot

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
)

// Every command and option description has a translation for every
// translated locale, within Discord's 100 characters, and no translation
// is left over from a command or option that no longer exists.
func TestCommandsAreTranslated(t *testing.T) {
	b := &Bot{}
	used := map[string]bool{}
	check := func(key string, got map[string]string) {
		t.Helper()
		for _, loc := range translatedLocales {
			text := got[string(loc)]
			if text == "" {
				t.Errorf("%s: no %s description", key, loc)
			}
			if n := utf8.RuneCountInString(text); n > 100 {
				t.Errorf("%s: %s description is %d characters, Discord allows 100", key, loc, n)
			}
		}
	}
	for _, c := range b.commandTable() {
		used[c.def.Name] = true
		got := map[string]string{}
		if c.def.DescriptionLocalizations != nil {
			for k, v := range *c.def.DescriptionLocalizations {
				got[string(k)] = v
			}
		}
		check(c.def.Name, got)
		for _, o := range c.def.Options {
			used[c.def.Name+"."+o.Name], used[o.Name] = true, true
			got := map[string]string{}
			for k, v := range o.DescriptionLocalizations {
				got[string(k)] = v
			}
			check(c.def.Name+"."+o.Name, got)
		}
	}
	for key := range descriptions {
		if !used[key] {
			t.Errorf("translation %q belongs to no command or option", key)
		}
	}
}

// A reader command's private option makes its reply private; /help names
// the commands as mentions people can click, with the IDs Discord gave
// them.
func TestPrivateOptionAndClickableHelp(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	h.cov.articles = someArticles(3)
	_, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
		Name: "sources", Options: []fakediscord.Option{{Name: "private", Type: fakediscord.OptionBoolean, Value: true}}})
	if cb := h.callback(token); cb.Type != 5 || !cb.Data.Ephemeral() {
		t.Errorf("/sources private:true deferred with %d, ephemeral %v", cb.Type, cb.Data.Ephemeral())
	}
	_, token = h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID, Name: "sources"})
	if cb := h.callback(token); cb.Data.Ephemeral() {
		t.Error("/sources without private is private")
	}

	ids := map[string]string{}
	for _, c := range h.fake.Commands("") {
		ids[c.Name] = c.ID
	}
	_, token = h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID, Name: "help"})
	text := h.finalEditAny(token).Text()
	for _, want := range []string{
		"</ask:" + ids["ask"] + "> `question:<text>` — a cited answer",
		"</help:" + ids["help"] + "> — this message",
		"`private:true`",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("help lacks %q:\n%s", want, text)
		}
	}
}
