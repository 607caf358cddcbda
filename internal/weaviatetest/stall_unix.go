//go:build unix

package weaviatetest

import (
	"syscall"
	"testing"
	"time"
)

// Stall stops node i's process for d (SIGSTOP, then SIGCONT), as a machine
// too busy to schedule it would: its peers' probes go unanswered and its
// own time out. Weaviate v1.35.2 then answers 503 to the readiness check
// for a moment after it runs again (memberlist's health score has risen),
// and a client opened on it in that moment fails; WaitReady waits it out.
func (c *Cluster) Stall(t testing.TB, i int, d time.Duration) {
	t.Helper()
	node := c.nodes[i]
	if node.proc == nil {
		t.Fatalf("weaviatetest: %s is not running", node.name)
	}
	pid := node.proc.cmd.Process.Pid
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatalf("weaviatetest: stop %s: %v", node.name, err)
	}
	time.Sleep(d)
	if err := syscall.Kill(pid, syscall.SIGCONT); err != nil {
		t.Fatalf("weaviatetest: continue %s: %v", node.name, err)
	}
}
