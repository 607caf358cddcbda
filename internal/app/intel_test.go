package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func decodeJSON[T any](t *testing.T, out string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return v
}

// The check: Bolton's quotation, verbatim and cited.
func TestQuotesCommand(t *testing.T) {
	c := newCLI(t)
	raw, err := os.ReadFile("../../data/munich-talks-bolton-chernobyl.md")
	if err != nil {
		t.Fatal(err)
	}
	out := c.mustRun("quotes", "--person", "Bolton")
	for _, want := range []string{
		"Quotations from Bolton (1)", "“Endless concessions to Moscow are a threat to American national security.",
		"— John Bolton, the president’s national security adviser in his first term",
		"Sky News, 14 Feb 2025 · article munich-talks-bolton-chernobyl",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("quotes --person Bolton lacks %q:\n%s", want, out)
		}
	}
	js := decodeJSON[jsonQuotes](t, c.mustRun("quotes", "--person", "Bolton", "--json"))
	if len(js.Quotes) != 1 {
		t.Fatalf("quotes --json: %+v", js)
	}
	q := js.Quotes[0]
	if !strings.Contains(string(raw), q.Text) || q.Speaker != "John Bolton" || q.ArticleID != "munich-talks-bolton-chernobyl" ||
		q.Outlet != "Sky News" || q.Published != "2025-02-14" || q.Title == "" {
		t.Errorf("Bolton's quotation is not verbatim or not cited: %+v", q)
	}

	// Starmer's words as Downing Street relayed them stay the spokesperson's.
	js = decodeJSON[jsonQuotes](t, c.mustRun("quotes", "Starmer", "--json"))
	found := false
	for _, q := range js.Quotes {
		if strings.Contains(q.Text, "no talks about Ukraine, without Ukraine") {
			found = true
			if q.Speaker != "A Downing Street spokesperson" || q.About != "Sir Keir Starmer" {
				t.Errorf("relayed words: speaker %q about %q", q.Speaker, q.About)
			}
		}
	}
	if !found {
		t.Errorf("Starmer's quotations lack Downing Street's “no talks about Ukraine, without Ukraine”: %+v", js.Quotes)
	}
	if out := c.mustRun("quotes", "--person", "Starmer"); !strings.Contains(out, "relayed by a Downing Street spokesperson, not Sir Keir Starmer's own words") {
		t.Errorf("the text output does not say the words are relayed:\n%s", out)
	}

	out = c.mustRun("quotes", "--person", "Nobody Atall")
	if !strings.Contains(out, "none in the coverage") || !strings.Contains(out, "John Bolton") {
		t.Errorf("an unknown person:\n%s", out)
	}
	if _, errs, code := c.run("quotes"); code != exitUsage || !strings.Contains(errs, "--person") {
		t.Errorf("quotes with no person: exit %d, %s", code, errs)
	}
	if _, _, code := c.run("quotes", "Bolton", "--person", "Bolton"); code != exitUsage {
		t.Errorf("a person given twice: exit %d", code)
	}
}

// The check: the phone call before the meeting in St Peter's
// Basilica, the Oval Office row in February, each entry cited.
func TestTimelineCommand(t *testing.T) {
	c := newCLI(t)
	js := decodeJSON[jsonTimeline](t, c.mustRun("timeline", "--topic", "Trump Zelenskyy", "--json"))
	call, meeting, row := -1, -1, -1
	for i, e := range js.Entries {
		if e.Citation.N != i+1 || e.Citation.ArticleID == "" || !strings.Contains(e.Citation.Passage, e.Text) {
			t.Errorf("entry %d is not cited: %+v", i+1, e)
		}
		switch {
		case strings.Contains(e.Text, "spoke on the phone"):
			call = i
			if e.Date != "2025-02-14" {
				t.Errorf("the call is dated %s", e.Date)
			}
		case strings.Contains(e.Text, "row in the Oval Office"):
			row = i
			if e.Date != "2025-02-01" || e.When != "2025-02" || e.Precision != "month" || !e.Approx {
				t.Errorf("the Oval Office row is dated %s (%s)", e.Date, e.Precision)
			}
		case meeting < 0 && strings.Contains(e.Text, "meeting") && e.Date == "2025-04-26":
			meeting = i
		}
	}
	if call < 0 || meeting < 0 || row < 0 || call > meeting || row > call {
		t.Errorf("call at %d, meeting at %d, row at %d:\n%+v", call, meeting, row, js.Entries)
	}
	out := c.mustRun("timeline", "Trump", "Zelenskyy")
	for _, want := range []string{"Feb 2025", "dated from “in February”", "14 Feb 2025", "dated from “Friday”", "Sources:",
		"· article starmer-zelenskyy-call", "[1]"} {
		if !strings.Contains(out, want) {
			t.Errorf("timeline text lacks %q:\n%s", want, out)
		}
	}
	// Asked for in a question, the timeline writes the month, not its
	// first day.
	if out := c.mustRun("ask", "timeline of Trump Zelenskyy"); !strings.Contains(out, "February 2025: The meeting between") ||
		strings.Contains(out, "around 1 ") {
		t.Errorf("routed timeline:\n%s", out)
	}
	if _, _, code := c.run("timeline"); code != exitUsage {
		t.Errorf("timeline with no topic: exit %d", code)
	}
}

// compare on the invented corpus, the way docs/INTELLIGENCE.md shows it.
func TestCompareCommand(t *testing.T) {
	c := newCLI(t)
	index := filepath.Join(t.TempDir(), "cmp")
	c.mustRun("ingest", "../../testdata/compare", "--index", index)
	js := decodeJSON[jsonComparison](t, c.mustRun("compare", "--index", index, "--topic", "Kessel Bridge collapse", "--json"))
	want := []struct{ outlet, first, unique string }{
		{"Elmsworth Gazette", "2024-03-05", "At least 12 people were injured"},
		{"Northern Wire", "2024-03-06", "40 other bridges"},
		{"Coastline Radio", "2024-03-07", "8 million euros"},
	}
	if len(js.Outlets) != len(want) || js.Mode != "extractive" {
		t.Fatalf("compare --json: %+v", js)
	}
	for i, w := range want {
		o := js.Outlets[i]
		has := false
		for _, f := range o.Unique {
			has = has || strings.Contains(f.Text, w.unique)
			if f.N < 1 || f.N > len(js.Citations) || js.Citations[f.N-1].Outlet != o.Outlet {
				t.Errorf("%s: fact %q cites %d", o.Outlet, f.Text, f.N)
			}
		}
		if o.Outlet != w.outlet || o.First != w.first || len(o.Articles) != 1 || !has {
			t.Errorf("outlet %d: %+v, want %s first on %s with %q", i+1, o, w.outlet, w.first, w.unique)
		}
		for _, a := range o.Articles {
			if a.N < 1 || a.N > len(js.Citations) || js.Citations[a.N-1].ArticleID != a.ID {
				t.Errorf("%s: article %s cites %d", o.Outlet, a.ID, a.N)
			}
		}
	}
	out := c.mustRun("compare", "--index", index, "--topic", "Kessel Bridge collapse")
	for _, want := range []string{"3 outlets, 3 articles", "Who reported it first:", "1. Elmsworth Gazette — 5 Mar 2024", "Only in Northern Wire:", "Sources:"} {
		if !strings.Contains(out, want) {
			t.Errorf("compare text lacks %q:\n%s", want, out)
		}
	}
	// The seed has one outlet; its articles are still cited.
	out = c.mustRun("compare", "--topic", "Trump Zelenskyy")
	for _, want := range []string{"Only Sky News covered this story", " [1]\n", "Sources:\n  [1] "} {
		if !strings.Contains(out, want) {
			t.Errorf("compare on the seed lacks %q:\n%s", want, out)
		}
	}
}

func TestDigestCommand(t *testing.T) {
	c := newCLI(t)
	js := decodeJSON[jsonDigest](t, c.mustRun("digest", "--since", "2025-04-01", "--json"))
	if js.Abstained || len(js.Citations) == 0 || js.Since != "2025-04-01T00:00:00Z" || js.Summary == nil {
		t.Fatalf("digest --json: %+v", js)
	}
	for _, cit := range js.Citations {
		if cit.Published < "2025-04-01" {
			t.Errorf("digest since 1 April cites %s of %s", cit.ArticleID, cit.Published)
		}
	}
	if out := c.mustRun("digest", "--since", "2030-01-01"); !strings.Contains(out, "Nothing new in the coverage since 1 January 2030") {
		t.Errorf("an empty digest:\n%s", out)
	}
	for _, args := range [][]string{{"digest", "--since", "soon"}, {"digest", "yesterday"}} {
		if _, errs, code := c.run(args...); code != exitUsage {
			t.Errorf("%q: exit %d, %s", args, code, errs)
		}
	}
}

func TestHelpListsIntelligenceCommands(t *testing.T) {
	c := newCLI(t)
	out := c.mustRun("--help")
	for _, cmd := range []string{"quotes", "timeline", "compare", "digest"} {
		if !strings.Contains(out, "\n  "+cmd+" ") {
			t.Errorf("help does not list %s:\n%s", cmd, out)
		}
	}
}
