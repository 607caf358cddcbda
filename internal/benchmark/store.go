package benchmark

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/internal/synthetic"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/search"
)

// StoreBench is what one external store measured: ingestion through it,
// an index opening over it as a bot process does, and retrieval, on the
// articles and questions the in-process index was measured on.
type StoreBench struct {
	Ingest IngestBench
	// Open is the time Index Open takes to read the store's catalog.
	Open time.Duration
	// HeapBytes is the heap the index opened over the store holds: the
	// catalog, without vectors or postings.
	HeapBytes int64
	Hybrid    Latency
	// SourceFound is the share of questions whose source article is among
	// the hits.
	SourceFound float64
	// Hits are the passage ids Retrieve returned for each question, best
	// first.
	Hits [][]string
}

// MeasureStoreIngest times one ingestion of articles into store, end to
// end as MeasureIngest does for the in-process index: cleaning, chunking,
// embedding, and the writes to the store. The store should be empty.
func MeasureStoreIngest(ctx context.Context, articles []rag.Article, embedder rag.Embedder, store rag.Store, chunk prose.ChunkOptions) (IngestBench, error) {
	ix, err := search.Open(embedder, search.Options{Store: store, Chunk: chunk})
	if err != nil {
		return IngestBench{}, err
	}
	return timeIngest(ctx, ix, articles)
}

// MeasureStore opens an index over a store that MeasureStoreIngest
// filled, as a bot process starting up would, measuring the time and the
// heap it takes, then times Retrieve on each question, keeping the hits.
func MeasureStore(ctx context.Context, embedder rag.Embedder, store rag.Store, questions []synthetic.Question, opts rag.RetrieveOptions) (StoreBench, error) {
	var sb StoreBench
	before := liveHeap()
	start := time.Now()
	ix, err := search.Open(embedder, search.Options{Store: store})
	if err != nil {
		return sb, fmt.Errorf("bench open over %s: %w", store.Name(), err)
	}
	sb.Open = time.Since(start)
	sb.HeapBytes = liveHeap() - before
	if len(questions) == 0 {
		return sb, errors.New("bench retrieval: no questions")
	}
	// A few untimed rounds fill caches and pools, here and in the server.
	for _, q := range questions[:min(3, len(questions))] {
		if _, err := ix.Retrieve(ctx, q.Text, opts); err != nil {
			return sb, fmt.Errorf("bench retrieval from %s: %w", store.Name(), err)
		}
	}
	took := make([]time.Duration, len(questions))
	sb.Hits = make([][]string, len(questions))
	found := 0
	for i, q := range questions {
		start := time.Now()
		hits, err := ix.Retrieve(ctx, q.Text, opts)
		took[i] = time.Since(start)
		if err != nil {
			return sb, fmt.Errorf("bench retrieval from %s: %w", store.Name(), err)
		}
		sb.Hits[i] = hitIDs(hits)
		if slices.ContainsFunc(hits, func(h rag.Hit) bool { return h.ArticleID == q.ArticleID }) {
			found++
		}
	}
	sb.Hybrid = LatencyOf(took)
	sb.SourceFound = float64(found) / float64(len(questions))
	return sb, nil
}

// RetrieveAll returns the passage ids Retrieve gives for each question,
// best first, untimed: the in-process side of a comparison with a store.
func RetrieveAll(ctx context.Context, ix *search.Index, questions []synthetic.Question, opts rag.RetrieveOptions) ([][]string, error) {
	out := make([][]string, len(questions))
	for i, q := range questions {
		hits, err := ix.Retrieve(ctx, q.Text, opts)
		if err != nil {
			return nil, fmt.Errorf("bench retrieval: %w", err)
		}
		out[i] = hitIDs(hits)
	}
	return out, nil
}

func hitIDs(hits []rag.Hit) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids
}

// Agreement compares two backends' hits for the same questions: the share
// of questions whose hits are the same passages in the same order, and
// the share whose first hit is the same.
func Agreement(a, b [][]string) (same, sameFirst float64) {
	n := min(len(a), len(b))
	if n == 0 {
		return 0, 0
	}
	var s, f int
	for i := range n {
		if slices.Equal(a[i], b[i]) {
			s++
		}
		if len(a[i]) > 0 && len(b[i]) > 0 && a[i][0] == b[i][0] || len(a[i]) == 0 && len(b[i]) == 0 {
			f++
		}
	}
	return float64(s) / float64(n), float64(f) / float64(n)
}

// ServerRSS returns the resident memory of the process on this machine
// that listens on the TCP port of rawURL (a Weaviate server on loopback),
// read from /proc. It fails when no such process is visible: the server is
// on another machine, in a container, or owned by another user.
func ServerRSS(rawURL string) (int64, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return 0, fmt.Errorf("server memory: %w", err)
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	p, err := strconv.ParseUint(port, 10, 16)
	if err != nil {
		return 0, fmt.Errorf("server memory: port %q: %w", port, err)
	}
	inodes := listeningInodes(uint16(p))
	if len(inodes) == 0 {
		return 0, fmt.Errorf("server memory: nothing on this machine listens on port %d", p)
	}
	pid, err := socketOwner(inodes)
	if err != nil {
		return 0, err
	}
	return residentBytes(pid)
}

// listeningInodes reads /proc/net/tcp and tcp6 for sockets listening on
// port (state 0A) and returns their inodes.
func listeningInodes(port uint16) map[string]bool {
	inodes := map[string]bool{}
	want := fmt.Sprintf(":%04X", port)
	for _, file := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		f, err := os.Open(file)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) > 9 && strings.HasSuffix(fields[1], want) && fields[3] == "0A" {
				inodes[fields[9]] = true
			}
		}
		f.Close()
	}
	return inodes
}

// socketOwner finds the process holding one of the socket inodes.
func socketOwner(inodes map[string]bool) (string, error) {
	fds, _ := filepath.Glob("/proc/[0-9]*/fd/*")
	for _, fd := range fds {
		link, err := os.Readlink(fd)
		if err != nil || !strings.HasPrefix(link, "socket:[") {
			continue
		}
		if inodes[strings.TrimSuffix(strings.TrimPrefix(link, "socket:["), "]")] {
			return strings.Split(fd, "/")[2], nil
		}
	}
	return "", errors.New("server memory: the process listening on the port is not visible here")
}

func residentBytes(pid string) (int64, error) {
	status, err := os.ReadFile(filepath.Join("/proc", pid, "status"))
	if err != nil {
		return 0, fmt.Errorf("server memory: %w", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			return kb * 1024, err
		}
	}
	return 0, fmt.Errorf("server memory: no VmRSS in /proc/%s/status", pid)
}
