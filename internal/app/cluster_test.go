package app

import (
	"bytes"
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
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/weaviate"
)

// benchDirEnv names the realtimeqa-dev directory the cluster test ingests.
const benchDirEnv = "COVERAGEBOT_BENCH_DIR"

// clusterSize is how much of realtimeqa-dev one run of the three-node test
// takes.
type clusterSize struct {
	// questions is how many of queries.jsonl's first questions are asked.
	questions int
	// articles is how many of corpus.jsonl's first articles are ingested,
	// beside the questions' own; 0 ingests them all.
	articles int
}

var (
	// clusterShort runs in every scripts/test: a few minutes on two cores.
	clusterShort = clusterSize{questions: 8, articles: 150}
	// clusterLong is the release run that docs/SCALING.md reports.
	clusterLong = clusterSize{questions: 40}
)

// TestWeaviateClusterLosesANode is the three-node test of docs/SCALING.md.
// Three Weaviate nodes keep three copies of the index (realtimeqa-dev and
// the seed coverage). Two Discord shards read it through different nodes,
// so that each question is answered from two different replicas. One node
// is killed with SIGKILL: every question is still answered, with the same
// answer from either replica before and after, no passage is missing, and
// a new article written meanwhile reaches both shards. The node restarts
// and catches up on what it missed.
//
// It runs whenever a weaviate-server is given (COVERAGEBOT_WEAVIATE_BIN,
// as scripts/test does) on part of the corpus and a few questions; with
// COVERAGEBOT_LONG_TESTS=1, on all of it with 40 questions, and the figures
// it logs are the ones docs/SCALING.md records.
func TestWeaviateClusterLosesANode(t *testing.T) {
	weaviatetest.Require(t)
	size := clusterShort
	if longTests() {
		size = clusterLong
	}
	bench := os.Getenv(benchDirEnv)
	if bench == "" {
		bench = "../../../shared/bench/realtimeqa-dev"
	}
	questions := readBenchQuestions(t, filepath.Join(bench, "queries.jsonl"), size.questions)
	var queries []string
	for _, q := range questions {
		queries = append(queries, q.Question)
	}

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
	ingested := copyCorpus(t, filepath.Join(bench, "corpus.jsonl"), filepath.Join(c.data, "realtimeqa.jsonl"), size.articles, questions)
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
	// The collections are created here, with keyword postings, so that
	// compareReplicas can compare the store's keyword queries across
	// replicas too; the bots search keywords in their own catalogs and
	// would create them without (weaviate.Options.NoKeywordIndex).
	if s, err := weaviate.Open(context.Background(), weaviate.Options{URL: "http://" + cl.Node(others[0]).Host(), Collection: "Cluster", Replication: 3}); err != nil {
		t.Fatal(err)
	} else {
		s.Close()
	}
	withEnv(c, store(others[0]))
	began := time.Now()
	out := c.mustRun("ingest")
	ingestTook := time.Since(began)
	t.Logf("figure: ingest of %d realtimeqa-dev articles into 3 nodes, replication 3: %s (%s)", ingested, ingestTook.Round(time.Millisecond), strings.TrimSpace(out))

	// Shard 0 writes through one node; shard 1 only reads, through another.
	rig := startShards(t, c, func(id int) map[string]string {
		env := store(others[id])
		env["COVERAGEBOT_READ_ONLY"] = strconv.FormatBool(id > 0)
		env["COVERAGEBOT_USER_RATE"] = "off" // one user asks every question
		return env
	})
	passages := rig.shards[0].app.Index().Count()
	// A write at QUORUM is acknowledged by two replicas; the third may
	// still be taking it in. Every node holds every passage before the
	// replicas are compared.
	waitReplicas(t, cl, []int{0, 1, 2}, passages)
	compareReplicas(t, cl, queries)
	healthy := retrievalTimes(t, rig, queries)

	// Both shards, each reading its own replica, retrieve and answer alike.
	before := askBoth(t, rig, queries)
	for i, q := range queries {
		if before[i][0] != before[i][1] {
			t.Errorf("the two replicas answer %q differently:\n%s", q, before[i].diff())
		}
	}

	cl.Kill(victim)
	killedAt := time.Now()
	t.Logf("killed %s with SIGKILL", cl.Node(victim).Name())

	// Every question is answered, the same as before, on both shards.
	after := askBoth(t, rig, queries)
	for i, q := range queries {
		for shard := range 2 {
			if after[i][shard] != before[i][shard] {
				t.Errorf("with a node down, shard %d answers %q differently:\nbefore: %s\nafter:  %s", shard, q, before[i][shard], after[i][shard])
			}
		}
	}
	t.Logf("figure: %d questions asked on both shards before and after the kill: %d of %d answers and retrievals identical to the other replica's and to the one before",
		len(queries), identical(before, after), 4*len(queries))
	degraded := retrievalTimes(t, rig, queries)
	for _, node := range others {
		if n := storeCount(t, cl, node); n != passages {
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
	deadline := time.Now().Add(5 * time.Minute)
	for !onNode(t, cl.Node(victim), class, weaviate.PassageUUID("lighthouse-reopens#0")) {
		if time.Now().After(deadline) {
			t.Fatalf("%s never caught up with the article written while it was down", cl.Node(victim).Name())
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("figure: %s held the article written while it was down %s after restarting", cl.Node(victim).Name(), time.Since(restarted).Round(time.Millisecond))
	waitReplicas(t, cl, []int{victim}, passages+1)
	t.Logf("figure: retrieval through a shard, %d questions: healthy p50 %s p99 %s; one node down p50 %s p99 %s",
		len(queries), eval.Percentile(healthy, 50), eval.Percentile(healthy, 99), eval.Percentile(degraded, 50), eval.Percentile(degraded, 99))
}

// compareReplicas asks every node the store's queries for each question,
// and the same nearest-passage query as Weaviate answers it alone (its
// HNSW graph, no filter): the store's must be the same on every replica;
// how often the graph's are not is logged, as the figure docs/SCALING.md
// gives.
func compareReplicas(t *testing.T, cl *weaviatetest.Cluster, queries []string) {
	t.Helper()
	ctx := context.Background()
	e := search.NewLocalEmbedder()
	var stores []*weaviate.Store
	for node := range 3 {
		s, err := weaviate.Open(ctx, weaviate.Options{URL: "http://" + cl.Node(node).Host(), Collection: "Cluster", Replication: 3})
		if err != nil {
			t.Fatal(err)
		}
		// The store counts its BM25 statistics from the catalog.
		if err := s.Catalog(ctx, func(rag.StoredArticle) error { return nil }); err != nil {
			t.Fatal(err)
		}
		stores = append(stores, s)
	}
	passages, _ := stores[0].Collections()
	const limit = 80 // the candidates a K = 10 question asks for
	list := func(ms []rag.Match) string {
		var b []string
		for _, m := range ms {
			b = append(b, fmt.Sprintf("%s %.9f", m.ID, m.Score))
		}
		return strings.Join(b, ", ")
	}
	graphDiffers, pairs := 0, 0
	for _, q := range queries {
		vecs, err := e.Embed(ctx, []string{q})
		if err != nil {
			t.Fatal(err)
		}
		var graph, vector, keyword, articles []string
		for node, s := range stores {
			graph = append(graph, list(nearestByGraph(t, cl.Node(node).Host(), passages, vecs[0], limit)))
			v, err := s.VectorQuery(ctx, rag.VectorQuery{Vector: vecs[0], Limit: limit})
			if err != nil {
				t.Fatal(err)
			}
			vector = append(vector, list(v))
			k, err := s.KeywordQuery(ctx, rag.KeywordQuery{Terms: prose.Terms(q), Limit: limit})
			if err != nil {
				t.Fatal(err)
			}
			keyword = append(keyword, list(k))
			a, err := s.KeywordQuery(ctx, rag.KeywordQuery{Terms: prose.Terms(q), Limit: limit / 2, Articles: true})
			if err != nil {
				t.Fatal(err)
			}
			articles = append(articles, list(a))
		}
		for node := 1; node < 3; node++ {
			pairs++
			if graph[node] != graph[0] {
				graphDiffers++
			}
			for _, c := range []struct {
				what string
				got  []string
			}{{"nearest passages", vector}, {"BM25 passages", keyword}, {"BM25 articles", articles}} {
				if c.got[node] != c.got[0] {
					t.Errorf("%q: the store's %s differ between %s and %s:\n%s\n%s", q, c.what, cl.Node(0).Name(), cl.Node(node).Name(), c.got[0], c.got[node])
				}
			}
		}
	}
	t.Logf("figure: %d questions, %d pairs of replicas: Weaviate's HNSW search alone gave a different %d nearest passages for %d pairs; the store's queries differed for none",
		len(queries), pairs, limit, graphDiffers)
}

// nearestByGraph asks one node for the passages nearest vec, with no
// filter, so that Weaviate searches its HNSW graph.
func nearestByGraph(t *testing.T, host, class string, vec []float32, limit int) []rag.Match {
	t.Helper()
	parts := make([]string, len(vec))
	for i, x := range vec {
		parts[i] = strconv.FormatFloat(float64(x), 'g', -1, 32)
	}
	query := fmt.Sprintf(`{Get{%s(nearVector:{vector:[%s]},limit:%d){passageId _additional{distance}}}}`, class, strings.Join(parts, ","), limit)
	body, err := json.Marshal(map[string]string{"query": query})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post("http://"+host+"/v1/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Get map[string][]struct {
				PassageID  string `json:"passageId"`
				Additional struct {
					Distance float64 `json:"distance"`
				} `json:"_additional"`
			}
		}
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Errors) > 0 {
		t.Fatalf("nearVector on %s: %v %v", host, err, out.Errors)
	}
	var ms []rag.Match
	for _, r := range out.Data.Get[class] {
		ms = append(ms, rag.Match{ID: r.PassageID, Score: 1 - r.Additional.Distance})
	}
	return ms
}

// exchange is one question asked on both shards: the answer each gave and
// the passages each retrieved.
type exchange [2]string

func (e exchange) diff() string { return "shard 0: " + e[0] + "\nshard 1: " + e[1] }

// askBoth asks every question on both shards, and records each shard's
// answer with the passages its index retrieves for the question.
func askBoth(t *testing.T, rig *shardRig, queries []string) []exchange {
	t.Helper()
	out := make([]exchange, len(queries))
	for i, q := range queries {
		for shard := range 2 {
			hits, err := rig.shards[shard].app.Index().Retrieve(context.Background(), q, rag.RetrieveOptions{K: 10})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, h := range hits {
				ids = append(ids, fmt.Sprintf("%s %.6f v%d k%d", h.ID, h.Score, h.VectorRank, h.KeywordRank))
			}
			out[i][shard] = answerText(rig.ask(shard, q)) + "\nretrieved: " + strings.Join(ids, ", ")
		}
	}
	return out
}

// identical counts the exchanges that are the same on both shards, before
// and after.
func identical(before, after []exchange) int {
	n := 0
	for i := range before {
		for shard := range 2 {
			if before[i][shard] == before[i][0] {
				n++
			}
			if after[i][shard] == before[i][0] {
				n++
			}
		}
	}
	return n
}

// waitReplicas waits until each of the nodes holds want passages itself.
func waitReplicas(t *testing.T, cl *weaviatetest.Cluster, nodes []int, want int) {
	t.Helper()
	began := time.Now()
	// A give-up point for replication that never finishes, not a
	// performance bound.
	deadline := began.Add(10 * time.Minute)
	for _, node := range nodes {
		for {
			n := storeCount(t, cl, node)
			if n == want {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s holds %d passages, want %d", cl.Node(node).Name(), n, want)
			}
			time.Sleep(500 * time.Millisecond)
		}
	}
	t.Logf("figure: every replica held %d passages %s after the check began", want, time.Since(began).Round(time.Millisecond))
}

// copyCorpus writes the first n articles of a corpus.jsonl (all of them
// when n is 0), and those the questions' answers are in, and returns how
// many it wrote.
func copyCorpus(t *testing.T, from, to string, n int, questions []eval.Query) int {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatalf("the cluster test needs realtimeqa-dev (set %s): %v", benchDirEnv, err)
	}
	gold := map[string]bool{}
	for _, q := range questions {
		for _, u := range q.GoldURLs {
			gold[plainURL(u)] = true
		}
	}
	var kept []string
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var a struct {
			URL string `json:"url"`
		}
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("%s line %d: %v", from, i+1, err)
		}
		if n == 0 || i < n || gold[plainURL(a.URL)] {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(to, []byte(strings.Join(kept, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return len(kept)
}

// plainURL is a URL without its scheme or a trailing slash: realtimeqa-dev
// cites http and https addresses of the same page.
func plainURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(u, "/")
}

// readBenchQuestions reads the first n questions of a queries.jsonl.
func readBenchQuestions(t *testing.T, path string, n int) []eval.Query {
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
	return qs[:min(n, len(qs))]
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

// storeCount opens a store on node and counts the passages it holds, once
// the node answers ready.
func storeCount(t *testing.T, cl *weaviatetest.Cluster, node int) int {
	t.Helper()
	cl.WaitReady(t, node)
	s, err := weaviate.Open(context.Background(), weaviate.Options{URL: "http://" + cl.Node(node).Host(), Collection: "Cluster", Replication: 3})
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
	deadline := time.Now().Add(3 * time.Minute)
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
