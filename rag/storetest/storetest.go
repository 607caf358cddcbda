// Package storetest is the suite every rag.Store must pass: the store
// operations one by one, and a whole index kept in the store, which must
// retrieve what the in-process index retrieves. rag's own tests run it
// against the in-memory chromem-go store, and rag/weaviate's against a
// real Weaviate server.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/search"
)

// Opener returns a new, empty store for one subtest. It may be called
// several times per subtest; every call within one subtest must return a
// store over the same data (a second process's view), and calls from
// different subtests must not share data.
type Opener func(t *testing.T, name string) rag.Store

// Run runs the suite.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"PutCountCatalog", testPutCountCatalog},
		{"UpsertReplaces", testUpsertReplaces},
		{"Delete", testDelete},
		{"VectorQuery", testVectorQuery},
		{"KeywordQuery", testKeywordQuery},
		{"IndexRetrievesAsInProcess", testIndexRetrievesAsInProcess},
		{"IndexIncrementalAndReopen", testIndexIncrementalAndReopen},
		{"IndexSharedByTwoProcesses", testIndexShared},
		{"IndexRefusesAnotherEmbedder", testIndexRefusesAnotherEmbedder},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			name := fmt.Sprintf("T%d%s", i, tc.name)
			tc.fn(t, func(t *testing.T, _ string) rag.Store { return open(t, name) })
		})
	}
}

var ctx = context.Background()

func day(d int) time.Time { return time.Date(2022, 7, d, 0, 0, 0, 0, time.UTC) }

// Corpus is the suite's coverage: dated and undated articles, a story told
// twice, a digest that mentions it in passing, and an old story on the
// same subject.
func Corpus() []rag.Article {
	long := func(parts ...string) string { return strings.Join(parts, "\n\n") }
	return []rag.Article{
		{ID: "volcano", URL: "https://news.example/volcano", Title: "Sakurajima erupts, level 5 alert", Outlet: "News", Published: day(24),
			Authors: []string{"A. Writer"},
			Text: long("Japan's Sakurajima volcano erupted on Sunday evening, prompting the highest level 5 alert and calls for residents to evacuate.",
				"“We are watching the crater very closely and will tell residents when it is safe to go home,” said Kenji Sato, a spokesman for the Japan Meteorological Agency.",
				"Ash and large rocks were thrown more than two kilometres from the crater, the agency said. Police closed the roads around the mountain and ferries to the island stopped running for the night.",
				"About 120 people living in the two towns closest to the crater were told to leave their homes and gather at community centres in Kagoshima city, officials said on Monday morning.",
				"Sakurajima, on the southern island of Kyushu, is one of the country's most active volcanoes. Small eruptions happen there most years, and the city across the bay is used to ash falling on its streets.",
				"The agency last raised the alert to its highest level in 2015, when it warned of a large eruption that did not come. This time, it said, the ground around the crater had swollen in the days before.",
				"Scientists said the eruption was unlikely to affect air travel beyond the region, though flights in and out of Kagoshima airport were delayed on Monday while crews cleared ash from the runway.")},
		{ID: "volcano-photos", URL: "https://other.example/volcano-photos", Title: "In photos: a volcano erupts in southern Japan", Outlet: "Other", Published: day(25),
			Captions: []string{"Ash over Kagoshima."},
			Text: long("Pictures from Kagoshima show ash drifting over the city after the eruption.",
				"Residents swept ash from their cars and balconies.")},
		{ID: "digest", URL: "https://news.example/digest", Title: "Five things to know for July 25", Outlet: "News", Published: day(25),
			Text: long("Wildfires spread across California as crews fought the Oak Fire near Yosemite.",
				"Monkeypox cases rose in New York, where officials asked for more vaccines.",
				"A volcano in Japan erupted, prompting a level 5 alert.",
				"Stocks closed lower on Friday as investors waited for the central bank.")},
		{ID: "old-volcano", URL: "https://news.example/old-volcano", Title: "Volcano erupts in Japan, level 5 alert raised", Outlet: "News",
			Published: time.Date(2021, 3, 2, 0, 0, 0, 0, time.UTC),
			Text: long("A volcano erupted in Japan and officials raised the alert to level 5 as residents were told to evacuate.",
				"It was the first such alert in years.")},
		{ID: "recall", URL: "https://news.example/recall", Title: "Carmaker recalls SUVs over fire risk", Outlet: "News", Published: day(23),
			Text: long("Owners of some SUVs were told to park outside because an electrical short could start a fire.",
				"The recall covers about 280,000 vehicles made since 2020.")},
		{ID: "undated-explainer", URL: "https://news.example/explainer", Title: "How volcano alert levels work", Outlet: "News",
			Text: long("Japan's alert scale runs from 1 to 5; level 5 means residents must evacuate.",
				"Level 3 keeps people away from the mountain.")},
	}
}

// stored turns the corpus into what ingestion would hand a store, through
// a scratch in-memory index, so that the suite writes real passages and
// vectors.
func stored(t *testing.T, arts []rag.Article) []rag.StoredArticle {
	t.Helper()
	cs := &capture{ChromemStore: search.NewChromemStore()}
	ix, err := search.Open(search.NewLocalEmbedder(), search.Options{Store: cs})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Ingest(ctx, arts, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	return cs.put
}

// capture records what an index puts.
type capture struct {
	*search.ChromemStore
	put []rag.StoredArticle
}

func (c *capture) Put(ctx context.Context, arts []rag.StoredArticle) error {
	for _, a := range arts {
		b := a
		b.Passages = slices.Clone(a.Passages)
		for i := range b.Passages {
			b.Passages[i].Vector = slices.Clone(a.Passages[i].Vector)
		}
		c.put = append(c.put, b)
	}
	return c.ChromemStore.Put(ctx, arts)
}

func mustPut(t *testing.T, s rag.Store, arts []rag.StoredArticle) {
	t.Helper()
	if err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
}

func passageCount(arts []rag.StoredArticle) int {
	n := 0
	for _, a := range arts {
		n += len(a.Passages)
	}
	return n
}

func count(t *testing.T, s rag.Store) int {
	t.Helper()
	n, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func catalog(t *testing.T, s rag.Store) map[string]rag.StoredArticle {
	t.Helper()
	out := map[string]rag.StoredArticle{}
	err := s.Catalog(ctx, func(a rag.StoredArticle) error {
		if _, dup := out[a.Info.ID]; dup {
			return fmt.Errorf("article %s listed twice", a.Info.ID)
		}
		out[a.Info.ID] = a
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func version(t *testing.T, s rag.Store) string {
	t.Helper()
	v, err := s.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func testPutCountCatalog(t *testing.T, open Opener) {
	s := open(t, "")
	if n := count(t, s); n != 0 {
		t.Fatalf("a new store counts %d passages", n)
	}
	if got := catalog(t, s); len(got) != 0 {
		t.Fatalf("a new store lists %d articles", len(got))
	}
	v0 := version(t, s)
	arts := stored(t, Corpus())
	mustPut(t, s, arts)
	if n, want := count(t, s), passageCount(arts); n != want {
		t.Errorf("count %d after putting %d passages", n, want)
	}
	if v := version(t, s); v == v0 {
		t.Errorf("version %q did not change with a put", v)
	}
	got := catalog(t, s)
	if len(got) != len(arts) {
		t.Fatalf("catalog lists %d articles, put %d", len(got), len(arts))
	}
	for _, want := range arts {
		a, ok := got[want.Info.ID]
		if !ok {
			t.Errorf("article %s missing from the catalog", want.Info.ID)
			continue
		}
		if a.Info.Title != want.Info.Title || a.Info.URL != want.Info.URL || a.Info.Outlet != want.Info.Outlet ||
			!a.Info.Published.Equal(want.Info.Published) || a.Hash != want.Hash || a.Body != want.Body ||
			a.Source != want.Source || a.Embedder != want.Embedder || a.Dimensions != want.Dimensions {
			t.Errorf("article %s comes back as %+v, put %+v", want.Info.ID, a.Info, want.Info)
		}
		if !slices.Equal(a.Authors, want.Authors) && len(a.Authors)+len(want.Authors) > 0 {
			t.Errorf("article %s: authors %q, put %q", want.Info.ID, a.Authors, want.Authors)
		}
		if !slices.Equal(a.Captions, want.Captions) && len(a.Captions)+len(want.Captions) > 0 {
			t.Errorf("article %s: captions %q, put %q", want.Info.ID, a.Captions, want.Captions)
		}
		if len(a.Quotes) != len(want.Quotes) {
			t.Errorf("article %s: %d quotations, put %d", want.Info.ID, len(a.Quotes), len(want.Quotes))
		}
		for i := range min(len(a.Quotes), len(want.Quotes)) {
			if a.Quotes[i].Text != want.Quotes[i].Text || a.Quotes[i].Speaker != want.Quotes[i].Speaker {
				t.Errorf("article %s quotation %d: %+v, put %+v", want.Info.ID, i, a.Quotes[i], want.Quotes[i])
			}
		}
		if len(a.Passages) != len(want.Passages) {
			t.Errorf("article %s: %d passages, put %d", want.Info.ID, len(a.Passages), len(want.Passages))
			continue
		}
		for i, p := range a.Passages {
			w := want.Passages[i]
			text := p.Text
			if p.Start >= 0 {
				text = a.Body[p.Start:p.End]
			}
			if p.ID != w.ID || p.Pos != w.Pos || text != w.Text {
				t.Errorf("article %s passage %d: %s at %d %q, put %s at %d %q", want.Info.ID, i, p.ID, p.Pos, text, w.ID, w.Pos, w.Text)
			}
			if p.Vector != nil {
				t.Errorf("catalog passage %s carries a vector", p.ID)
			}
		}
	}
	if !slices.ContainsFunc(arts, func(a rag.StoredArticle) bool { return len(a.Quotes) > 0 }) {
		t.Error("the corpus has no quotation: the suite does not check them")
	}
}

func testUpsertReplaces(t *testing.T, open Opener) {
	s := open(t, "")
	arts := stored(t, Corpus())
	mustPut(t, s, arts)
	mustPut(t, s, arts)
	if n, want := count(t, s), passageCount(arts); n != want {
		t.Errorf("putting the same articles twice: count %d, want %d", n, want)
	}
	if got := catalog(t, s); len(got) != len(arts) {
		t.Errorf("putting the same articles twice: %d in the catalog, want %d", len(got), len(arts))
	}
	// The story gets shorter: its later passages must go.
	short := Corpus()[0]
	short.Text = "Sakurajima erupted on Sunday; the alert is at level 5."
	short.Title = "Sakurajima erupts"
	repl := stored(t, []rag.Article{short})
	var old rag.StoredArticle
	for _, a := range arts {
		if a.Info.ID == short.ID {
			old = a
		}
	}
	if len(repl[0].Passages) >= len(old.Passages) {
		t.Fatalf("the shorter article has %d passages, the old %d: the test needs fewer", len(repl[0].Passages), len(old.Passages))
	}
	v := version(t, s)
	mustPut(t, s, repl)
	if version(t, s) == v {
		t.Error("version did not change when an article was replaced")
	}
	want := passageCount(arts) - len(old.Passages) + len(repl[0].Passages)
	if n := count(t, s); n != want {
		t.Errorf("after replacing an article with a shorter one: count %d, want %d", n, want)
	}
	got := catalog(t, s)[short.ID]
	if got.Hash != repl[0].Hash || got.Info.Title != "Sakurajima erupts" || len(got.Passages) != len(repl[0].Passages) {
		t.Errorf("the replaced article reads back as %q with hash %s and %d passages", got.Info.Title, got.Hash, len(got.Passages))
	}
	// No query may find a passage the article no longer has.
	for _, p := range old.Passages[len(repl[0].Passages):] {
		ms, err := s.VectorQuery(ctx, rag.VectorQuery{Vector: p.Vector, Limit: want})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.ID == p.ID {
				t.Errorf("the dropped passage %s is still found", p.ID)
			}
		}
	}
}

func testDelete(t *testing.T, open Opener) {
	s := open(t, "")
	arts := stored(t, Corpus())
	mustPut(t, s, arts)
	v := version(t, s)
	if err := s.Delete(ctx, []string{"recall", "no-such-article"}); err != nil {
		t.Fatal(err)
	}
	if version(t, s) == v {
		t.Error("version did not change with a deletion")
	}
	var recall rag.StoredArticle
	for _, a := range arts {
		if a.Info.ID == "recall" {
			recall = a
		}
	}
	if n, want := count(t, s), passageCount(arts)-len(recall.Passages); n != want {
		t.Errorf("count %d after deleting an article, want %d", n, want)
	}
	if _, ok := catalog(t, s)["recall"]; ok {
		t.Error("the deleted article is still in the catalog")
	}
	ms, err := s.KeywordQuery(ctx, rag.KeywordQuery{Terms: prose.Terms("recall SUVs fire"), Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if strings.HasPrefix(m.ID, "recall#") {
			t.Errorf("keyword query finds the deleted passage %s", m.ID)
		}
	}
	if err := s.Delete(ctx, nil); err != nil {
		t.Errorf("deleting nothing: %v", err)
	}
}

func passageByID(arts []rag.StoredArticle) map[string]rag.StoredPassage {
	out := map[string]rag.StoredPassage{}
	for _, a := range arts {
		for _, p := range a.Passages {
			p.Published = a.Info.Published
			out[p.ID] = p
		}
	}
	return out
}

func testVectorQuery(t *testing.T, open Opener) {
	s := open(t, "")
	arts := stored(t, Corpus())
	mustPut(t, s, arts)
	byID := passageByID(arts)
	probe := arts[0].Passages[0]
	ms, err := s.VectorQuery(ctx, rag.VectorQuery{Vector: probe.Vector, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 3 {
		t.Fatalf("limit 3 gave %d matches", len(ms))
	}
	if ms[0].ID != probe.ID || math.Abs(ms[0].Score-1) > 1e-3 {
		t.Errorf("a passage's own vector finds %s at %.4f first, want %s at 1", ms[0].ID, ms[0].Score, probe.ID)
	}
	for i, m := range ms {
		want := cos(probe.Vector, byID[m.ID].Vector)
		if math.Abs(m.Score-want) > 1e-3 {
			t.Errorf("match %s scores %.4f, its cosine is %.4f", m.ID, m.Score, want)
		}
		if i > 0 && m.Score > ms[i-1].Score+1e-6 {
			t.Errorf("matches out of order: %v", ms)
		}
	}
	all := passageCount(arts)
	check := func(name string, f rag.Filter, keep func(rag.StoredPassage) bool) {
		t.Helper()
		ms, err := s.VectorQuery(ctx, rag.VectorQuery{Vector: probe.Vector, Limit: all, Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, p := range byID {
			if keep(p) {
				want++
			}
		}
		if len(ms) != want {
			t.Errorf("%s: %d matches, want %d", name, len(ms), want)
		}
		for _, m := range ms {
			if !keep(byID[m.ID]) {
				t.Errorf("%s: %s should have been filtered out", name, m.ID)
			}
		}
	}
	check("since July 24", rag.Filter{Since: day(24)}, func(p rag.StoredPassage) bool {
		return p.Published.IsZero() || !p.Published.Before(day(24))
	})
	check("July 24 only", rag.Filter{Since: day(24), Until: day(25)}, func(p rag.StoredPassage) bool {
		return p.Published.IsZero() || p.Published.Equal(day(24))
	})
	check("two articles", rag.Filter{ArticleIDs: []string{"recall", "digest"}}, func(p rag.StoredPassage) bool {
		return p.ArticleID == "recall" || p.ArticleID == "digest"
	})
	ids := []string{arts[1].Passages[0].ID, arts[2].Passages[0].ID}
	check("two passages", rag.Filter{PassageIDs: ids}, func(p rag.StoredPassage) bool { return slices.Contains(ids, p.ID) })
	check("an article and a date that excludes it", rag.Filter{ArticleIDs: []string{"recall"}, Since: day(24)}, func(rag.StoredPassage) bool { return false })
}

func cos(a, b []float32) float64 {
	var d, na, nb float64
	for i := range a {
		d += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return d / math.Sqrt(na*nb)
}

// testKeywordQuery checks a store's BM25 against the in-memory reference:
// the same matches, in the same order, with the same scores.
func testKeywordQuery(t *testing.T, open Opener) {
	s := open(t, "")
	arts := stored(t, Corpus())
	mustPut(t, s, arts)
	ref := search.NewChromemStore()
	mustPut(t, ref, arts)
	queries := []rag.KeywordQuery{
		{Terms: prose.Terms("volcano eruption level 5 alert Japan"), Limit: 8},
		{Terms: prose.Terms("volcano eruption level 5 alert Japan"), Limit: 4, Articles: true},
		{Terms: prose.Terms("How many vehicles does the SUV recall cover?"), Limit: 3},
		{Terms: prose.Terms("residents evacuate"), Limit: 10, Filter: rag.Filter{Since: day(24)}},
		{Terms: prose.Terms("residents evacuate"), Limit: 10, Articles: true, Filter: rag.Filter{Since: day(24)}},
		{Terms: prose.Terms("ash residents"), Limit: 10, Filter: rag.Filter{ArticleIDs: []string{"volcano-photos"}}},
		{Terms: prose.Terms("volcano alert"), Limit: 10, Articles: true, Filter: rag.Filter{ArticleIDs: []string{"digest", "recall"}}},
		{Terms: prose.Terms("volcano"), Limit: 10, Filter: rag.Filter{PassageIDs: []string{arts[2].Passages[0].ID, arts[4].Passages[0].ID}}},
		{Terms: prose.Terms("volcano volcano Japan"), Limit: 5},
		{Terms: []string{"nosuchtermanywhere"}, Limit: 5},
	}
	for _, q := range queries {
		want, err := ref.KeywordQuery(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.KeywordQuery(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("%v (articles %v, filter %+v)", q.Terms, q.Articles, q.Filter)
		if len(got) != len(want) {
			t.Errorf("%s: %d matches, the reference %d: %v vs %v", name, len(got), len(want), got, want)
			continue
		}
		for i := range want {
			if math.Abs(got[i].Score-want[i].Score) > 1e-3*math.Max(1, want[i].Score) {
				t.Errorf("%s: match %d is %s at %.4f, the reference %s at %.4f", name, i, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
			} else if got[i].ID != want[i].ID && !tied(want, i) {
				t.Errorf("%s: match %d is %s, the reference %s", name, i, got[i].ID, want[i].ID)
			}
		}
	}
}

// tied reports whether match i scores as another match does, so that
// either may come first.
func tied(ms []rag.Match, i int) bool {
	for j := range ms {
		if j != i && math.Abs(ms[j].Score-ms[i].Score) < 1e-4 {
			return true
		}
	}
	return false
}

func openIndex(t *testing.T, s rag.Store, e rag.Embedder) *search.Index {
	t.Helper()
	ix, err := search.Open(e, search.Options{Store: s})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// Questions are the suite's retrieval questions, asked on July 28, 2022.
var questions = []struct {
	q    string
	opts rag.RetrieveOptions
}{
	{"A volcano eruption in which country recently prompted a level 5 alert?", rag.RetrieveOptions{K: 8}},
	{"How many vehicles does the SUV recall cover?", rag.RetrieveOptions{K: 4}},
	{"residents return home after evacuating", rag.RetrieveOptions{K: 6, Since: day(24)}},
	{"What did the spokesman say about the crater?", rag.RetrieveOptions{K: 3, ArticleID: "volcano"}},
	{"what do alert levels mean", rag.RetrieveOptions{K: 5}},
	{"the of and", rag.RetrieveOptions{K: 3}},
}

// testIndexRetrievesAsInProcess runs twice over the same store: with
// keyword searches in the index's own postings (the default), then, as a
// second process would, in the store (search.Options.KeywordsInStore).
func testIndexRetrievesAsInProcess(t *testing.T, open Opener) {
	for _, c := range []struct {
		name    string
		inStore bool
	}{{"KeywordsInIndex", false}, {"KeywordsInStore", true}} {
		t.Run(c.name, func(t *testing.T) {
			ix, err := search.Open(search.NewLocalEmbedder(), search.Options{Store: open(t, ""), KeywordsInStore: c.inStore})
			if err != nil {
				t.Fatal(err)
			}
			retrievesAsInProcess(t, ix)
		})
	}
}

func retrievesAsInProcess(t *testing.T, ix *search.Index) {
	asOf := time.Date(2022, 7, 28, 12, 0, 0, 0, time.UTC)
	plain, err := search.Open(search.NewLocalEmbedder(), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plain.Ingest(ctx, Corpus(), search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Ingest(ctx, Corpus(), search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range questions {
		c.opts.AsOf = asOf
		want, err := plain.Retrieve(ctx, c.q, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ix.Retrieve(ctx, c.q, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("%q: %d hits, in process %d", c.q, len(got), len(want))
			continue
		}
		for i := range want {
			if got[i].ID != want[i].ID || math.Abs(got[i].Score-want[i].Score) > 1e-3 {
				t.Errorf("%q: hit %d is %s at %.4f, in process %s at %.4f", c.q, i+1, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
			}
			if got[i].Text != want[i].Text || !got[i].Published.Equal(want[i].Published) || got[i].URL != want[i].URL {
				t.Errorf("%q: hit %s differs from the in-process passage", c.q, got[i].ID)
			}
		}
	}
	for _, term := range prose.Terms("volcano alert recall Kagoshima") {
		if a, b := ix.IDF(term), plain.IDF(term); math.Abs(a-b) > 1e-9 {
			t.Errorf("IDF(%s) = %.4f in the store's index, %.4f in process", term, a, b)
		}
	}
	if len(ix.Quotes()) != len(plain.Quotes()) || len(ix.Quotes()) == 0 {
		t.Errorf("%d quotations, in process %d", len(ix.Quotes()), len(plain.Quotes()))
	}
	text, err := ix.ArticleText("volcano")
	if want, _ := plain.ArticleText("volcano"); err != nil || text != want {
		t.Errorf("ArticleText: %v, %q", err, text)
	}
}

func testIndexIncrementalAndReopen(t *testing.T, open Opener) {
	ix := openIndex(t, open(t, ""), search.NewLocalEmbedder())
	rep, err := ix.Ingest(ctx, Corpus(), search.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != len(Corpus()) || rep.Embedded == 0 {
		t.Fatalf("first ingest: %+v", rep)
	}
	// A new process over the same store starts with everything, and finds
	// nothing to embed again.
	s := open(t, "")
	again := openIndex(t, s, search.NewLocalEmbedder())
	if again.Count() != ix.Count() || len(again.Articles()) != len(Corpus()) {
		t.Fatalf("reopened: %d passages and %d articles, want %d and %d", again.Count(), len(again.Articles()), ix.Count(), len(Corpus()))
	}
	rep, err = again.Ingest(ctx, Corpus(), search.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unchanged != len(Corpus()) || rep.Embedded != 0 {
		t.Errorf("ingesting the same coverage again: %+v", rep)
	}
	// Change one article and prune another.
	arts := Corpus()
	arts[1].Text += "\n\nSchools in Kagoshima stayed closed on Monday."
	arts = slices.DeleteFunc(arts, func(a rag.Article) bool { return a.ID == "recall" })
	rep, err = again.Ingest(ctx, arts, search.IngestOptions{Prune: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Updated != 1 || rep.Removed != 1 || rep.Unchanged != len(arts)-1 {
		t.Errorf("changing one article and dropping another: %+v", rep)
	}
	n, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != again.Count() {
		t.Errorf("the store holds %d passages, the index counts %d", n, again.Count())
	}
	hits, err := again.Retrieve(ctx, "Were schools in Kagoshima closed?", rag.RetrieveOptions{K: 3, AsOf: day(28)})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].ArticleID != "volcano-photos" || !strings.Contains(hits[0].Text, "Schools") {
		t.Errorf("the changed article's new passage is not found first: %v", hits)
	}
	if _, err := again.Remove(ctx, "digest"); err != nil {
		t.Fatal(err)
	}
	if _, ok := again.Article("digest"); ok {
		t.Error("Remove left the article in the catalog")
	}
}

func testIndexShared(t *testing.T, open Opener) {
	writer := openIndex(t, open(t, ""), search.NewLocalEmbedder())
	reader := openIndex(t, open(t, ""), search.NewLocalEmbedder())
	if _, err := writer.Ingest(ctx, Corpus()[:3], search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	changed, err := reader.Reload()
	if err != nil {
		t.Fatal(err)
	}
	if !changed || reader.Count() != writer.Count() {
		t.Fatalf("reader reloaded %v with %d passages, the writer has %d", changed, reader.Count(), writer.Count())
	}
	if changed, err := reader.Reload(); err != nil || changed {
		t.Errorf("a second reload with nothing new: %v, %v", changed, err)
	}
	hits, err := reader.Retrieve(ctx, "Sakurajima level 5 alert", rag.RetrieveOptions{K: 2, AsOf: day(28)})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].ArticleID != "volcano" {
		t.Errorf("the reader does not find the writer's article: %v", hits)
	}
	if _, err := writer.Remove(ctx, "volcano"); err != nil {
		t.Fatal(err)
	}
	if _, err := reader.Reload(); err != nil {
		t.Fatal(err)
	}
	if _, ok := reader.Article("volcano"); ok {
		t.Error("the reader still lists an article the writer removed")
	}
}

func testIndexRefusesAnotherEmbedder(t *testing.T, open Opener) {
	ix := openIndex(t, open(t, ""), search.NewLocalEmbedder())
	if _, err := ix.Ingest(ctx, Corpus()[:1], search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	local := search.NewLocalEmbedder()
	other := rag.Embedder{Name: "another-model", Dimensions: local.Dimensions, Embed: local.Embed}
	_, err := search.Open(other, search.Options{Store: open(t, "")})
	if !errors.Is(err, rag.ErrEmbedderMismatch) {
		t.Errorf("opening with another embedder: %v, want ErrEmbedderMismatch", err)
	}
}
