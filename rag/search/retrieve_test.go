package search

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/eval"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// legacyTuning is retrieval as it first shipped: passages ranked alone,
// reciprocal-rank fusion, a step date prior. docs/QUALITY.md's starting
// point.
var legacyTuning = retrievalTuning{
	candidates:    40,
	rrf:           true,
	vectorWeight:  1,
	keywordWeight: 1,
	prior:         datePriorShape{step: true, recentDays: 10, floor: 0.5, future: 0.35, undated: 0.75},
	bm25:          bm25Params{k1: 1.2, b: 0.75},
}

func TestDatePriorShape(t *testing.T) {
	asOf := time.Date(2022, 6, 16, 15, 0, 0, 0, time.UTC)
	p := datePriorShape{recentDays: 7, halfLife: 7, floor: 0.3, future: 0.2, undated: 0.75}
	day := func(n int) time.Time { return time.Date(2022, 6, n, 0, 0, 0, 0, time.UTC) }
	noPhrase := &preparedQuery{asOf: asOf}
	w, ok := prose.ParseTimeWindow("in March", asOf)
	if !ok {
		t.Fatal("in March: no window")
	}
	inMarch := &preparedQuery{asOf: asOf, window: w, hasWindow: true}
	half := 0.3 + 0.7/2 // floor plus half the rest, one half-life out
	tests := []struct {
		name      string
		published time.Time
		q         *preparedQuery
		want      float64
	}{
		{"undated", time.Time{}, noPhrase, 0.75},
		{"the as-of day", day(16), noPhrase, 1},
		{"the next day (time zones)", day(17), noPhrase, 1},
		{"two days after", day(18), noPhrase, 0.2},
		{"a week before", day(9), noPhrase, 1},
		{"a half-life before the window", day(2), noPhrase, half},
		{"two half-lives before", time.Date(2022, 5, 26, 0, 0, 0, 0, time.UTC), noPhrase, 0.3 + 0.7/4},
		{"years before", time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC), noPhrase, 0.3},
		// A named time stretches the window back; coverage of it runs on
		// until the question is asked.
		{"in the named month", time.Date(2022, 3, 20, 0, 0, 0, 0, time.UTC), inMarch, 1},
		{"after the named month", time.Date(2022, 5, 1, 0, 0, 0, 0, time.UTC), inMarch, 1},
		{"a half-life before it", time.Date(2022, 2, 22, 0, 0, 0, 0, time.UTC), inMarch, half},
		{"after the as-of date", day(20), inMarch, 0.2},
	}
	for _, tc := range tests {
		if got := p.weigh(tc.published, tc.q); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s: weigh = %.4f, want %.4f", tc.name, got, tc.want)
		}
	}
	// The weight never rises with age before the window.
	prev := 2.0
	for d := 0; d < 400; d++ {
		got := p.weigh(asOf.AddDate(0, 0, -d), noPhrase)
		if got > prev+1e-12 || got < p.floor {
			t.Fatalf("%d days back: %.4f after %.4f", d, got, prev)
		}
		prev = got
	}
}

func TestStepDatePrior(t *testing.T) {
	asOf := time.Date(2022, 6, 16, 15, 0, 0, 0, time.UTC)
	p := legacyTuning.prior
	q := &preparedQuery{asOf: asOf}
	for _, tc := range []struct {
		days float64
		want float64
	}{{0, 1}, {10, 1}, {11, 0.5}, {-0.5, 1}, {-2, 0.35}} {
		got := p.weigh(asOf.Add(-time.Duration(tc.days*24)*time.Hour), q)
		if got != tc.want {
			t.Errorf("%v days back: %v, want %v", tc.days, got, tc.want)
		}
	}
}

func TestFuse(t *testing.T) {
	list := func() []*passageCand {
		return []*passageCand{
			{doc: 1, vr: 1, kr: 2, cos: 0.8, bm25: 5},
			{doc: 2, vr: 2, kr: 0, cos: 0.4, bm25: 0},
			{doc: 3, vr: 0, kr: 1, cos: -0.1, bm25: 10},
		}
	}
	// By score: each side divided by its best, weighed; a negative cosine
	// counts as nothing.
	tu := retrievalTuning{vectorWeight: 0.5, keywordWeight: 1}
	l := list()
	tu.fuse(l)
	for i, want := range []float64{0.5*1 + 1*0.5, 0.5 * 0.5, 0 + 1*1} {
		if math.Abs(l[i].score-want) > 1e-9 {
			t.Errorf("score fusion, passage %d: %.4f, want %.4f", l[i].doc, l[i].score, want)
		}
	}
	// By rank: 1/(60+rank) from each list the passage is in.
	tu = retrievalTuning{rrf: true, vectorWeight: 1, keywordWeight: 1}
	l = list()
	tu.fuse(l)
	for i, want := range []float64{1.0/61 + 1.0/62, 1.0 / 62, 1.0 / 61} {
		if math.Abs(l[i].score-want) > 1e-12 {
			t.Errorf("rank fusion, passage %d: %.6f, want %.6f", l[i].doc, l[i].score, want)
		}
	}
}

func TestLeadOf(t *testing.T) {
	text := "First sentence here. Second one is a little longer than that. Third."
	for _, tc := range []struct {
		n    int
		want string
	}{
		{5, "First sentence here."}, // at least one sentence
		{20, "First sentence here."},
		{61, "First sentence here. Second one is a little longer than that."},
		{1000, text},
	} {
		if got := leadOf(text, tc.n); got != tc.want {
			t.Errorf("leadOf(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// retrievalCorpus is a small coverage with the traps the benchmark showed:
// a digest that mentions every story in passing, the same story told by
// two outlets, an old story on the same subject, and one from after the
// question.
func retrievalCorpus() []rag.Article {
	day := func(d int) time.Time { return time.Date(2022, 7, d, 0, 0, 0, 0, time.UTC) }
	long := func(parts ...string) string { return strings.Join(parts, "\n\n") }
	return []rag.Article{
		{ID: "volcano", URL: "https://news.example/volcano", Published: day(24),
			Text: long("Japan's Sakurajima volcano erupted on Sunday evening, prompting the highest level 5 alert and calls for residents to evacuate.",
				"Ash and large rocks were thrown more than two kilometres from the crater, the Japan Meteorological Agency said.",
				"Sakurajima, on the southern island of Kyushu, is one of the country's most active volcanoes.")},
		{ID: "volcano-photos", URL: "https://other.example/volcano-photos", Title: "In photos: a volcano erupts in southern Japan", Published: day(25),
			Text: long("Pictures from Kagoshima show ash drifting over the city after the eruption.",
				"Residents swept ash from their cars and balconies.")},
		{ID: "digest", URL: "https://news.example/digest", Title: "Five things to know for July 25", Published: day(25),
			Text: long("Wildfires spread across California as crews fought the Oak Fire near Yosemite.",
				"Monkeypox cases rose in New York, where officials asked for more vaccines.",
				"A volcano in Japan erupted, prompting a level 5 alert.",
				"Stocks closed lower on Friday as investors waited for the central bank.")},
		{ID: "old-volcano", URL: "https://news.example/old-volcano", Title: "Volcano erupts in Japan, level 5 alert raised", Published: time.Date(2021, 3, 2, 0, 0, 0, 0, time.UTC),
			Text: long("A volcano erupted in Japan and officials raised the alert to level 5 as residents were told to evacuate.",
				"It was the first such alert in years.")},
		{ID: "later-volcano", URL: "https://news.example/later-volcano", Title: "Japan volcano eruption: residents return home", Published: day(30),
			Text: "Residents evacuated after the Sakurajima eruption and the level 5 alert began to return home on Saturday."},
		{ID: "recall", URL: "https://news.example/recall", Title: "Carmaker recalls SUVs over fire risk", Published: day(23),
			Text: long("Owners of some SUVs were told to park outside because an electrical short could start a fire.",
				"The recall covers about 280,000 vehicles made since 2020.")},
	}
}

func retrievalIndex(t *testing.T) *Index {
	t.Helper()
	ix, err := Open(NewLocalEmbedder(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Ingest(context.Background(), retrievalCorpus(), IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	return ix
}

func articleOrder(hits []rag.Hit) []string {
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.ArticleID] {
			seen[h.ArticleID] = true
			out = append(out, h.ArticleID)
		}
	}
	return out
}

func TestRetrieveRanksTheStoryFirst(t *testing.T) {
	ix := retrievalIndex(t)
	asOf := time.Date(2022, 7, 28, 12, 0, 0, 0, time.UTC)
	q := "A volcano eruption in which country recently prompted a level 5 alert calling for people to evacuate?"
	hits, err := ix.Retrieve(context.Background(), q, rag.RetrieveOptions{K: 8, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	order := articleOrder(hits)
	if len(order) < 4 || order[0] != "volcano" {
		t.Fatalf("articles %v, want the volcano story first", order)
	}
	pos := map[string]int{}
	for i, id := range order {
		pos[id] = i
	}
	// The digest mentions the eruption in one line; the story is about it.
	if p, ok := pos["digest"]; ok && p < pos["volcano"] {
		t.Errorf("the digest (%d) ranks above the story (%d): %v", p, pos["volcano"], order)
	}
	// An article from after the question and one from a year before weigh
	// less than the current one.
	for _, id := range []string{"later-volcano", "old-volcano"} {
		if p, ok := pos[id]; ok && p < pos["volcano"] {
			t.Errorf("%s ranks above the current story: %v", id, order)
		}
	}
	if _, ok := pos["recall"]; ok && pos["recall"] < pos["volcano-photos"] {
		t.Errorf("an unrelated story ranks above a related one: %v", order)
	}
	// Each article's best passage comes before its weaker ones, and an
	// article's first passage keeps the article's place.
	var last float64 = math.Inf(1)
	for _, h := range hits {
		if h.Score > last {
			t.Errorf("hits are not in score order: %v after %v", h.Score, last)
		}
		last = h.Score
	}
}

func TestRetrieveUsesTheDateOfTheQuestion(t *testing.T) {
	ix := retrievalIndex(t)
	q := "Which volcano in Japan erupted, prompting a level 5 alert?"
	// Asked in March 2021, the story of that time is the one meant.
	hits, err := ix.Retrieve(context.Background(), q, rag.RetrieveOptions{K: 4, AsOf: time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if order := articleOrder(hits); len(order) == 0 || order[0] != "old-volcano" {
		t.Errorf("asked in 2021: %v, want old-volcano first", order)
	}
	hits, err = ix.Retrieve(context.Background(), q, rag.RetrieveOptions{K: 4, AsOf: time.Date(2022, 7, 26, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if order := articleOrder(hits); len(order) == 0 || order[0] == "old-volcano" || order[0] == "later-volcano" {
		t.Errorf("asked in July 2022: %v, want a current article first", order)
	}
}

func TestRetrieveSpreadsAndFilters(t *testing.T) {
	ix := retrievalIndex(t)
	asOf := time.Date(2022, 7, 28, 0, 0, 0, 0, time.UTC)
	ctx := context.Background()
	q := "volcano eruption Japan alert"
	hits, err := ix.Retrieve(ctx, q, rag.RetrieveOptions{K: 4, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 4 {
		t.Fatalf("%d hits, want 4", len(hits))
	}
	per := map[string]int{}
	for _, h := range hits {
		per[h.ArticleID]++
		if per[h.ArticleID] > 2 {
			t.Errorf("article %s fills more than half of 4 slots", h.ArticleID)
		}
	}

	// Within one article, every passage of it may be returned.
	hits, err = ix.Retrieve(ctx, q, rag.RetrieveOptions{K: 5, AsOf: asOf, ArticleID: "volcano"})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := ix.Passages("volcano")
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != min(5, len(ps)) {
		t.Errorf("%d hits in the volcano article, want its %d passages", len(hits), len(ps))
	}
	for _, h := range hits {
		if h.ArticleID != "volcano" {
			t.Errorf("hit from %s with ArticleID set", h.ArticleID)
		}
	}

	// Since and Until keep only what was published in between.
	hits, err = ix.Retrieve(ctx, q, rag.RetrieveOptions{K: 6, AsOf: asOf,
		Since: time.Date(2022, 7, 24, 0, 0, 0, 0, time.UTC), Until: time.Date(2022, 7, 26, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("no hits between 24 and 26 July")
	}
	for _, h := range hits {
		if h.Published.Day() < 24 || h.Published.Day() >= 26 || h.Published.Year() != 2022 {
			t.Errorf("hit %s published %v, outside 24-26 July", h.ID, h.Published)
		}
	}

	// A question of stop words only, or of words no passage holds, finds
	// nothing rather than failing.
	for _, q := range []string{"", "   ", "what is it?", "zzqx blorf"} {
		hits, err := ix.Retrieve(ctx, q, rag.RetrieveOptions{K: 3, AsOf: asOf})
		if err != nil {
			t.Errorf("%q: %v", q, err)
		}
		if q != "zzqx blorf" && len(hits) != 0 {
			t.Errorf("%q: %d hits, want none", q, len(hits))
		}
	}
}

func TestRetrieveSeesIngestAndRemoval(t *testing.T) {
	ix := retrievalIndex(t)
	ctx := context.Background()
	asOf := time.Date(2022, 7, 28, 0, 0, 0, 0, time.UTC)
	q := "Why did Kia and Hyundai recall SUVs?"
	first := func() string {
		hits, err := ix.Retrieve(ctx, q, rag.RetrieveOptions{K: 3, AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			return ""
		}
		return hits[0].ArticleID
	}
	if got := first(); got != "recall" {
		t.Fatalf("first hit %q, want recall", got)
	}
	// The article-level view is rebuilt after a change: a new article is
	// found, a removed one is gone.
	more := rag.Article{ID: "recall-2", URL: "https://news.example/recall-2", Title: "Kia and Hyundai recall SUVs over fire risk", Published: asOf.AddDate(0, 0, -2),
		Text: "Kia and Hyundai recalled SUVs because an electrical short could start a fire, and told owners of the carmaker's SUVs to park outside."}
	if _, err := ix.Ingest(ctx, append(retrievalCorpus(), more), IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := first(); got != "recall-2" {
		t.Errorf("after ingesting recall-2, first hit %q", got)
	}
	if _, err := ix.Remove(ctx, "recall-2"); err != nil {
		t.Fatal(err)
	}
	if got := first(); got != "recall" {
		t.Errorf("after removing recall-2, first hit %q", got)
	}
}

// The quality ablations measure retrieval on realtimeqa-dev with every part
// of Retrieve switched off in turn. They take a few minutes, so they run
// only when asked:
//
//	go test ./rag -run TestQualityAblations -quality -v
var (
	qualityFlag  = flag.Bool("quality", false, "measure retrieval quality on realtimeqa-dev (slow; see docs/QUALITY.md)")
	qualityBench = flag.String("quality-bench", filepath.Join("..", "..", "..", "shared", "bench", "realtimeqa-dev"),
		"directory holding realtimeqa-dev's corpus.jsonl and queries.jsonl")
)

// loadBenchCorpus reads realtimeqa-dev's corpus.jsonl into articles the way
// the JSON Lines loader does for the fields retrieval uses. rag cannot
// import rag/source (which imports rag), so this repeats its few rules; the
// default row matches `coveragebot eval` to the last digit, which shows
// they agree.
func loadBenchCorpus(tb testing.TB, path string) []rag.Article {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []rag.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var rec struct {
			ID, URL, Title, Published, Text string
			Authors                         []string
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatal(err)
		}
		a := rag.Article{ID: strings.TrimSpace(rec.ID), URL: strings.TrimSpace(rec.URL),
			Title: strings.Join(strings.Fields(rec.Title), " "), Authors: rec.Authors,
			Text: strings.TrimSpace(strings.ReplaceAll(rec.Text, "\r\n", "\n"))}
		if rec.Published != "" {
			if a.Published, err = time.Parse("2006/01/02", rec.Published); err != nil {
				tb.Fatal(err)
			}
		}
		if a.Text != "" {
			out = append(out, a)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// benchRun is realtimeqa-dev indexed once, with each question's candidates
// cached, so that ranking variants are compared on the same candidates.
type benchRun struct {
	ix    *Index
	qs    []eval.Query
	cache map[string][]*gathered
}

func newBenchRun(tb testing.TB, e rag.Embedder, co prose.ChunkOptions) *benchRun {
	tb.Helper()
	if !*qualityFlag {
		tb.Skip("measures retrieval on realtimeqa-dev; run with -quality")
	}
	qf, err := os.Open(filepath.Join(*qualityBench, "queries.jsonl"))
	if err != nil {
		tb.Fatalf("-quality needs realtimeqa-dev (set -quality-bench): %v", err)
	}
	defer qf.Close()
	qs, err := eval.ReadQueries(qf)
	if err != nil {
		tb.Fatal(err)
	}
	arts := loadBenchCorpus(tb, filepath.Join(*qualityBench, "corpus.jsonl"))
	ix, err := Open(e, Options{Chunk: co})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := ix.Ingest(context.Background(), arts, IngestOptions{}); err != nil {
		tb.Fatal(err)
	}
	return &benchRun{ix: ix, qs: qs, cache: map[string][]*gathered{}}
}

// eval ranks the articles for every question as Evaluate does, with tu in
// place of the default tuning.
func (br *benchRun) eval(tb testing.TB, tu retrievalTuning) eval.Metrics {
	tb.Helper()
	ctx := context.Background()
	st := br.ix.st
	key := fmt.Sprint(tu.candidates, tu.articles, tu.articleLevel, tu.bm25, tu.stripTime, tu.titleOnce)
	gs, cached := br.cache[key]
	ranks := make([]int, len(br.qs))
	for i, q := range br.qs {
		pq, err := br.ix.prepareQuery(ctx, q.Question, rag.RetrieveOptions{K: 4 * eval.ArticlesWanted, AsOf: q.AsOf}, tu)
		if err != nil {
			tb.Fatal(err)
		}
		if !cached {
			g, err := gather(ctx, br.ix.searcher(st, tu), st, pq, tu)
			if err != nil {
				tb.Fatal(err)
			}
			gs = append(gs, g)
		}
		// rank scores in place: work on a copy of the cached candidates.
		g := &gathered{groups: gs[i].groups, articles: make(map[uint32]*articleCand, len(gs[i].articles))}
		for _, c := range gs[i].passages {
			cc := *c
			g.passages = append(g.passages, &cc)
		}
		for slot, a := range gs[i].articles {
			aa := *a
			g.articles[slot] = &aa
		}
		ranked := eval.RankArticles(st.rank(pq, g, tu))
		if len(ranked) > eval.ArticlesWanted {
			ranked = ranked[:eval.ArticlesWanted]
		}
		ranks[i] = eval.GoldRank(ranked, q.GoldURLs)
	}
	br.cache[key] = gs
	return eval.ComputeMetrics(ranks)
}

func TestQualityAblations(t *testing.T) {
	type row struct {
		name string
		tu   retrievalTuning
	}
	off := func(name string, f func(*retrievalTuning)) row {
		tu := defaultTuning
		f(&tu)
		return row{name, tu}
	}
	noPrior := datePriorShape{step: true, floor: 1, future: 1, undated: 1}
	halved := datePriorShape{step: true, recentDays: 10, floor: 0.5, future: 0.5, undated: 1}
	bm25Passages := func(tu *retrievalTuning) {
		*tu = retrievalTuning{candidates: 40, keywordWeight: 1, bm25: defaultTuning.bm25}
	}
	rows := []row{
		{"embedded default (final)", defaultTuning},
		{"starting point (passages alone, RRF, step prior)", legacyTuning},
		off("- article level (passages ranked alone)", func(tu *retrievalTuning) { tu.articleLevel = false }),
		off("- vector side", func(tu *retrievalTuning) { tu.vectorWeight = 0 }),
		off("- keyword side", func(tu *retrievalTuning) { tu.keywordWeight = 0 }),
		off("- headline and lead bonus", func(tu *retrievalTuning) { tu.headlineWeight = 0 }),
		off("- title once per article (once per passage)", func(tu *retrievalTuning) { tu.titleOnce = false }),
		off("- smooth date prior (step prior instead)", func(tu *retrievalTuning) { tu.prior = legacyTuning.prior }),
		off("- date prior", func(tu *retrievalTuning) { tu.prior = noPrior }),
		off("+ time phrase taken out of the query", func(tu *retrievalTuning) { tu.stripTime = true }),
		off("- passage share (article order only)", func(tu *retrievalTuning) { tu.passageShare = 0 }),
		off("our BM25 alone, passages, no date", func(tu *retrievalTuning) { bm25Passages(tu); tu.prior = noPrior }),
		off("our BM25 alone, passages, halved outside 10 days", func(tu *retrievalTuning) { bm25Passages(tu); tu.prior = halved }),
	}
	br := newBenchRun(t, NewLocalEmbedder(), prose.ChunkOptions{})
	results := map[string]eval.Metrics{}
	t.Logf("| configuration | Hits@1 | Hits@4 | Hits@10 | MRR@10 |")
	for _, r := range rows {
		m := br.eval(t, r.tu)
		results[r.name] = m
		t.Logf("| %s | %.3f | %.3f | %.3f | %.3f |", r.name, m.Hits1, m.Hits4, m.Hits10, m.MRR10)
	}

	// Variants that need their own index: passage sizes and embedders.
	for _, v := range []struct {
		name string
		e    rag.Embedder
		co   prose.ChunkOptions
	}{
		{"passages of 600 characters", NewLocalEmbedder(), prose.ChunkOptions{MaxChars: 600, OverlapChars: 100}},
		{"passages of 1,200 characters", NewLocalEmbedder(), prose.ChunkOptions{MaxChars: 1200, OverlapChars: 200}},
		{"passages without overlap", NewLocalEmbedder(), prose.ChunkOptions{OverlapChars: -1}},
		{"embedder with 768 dimensions", newLocalEmbedder("test-768", localEmbedOptions{dims: 768, term: 1, bigram: 0.6, trigram: 0.25}), prose.ChunkOptions{}},
		{"embedder without character trigrams", newLocalEmbedder("test-notri", localEmbedOptions{dims: LocalDimensions, term: 1, bigram: 0.6}), prose.ChunkOptions{}},
	} {
		m := newBenchRun(t, v.e, v.co).eval(t, defaultTuning)
		t.Logf("| %s | %.3f | %.3f | %.3f | %.3f |", v.name, m.Hits1, m.Hits4, m.Hits10, m.MRR10)
	}

	// The final tuning must stay clear of what it replaced and of the
	// issue's date-aware BM25 reference (Hits@10 0.932, MRR@10 0.702).
	final, start := results[rows[0].name], results[rows[1].name]
	if final.MRR10 <= start.MRR10 || final.Hits10 < start.Hits10 {
		t.Errorf("final %+v does not beat the starting point %+v", final, start)
	}
	if final.MRR10 < 0.702 || final.Hits10 < 0.93 {
		t.Errorf("final %+v falls below the date-aware BM25 reference (Hits@10 0.932, MRR@10 0.702)", final)
	}
}
