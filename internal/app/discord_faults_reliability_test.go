package app

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// TestDiscordFaultsThroughTheApp runs the App against a fake Discord that
// drops the gateway, rate-limits REST calls, expires interaction tokens,
// deletes questions and refuses threads. After each fault the question in
// flight, or the next one, is still answered, once. bot's own end-to-end
// tests cover the same faults against a fake coverage.
func TestDiscordFaultsThroughTheApp(t *testing.T) {
	s := startServed(t, map[string]string{"COVERAGEBOT_USER_RATE": "off"})
	ctx := withTimeout(t, 2*time.Minute)
	answered := func(t *testing.T) {
		t.Helper()
		if o := s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?")); o.kind != "answer" {
			t.Fatalf("ended %q: %q", o.kind, o.text)
		}
	}
	waitStats := func(t *testing.T, what string, cond func(fakediscord.GatewayStats) bool) {
		t.Helper()
		if err := s.discord.WaitStats(ctx, cond); err != nil {
			t.Fatalf("%s: %v (stats %+v)", what, err, s.discord.Stats())
		}
	}

	t.Run("gateway closed with 4000, resumable", func(t *testing.T) {
		st := s.discord.Stats()
		s.discord.CloseGateway(fakediscord.CloseUnknownError)
		waitStats(t, "resume", func(g fakediscord.GatewayStats) bool { return g.Resumes > st.Resumes })
		answered(t)
		if got := s.discord.Identifies(); got != st.Identifies {
			t.Errorf("%d identifies, want %d: a resumable close must not start a new session", got, st.Identifies)
		}
	})
	t.Run("gateway dropped without a close frame", func(t *testing.T) {
		st := s.discord.Stats()
		s.discord.DropGateway()
		waitStats(t, "resume", func(g fakediscord.GatewayStats) bool { return g.Resumes > st.Resumes })
		answered(t)
	})
	for _, code := range []int{fakediscord.CloseSessionTimedOut, fakediscord.CloseAuthenticationFailed} {
		t.Run("gateway closed with "+closeName(code)+", not resumable", func(t *testing.T) {
			st := s.discord.Stats()
			s.discord.CloseGateway(code)
			waitStats(t, "identify", func(g fakediscord.GatewayStats) bool { return g.Identifies > st.Identifies })
			answered(t)
		})
	}
	t.Run("REST 429 with retry_after on the edit route", func(t *testing.T) {
		s.discord.FailNext(http.MethodPatch, "/webhooks/", fakediscord.RateLimited(0.2))
		token := s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?")
		if o := s.waitOutcome(token); o.kind != "answer" {
			t.Fatalf("ended %q: %q", o.kind, o.text)
		}
		var statuses []int
		for _, c := range s.discord.InteractionResponses(token) {
			if c.Method == http.MethodPatch {
				statuses = append(statuses, c.Status)
			}
		}
		if len(statuses) < 2 || statuses[0] != http.StatusTooManyRequests || statuses[len(statuses)-1] != http.StatusOK {
			t.Errorf("edit statuses %v, want a 429 and then the retried edit", statuses)
		}
	})
	t.Run("interaction token expired before the answer", func(t *testing.T) {
		s.llm.QueueChat(fakeopenai.ChatReply{Content: coaleAnswer, Delay: 300 * time.Millisecond})
		token := s.askSlash(testGuild, testChannel, testUser, "Who is John Coale?")
		s.waitCall(func(c fakediscord.Call) bool {
			return strings.Contains(c.Route, token) && strings.HasSuffix(c.Route, "/callback")
		})
		s.discord.ExpireInteraction(token)
		var found bool
		deadline := time.Now().Add(30 * time.Second)
		for !found && time.Now().Before(deadline) {
			for _, m := range s.discord.BotMessagesIn(testChannel) {
				if m.Source == fakediscord.SourceChannel && isFinalAnswer(m.MessageBody) && strings.Contains(m.Text(), "deputy Ukraine envoy") &&
					m.Created.After(s.interaction(token).SentAt) {
					found = true
				}
			}
			time.Sleep(20 * time.Millisecond)
		}
		if !found {
			t.Fatal("the answer was neither delivered through the token nor posted in the channel")
		}
	})
	t.Run("thread creation refused", func(t *testing.T) {
		s.discord.FailNext(http.MethodPost, "/channels/"+testChannel+"/messages/", fakediscord.MissingPermissions())
		qid := s.discord.SendMessage(fakediscord.Message{GuildID: testGuild, ChannelID: testChannel, AuthorID: testUser,
			Content: "<@" + s.discord.BotUserID() + "> Who is John Coale?", Mentions: []string{s.discord.BotUserID()}})
		o := s.waitMention(testChannel, qid)
		if o.kind != "answer" || o.channel != testChannel || o.msg.Reference == nil || o.msg.Reference.MessageID != qid {
			t.Fatalf("ended %q in %s (reference %+v), want an answer replying to the question in the channel", o.kind, o.channel, o.msg.Reference)
		}
	})
	t.Run("question deleted before the reply", func(t *testing.T) {
		before := len(s.llm.Requests())
		s.llm.QueueChat(fakeopenai.ChatReply{Content: coaleAnswer, Delay: 300 * time.Millisecond})
		qid := s.discord.SendMessage(fakediscord.Message{GuildID: testGuild, ChannelID: testChannel, AuthorID: testUser,
			Content: "<@" + s.discord.BotUserID() + "> Who is John Coale?", Mentions: []string{s.discord.BotUserID()}})
		for len(s.llm.Requests()) == before {
			if ctx.Err() != nil {
				t.Fatal("the question never reached the model")
			}
			time.Sleep(10 * time.Millisecond)
		}
		if err := s.discord.DeleteMessage(testChannel, qid); err != nil {
			t.Fatal(err)
		}
		if o := s.waitMention(testChannel, qid); o.kind != "answer" {
			t.Fatalf("ended %q: %q", o.kind, o.text)
		}
	})
	s.assertNoPings()
	if err := context.Cause(ctx); err != nil {
		t.Fatal(err)
	}
}

func closeName(code int) string {
	switch code {
	case fakediscord.CloseSessionTimedOut:
		return "4009 (session timed out)"
	case fakediscord.CloseAuthenticationFailed:
		return "4004 (authentication failed)"
	}
	return "another code"
}
