package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/bot"
	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakenews"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
)

// The engine serves the bot's intelligence commands as it is.
var _ bot.Intelligence = (*answer.Engine)(nil)

// Channels of the newsroom guild besides testChannel.
const (
	announceChannel = "2001"
	digestChannel   = "2002"
)

// digestTimer stands in for time.After in the digest schedule: each wait
// the loop starts is handed to the test, which moves the clock and fires it.
type digestTimer struct {
	waits chan digestWait
}

type digestWait struct {
	d    time.Duration
	fire chan time.Time
}

func newDigestTimer() *digestTimer {
	// Buffered, so the loop never blocks on a test that stopped listening.
	return &digestTimer{waits: make(chan digestWait, 16)}
}

func (dt *digestTimer) After(d time.Duration) <-chan time.Time {
	w := digestWait{d: d, fire: make(chan time.Time, 1)}
	dt.waits <- w
	return w.fire
}

func (dt *digestTimer) next(t *testing.T) digestWait {
	t.Helper()
	select {
	case w := <-dt.waits:
		return w
	case <-time.After(30 * time.Second):
		t.Fatal("the digest schedule never started a wait")
		return digestWait{}
	}
}

// posted waits for a message the bot posts in channel whose text holds want.
func (s *served) posted(channel, want string) fakediscord.MessageBody {
	s.t.Helper()
	c := s.waitCall(func(c fakediscord.Call) bool {
		b, err := c.Message()
		return c.Method == "POST" && c.Route == "/channels/"+channel+"/messages" && c.Status < 300 &&
			err == nil && strings.Contains(b.Text(), want)
	})
	b, _ := c.Message()
	return b
}

// command sends a slash command and returns the text of its finished reply
// (the edit that carries the feedback buttons, or a notice), or of an
// immediate refusal.
func (s *served) command(user, perms, name string, opts ...fakediscord.Option) fakediscord.MessageBody {
	s.t.Helper()
	_, token := s.discord.SendInteraction(fakediscord.Interaction{
		GuildID: testGuild, ChannelID: testChannel, UserID: user, MemberPermissions: perms, Name: name, Options: opts,
	})
	cb := s.waitCall(func(c fakediscord.Call) bool { return strings.Contains(c.Route, "/"+token+"/callback") })
	if parsed, err := cb.Callback(); err == nil && parsed.Type == 4 {
		return parsed.Data
	}
	c := s.waitCall(func(c fakediscord.Call) bool {
		b, err := c.Message()
		if c.Method != "PATCH" || !strings.Contains(c.Route, token) || err != nil || c.Status >= 300 {
			return false
		}
		return b.Content != "" || len(b.Buttons()) > 0 || name == "feeds"
	})
	b, err := c.Message()
	if err != nil {
		s.t.Fatal(err)
	}
	return b
}

func opt(name, value string) fakediscord.Option {
	return fakediscord.Option{Name: name, Type: fakediscord.OptionString, Value: value}
}

// serve with feeds, an announcement channel and a weekly digest: new feed
// articles are announced, the intelligence commands answer from the real
// engine on the seed coverage, and the digest is posted when the injected
// clock reaches the schedule, covering the week before.
func TestServeAnnouncesDigestsAndAnswersIntelligenceCommands(t *testing.T) {
	site := fakenews.New(t, liveFixtures)
	site.ServeNews()
	c := newCLI(t)
	discord := fakediscord.New(fakediscord.Options{})
	defer discord.Close()
	discord.AddGuild(fakediscord.Guild{
		ID: testGuild, Name: "Newsroom",
		Channels: []fakediscord.Channel{{ID: testChannel, Name: "news"}, {ID: announceChannel, Name: "new-articles"}, {ID: digestChannel, Name: "digest"}},
		Members: []fakediscord.Member{
			{UserID: testUser, Username: "reader"},
			{UserID: testAdmin, Username: "editor", Permissions: fmt.Sprint(fakediscord.PermissionAdministrator)},
		},
	})
	// Sunday 27 April 2025; the digest goes out on Mondays at 08:00.
	clock := fakenews.NewClock(time.Date(2025, 4, 27, 9, 0, 0, 0, time.UTC))
	timer := newDigestTimer()
	feed := site.URL("/feeds/gazette.rss")
	s := startAppDeps(t, map[string]string{
		"COVERAGEBOT_INDEX":              c.index,
		"COVERAGEBOT_DATA":               c.data,
		"DISCORD_TOKEN":                  "canary-token-for-tests",
		"DISCORD_API_URL":                discord.URL(),
		"COVERAGEBOT_GUILDS":             testGuild,
		"COVERAGEBOT_FEEDS":              feed,
		"COVERAGEBOT_FEED_INTERVAL":      "1h",
		"COVERAGEBOT_ALLOW_PRIVATE_URLS": "true",
		"COVERAGEBOT_ANNOUNCE_CHANNEL":   announceChannel,
		"COVERAGEBOT_DIGEST_CHANNEL":     digestChannel,
		"COVERAGEBOT_DIGEST_CRON":        "0 8 * * 1",
		"COVERAGEBOT_USER_RATE":          "off",
	}, discord, nil, Deps{Now: clock.Now, After: timer.After})

	// The first poll brings the feed's two stories, announced together.
	announced := s.posted(announceChannel, "2 new articles in the coverage")
	var fromFeed []rag.ArticleInfo
	for _, a := range s.app.Index().Articles() {
		if strings.HasPrefix(a.URL, site.URL("/")) {
			fromFeed = append(fromFeed, a)
		}
	}
	if len(fromFeed) != 2 {
		t.Fatalf("%d articles from the feed in the index, want 2", len(fromFeed))
	}
	for _, a := range fromFeed {
		if !strings.Contains(announced.Text(), "("+a.URL+")") || !strings.Contains(announced.Text(), a.Outlet) {
			t.Errorf("the announcement does not link %s (%s):\n%s", a.URL, a.Outlet, announced.Text())
		}
	}
	if !announced.MentionsSuppressed() {
		t.Error("the announcement may ping")
	}

	// /feeds, for admins: the feed, its last success and its articles.
	feeds := s.command(testAdmin, "8", "feeds").Text()
	if !strings.Contains(feeds, "`"+feed+"`") || !strings.Contains(feeds, "✅ Last success") || !strings.Contains(feeds, "2 articles") {
		t.Errorf("/feeds =\n%s", feeds)
	}
	if refused := s.command(testUser, "0", "feeds"); !strings.Contains(refused.Content, "server admins") {
		t.Errorf("/feeds for a reader: %q", refused.Content)
	}

	// The intelligence commands on the seed coverage.
	_, token := discord.SendInteraction(fakediscord.Interaction{Type: fakediscord.InteractionAutocomplete, GuildID: testGuild,
		ChannelID: testChannel, UserID: testUser, Name: "quotes",
		Options: []fakediscord.Option{{Name: "person", Type: fakediscord.OptionString, Value: "bol", Focused: true}}})
	choices := s.waitCall(func(c fakediscord.Call) bool { return strings.Contains(c.Route, "/"+token+"/callback") })
	if cb, err := choices.Callback(); err != nil || len(cb.Choices) == 0 || cb.Choices[0].Value != "John Bolton" {
		t.Errorf("person autocomplete for “bol”: %+v, %v", cb.Choices, err)
	}
	quotes := s.command(testUser, "", "quotes", opt("person", "Bolton")).Text()
	if !strings.Contains(quotes, "**John Bolton**") || !strings.Contains(quotes, "Bolton warns over ‘endless concessions’") {
		t.Errorf("/quotes person:Bolton =\n%s", quotes)
	}
	starmer := s.command(testUser, "", "quotes", opt("person", "Starmer")).Text()
	relayed := strings.Index(starmer, "**A Downing Street spokesperson**, about Sir Keir Starmer")
	if relayed < 0 || !strings.Contains(starmer[relayed:], "no talks about Ukraine, without Ukraine") {
		t.Errorf("/quotes person:Starmer does not show Downing Street's words as relayed:\n%s", starmer)
	}
	timeline := s.command(testUser, "", "timeline", opt("topic", "Trump Zelenskyy")).Text()
	call, basilica := strings.Index(timeline, "`14 Feb 2025`"), strings.Index(timeline, "`26 Apr 2025`")
	if call < 0 || basilica < 0 || call > basilica {
		t.Errorf("/timeline does not put 14 Feb before 26 Apr:\n%s", timeline)
	}
	// A timeline asked for in /ask writes a month as a month.
	_, token = s.discord.SendInteraction(fakediscord.Interaction{GuildID: testGuild, ChannelID: testChannel, UserID: testUser,
		Name: "ask", Options: []fakediscord.Option{opt("question", "timeline of Trump Zelenskyy")}})
	if o := s.waitOutcome(token); !strings.Contains(o.text, "February 2025: The meeting between") || strings.Contains(o.text, "around 1 ") {
		t.Errorf("/ask timeline of Trump Zelenskyy ended %s:\n%s", o.kind, o.text)
	}
	if cmp := s.command(testUser, "", "compare", opt("topic", "Trump Zelenskyy Basilica")).Text(); !strings.Contains(cmp, "Only Sky News covered this story") {
		t.Errorf("/compare on the one-outlet seed =\n%s", cmp)
	}
	// A summary of a story the coverage lacks says so, and summarises
	// nothing else.
	if sum := s.command(testUser, "", "summary", opt("topic", "bitcoin")).Text(); !strings.Contains(sum, "nothing on “bitcoin”") || strings.Contains(sum, "[1]") {
		t.Errorf("/summary topic:bitcoin =\n%s", sum)
	}
	digest := s.command(testUser, "", "digest", opt("since", "2025-04-20")).Text()
	if !strings.Contains(digest, "What's new since 20 Apr 2025") || !strings.Contains(digest, "26 Apr 2025") {
		t.Errorf("/digest since:2025-04-20 =\n%s", digest)
	}

	// The scheduled digest: the first is due on Monday 28 April at 08:00
	// and covers the week since the schedule last fired.
	w := timer.next(t)
	if w.d != 23*time.Hour {
		t.Errorf("the first digest waits %v, want 23h (until Monday 08:00)", w.d)
	}
	clock.Advance(w.d)
	w.fire <- clock.Now()
	posted := s.posted(digestChannel, "Digest: what's new since 21 Apr 2025 08:00 UTC")
	var sources []string
	for _, e := range posted.Embeds {
		for _, f := range e.Fields {
			sources = append(sources, strings.Split(f.Value, "\n")...)
		}
	}
	if len(sources) == 0 {
		t.Fatalf("the digest cites nothing:\n%s", posted.Text())
	}
	for _, line := range sources {
		if !strings.HasSuffix(line, "26 Apr 2025") {
			t.Errorf("the digest cites something not published that week: %s", line)
		}
	}

	// A week later nothing is new: nothing is posted, and the schedule
	// goes on to the week after.
	w = timer.next(t)
	if w.d != 7*24*time.Hour {
		t.Errorf("the second digest waits %v, want a week", w.d)
	}
	clock.Advance(w.d)
	w.fire <- clock.Now()
	timer.next(t)
	if n := len(discord.BotMessagesIn(digestChannel)); n != 1 {
		t.Errorf("%d digests posted, want 1 (the second week had nothing new)", n)
	}
	for _, ch := range []string{testChannel, announceChannel, digestChannel} {
		for _, m := range discord.BotMessagesIn(ch) {
			if !m.Pings.None() {
				t.Errorf("message %s in %s pinged %+v", m.ID, ch, m.Pings)
			}
		}
	}
}

func TestPreviousRun(t *testing.T) {
	t.Parallel()
	at := func(s string) time.Time {
		tm, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	for _, tc := range []struct {
		cron, now, want string
	}{
		{"0 8 * * *", "2025-04-27 09:00", "2025-04-27 08:00"},
		{"0 8 * * *", "2025-04-27 07:59", "2025-04-26 08:00"},
		{"0 8 * * *", "2025-04-27 08:00", "2025-04-27 08:00"},
		{"0 8 * * 1", "2025-04-27 09:00", "2025-04-21 08:00"},
		{"0 8 * * 1-5", "2025-04-27 09:00", "2025-04-25 08:00"},
		{"*/15 * * * *", "2025-04-27 09:07", "2025-04-27 09:00"},
		{"@monthly", "2025-04-27 09:00", "2025-04-01 00:00"},
		{"0 0 29 2 *", "2025-06-01 00:00", "2024-02-29 00:00"},
	} {
		sched, err := config.ParseCron(tc.cron)
		if err != nil {
			t.Fatal(err)
		}
		if got := previousRun(sched, at(tc.now)); !got.Equal(at(tc.want)) {
			t.Errorf("%q at %s: previous run %s, want %s", tc.cron, tc.now, got.Format("2006-01-02 15:04"), tc.want)
		}
	}
	now := at("2025-04-27 09:00")
	if got := previousRun(config.Schedule{}, now); !got.Equal(now.Add(-24 * time.Hour)) {
		t.Errorf("a schedule that never fires: %v, want a day before now", got)
	}
}
