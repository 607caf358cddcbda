package feed

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

// Errors IngestURL returns, for callers that explain them.
var (
	ErrAlreadyIndexed = errors.New("already in the coverage")
	ErrTooOld         = errors.New("older than the retention period")
)

// IngestURL fetches one article page and ingests it. A page whose text is
// already in the index under another address is refused as a duplicate;
// the same address again updates the article when its page changed.
func (p *Poller) IngestURL(ctx context.Context, rawURL string) (rag.ArticleInfo, error) {
	a, err := p.opts.Fetcher.FetchArticle(ctx, rawURL)
	if err != nil {
		return rag.ArticleInfo{}, err
	}
	now := p.opts.Now()
	if p.opts.Retention > 0 && !a.Published.IsZero() && a.Published.Before(now.Add(-p.opts.Retention)) {
		return rag.ArticleInfo{}, fmt.Errorf("%w: “%s” was published on %s, and articles older than %s are not kept",
			ErrTooOld, a.Title, a.Published.Format(time.DateOnly), FormatAge(p.opts.Retention))
	}
	hash := contentHash(a.Text)
	var dupOf string
	p.view(func(st *State) { dupOf = indexState(st).byHash[hash] })
	if dupOf != "" && dupOf != a.ID {
		if info, ok := p.opts.Index.Article(dupOf); ok {
			return info, fmt.Errorf("%w as “%s” (%s)", ErrAlreadyIndexed, info.Title, info.ID)
		}
	}
	_, existed := p.opts.Index.Article(a.ID)
	rep, err := p.opts.Index.Ingest(ctx, []rag.Article{a}, search.IngestOptions{})
	if err != nil {
		return rag.ArticleInfo{}, fmt.Errorf("ingest %s: %w", a.ID, err)
	}
	if len(rep.Empty) > 0 {
		return rag.ArticleInfo{}, fmt.Errorf("ingest %s: %w: nothing was left of the page once boilerplate was removed", a.ID, source.ErrNoText)
	}
	info, ok := p.opts.Index.Article(a.ID)
	if !ok {
		return rag.ArticleInfo{}, fmt.Errorf("ingest %s: the article is not in the index afterwards", a.ID)
	}
	if err := p.update(func(st *State) {
		st.URLs[a.ID] = URLRecord{URL: a.URL, ContentHash: hash, Added: now}
	}); err != nil {
		p.log.Warn("the article is in, but the feed state could not be saved", "article", a.ID, "err", err)
	}
	if !existed {
		p.announce([]rag.ArticleInfo{info})
	}
	return info, nil
}

// LiveArticle reports whether an article came from a feed or a URL rather
// than a file, so that pruning the files' articles keeps it: its source
// will not give it back.
func (p *Poller) LiveArticle() func(id string) bool {
	ids := map[string]bool{}
	p.view(func(st *State) {
		for id := range st.URLs {
			ids[id] = true
		}
		for _, r := range st.Feeds {
			for _, e := range r.Entries {
				if e.ArticleID != "" && !e.Duplicate {
					ids[e.ArticleID] = true
				}
			}
		}
	})
	return func(id string) bool { return ids[id] }
}

// FormatAge writes a retention period as people say it.
func FormatAge(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		days := int(d / (24 * time.Hour))
		if days == 1 {
			return "1 day"
		}
		return fmt.Sprintf("%d days", days)
	}
	return d.String()
}
