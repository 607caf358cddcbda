package weaviate_test

import (
	"context"
	"fmt"
	"os"
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
	wv "github.com/weaviate/weaviate-go-client/v5/weaviate"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/graphql"
)

// replicasEnv turns on TestReplicaDifferences.
const replicasEnv = "COVERAGEBOT_REPLICA_MEASURE"

// TestReplicaDifferences measures what docs/SCALING.md says differs
// between the replicas of a three-node cluster. For each keyword postings
// format (Weaviate's default BlockMax, and the classic one the store asks
// for) it ingests part of realtimeqa-dev with replication 3 and sends every
// question's queries to each node: Weaviate's own nearVector (its HNSW
// graph) and bm25, and the store's VectorQuery and KeywordQuery; once as
// soon as every node holds every passage, and again after a pause in which
// memtables are flushed. With classic postings the store's queries must
// agree on every node. Run with COVERAGEBOT_REPLICA_MEASURE=1
// (COVERAGEBOT_REPLICA_ARTICLES sets how many articles, 400 by default).
func TestReplicaDifferences(t *testing.T) {
	if os.Getenv(replicasEnv) == "" {
		t.Skip("measures how replicas differ; set " + replicasEnv + "=1")
	}
	n := 400
	if v := os.Getenv("COVERAGEBOT_REPLICA_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			t.Fatal(err)
		}
	}
	arts := benchArticles(t)
	arts = arts[:min(n, len(arts))]
	queries := benchQueries(t)
	for _, blockMax := range []bool{true, false} {
		t.Run(fmt.Sprintf("BlockMax=%v", blockMax), func(t *testing.T) {
			var cl *weaviatetest.Cluster
			if blockMax {
				cl = weaviatetest.StartWithBlockMax(t, 3)
			} else {
				cl = weaviatetest.Start(t, 3)
			}
			measureReplicas(t, cl, arts, queries, blockMax)
		})
	}
}

func measureReplicas(t *testing.T, cl *weaviatetest.Cluster, arts []rag.Article, queries []eval.Query, blockMax bool) {
	ctx := context.Background()
	open := func(node int) *weaviate.Store {
		s, err := weaviate.Open(ctx, weaviate.Options{URL: "http://" + cl.Node(node).Host(), GRPC: cl.Node(node).GRPCHost(), Collection: "Replicas", Replication: 3})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	e := search.NewLocalEmbedder()
	ix, err := search.Open(e, search.Options{Store: open(0)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Ingest(ctx, arts, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	want := ix.Count()
	var stores []*weaviate.Store
	var clients []*wv.Client
	for node := range 3 {
		s := open(node)
		for {
			got, err := s.Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got == want {
				break
			}
			time.Sleep(500 * time.Millisecond)
		}
		if err := s.Catalog(ctx, func(rag.StoredArticle) error { return nil }); err != nil {
			t.Fatal(err)
		}
		stores = append(stores, s)
		c, err := wv.NewClient(wv.Config{Host: cl.Node(node).Host(), Scheme: "http", Timeout: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		clients = append(clients, c)
	}
	passages, _ := stores[0].Collections()
	const limit = 80
	type round map[string][]string // by query kind: one list per question and node
	ask := func() round {
		r := round{}
		for _, q := range queries {
			vecs, err := e.Embed(ctx, []string{q.Question})
			if err != nil {
				t.Fatal(err)
			}
			terms := prose.Terms(q.Question)
			for node := range 3 {
				r["Weaviate nearVector"] = append(r["Weaviate nearVector"], rawQuery(t, clients[node], passages,
					clients[node].GraphQL().Get().WithNearVector(clients[node].GraphQL().NearVectorArgBuilder().WithVector(vecs[0])), "distance", limit))
				r["Weaviate bm25"] = append(r["Weaviate bm25"], rawQuery(t, clients[node], passages,
					clients[node].GraphQL().Get().WithBM25(clients[node].GraphQL().Bm25ArgBuilder().WithQuery(strings.Join(terms, " ")).WithProperties("terms")), "score", limit))
				v, err := stores[node].VectorQuery(ctx, rag.VectorQuery{Vector: vecs[0], Limit: limit})
				if err != nil {
					t.Fatal(err)
				}
				r["store VectorQuery"] = append(r["store VectorQuery"], matches(v))
				k, err := stores[node].KeywordQuery(ctx, rag.KeywordQuery{Terms: terms, Limit: limit})
				if err != nil {
					t.Fatal(err)
				}
				r["store KeywordQuery"] = append(r["store KeywordQuery"], matches(k))
			}
		}
		return r
	}
	first := ask()
	// Weaviate flushes a memtable a minute after its first write.
	time.Sleep(90 * time.Second)
	second := ask()
	for _, kind := range []string{"Weaviate nearVector", "Weaviate bm25", "store VectorQuery", "store KeywordQuery"} {
		across := func(r round) int {
			d := 0
			for i := 0; i < len(r[kind]); i += 3 {
				for node := 1; node < 3; node++ {
					if r[kind][i+node] != r[kind][i] {
						d++
					}
				}
			}
			return d
		}
		later := 0
		for i := range first[kind] {
			if first[kind][i] != second[kind][i] {
				later++
			}
		}
		pairs := 2 * len(queries)
		t.Logf("figure: BlockMax %v, %d passages, %s, %d nearest: %d of %d pairs of replicas differ at once, %d after the pause; %d of %d lists changed on the same node",
			blockMax, want, kind, limit, across(first), pairs, across(second), later, 3*len(queries))
		if !blockMax && strings.HasPrefix(kind, "store") && across(first)+across(second) > 0 {
			t.Errorf("%s differs between replicas", kind)
		}
	}
}

// rawQuery sends one Get to a node and returns its passage ids and scores
// in Weaviate's order.
func rawQuery(t *testing.T, c *wv.Client, class string, get *graphql.GetBuilder, score string, limit int) string {
	t.Helper()
	out, err := get.WithClassName(class).WithLimit(limit).
		WithFields(graphql.Field{Name: "passageId"}, graphql.Field{Name: "_additional", Fields: []graphql.Field{{Name: score}}}).Do(context.Background())
	if err != nil || len(out.Errors) > 0 {
		t.Fatalf("query: %v %v", err, out)
	}
	rows, _ := out.Data["Get"].(map[string]any)[class].([]any)
	var b []string
	for _, row := range rows {
		m, _ := row.(map[string]any)
		add, _ := m["_additional"].(map[string]any)
		b = append(b, fmt.Sprintf("%v %v", m["passageId"], add[score]))
	}
	return strings.Join(b, ", ")
}

func matches(ms []rag.Match) string {
	var b []string
	for _, m := range ms {
		b = append(b, fmt.Sprintf("%s %.9f", m.ID, m.Score))
	}
	return strings.Join(b, ", ")
}
