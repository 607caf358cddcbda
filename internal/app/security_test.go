package app

import (
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
