package fakediscord

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// RewriteTransport sends requests for discord.com (and its subdomains and discordapp.com) to
// base instead, keeping the path and query: "https://discord.com/api/v9/users/@me" becomes
// base + "/api/v9/users/@me". A path in base is prepended. Other hosts pass through untouched.
// next carries the rewritten requests; nil means http.DefaultTransport.
//
// discordgo computes its endpoint URLs at package init, so a client's transport is the only
// dependable place to point it at the fake.
func RewriteTransport(base string, next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	u, err := url.Parse(base)
	if err == nil && (u.Scheme != "http" && u.Scheme != "https" || u.Host == "") {
		err = fmt.Errorf("want an http(s) URL with a host")
	}
	if err != nil {
		err = fmt.Errorf("rewrite transport: invalid base URL %q: %w", base, err)
	}
	return &rewriteTransport{base: u, err: err, next: next}
}

type rewriteTransport struct {
	base *url.URL
	err  error
	next http.RoundTripper
}

func isDiscordHost(host string) bool {
	host = strings.ToLower(host)
	for _, h := range []string{"discord.com", "discordapp.com"} {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if !isDiscordHost(req.URL.Hostname()) {
		return t.next.RoundTrip(req)
	}
	if t.err != nil {
		if req.Body != nil {
			_ = req.Body.Close()
		}
		return nil, t.err
	}
	// A RoundTripper must not modify the caller's request.
	out := req.Clone(req.Context())
	out.URL.Scheme = t.base.Scheme
	out.URL.Host = t.base.Host
	prefix := strings.TrimSuffix(t.base.Path, "/")
	out.URL.Path = prefix + req.URL.Path
	if req.URL.RawPath != "" {
		out.URL.RawPath = strings.TrimSuffix(t.base.EscapedPath(), "/") + req.URL.RawPath
	}
	out.Host = t.base.Host
	return t.next.RoundTrip(out)
}
