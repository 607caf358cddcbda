package bot

import (
	"container/list"
	"sync"
)

// recent is a map that forgets its least recently used entries beyond a
// capacity, so what the bot learns about channels stays bounded however
// long it runs.
type recent[V any] struct {
	capacity int

	mu    sync.Mutex
	items map[string]*list.Element
	order *list.List // of *recentEntry[V], most recently used first
}

type recentEntry[V any] struct {
	key string
	val V
}

func newRecent[V any](capacity int) *recent[V] {
	return &recent[V]{capacity: capacity, items: make(map[string]*list.Element), order: list.New()}
}

// get returns the value stored under key.
func (r *recent[V]) get(key string) (V, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.items[key]
	if !ok {
		var zero V
		return zero, false
	}
	r.order.MoveToFront(e)
	return e.Value.(*recentEntry[V]).val, true
}

// put stores val under key and returns what was there before, if anything.
func (r *recent[V]) put(key string, val V) (old V, existed bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.items[key]; ok {
		entry := e.Value.(*recentEntry[V])
		old, entry.val = entry.val, val
		r.order.MoveToFront(e)
		return old, true
	}
	r.items[key] = r.order.PushFront(&recentEntry[V]{key: key, val: val})
	for r.order.Len() > r.capacity {
		last := r.order.Back()
		delete(r.items, last.Value.(*recentEntry[V]).key)
		r.order.Remove(last)
	}
	return old, false
}
