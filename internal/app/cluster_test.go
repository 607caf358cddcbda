package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/weaviatetest"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/eval"
	"github.com/coveragebot/coveragebot/rag/weaviate"
)

// benchDirEnv names the realtimeqa-dev directory the cluster test ingests.
const benchDirEnv = "COVERAGEBOT_BENCH_DIR"

// TestWeaviateClusterLosesANode is the three-node test of docs/SCALING.md,
// run with COVERAGEBOT_LONG_TESTS=1. Three Weaviate nodes keep three
// copies of the index (realtimeqa-dev and the seed coverage). Two Discord
// shards read it through different nodes. One node is killed with SIGKILL:
// every question is still answered, with the same answer, no passage is
// missing, and a new article written meanwhile reaches both shards. The
// node restarts and catches up on what it missed. The figures it logs are
// the ones docs/SCALING.md records.
func TestWeaviateClusterLosesANode(t *testing.T) {
	if !longTests() {
		t.Skip("the three-node Weaviate test runs with " + longTestsEnv + "=1 (docs/SCALING.md)")
	}
	bench := os.Getenv(benchDirEnv)
	if bench == "" {
		bench = "../../../shared/bench/realtimeqa-dev"
	}
	queries := readBenchQuestions(t, filepath.Join(bench, "queries.jsonl"), 40)

	cl := weaviatetest.Start(t, 3)
	// The node to kill is a follower, not the raft leader: with the leader
	// gone, Weaviate holds schema requests until a new one is elected
	// (docs/SCALING.md). The shards talk to the other two.
	victim := (cl.WaitLeader(t) + 1) % 3
	var others []int
	for i := range 3 {
		if i != victim {
			others = append(others, i)
		}
	}
	c := newCLI(t)
	copyFile(t, filepath.Join(bench, "corpus.jsonl"), filepath.Join(c.data, "realtimeqa.jsonl"))
	store := func(node int) map[string]string {
		return map[string]string{
			"COVERAGEBOT_STORE":                "weaviate",
			"COVERAGEBOT_WEAVIATE_URL":         "http://" + cl.Node(node).Host(),
			"COVERAGEBOT_WEAVIATE_GRPC":        cl.Node(node).GRPCHost(),
			"COVERAGEBOT_WEAVIATE_COLLECTION":  "Cluster",
			"COVERAGEBOT_WEAVIATE_REPLICATION": "3",
			"COVERAGEBOT_WEAVIATE_CONSISTENCY": "QUORUM",
		}
	}
	withEnv(c, store(others[0]))
	began := time.Now()
	out := c.mustRun("ingest")
	ingestTook := time.Since(began)
	t.Logf("figure: ingest into 3 nodes, replication 3: %s (%s)", ingestTook.Round(time.Millisecond), strings.TrimSpace(out))

	// Shard 0 writes through one node; shard 1 only reads, through another.
	rig := startShards(t, c, func(id int) map[string]string {
		env := store(others[id])
		env["COVERAGEBOT_READ_ONLY"] = strconv.FormatBool(id > 0)
		env["COVERAGEBOT_USER_RATE"] = "off" // one user asks every question
		return env
	})
	passages := rig.shards[0].app.Index().Count()
	healthy := retrievalTimes(t, rig, queries)
	before := make([]string, len(queries))
	for i, q := range queries {
		before[i] = answerText(rig.ask(i%2, q))
	}

	cl.Kill(victim)
	killedAt := time.Now()
	t.Logf("killed %s with SIGKILL", cl.Node(victim).Name())

	// Every question is answered, the same as before, on both shards.
	for i, q := range queries {
		for shard := range 2 {
			got := answerText(rig.ask(shard, q))
			if got != before[i] {
				t.Errorf("with a node down, shard %d answers %q with\n%s\nwas\n%s", shard, q, got, before[i])
			}
		}
	}
	degraded := retrievalTimes(t, rig, queries)
	for _, node := range others {
		if n := storeCount(t, cl.Node(node).Host()); n != passages {
			t.Errorf("with a node down, %s counts %d passages, want %d", cl.Node(node).Name(), n, passages)
		}
	}

	// Shard 0 adds an article while the node is down; shard 1 answers it.
	rig.addArticle(true)
	waitCount(t, rig.shards[1], passages+1)
	if body := rig.ask(1, "When did the Saltmarsh lighthouse reopen?"); !strings.Contains(body, "Saltmarsh lighthouse reopened") {
		t.Errorf("shard 1 did not answer from the article shard 0 added with a node down: %s", body)
	}

	// The node comes back and catches up: it holds the new article's
	// passage itself.
	cl.Restart(t, victim)
	restarted := time.Now()
	t.Logf("%s down for %s", cl.Node(victim).Name(), restarted.Sub(killedAt).Round(time.Millisecond))
	s, err := weaviate.Open(context.Background(), weaviate.Options{URL: "http://" + cl.Node(victim).Host(), Collection: "Cluster", Replication: 3})
	if err != nil {
		t.Fatal(err)
	}
	class, _ := s.Collections()
	deadline := time.Now().Add(3 * time.Minute)
	for !onNode(t, cl.Node(victim), class, weaviate.PassageUUID("lighthouse-reopens#0")) {
		if time.Now().After(deadline) {
			t.Fatalf("%s never caught up with the article written while it was down", cl.Node(victim).Name())
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("figure: %s held the article written while it was down %s after restarting", cl.Node(victim).Name(), time.Since(restarted).Round(time.Millisecond))
	if n := storeCount(t, cl.Node(victim).Host()); n != passages+1 {
		t.Errorf("after catching up, %s counts %d passages, want %d", cl.Node(victim).Name(), n, passages+1)
	}
	t.Logf("figure: retrieval through a shard, %d questions: healthy p50 %s p99 %s; one node down p50 %s p99 %s",
		len(queries), eval.Percentile(healthy, 50), eval.Percentile(healthy, 99), eval.Percentile(degraded, 50), eval.Percentile(degraded, 99))
}

// readBenchQuestions reads the first n questions of a queries.jsonl.
func readBenchQuestions(t *testing.T, path string, n int) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the cluster test needs realtimeqa-dev (set %s): %v", benchDirEnv, err)
	}
	defer f.Close()
	qs, err := eval.ReadQueries(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range qs[:min(n, len(qs))] {
		out = append(out, q.Question)
	}
	return out
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// answerText is the answer embed's description in a Discord message body.
func answerText(body string) string {
	var msg struct {
		Embeds []struct{ Description string } `json:"embeds"`
	}
	if err := json.Unmarshal([]byte(body), &msg); err != nil || len(msg.Embeds) == 0 {
		return body
	}
	return msg.Embeds[0].Description
}

// retrievalTimes times each question's retrieval on alternate shards.
func retrievalTimes(t *testing.T, rig *shardRig, queries []string) []time.Duration {
	t.Helper()
	var out []time.Duration
	for i, q := range queries {
		start := time.Now()
		if _, err := rig.shards[i%2].app.Index().Retrieve(context.Background(), q, rag.RetrieveOptions{K: 10}); err != nil {
			t.Fatal(err)
		}
		out = append(out, time.Since(start))
	}
	return out
}

func storeCount(t *testing.T, host string) int {
	t.Helper()
	s, err := weaviate.Open(context.Background(), weaviate.Options{URL: "http://" + host, Collection: "Cluster", Replication: 3})
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func waitCount(t *testing.T, s *served, want int) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for s.app.Index().Count() < want {
		if time.Now().After(deadline) {
			t.Fatalf("the shard never reloaded: %d passages, want %d", s.app.Index().Count(), want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// onNode reports whether the node itself holds the object: Weaviate's
// node_name parameter reads that node's replica and no other.
func onNode(t *testing.T, node *weaviatetest.Node, class, id string) bool {
	t.Helper()
	url := fmt.Sprintf("http://%s/v1/objects/%s/%s?node_name=%s", node.Host(), class, id, node.Name())
	resp, err := http.Get(url)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode == http.StatusOK
}
