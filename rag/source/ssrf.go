package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"time"
)

// ErrBlockedAddress means a URL's host is, or resolves to, an address the
// fetcher refuses: loopback, private, link-local and the like. Discord users
// can hand the bot URLs, so without this they could make it read the
// network it runs in (cloud metadata, admin panels, the index's own
// listener).
var ErrBlockedAddress = errors.New("address not allowed")

// blockedRange is a range of addresses that never belongs to a public web
// site, and what to call it in a refusal.
type blockedRange struct {
	prefix netip.Prefix
	kind   string
}

// blockedRanges are refused unless private addresses are allowed. The
// netip predicates cover most of them; the table names them for messages
// and adds what the predicates miss (CGNAT, "this network", reserved and
// benchmarking space, and IPv6 forms that embed an IPv4 address).
var blockedRanges = func() []blockedRange {
	table := []struct{ cidr, kind string }{
		{"0.0.0.0/8", "unspecified"},
		{"10.0.0.0/8", "private"},
		{"100.64.0.0/10", "carrier-grade NAT"},
		{"127.0.0.0/8", "loopback"},
		{"169.254.0.0/16", "link-local"},
		{"172.16.0.0/12", "private"},
		{"192.0.0.0/24", "IETF protocol"},
		{"192.168.0.0/16", "private"},
		{"198.18.0.0/15", "benchmarking"},
		{"224.0.0.0/4", "multicast"},
		{"240.0.0.0/4", "reserved"},
		{"::/128", "unspecified"},
		{"::1/128", "loopback"},
		{"::/96", "IPv4-compatible"},
		{"100::/64", "discard"},
		{"fc00::/7", "unique-local"},
		{"fe80::/10", "link-local"},
		{"fec0::/10", "site-local"},
		{"ff00::/8", "multicast"},
	}
	out := make([]blockedRange, len(table))
	for i, r := range table {
		out[i] = blockedRange{netip.MustParsePrefix(r.cidr), r.kind}
	}
	return out
}()

// Prefixes whose addresses carry an IPv4 address that a gateway will reach:
// NAT64 (the last 32 bits) and 6to4 (bits 16 to 48).
var (
	nat64Prefix = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour   = netip.MustParsePrefix("2002::/16")
)

// blockedKind says why ip is refused ("loopback", "private", …), or "" when
// it is a public address.
func blockedKind(ip netip.Addr) string {
	ip = ip.Unmap()
	if !ip.IsValid() {
		return "invalid"
	}
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64Prefix.Contains(ip):
			if k := blockedKind(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})); k != "" {
				return k + " (through NAT64)"
			}
		case sixToFour.Contains(ip):
			if k := blockedKind(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})); k != "" {
				return k + " (through 6to4)"
			}
		}
	}
	for _, r := range blockedRanges {
		if r.prefix.Contains(ip) {
			return r.kind
		}
	}
	// The predicates catch anything the table misses.
	switch {
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "link-local"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	}
	return ""
}

// blockedAddrError is the refusal of an address. The address itself is
// left out of the message: it may reach a Discord user, who has no business
// learning how the bot's network resolves names.
type blockedAddrError struct {
	host string // as asked for; empty when only the address is known
	kind string // "loopback", "private", …
}

func (e *blockedAddrError) Error() string {
	if e.host == "" {
		return fmt.Sprintf("%v: the connection would go to a %s address", ErrBlockedAddress, e.kind)
	}
	if _, err := netip.ParseAddr(e.host); err == nil {
		return fmt.Sprintf("%v: %s is a %s address", ErrBlockedAddress, e.host, e.kind)
	}
	return fmt.Sprintf("%v: %s is or resolves to a %s address", ErrBlockedAddress, e.host, e.kind)
}

func (e *blockedAddrError) Unwrap() error { return ErrBlockedAddress }

func blockedError(host string, ip netip.Addr) error {
	return &blockedAddrError{host: host, kind: blockedKind(ip)}
}

// LookupFunc resolves a host name to its addresses. It is the seam that
// lets tests make a public-looking name resolve where they choose.
type LookupFunc func(ctx context.Context, host string) ([]netip.Addr, error)

// DialFunc opens a connection to a literal address ("192.0.2.1:443").
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// guardedDialer resolves a host itself, checks every address against the
// policy, and dials the checked address, never the name: the address that
// was checked is the one connected to, so a DNS answer that changes between
// check and connect (rebinding) cannot slip through, and neither can a
// redirect to a private address, since every hop dials through here.
type guardedDialer struct {
	allowPrivate bool
	lookup       LookupFunc
	dial         DialFunc
}

func (g *guardedDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		if ips, err = g.lookup(ctx, host); err != nil {
			return nil, err
		}
		if len(ips) == 0 {
			return nil, fmt.Errorf("lookup %s: no addresses", host)
		}
	}
	if !g.allowPrivate {
		// One bad address refuses the host: a name that answers with both
		// a public and a private address is not one to trust.
		for _, ip := range ips {
			if blockedKind(ip) != "" {
				return nil, blockedError(host, ip)
			}
		}
	}
	var firstErr error
	for _, ip := range ips {
		conn, err := g.dial(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return conn, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, firstErr
}

// defaultLookup resolves with the system's resolver.
func defaultLookup(ctx context.Context, host string) ([]netip.Addr, error) {
	return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
}

// newNetDialer returns the dialer that makes the connections. When the
// policy applies, its Control hook checks the address once more as the
// socket connects, so nothing that reaches connect(2) unchecked (whatever
// the path through the resolver) can reach a private address.
func newNetDialer(allowPrivate bool) DialFunc {
	d := &net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		d.Control = func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: cannot check %s", ErrBlockedAddress, address)
			}
			if blockedKind(ap.Addr()) != "" {
				return blockedError("", ap.Addr().Unmap())
			}
			return nil
		}
	}
	return d.DialContext
}
