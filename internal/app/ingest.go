package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/feed"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

// ingestCmd is `coveragebot ingest`.
type ingestCmd struct {
	Prune   bool
	Rebuild bool
	Feeds   bool
}

func (c *ingestCmd) bind(fs *flag.FlagSet) {
	fs.BoolVar(&c.Prune, "prune", false, "remove indexed articles that are no longer in the given paths (articles from feeds and URLs are kept)")
	fs.BoolVar(&c.Rebuild, "rebuild", false, "build the index from scratch, replacing the one on disk (after changing the embedder, or when it is corrupt)")
	fs.BoolVar(&c.Feeds, "feeds", false, "poll every feed in COVERAGEBOT_FEEDS once and ingest new entries")
}

func isSkipped(err error) bool { return errors.Is(err, errSkipped) }

// run indexes files and directories, web pages given by URL, and, with
// --feeds, one pass over the feeds. With no argument and no --feeds it
// indexes the data directory.
func (c *ingestCmd) run(ctx context.Context, inv *invocation) error {
	var paths, urls []string
	for _, arg := range inv.args {
		if isWebAddress(arg) {
			urls = append(urls, arg)
		} else {
			paths = append(paths, arg)
		}
	}
	pollFeeds, prune := c.Feeds, c.Prune
	if pollFeeds && len(inv.cfg.Feeds.URLs) == 0 {
		return usageErr("--feeds needs feeds to poll: set COVERAGEBOT_FEEDS (or feeds: in the config file)")
	}
	if len(paths) == 0 && len(urls) == 0 && !pollFeeds {
		paths = []string{inv.cfg.Data}
	}
	if prune && len(paths) == 0 {
		return usageErr("--prune removes articles missing from the given paths; give the paths too")
	}
	if inv.cfg.Index.ReadOnly {
		return errors.New("COVERAGEBOT_READ_ONLY is set: this process never writes the index; ingest on the process that does")
	}
	progress := newProgress(inv.env.Stderr)
	st, err := openStack(inv.cfg, inv.logger, stackOptions{fresh: c.Rebuild, progress: progress})
	if err != nil {
		return err
	}
	live, err := newPoller(inv.cfg, st.index, inv.logger, nil)
	if err != nil {
		return err
	}
	w := inv.stdout()
	var skipped error
	failed := 0

	if len(paths) > 0 {
		rep, err := ingestFiles(ctx, st.index, paths, fileIngest{
			prune: prune, keep: live.LiveArticle(), retention: inv.cfg.Index.Retention, now: time.Now(),
		}, progress, inv.logger)
		if err != nil && !isSkipped(err) {
			return err
		}
		skipped = err
		if !rep.Changed() {
			fmt.Fprintf(w, "Index is up to date: %d articles unchanged, nothing embedded (%d articles, %d passages).\n",
				rep.Unchanged, rep.Articles, rep.Passages)
		} else {
			fmt.Fprintf(w, "Indexed %d new, %d changed, %d removed, %d unchanged articles; embedded %d passages in %s (%d articles, %d passages in %s).\n",
				rep.Added, rep.Updated, rep.Removed, rep.Unchanged, rep.Embedded, rep.Duration.Round(time.Millisecond), rep.Articles, rep.Passages, inv.cfg.Index.Dir)
		}
	}

	for _, u := range urls {
		info, err := live.IngestURL(ctx, u)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintf(inv.env.Stderr, "coveragebot ingest: %v\n", err)
			failed++
			continue
		}
		fmt.Fprintf(w, "Indexed %s\n", describeArticle(info))
	}

	if pollFeeds {
		rep, err := live.PollAll(ctx)
		for _, f := range rep.Feeds {
			if f.Err != nil {
				fmt.Fprintf(inv.env.Stderr, "coveragebot ingest: %v\n", f.Err)
				failed++
			}
		}
		writePollReport(w, rep)
		if err != nil {
			return err
		}
	}

	if r := inv.cfg.Index.Retention; r > 0 {
		n, err := expireArticles(ctx, st.index, r, time.Now())
		if err != nil {
			return err
		}
		if n > 0 {
			fmt.Fprintf(w, "Removed %d articles published more than %s ago (COVERAGEBOT_RETENTION).\n", n, feed.FormatAge(r))
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d URL(s) or feed(s) failed, listed above: %w", failed, errSkipped)
	}
	return skipped
}

// isWebAddress tells a URL argument from a path.
func isWebAddress(arg string) bool {
	u, err := url.Parse(arg)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https")
}

// describeArticle is one line about an ingested article.
func describeArticle(info rag.ArticleInfo) string {
	var meta []string
	if info.Outlet != "" {
		meta = append(meta, info.Outlet)
	}
	if d := formatDate(info.Published); d != "" {
		meta = append(meta, d)
	} else {
		meta = append(meta, "undated")
	}
	return fmt.Sprintf("%s: “%s” (%s), %d passages", info.ID, info.Title, strings.Join(meta, ", "), info.Passages)
}

// writePollReport prints what a pass over the feeds did.
func writePollReport(w io.Writer, rep feed.Report) {
	for _, f := range rep.Feeds {
		switch {
		case f.Err != nil:
			fmt.Fprintf(w, "%s: failed\n", f.URL)
		case f.NotModified:
			fmt.Fprintf(w, "%s: not modified since the last poll\n", f.URL)
		default:
			fmt.Fprintf(w, "%s: %d entries, %d already known, %d ingested, %d duplicates, %d from the feed's text, %d skipped\n",
				f.URL, f.Entries, f.Known, f.Ingested, f.Duplicates, f.FromFeed, f.Skipped)
		}
	}
	for _, a := range rep.New {
		fmt.Fprintf(w, "New: %s\n", describeArticle(a))
	}
}

// fileIngest tunes ingestFiles.
type fileIngest struct {
	// prune removes indexed articles missing from the paths, except those
	// keep reports (articles from feeds and URLs, which no path holds).
	prune bool
	keep  func(id string) bool
	// retention, when set, leaves out articles published before
	// now-retention.
	retention time.Duration
	now       time.Time
}

// ingestFiles loads articles from paths and ingests them, reporting
// progress. Files that could not be loaded are logged and make the result
// errSkipped once the rest is indexed. It prunes only articles that came
// from files and leaves out articles past the retention period: pruning with
// rag's own Prune would delete every article the feeds and URLs brought in,
// and the feed state would never fetch them again.
func ingestFiles(ctx context.Context, idx *search.Index, paths []string, fi fileIngest, progress *progressReporter, logger *slog.Logger) (search.IngestReport, error) {
	res, err := source.Load(ctx, paths...)
	if err != nil {
		var missing *fs.PathError
		if errors.As(err, &missing) && errors.Is(err, fs.ErrNotExist) {
			return search.IngestReport{}, fmt.Errorf("%s: no such file or directory", missing.Path)
		}
		return search.IngestReport{}, fmt.Errorf("load: %w", err)
	}
	for _, p := range res.Problems {
		logger.Warn("skipped", "problem", p.Error())
	}
	arts := res.Articles
	if fi.retention > 0 {
		cutoff := fi.now.Add(-fi.retention)
		kept := arts[:0:0]
		for _, a := range arts {
			if !a.Published.IsZero() && a.Published.Before(cutoff) {
				continue
			}
			kept = append(kept, a)
		}
		if n := len(arts) - len(kept); n > 0 {
			logger.Info("not indexed: published before the retention period", "articles", n, "retention", feed.FormatAge(fi.retention))
		}
		arts = kept
	}
	var stale []string
	if fi.prune {
		loaded := make(map[string]bool, len(arts))
		for _, a := range arts {
			loaded[a.ID] = true
		}
		for _, a := range idx.Articles() {
			if !loaded[a.ID] && (fi.keep == nil || !fi.keep(a.ID)) {
				stale = append(stale, a.ID)
			}
		}
	}
	rep, err := idx.Ingest(ctx, arts, search.IngestOptions{Progress: progress.update})
	progress.done()
	if err != nil {
		return rep, err
	}
	if len(stale) > 0 {
		n, err := idx.Remove(ctx, stale...)
		if err != nil {
			return rep, err
		}
		rep.Removed += n
		rep.Articles -= n
		rep.Passages = idx.Count()
	}
	for _, id := range rep.Empty {
		logger.Warn("not indexed: no article text or headline left after removing boilerplate", "article", id)
	}
	for _, id := range rep.HeadlineOnly {
		logger.Warn("indexed by its headline alone: no article text left after removing boilerplate", "article", id)
	}
	if len(res.Problems) > 0 {
		return rep, fmt.Errorf("%d file(s) or line(s) skipped, listed above: %w", len(res.Problems), errSkipped)
	}
	return rep, nil
}

// expireArticles removes the articles published before now-retention.
// Undated articles are kept: their age is unknown.
func expireArticles(ctx context.Context, idx *search.Index, retention time.Duration, now time.Time) (int, error) {
	cutoff := now.Add(-retention)
	var old []string
	for _, a := range idx.Articles() {
		if !a.Published.IsZero() && a.Published.Before(cutoff) {
			old = append(old, a.ID)
		}
	}
	if len(old) == 0 {
		return 0, nil
	}
	n, err := idx.Remove(ctx, old...)
	if err != nil {
		return n, fmt.Errorf("remove articles past retention: %w", err)
	}
	return n, nil
}
