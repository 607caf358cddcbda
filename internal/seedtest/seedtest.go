// Package seedtest hands tests the seed coverage shipped in data/: the five
// articles, loaded with the real loader and cleaned as ingestion cleans
// them, whichever package's directory the test runs in.
package seedtest

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/source"
)

// Articles loads and cleans the seed coverage, failing tb if it is not the
// five articles without a problem.
func Articles(tb testing.TB) []rag.Article {
	tb.Helper()
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		tb.Fatal("seedtest: cannot find the repository")
	}
	res, err := source.Load(context.Background(), filepath.Join(filepath.Dir(here), "..", "..", "data"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(res.Problems) > 0 || len(res.Articles) != 5 {
		tb.Fatalf("seed: %d articles, problems %v", len(res.Articles), res.Problems)
	}
	prose.Clean(res.Articles)
	return res.Articles
}
