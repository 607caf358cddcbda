package bot

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// DefaultAPIURL is where Discord's REST API lives.
const DefaultAPIURL = "https://discord.com"

// apiRewriter sends every request to another scheme and host (and optional
// path prefix), keeping the path and query. discordgo computes its endpoint
// URLs once, at init, from https://discord.com, so the HTTP layer is the one
// place where a rate-limit proxy or a test server can be put in front of
// Discord without touching package state. The gateway follows because
// discordgo asks GET /api/v9/gateway, through this transport, for the
// websocket URL.
type apiRewriter struct {
	base *url.URL
	next http.RoundTripper
}

// parseAPIURL checks an API URL setting: an absolute http or https URL with a
// host and no query.
func parseAPIURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("api url %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("api url %q: scheme must be http or https", raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("api url %q: no host", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("api url %q: must not have a query or fragment", raw)
	}
	return u, nil
}

// newAPIClient returns a copy of base (or a default client when base is nil)
// whose requests all go to apiURL.
func newAPIClient(apiURL string, base *http.Client) (*http.Client, error) {
	u, err := parseAPIURL(apiURL)
	if err != nil {
		return nil, err
	}
	client := &http.Client{Timeout: defaultRESTTimeout}
	if base != nil {
		copied := *base
		client = &copied
	}
	next := client.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	client.Transport = &apiRewriter{base: u, next: next}
	return client, nil
}

func (t *apiRewriter) RoundTrip(req *http.Request) (*http.Response, error) {
	// A RoundTripper must not modify the caller's request.
	out := req.Clone(req.Context())
	out.URL.Scheme = t.base.Scheme
	out.URL.Host = t.base.Host
	out.URL.User = t.base.User
	if prefix := strings.TrimSuffix(t.base.Path, "/"); prefix != "" {
		out.URL.Path = prefix + req.URL.Path
		if req.URL.RawPath != "" {
			out.URL.RawPath = strings.TrimSuffix(t.base.EscapedPath(), "/") + req.URL.RawPath
		}
	}
	out.Host = ""
	return t.next.RoundTrip(out)
}
