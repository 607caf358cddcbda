package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/internal/redact"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/feed"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

// errReadOnly is IngestURL's answer on a process that only reads the index.
var errReadOnly = errors.New("this process only reads the shared index; add articles on the process that writes it")

// newFetcher builds the fetcher the settings describe.
func newFetcher(cfg config.Config) *source.Fetcher {
	return source.NewFetcher(source.FetchOptions{
		UserAgent:    cfg.Feeds.UserAgent,
		Timeout:      cfg.Feeds.FetchTimeout,
		MaxBytes:     cfg.Feeds.MaxPageBytes,
		AllowPrivate: cfg.Feeds.AllowPrivateURLs,
	})
}

// newPoller builds the poller for the index in cfg.Index.Dir.
func newPoller(cfg config.Config, idx *search.Index, logger *slog.Logger, onNew func([]rag.ArticleInfo)) (*feed.Poller, error) {
	return feed.NewPoller(feed.Options{
		Feeds:     slices.Clone(cfg.Feeds.URLs),
		Interval:  cfg.Feeds.Interval,
		Retention: cfg.Index.Retention,
		StatePath: filepath.Join(cfg.Index.Dir, feed.StateFile),
		Index:     idx,
		Fetcher:   newFetcher(cfg),
		Logger:    logger,
		OnNew:     onNew,
	})
}

// IngestURL fetches an article page and adds it to the coverage: the admin
// /ingest and `coveragebot ingest URL`. Errors are fit to show the admin.
func (a *App) IngestURL(ctx context.Context, rawURL string) (rag.ArticleInfo, error) {
	if a.live == nil {
		return rag.ArticleInfo{}, errReadOnly
	}
	return a.live.IngestURL(ctx, rawURL)
}

// Feeds lists the configured feeds with their last success, last error and
// article count, for /feeds.
func (a *App) Feeds() []feed.Status {
	if a.live == nil {
		return nil
	}
	return a.live.Status()
}

// newArticles hands articles new to the index to the bot, which announces
// them when an announcement channel is set (without waiting for Discord),
// and to onNewArticles; the poller has logged them.
func (a *App) newArticles(infos []rag.ArticleInfo) {
	if b := a.bot.Load(); b != nil {
		b.Announce(infos)
	}
	if a.onNewArticles != nil {
		a.onNewArticles(infos)
	}
}

// minLiveWait keeps the live loop from spinning when a feed is due at once
// again (a poll cut short).
const minLiveWait = 10 * time.Second

// liveLoop polls the feeds when they are due and applies the retention
// period, until ctx ends. Polls ingest through the index, which keeps
// answering while they embed.
func (a *App) liveLoop(ctx context.Context) {
	feeds := len(a.cfg.Feeds.URLs) > 0
	interval := a.cfg.Feeds.Interval
	for {
		if feeds {
			rep, err := a.live.PollOnce(ctx)
			switch {
			case ctx.Err() != nil:
				return
			case err != nil:
				a.log.Error("feed poll", "err", err)
			case len(rep.Feeds) > 0:
				failed := 0
				for _, f := range rep.Feeds {
					if f.Err != nil {
						failed++
					}
				}
				a.log.Info("feeds polled", "feeds", len(rep.Feeds), "failed", failed, "new", len(rep.New),
					"updated", rep.Ingest.Updated, "passages", rep.Ingest.Passages)
			}
		}
		if r := a.cfg.Index.Retention; r > 0 {
			n, err := expireArticles(ctx, a.stack.index, r, time.Now())
			switch {
			case ctx.Err() != nil:
				return
			case err != nil:
				a.log.Error("retention", "err", err)
			case n > 0:
				a.log.Info("removed articles past the retention period", "articles", n, "retention", feed.FormatAge(r))
			}
		}
		wait := time.Duration(float64(interval) * (0.9 + 0.2*rand.Float64())) // ±10%, so processes spread out
		if feeds {
			wait = min(wait, max(time.Until(a.live.NextDue()), minLiveWait))
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// feedsCmd is `coveragebot feeds`: the configured feeds and their health,
// from the state the last polls left. Feed URLs are shown with their query
// values hidden, as everywhere else, unless --show-query asks for them.
type feedsCmd struct {
	ShowQuery bool
}

func (c *feedsCmd) bind(fs *flag.FlagSet) {
	fs.BoolVar(&c.ShowQuery, "show-query", false, "show the feed URLs' query strings, which may hold access tokens (passwords stay hidden)")
}

func (c *feedsCmd) run(_ context.Context, inv *invocation) error {
	w := inv.stdout()
	if len(inv.cfg.Feeds.URLs) == 0 {
		fmt.Fprintln(w, "No feeds configured: set COVERAGEBOT_FEEDS (or feeds: in the config file).")
		return nil
	}
	st, err := openStack(inv.cfg, inv.logger, stackOptions{})
	if err != nil {
		return err
	}
	p, err := newPoller(inv.cfg, st.index, inv.logger, nil)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FEED\tLAST SUCCESS\tARTICLES\tNEXT POLL\tLAST ERROR")
	for i, f := range p.Status() {
		if c.ShowQuery {
			// Status lists the feeds in configured order.
			f.URL = redact.URL(inv.cfg.Feeds.URLs[i])
		}
		lastErr := "-"
		if f.LastError != "" {
			lastErr = fmt.Sprintf("%s (%d in a row)", oneLineText(f.LastError, 120), f.Failures)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", f.URL, timeOrDash(f.LastSuccess), f.Articles, timeOrDash(f.NextPoll), lastErr)
	}
	return tw.Flush()
}

func timeOrDash(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// oneLineText keeps an error message to one short line for a table.
func oneLineText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
