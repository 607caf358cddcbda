package bot

import (
	"fmt"
	"strings"
	"testing"
)

func TestConversationsKeepLatestTurns(t *testing.T) {
	c := newConversations(DefaultHistoryTurns)
	c.start("chan", "thread", "question")
	for i := range 5 {
		c.add("thread", fmt.Sprintf("q%d", i), fmt.Sprintf("a%d", i))
	}
	parent, turns, ok := c.lookup("question") // known by the question's id too
	if !ok || parent != "chan" {
		t.Fatalf("lookup = %q, %v", parent, ok)
	}
	if len(turns) != DefaultHistoryTurns {
		t.Fatalf("%d turns, want %d", len(turns), DefaultHistoryTurns)
	}
	if turns[0].Content != "q2" || turns[0].Role != "user" || turns[len(turns)-1].Content != "a4" || turns[len(turns)-1].Role != "assistant" {
		t.Errorf("turns = %+v, want the last three exchanges in order", turns)
	}
	turns[0].Content = "changed"
	if _, again, _ := c.lookup("thread"); again[0].Content != "q2" {
		t.Error("lookup returned the stored slice, not a copy")
	}
}

func TestConversationsTruncateLongTurns(t *testing.T) {
	c := newConversations(DefaultHistoryTurns)
	c.start("chan", "t")
	c.add("t", strings.Repeat("question ", 1000), strings.Repeat("answer ", 1000))
	_, turns, _ := c.lookup("t")
	for _, m := range turns {
		if discordLen(m.Content) > maxTurnChars {
			t.Errorf("%s turn is %d characters", m.Role, discordLen(m.Content))
		}
	}
}

func TestConversationsAreBounded(t *testing.T) {
	c := newConversations(DefaultHistoryTurns)
	for i := range maxConversations + 10 {
		c.start("chan", fmt.Sprint("t", i), fmt.Sprint("m", i))
	}
	if c.order.Len() != maxConversations || len(c.byID) != 2*maxConversations {
		t.Errorf("%d conversations, %d ids; want %d and %d", c.order.Len(), len(c.byID), maxConversations, 2*maxConversations)
	}
	if _, _, ok := c.lookup("t0"); ok {
		t.Error("the oldest conversation was kept")
	}
	if _, _, ok := c.lookup(fmt.Sprint("m", maxConversations+9)); !ok {
		t.Error("the newest conversation was dropped")
	}
}

func TestConversationThreadTakesQuestionID(t *testing.T) {
	c := newConversations(DefaultHistoryTurns)
	// Discord gives a thread started from a message the message's id.
	c.start("chan", "same", "same")
	c.add("same", "q", "a")
	if _, turns, ok := c.lookup("same"); !ok || len(turns) != 2 {
		t.Errorf("lookup = %v, %+v", ok, turns)
	}
}
