package search

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// TestFilterKeepsWhatItNames checks the filter, which turns the ids a
// Filter names into document numbers, against the definition it
// implements, passage by passage: a live passage of a named article (when
// articles are named), itself named (when passages are), published in the
// span (undated passages pass). Removed passages, unknown ids and every
// mix of the conditions are covered.
func TestFilterKeepsWhatItNames(t *testing.T) {
	ix := retrievalIndex(t)
	ctx := context.Background()
	if _, err := ix.Remove(ctx, "digest"); err != nil {
		t.Fatal(err)
	}
	st := ix.st
	var live []*passageRec
	for _, rec := range st.docs {
		if rec != nil {
			live = append(live, rec)
		}
	}
	if len(live) < 5 || len(live) == len(st.docs) {
		t.Fatalf("%d live passages of %d: want several, and some removed", len(live), len(st.docs))
	}
	day := func(d int) time.Time { return time.Date(2022, 7, d, 0, 0, 0, 0, time.UTC) }
	filters := map[string]rag.Filter{
		"articles":            {ArticleIDs: []string{"volcano", "recall", "no-such-article"}},
		"a removed article":   {ArticleIDs: []string{"digest"}},
		"passages":            {PassageIDs: []string{live[0].ID, live[3].ID, live[len(live)-1].ID, "no-such-passage"}},
		"articles, passages":  {ArticleIDs: []string{live[0].ArticleID}, PassageIDs: []string{live[0].ID, live[len(live)-1].ID}},
		"dates":               {Since: day(24), Until: day(26)},
		"dates and articles":  {Since: day(24), ArticleIDs: []string{"volcano", "old-volcano", "recall"}},
		"dates and passages":  {Until: day(25), PassageIDs: []string{live[0].ID, live[1].ID, live[len(live)-2].ID}},
		"everything together": {Since: day(20), Until: day(31), ArticleIDs: []string{"volcano", "volcano-photos"}, PassageIDs: []string{live[0].ID, live[2].ID}},
	}
	for name, f := range filters {
		keep := st.filter(f)
		kept := 0
		for doc, rec := range st.docs {
			want := rec != nil &&
				(len(f.ArticleIDs) == 0 || slices.Contains(f.ArticleIDs, rec.ArticleID)) &&
				(len(f.PassageIDs) == 0 || slices.Contains(f.PassageIDs, rec.ID)) &&
				(rec.Published.IsZero() || (f.Since.IsZero() || !rec.Published.Before(f.Since)) && (f.Until.IsZero() || rec.Published.Before(f.Until)))
			if got := keep(uint32(doc)); got != want {
				t.Errorf("%s: passage %d (%v) kept %v, want %v", name, doc, rec != nil, got, want)
			}
			if want {
				kept++
			}
		}
		if keep(uint32(len(st.docs) + 100)) {
			t.Errorf("%s: a document number past the index is kept", name)
		}
		t.Logf("%s: %d of %d passages kept", name, kept, len(st.docs))
	}
	if st.filter(rag.Filter{}) != nil {
		t.Error("an empty filter should narrow nothing (nil)")
	}
}
