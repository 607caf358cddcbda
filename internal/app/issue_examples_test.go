package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAskTheIssueExamples asks `coveragebot ask` on the seed coverage, with
// no model, the questions issue 16 quotes as answered badly: a summary
// request is routed to the summary and opens with the meeting itself; a
// question whose verb is in a headline is answered from it; phrasing words
// ("tell me", "actually", "recently", "according to") never make the
// answerer abstain; and the near misses and off-topic questions abstain.
func TestAskTheIssueExamples(t *testing.T) {
	c := newCLI(t)
	asOf := "2025-04-27"

	a := decodeAnswer(t, c.mustRun("ask", "--json", "--as-of", asOf, "Summarise the coverage of the Trump Zelenskyy meeting"))
	if a.Route != "summary" || a.Abstained || a.Answer == nil {
		t.Fatalf("summary request: %+v", a)
	}
	first, _, _ := strings.Cut(*a.Answer, "[1]")
	if !strings.Contains(first, "meeting with Volodymyr Zelenskyy") && !strings.Contains(first, "one-on-one talks") {
		t.Errorf("the summary does not open with the meeting: %q", *a.Answer)
	}
	if strings.Contains(*a.Answer, "Munich") && strings.Index(*a.Answer, "Munich") < strings.Index(*a.Answer, "Zelenskyy") {
		t.Errorf("the summary opens with the Munich talks: %q", *a.Answer)
	}

	a = decodeAnswer(t, c.mustRun("ask", "--json", "--as-of", asOf, "What did Bolton warn about?"))
	if a.Abstained || a.Answer == nil || !strings.Contains(*a.Answer, "Endless concessions to Moscow") {
		t.Errorf("Bolton's warning: %+v", a)
	}

	for _, q := range []string{
		"tell me, how long did the meeting in st peter's actually last, according to reports?",
		"what did bolton warn about recently",
		"has zelenskyy said anything recently about the meeting with trump?",
	} {
		a := decodeAnswer(t, c.mustRun("ask", "--json", "--as-of", asOf, q))
		if a.Abstained {
			t.Errorf("%q abstained over its phrasing: %s", q, *a.Answer)
		}
	}

	for _, q := range []string{
		"what did the pope say about starmer",
		"what did bolton say about starmer?",
		"what did zelenskyy's office say about the bridge?",
		"what did ivanka wear to the funeral",
		"what's bitcoin at today",
		// Near misses in the wrong roles: Starmer called Zelenskyy, and
		// Zelenskyy's statement names Starmer as the one told.
		"when did starmer call putin",
		"what did starmer tell trump",
		// Requests on stories the coverage lacks: no digest of others.
		"any news on bitcoin?",
		"what's the latest on the bolton putin meeting",
	} {
		if a := decodeAnswer(t, c.mustRun("ask", "--json", "--as-of", asOf, q)); !a.Abstained {
			t.Errorf("%q answered: %s", q, *a.Answer)
		}
	}
}

// TestAskRoutesEveryRequest asks `coveragebot ask` each request of
// testdata/questions/routes.jsonl, both halves, on the seed coverage with
// no model: it is carried out by the feature it names, which the reply's
// note says, with text from the coverage.
func TestAskRoutesEveryRequest(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "questions", "routes.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	// What the note says for each feature: the command it stands for.
	said := map[string]string{"summary": "/summary", "digest": "/digest", "timeline": "/timeline", "quotes": "/quotes", "compare": "/compare"}
	c := newCLI(t)
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var r struct{ ID, Request, Route string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		n++
		a := decodeAnswer(t, c.mustRun("ask", "--json", "--as-of", "2025-04-27", r.Request))
		if a.Route != r.Route {
			t.Errorf("%s %q: route %q, want %q", r.ID, r.Request, a.Route, r.Route)
			continue
		}
		if !strings.Contains(a.Caveat, "Read as a request") || !strings.Contains(a.Caveat, said[r.Route]) {
			t.Errorf("%s %q: the note does not say what was done: %q", r.ID, r.Request, a.Caveat)
		}
		// A comparison lists the outlets and their articles; the other
		// features cite passages.
		if a.Abstained || a.Answer == nil || (len(a.Citations) == 0 && !(r.Route == "compare" && strings.Contains(*a.Answer, "Sky News"))) {
			t.Errorf("%s %q: no reply from the coverage: %+v", r.ID, r.Request, a)
		}
	}
	if n != 12 {
		t.Fatalf("read %d requests, want 12", n)
	}
}
