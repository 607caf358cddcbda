package bot

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/rag"
)

// maxQuestionChars bounds a question, from a slash command or a message.
const maxQuestionChars = 1000

// Option bounds of the other commands.
const (
	maxTopicChars = 200
	maxQueryChars = 80 // a /sources query travels in the paging buttons' custom IDs
	maxURLChars   = 2000
	// maxChoices is how many autocomplete choices Discord shows; a choice's
	// name and value may each be 100 characters.
	maxChoices     = 25
	maxChoiceChars = 100
)

const usageText = "Ask me about the news coverage: use /ask, or mention me with your question, " +
	"for example “@coveragebot what did Starmer tell Zelenskyy about NATO?”"

// commandTable lists the bot's slash commands in the order /help shows
// them. To add a command, write its constructor and add it here.
func (b *Bot) commandTable() []*command {
	return finishCommands([]*command{
		b.askCommand(),
		b.summaryCommand(),
		b.quotesCommand(),
		b.timelineCommand(),
		b.compareCommand(),
		b.digestCommand(),
		b.sourcesCommand(),
		b.helpCommand(),
		b.ingestCommand(),
		b.feedsCommand(),
		b.reindexCommand(),
	})
}

// readerContexts are where the reader commands work: servers and the bot's
// direct messages (the allow lists, when set, still apply).
var readerContexts = []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}

// privateOption is the option every reader command takes to show its reply
// only to the person who used it.
func privateOption() *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private",
		Description: "Only you see the reply"}
}

// finishCommands applies what every command shares, in one place: where it
// may be used and how it is installed, the private option of the reader
// commands whose reply is public by default, and the descriptions'
// translations (locales.go).
func finishCommands(cmds []*command) []*command {
	for _, c := range cmds {
		if c.def.Contexts == nil {
			c.def.Contexts = &readerContexts
		}
		if c.def.IntegrationTypes == nil {
			c.def.IntegrationTypes = &guildInstall
		}
		if !c.admin && c.private == nil {
			c.def.Options = append(c.def.Options, privateOption())
			c.private = func(a args) bool { return a.boolean("private") }
		}
		localize(c.def)
	}
	return cmds
}

func intPtr(n int) *int { return &n }

// The admin commands are used in a server only: a DM has no Manage Server
// permission to check. Discord replaced the command's dm_permission with these
// two lists; the bot is installed to servers, never to users.
var (
	guildOnly    = []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	guildInstall = []discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
)

// manageGuild is the default permission of the admin commands.
var manageGuild = int64(discordgo.PermissionManageGuild)

func (b *Bot) askCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "ask",
			Description: "Ask a question about the news coverage; the answer cites its sources.",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "What you want to know",
					Required: true, MinLength: intPtr(1), MaxLength: maxQuestionChars},
			},
		},
		usage:    "`/ask question:<text>` — a cited answer",
		costly:   true,
		validate: func(a args) error { _, err := checkQuestion(a.str("question")); return err },
		run: func(ctx context.Context, call *commandCall) error {
			q, err := checkQuestion(call.args.str("question"))
			if err != nil {
				return err
			}
			_, err = b.answer(ctx, question{
				id: call.i.ID, source: sourceSlash, userID: call.userID, guildID: call.i.GuildID,
				title: q, ticket: call.ticket, dest: call.reply, followUp: b.threadable(call),
				produce: func(ctx context.Context, onDelta func(string)) (rag.Answer, error) {
					return b.opts.Coverage.Ask(ctx, q, rag.AskOptions{OnDelta: onDelta})
				},
			})
			return err
		},
	}
}

// checkQuestion cleans a question and checks that it is neither empty nor
// too long.
func checkQuestion(raw string) (string, error) {
	q := cleanQuestion(raw)
	if q == "" {
		return "", &userError{msg: usageText}
	}
	if n := utf8.RuneCountInString(q); n > maxQuestionChars {
		return "", userErrorf("That question is %d characters long; the limit is %d. Please shorten it.", n, maxQuestionChars)
	}
	return q, nil
}

func (b *Bot) summaryCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "summary",
			Description: "Summarise a topic, one article, or the whole coverage, with citations.",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "A topic to summarise",
					MaxLength: maxTopicChars},
				{Type: discordgo.ApplicationCommandOptionString, Name: "article", Description: "One article to summarise",
					Autocomplete: true, MaxLength: maxChoiceChars},
			},
		},
		usage:  "`/summary [topic:<text>] [article:<pick one>]` — a cited summary of a topic, an article, or everything",
		costly: true,
		run:    b.runSummary,
		complete: func(ctx context.Context, call *commandCall) ([]*discordgo.ApplicationCommandOptionChoice, error) {
			if call.args.focused != "article" {
				return nil, nil
			}
			arts, err := b.opts.Coverage.Articles(ctx)
			if err != nil {
				return nil, fmt.Errorf("list articles: %w", err)
			}
			return articleChoices(arts, call.args.str("article")), nil
		},
	}
}

func (b *Bot) runSummary(ctx context.Context, call *commandCall) error {
	topic := cleanQuestion(call.args.str("topic"))
	req := rag.SummaryRequest{Topic: topic}
	title := "Summary of the coverage"
	if topic != "" {
		title = "Summary: " + topic
	}
	if picked := strings.TrimSpace(call.args.str("article")); picked != "" {
		arts, err := b.opts.Coverage.Articles(ctx)
		if err != nil {
			return fmt.Errorf("list articles: %w", err)
		}
		art, ok := findArticle(arts, picked)
		if !ok {
			return userErrorf("I couldn't find an article called “%s”. Pick one from the list as you type.", truncateText(cleanQuestion(picked), 80))
		}
		req.ArticleID = art.ID
		title = "Summary of “" + art.Title + "”"
	}
	_, err := b.answer(ctx, question{
		id: call.i.ID, source: sourceSlash, userID: call.userID, guildID: call.i.GuildID,
		title: title, ticket: call.ticket, dest: call.reply, followUp: b.threadable(call),
		produce: func(ctx context.Context, onDelta func(string)) (rag.Answer, error) {
			r := req
			r.OnDelta = onDelta
			return b.opts.Coverage.Summarize(ctx, r)
		},
	})
	return err
}

// findArticle resolves what the user put in the article option: normally an
// ID picked from the autocomplete list, else a title typed by hand.
func findArticle(arts []rag.ArticleInfo, picked string) (rag.ArticleInfo, bool) {
	for _, a := range arts {
		if a.ID == picked {
			return a, true
		}
	}
	want := strings.ToLower(cleanQuestion(picked))
	var partial []rag.ArticleInfo
	for _, a := range arts {
		title := strings.ToLower(a.Title)
		if title == want {
			return a, true
		}
		if strings.Contains(title, want) {
			partial = append(partial, a)
		}
	}
	if len(partial) == 1 {
		return partial[0], true
	}
	return rag.ArticleInfo{}, false
}

// articleChoices offers the articles whose title starts with what was typed,
// then those that contain it, newest first within each group. A choice's
// value is the article's ID, so IDs too long for a choice are left out.
func articleChoices(arts []rag.ArticleInfo, typed string) []*discordgo.ApplicationCommandOptionChoice {
	want := strings.ToLower(cleanQuestion(typed))
	var prefix, contains []rag.ArticleInfo
	for _, a := range arts {
		if a.ID == "" || utf8.RuneCountInString(a.ID) > maxChoiceChars {
			continue
		}
		title := strings.ToLower(a.Title)
		switch {
		case strings.HasPrefix(title, want):
			prefix = append(prefix, a)
		case strings.Contains(title, want), strings.Contains(strings.ToLower(a.ID), want):
			contains = append(contains, a)
		}
	}
	sortNewestFirst(prefix)
	sortNewestFirst(contains)
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, a := range append(prefix, contains...) {
		if len(choices) == maxChoices {
			break
		}
		name := cleanQuestion(a.Title)
		if name == "" {
			name = a.ID
		}
		if !a.Published.IsZero() {
			name = truncateText(name, maxChoiceChars-14) + " (" + a.Published.Format(dateLayout) + ")"
		}
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: truncateText(name, maxChoiceChars), Value: a.ID})
	}
	return choices
}

// sortNewestFirst orders articles by date, newest first, undated last, then
// by title so the order is stable.
func sortNewestFirst(arts []rag.ArticleInfo) {
	sort.SliceStable(arts, func(i, j int) bool {
		a, b := arts[i].Published, arts[j].Published
		switch {
		case a.IsZero() != b.IsZero():
			return b.IsZero()
		case !a.Equal(b):
			return a.After(b)
		}
		return arts[i].Title < arts[j].Title
	})
}

func (b *Bot) sourcesCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "sources",
			Description: "List the articles in the coverage, newest first.",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "query", Description: "Only articles whose title or outlet contains this",
					MaxLength: maxQueryChars},
			},
		},
		usage: "`/sources [query:<text>]` — the articles I know, newest first",
		run: func(ctx context.Context, call *commandCall) error {
			arts, err := b.opts.Coverage.Articles(ctx)
			if err != nil {
				return fmt.Errorf("list articles: %w", err)
			}
			return call.reply.finish(ctx, []reply{renderSources(arts, cleanQuestion(call.args.str("query")), 0)})
		},
	}
}

func (b *Bot) helpCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "help",
			Description: "How to use the bot.",
		},
		usage:   "`/help` — this message",
		private: func(args) bool { return true },
		run: func(ctx context.Context, call *commandCall) error {
			return call.reply.finish(ctx, []reply{b.helpReply(call.i)})
		},
	}
}

func (b *Bot) helpReply(i *discordgo.Interaction) reply {
	var lines []string
	admin := b.access.isAdmin(b.interactionAsker(i))
	for _, c := range b.order {
		if c.admin && !admin {
			continue
		}
		u := c.usage
		if u == "" {
			u = "`/" + c.def.Name + "` — " + c.def.Description
		}
		u = b.mentionUsage(i.GuildID, c.def.Name, u)
		if c.admin {
			u += " (admins)"
		}
		lines = append(lines, "• "+u)
	}
	desc := "I answer questions about the news coverage I've been given, and every answer cites the articles it comes from.\n\n" +
		strings.Join(lines, "\n") + "\n\nAdd `private:true` to a command to see the reply alone.\n\n" + b.followUpHelp()
	if len(b.cfg.Channels) > 0 {
		var chans []string
		for _, c := range b.cfg.Channels {
			chans = append(chans, "<#"+c+">")
		}
		desc += "\nIn " + strings.Join(chans, ", ") + " every message is a question."
	}
	if b.cfg.UserRate > 0 {
		desc += fmt.Sprintf("\n\nEach person can ask %s per %s.", countOf(b.cfg.UserRate, "question"), period(b.cfg.UserRateWindow))
	}
	return reply{Embeds: []*discordgo.MessageEmbed{{
		Title:       "How to use me",
		Description: truncateText(desc, maxEmbedDescription),
		Color:       colorAnswer,
	}}}
}

// mentionUsage turns the command at the start of a usage line
// ("`/ask question:<text>` — …") into a clickable command mention, keeping
// its options as code: "</ask:123> `question:<text>` — …".
func (b *Bot) mentionUsage(guildID, name, usage string) string {
	mention := b.commandMention(guildID, name)
	rest, ok := strings.CutPrefix(usage, "`/"+name)
	if !ok || !strings.HasPrefix(mention, "</") {
		return usage
	}
	if after, bare := strings.CutPrefix(rest, "`"); bare {
		return mention + after
	}
	return mention + " `" + strings.TrimPrefix(rest, " ")
}

// followUpHelp says how to ask a follow-up, which depends on whether the
// bot reads every message (the Message Content intent).
func (b *Bot) followUpHelp() string {
	s := "You can also mention me with a question; I answer in a thread. To follow up, reply to any of my answers " +
		"(keep the reply's mention on) or mention me again: I take the conversation so far as context."
	if b.readsEveryMessage() {
		s += " In my threads you can also just write your follow-up."
	}
	return s
}

// period names a window of time the way people say it: "minute",
// "10 minutes", "90 seconds".
func period(d time.Duration) string {
	units := []struct {
		size time.Duration
		name string
	}{{time.Hour, "hour"}, {time.Minute, "minute"}, {time.Second, "second"}}
	for _, u := range units {
		if d >= u.size && d%u.size == 0 {
			if n := int(d / u.size); n > 1 {
				return countOf(n, u.name)
			}
			return u.name
		}
	}
	return d.String()
}

func (b *Bot) ingestCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:                     "ingest",
			Description:              "Add an article to the coverage from its URL (admins).",
			DefaultMemberPermissions: &manageGuild,
			Contexts:                 &guildOnly,
			IntegrationTypes:         &guildInstall,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "url", Description: "The article's address (http or https)",
					Required: true, MaxLength: maxURLChars},
			},
		},
		usage:   "`/ingest url:<address>` — add an article to the coverage",
		admin:   true,
		private: func(args) bool { return true },
		validate: func(a args) error {
			if b.opts.IngestURL == nil {
				return &userError{msg: "Adding articles by URL is not enabled on this bot yet."}
			}
			_, err := checkArticleURL(a.str("url"))
			return err
		},
		run: func(ctx context.Context, call *commandCall) error {
			u, err := checkArticleURL(call.args.str("url"))
			if err != nil {
				return err
			}
			info, err := b.opts.IngestURL(ctx, u)
			if err != nil {
				b.log.Warn("ingest failed", "interaction", call.i.ID, "url", u, "err", err)
				return userErrorf("I couldn't add that page: %s", escapeMarkdown(truncateText(err.Error(), 300)))
			}
			b.log.Info("ingested", "interaction", call.i.ID, "user", call.userID, "article", info.ID, "passages", info.Passages)
			msg := fmt.Sprintf("Added “%s”", escapeMarkdown(cleanQuestion(info.Title)))
			var meta []string
			if info.Outlet != "" {
				meta = append(meta, escapeMarkdown(cleanQuestion(info.Outlet)))
			}
			if !info.Published.IsZero() {
				meta = append(meta, info.Published.Format(dateLayout))
			}
			if len(meta) > 0 {
				msg += " (" + strings.Join(meta, ", ") + ")"
			}
			msg += fmt.Sprintf(": %d passages.", info.Passages)
			return call.reply.finish(ctx, renderNotice(msg))
		},
	}
}

// checkArticleURL accepts an absolute http or https URL.
func checkArticleURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", &userError{msg: "Please give a full http:// or https:// address."}
	}
	return u.String(), nil
}

func (b *Bot) reindexCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:                     "reindex",
			Description:              "Re-read the coverage and rebuild the index (admins).",
			DefaultMemberPermissions: &manageGuild,
			Contexts:                 &guildOnly,
			IntegrationTypes:         &guildInstall,
		},
		usage:   "`/reindex` — re-read the coverage",
		admin:   true,
		private: func(args) bool { return true },
		validate: func(args) error {
			if b.opts.Reindex == nil {
				return &userError{msg: "Reindexing is not enabled on this bot."}
			}
			return nil
		},
		run: func(ctx context.Context, call *commandCall) error {
			b.log.Info("reindex requested", "interaction", call.i.ID, "user", call.userID, "guild", call.i.GuildID)
			report, err := b.opts.Reindex(ctx)
			if err != nil {
				b.log.Error("reindex failed", "interaction", call.i.ID, "err", err)
				return userErrorf("Reindexing failed: %s", truncateText(err.Error(), 300))
			}
			return call.reply.finish(ctx, renderNotice(report))
		},
	}
}
