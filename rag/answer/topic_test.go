package answer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// TestRoutedRequestOnAStoryTheCoverageLacks: a request routed to a
// feature abstains, saying so, when the coverage lacks its story: a name
// it never uses, words it never uses, or two names it never puts in one
// sentence. A story it holds is carried out as before.
func TestRoutedRequestOnAStoryTheCoverageLacks(t *testing.T) {
	day := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	e := seedEngine(t, []rag.Article{
		{ID: "ferry", Title: "Tarrow ferry contract cancelled", Outlet: "Harbour Post", Published: day,
			Text: "Mayor Odile Hale cancelled the Tarrow ferry contract on Monday. Hale said the operator had missed every deadline since spring.\n\nThe operator, Brisk Lines, said it would appeal."},
		{ID: "bridge", Title: "Governor Ode closes the old bridge", Outlet: "Valley News", Published: day.Add(24 * time.Hour),
			Text: "Governor Piet Ode closed the old bridge at Tarrow for repairs. Ode said the work would take a year.\n\nTraffic will cross by the new bridge downstream."},
	})
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
