package storetest_test

import (
	"sync"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/storetest"
)

// The in-memory chromem-go store is the suite's reference; it must pass
// too, or the suite's comparisons mean nothing.
func TestChromemStore(t *testing.T) {
	var mu sync.Mutex
	stores := map[string]*search.ChromemStore{}
	storetest.Run(t, func(t *testing.T, name string) rag.Store {
		mu.Lock()
		defer mu.Unlock()
		if s, ok := stores[name]; ok {
			return s
		}
		s := search.NewChromemStore()
		stores[name] = s
		return s
	})
}
