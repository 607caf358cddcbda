package app

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakeopenai"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

// plantLinksOut puts in the sandbox's data directory the links an attacker
// with write access to it would: one to the process environment and one to
// a secrets file beside the directory, named like articles.
func plantLinksOut(t *testing.T, c *cli) {
	t.Helper()
	secrets := filepath.Join(c.dir, ".env.md")
	if err := os.WriteFile(secrets, []byte("# Secrets\n\nThe token is DISCORD_TOKEN=canary-token-for-tests and the key is sk-canary-secret.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"environ.md": "/proc/self/environ", "env.md": secrets} {
		if err := os.Symlink(target, filepath.Join(c.data, name)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestIngestRefusesLinksOutOfTheDataDirectory: the CLI names each link it
// skipped and why, and indexes the rest.
func TestIngestRefusesLinksOutOfTheDataDirectory(t *testing.T) {
	c := newCLI(t)
	plantLinksOut(t, c)
	out, errs, code := c.run("ingest")
	if code != exitSkipped {
		t.Fatalf("exit %d, want %d\n%s\n%s", code, exitSkipped, out, errs)
	}
	for _, name := range []string{"environ.md", "env.md"} {
		if !strings.Contains(errs, name+": a symbolic link that leads out of") {
			t.Errorf("stderr does not say %s was refused as a link out:\n%s", name, errs)
		}
	}
	src := c.mustRun("sources")
	if !strings.Contains(src, "5 articles") || strings.Contains(src, "environ") || strings.Contains(src, "Secrets") {
		t.Errorf("sources after ingesting the links:\n%s", src)
	}
}

// TestAskNeverSeesProc: with the same links in the data directory, a
// reader's /ask about the token gets nothing of the environment or the
// secrets file, and neither does the model.
func TestAskNeverSeesProc(t *testing.T) {
	c := newCLI(t)
	plantLinksOut(t, c)
	s := startServedIn(t, c, map[string]string{"COVERAGEBOT_USER_RATE": "off"})
	s.llm.SetDefaultChat(func(req fakeopenai.ChatRequest) string { return "The sources don't say." })
	for _, q := range []string{"What is the DISCORD_TOKEN?", "What is in the process environment PATH HOME?", "What is the secret key?"} {
		o := s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, q))
		for _, leak := range []string{"canary-token-for-tests", "sk-canary-secret", "PATH=", "HOME="} {
			if strings.Contains(o.text, leak) {
				t.Errorf("%q: the reply shows %q: %q", q, leak, o.text)
			}
		}
	}
	for _, req := range s.llm.Requests() {
		for _, m := range req.Messages {
			for _, leak := range []string{"canary-token-for-tests", "sk-canary-secret", "PATH=", "HOME="} {
				if strings.Contains(m.Content, leak) {
					t.Errorf("the model was sent %q", leak)
				}
			}
		}
	}
}

// zonedLoopback spells the news site's loopback address with IPv6 zones,
// which the first address guard took for public ones.
func zonedLoopback(s *newsSite, path string) []string {
	port := s.srv.Listener.Addr().(*net.TCPAddr).Port
	var out []string
	for _, host := range []string{"[::%25lo]", "[::%251]", "[0:0:0:0:0:0:0:0%25lo]", "[::ffff:127.0.0.1%25lo]", "[64:ff9b::7f00:1%25eth0]"} {
		out = append(out, fmt.Sprintf("http://%s:%d%s", host, port, path))
	}
	return out
}

// TestIngestRefusesZonedAddresses: an admin's /ingest of a zoned address is
// refused, with the private-address policy on and off.
func TestIngestRefusesZonedAddresses(t *testing.T) {
	site := newNewsSite(t)
	site.serveNews()
	for _, env := range []map[string]string{nil, {"COVERAGEBOT_ALLOW_PRIVATE_URLS": "true"}} {
		s := startServed(t, env)
		for _, u := range zonedLoopback(site, "/news/ferry-strike") {
			_, token := s.discord.SendInteraction(fakediscord.Interaction{Type: fakediscord.InteractionCommand,
				GuildID: testGuild, ChannelID: testChannel, UserID: testAdmin, Name: "ingest",
				Options: []fakediscord.Option{{Name: "url", Type: fakediscord.OptionString, Value: u}}})
			o := s.waitOutcome(token)
			if !strings.Contains(o.text, "couldn't add that page") || !strings.Contains(o.text, "zoned IPv6") {
				t.Errorf("%v: /ingest %s ended %q: %q; want a refusal of the zoned address", env, u, o.kind, o.text)
			}
		}
		s.stop()
	}
	if n := site.count("/news/ferry-strike"); n != 0 {
		t.Errorf("the loopback page was requested %d times", n)
	}
}

// TestPollRefusesZonedEntries: a feed on a public site whose entries link,
// directly or through a redirect, to a zoned address gets neither the page
// nor its own text for it into the index.
func TestPollRefusesZonedEntries(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	zoned := zonedLoopback(s, "/news/ferry-strike")
	s.handle("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, zoned[0], http.StatusFound)
	})
	var items strings.Builder
	links := append(slices.Clone(zoned), "http://wire.example/redirect")
	for i, link := range links {
		fmt.Fprintf(&items, "<item><title>Entry %d</title><link>%s</link><guid>z%d</guid><description>Smuggled text %d.</description></item>\n", i, html.EscapeString(link), i, i)
	}
	s.serve("/feeds/wire.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>http://wire.example/</link>
`+items.String()+`</channel></rss>`), "application/rss+xml")
	r := newLiveRig(t, []string{"http://wire.example/feeds/wire.rss"}, wireFetch(s, nil))
	rep := r.poll()
	if f := rep.Feeds[0]; f.Err != nil || f.Ingested != 0 || f.Skipped != len(links) || f.FromFeed != 0 {
		t.Fatalf("report %+v; want all %d entries skipped", f, len(links))
	}
	if ids := r.articleIDs(); len(ids) != 0 {
		t.Errorf("articles %q, want none", ids)
	}
	if n := s.count("/news/ferry-strike"); n != 0 {
		t.Errorf("the loopback page was fetched %d times", n)
	}
	for i := range links {
		e := r.state().Feeds["http://wire.example/feeds/wire.rss"].Entries[fmt.Sprintf("guid:z%d", i)]
		if e == nil || !strings.Contains(e.Skipped, "zoned IPv6") {
			t.Errorf("entry %d (%s): %+v, want it skipped as a zoned address", i, links[i], e)
		}
	}
}

// wireFetch keeps the default address policy and makes wire.example a
// public site (203.0.113.9) served by s; names in private resolve as given.
func wireFetch(s *newsSite, private map[string]string) source.FetchOptions {
	lookup := func(_ context.Context, host string) ([]netip.Addr, error) {
		if host == "wire.example" {
			return []netip.Addr{netip.MustParseAddr("203.0.113.9")}, nil
		}
		if ip, ok := private[host]; ok {
			return []netip.Addr{netip.MustParseAddr(ip)}, nil
		}
		return nil, fmt.Errorf("lookup %s: no such host", host)
	}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		if addr != "203.0.113.9:80" {
			return nil, fmt.Errorf("dial %s: unreachable", addr)
		}
		var d net.Dialer
		return d.DialContext(ctx, network, s.srv.Listener.Addr().String())
	}
	return source.FetchOptions{Lookup: lookup, Dial: dial, Timeout: 5 * time.Second}
}

// hostileFeed serves a feed at /feeds/hostile.rss whose entries link where
// links says, each with a summary that says "Planted text".
func hostileFeed(s *newsSite, links ...string) string {
	var items strings.Builder
	for i, link := range links {
		fmt.Fprintf(&items, "<item><title>Planted %d</title><link>%s</link><guid>h%d</guid><description>Planted text %d: the talks were cancelled.</description></item>\n", i, html.EscapeString(link), i, i)
	}
	s.serve("/feeds/hostile.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>`+s.URL("/")+`</link>
`+items.String()+`</channel></rss>`), "application/rss+xml")
	return s.URL("/feeds/hostile.rss")
}

// TestFeedCannotReplaceOthersArticles: a feed entry whose page fails and
// whose link is made to give the id of a file article, of an article an
// admin ingested, or of that article on another port, leaves each of them
// as it was.
func TestFeedCannotReplaceOthersArticles(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	port := s.srv.Listener.Addr().(*net.TCPAddr).Port
	feed := hostileFeed(s,
		"http://starmer-zelenskyy-call/",                             // a file article's id; no such host
		s.URL("/news/ferry-strike/"),                                 // the admin's article, one slash more: 404
		fmt.Sprintf("http://127.0.0.1:%d/news/ferry-strike", port+1), // another port: nothing listens
	)
	r := newLiveRig(t, []string{feed}, local())
	loaded, err := source.Load(context.Background(), "../../data")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.index.Ingest(context.Background(), loaded.Articles, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	admin, err := r.poller.IngestURL(context.Background(), s.URL("/news/ferry-strike"))
	if err != nil {
		t.Fatal(err)
	}
	before := map[string]string{}
	for _, id := range []string{"starmer-zelenskyy-call", admin.ID} {
		if before[id], err = r.index.ArticleText(id); err != nil {
			t.Fatal(err)
		}
	}
	idsBefore := r.articleIDs()

	rep := r.poll()
	for id, text := range before {
		after, err := r.index.ArticleText(id)
		if err != nil || after != text {
			t.Errorf("article %s was changed by the feed: %v\n%q", id, err, after)
		}
	}
	st := r.state().Feeds[feed]
	for _, key := range []string{"guid:h0", "guid:h1"} {
		if e := st.Entries[key]; e == nil || !strings.Contains(e.Skipped, "a feed only updates its own") {
			t.Errorf("%s: %+v; want it refused for taking another source's id", key, e)
		}
	}
	// The other port is another site: its entry is an article of its own,
	// from the feed's text, beside the admin's.
	other := st.Entries["guid:h2"]
	if other == nil || other.ArticleID == admin.ID || !other.FromFeed {
		t.Errorf("the other port's entry: %+v", other)
	}
	if f := rep.Feeds[0]; f.Err != nil || f.Ingested > 2 {
		t.Errorf("report %+v", f)
	}
	for _, id := range idsBefore {
		if !slices.Contains(r.articleIDs(), id) {
			t.Errorf("article %s is gone", id)
		}
	}
}

// TestFailedFetchKeepsThePageText: once an entry's page has been fetched,
// a later failure to fetch it again (after the entry changed) keeps the
// page's text rather than the feed's summary, and the page is tried again.
func TestFailedFetchKeepsThePageText(t *testing.T) {
	s := newNewsSite(t)
	s.serveNews()
	gazette := s.URL("/feeds/gazette.rss")
	r := newLiveRig(t, []string{gazette}, local())
	r.poll()
	ferry := articleID(s, "/news/ferry-strike")
	page, err := r.index.ArticleText(ferry)
	if err != nil {
		t.Fatal(err)
	}

	feed := bytes.Replace(s.fixture("gazette.rss"), []byte("in a dispute over new rotas.</p>"),
		[]byte("in a dispute over new rotas. Planted summary.</p>"), 1)
	s.serve("/feeds/gazette.rss", feed, "application/rss+xml")
	s.handle("/news/ferry-strike", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	r.clock.advance(2 * testInterval)
	r.poll()
	if text, _ := r.index.ArticleText(ferry); text != page {
		t.Errorf("a failed fetch replaced the page's text:\n%q", text)
	}
	var e *EntryRecord
	for _, er := range r.state().Feeds[gazette].Entries {
		if er.ArticleID == ferry && !er.Duplicate {
			e = er
		}
	}
	if e == nil || !e.FromFeed || !strings.Contains(e.Skipped, "kept") {
		t.Fatalf("entry %+v; want the article kept and the page to be tried again", e)
	}

	// The page comes back, updated: it replaces the article. (The feed
	// is sent in full, as a server without validators would.)
	s.serve("/news/ferry-strike", s.fixture("ferry-strike-updated.html"), "text/html")
	s.setETags(false)
	r.clock.advance(2 * testInterval)
	r.poll()
	if text, _ := r.index.ArticleText(ferry); !strings.Contains(text, "broke down on Monday evening") {
		t.Errorf("the page, back, did not update the article: %q", text)
	}
}
