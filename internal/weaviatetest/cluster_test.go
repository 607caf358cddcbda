package weaviatetest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/weaviatetest"
)

// wantVersion is the Weaviate version scripts/weaviate-server builds.
const wantVersion = "1.35.2"

// giveUp bounds how long a test waits for the cluster to converge (a
// schema change to reach a follower, a failure detector to notice a killed
// node). It is a point at which to stop waiting, not a performance target.
const giveUp = 2 * time.Minute

func TestBinary(t *testing.T) {
	t.Run("unset", func(t *testing.T) {
		t.Setenv(weaviatetest.EnvBinary, "")
		_, err := weaviatetest.Binary()
		if err == nil || !strings.Contains(err.Error(), "scripts/weaviate-server") || !strings.Contains(err.Error(), "scripts/test") {
			t.Fatalf("Binary() error = %v, want one that says to run scripts/weaviate-server or scripts/test", err)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		t.Setenv(weaviatetest.EnvBinary, filepath.Join(t.TempDir(), "nothing-here"))
		if _, err := weaviatetest.Binary(); err == nil {
			t.Fatal("Binary() accepted a path that does not exist")
		}
	})
	t.Run("not executable", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "weaviate-server")
		if err := os.WriteFile(path, []byte("#!/bin/sh\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Setenv(weaviatetest.EnvBinary, path)
		if _, err := weaviatetest.Binary(); err == nil {
			t.Fatal("Binary() accepted a file without execute permission")
		}
	})
	t.Run("executable", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "weaviate-server")
		if err := os.WriteFile(path, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv(weaviatetest.EnvBinary, path)
		got, err := weaviatetest.Binary()
		if err != nil || got != path {
			t.Fatalf("Binary() = %q, %v; want %q, nil", got, err, path)
		}
	})
}

// recordingTB stands in for a test so that Require's Skip and Fatal can be
// observed; like the real ones they end the calling goroutine.
type recordingTB struct {
	testing.TB
	skipped, failed bool
	msg             string
}

func (r *recordingTB) Helper() {}

func (r *recordingTB) Skip(args ...any) {
	r.skipped, r.msg = true, fmt.Sprint(args...)
	runtime.Goexit()
}

func (r *recordingTB) Fatal(args ...any) {
	r.failed, r.msg = true, fmt.Sprint(args...)
	runtime.Goexit()
}

func runRequire(t *testing.T) *recordingTB {
	r := &recordingTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		weaviatetest.Require(r)
	}()
	<-done
	return r
}

func TestRequireSkipsOnlyWhenNotAskedFor(t *testing.T) {
	t.Setenv(weaviatetest.EnvBinary, "")
	r := runRequire(t)
	if !r.skipped || r.failed || !strings.Contains(r.msg, "did not run") || !strings.Contains(r.msg, "scripts/test") {
		t.Errorf("unset: skipped=%v failed=%v msg=%q; want a skip that says the suite did not run and how to run it", r.skipped, r.failed, r.msg)
	}

	t.Setenv(weaviatetest.EnvBinary, filepath.Join(t.TempDir(), "missing"))
	r = runRequire(t)
	if !r.failed || r.skipped {
		t.Errorf("set to a missing file: skipped=%v failed=%v msg=%q; want a failure, never a skip", r.skipped, r.failed, r.msg)
	}
}

func TestSingleNode(t *testing.T) {
	c := weaviatetest.Start(t, 1)
	node := c.Node(0)
	if got := c.Hosts(); len(got) != 1 || got[0] != node.Host() {
		t.Errorf("Hosts() = %v, want [%s]", got, node.Host())
	}

	if status, body := get(t, node.Host(), "/v1/.well-known/ready"); status != http.StatusOK {
		t.Fatalf("ready: status %d: %s", status, body)
	}
	if got := c.WaitLeader(t); got != 0 {
		t.Errorf("WaitLeader() = %d on a single node, want 0", got)
	}
	status, body := get(t, node.Host(), "/v1/meta")
	var meta struct {
		Version string `json:"version"`
	}
	if status != http.StatusOK || json.Unmarshal(body, &meta) != nil || meta.Version != wantVersion {
		t.Errorf("GET /v1/meta: status %d, body %s; want version %s", status, body, wantVersion)
	}

	conn, err := net.Dial("tcp", node.GRPCHost())
	if err != nil {
		t.Fatalf("gRPC port %s: %v", node.GRPCHost(), err)
	}
	conn.Close()
}

func TestClusterSurvivesKillAndRestart(t *testing.T) {
	c := weaviatetest.Start(t, 3)
	for _, host := range c.Hosts() {
		statuses := nodeStatuses(t, host)
		if len(statuses) != 3 || statuses["node0"] != "HEALTHY" || statuses["node1"] != "HEALTHY" || statuses["node2"] != "HEALTHY" {
			t.Fatalf("%s: /v1/nodes = %v, want node0..node2 HEALTHY", host, statuses)
		}
	}

	// A schema change made on one node reaches the others through raft.
	createClass(t, c.Node(0).Host(), "BeforeKill")
	for _, host := range c.Hosts() {
		waitForClass(t, host, "BeforeKill")
	}

	c.Kill(1)
	survivor := c.Node(0).Host()
	if status, body := get(t, survivor, "/v1/.well-known/ready"); status != http.StatusOK {
		t.Fatalf("node0 after killing node1: ready status %d: %s", status, body)
	}
	// Until its failure detector drops node1, node0 may answer /v1/nodes
	// with a 500 (it cannot reach node1) rather than list node1 as
	// UNAVAILABLE; both are a wait here, and only a 200 ends it.
	eventually(t, "node0 to report node1 as not healthy", func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		statuses, err := weaviatetest.NodeStatuses(ctx, survivor)
		if err != nil {
			return err
		}
		if s, listed := statuses["node1"]; listed && s == "HEALTHY" {
			return fmt.Errorf("/v1/nodes = %v", statuses)
		}
		if statuses["node0"] != "HEALTHY" || statuses["node2"] != "HEALTHY" {
			return fmt.Errorf("/v1/nodes = %v, want node0 and node2 still HEALTHY", statuses)
		}
		return nil
	})
	// Two of three voters are a quorum, so the schema still changes once
	// they have a leader (node1 may have been it).
	leader := c.WaitLeader(t)
	if leader == 1 {
		t.Fatalf("WaitLeader() = 1, the killed node")
	}
	// Both survivors come to answer ready with a peer down.
	c.WaitReady(t, 0)
	c.WaitReady(t, 2)
	createClass(t, survivor, "WhileNode1Down")

	c.Restart(t, 1)
	for _, host := range c.Hosts() {
		statuses := nodeStatuses(t, host)
		if len(statuses) != 3 || statuses["node0"] != "HEALTHY" || statuses["node1"] != "HEALTHY" || statuses["node2"] != "HEALTHY" {
			t.Fatalf("%s after restart: /v1/nodes = %v, want node0..node2 HEALTHY", host, statuses)
		}
	}
	// The restarted node catches up on what it missed.
	waitForClass(t, c.Node(1).Host(), "WhileNode1Down")

	// The same again for the leader, whose loss needs a new election before
	// the schema can change.
	old := c.WaitLeader(t)
	c.Kill(old)
	leader = c.WaitLeader(t)
	if leader == old {
		t.Fatalf("WaitLeader() = %d, the killed leader", leader)
	}
	createClass(t, c.Node((old+1)%3).Host(), "WhileLeaderDown")
	c.Restart(t, old)
	waitForClass(t, c.Node(old).Host(), "WhileLeaderDown")
}

func get(t *testing.T, host, path string) (int, []byte) {
	t.Helper()
	return do(t, http.MethodGet, host, path, "")
}

func do(t *testing.T, method, host, path, body string) (int, []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, "http://"+host+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s%s: %v", method, host, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s%s: %v", method, host, path, err)
	}
	return resp.StatusCode, data
}

func nodeStatuses(t *testing.T, host string) map[string]string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	statuses, err := weaviatetest.NodeStatuses(ctx, host)
	if err != nil {
		t.Fatal(err)
	}
	return statuses
}

func createClass(t *testing.T, host, class string) {
	t.Helper()
	status, body := do(t, http.MethodPost, host, "/v1/schema", `{"class":"`+class+`","vectorizer":"none"}`)
	if status != http.StatusOK {
		t.Fatalf("create class %s on %s: status %d: %s", class, host, status, body)
	}
}

func waitForClass(t *testing.T, host, class string) {
	t.Helper()
	eventually(t, host+" to know class "+class, func() error {
		if status, body := get(t, host, "/v1/schema/"+class); status != http.StatusOK {
			return fmt.Errorf("GET /v1/schema/%s: status %d: %s", class, status, body)
		}
		return nil
	})
}

// eventually retries check until it returns nil, failing the test with
// check's last error once giveUp has passed.
func eventually(t *testing.T, what string, check func() error) {
	t.Helper()
	deadline := time.Now().Add(giveUp)
	for {
		err := check()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s: %v", giveUp, what, err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}
