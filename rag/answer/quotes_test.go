package answer_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/seedtest"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
	"github.com/coveragebot/coveragebot/rag/quote"
	"github.com/coveragebot/coveragebot/rag/search"
)

// seedEngine indexes the seed coverage in memory with the built-in embedder.
func seedEngine(tb testing.TB, arts []rag.Article) *answer.Engine {
	tb.Helper()
	ix, err := search.Open(search.NewLocalEmbedder(), search.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := ix.Ingest(context.Background(), arts, search.IngestOptions{}); err != nil {
		tb.Fatal(err)
	}
	return &answer.Engine{Index: ix}
}

func TestEngineQuotesSeed(t *testing.T) {
	e := seedEngine(t, seedtest.Articles(t))
	ctx := context.Background()
	tests := []struct {
		person, topic string
		want          string // a quotation that must be listed
		speaker       string // and its speaker
		about         string
	}{
		{"Bolton", "", "Endless concessions to Moscow are a threat to American national security.", "John Bolton", ""},
		{"Trump", "", "there was no reason", "Donald Trump", ""},
		{"Macron", "", "Ukraine is ready for an unconditional ceasefire", "Emmanuel Macron", ""},
		{"Starmer", "", "no talks about Ukraine, without Ukraine", "A Downing Street spokesperson", "Sir Keir Starmer"},
		{"Zelensky", "", "if we reach results together", "Zelenskyy", ""},
		{"Trump", "sanctions", "Too many people are dying!!!", "Donald Trump", ""},
	}
	for _, tt := range tests {
		qs, err := e.Quotes(ctx, tt.person, tt.topic)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(qs, func(q rag.Quote) bool { return strings.Contains(q.Text, tt.want) })
		if i < 0 {
			t.Errorf("Quotes(%q, %q) lacks %q: %+v", tt.person, tt.topic, tt.want, qs)
			continue
		}
		q := qs[i]
		if q.Speaker != tt.speaker || q.About != tt.about || q.Title == "" || q.Outlet == "" || q.Published.IsZero() {
			t.Errorf("Quotes(%q, %q): %+v", tt.person, tt.topic, q)
		}
		for _, q := range qs {
			if !quote.NamesMatch(tt.person, q.Speaker) && !quote.NamesMatch(tt.person, q.About) &&
				!(tt.person == "Starmer" && q.Speaker == "Sir Keir") {
				t.Errorf("Quotes(%q): %q by %q (about %q) is someone else's", tt.person, q.Text, q.Speaker, q.About)
			}
		}
	}
	// A topic narrows the list.
	all, _ := e.Quotes(ctx, "Trump", "")
	narrow, _ := e.Quotes(ctx, "Trump", "sanctions")
	if len(narrow) == 0 || len(narrow) >= len(all) {
		t.Errorf("topic did not narrow Trump's %d quotations to fewer: %d", len(all), len(narrow))
	}
	if qs, err := e.Quotes(ctx, "Nobody Atall", ""); err != nil || len(qs) != 0 {
		t.Errorf("an unknown person: %v, %v", qs, err)
	}
	if _, err := e.Quotes(ctx, " ", ""); !errors.Is(err, rag.ErrEmptyQuestion) {
		t.Errorf("no person and no topic: %v", err)
	}
}

// Two people with one surname: a name that fits both lists them instead of
// merging their words, a full name finds one, and the bare surname an
// article left unresolved is given to neither.
func TestEngineQuotesAmbiguousPerson(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2022, 5, d, 0, 0, 0, 0, time.UTC) }
	arts := []rag.Article{
		{ID: "a1", Title: "Port reopens", Outlet: "Test", Published: day(2), Text: "Harbour master Jill Hart spoke at the quay.\n\n\"The port is open,\" Jill Hart said."},
		{ID: "a2", Title: "Council vote", Outlet: "Test", Published: day(3), Text: "Councillor Joe Hart voted no.\n\n\"The budget is wrong,\" Joe Hart said."},
		{ID: "a3", Title: "Quay works", Outlet: "Test", Published: day(4), Text: "The works start in June.\n\n\"We are ready,\" Hart said."},
	}
	e := seedEngine(t, arts)
	ctx := context.Background()
	_, err := e.Quotes(ctx, "Hart", "")
	var amb *rag.AmbiguousPersonError
	if !errors.As(err, &amb) || !slices.Equal(amb.Candidates, []string{"Jill Hart", "Joe Hart"}) {
		t.Fatalf("Quotes(Hart) = %v, want the two Harts as candidates", err)
	}
	qs, err := e.Quotes(ctx, "Joe Hart", "")
	if err != nil || len(qs) != 1 || qs[0].Text != "The budget is wrong," {
		t.Fatalf("Quotes(Joe Hart) = %+v, %v; want only his words", qs, err)
	}
	if sp := e.Index.Speakers(); slices.Contains(sp, "Hart") || !slices.Contains(sp, "Jill Hart") || !slices.Contains(sp, "Joe Hart") {
		t.Errorf("Speakers() = %q: want the two Harts apart and no bare Hart", sp)
	}
}
