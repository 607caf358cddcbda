package app

import (
	"context"
	"errors"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/internal/fakenews"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

// liveFixtures are the feeds and pages the fake news site serves.
const liveFixtures = "../../rag/source/testdata/live"

// articleID is the id the fetcher gives a page of the test site.
func articleID(s *fakenews.Site, path string) string {
	a, err := source.EntryArticle(source.FeedEntry{Link: s.URL(path), Content: "x"}, "")
	if err != nil {
		panic(err)
	}
	return a.ID
}

func TestRetention(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2025, 3, 16, 0, 0, 0, 0, time.UTC)
	article := func(id string, published time.Time) rag.Article {
		return rag.Article{ID: id, Title: id, Published: published,
			Text: "The harbour board met on " + id + " to discuss the swing bridge and the ferry timetable for the spring."}
	}
	arts := []rag.Article{
		article("old", now.AddDate(0, 0, -40)),
		article("recent", now.AddDate(0, 0, -2)),
		article("undated", time.Time{}),
	}

	t.Run("expire", func(t *testing.T) {
		idx, err := search.Open(search.NewLocalEmbedder(), search.Options{Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := idx.Ingest(ctx, arts, search.IngestOptions{}); err != nil {
			t.Fatal(err)
		}
		n, err := expireArticles(ctx, idx, 30*24*time.Hour, now)
		if err != nil || n != 1 {
			t.Fatalf("removed %d, err %v; want the one old article", n, err)
		}
		for _, id := range []string{"recent", "undated"} {
			if _, ok := idx.Article(id); !ok {
				t.Errorf("%s was removed", id)
			}
		}
		if _, ok := idx.Article("old"); ok {
			t.Error("the old article is still there")
		}
	})

	t.Run("files past retention are not indexed", func(t *testing.T) {
		dir := t.TempDir()
		for _, a := range arts {
			date := ""
			if !a.Published.IsZero() {
				date = "published: " + a.Published.Format(time.DateOnly) + "\n"
			}
			body := "---\ntitle: " + a.Title + "\n" + date + "---\n" + a.Text + "\n"
			if err := os.WriteFile(filepath.Join(dir, a.ID+".md"), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		idx, err := search.Open(search.NewLocalEmbedder(), search.Options{Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := ingestFiles(ctx, idx, []string{dir}, fileIngest{retention: 30 * 24 * time.Hour, now: now}, nil, slog.New(slog.DiscardHandler))
		if err != nil || rep.Added != 2 {
			t.Fatalf("added %d, err %v; want 2", rep.Added, err)
		}
		if _, ok := idx.Article("old"); ok {
			t.Error("the old file was indexed")
		}
	})
}

func TestIngestCommandWithURLsAndFeeds(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	s.Serve("/report.pdf", []byte("%PDF-1.7"), "application/pdf")
	c := newCLI(t)
	c.env["COVERAGEBOT_ALLOW_PRIVATE_URLS"] = "true"

	out := c.mustRun("ingest", s.URL("/news/ferry-strike?utm_source=share"))
	ferry := articleID(s, "/news/ferry-strike")
	if !strings.Contains(out, ferry+": “Ferry workers walk out over rota changes” (The Harbour Gazette, 2025-03-14)") {
		t.Errorf("ingest URL printed %q", out)
	}
	_, errOut, code := c.run("ingest", s.URL("/report.pdf"))
	if code != exitSkipped || !strings.Contains(errOut, "not a web page: the site sent application/pdf") {
		t.Errorf("a PDF: exit %d, stderr %q", code, errOut)
	}
	// Pruning against the data directory keeps the article from the URL.
	c.mustRun("ingest", "--prune", c.data)
	out = c.mustRun("sources")
	if !strings.Contains(out, ferry) || !strings.Contains(out, "2025-03-14") {
		t.Errorf("sources after pruning lacks the URL's article:\n%s", out)
	}

	c.env["COVERAGEBOT_FEEDS"] = s.URL("/feeds/gazette.rss") + "," + s.URL("/feeds/courier.atom")
	out = c.mustRun("ingest", "--feeds")
	if !strings.Contains(out, s.URL("/feeds/gazette.rss")+": 4 entries") || !strings.Contains(out, "New: ") {
		t.Errorf("ingest --feeds printed:\n%s", out)
	}
	out = c.mustRun("feeds")
	for _, want := range []string{s.URL("/feeds/gazette.rss"), s.URL("/feeds/courier.atom"), "LAST SUCCESS"} {
		if !strings.Contains(out, want) {
			t.Errorf("feeds lacks %q:\n%s", want, out)
		}
	}
	// The pages are fetched once: the second pass finds the feeds
	// unchanged.
	pages := s.PageCounts()
	out = c.mustRun("ingest", "--feeds")
	if !strings.Contains(out, "not modified") || !maps.Equal(s.PageCounts(), pages) {
		t.Errorf("second pass fetched pages again, or printed:\n%s", out)
	}
	if _, errOut, code := c.run("ingest", "--prune", "--feeds"); code != exitUsage || !strings.Contains(errOut, "give the paths") {
		t.Errorf("--prune with only feeds: exit %d, %q", code, errOut)
	}
}

func TestAppServesLiveCoverage(t *testing.T) {
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	cfg := config.Default()
	cfg.HTTP.Addr = ""
	cfg.Index.Dir = t.TempDir()
	cfg.Data = t.TempDir()
	cfg.Feeds.URLs = []string{s.URL("/feeds/gazette.rss")}
	cfg.Feeds.Interval = time.Hour
	cfg.Feeds.AllowPrivateURLs = true
	a, err := New(cfg, Deps{NoDiscord: true})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var announced []rag.ArticleInfo
	a.onNewArticles = func(infos []rag.ArticleInfo) {
		mu.Lock()
		announced = append(announced, infos...)
		mu.Unlock()
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	deadline := time.Now().Add(30 * time.Second)
	for a.Feeds()[0].LastSuccess.IsZero() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	st := a.Feeds()[0]
	if st.LastSuccess.IsZero() || st.Articles != 2 {
		t.Errorf("serve did not poll the feed: %+v", st)
	}
	info, err := a.IngestURL(ctx, s.URL("/courier/weather/storm-pass"))
	if err != nil || info.Outlet != "The Valley Courier" || info.Passages == 0 {
		t.Errorf("IngestURL: %+v, %v", info, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run: %v", err)
	}
	a.Close()
	mu.Lock()
	defer mu.Unlock()
	if len(announced) != 3 {
		t.Errorf("announced %d articles, want 3", len(announced))
	}

	cfg.Index.ReadOnly, cfg.Feeds.URLs = true, nil
	ro, err := New(cfg, Deps{NoDiscord: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.IngestURL(context.Background(), s.URL("/news/ferry-strike")); !errors.Is(err, errReadOnly) {
		t.Errorf("read-only IngestURL: %v", err)
	}
}
