package app

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/internal/weaviatetest"
	"github.com/coveragebot/coveragebot/rag/weaviate"
)

// weaviateEnv starts a Weaviate server for the test and returns the
// settings that keep the index in it. Imports go over gRPC here; the store
// suite in rag/weaviate covers REST.
func weaviateEnv(t *testing.T, collection string) map[string]string {
	t.Helper()
	node := weaviatetest.Start(t, 1).Node(0)
	return map[string]string{
		"COVERAGEBOT_STORE":               "weaviate",
		"COVERAGEBOT_WEAVIATE_URL":        "http://" + node.Host(),
		"COVERAGEBOT_WEAVIATE_GRPC":       node.GRPCHost(),
		"COVERAGEBOT_WEAVIATE_COLLECTION": collection,
	}
}

func withEnv(c *cli, env map[string]string) *cli {
	for k, v := range env {
		c.env[k] = v
	}
	return c
}

// The configuration's default search breadth is the store's, which config
// cannot import.
func TestDefaultSearchBreadthIsTheStores(t *testing.T) {
	if got := config.Default().Store.WeaviateSearchBreadth; got != weaviate.DefaultSearchBreadth {
		t.Errorf("config's default COVERAGEBOT_WEAVIATE_EF is %d, rag/weaviate's DefaultSearchBreadth %d", got, weaviate.DefaultSearchBreadth)
	}
}

// Every command answers the same from Weaviate as from the in-process
// index: the same answers, citations, sources, quotations and timeline.
func TestCommandsAnswerTheSameFromWeaviate(t *testing.T) {
	local := newCLI(t)
	remote := withEnv(newCLI(t), weaviateEnv(t, "CliParity"))
	remote.mustRun("ingest", "--rebuild")
	local.mustRun("ingest")
	for _, args := range [][]string{
		{"ask", "--json", "What did Starmer tell Zelenskyy about NATO?"},
		{"ask", "--json", "Who is John Coale?"},
		{"ask", "--json", "What did the Pope say about Starmer?"},
		{"sources", "--json"},
		{"summary", "--all"},
		{"quotes", "--person", "Starmer"},
		{"timeline", "--topic", "Ukraine peace talks"},
		{"compare", "--topic", "Ukraine"},
		{"digest", "--since", "2020-01-01"},
	} {
		want := local.mustRun(args...)
		got := remote.mustRun(args...)
		if got != want {
			t.Errorf("coveragebot %s differs with Weaviate:\n--- in process\n%s\n--- weaviate\n%s", strings.Join(args, " "), want, got)
		}
	}
	// A second ingest finds everything already there.
	out := remote.mustRun("ingest")
	if !strings.Contains(out, "5 articles unchanged, nothing embedded") {
		t.Errorf("ingesting the same coverage into Weaviate again: %s", out)
	}
}

// A bot searching keywords itself (the default) creates the collections
// without Weaviate's keyword postings. Switching an index to keyword
// search in Weaviate then stops with the remedy, and the remedy works: the
// rebuilt collections answer as before.
func TestKeywordsInWeaviateNeedPostings(t *testing.T) {
	c := withEnv(newCLI(t), weaviateEnv(t, "Postings"))
	c.mustRun("ingest", "--rebuild")
	want := decodeAnswer(t, c.mustRun("ask", "--json", "Who is John Coale?"))
	c.env["COVERAGEBOT_WEAVIATE_KEYWORDS"] = "weaviate"
	_, errs, code := c.run("ask", "Who is John Coale?")
	if code == 0 || !strings.Contains(errs, "without keyword postings") || !strings.Contains(errs, "ingest --rebuild") {
		t.Fatalf("keywords in Weaviate over collections without postings: exit %d, %s", code, errs)
	}
	c.mustRun("ingest", "--rebuild")
	got := decodeAnswer(t, c.mustRun("ask", "--json", "Who is John Coale?"))
	if got.Answer == nil || want.Answer == nil || *got.Answer != *want.Answer || len(got.Citations) != len(want.Citations) {
		t.Errorf("after the rebuild with postings, the answer is %+v, was %+v", got, want)
	}
}

// migrate copies an in-process index into Weaviate with its vectors: the
// copy answers as the original did, and nothing is embedded.
func TestMigrateToWeaviate(t *testing.T) {
	c := newCLI(t)
	c.mustRun("ingest")
	want := decodeAnswer(t, c.mustRun("ask", "--json", "Who is John Coale?"))
	env := weaviateEnv(t, "Migrate")
	for k, v := range env {
		if k != "COVERAGEBOT_STORE" {
			c.env[k] = v
		}
	}
	out := c.mustRun("migrate", "--to", "weaviate")
	if !strings.Contains(out, "Copied 5 articles") || !strings.Contains(out, "without embedding again") {
		t.Errorf("migrate said: %s", out)
	}
	// Running it again overwrites, and leaves one copy.
	out = c.mustRun("migrate", "--to", "weaviate")
	if !strings.Contains(out, "Weaviate now holds 5 articles") {
		t.Errorf("migrating twice: %s", out)
	}
	c.env["COVERAGEBOT_STORE"] = "weaviate"
	got := decodeAnswer(t, c.mustRun("ask", "--json", "Who is John Coale?"))
	if got.Answer == nil || want.Answer == nil || *got.Answer != *want.Answer || len(got.Citations) != len(want.Citations) {
		t.Errorf("after migrating, the answer is %+v, was %+v", got, want)
	}
	// An ingest after migrating embeds nothing: the hashes came along.
	out = c.mustRun("ingest")
	if !strings.Contains(out, "nothing embedded") {
		t.Errorf("ingest after migrate: %s", out)
	}

	if _, errs, code := c.run("migrate"); code == 0 || !strings.Contains(errs, "--to weaviate") {
		t.Errorf("migrate without --to: exit %d, %s", code, errs)
	}
}

// Two Discord shards share a Weaviate store: shard 0 adds an article and
// shard 1 answers from it, without a restart.
func TestTwoShardsShareWeaviate(t *testing.T) {
	env := weaviateEnv(t, "Shards")
	c := newCLI(t)
	withEnv(c, env).mustRun("ingest", "--rebuild")
	runTwoShards(t, c, env)
}

// An unreachable Weaviate is a clear error, not a hang or an empty index.
func TestWeaviateDownIsAClearError(t *testing.T) {
	c := newCLI(t)
	c.env["COVERAGEBOT_STORE"] = "weaviate"
	c.env["COVERAGEBOT_WEAVIATE_URL"] = "http://127.0.0.1:1"
	_, errs, code := c.run("ask", "Who is John Coale?")
	if code == 0 || !strings.Contains(errs, "weaviate") || !strings.Contains(errs, "127.0.0.1:1") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	var sawJSON map[string]any
	if json.Unmarshal([]byte(errs), &sawJSON) == nil {
		t.Errorf("the error is JSON, not a sentence: %s", errs)
	}
}

// A Weaviate that requires an API key: COVERAGEBOT_WEAVIATE_API_KEY is
// sent, over HTTP and with every gRPC import and search, and works, and a
// wrong key is a clear error that does not show it.
func TestWeaviateWithAnAPIKey(t *testing.T) {
	const key = "weaviate-test-key-5f1c"
	node := weaviatetest.StartWithAPIKey(t, 1, key).Node(0)
	c := withEnv(newCLI(t), map[string]string{
		"COVERAGEBOT_STORE":            "weaviate",
		"COVERAGEBOT_WEAVIATE_URL":     "http://" + node.Host(),
		"COVERAGEBOT_WEAVIATE_GRPC":    node.GRPCHost(),
		"COVERAGEBOT_WEAVIATE_API_KEY": key,
	})
	c.mustRun("ingest")
	a := decodeAnswer(t, c.mustRun("ask", "--json", "Who is John Coale?"))
	if a.Answer == nil || !strings.Contains(*a.Answer, "Coale") || len(a.Citations) == 0 {
		t.Errorf("answer through a keyed Weaviate: %+v", a)
	}
	c.env["COVERAGEBOT_WEAVIATE_API_KEY"] = "wrong-key-0000"
	_, errs, code := c.run("ask", "Who is John Coale?")
	if code == 0 || !strings.Contains(errs, "weaviate") {
		t.Errorf("a wrong key: exit %d, %s", code, errs)
	}
	if strings.Contains(errs, "wrong-key-0000") {
		t.Errorf("the error shows the key: %s", errs)
	}
	t.Logf("a wrong key says: %s", strings.TrimSpace(errs))
	delete(c.env, "COVERAGEBOT_WEAVIATE_API_KEY")
	if _, errs, code := c.run("ask", "Who is John Coale?"); code == 0 {
		t.Errorf("no key against a keyed Weaviate: exit 0, %s", errs)
	}
}
