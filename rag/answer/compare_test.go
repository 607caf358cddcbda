package answer_test

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/seedtest"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/source"
)

// inventedEngine indexes testdata/compare: one invented story told by three
// invented outlets, and an unrelated article from the same invented town.
func inventedEngine(tb testing.TB) *answer.Engine {
	tb.Helper()
	res, err := source.Load(context.Background(), "../../testdata/compare")
	if err != nil {
		tb.Fatal(err)
	}
	if len(res.Problems) > 0 || len(res.Articles) != 4 {
		tb.Fatalf("invented corpus: %d articles, problems %v", len(res.Articles), res.Problems)
	}
	return seedEngine(tb, res.Articles)
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestCompareInventedStory(t *testing.T) {
	e := inventedEngine(t)
	cmp, err := e.Compare(context.Background(), "Kessel Bridge collapse")
	if err != nil {
		t.Fatal(err)
	}
	wantOutlets := []struct {
		name   string
		first  time.Time
		unique []string // facts only this outlet has
	}{
		{"Elmsworth Gazette", day(2024, 3, 5), []string{"At least 12 people were injured", "Dock Street"}},
		{"Northern Wire", day(2024, 3, 6), []string{"40 other bridges", "badly corroded"}},
		{"Coastline Radio", day(2024, 3, 7), []string{"8 million euros", "A ferry service"}},
	}
	if len(cmp.Outlets) != len(wantOutlets) {
		t.Fatalf("outlets %+v, want %d", cmp.Outlets, len(wantOutlets))
	}
	for i, w := range wantOutlets {
		o := cmp.Outlets[i]
		if o.Outlet != w.name || !o.First.Equal(w.first) || len(o.Articles) != 1 {
			t.Errorf("outlet %d: %s first %v with %d articles, want %s first %v with 1", i, o.Outlet, o.First, len(o.Articles), w.name, w.first)
		}
		for _, a := range o.Articles {
			if a.ID == "gazette-rovers-cup-final" {
				t.Errorf("the football story was counted as coverage of the collapse")
			}
		}
		for _, want := range w.unique {
			found := false
			for _, f := range o.Unique {
				found = found || strings.Contains(f.Text, want)
			}
			if !found {
				t.Errorf("%s: %q not among its unique facts %+v", o.Outlet, want, o.Unique)
			}
		}
		for _, f := range o.Unique {
			c := f.Citation
			if c.N < 1 || c.N > len(cmp.Citations) || cmp.Citations[c.N-1].ID != c.ID || c.Outlet != o.Outlet || !strings.Contains(c.Text, f.Text) {
				t.Errorf("%s: fact %q is not cited by its own passage: %+v", o.Outlet, f.Text, c)
			}
		}
	}
	// Facts two outlets carry are not unique, whatever words each uses.
	for _, o := range cmp.Outlets {
		for _, f := range o.Unique {
			for _, shared := range []string{"15 people were injured", "lucky that nobody died"} {
				if strings.Contains(f.Text, shared) {
					t.Errorf("%s: shared fact %q listed as unique", o.Outlet, f.Text)
				}
			}
		}
	}
	if cmp.Mode != rag.ModeExtractive || cmp.Framing != "" {
		t.Errorf("without a model: mode %s, framing %q", cmp.Mode, cmp.Framing)
	}
	checkArticleSources(t, cmp)
}

// checkArticleSources checks that every article a comparison counts for an
// outlet is cited by a passage of its own, numbered in Citations, so that
// "who reported it first" rests on the coverage like every other claim.
func checkArticleSources(t *testing.T, cmp rag.Comparison) {
	t.Helper()
	for _, o := range cmp.Outlets {
		if len(o.Sources) != len(o.Articles) {
			t.Errorf("%s: %d articles but %d sources", o.Outlet, len(o.Articles), len(o.Sources))
			continue
		}
		for i, a := range o.Articles {
			c := o.Sources[i]
			if c.ArticleID != a.ID || c.N < 1 || c.N > len(cmp.Citations) || cmp.Citations[c.N-1].ID != c.ID || c.Text == "" {
				t.Errorf("%s: article %s is not cited by a passage of its own: %+v", o.Outlet, a.ID, c)
			}
		}
	}
}

func TestCompareOneOutlet(t *testing.T) {
	e := seedEngine(t, seedtest.Articles(t))
	cmp, err := e.Compare(context.Background(), "Trump Zelenskyy")
	if err != nil {
		t.Fatal(err)
	}
	if len(cmp.Outlets) != 1 || cmp.Outlets[0].Outlet != "Sky News" || len(cmp.Outlets[0].Unique) != 0 {
		t.Fatalf("the seed has one outlet: %+v", cmp.Outlets)
	}
	if !cmp.Outlets[0].First.Equal(day(2025, 2, 14)) || len(cmp.Outlets[0].Articles) < 4 {
		t.Errorf("Sky News first reported on %v with %d articles", cmp.Outlets[0].First, len(cmp.Outlets[0].Articles))
	}
	checkArticleSources(t, cmp)
	if _, err := e.Compare(context.Background(), "  "); !errors.Is(err, rag.ErrEmptyQuestion) {
		t.Errorf("empty topic: %v", err)
	}
}

var reSourceHeading = regexp.MustCompile(`(?m)^\[(\d+)\] .* — ([^,\n]+), `)

// framingModel writes a framing paragraph from the sources it is given: a
// sentence copied from a Northern Wire source and cited to it, and a claim
// no source holds.
func framingModel(t *testing.T) rag.ChatFunc {
	return func(_ context.Context, msgs []rag.Message, _ func(string)) (string, error) {
		sys := msgs[0].Content
		if !strings.Contains(sys, "framing") {
			t.Errorf("not asked about framing: %.200s", sys)
		}
		for _, m := range reSourceHeading.FindAllStringSubmatchIndex(sys, -1) {
			n, outlet := sys[m[2]:m[3]], sys[m[4]:m[5]]
			if outlet != "Northern Wire" {
				continue
			}
			body := sys[m[1]:]
			body = body[strings.IndexByte(body, '\n')+1:]
			first := prose.SplitSentences(body)[0]
			return fmt.Sprintf("Northern Wire led with this: %s [%s] The outlets all agreed the mayor should resign [%s].", first, n, n), nil
		}
		return "", errors.New("no Northern Wire source")
	}
}

func TestCompareFramingWithModel(t *testing.T) {
	e := inventedEngine(t)
	e.Chat = framingModel(t)
	cmp, err := e.Compare(context.Background(), "Kessel Bridge collapse")
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Mode != rag.ModeLLM || !strings.HasPrefix(cmp.Framing, "Northern Wire led with this") {
		t.Fatalf("framing %q (mode %s)", cmp.Framing, cmp.Mode)
	}
	if strings.Contains(cmp.Framing, "resign") || len(cmp.Dropped) != 1 {
		t.Errorf("the unsupported claim was kept: %q, dropped %q", cmp.Framing, cmp.Dropped)
	}
	facts := 0 // citations the facts use; the framing's follow them
	for _, o := range cmp.Outlets {
		for _, f := range o.Unique {
			facts = max(facts, f.Citation.N)
		}
	}
	ms := answer.ParseMarkers(cmp.Framing)
	if len(ms) != 1 || ms[0].N != facts+1 || len(cmp.Citations) != facts+1 || cmp.Citations[facts].Outlet != "Northern Wire" {
		t.Errorf("framing markers %+v with %d facts and %d citations", ms, facts, len(cmp.Citations))
	}
}
