package app

import (
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
)

// TestRoutedRequestThroughDiscord: a request typed to /ask, or in a
// mention, is carried out by the feature it asks for, through the real
// discordgo client and the served app, and the reply says which feature
// it used. A question beside it is still answered as a question.
func TestRoutedRequestThroughDiscord(t *testing.T) {
	c := newCLI(t)
	s := startServedIn(t, c, map[string]string{"COVERAGEBOT_CHAT_MODEL": "none", "COVERAGEBOT_USER_RATE": "off"})

	o := s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "Summarise the coverage of the Trump Zelenskyy meeting"))
	if o.kind != "answer" {
		t.Fatalf("/ask summary request ended %q: %q", o.kind, o.text)
	}
	body := answerBody(o)
	if !strings.Contains(body, "Read as a request for a summary") || !strings.Contains(body, "/summary") {
		t.Errorf("the reply does not say it summarised: %q", body)
	}
	if strings.Contains(body, "doesn't say") || !strings.Contains(body, "[1]") {
		t.Errorf("the summary is not a cited summary: %q", body)
	}

	qid := s.discord.SendMessage(fakediscord.Message{GuildID: testGuild, ChannelID: testChannel, AuthorID: testUser,
		Content: "<@" + s.discord.BotUserID() + "> who said what about nato this week?", Mentions: []string{s.discord.BotUserID()}})
	o = s.waitMention(testChannel, qid)
	if o.kind != "answer" {
		t.Fatalf("mention quotes request ended %q: %q", o.kind, o.text)
	}
	if !strings.Contains(o.text, "quotations") || !strings.Contains(o.text, "Bolton") {
		t.Errorf("the reply does not list the quotations on NATO: %q", o.text)
	}

	o = s.waitOutcome(s.askSlash(testGuild, testChannel, testUser, "What did Bolton warn about?"))
	if body := answerBody(o); o.kind != "answer" || strings.Contains(body, "Read as a request") || !strings.Contains(body, "Endless concessions") {
		t.Errorf("the question was not answered as a question: %q %q", o.kind, body)
	}
}
