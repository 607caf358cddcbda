package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"testing"
)

// TestBlockedKindSpecialForms covers the address forms the first guard
// missed: zones, and the IPv6 ranges that embed or tunnel to an IPv4
// address, or are special in the IANA registry.
func TestBlockedKindSpecialForms(t *testing.T) {
	tests := []struct{ ip, want string }{
		{"::%lo", "zoned IPv6"},
		{"::%1", "zoned IPv6"},
		{"::%eth0", "zoned IPv6"},
		{"0:0:0:0:0:0:0:0%lo", "zoned IPv6"},
		{"::1%lo", "zoned IPv6"},
		{"fe80::1%eth0", "zoned IPv6"},
		{"64:ff9b::7f00:1%lo", "zoned IPv6"},
		{"2002:7f00:1::%lo", "zoned IPv6"},
		{"::127.0.0.1%lo", "zoned IPv6"},
		{"fec0::1%eth0", "zoned IPv6"},
		{"2606:4700:4700::1111%eth0", "zoned IPv6"}, // public, but zoned
		{"::ffff:10.0.0.1", "private"},
		{"::ffff:0.0.0.0", "unspecified"},
		{"::a00:1", "IPv4-compatible"},
		{"64:ff9b::7f00:1", "loopback (through NAT64)"},
		{"64:ff9b::a9fe:a9fe", "link-local (through NAT64)"},
		{"64:ff9b:1::a00:1", "local-use NAT64"},
		{"2002:a00:1::", "private (through 6to4)"},
		{"2002:a9fe:a9fe::1", "link-local (through 6to4)"},
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"},
		{"2001:2::1", "IETF protocol"},
		{"2001:db8::1", "documentation"},
		{"3fff::1", "documentation"},
		{"2620:4f:8000::1", "AS112"},
		{"fec0::1", "site-local"},
		{"4000::1", "reserved IPv6"},
		{"::2", "IPv4-compatible"},
		{"192.88.99.1", "6to4 relay"},
		{"192.175.48.1", "AS112"},
	}
	for _, tc := range tests {
		if got := blockedKind(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("blockedKind(%s) = %q, want %q", tc.ip, got, tc.want)
		}
	}
}

// zonedURLHosts are the spellings of loopback and private addresses with a
// zone that the first guard let through.
var zonedURLHosts = []string{
	"[::%25lo]", "[::%251]", "[::%25eth0]", "[0:0:0:0:0:0:0:0%25lo]", "[::1%25lo]",
	"[64:ff9b::7f00:1%25lo]", "[2002:7f00:1::%25lo]", "[::127.0.0.1%25lo]",
	"[::ffff:127.0.0.1%25lo]", "[fec0::1%25eth0]", "[fe80::1%25lo]",
}

// TestFetchRefusesZonedURLs: a zoned host is refused at the URL check,
// whether named directly or reached by a redirect, and even by a fetcher
// allowed private addresses; the loopback site behind it is never asked.
func TestFetchRefusesZonedURLs(t *testing.T) {
	s := newTestSite(t)
	s.page("/news/ferry-strike", "ferry-strike.html", "text/html")
	port := s.srv.Listener.Addr().(*net.TCPAddr).Port
	for _, host := range zonedURLHosts {
		target := fmt.Sprintf("http://%s:%d/news/ferry-strike", host, port)
		s.mux.HandleFunc("/to/"+host, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, target, http.StatusFound)
		})
	}
	n := newFakeNet(s)
	fetchers := map[string]*Fetcher{
		"guarded":       guardedFetcher(n),
		"allow private": NewFetcher(FetchOptions{AllowPrivate: true, Lookup: n.lookup, Dial: n.dial}),
	}
	for name, f := range fetchers {
		for _, host := range zonedURLHosts {
			for _, u := range []string{
				fmt.Sprintf("http://%s:%d/news/ferry-strike", host, port),
				"http://public.example/to/" + host,
			} {
				t.Run(name+" "+u, func(t *testing.T) {
					_, err := f.FetchArticle(context.Background(), u)
					if !errors.Is(err, ErrBlockedAddress) {
						t.Fatalf("error %v, want ErrBlockedAddress", err)
					}
					if !strings.Contains(err.Error(), "zoned IPv6") {
						t.Errorf("message %q does not say the address is zoned", err)
					}
				})
			}
		}
	}
	if got := s.count("/news/ferry-strike"); got != 0 {
		t.Errorf("the loopback page was served %d times", got)
	}
}

// TestDialRefusesZonedAddresses checks the dial-time guards on their own:
// the guarded dialer refuses a name that resolves to a zoned address (with
// or without the private-address policy), and the net.Dialer's Control
// hook refuses zoned and special-purpose addresses that reach it.
func TestDialRefusesZonedAddresses(t *testing.T) {
	s := newTestSite(t)
	port := s.srv.Listener.Addr().(*net.TCPAddr).Port
	for _, allow := range []bool{false, true} {
		g := &guardedDialer{allowPrivate: allow, lookup: func(context.Context, string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("::%lo")}, nil
		}, dial: newNetDialer(allow)}
		for _, addr := range []string{
			net.JoinHostPort("::%lo", fmt.Sprint(port)),
			net.JoinHostPort("::1%1", fmt.Sprint(port)),
			net.JoinHostPort("rebind.example", fmt.Sprint(port)),
		} {
			conn, err := g.DialContext(context.Background(), "tcp", addr)
			if err == nil {
				conn.Close()
			}
			if !errors.Is(err, ErrBlockedAddress) {
				t.Errorf("allowPrivate=%v: dial %s: error %v, want ErrBlockedAddress", allow, addr, err)
			}
		}
	}
	dial := newNetDialer(false)
	for _, addr := range []string{
		net.JoinHostPort("::%lo", fmt.Sprint(port)),
		net.JoinHostPort("::1%1", fmt.Sprint(port)),
		net.JoinHostPort("::ffff:127.0.0.1", fmt.Sprint(port)),
		// Documentation space: let through by blockedKind for the tests'
		// sake, refused at connect by the ssrf Guardian.
		"192.0.2.1:80", "203.0.113.7:443", "[64:ff9b::808:808]:80",
	} {
		conn, err := dial(context.Background(), "tcp", addr)
		if err == nil {
			conn.Close()
		}
		if !errors.Is(err, ErrBlockedAddress) {
			t.Errorf("Control: dial %s: error %v, want ErrBlockedAddress", addr, err)
		}
		if err != nil && strings.Contains(err.Error(), "permitted") {
			t.Errorf("Control: dial %s: message %q is the Guardian's, which names the address", addr, err)
		}
	}
	if got := s.count("/"); got != 0 {
		t.Errorf("the loopback site was reached %d times", got)
	}
}
