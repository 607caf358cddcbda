package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/rag"
)

// FeedStatus is one feed's health, as /feeds shows it.
type FeedStatus struct {
	URL         string // with any credentials already hidden
	LastSuccess time.Time
	// LastError is the last poll's error, empty after a success.
	LastError string
	// Failures counts failed polls in a row.
	Failures int
	// Articles counts the feed's articles still in the coverage.
	Articles int
	NextPoll time.Time
}

// Bounds of the bot's own posts.
const (
	// maxAnnounced is how many new articles one announcement lists; the
	// rest are counted, and /sources lists them all.
	maxAnnounced = 40
	// announceTimeout bounds posting one announcement, rate-limit waits
	// included.
	announceTimeout = 2 * time.Minute
	maxFeedError    = 200
	colorNews       = 0x57F287 // Discord's green
)

// /feeds is for admins. A feed's address can carry an access key in its
// query string, and a poll's error can name hosts and addresses of the
// network the bot runs in; neither is for every member to read. Readers
// see what the feeds brought in with /sources.
func (b *Bot) feedsCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:                     "feeds",
			Description:              "The news feeds the bot follows and how each is doing (admins).",
			DefaultMemberPermissions: &manageGuild,
			Contexts:                 &guildOnly,
			IntegrationTypes:         &guildInstall,
		},
		usage:   "`/feeds` — the feeds I follow: last success, last error and article count",
		admin:   true,
		private: func(args) bool { return true },
		validate: func(args) error {
			if b.opts.Feeds == nil {
				return &userError{msg: "This process does not poll feeds; ask on the one that writes the index."}
			}
			return nil
		},
		run: func(ctx context.Context, call *commandCall) error {
			return call.reply.finish(ctx, renderFeeds(b.opts.Feeds()))
		},
	}
}

// renderFeeds lists the feeds, split over as many embeds and messages as
// Discord's limits need. Times are Discord timestamps, which each reader
// sees in their own time zone.
func renderFeeds(feeds []FeedStatus) []reply {
	if len(feeds) == 0 {
		return renderNotice("No feeds are configured. Set COVERAGEBOT_FEEDS (or feeds: in the config file) to follow some.")
	}
	blocks := make([]string, 0, len(feeds))
	for i, f := range feeds {
		var state string
		switch {
		case f.LastError != "":
			state = fmt.Sprintf("⚠️ Failing (%s in a row): %s", countOf(max(f.Failures, 1), "poll"),
				escapeMarkdown(truncateText(cleanQuestion(f.LastError), maxFeedError)))
			if f.LastSuccess.IsZero() {
				state += "\nNever polled successfully"
			} else {
				state += "\nLast success " + discordTime(f.LastSuccess)
			}
		case f.LastSuccess.IsZero():
			state = "⏳ Not polled yet"
		default:
			state = "✅ Last success " + discordTime(f.LastSuccess)
		}
		line := fmt.Sprintf("**%d.** `%s`\n%s · %s", i+1, strings.ReplaceAll(cleanQuestion(f.URL), "`", "'"), state, countOf(f.Articles, "article"))
		if !f.NextPoll.IsZero() {
			line += " · next poll " + discordTime(f.NextPoll)
		}
		blocks = append(blocks, line)
	}
	embeds := layoutEmbeds(embedParts{
		title:       fmt.Sprintf("Feeds (%d)", len(feeds)),
		description: splitText(neutralizeMentions(strings.Join(blocks, "\n\n")), maxEmbedDescription),
		color:       colorAnswer,
	})
	return packEmbeds(embeds)
}

// discordTime is a timestamp Discord shows relative to now ("3 hours ago").
func discordTime(t time.Time) string {
	return fmt.Sprintf("<t:%d:R>", t.Unix())
}

// announcer posts announcements one at a time, in order. Batches that
// arrive while one is being posted are merged into the next message.
type announcer struct {
	mu      sync.Mutex
	queue   []rag.ArticleInfo
	running bool
}

// Announce posts newly ingested articles in Config.AnnounceChannel: one
// article as an embed with its title, link, outlet and date; several as one
// list. It returns at once, so a feed poll never waits for Discord; Close
// waits for the post. Without an announcement channel it does nothing.
func (b *Bot) Announce(arts []rag.ArticleInfo) {
	if b.cfg.AnnounceChannel == "" || len(arts) == 0 {
		return
	}
	a := &b.announcer
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.running {
		if !b.begin() {
			b.log.Warn("not announcing new articles: the bot is shutting down", "articles", len(arts))
			return
		}
		a.running = true
		go b.drainAnnouncements()
	}
	a.queue = append(a.queue, arts...)
}

// drainAnnouncements posts what is queued until the queue is empty.
func (b *Bot) drainAnnouncements() {
	defer b.work.Done()
	a := &b.announcer
	for {
		a.mu.Lock()
		arts := a.queue
		a.queue = nil
		if len(arts) == 0 {
			a.running = false
			a.mu.Unlock()
			return
		}
		a.mu.Unlock()
		b.postAnnouncement(arts)
	}
}

func (b *Bot) postAnnouncement(arts []rag.ArticleInfo) {
	ctx, cancel := context.WithTimeout(b.life, announceTimeout)
	defer cancel()
	dest := &channelReply{b: b, channelID: b.cfg.AnnounceChannel}
	if err := dest.finish(ctx, renderAnnouncement(arts)); err != nil {
		b.metrics.posts.WithLabelValues("announcement", "error").Inc()
		status, code := restCode(err)
		b.log.Error("could not announce new articles", "channel", b.cfg.AnnounceChannel, "articles", len(arts),
			"status", status, "code", code, "err", err)
		return
	}
	b.metrics.posts.WithLabelValues("announcement", "ok").Inc()
	b.log.Info("announced new articles", "channel", b.cfg.AnnounceChannel, "articles", len(arts))
}

// renderAnnouncement shows one new article as an embed titled and linked
// with the article, or several as a list, newest first.
func renderAnnouncement(in []rag.ArticleInfo) []reply {
	arts := slices.Clone(in)
	if len(arts) == 1 {
		a := arts[0]
		title := cleanQuestion(a.Title)
		if title == "" {
			title = a.ID
		}
		var meta []string
		if o := cleanQuestion(a.Outlet); o != "" {
			meta = append(meta, escapeMarkdown(truncateText(o, maxOutletShown)))
		}
		meta = append(meta, formatDate(a.Published))
		e := &discordgo.MessageEmbed{
			Author:      &discordgo.MessageEmbedAuthor{Name: "New in the coverage"},
			Title:       titleText(title),
			URL:         safeLink(a.URL),
			Description: neutralizeMentions(strings.Join(meta, " · ")),
			Color:       colorNews,
		}
		return []reply{{Embeds: []*discordgo.MessageEmbed{e}}}
	}
	sortNewestFirst(arts)
	lines := make([]string, 0, min(len(arts), maxAnnounced)+1)
	for _, a := range arts[:min(len(arts), maxAnnounced)] {
		lines = append(lines, articleLine(a))
	}
	if more := len(arts) - maxAnnounced; more > 0 {
		lines = append(lines, fmt.Sprintf("…and %d more: see /sources.", more))
	}
	return packEmbeds(layoutEmbeds(embedParts{
		title:       fmt.Sprintf("%d new articles in the coverage", len(arts)),
		description: splitText(strings.Join(lines, "\n"), maxEmbedDescription),
		color:       colorNews,
	}))
}

// PostDigest posts a cited digest of the coverage published since `since`
// in Config.DigestChannel, for the scheduled digest. When nothing is new it
// posts nothing and reports false: a quiet channel says as much as a
// message saying that nothing happened.
func (b *Bot) PostDigest(ctx context.Context, since time.Time) (posted bool, err error) {
	switch {
	case b.cfg.DigestChannel == "":
		return false, errors.New("post digest: no digest channel configured")
	case b.opts.Intelligence == nil:
		return false, errors.New("post digest: the bot has no intelligence to write it")
	case !b.begin():
		return false, errors.New("post digest: the bot is shutting down")
	}
	defer b.work.Done()
	a, err := b.opts.Intelligence.Digest(ctx, since)
	if err != nil {
		b.metrics.posts.WithLabelValues("digest", "error").Inc()
		return false, fmt.Errorf("post digest: %w", err)
	}
	if a.Abstained && len(a.Citations) == 0 {
		b.log.Info("nothing new for the digest", "since", since)
		return false, nil
	}
	postCtx, cancel := noticeContext(ctx)
	defer cancel()
	dest := &channelReply{b: b, channelID: b.cfg.DigestChannel}
	if err := dest.finish(postCtx, renderAnswer(answerView{Title: "Digest: what's new since " + sinceText(since)}, a)); err != nil {
		b.metrics.posts.WithLabelValues("digest", "error").Inc()
		return false, fmt.Errorf("post digest in %s: %w", b.cfg.DigestChannel, err)
	}
	b.metrics.posts.WithLabelValues("digest", "ok").Inc()
	b.log.Info("posted digest", "channel", b.cfg.DigestChannel, "since", since, "citations", len(a.Citations))
	return true, nil
}
