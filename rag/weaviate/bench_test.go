package weaviate_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/eval"
	"github.com/coveragebot/coveragebot/rag/source"
)

// benchDir is realtimeqa-dev: $COVERAGEBOT_BENCH_DIR, or the shared copy
// beside the repository.
func benchDir() string {
	if dir := os.Getenv("COVERAGEBOT_BENCH_DIR"); dir != "" {
		return dir
	}
	return "../../../shared/bench/realtimeqa-dev"
}

// benchArticles reads realtimeqa-dev's articles.
func benchArticles(t *testing.T) []rag.Article {
	t.Helper()
	res, err := source.Load(context.Background(), filepath.Join(benchDir(), "corpus.jsonl"))
	if err != nil {
		t.Fatalf("this test reads realtimeqa-dev (set COVERAGEBOT_BENCH_DIR): %v", err)
	}
	return res.Articles
}

// benchQueries reads realtimeqa-dev's questions.
func benchQueries(t *testing.T) []eval.Query {
	t.Helper()
	f, err := os.Open(filepath.Join(benchDir(), "queries.jsonl"))
	if err != nil {
		t.Fatalf("this test reads realtimeqa-dev (set COVERAGEBOT_BENCH_DIR): %v", err)
	}
	defer f.Close()
	qs, err := eval.ReadQueries(f)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}
