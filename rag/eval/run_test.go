package eval_test

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/eval"
	"github.com/coveragebot/coveragebot/rag/search"
)

// Run on a real index: the search package satisfies Retriever.
func TestEvaluateOnABuiltCorpus(t *testing.T) {
	ix, err := search.Open(search.NewLocalEmbedder(), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := func(day int) time.Time { return time.Date(2022, 6, day, 0, 0, 0, 0, time.UTC) }
	arts := []rag.Article{
		{ID: "whale", URL: "https://news.example/whale", Title: "Rare whale seen off Cornwall", Published: d(10), Text: "A rare bowhead whale was seen off the coast of Cornwall on Tuesday, far from its Arctic home."},
		{ID: "merger", URL: "https://news.example/merger", Title: "Airlines agree merger", Published: d(11), Text: "Two low-cost airlines agreed a merger worth 6 billion dollars, creating the fifth-largest carrier."},
		{ID: "storm", URL: "https://news.example/storm", Title: "Storm closes schools", Published: d(12), Text: "A winter storm closed schools across the region as snow fell for a third day."},
	}
	if _, err := ix.Ingest(context.Background(), arts, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	qs, err := eval.ReadQueries(strings.NewReader(
		`{"id":"q1","question":"Which whale was seen off Cornwall?","date":"2022/06/14","gold_urls":["https://www.news.example/whale/"]}
{"id":"q2","question":"Which airlines agreed a merger?","date":"2022/06/14","gold_urls":["https://news.example/merger"]}
{"id":"q3","question":"What did the volcano do?","date":"2022/06/14","gold_urls":["https://news.example/volcano"]}
`))
	if err != nil {
		t.Fatal(err)
	}
	outs, err := eval.Run(context.Background(), ix, qs)
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
	m := eval.ComputeMetrics(ranks)
	if math.Abs(m.Hits1-2.0/3) > 1e-9 || math.Abs(m.MRR10-2.0/3) > 1e-9 {
		t.Errorf("metrics = %+v", m)
	}
}
