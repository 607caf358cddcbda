package feed

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakenews"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/source"
)

// The feed-poll kill test runs this test binary again as a helper process
// that polls the feeds and is killed with SIGKILL at a chosen moment.
const pollHelperEnv = "COVERAGEBOT_POLL_HELPER"

// TestKillDuringFeedPoll kills a process in the middle of a feed poll (while
// it fetches an article page, and while it embeds the poll's articles), then
// opens what it left as a restarted serve would. The index loads and is the
// one from before the poll, and the next poll brings it to exactly what an
// uninterrupted poll gives: nothing lost, nothing twice.
//
// A crash between the index's save and the feed state's is shown by putting
// back the feed state from before a finished poll: the entries are fetched
// again and found already indexed.
func TestKillDuringFeedPoll(t *testing.T) {
	if mode := os.Getenv(pollHelperEnv); mode != "" {
		runPollHelper(t, mode)
		return
	}
	s := fakenews.New(t, liveFixtures)
	s.ServeNews()
	gazette, courier := s.URL("/feeds/gazette.rss"), s.URL("/feeds/courier.atom")
	feeds := []string{gazette, courier}

	// What one uninterrupted poll of both feeds gives.
	ref := newLiveRig(t, feeds, local())
	ref.poll()
	want := ref.articleIDs()

	// The index before the interrupted poll holds the gazette's articles.
	startState := func(t *testing.T) *liveRig {
		r := newLiveRig(t, []string{gazette}, local())
		r.poll()
		r.feeds = feeds
		return r
	}

	blocked := make(chan struct{}, 1)
	for _, mode := range []string{"fetching", "embedding"} {
		t.Run(mode, func(t *testing.T) {
			r := startState(t)
			before := r.articleIDs()
			if mode == "fetching" {
				// The helper hangs on the storm page until it is killed.
				s.Handle("/courier/weather/storm-pass", func(w http.ResponseWriter, req *http.Request) {
					select {
					case blocked <- struct{}{}:
					default:
					}
					<-req.Context().Done()
				})
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringFeedPoll$")
			cmd.Env = append(os.Environ(), pollHelperEnv+"="+mode, "POLL_HELPER_DIR="+r.dir,
				"POLL_HELPER_FEEDS="+strings.Join(feeds, " "))
			var stderr bytes.Buffer
			cmd.Stderr, cmd.Stdout = &stderr, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			ready := filepath.Join(r.dir, "helper-ready")
			deadline := time.Now().Add(60 * time.Second)
			for waiting := true; waiting; {
				select {
				case <-blocked:
					waiting = false
				case <-time.After(5 * time.Millisecond):
					if _, err := os.Stat(ready); err == nil {
						waiting = false
					}
					if time.Now().After(deadline) {
						cmd.Process.Kill()
						cmd.Wait()
						t.Fatalf("the helper never reached the moment to kill it:\n%s", stderr.String())
					}
				}
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			s.Serve("/courier/weather/storm-pass", s.Fixture("storm-pass.html"), "text/html")

			r.restart()
			if got := r.articleIDs(); !slices.Equal(got, before) {
				t.Fatalf("after the kill the index holds %q, want the state before the poll %q", got, before)
			}
			r.clock.Advance(2 * testInterval)
			r.poll()
			if got := r.articleIDs(); !slices.Equal(got, want) {
				t.Errorf("after the next poll the index holds %q, want %q", got, want)
			}
			r.restart()
			if rep := r.poll(); rep.Ingest.Embedded != 0 {
				t.Errorf("a poll right after recovery embedded %d passages again", rep.Ingest.Embedded)
			}
		})
	}

	t.Run("between the index and the feed state", func(t *testing.T) {
		r := startState(t)
		statePath := filepath.Join(r.dir, StateFile)
		old, err := os.ReadFile(statePath)
		if err != nil {
			t.Fatal(err)
		}
		r.restart()
		r.clock.Advance(2 * testInterval)
		r.poll()
		if err := os.WriteFile(statePath, old, 0o644); err != nil {
			t.Fatal(err)
		}
		r.restart()
		r.clock.Advance(2 * testInterval)
		rep := r.poll()
		if got := r.articleIDs(); !slices.Equal(got, want) {
			t.Errorf("index holds %q, want %q", got, want)
		}
		if rep.Ingest.Embedded != 0 {
			t.Errorf("the entries fetched again were embedded again: %d passages", rep.Ingest.Embedded)
		}
		if len(rep.New) != 0 {
			t.Errorf("articles already indexed were announced again: %v", rep.New)
		}
	})
}

// runPollHelper polls the feeds into the index directory it is given and
// stops at the moment named by mode: "fetching" hangs on a page the parent
// holds; "embedding" touches helper-ready once the poll's articles are
// being embedded, then waits to be killed.
func runPollHelper(t *testing.T, mode string) {
	dir := os.Getenv("POLL_HELPER_DIR")
	emb := search.NewLocalEmbedder()
	if mode == "embedding" {
		inner := emb.Embed
		emb.Embed = func(ctx context.Context, texts []string) ([][]float32, error) {
			if err := os.WriteFile(filepath.Join(dir, "helper-ready"), nil, 0o644); err != nil {
				return nil, err
			}
			time.Sleep(time.Hour)
			return inner(ctx, texts)
		}
	}
	idx, err := search.Open(emb, search.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPoller(Options{
		Feeds: strings.Fields(os.Getenv("POLL_HELPER_FEEDS")), Interval: testInterval,
		StatePath: filepath.Join(dir, StateFile), Index: idx, Fetcher: source.NewFetcher(local()),
		Now: func() time.Time { return time.Date(2025, 3, 16, 12, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.PollAll(context.Background())
	t.Fatalf("the helper finished its poll without being killed: %+v %v", rep, err)
}
