package rag

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"
)

func TestComputeMetricsByHand(t *testing.T) {
	// Ranks 1, 3, 5, 12 (beyond 10) and a miss:
	// Hits@1 = 1/5, Hits@4 = 2/5, Hits@10 = 3/5,
	// MRR@10 = (1 + 1/3 + 1/5) / 5 = 0.30666…
	m := ComputeMetrics([]int{1, 3, 5, 12, 0})
	want := RetrievalMetrics{Queries: 5, Hits1: 0.2, Hits4: 0.4, Hits10: 0.6, MRR10: (1 + 1.0/3 + 0.2) / 5}
	if m.Queries != want.Queries || !near(m.Hits1, want.Hits1) || !near(m.Hits4, want.Hits4) ||
		!near(m.Hits10, want.Hits10) || !near(m.MRR10, want.MRR10) {
		t.Fatalf("ComputeMetrics = %+v, want %+v", m, want)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestNormalizeURLAndGoldRank(t *testing.T) {
	ranked := []string{NormalizeURL("https://www.cnn.com/a/"), NormalizeURL("http://usatoday.com/b?x=1")}
	if got := GoldRank(ranked, []string{"https://usatoday.com/b"}); got != 2 {
		t.Errorf("GoldRank = %d, want 2", got)
	}
	if got := GoldRank(ranked, []string{"https://cnn.com/zzz"}); got != 0 {
		t.Errorf("GoldRank of a miss = %d, want 0", got)
	}
}

func TestEvaluateOnABuiltCorpus(t *testing.T) {
	ix, err := Open(NewLocalEmbedder(), IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := func(day int) time.Time { return time.Date(2022, 6, day, 0, 0, 0, 0, time.UTC) }
	arts := []Article{
		{ID: "whale", URL: "https://news.example/whale", Title: "Rare whale seen off Cornwall", Published: d(10), Text: "A rare bowhead whale was seen off the coast of Cornwall on Tuesday, far from its Arctic home."},
		{ID: "merger", URL: "https://news.example/merger", Title: "Airlines agree merger", Published: d(11), Text: "Two low-cost airlines agreed a merger worth 6 billion dollars, creating the fifth-largest carrier."},
		{ID: "storm", URL: "https://news.example/storm", Title: "Storm closes schools", Published: d(12), Text: "A winter storm closed schools across the region as snow fell for a third day."},
	}
	if _, err := ix.Ingest(context.Background(), arts, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	qs, err := ReadEvalQueries(strings.NewReader(
		`{"id":"q1","question":"Which whale was seen off Cornwall?","date":"2022/06/14","gold_urls":["https://www.news.example/whale/"]}
{"id":"q2","question":"Which airlines agreed a merger?","date":"2022/06/14","gold_urls":["https://news.example/merger"]}
{"id":"q3","question":"What did the volcano do?","date":"2022/06/14","gold_urls":["https://news.example/volcano"]}
`))
	if err != nil {
		t.Fatal(err)
	}
	outs, err := Evaluate(context.Background(), ix, qs)
	if err != nil {
		t.Fatal(err)
	}
	var ranks []int
	for _, o := range outs {
		ranks = append(ranks, o.Rank)
	}
	if ranks[0] != 1 || ranks[1] != 1 || ranks[2] != 0 {
		t.Fatalf("ranks = %v, want [1 1 0]", ranks)
	}
	m := ComputeMetrics(ranks)
	if !near(m.Hits1, 2.0/3) || !near(m.MRR10, 2.0/3) {
		t.Errorf("metrics = %+v", m)
	}
}

func TestReadEvalQueriesRejectsBadLines(t *testing.T) {
	_, err := ReadEvalQueries(strings.NewReader("{\"id\":\"a\",\"question\":\"ok?\"}\nnot json\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("err = %v, want a line 2 error", err)
	}
}

func TestPercentile(t *testing.T) {
	ds := []time.Duration{5, 1, 4, 2, 3}
	if Percentile(ds, 50) != 3 || Percentile(ds, 95) != 5 || Percentile(ds, 0) != 1 {
		t.Errorf("percentiles: %v %v %v", Percentile(ds, 50), Percentile(ds, 95), Percentile(ds, 0))
	}
}
