package weaviatetest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const (
	// readyDeadline bounds how long Start and Restart wait for nodes to
	// answer and for the cluster to agree that every node is healthy. It is
	// a give-up point for a server that will never come up, not a
	// performance assertion: a node is usually ready in a few seconds.
	readyDeadline = 3 * time.Minute
	// stopGrace is how long a node gets to shut down after SIGTERM before it
	// is killed.
	stopGrace = 15 * time.Second
	// pollInterval is the pause between two readiness probes.
	pollInterval = 200 * time.Millisecond
	// probeTimeout bounds one readiness probe, so that a server that
	// accepts a connection and never answers is asked again.
	probeTimeout = 10 * time.Second
	// logTailBytes is how much of a node's log a failure message quotes.
	logTailBytes = 6 << 10
)

// Cluster is a set of weaviate-server processes on loopback that form one
// Weaviate cluster. Its methods are meant to be called from the test's own
// goroutine, one at a time.
type Cluster struct {
	bin   string
	nodes []*Node
	// apiKey, when set, is the only way in: anonymous access is off.
	apiKey string
	// extraEnv is appended to every node's environment, where it wins.
	extraEnv []string
}

// Node is one weaviate-server process of a Cluster. Its ports and data
// directory stay the same across Kill and Restart.
type Node struct {
	name    string
	ports   nodePorts
	dataDir string
	logPath string
	proc    *process // nil while the node is stopped
}

// process is one run of a node's server.
type process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed once the process has exited
	err  error         // the exit status; read it only after done is closed
}

func (p *process) running() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// Start starts a cluster of n Weaviate nodes (1 for a single server, 3 for a
// replicated cluster) on free loopback ports, each with its own data
// directory from t.TempDir() and its own log file. It returns once every node
// answers /v1/.well-known/ready and every node's /v1/nodes lists all n nodes
// as HEALTHY. The nodes are stopped when the test ends. Start skips the test
// when no binary is configured; see Require.
func Start(t testing.TB, n int) *Cluster {
	t.Helper()
	return start(t, n, "", nil)
}

// StartWithBlockMax is Start with Weaviate's default keyword postings, the
// BlockMax format, which the other clusters turn off (see Cluster.env):
// for measuring what it does.
func StartWithBlockMax(t testing.TB, n int) *Cluster {
	t.Helper()
	return start(t, n, "", []string{"USE_INVERTED_SEARCHABLE=true"})
}

// StartWithEnv is Start with extra settings in every node's environment,
// where they win over Start's own: for measuring what a server setting
// does, such as ASYNC_INDEXING=true.
func StartWithEnv(t testing.TB, n int, env ...string) *Cluster {
	t.Helper()
	return start(t, n, "", env)
}

// StartWithAPIKey is Start with anonymous access off: every request needs
// the bearer token apiKey (Weaviate's API-key authentication).
func StartWithAPIKey(t testing.TB, n int, apiKey string) *Cluster {
	t.Helper()
	return start(t, n, apiKey, nil)
}

func start(t testing.TB, n int, apiKey string, extraEnv []string) *Cluster {
	t.Helper()
	bin := Require(t)
	if n < 1 {
		t.Fatalf("weaviatetest: Start needs at least one node, got %d", n)
	}

	reserver := newPortReserver()
	c := &Cluster{bin: bin, apiKey: apiKey, extraEnv: extraEnv}
	for i := range n {
		ports, err := reserver.node()
		if err != nil {
			reserver.release()
			t.Fatalf("weaviatetest: %v", err)
		}
		c.nodes = append(c.nodes, &Node{
			name:    fmt.Sprintf("node%d", i),
			ports:   ports,
			dataDir: t.TempDir(),
			logPath: filepath.Join(t.TempDir(), fmt.Sprintf("node%d.log", i)),
		})
	}
	reserver.release()
	// Registered after every t.TempDir above, so the nodes are stopped
	// before their directories are removed.
	t.Cleanup(func() {
		c.stopAll()
		// A test that failed on its own, not in Start or Restart, still
		// gets to see what the servers said; the logs go with TempDir.
		if t.Failed() {
			for _, node := range c.nodes {
				t.Logf("weaviatetest: end of %s log:\n%s", node.name, tail(node.logPath, logTailBytes/len(c.nodes)))
			}
		}
	})

	ctx, cancel := context.WithTimeout(context.Background(), readyDeadline)
	defer cancel()
	began := time.Now()

	if err := c.launch(c.nodes[0], nil); err != nil {
		t.Fatalf("weaviatetest: %v", err)
	}
	if n > 1 {
		// The other nodes join node0's gossip, which must be listening
		// before they try: a join that reaches nobody ends the server.
		if err := waitGossip(ctx, c.nodes[0]); err != nil {
			c.fail(t, err, c.nodes[0])
		}
		for _, node := range c.nodes[1:] {
			if err := c.launch(node, []string{c.nodes[0].gossipHost()}); err != nil {
				t.Fatalf("weaviatetest: %v", err)
			}
		}
	}
	for _, node := range c.nodes {
		if err := waitReady(ctx, node); err != nil {
			c.fail(t, err, node)
		}
		t.Logf("weaviatetest: %s ready on %s after %s", node.name, node.Host(), time.Since(began).Round(time.Millisecond))
	}
	if err := c.waitHealthy(ctx); err != nil {
		c.fail(t, err, c.nodes...)
	}
	if n > 1 {
		t.Logf("weaviatetest: %d nodes healthy after %s", n, time.Since(began).Round(time.Millisecond))
	}
	return c
}

// Node returns the i-th node, counting from 0.
func (c *Cluster) Node(i int) *Node { return c.nodes[i] }

// Hosts returns every node's HTTP address, "127.0.0.1:port", in node order.
func (c *Cluster) Hosts() []string {
	hosts := make([]string, len(c.nodes))
	for i, node := range c.nodes {
		hosts[i] = node.Host()
	}
	return hosts
}

// Kill stops node i with SIGKILL, as a crash would, and waits for the
// process to exit. Killing a stopped node does nothing.
//
// If node i led the raft cluster, the others elect a new leader only after
// Weaviate's raft timeouts (5s to 10s by default, sometimes more), and a
// schema change sent to a survivor before then can hang past the election:
// Weaviate forwards it to the dead leader's address and waits for that
// connection (gRPC waitForReady, weaviate v1.35.2 cluster/rpc/client.go).
// Call WaitLeader before writing after a Kill.
func (c *Cluster) Kill(i int) {
	node := c.nodes[i]
	if node.proc == nil {
		return
	}
	// An error here means the process has already exited; done says so.
	_ = node.proc.cmd.Process.Kill()
	<-node.proc.done
	node.proc = nil
}

// WaitLeader waits until every running node follows the same leader, and
// that leader is running, then returns the leader's index.
func (c *Cluster) WaitLeader(t testing.TB) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), readyDeadline)
	defer cancel()
	running, _ := c.running()
	var leader string
	err := poll(ctx, running, "raft leader", func(ctx context.Context) error {
		var err error
		leader, err = c.agreedLeader(ctx, running)
		return err
	})
	if err != nil {
		c.fail(t, err, c.nodes...)
	}
	for i, node := range c.nodes {
		if node.name == leader {
			return i
		}
	}
	t.Fatalf("weaviatetest: leader %q is not a node of this cluster", leader)
	return -1
}

// WaitReady waits until node i answers ready (/v1/.well-known/ready). A
// node that is up may answer 503 for a while after a peer dies: Weaviate
// v1.35.2 answers ready only while its raft service is ready and
// memberlist's health score is 0 (adapters/handlers/rest/middlewares.go),
// and either may lapse while the cluster notices the death, for longer on a
// loaded machine. Call it before opening a new client on a survivor after a
// Kill.
func (c *Cluster) WaitReady(t testing.TB, i int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), readyDeadline)
	defer cancel()
	began := time.Now()
	if err := waitReady(ctx, c.nodes[i]); err != nil {
		c.fail(t, err, c.nodes[i])
	}
	if waited := time.Since(began); waited > time.Second {
		t.Logf("weaviatetest: %s answered ready after %s", c.nodes[i].name, waited.Round(time.Millisecond))
	}
}

// Restart starts node i again on the same ports and data directory, first
// stopping it gracefully if it is running, and waits until it is ready and
// every running node's /v1/nodes lists exactly the running nodes, all
// HEALTHY.
func (c *Cluster) Restart(t testing.TB, i int) {
	t.Helper()
	node := c.nodes[i]
	c.stop(node)

	var join []string
	for _, other := range c.nodes {
		if other != node && other.proc != nil && other.proc.running() {
			join = append(join, other.gossipHost())
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), readyDeadline)
	defer cancel()
	began := time.Now()
	if err := c.launch(node, join); err != nil {
		t.Fatalf("weaviatetest: %v", err)
	}
	if err := waitReady(ctx, node); err != nil {
		c.fail(t, err, node)
	}
	t.Logf("weaviatetest: %s ready again after %s", node.name, time.Since(began).Round(time.Millisecond))
	if err := c.waitHealthy(ctx); err != nil {
		c.fail(t, err, c.nodes...)
	}
}

// Name is the node's name in the cluster (CLUSTER_HOSTNAME): node0, node1, …
func (n *Node) Name() string { return n.name }

// Host is the node's REST address, "127.0.0.1:port".
func (n *Node) Host() string { return hostPort(n.ports.http) }

// GRPCHost is the node's gRPC address, "127.0.0.1:port".
func (n *Node) GRPCHost() string { return hostPort(n.ports.grpc) }

// LogPath is the file that receives the node's stdout and stderr, across
// restarts. It is removed with the test's temporary directories.
func (n *Node) LogPath() string { return n.logPath }

func (n *Node) gossipHost() string { return hostPort(n.ports.gossip) }

func hostPort(port int) string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(port)) }

// raftJoin is RAFT_JOIN for every node: each voter's name and raft port. On
// one machine the ports differ from node to node, so they must be spelled
// out; Weaviate reaches a peer's raft RPC server on its raft port + 1.
func (c *Cluster) raftJoin() string {
	entries := make([]string, len(c.nodes))
	for i, node := range c.nodes {
		entries[i] = node.name + ":" + strconv.Itoa(node.ports.raft)
	}
	return strings.Join(entries, ",")
}

// env is the whole environment of a node: nothing is inherited from the test
// process but PATH, HOME and TMPDIR, so a stray PORT, ENABLE_MODULES or API
// key in the developer's shell cannot change what the tests run.
func (c *Cluster) env(node *Node, join []string) []string {
	env := []string{
		"PERSISTENCE_DATA_PATH=" + node.dataDir,
		"DEFAULT_VECTORIZER_MODULE=none",
		"DISABLE_TELEMETRY=true",
		// Profiling would listen on :6060 on every interface, and the
		// nodes would fight over it.
		"GO_PROFILING_DISABLE=true",
		"CLUSTER_HOSTNAME=" + node.name,
		// Memberlist's local-network timings, and per-node raft ports.
		"CLUSTER_IN_LOCALHOST=true",
		"CLUSTER_BIND_ADDR=127.0.0.1",
		// Without it Weaviate picks an address of its own and may try IPv6.
		"CLUSTER_ADVERTISE_ADDR=127.0.0.1",
		"CLUSTER_GOSSIP_BIND_PORT=" + strconv.Itoa(node.ports.gossip),
		"CLUSTER_DATA_BIND_PORT=" + strconv.Itoa(node.ports.data),
		"GRPC_PORT=" + strconv.Itoa(node.ports.grpc),
		"RAFT_PORT=" + strconv.Itoa(node.ports.raft),
		"RAFT_INTERNAL_RPC_PORT=" + strconv.Itoa(node.ports.raftRPC),
		"RAFT_JOIN=" + c.raftJoin(),
		"RAFT_BOOTSTRAP_EXPECT=" + strconv.Itoa(len(c.nodes)),
		// Keyword postings in the classic format, as docs/SCALING.md asks
		// of every server: 1.35's BlockMax WAND drops matches that are
		// still in memory or in a newly flushed segment.
		"USE_INVERTED_SEARCHABLE=false",
	}
	if c.apiKey == "" {
		env = append(env, "AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED=true")
	} else {
		env = append(env, "AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED=false", "AUTHENTICATION_APIKEY_ENABLED=true",
			"AUTHENTICATION_APIKEY_ALLOWED_KEYS="+c.apiKey, "AUTHENTICATION_APIKEY_USERS=coveragebot")
	}
	if len(join) > 0 {
		env = append(env, "CLUSTER_JOIN="+strings.Join(join, ","))
	}
	env = append(env, c.extraEnv...)
	for _, key := range []string{"PATH", "HOME", "TMPDIR"} {
		if v, ok := os.LookupEnv(key); ok {
			env = append(env, key+"="+v)
		}
	}
	return env
}

// launch starts node's server, gossiping first with the nodes at join.
func (c *Cluster) launch(node *Node, join []string) error {
	log, err := os.OpenFile(node.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("open %s log: %w", node.name, err)
	}
	defer log.Close()
	fmt.Fprintf(log, "--- weaviatetest: starting %s (%s, join %v) at %s\n",
		node.name, node.Host(), join, time.Now().Format(time.RFC3339Nano))

	cmd := exec.Command(c.bin, "--host", "127.0.0.1", "--port", strconv.Itoa(node.ports.http), "--scheme", "http")
	cmd.Env = c.env(node, join)
	// Anything the server writes relative to its working directory lands
	// beside its data instead of in the package under test.
	cmd.Dir = node.dataDir
	cmd.Stdout = log
	cmd.Stderr = log
	cmd.SysProcAttr = childAttr()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", node.name, err)
	}
	p := &process{cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	node.proc = p
	return nil
}

// stop ends node's server with SIGTERM, then SIGKILL after stopGrace.
func (c *Cluster) stop(node *Node) {
	p := node.proc
	if p == nil {
		return
	}
	node.proc = nil
	// An error means the process has already exited, which done reports.
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(stopGrace):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

func (c *Cluster) stopAll() {
	var wg sync.WaitGroup
	for _, node := range c.nodes {
		wg.Go(func() { c.stop(node) })
	}
	wg.Wait()
}

// exited reports why node's server is not running, or nil if it is.
func exited(node *Node) error {
	if node.proc == nil {
		return fmt.Errorf("%s is stopped", node.name)
	}
	if node.proc.running() {
		return nil
	}
	return fmt.Errorf("%s exited: %v", node.name, node.proc.err)
}

// poll calls probe every pollInterval until it returns nil, the node it
// watches exits, or ctx ends; the error then carries probe's last complaint.
func poll(ctx context.Context, watched []*Node, what string, probe func(context.Context) error) error {
	for {
		probeCtx, cancel := context.WithTimeout(ctx, probeTimeout)
		err := probe(probeCtx)
		cancel()
		if err == nil {
			return nil
		}
		for _, node := range watched {
			if gone := exited(node); gone != nil {
				return fmt.Errorf("%s: %w", what, gone)
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: gave up after %s: %w", what, readyDeadline, err)
		case <-time.After(pollInterval):
		}
	}
}

func waitGossip(ctx context.Context, node *Node) error {
	return poll(ctx, []*Node{node}, node.name+" gossip port", func(ctx context.Context) error {
		var d net.Dialer
		conn, err := d.DialContext(ctx, "tcp", node.gossipHost())
		if err != nil {
			return err
		}
		return conn.Close()
	})
}

func waitReady(ctx context.Context, node *Node) error {
	return poll(ctx, []*Node{node}, node.name+" readiness", func(ctx context.Context) error {
		status, _, err := get(ctx, node.Host(), "/v1/.well-known/ready", "")
		if err != nil {
			return err
		}
		if status != http.StatusOK {
			return fmt.Errorf("GET /v1/.well-known/ready: status %d", status)
		}
		return nil
	})
}

// running returns the nodes whose servers are running, and their names.
func (c *Cluster) running() ([]*Node, []string) {
	var nodes []*Node
	var names []string
	for _, node := range c.nodes {
		if node.proc != nil && node.proc.running() {
			nodes = append(nodes, node)
			names = append(names, node.name)
		}
	}
	return nodes, names
}

// waitHealthy waits until every running node's /v1/nodes lists exactly the
// running nodes, each HEALTHY, and all of them follow one running leader.
// While a node killed a moment ago is still a member, its peers answer
// /v1/nodes with an error (they cannot reach it) until their failure
// detector drops it; poll treats that as "not yet".
func (c *Cluster) waitHealthy(ctx context.Context) error {
	running, want := c.running()
	return poll(ctx, running, "cluster health", func(ctx context.Context) error {
		for _, node := range running {
			statuses, err := nodeStatuses(ctx, node.Host(), c.apiKey)
			if err != nil {
				return err
			}
			if !healthy(statuses, want) {
				return fmt.Errorf("%s's /v1/nodes reports %v, want %v all HEALTHY", node.name, statuses, want)
			}
		}
		_, err := c.agreedLeader(ctx, running)
		return err
	})
}

// agreedLeader asks the first running node for /v1/cluster/statistics, which
// gathers every member's own raft view, and returns the leader they all
// name, or an error if they disagree, name a node that is not running, or
// the members are not exactly the running nodes.
func (c *Cluster) agreedLeader(ctx context.Context, running []*Node) (string, error) {
	if len(running) == 0 {
		return "", fmt.Errorf("no node is running")
	}
	host := running[0].Host()
	status, body, err := get(ctx, host, "/v1/cluster/statistics", c.apiKey)
	if err != nil {
		return "", err
	}
	if status != http.StatusOK {
		return "", fmt.Errorf("GET %s/v1/cluster/statistics: status %d: %s", host, status, bytes.TrimSpace(body))
	}
	var reply struct {
		Statistics []struct {
			Name     string `json:"name"`
			LeaderID string `json:"leaderId"`
		} `json:"statistics"`
	}
	if err := json.Unmarshal(body, &reply); err != nil {
		return "", fmt.Errorf("GET %s/v1/cluster/statistics: %w", host, err)
	}
	views := make(map[string]string, len(reply.Statistics))
	for _, s := range reply.Statistics {
		views[s.Name] = s.LeaderID
	}
	if len(views) != len(running) {
		return "", fmt.Errorf("raft leaders by node: %v, want one entry for each running node", views)
	}
	leader := views[running[0].name]
	leaderRunning := false
	for _, node := range running {
		if views[node.name] != leader {
			return "", fmt.Errorf("raft leaders by node: %v, want one leader", views)
		}
		leaderRunning = leaderRunning || node.name == leader
	}
	if !leaderRunning {
		return "", fmt.Errorf("raft leaders by node: %v, want a running leader", views)
	}
	return leader, nil
}

func healthy(statuses map[string]string, want []string) bool {
	if len(statuses) != len(want) {
		return false
	}
	for _, name := range want {
		if statuses[name] != "HEALTHY" {
			return false
		}
	}
	return true
}

// NodeStatuses asks the node at host for GET /v1/nodes and returns each listed
// node's status (HEALTHY, UNHEALTHY, UNAVAILABLE, TIMEOUT) by node name.
func NodeStatuses(ctx context.Context, host string) (map[string]string, error) {
	return nodeStatuses(ctx, host, "")
}

func nodeStatuses(ctx context.Context, host, apiKey string) (map[string]string, error) {
	status, body, err := get(ctx, host, "/v1/nodes", apiKey)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("GET %s/v1/nodes: status %d: %s", host, status, bytes.TrimSpace(body))
	}
	var reply struct {
		Nodes []struct {
			Name   string `json:"name"`
			Status string `json:"status"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal(body, &reply); err != nil {
		return nil, fmt.Errorf("GET %s/v1/nodes: %w", host, err)
	}
	statuses := make(map[string]string, len(reply.Nodes))
	for _, n := range reply.Nodes {
		statuses[n.Name] = n.Status
	}
	return statuses, nil
}

func get(ctx context.Context, host, path, apiKey string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+host+path, nil)
	if err != nil {
		return 0, nil, err
	}
	if apiKey != "" {
		req.Header.Set("Authorization", "Bearer "+apiKey)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, body, err
}

// fail ends the test with err and the end of each named node's log.
func (c *Cluster) fail(t testing.TB, err error, nodes ...*Node) {
	t.Helper()
	var msg strings.Builder
	fmt.Fprintf(&msg, "weaviatetest: %v", err)
	budget := logTailBytes / len(nodes)
	for _, node := range nodes {
		fmt.Fprintf(&msg, "\n--- end of %s log (%s):\n%s", node.name, node.logPath, tail(node.logPath, budget))
	}
	t.Fatal(msg.String())
}

// tail returns about the last n bytes of the file at path, from a line start.
func tail(path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Sprintf("(unreadable: %v)", err)
	}
	if len(data) > n {
		data = data[len(data)-n:]
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:]
		}
	}
	return string(data)
}
