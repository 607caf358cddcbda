package weaviate_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/storetest"
	"github.com/coveragebot/coveragebot/rag/weaviate"
)

func TestStoreSuite(t *testing.T) {
	url := os.Getenv("DEV_WEAVIATE_URL")
	if url == "" {
		t.Skip("no server")
	}
	var mu sync.Mutex
	made := map[string]bool{}
	storetest.Run(t, func(t *testing.T, name string) rag.Store {
		s, err := weaviate.Open(context.Background(), weaviate.Options{URL: url, Collection: name})
		if err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		defer mu.Unlock()
		if !made[name] {
			made[name] = true
			if err := s.Drop(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		return s
	})
}
