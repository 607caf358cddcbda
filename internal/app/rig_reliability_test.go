package app

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// The reliability tests (load, faults, hostile input, access control) run
// the real App against the fakes. Their heavy variants run in full only when
// COVERAGEBOT_LONG_TESTS=1, for a release; CI runs the short ones.
const longTestsEnv = "COVERAGEBOT_LONG_TESTS"

func longTests() bool { return os.Getenv(longTestsEnv) == "1" }

// Texts the bot shows, as the tests recognise them.
const (
	busyText      = "I'm answering a lot of questions right now"
	rateLimitText = "You're asking quickly!"
	apologyPrefix = "Sorry — "
)

// outcome is what became of one question, as its asker sees it.
type outcome struct {
	kind string // "answer", "busy", "rate-limited", "failed", "refused", "pending"
	// text is what the user reads: the notice, or the answer's embeds.
	text string
	// title is the answer embed's title (the question, as echoed).
	title   string
	channel string // where the final message is
	at      time.Time
	msg     fakediscord.SentMessage
}

// isFinalAnswer reports whether a message is a finished answer: only those
// carry the feedback buttons.
func isFinalAnswer(m fakediscord.MessageBody) bool {
	for _, c := range m.Buttons() {
		if strings.HasPrefix(c.CustomID, "fb:") {
			return true
		}
	}
	return false
}

// classify names a final message.
func classify(body fakediscord.MessageBody) string {
	switch {
	case isFinalAnswer(body):
		return "answer"
	case strings.Contains(body.Content, busyText):
		return "busy"
	case strings.Contains(body.Content, rateLimitText):
		return "rate-limited"
	case strings.HasPrefix(body.Content, apologyPrefix) && strings.Contains(body.Content, "(ref "):
		return "failed" // an error while answering, quoting the request for the operator
	case len(body.Embeds) > 0 && body.Embeds[0].Footer != nil && body.Embeds[0].Footer.Text == "Writing…":
		return "pending"
	case body.Content == "" && len(body.Embeds) == 0:
		return "pending" // deferred, nothing shown yet
	}
	return "refused"
}

// interactionOutcome reads what became of a slash command: an immediate
// reply, or the deferred response as last edited.
func interactionOutcome(d *fakediscord.Server, rec fakediscord.InteractionRecord) outcome {
	if rec.AckedAt.IsZero() {
		return outcome{kind: "pending"}
	}
	var first fakediscord.Call
	for _, c := range d.InteractionResponses(rec.Token) {
		if strings.HasSuffix(c.Route, "/callback") && c.Status < 300 {
			first = c
			break
		}
	}
	cb, err := first.Callback()
	if err != nil {
		return outcome{kind: "pending"}
	}
	if cb.Type == 4 {
		kind := classify(cb.Data)
		if kind != "busy" && kind != "rate-limited" {
			kind = "refused" // answered at once: the question was not taken
		}
		return outcome{kind: kind, text: cb.Data.Text(), channel: rec.ChannelID, at: rec.AckedAt, msg: fakediscord.SentMessage{MessageBody: cb.Data}}
	}
	m, deleted, ok := d.MessageByID(rec.OriginalMessageID)
	if !ok {
		return outcome{kind: "pending"}
	}
	if deleted {
		// A failure after a public deferral: the bot deletes the public
		// response and tells the asker privately, in a follow-up.
		ok = false
		for _, f := range d.BotMessagesIn(rec.ChannelID) {
			if f.InteractionToken == rec.Token && f.Source == fakediscord.SourceFollowup && f.Ephemeral() {
				m, ok = f, true
			}
		}
		if !ok {
			return outcome{kind: "pending"}
		}
	}
	o := outcome{kind: classify(m.MessageBody), text: m.Text(), channel: m.ChannelID, at: m.Created, msg: m}
	if !m.Edited.IsZero() {
		o.at = m.Edited
	}
	if len(m.Embeds) > 0 {
		o.title = m.Embeds[0].Title
	}
	return o
}

// mentionOutcome reads what became of a question asked by mentioning the
// bot: an answer in the thread started on it, or a reply in the channel.
func mentionOutcome(d *fakediscord.Server, channelID, questionID string) (outcome, int) {
	q, _, ok := d.MessageByID(questionID)
	if !ok {
		return outcome{kind: "pending"}, 0
	}
	var finals []outcome
	look := func(where string, m fakediscord.SentMessage) {
		kind := classify(m.MessageBody)
		if kind == "pending" {
			return
		}
		o := outcome{kind: kind, text: m.Text(), channel: where, at: m.Created, msg: m}
		if !m.Edited.IsZero() {
			o.at = m.Edited
		}
		if len(m.Embeds) > 0 {
			o.title = m.Embeds[0].Title
		}
		finals = append(finals, o)
	}
	if q.ThreadID != "" {
		for _, m := range d.BotMessagesIn(q.ThreadID) {
			look(q.ThreadID, m)
		}
	}
	for _, m := range d.BotMessagesIn(channelID) {
		if m.Reference != nil && m.Reference.MessageID == questionID {
			look(channelID, m)
		}
	}
	if len(finals) == 0 {
		return outcome{kind: "pending"}, 0
	}
	return finals[len(finals)-1], len(finals)
}

// metricSum adds up every series of a metric on the App's /metrics page.
func (s *served) metricSum(name string) float64 {
	s.t.Helper()
	resp, err := http.Get("http://" + s.app.Addr() + "/metrics")
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	return sumMetric(resp.Body, name)
}

func sumMetric(r io.Reader, name string) float64 {
	var total float64
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, name) {
			continue
		}
		rest := line[len(name):]
		if rest == "" || (rest[0] != ' ' && rest[0] != '{') {
			continue // a longer name that starts the same
		}
		fields := strings.Fields(line)
		if v, err := strconv.ParseFloat(fields[len(fields)-1], 64); err == nil {
			total += v
		}
	}
	return total
}

// metricsPage returns the App's /metrics page.
func (s *served) metricsPage() string {
	s.t.Helper()
	resp, err := http.Get("http://" + s.app.Addr() + "/metrics")
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatal(err)
	}
	return string(b)
}

// askSlash sends /ask and returns the interaction's token.
func (s *served) askSlash(guild, channel, user, question string, extra ...fakediscord.Option) string {
	opts := append([]fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: question}}, extra...)
	_, token := s.discord.SendInteraction(fakediscord.Interaction{
		Type: fakediscord.InteractionCommand, GuildID: guild, ChannelID: channel, UserID: user,
		Name: "ask", Options: opts,
	})
	return token
}

// waitOutcome waits until the slash command with token has a final outcome.
func (s *served) waitOutcome(token string) outcome {
	s.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		for _, rec := range s.discord.Interactions() {
			if rec.Token != token {
				continue
			}
			if o := interactionOutcome(s.discord, rec); o.kind != "pending" {
				return o
			}
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("no final reply to interaction %s", token)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitMention waits until a question asked by mention has a final outcome.
func (s *served) waitMention(channel, questionID string) outcome {
	s.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		if o, _ := mentionOutcome(s.discord, channel, questionID); o.kind != "pending" {
			return o
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("no final reply to message %s", questionID)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// assertNoPings fails if any message the bot wrote would notify anyone.
func (s *served) assertNoPings() {
	s.t.Helper()
	for _, g := range s.discord.Interactions() {
		if m, _, ok := s.discord.MessageByID(g.OriginalMessageID); ok && !m.Pings.None() {
			s.t.Errorf("message %s pings %+v: %q", m.ID, m.Pings, m.Text())
		}
	}
	for _, c := range s.discord.Calls() {
		if c.Method != http.MethodPost && c.Method != http.MethodPatch {
			continue
		}
		if !strings.Contains(c.Route, "/messages") && !strings.Contains(c.Route, "/webhooks/") && !strings.HasSuffix(c.Route, "/callback") {
			continue
		}
		var body struct {
			AllowedMentions *fakediscord.AllowedMentions `json:"allowed_mentions"`
			Data            *struct {
				AllowedMentions *fakediscord.AllowedMentions `json:"allowed_mentions"`
			} `json:"data"`
			Type int `json:"type"`
		}
		if err := c.JSON(&body); err != nil || strings.HasSuffix(c.Route, "/threads") {
			continue
		}
		am := body.AllowedMentions
		if strings.HasSuffix(c.Route, "/callback") {
			if body.Type == 8 || body.Type == 6 || body.Data == nil {
				continue // autocomplete choices and button acknowledgements carry no text
			}
			am = body.Data.AllowedMentions
		}
		if am == nil || !am.AllowsNone() {
			s.t.Errorf("%s %s is sent without an empty allowed_mentions: %.200s", c.Method, c.Route, c.Body)
		}
	}
}

// percentile returns the p-th percentile (0..100) of ds by the nearest-rank
// method, or 0 for none.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	rank := int(p/100*float64(len(s)) + 0.999999)
	rank = min(max(rank, 1), len(s))
	return s[rank-1]
}

func roundMS(d time.Duration) string {
	return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
}

// withTimeout is a context for a test step that must not hang the suite.
func withTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// startServedIn is startServed over a sandbox the caller has prepared (an
// article added to its data, say).
func startServedIn(t *testing.T, c *cli, extraEnv map[string]string) *served {
	t.Helper()
	discord := fakediscord.New(fakediscord.Options{})
	discord.AddGuild(fakediscord.Guild{
		ID: testGuild, Name: "Newsroom",
		Channels: []fakediscord.Channel{{ID: testChannel, Name: "news"}},
		Members: []fakediscord.Member{
			{UserID: testUser, Username: "reader"},
			{UserID: testAdmin, Username: "editor", Permissions: fmt.Sprint(fakediscord.PermissionAdministrator)},
		},
	})
	llm := fakeopenai.New()
	llm.SetDefaultChat(citeCoale)
	env := map[string]string{
		"COVERAGEBOT_INDEX":      c.index,
		"COVERAGEBOT_DATA":       c.data,
		"DISCORD_TOKEN":          "canary-token-for-tests",
		"DISCORD_API_URL":        discord.URL(),
		"OPENAI_BASE_URL":        llm.URL(),
		"COVERAGEBOT_CHAT_MODEL": "test-model",
		"COVERAGEBOT_GUILDS":     testGuild,
		// These tests count and script the answerer's calls; the model
		// judge, one more call per answer, is tested in claims_cli_test.go.
		"COVERAGEBOT_VERIFY": "rules",
	}
	for k, v := range extraEnv {
		env[k] = v
	}
	s := startApp(t, env, discord, llm)
	s.ownsFakes = true
	return s
}
