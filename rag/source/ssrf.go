package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"time"

	"code.dny.dev/ssrf"
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
// netip predicates cover some of them; the table names them for messages
// and adds what the predicates miss: CGNAT, "this network", reserved,
// benchmarking and AS112 space, and the IPv6 forms that embed an IPv4
// address or tunnel to one (IPv4-compatible, local-use NAT64, Teredo).
//
// The IPv4 documentation ranges (192.0.2.0/24, 198.51.100.0/24,
// 203.0.113.0/24) are not in the table: the tests use them, through
// FetchOptions.Dial, as stand-ins for public web sites. The real dialer
// refuses them all the same, through code.dny.dev/ssrf (see newNetDialer).
var blockedRanges = func() []blockedRange {
	table := []struct{ cidr, kind string }{
		{"0.0.0.0/8", "unspecified"},
		{"10.0.0.0/8", "private"},
		{"100.64.0.0/10", "carrier-grade NAT"},
		{"127.0.0.0/8", "loopback"},
		{"169.254.0.0/16", "link-local"},
		{"172.16.0.0/12", "private"},
		{"192.0.0.0/24", "IETF protocol"},
		{"192.31.196.0/24", "AS112"},
		{"192.52.193.0/24", "AMT"},
		{"192.88.99.0/24", "6to4 relay"},
		{"192.168.0.0/16", "private"},
		{"192.175.48.0/24", "AS112"},
		{"198.18.0.0/15", "benchmarking"},
		{"224.0.0.0/4", "multicast"},
		{"240.0.0.0/4", "reserved"},
		{"::/128", "unspecified"},
		{"::1/128", "loopback"},
		{"::/96", "IPv4-compatible"},
		{"64:ff9b:1::/48", "local-use NAT64"},
		{"100::/64", "discard"},
		{"2001::/32", "Teredo"},
		{"2001::/23", "IETF protocol"},
		{"2001:db8::/32", "documentation"},
		{"2620:4f:8000::/48", "AS112"},
		{"3fff::/20", "documentation"},
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
// NAT64 (the last 32 bits) and 6to4 (bits 16 to 48). globalUnicast is the
// only IPv6 space IANA hands out for the internet; outside it, only the
// NAT64 prefix leads anywhere public.
var (
	nat64Prefix   = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour     = netip.MustParsePrefix("2002::/16")
	globalUnicast = netip.MustParsePrefix("2000::/3")
)

// blockedKind says why ip is refused ("loopback", "private", …), or "" when
// it is a public address.
//
// A zoned address ("fe80::1%eth0", "::%lo") is refused whatever it is:
// netip.Prefix.Contains is false for every zoned address and the netip
// predicates compare the zone, so without this "::%lo" would pass as
// public, and Linux connects "::" to the loopback interface. A URL has no
// business naming a network interface.
func blockedKind(ip netip.Addr) string {
	if !ip.IsValid() {
		return "invalid"
	}
	if ip.Zone() != "" {
		return "zoned IPv6"
	}
	ip = ip.Unmap()
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64Prefix.Contains(ip):
			if k := blockedKind(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})); k != "" {
				return k + " (through NAT64)"
			}
			return ""
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
	case ip.Is6() && !globalUnicast.Contains(ip):
		return "reserved IPv6"
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
	for _, ip := range ips {
		// A zone is refused even when private addresses are allowed: it
		// names an interface of this machine, which no URL should do.
		if ip.Zone() != "" {
			return nil, blockedError(host, ip)
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
//
// The hook applies two policies, and an address must pass both: ours
// (blockedKind), and code.dny.dev/ssrf's Guardian with its defaults but any
// port. Neither is a superset of the other, so the stricter answer wins
// each case:
//   - the Guardian refuses, and blockedKind lets through, the IPv4
//     documentation ranges, 6to4 and NAT64 addresses whose embedded IPv4
//     address is public, and every IPv4-mapped address (it reads them as
//     IPv6 outside 2000::/3). Those are kept refused here: no news site is
//     served from them.
//   - blockedKind refuses, and the Guardian lets through: nothing today,
//     but blockedKind judges the IPv4 address inside NAT64 and 6to4
//     addresses, names each refusal for the message, and refuses zoned
//     addresses by design rather than by the accident that
//     netip.Prefix.Contains is false for them. It is also the check
//     guardedDialer makes before dialing, where tests route documentation
//     addresses to loopback servers.
//
// The Guardian's own messages name the address; they are replaced by ours,
// which do not.
func newNetDialer(allowPrivate bool) DialFunc {
	d := &net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		guardian := ssrf.New(ssrf.WithAnyPort())
		d.Control = func(network, address string, c syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: cannot check %s", ErrBlockedAddress, address)
			}
			if blockedKind(ap.Addr()) != "" {
				return blockedError("", ap.Addr())
			}
			if err := guardian.Safe(network, address, c); err != nil {
				return &blockedAddrError{kind: "special-purpose"}
			}
			return nil
		}
	}
	return d.DialContext
}
