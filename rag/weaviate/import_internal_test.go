package weaviate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-openapi/strfmt"
	"github.com/weaviate/weaviate-go-client/v5/weaviate"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/fault"
	"github.com/weaviate/weaviate/entities/models"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// batchServer is a fake of Weaviate's REST batch endpoint: answer decides,
// for each request in order of arrival, the HTTP status and which objects
// fail. It records what each request carried and when it arrived, and the
// most requests it held at once.
type batchServer struct {
	t      *testing.T
	answer func(call int, ids []string) (status int, failed map[string]string)

	mu       sync.Mutex
	calls    [][]string
	arrived  []time.Time
	answered []time.Time
	inFlight int
	most     int
	hold     time.Duration // how long each request is held before its answer
}

func (b *batchServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/v1/meta":
		fmt.Fprint(w, `{"version":"1.35.2"}`)
		return
	case r.URL.Path != "/v1/batch/objects" || r.Method != http.MethodPost:
		http.NotFound(w, r)
		return
	}
	var body struct {
		Objects []models.Object `json:"objects"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		b.t.Errorf("batch body: %v", err)
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	ids := make([]string, len(body.Objects))
	for i, o := range body.Objects {
		ids[i] = o.ID.String()
	}
	b.mu.Lock()
	call := len(b.calls)
	b.calls = append(b.calls, ids)
	b.arrived = append(b.arrived, time.Now())
	b.answered = append(b.answered, time.Time{})
	b.inFlight++
	b.most = max(b.most, b.inFlight)
	b.mu.Unlock()
	time.Sleep(b.hold)
	code, failed := b.answer(call, ids)
	defer func() {
		b.mu.Lock()
		b.inFlight--
		b.answered[call] = time.Now()
		b.mu.Unlock()
	}()
	if code != http.StatusOK {
		w.WriteHeader(code)
		fmt.Fprint(w, `{"error":[{"message":"busy"}]}`)
		return
	}
	res := make([]models.ObjectsGetResponse, len(body.Objects))
	for i, o := range body.Objects {
		res[i].Object = o
		if msg, ok := failed[o.ID.String()]; ok {
			res[i].Result = &models.ObjectsGetResponseAO2Result{Errors: &models.ErrorResponse{
				Error: []*models.ErrorResponseErrorItems0{{Message: msg}}}}
		}
	}
	_ = json.NewEncoder(w).Encode(res)
}

// fakeStore is a Store whose client talks to srv over REST, with pauses
// between tries of pause.
func fakeStore(t *testing.T, srv *batchServer, concurrency int, pause time.Duration) *Store {
	t.Helper()
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	u, _ := url.Parse(ts.URL)
	client, err := weaviate.NewClient(weaviate.Config{Host: u.Host, Scheme: "http", Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return &Store{
		opts:    Options{Consistency: "QUORUM", BatchSize: 2, Concurrency: concurrency},
		client:  client,
		stats:   newKeywordStats(),
		retries: retryPolicy{attempts: 4, first: pause, most: 4 * pause},
	}
}

func objects(n int) []*models.Object {
	out := make([]*models.Object, n)
	for i := range out {
		out[i] = &models.Object{Class: "P", ID: strfmt.UUID(objectID("passage", fmt.Sprint(i))), Properties: map[string]any{"pos": i}}
	}
	return out
}

// A server that answers 429 is given a pause before the next request, and
// the batch is sent again whole; an object that fails on its own is sent
// again on its own; everything is in at the end.
func TestImportRetriesBusyServerAndFailedObjects(t *testing.T) {
	objs := objects(2)
	srv := &batchServer{t: t}
	srv.answer = func(call int, ids []string) (int, map[string]string) {
		switch call {
		case 0:
			return http.StatusTooManyRequests, nil
		case 1:
			return http.StatusOK, map[string]string{ids[1]: "store is read-only for a moment"}
		}
		return http.StatusOK, nil
	}
	const pause = 50 * time.Millisecond
	s := fakeStore(t, srv, 1, pause)
	sent := 0
	if err := s.importObjects(context.Background(), objs, 2, func(n int) { sent += n }); err != nil {
		t.Fatal(err)
	}
	if len(srv.calls) != 3 {
		t.Fatalf("%d requests, want 3 (429, one object failing, its retry): %v", len(srv.calls), srv.calls)
	}
	if len(srv.calls[0]) != 2 || len(srv.calls[1]) != 2 {
		t.Errorf("the batch was not sent whole after the 429: %v", srv.calls)
	}
	if len(srv.calls[2]) != 1 || srv.calls[2][0] != objs[1].ID.String() {
		t.Errorf("the retry carried %v, want only the object that failed", srv.calls[2])
	}
	// Pauses are at least as long as asked; only the lower bound is
	// checked.
	if gap := srv.arrived[1].Sub(srv.answered[0]); gap < pause {
		t.Errorf("sent again %s after the 429, want a pause of at least %s", gap, pause)
	}
	if sent != 2 {
		t.Errorf("progress counted %d objects, want 2", sent)
	}
}

// An object that keeps failing fails the import, with the server's message
// and the number of tries, and nothing after it is sent.
func TestImportGivesUp(t *testing.T) {
	srv := &batchServer{t: t}
	srv.answer = func(_ int, ids []string) (int, map[string]string) {
		return http.StatusOK, map[string]string{ids[0]: "no such property"}
	}
	s := fakeStore(t, srv, 1, time.Millisecond)
	err := s.importObjects(context.Background(), objects(2), 2, nil)
	if err == nil || !strings.Contains(err.Error(), "no such property") || !strings.Contains(err.Error(), "tried 4 times") {
		t.Fatalf("err = %v, want the server's message after 4 tries", err)
	}
	if len(srv.calls) != 4 {
		t.Errorf("%d requests, want 4", len(srv.calls))
	}
}

// No more requests than Options.Concurrency are ever in flight, and every
// object arrives.
func TestImportCapsRequestsInFlight(t *testing.T) {
	srv := &batchServer{t: t, hold: 5 * time.Millisecond}
	srv.answer = func(int, []string) (int, map[string]string) { return http.StatusOK, nil }
	s := fakeStore(t, srv, 3, time.Millisecond)
	objs := objects(40)
	if err := s.importObjects(context.Background(), objs, 2, nil); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, c := range srv.calls {
		for _, id := range c {
			got[id] = true
		}
	}
	if len(got) != len(objs) || len(srv.calls) != 20 {
		t.Errorf("%d distinct objects in %d requests, want %d in 20", len(got), len(srv.calls), len(objs))
	}
	if srv.most > 3 {
		t.Errorf("%d requests in flight at once, want at most 3", srv.most)
	}
}

func TestBusy(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("batch objects: %w", status.Error(codes.ResourceExhausted, "too many")), true},
		{fmt.Errorf("batch objects: %w", status.Error(codes.Unavailable, "restarting")), true},
		{status.Error(codes.InvalidArgument, "bad vector"), false},
		{&fault.WeaviateClientError{IsUnexpectedStatusCode: true, StatusCode: http.StatusTooManyRequests}, true},
		{fmt.Errorf("import: %w", &fault.WeaviateClientError{IsUnexpectedStatusCode: true, StatusCode: http.StatusServiceUnavailable}), true},
		{&fault.WeaviateClientError{IsUnexpectedStatusCode: true, StatusCode: http.StatusUnprocessableEntity}, false},
		{errors.New("connection reset"), false},
	} {
		if got := busy(tc.err); got != tc.want {
			t.Errorf("busy(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

// A busy answer to one writer holds back the others: wait returns no
// sooner than the hold.
func TestPacerHoldsEveryWriter(t *testing.T) {
	var p pacer
	const d = 30 * time.Millisecond
	start := time.Now()
	p.hold(d)
	p.hold(d / 3) // a shorter hold does not shorten it
	var wg sync.WaitGroup
	waited := make([]time.Duration, 3)
	for i := range waited {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.wait(context.Background()); err != nil {
				t.Error(err)
			}
			waited[i] = time.Since(start)
		}()
	}
	wg.Wait()
	for i, w := range waited {
		if w < d {
			t.Errorf("writer %d went on after %s, want at least %s", i, w, d)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p.hold(time.Hour)
	if err := p.wait(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("wait with a cancelled context = %v", err)
	}
}
