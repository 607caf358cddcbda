package app

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/coveragebot/coveragebot/rag"
)

// sourcesCmd is `coveragebot sources`.
type sourcesCmd struct {
	JSON  bool
	Query string
}

func (c *sourcesCmd) bind(fs *flag.FlagSet) {
	fs.BoolVar(&c.JSON, "json", false, "print JSON")
	fs.StringVar(&c.Query, "query", "", "list only articles whose title, outlet or id contains this `TEXT`")
}

type jsonArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Passages  int    `json:"passages"`
}

func (c *sourcesCmd) run(ctx context.Context, inv *invocation) error {
	st, err := openStack(inv.cfg, inv.logger, stackOptions{})
	if err != nil {
		return err
	}
	if err := ensureIndexed(ctx, inv, st); err != nil {
		return err
	}
	arts := FilterArticles(st.index.Articles(), c.Query)
	w := inv.stdout()
	if c.JSON {
		out := make([]jsonArticle, 0, len(arts))
		for _, a := range arts {
			out = append(out, jsonArticle{ID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: formatDate(a.Published), Passages: a.Passages})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	passages := 0
	for _, a := range arts {
		passages += a.Passages
	}
	newest := "undated"
	if len(arts) > 0 && !arts[0].Published.IsZero() {
		newest = formatDate(arts[0].Published)
	}
	fmt.Fprintf(w, "%d articles, %d passages; newest %s\n\n", len(arts), passages, newest)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tOUTLET\tPASSAGES\tTITLE")
	for _, a := range arts {
		date := formatDate(a.Published)
		if date == "" {
			date = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", a.ID, date, a.Outlet, a.Passages, a.Title)
	}
	return tw.Flush()
}

// FilterArticles keeps the articles whose id, title or outlet contains
// query, case-insensitively; an empty query keeps all.
func FilterArticles(arts []rag.ArticleInfo, query string) []rag.ArticleInfo {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return arts
	}
	var out []rag.ArticleInfo
	for _, a := range arts {
		if strings.Contains(strings.ToLower(a.ID+" "+a.Title+" "+a.Outlet), q) {
			out = append(out, a)
		}
	}
	return out
}
