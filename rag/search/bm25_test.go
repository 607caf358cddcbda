package search

import (
	"math"
	"testing"
)

// handIndex is three passages, the first two from article A and the third
// from article B, with no titles:
//
//	0 (A): apple banana apple
//	1 (A): banana cherry
//	2 (B): cherry cherry cherry date
func handIndex() (*keywordIndex, map[uint32]string) {
	k := newKeywordIndex()
	docs := []struct {
		article string
		text    string
	}{{"A", "apple banana apple"}, {"A", "banana cherry"}, {"B", "cherry cherry cherry date"}}
	of := map[uint32]string{}
	for i, d := range docs {
		counts, n := docTerms("", d.text)
		k.add(uint32(i), counts, n)
		of[uint32(i)] = d.article
	}
	return k, of
}

func near32(a float32, b float64) bool { return math.Abs(float64(a)-b) < 1e-5 }

func TestBM25ByHand(t *testing.T) {
	k, _ := handIndex()
	par := bm25Params{k1: 1.2, b: 0.75}
	// N = 3 passages, average length (3+2+4)/3 = 3.
	// idf(apple) = ln(1 + (3-1+0.5)/(1+0.5)) = ln(8/3); df(cherry) = 2:
	// idf(cherry) = ln(1 + (3-2+0.5)/(2+0.5)) = ln(1.6).
	idfApple, idfCherry := math.Log(8.0/3), math.Log(1.6)
	// tf·(k1+1) / (tf + k1·(1 - b + b·len/avg)):
	want := map[uint32]float64{
		0: idfApple * 2 * 2.2 / (2 + 1.2*(0.25+0.75*3/3.0)),
		1: idfCherry * 1 * 2.2 / (1 + 1.2*(0.25+0.75*2/3.0)),
		2: idfCherry * 3 * 2.2 / (3 + 1.2*(0.25+0.75*4/3.0)),
	}
	res := k.searchWith(par, []string{"apple", "cherry", "apple", "unknown"}, 10, nil, []uint32{1, 0, 2}, nil, 0, false)
	if len(res.passages) != 3 {
		t.Fatalf("%d passages, want 3", len(res.passages))
	}
	for i, p := range res.passages {
		if !near32(p.score, want[p.doc]) {
			t.Errorf("passage %d: %.5f, want %.5f", p.doc, p.score, want[p.doc])
		}
		if i > 0 && p.score > res.passages[i-1].score {
			t.Errorf("passages not best first: %v", res.passages)
		}
	}
	for i, d := range []uint32{1, 0, 2} {
		if !near32(res.alsoPassages[i], want[d]) {
			t.Errorf("also score of %d: %.5f, want %.5f", d, res.alsoPassages[i], want[d])
		}
	}
	// n bounds the list; keep filters it; a repeated query term counts once.
	res = k.searchWith(par, []string{"cherry"}, 1, nil, nil, nil, 0, false)
	if len(res.passages) != 1 || res.passages[0].doc != 2 {
		t.Errorf("best of cherry = %v, want passage 2", res.passages)
	}
	res = k.searchWith(par, []string{"cherry"}, 5, func(d uint32) bool { return d != 2 }, nil, nil, 0, false)
	if len(res.passages) != 1 || res.passages[0].doc != 1 {
		t.Errorf("cherry without passage 2 = %v, want passage 1", res.passages)
	}
	// search keeps its older shape for callers that want passages only.
	ps, also := k.search([]string{"apple"}, 5, nil, []uint32{2})
	if len(ps) != 1 || ps[0].doc != 0 || also[0] != 0 {
		t.Errorf("search(apple) = %v, %v", ps, also)
	}
}

func TestArticleBM25ByHand(t *testing.T) {
	k, of := handIndex()
	g := k.groups(func(d uint32) (string, string) { return of[d], "" })
	// Article A is passages 0 and 1 together: apple 2, banana 2, cherry 1,
	// length 5. B is cherry 3, date 1, length 4. Two articles, average
	// length 4.5; cherry is in both, apple in one. IDF is
	// ln(1 + (n - df + 0.5) / (df + 0.5)) over n = 2 articles.
	const n, dfApple, dfCherry = 2.0, 1.0, 2.0
	idfApple := math.Log(1 + (n-dfApple+0.5)/(dfApple+0.5))
	idfCherry := math.Log(1 + (n-dfCherry+0.5)/(dfCherry+0.5))
	normA, normB := 1.2*(0.25+0.75*5/4.5), 1.2*(0.25+0.75*4/4.5)
	wantA := idfApple*2*2.2/(2+normA) + idfCherry*1*2.2/(1+normA)
	wantB := idfCherry * 3 * 2.2 / (3 + normB)
	res := k.searchWith(bm25Params{k1: 1.2, b: 0.75}, []string{"apple", "cherry"}, 10, nil, []uint32{2}, g, 10, false)
	if len(res.articles) != 2 {
		t.Fatalf("%d articles, want 2", len(res.articles))
	}
	byArticle := map[string]scoredArticle{}
	for _, a := range res.articles {
		byArticle[of[a.best]] = a
	}
	if a := byArticle["A"]; !near32(a.score, wantA) || a.best != 0 {
		t.Errorf("article A: %.5f best %d, want %.5f best 0", a.score, a.best, wantA)
	}
	if b := byArticle["B"]; !near32(b.score, wantB) || b.best != 2 {
		t.Errorf("article B: %.5f best %d, want %.5f best 2", b.score, b.best, wantB)
	}
	if !near32(res.alsoArticles[0], wantB) {
		t.Errorf("article score of passage 2: %.5f, want %.5f", res.alsoArticles[0], wantB)
	}
	for i, p := range res.passages {
		want := wantA
		if of[p.doc] == "B" {
			want = wantB
		}
		if !near32(res.passageArticles[i], want) {
			t.Errorf("article score of passage %d: %.5f, want %.5f", p.doc, res.passageArticles[i], want)
		}
	}
	// nArticles bounds the list, best first.
	res = k.searchWith(bm25Params{k1: 1.2, b: 0.75}, []string{"apple", "cherry"}, 10, nil, nil, g, 1, false)
	best := "A"
	if wantB > wantA {
		best = "B"
	}
	if len(res.articles) != 1 || of[res.articles[0].best] != best {
		t.Errorf("best article %v, want %s", res.articles, best)
	}
}

func TestArticleCountsItsTitleOnce(t *testing.T) {
	// One article of three passages titled "Volcano erupts". Every passage
	// counts the title titleWeight times, so summing the passages would
	// count it three times over; the article-level score counts it once.
	k := newKeywordIndex()
	texts := []string{"ash fell on the town", "residents left", "the volcano calmed"}
	for i, text := range texts {
		counts, n := docTerms("Volcano erupts", text)
		k.add(uint32(i), counts, n)
	}
	counts, n := docTerms("", "a volcano elsewhere")
	k.add(3, counts, n)
	g := k.groups(func(d uint32) (string, string) {
		if d == 3 {
			return "other", ""
		}
		return "volcano", "Volcano erupts"
	})
	slot := g.of[0]
	id := k.termIDs["volcano"]
	if got := g.extra(slot, id); got != 2*titleWeight {
		t.Errorf("extra title count = %d, want %d", got, 2*titleWeight)
	}
	if got := g.extra(g.of[3], id); got != 0 {
		t.Errorf("untitled article: extra %d, want 0", got)
	}
	// Terms: ash fell town / residents left / volcano calmed, plus two
	// title terms × titleWeight in each passage.
	bodyTerms := 3 + 2 + 2
	if want := float64(bodyTerms + 3*2*titleWeight); g.length[slot] != want {
		t.Errorf("length %v, want %v", g.length[slot], want)
	}
	if want := float64(bodyTerms + 2*titleWeight); g.lengthOnce[slot] != want {
		t.Errorf("length with the title once %v, want %v", g.lengthOnce[slot], want)
	}
	// With the title once, the article's tf of "volcano" is titleWeight
	// plus one in the text; without, 3·titleWeight plus one.
	par := bm25Params{k1: 1.2, b: 0}
	tfScore := func(tf float64) float64 { return tf * 2.2 / (tf + 1.2) }
	idf := math.Log(1 + 0.5/2.5) // both articles hold "volcano"
	for _, tc := range []struct {
		once bool
		tf   float64
	}{{true, titleWeight + 1}, {false, 3*titleWeight + 1}} {
		res := k.searchWith(par, []string{"volcano"}, 5, nil, []uint32{0}, g, 5, tc.once)
		if want := idf * tfScore(tc.tf); !near32(res.alsoArticles[0], want) {
			t.Errorf("title once %v: %.5f, want %.5f", tc.once, res.alsoArticles[0], want)
		}
	}
}

func TestGroupsFollowChanges(t *testing.T) {
	k, of := handIndex()
	describe := func(d uint32) (string, string) { return of[d], "" }
	g1 := k.groups(describe)
	if g2 := k.groups(describe); g2 != g1 {
		t.Error("groups rebuilt without a change")
	}
	if g1.live != 2 {
		t.Errorf("live articles %d, want 2", g1.live)
	}
	counts, _ := docTerms("", "apple banana apple")
	k.remove(0, counts)
	g3 := k.groups(describe)
	if g3 == g1 {
		t.Fatal("groups not rebuilt after a removal")
	}
	if g3.length[g3.of[1]] != 2 {
		t.Errorf("article A length after removing passage 0: %v, want 2", g3.length[g3.of[1]])
	}
	counts, n := docTerms("", "elderberry")
	k.add(3, counts, n)
	of[3] = "C"
	g4 := k.groups(describe)
	if g4 == g3 || g4.live != 3 {
		t.Errorf("after adding an article: live %d, want 3", g4.live)
	}
	res := k.searchWith(bm25Params{k1: 1.2, b: 0.75}, []string{"elderberry", "apple"}, 5, nil, nil, g4, 5, false)
	if len(res.articles) != 1 || res.articles[0].best != 3 {
		t.Errorf("articles after the change = %v, want only C (apple went with passage 0)", res.articles)
	}
}
