package answer_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/seedtest"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
)

func logTimeline(t *testing.T, tl []rag.TimelineEntry) {
	t.Helper()
	for _, e := range tl {
		t.Logf("%s %-5s %-18q update=%v/%d [%d %s] %.80s", e.Date.Format("2006-01-02"), e.Precision, e.DateText,
			e.Update, e.Revises, e.Citation.N, e.Citation.ArticleID, e.Text)
	}
}

// checkTimeline holds for every timeline: in date order, one citation per
// entry numbered by position, and each entry's sentence in its cited passage.
func checkTimeline(t *testing.T, tl []rag.TimelineEntry) {
	t.Helper()
	for i, e := range tl {
		if i > 0 && e.Date.Before(tl[i-1].Date) {
			t.Errorf("entry %d (%v) is before entry %d (%v)", i+1, e.Date, i, tl[i-1].Date)
		}
		if e.Citation.N != i+1 || e.Citation.ArticleID == "" || !strings.Contains(e.Citation.Text, e.Text) {
			t.Errorf("entry %d is not cited by its passage: %+v", i+1, e)
		}
		if e.DateText == "" || e.Approx != (e.Precision != rag.PrecisionDay) {
			t.Errorf("entry %d: date text %q, approx %v, precision %s", i+1, e.DateText, e.Approx, e.Precision)
		}
		if e.Update && (e.Revises < 1 || e.Revises > len(tl) || e.Revises == i+1) {
			t.Errorf("entry %d revises %d", i+1, e.Revises)
		}
	}
}

func findEntry(tl []rag.TimelineEntry, pred func(rag.TimelineEntry) bool) int {
	for i, e := range tl {
		if pred(e) {
			return i
		}
	}
	return -1
}

// The check: the Starmer–Zelenskyy phone call (Friday 14 February
// 2025) comes before the meeting in St Peter's Basilica (26 April 2025),
// and the Oval Office row is dated to February 2025.
func TestTimelineSeed(t *testing.T) {
	e := seedEngine(t, seedtest.Articles(t))
	tl, err := e.Timeline(context.Background(), "Trump Zelenskyy", day(2025, 5, 1))
	if err != nil {
		t.Fatal(err)
	}
	logTimeline(t, tl)
	checkTimeline(t, tl)
	call := findEntry(tl, func(x rag.TimelineEntry) bool {
		return strings.Contains(x.Text, "spoke on the phone") && x.Date.Equal(day(2025, 2, 14)) && x.Precision == rag.PrecisionDay
	})
	if call < 0 {
		t.Fatal("no entry for the phone call on 14 February 2025")
	}
	if got := tl[call].DateText; got != "Friday" {
		t.Errorf("the call is dated from %q, want the article's “on Friday”", got)
	}
	meeting := findEntry(tl, func(x rag.TimelineEntry) bool {
		return strings.Contains(x.Text, "meeting") && x.Date.Equal(day(2025, 4, 26)) &&
			(x.Citation.ArticleID == "trump-zelenskyy-basilica" || x.Citation.ArticleID == "basilica-pictures-analysis")
	})
	if meeting < 0 {
		t.Fatal("no entry for the meeting in St Peter's Basilica on 26 April 2025")
	}
	if call > meeting {
		t.Errorf("the call (entry %d) comes after the meeting (entry %d)", call+1, meeting+1)
	}
	row := findEntry(tl, func(x rag.TimelineEntry) bool { return strings.Contains(x.Text, "row in the Oval Office") })
	if row < 0 {
		t.Fatal("no entry for the Oval Office row")
	}
	if r := tl[row]; !r.Date.Equal(day(2025, 2, 1)) || r.Precision != rag.PrecisionMonth || r.DateText != "in February" || !r.Approx {
		t.Errorf("the Oval Office row is dated %v (%s, %q), want February 2025", r.Date, r.Precision, r.DateText)
	}
	if row > call {
		t.Errorf("the February row (entry %d) comes after the 14 February call (entry %d)", row+1, call+1)
	}
}

// A later report's new figure is shown beside the earlier one, each cited,
// and the later one is marked as an update.
func TestTimelineShowsRevisedFigures(t *testing.T) {
	e := inventedEngine(t)
	tl, err := e.Timeline(context.Background(), "Kessel Bridge collapse", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	logTimeline(t, tl)
	checkTimeline(t, tl)
	first := findEntry(tl, func(x rag.TimelineEntry) bool { return strings.Contains(x.Text, "At least 12 people were injured") })
	later := findEntry(tl, func(x rag.TimelineEntry) bool {
		return strings.Contains(x.Text, "At least 15 people were injured") && x.Citation.ArticleID == "wire-kessel-bridge-collapse"
	})
	if first < 0 || later < 0 {
		t.Fatalf("the two injury figures are not both shown (12 at %d, 15 at %d)", first, later)
	}
	if tl[first].Update || !tl[later].Update || tl[later].Revises != first+1 {
		t.Errorf("12 injured: update %v; 15 injured: update %v revising %d, want entry %d",
			tl[first].Update, tl[later].Update, tl[later].Revises, first+1)
	}
	if !tl[later].Date.Equal(day(2024, 3, 6)) || tl[later].DateText != "on Wednesday" && tl[later].DateText != "Wednesday" {
		t.Errorf("the Wire's figure is dated %v from %q", tl[later].Date, tl[later].DateText)
	}
	// Each outlet's "on Tuesday" is read against its own date: all three
	// put the collapse on 5 March.
	for _, x := range tl {
		if strings.Contains(x.Text, "collapsed into the harbour") && strings.Contains(x.DateText, "Tuesday") && !x.Date.Equal(day(2024, 3, 5)) {
			t.Errorf("%s dates the collapse %v", x.Citation.ArticleID, x.Date)
		}
		if x.Citation.ArticleID == "gazette-rovers-cup-final" {
			t.Errorf("an article on another story is in the timeline: %q", x.Text)
		}
	}
	if _, err := e.Timeline(context.Background(), "", time.Time{}); !errors.Is(err, rag.ErrEmptyQuestion) {
		t.Errorf("empty topic: %v", err)
	}
}

// timelineEntryOf builds the timeline of topic over one article and returns
// the entry whose sentence holds marker.
func timelineEntryOf(t *testing.T, a rag.Article, topic, marker string) rag.TimelineEntry {
	t.Helper()
	tl, err := seedEngine(t, []rag.Article{a}).Timeline(context.Background(), topic, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	logTimeline(t, tl)
	checkTimeline(t, tl)
	i := findEntry(tl, func(x rag.TimelineEntry) bool { return strings.Contains(x.Text, marker) })
	if i < 0 {
		t.Fatalf("no entry holds %q", marker)
	}
	return tl[i]
}

// A live page published on a Tuesday and updated on the Wednesday dates its
// "Wednesday" from the update, not a week back from its publication.
func TestTimelineReadsALivePageFromItsUpdate(t *testing.T) {
	tue := day(2024, 3, 5)
	e := timelineEntryOf(t, rag.Article{
		ID: "live-ferry", URL: "https://example.com/live-ferry", Title: "Live: Harbor Line ferry aground", Outlet: "Example Live",
		Published: tue,
		Text: "Updated 9:05 AM ET, Wed March 6, 2024\n\n" +
			"The Harbor Line ferry ran aground near Dock Point on Wednesday morning, the harbor authority said.\n\n" +
			"The Harbor Line ferry carried 212 passengers, and all of them were taken off by lifeboat.",
	}, "Harbor Line ferry aground", "ran aground")
	if !e.Date.Equal(day(2024, 3, 6)) || !e.Citation.Published.Equal(tue) {
		t.Errorf("the grounding is dated %v (cited as published %v), want 2024-03-06 from the update and the publication date kept",
			e.Date, e.Citation.Published)
	}
}

// A sentence that tells two events on two days is listed at each, with
// the words each date rests on.
func TestTimelineListsEachEventOfASentence(t *testing.T) {
	const sent = "The Kessel Bridge board approved the repair plan in late July, and the final Kessel Bridge vote came on Tuesday."
	tl, err := seedEngine(t, []rag.Article{{
		ID: "kessel-vote", URL: "https://example.com/kessel-vote", Title: "Kessel Bridge repair approved", Outlet: "Example News",
		Published: day(2024, 8, 15), // a Thursday
		Text:      sent + "\n\nThe Kessel Bridge repair will take two years.",
	}}).Timeline(context.Background(), "Kessel Bridge repair vote", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	logTimeline(t, tl)
	checkTimeline(t, tl)
	got := map[string]time.Time{}
	for _, e := range tl {
		if e.Text == sent {
			got[e.DateText] = e.Date
		}
	}
	if !got["in late July"].Equal(day(2024, 7, 1)) || !got["Tuesday"].Equal(day(2024, 8, 13)) || len(got) != 2 {
		t.Errorf("the sentence is listed at %v, want in late July (2024-07) and Tuesday (2024-08-13)", got)
	}
}

// "Five days later" in the timeline counts from the date an earlier
// sentence of the same article gave, as eval --quotes scores it
// (prose.ArticleDates), not from the article's publication date.
func TestTimelineCountsAnaphoricDatesFromTheArticle(t *testing.T) {
	e := timelineEntryOf(t, rag.Article{
		ID: "kessel-inquiry", URL: "https://example.com/kessel-inquiry", Title: "Kessel Bridge inspectors return", Outlet: "Example News",
		Published: day(2024, 8, 9),
		Text: "Inspectors from the Kessel Bridge authority visited the span on June 3, the authority said.\n\n" +
			"Five days later, the Kessel Bridge inspectors sent the owners a letter asking them to close the east lane.\n\n" +
			"The owners closed the Kessel Bridge east lane in July.",
	}, "Kessel Bridge inspectors letter", "Five days later")
	if !e.Date.Equal(day(2024, 6, 8)) || e.DateText != "Five days later" {
		t.Errorf("the letter is dated %v from %q, want 2024-06-08 from \"Five days later\"", e.Date, e.DateText)
	}
}

// A timeline asked for in a question (routed by Ask) writes a date known
// only to the year or the month at that precision, never as the first day
// of it ("around 1 January 2019").
func TestRoutedTimelineShowsDatesAtTheirPrecision(t *testing.T) {
	e := seedEngine(t, []rag.Article{{
		ID: "kessel-tunnel", Title: "Kessel tunnel opens to traffic", Outlet: "Elmsworth Gazette",
		Published: day(2025, 6, 10),
		Text: "The Kessel tunnel opened to traffic on Monday, the harbour council said.\n\n" +
			"The harbour council first approved the Kessel tunnel in 2019 after a public inquiry.\n\n" +
			"Digging on the Kessel tunnel began in March, two years later than planned.",
	}})
	ans, err := e.Ask(context.Background(), "timeline of the Kessel tunnel", rag.AskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Route != answer.RouteTimeline {
		t.Fatalf("not routed to the timeline: %+v", ans)
	}
	for _, want := range []string{"2019: The harbour council first approved", "March 2025: Digging", "9 June 2025: The Kessel tunnel opened"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("timeline lacks %q:\n%s", want, ans.Text)
		}
	}
	if strings.Contains(ans.Text, "around") || strings.Contains(ans.Text, "1 January") {
		t.Errorf("a year or month is written as a day:\n%s", ans.Text)
	}
}
