package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"testing"
)

func TestBlockedKind(t *testing.T) {
	tests := []struct{ ip, want string }{
		{"127.0.0.1", "loopback"},
		{"127.255.0.9", "loopback"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"10.1.2.3", "private"},
		{"172.20.0.1", "private"},
		{"192.168.1.10", "private"},
		{"169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"fd00:ec2::254", "unique-local"},
		{"100.64.0.1", "carrier-grade NAT"},
		{"100.127.255.254", "carrier-grade NAT"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"224.0.0.251", "multicast"},
		{"ff02::1", "multicast"},
		{"255.255.255.255", "reserved"},
		{"198.18.0.1", "benchmarking"},
		{"::127.0.0.1", "IPv4-compatible"},
		{"64:ff9b::a00:1", "private (through NAT64)"},
		{"2002:7f00:1::", "loopback (through 6to4)"},
		// Public addresses.
		{"93.184.215.14", ""},
		{"100.128.0.1", ""},
		{"8.8.8.8", ""},
		{"2606:4700:4700::1111", ""},
		{"64:ff9b::808:808", ""},
		{"2002:808:808::", ""},
	}
	for _, tc := range tests {
		if got := blockedKind(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("blockedKind(%s) = %q, want %q", tc.ip, got, tc.want)
		}
	}
}

// fakeNet is a resolver and dialer for SSRF tests: names resolve to the
// addresses in the table, and "public" addresses in route are reached by
// dialing the loopback test server, so a public-looking site can be
// served without switching the address policy off.
type fakeNet struct {
	mu      sync.Mutex
	hosts   map[string][]string // name → addresses, in the order of lookups when several
	lookups map[string]int
	route   map[string]string // "ip:port" → loopback address to dial
	dialed  []string
}

func (n *fakeNet) lookup(_ context.Context, host string) ([]netip.Addr, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	answers, ok := n.hosts[host]
	if !ok {
		return nil, fmt.Errorf("lookup %s: no such host", host)
	}
	// A name listed with "|" answers differently on each lookup, as a
	// rebinding DNS server does.
	i := n.lookups[host]
	n.lookups[host]++
	pick := answers[min(i, len(answers)-1)]
	var out []netip.Addr
	for _, s := range strings.Split(pick, ",") {
		out = append(out, netip.MustParseAddr(s))
	}
	return out, nil
}

func (n *fakeNet) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	n.mu.Lock()
	n.dialed = append(n.dialed, addr)
	to, ok := n.route[addr]
	n.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("dial %s: unreachable in this test", addr)
	}
	var d net.Dialer
	return d.DialContext(ctx, network, to)
}

func newFakeNet(s *testSite) *fakeNet {
	return &fakeNet{
		hosts: map[string][]string{
			"localhost":        {"127.0.0.1,::1"},
			"public.example":   {"203.0.113.7"},
			"intranet.example": {"10.0.0.5"},
			"metadata.example": {"169.254.169.254"},
			"mixed.example":    {"203.0.113.7,192.168.1.1"},
			"rebind.example":   {"203.0.113.7", "127.0.0.1"},
		},
		lookups: map[string]int{},
		route:   map[string]string{"203.0.113.7:80": s.srv.Listener.Addr().String()},
	}
}

// guardedFetcher keeps the default policy (no private addresses) and uses
// the fake network.
func guardedFetcher(n *fakeNet) *Fetcher {
	return NewFetcher(FetchOptions{Lookup: n.lookup, Dial: n.dial})
}

func TestFetchRefusesPrivateAddresses(t *testing.T) {
	s := newTestSite(t)
	s.page("/news/ferry-strike", "ferry-strike.html", "text/html")
	s.mux.HandleFunc("/to-loopback", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.URL("/news/ferry-strike"), http.StatusFound)
	})
	s.mux.HandleFunc("/to-intranet", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://intranet.example/admin", http.StatusFound)
	})
	s.mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusMovedPermanently)
	})
	n := newFakeNet(s)
	f := guardedFetcher(n)

	// The public-looking site works through the same fetcher.
	if _, err := f.FetchArticle(context.Background(), "http://public.example/news/ferry-strike"); err != nil {
		t.Fatalf("public site: %v", err)
	}
	tests := []struct{ url, says string }{
		{s.URL("/news/ferry-strike"), "127.0.0.1 is a loopback address"},
		{fmt.Sprintf("http://localhost:%d/news/ferry-strike", s.srv.Listener.Addr().(*net.TCPAddr).Port), "loopback"},
		{"http://[::1]:9/", "loopback"},
		{"http://intranet.example/admin", "intranet.example is or resolves to a private address"},
		{"http://metadata.example/latest/meta-data/", "link-local"},
		{"http://mixed.example/", "private"},
		{"http://public.example/to-loopback", "loopback"},
		{"http://public.example/to-intranet", "private"},
		{"http://public.example/to-metadata", "link-local"},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			_, err := f.FetchArticle(context.Background(), tc.url)
			if !errors.Is(err, ErrBlockedAddress) {
				t.Fatalf("error %v, want ErrBlockedAddress", err)
			}
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("message %q does not say %q", err, tc.says)
			}
			if strings.Contains(err.Error(), "10.0.0.5") || strings.Contains(err.Error(), "192.168.1.1") {
				t.Errorf("message %q shows an internal address", err)
			}
		})
	}
	// The system resolver's answer for localhost is checked the same way.
	port := s.srv.Listener.Addr().(*net.TCPAddr).Port
	if _, err := NewFetcher(FetchOptions{}).FetchArticle(context.Background(), fmt.Sprintf("http://localhost:%d/", port)); !errors.Is(err, ErrBlockedAddress) {
		t.Errorf("localhost through the system resolver: error %v, want ErrBlockedAddress", err)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, addr := range n.dialed {
		if addr != "203.0.113.7:80" {
			t.Errorf("dialed %s; only the public address may be dialed", addr)
		}
	}
	if got := s.count("/news/ferry-strike"); got != 1 {
		t.Errorf("the page was served %d times; only the public fetch may reach it", got)
	}
}

// TestFetchChecksEveryConnection: a name that resolves to a public address
// for robots.txt and to loopback a moment later (DNS rebinding) is refused
// on the second connection, because the check is made as each connection
// is dialed, on the address dialed.
func TestFetchChecksEveryConnection(t *testing.T) {
	s := newTestSite(t)
	s.srv.Config.SetKeepAlivesEnabled(false) // every request dials
	s.page("/news/ferry-strike", "ferry-strike.html", "text/html")
	n := newFakeNet(s)
	n.route["127.0.0.1:80"] = s.srv.Listener.Addr().String()
	_, err := guardedFetcher(n).FetchArticle(context.Background(), "http://rebind.example/news/ferry-strike")
	if !errors.Is(err, ErrBlockedAddress) {
		t.Fatalf("error %v, want ErrBlockedAddress", err)
	}
	if n.lookups["rebind.example"] < 2 {
		t.Fatalf("looked up %d times; the test needs a second connection", n.lookups["rebind.example"])
	}
	if got := s.count("/news/ferry-strike"); got != 0 {
		t.Errorf("the page was served %d times after the name rebound to loopback", got)
	}
}

// TestDialerControlRefusesPrivate checks the last line of defence on its
// own: the net.Dialer's Control hook refuses a private address even when
// nothing checked it before.
func TestDialerControlRefusesPrivate(t *testing.T) {
	s := newTestSite(t)
	_, err := newNetDialer(false)(context.Background(), "tcp", s.srv.Listener.Addr().String())
	if !errors.Is(err, ErrBlockedAddress) {
		t.Fatalf("error %v, want ErrBlockedAddress", err)
	}
	conn, err := newNetDialer(true)(context.Background(), "tcp", s.srv.Listener.Addr().String())
	if err != nil {
		t.Fatalf("with private addresses allowed: %v", err)
	}
	conn.Close()
}
