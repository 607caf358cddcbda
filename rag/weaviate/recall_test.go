package weaviate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/benchmark"
	"github.com/coveragebot/coveragebot/internal/synthetic"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/search"
)

const (
	// recallPassagesEnv names the passage count TestVectorRecall measures
	// at, such as 100000; without it the test is skipped.
	recallPassagesEnv = "COVERAGEBOT_RECALL_PROFILE"
	// recallEFsEnv lists the HNSW ef values to measure, -1 for Weaviate's
	// own choice (dynamic ef: 500 for the 160 matches a question asks).
	recallEFsEnv = "COVERAGEBOT_RECALL_EFS"
)

// TestVectorRecall measures how many of the exact nearest passages a
// question's nearest-passages query gets from Weaviate's HNSW graph, and
// what it costs, at several values of the graph's search breadth (ef). The
// exact lists come from the same server searching every vector (the
// collection's flatSearchCutoff raised above its size). Each setting is
// timed in two rounds taken in turns, so that the load of a shared machine
// weighs on them alike. It runs only when COVERAGEBOT_RECALL_PROFILE names a
// passage count (docs/SCALING.md, "What the graph search costs, and what
// it finds"); COVERAGEBOT_RETRIEVAL_PROFILE_SERVER points it at a running
// server, as for TestWhereRetrievalTimeGoes.
func TestVectorRecall(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv(recallPassagesEnv))
	if n <= 0 {
		t.Skip("measures Weaviate's graph search against an exact one; set " + recallPassagesEnv + "=100000 (docs/SCALING.md)")
	}
	efs := strings.Fields(os.Getenv(recallEFsEnv))
	if len(efs) == 0 {
		efs = []string{"-1", "320", "160"}
	}
	ctx := context.Background()
	chunk := prose.ChunkOptions{}
	arts := synthetic.Articles(synthetic.Options{Passages: n, Seed: 1, Chunk: chunk, Sentences: newsSentences(t)})
	e := search.NewLocalEmbedder()
	var vectors [][]float32
	for _, q := range synthetic.Questions(arts, 200, 2) {
		v, err := e.Embed(ctx, []string{q.Text})
		if err != nil {
			t.Fatal(err)
		}
		vectors = append(vectors, v[0])
	}

	ws, class := profileStore(ctx, t, arts, e, chunk, "Recall", 0)
	defer setVectorIndex(t, class, -1, 40000) // Weaviate's defaults

	const limit = 80 // the nearest passages a question with K = 10 asks for (8 a hit, rag/search)
	ask := func(ef, cutoff int) ([][]rag.Match, benchmark.Latency) {
		setVectorIndex(t, class, ef, cutoff)
		var lists [][]rag.Match
		var took []time.Duration
		for i, v := range vectors {
			start := time.Now()
			ms, err := ws.VectorQuery(ctx, rag.VectorQuery{Vector: v, Limit: limit})
			if err != nil {
				t.Fatal(err)
			}
			if i >= 3 { // the first few fill caches
				took = append(took, time.Since(start))
			}
			lists = append(lists, ms)
		}
		return lists, benchmark.LatencyOf(took)
	}
	t.Logf("load average at the start %.1f", loadAverage())
	for round := 1; round <= 2; round++ {
		exact, l := ask(-1, 10*n)
		again, _ := ask(-1, 10*n)
		if r := recallOf(again, exact); r < 0.99 {
			t.Fatalf("two exact searches share only %.3f of their passages", r)
		}
		t.Logf("figure: round %d: exact search: p50 %s p99 %s", round, l.P50.Round(10*time.Microsecond), l.P99.Round(10*time.Microsecond))
		for _, s := range efs {
			ef, err := strconv.Atoi(s)
			if err != nil {
				t.Fatalf("%s: %q is not a number", recallEFsEnv, s)
			}
			got, l := ask(ef, 40000)
			t.Logf("figure: round %d: graph, ef %s: p50 %s p99 %s, recall@%d %.3f, as near as the exact %d: %.3f", round, s,
				l.P50.Round(10*time.Microsecond), l.P99.Round(10*time.Microsecond), limit, recallOf(got, exact), limit, nearAsExact(got, exact))
		}
	}
	t.Logf("load average at the end %.1f", loadAverage())
}

// recallOf is the share of the passages of want that got holds, question
// by question.
func recallOf(got, want [][]rag.Match) float64 {
	found, total := 0, 0
	for i := range want {
		in := map[string]bool{}
		for _, m := range got[i] {
			in[m.ID] = true
		}
		for _, m := range want[i] {
			total++
			if in[m.ID] {
				found++
			}
		}
	}
	if total == 0 {
		return 0
	}
	return float64(found) / float64(total)
}

// nearAsExact is the share of the exact lists' places that got fills with
// a passage at least as near as the exact list's farthest: passages at the
// same distance (the same sentences in two passages) are equally right
// answers, and which of them a search keeps is arbitrary.
func nearAsExact(got, want [][]rag.Match) float64 {
	found, total := 0, 0
	for i := range want {
		if len(want[i]) == 0 {
			continue
		}
		edge := want[i][len(want[i])-1].Score
		n := 0
		for _, m := range got[i] {
			if m.Score >= edge-1e-6 {
				n++
			}
		}
		found += min(n, len(want[i]))
		total += len(want[i])
	}
	if total == 0 {
		return 0
	}
	return float64(found) / float64(total)
}

// setVectorIndex sets the collection's HNSW search breadth (ef, -1 for
// Weaviate's dynamic choice) and the size under which a filtered search
// compares every allowed vector (flatSearchCutoff); both can change on a
// live collection.
func setVectorIndex(t *testing.T, class string, ef, cutoff int) {
	t.Helper()
	res, err := http.Get(class)
	if err != nil {
		t.Fatal(err)
	}
	var c map[string]any
	err = json.NewDecoder(res.Body).Decode(&c)
	res.Body.Close()
	if err != nil {
		t.Fatalf("schema of %s: %v", class, err)
	}
	vic, ok := c["vectorIndexConfig"].(map[string]any)
	if !ok {
		t.Fatalf("schema of %s has no vector index configuration", class)
	}
	vic["ef"], vic["flatSearchCutoff"] = ef, cutoff
	body, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPut, class, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatal(fmt.Errorf("updating %s: %s", class, res.Status))
	}
}
