package weaviatetest

import (
	"fmt"
	"io"
	"net"
	"strconv"
)

// nodePorts are the six ports one node listens on. Two pairs must be
// consecutive: Weaviate falls back to "gossip port + 1" for a peer's data port
// when the peer's metadata is unreadable, and on a one-machine cluster
// (CLUSTER_IN_LOCALHOST) it finds a peer's raft RPC port as "raft port + 1"
// (cluster/resolver/rpc.go in weaviate v1.35.2).
type nodePorts struct {
	http, grpc    int
	gossip, data  int // data == gossip+1; gossip is used over TCP and UDP
	raft, raftRPC int // raftRPC == raft+1
}

// portReserver hands out free loopback ports and keeps each one bound until
// release, so that no two ports it hands out are the same. The ports are free
// again (for the servers to take) once release is called.
type portReserver struct {
	held  []io.Closer
	taken map[int]bool
}

func newPortReserver() *portReserver {
	return &portReserver{taken: make(map[int]bool)}
}

func (r *portReserver) release() {
	for _, c := range r.held {
		c.Close()
	}
	r.held = nil
}

func (r *portReserver) node() (nodePorts, error) {
	var p nodePorts
	var err error
	if p.http, err = r.single(); err != nil {
		return p, err
	}
	if p.grpc, err = r.single(); err != nil {
		return p, err
	}
	if p.gossip, err = r.pair(true); err != nil {
		return p, err
	}
	p.data = p.gossip + 1
	if p.raft, err = r.pair(false); err != nil {
		return p, err
	}
	p.raftRPC = p.raft + 1
	return p, nil
}

func (r *portReserver) single() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("reserve port: %w", err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	r.held = append(r.held, l)
	r.taken[port] = true
	return port, nil
}

// pair returns a port p such that p and p+1 are both free over TCP, and p is
// also free over UDP when udp is set.
func (r *portReserver) pair(udp bool) (int, error) {
	const attempts = 200
	for range attempts {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return 0, fmt.Errorf("reserve port: %w", err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		held := []io.Closer{l}
		ok := port < 65535 && !r.taken[port] && !r.taken[port+1]
		if ok {
			ok = r.tryHold(&held, "tcp", port+1)
		}
		if ok && udp {
			ok = r.tryHold(&held, "udp", port)
		}
		if !ok {
			for _, c := range held {
				c.Close()
			}
			continue
		}
		r.held = append(r.held, held...)
		r.taken[port] = true
		r.taken[port+1] = true
		return port, nil
	}
	return 0, fmt.Errorf("reserve port: found no two consecutive free ports in %d attempts", attempts)
}

func (r *portReserver) tryHold(held *[]io.Closer, network string, port int) bool {
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	var c io.Closer
	var err error
	if network == "udp" {
		c, err = net.ListenPacket("udp", addr)
	} else {
		c, err = net.Listen("tcp", addr)
	}
	if err != nil {
		return false
	}
	*held = append(*held, c)
	return true
}
