package answer

import (
	"context"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

func TestSocialReply(t *testing.T) {
	for _, c := range []struct{ message, want string }{
		{"thanks!", replyThanks},
		{"Thanks bot 🙏", replyThanks},
		{"thank you so much!!", replyThanks},
		{"ok thanks, bye", replyThanks},
		{"cheers mate", replyThanks},
		{"Thank you’ve", ""}, // not a phrase of the class
		{"hi", replyHello},
		{"Hello there!", replyHello},
		{"good morning everyone", replyHello},
		{"help", replyHelp},
		{"what can you do?", replyHelp},
		{"hey, what can you do", replyHelp},
		{"ok", replyClosing},
		{"got it 👍", replyClosing},
		{"nvm", replyClosing},
		// Anything that asks more is a question.
		{"thanks, and what did he say next?", ""},
		{"hi, what did bolton warn about", ""},
		{"ok so who won", ""},
		{"help for ukraine?", ""},
		{"great britain's position", ""},
		{"who said hello to putin", ""},
		{"thanks to whom did the talks succeed", ""},
		{"", ""},
		{"🙏", ""},
	} {
		got, ok := socialReply(c.message)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("socialReply(%q) = %q, %v; want %q", c.message, got, ok, c.want)
		}
	}
}

// A social message is answered before retrieval and before the model: no
// citations, not an abstention, and routed as "social".
func TestAskAnswersThanksWithoutTheCoverage(t *testing.T) {
	e := &Engine{Index: nil}
	ans, err := e.Ask(context.Background(), "thanks!", rag.AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Text != replyThanks || ans.Route != RouteSocial || ans.Abstained || len(ans.Citations) != 0 || ans.Mode != rag.ModeExtractive {
		t.Errorf("Ask(thanks!) = %+v", ans)
	}
}
