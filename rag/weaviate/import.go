package weaviate

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"github.com/weaviate/weaviate-go-client/v5/weaviate/fault"
	"github.com/weaviate/weaviate/entities/models"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Import settings. The defaults were chosen by measurement on one node on
// loopback (docs/SCALING.md, "Imports"): past them the server's cores, not
// the round trips, are the limit, and bigger batches only make a retry
// cost more.
const (
	// DefaultBatchSize is how many passages one import request carries.
	DefaultBatchSize = 500
	// DefaultConcurrency is how many import requests are in flight at
	// once.
	DefaultConcurrency = 4
	// articlesPerRequest bounds the article records of one request: each
	// carries its whole body.
	articlesPerRequest = 100
	// batchesPerRound is how many batches of passages each round of Put
	// writes before the round's article records: rounds bound what is
	// built in memory at once and how long a record waits for its
	// passages.
	batchesPerRound = 16
)

// retryPolicy says how often a write is sent and how long to pause
// between tries: pauses start at first and double up to most, with up to a
// quarter more at random, so that writers that failed together do not
// come back together.
type retryPolicy struct {
	attempts    int
	first, most time.Duration
}

// defaultRetries tries a write 8 times over about a minute and a half.
var defaultRetries = retryPolicy{attempts: 8, first: 500 * time.Millisecond, most: 20 * time.Second}

// pacer holds every writer back after the server said it is busy: the
// back-pressure of an import. A busy answer pauses all requests of this
// store, not only the one that got it, so that an overloaded server sees
// its load fall instead of the same requests again.
type pacer struct {
	mu    sync.Mutex
	until time.Time
}

// hold pauses writers for d from now, unless they are held longer.
func (p *pacer) hold(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if t := time.Now().Add(d); t.After(p.until) {
		p.until = t
	}
}

// wait returns once writers may send again.
func (p *pacer) wait(ctx context.Context) error {
	for {
		p.mu.Lock()
		d := time.Until(p.until)
		p.mu.Unlock()
		if d <= 0 {
			return ctx.Err()
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// busy reports whether err says the server is overloaded rather than
// broken: gRPC's ResourceExhausted and Unavailable, HTTP 429 and 503.
func busy(err error) bool {
	if s, ok := status.FromError(err); ok && s != nil {
		switch s.Code() {
		case codes.ResourceExhausted, codes.Unavailable:
			return true
		}
	}
	var ce *fault.WeaviateClientError
	if errors.As(err, &ce) {
		return ce.StatusCode == http.StatusTooManyRequests || ce.StatusCode == http.StatusServiceUnavailable
	}
	return false
}

// retry runs an idempotent write until it succeeds, at most
// s.retries.attempts times. A replicated write fails when too few replicas acknowledge it in
// time (a node that is busy, restarting, or on a loaded machine: Weaviate
// gives a replica 10 seconds to answer), a request may meet a connection
// the server has just closed, and a busy server refuses work. Every write
// here is an upsert by id or a delete by filter, so it is sent again after
// a pause; a busy answer pauses every writer of the store (see pacer).
func (s *Store) retry(ctx context.Context, write func() error) error {
	return s.attempt(ctx, s.retries, true, func(error) bool { return true }, write)
}

// attempt runs op until it succeeds, at most policy.attempts times,
// pausing between tries from policy.first, doubling to policy.most, with
// a quarter of jitter; an error that again refuses is returned at once. A
// paced op waits out the writers' pause (pacer) before each try, and a
// busy answer to it pauses every writer.
func (s *Store) attempt(ctx context.Context, policy retryPolicy, paced bool, again func(error) bool, op func() error) error {
	pause := policy.first
	for n := 1; ; n++ {
		if paced {
			if err := s.pace.wait(ctx); err != nil {
				return err
			}
		}
		err := op()
		if err == nil || !again(err) {
			return err
		}
		if n >= policy.attempts {
			return fmt.Errorf("%w (tried %d times)", err, n)
		}
		d := pause + time.Duration(rand.Int64N(int64(pause/4)+1))
		if paced && busy(err) {
			s.pace.hold(d)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w, then %w", err, ctx.Err())
		case <-time.After(d):
		}
		pause = min(2*pause, policy.most)
	}
}

// importObjects writes objects in batches of per, with at most
// Options.Concurrency requests in flight, and fails if any object still
// fails after the last try. Objects that failed are sent again on
// their own. sent is called, from any goroutine, with the number of
// objects of each batch once it is in.
func (s *Store) importObjects(ctx context.Context, objs []*models.Object, per int, sent func(int)) error {
	if len(objs) == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []*models.Object)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for range min(s.opts.Concurrency, (len(objs)+per-1)/per) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for part := range batches {
				if err := s.importBatch(ctx, part); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					cancel()
					continue
				}
				if sent != nil {
					sent(len(part))
				}
			}
		}()
	}
	for start := 0; start < len(objs) && ctx.Err() == nil; start += per {
		select {
		case batches <- objs[start:min(start+per, len(objs))]:
		case <-ctx.Done():
		}
	}
	close(batches)
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// importBatch writes one batch, sending the objects that failed again
// until none does.
func (s *Store) importBatch(ctx context.Context, part []*models.Object) error {
	return s.retry(ctx, func() error {
		failed, first, err := s.sendBatch(ctx, part)
		if err != nil {
			return err
		}
		if len(failed) > 0 {
			err := fmt.Errorf("weaviate: import: %d of %d objects failed, first: %s", len(failed), len(part), first)
			part = failed
			return err
		}
		return nil
	})
}

// sendBatch sends one batch, over gRPC when the store has its address,
// and returns the objects that failed, with the first failure's message.
func (s *Store) sendBatch(ctx context.Context, part []*models.Object) ([]*models.Object, string, error) {
	res, err := s.client.Batch().ObjectsBatcher().WithObjects(part...).
		WithConsistencyLevel(s.opts.Consistency).Do(ctx)
	if err != nil {
		return nil, "", fmt.Errorf("weaviate: import %d objects: %w", len(part), err)
	}
	failedIDs := map[string]string{}
	for _, r := range res {
		if r.Result != nil && r.Result.Errors != nil && len(r.Result.Errors.Error) > 0 {
			failedIDs[r.ID.String()] = r.Result.Errors.Error[0].Message
		}
	}
	var failed []*models.Object
	first := ""
	for _, o := range part {
		if msg, ok := failedIDs[o.ID.String()]; ok {
			failed = append(failed, o)
			if first == "" {
				first = msg
			}
		}
	}
	if len(failed) < len(failedIDs) {
		return nil, "", fmt.Errorf("weaviate: import: %d objects failed, some of them not sent", len(failedIDs))
	}
	return failed, first, nil
}

// Unindexed returns how many passages the server has stored but not yet
// added to its vector index, summed over the shards of every node. It is
// 0 unless the server indexes vectors asynchronously (ASYNC_INDEXING),
// when an import returns before its vectors are in the index: a search
// still finds them, by comparing the query with each queued vector.
func (s *Store) Unindexed(ctx context.Context) (int64, error) {
	res, err := s.client.Cluster().NodesStatusGetter().WithClass(s.passages).WithOutput("verbose").Do(ctx)
	if err != nil {
		return 0, fmt.Errorf("weaviate: node status: %w", err)
	}
	var queued int64
	for _, n := range res.Nodes {
		for _, sh := range n.Shards {
			queued += sh.VectorQueueLength
		}
	}
	return queued, nil
}

// WaitIndexed returns once the server has every stored passage in its
// vector index (see Unindexed), checking every interval.
func (s *Store) WaitIndexed(ctx context.Context, interval time.Duration) error {
	for {
		n, err := s.Unindexed(ctx)
		if err != nil || n == 0 {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("weaviate: %d passages still to index: %w", n, ctx.Err())
		case <-time.After(interval):
		}
	}
}
