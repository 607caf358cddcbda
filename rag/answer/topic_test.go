package answer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
)

// haleOdeEngine indexes two stories of one day: Mayor Hale's ferry
// contract and Governor Ode's bridge, which no sentence links.
func haleOdeEngine(t *testing.T, day time.Time) *answer.Engine {
	t.Helper()
	e := seedEngine(t, []rag.Article{
		{ID: "ferry", Title: "Tarrow ferry contract cancelled", Outlet: "Harbour Post", Published: day,
			Text: "Mayor Odile Hale cancelled the Tarrow ferry contract on Monday. Hale said the operator had missed every deadline since spring.\n\nThe operator, Brisk Lines, said it would appeal."},
		{ID: "bridge", Title: "Governor Ode closes the old bridge", Outlet: "Valley News", Published: day.Add(24 * time.Hour),
			Text: "Governor Piet Ode closed the old bridge at Tarrow for repairs. Ode said the work would take a year.\n\nTraffic will cross by the new bridge downstream."},
	})
	return e
}

// TestRoutedRequestOnAStoryTheCoverageLacks: a request routed to a
// feature abstains, saying so, when the coverage lacks its story: a name
// it never uses, words it never uses, or two names it never puts in one
// sentence. A story it holds is carried out as before.
func TestRoutedRequestOnAStoryTheCoverageLacks(t *testing.T) {
	day := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	e := haleOdeEngine(t, day)
	ctx := context.Background()
	opts := rag.AskOptions{RetrieveOptions: rag.RetrieveOptions{AsOf: day.Add(48 * time.Hour)}}
	for _, tc := range []struct {
		request, route, why string
	}{
		{"what's the latest on the harvest festival", "digest", "none of the passages found mention"},
		{"any news on zorvexil?", "digest", "“zorvexil”"},
		{"summarise the coverage of the hale ode meeting", "summary", "names “hale” and “ode” together"},
		{"timeline of ode's ferry contract", "timeline", "mentions “ode”, “ferry” and “contract” together"},
	} {
		ans, err := e.Ask(ctx, tc.request, opts)
		if err != nil {
			t.Fatalf("%q: %v", tc.request, err)
		}
		if !ans.Abstained || ans.Route != tc.route || !strings.Contains(ans.Text, tc.why) || len(ans.Citations) != 0 {
			t.Errorf("%q: route %q abstained %v %q, want %s abstaining with %q", tc.request, ans.Route, ans.Abstained, ans.Text, tc.route, tc.why)
		}
		if !strings.Contains(ans.Caveat, "Read as a request") {
			t.Errorf("%q: the note does not say how it was read: %q", tc.request, ans.Caveat)
		}
	}
	for _, r := range []string{"summarise the coverage of the ferry contract", "what's the latest on the bridge", "give me the latest on hale and ode"} {
		ans, err := e.Ask(ctx, r, opts)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Abstained || len(ans.Citations) == 0 {
			t.Errorf("%q abstained: %q", r, ans.Text)
		}
	}
}

// TestSummaryOfAStoryTheCoverageLacks: a summary asked for directly (the
// CLI's `summary --topic`, Discord's /summary topic:) reads its topic as a
// routed request's: a story the coverage lacks gets an abstention that
// says why, not a summary of the stories retrieval found instead.
func TestSummaryOfAStoryTheCoverageLacks(t *testing.T) {
	day := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	e := haleOdeEngine(t, day)
	ctx := context.Background()
	for _, tc := range []struct{ topic, why string }{
		{"zorvexil", "“zorvexil”"},
		{"the hale ode meeting", "names “hale” and “ode” together"},
	} {
		ans, err := e.Summarize(ctx, rag.SummaryRequest{Topic: tc.topic, AsOf: day.Add(48 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if !ans.Abstained || !strings.Contains(ans.Text, tc.why) || len(ans.Citations) != 0 {
			t.Errorf("summary of %q: abstained %v, %q; want an abstention with %q", tc.topic, ans.Abstained, ans.Text, tc.why)
		}
	}
	ans, err := e.Summarize(ctx, rag.SummaryRequest{Topic: "the ferry contract", AsOf: day.Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Abstained || len(ans.Citations) == 0 || !strings.Contains(ans.Text, "ferry") {
		t.Errorf("summary of the ferry contract: %+v", ans)
	}
}

// TestRoutedRequestKeepsToTheStoryItNames: "the latest on the velmar
// talks" is about the talks the Velmar Pact holds, typed in lower case; a
// newer story about other talks shares only the head noun, and neither the
// digest nor a summary draws on it.
func TestRoutedRequestKeepsToTheStoryItNames(t *testing.T) {
	day := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	e := seedEngine(t, []rag.Article{
		{ID: "velmar", Title: "Velmar Pact opens air defence talks", Outlet: "Harbour Post", Published: day,
			Text: "Ministers of the Velmar Pact opened talks in Oslo on Monday about a shared air defence system. " +
				"The Velmar talks are expected to last two days, officials said.\n\nThe pact's secretary general said every member would be heard."},
		{ID: "quotas", Title: "Fishing quota talks resume in Rome", Outlet: "Valley News", Published: day.AddDate(0, 0, 9),
			Text: "Talks on fishing quotas between the Tarrow and Keld harbour boards resumed in Rome on Wednesday. " +
				"The talks broke down last year over the size of the autumn catch.\n\nBoth boards said they hoped for a deal by the summer."},
	})
	ctx := context.Background()
	opts := rag.AskOptions{RetrieveOptions: rag.RetrieveOptions{AsOf: day.AddDate(0, 0, 12)}}
	for _, r := range []string{"what's new on the velmar talks", "summarise the velmar talks"} {
		ans, err := e.Ask(ctx, r, opts)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Abstained || len(ans.Citations) == 0 {
			t.Fatalf("%q abstained: %q", r, ans.Text)
		}
		for _, c := range ans.Citations {
			if c.ArticleID != "velmar" {
				t.Errorf("%q cites %s: %q", r, c.ArticleID, ans.Text)
			}
		}
		if strings.Contains(ans.Text, "Rome") {
			t.Errorf("%q tells of the other talks: %q", r, ans.Text)
		}
	}
}
