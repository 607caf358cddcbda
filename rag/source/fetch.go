package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html/charset"
	"golang.org/x/net/publicsuffix"

	"github.com/coveragebot/coveragebot/internal/redact"
	"github.com/coveragebot/coveragebot/rag"
)

// Errors a caller may branch on. Their messages are written to be shown to
// whoever asked for the URL, a Discord user included.
var (
	// ErrBadURL means the input is not an absolute http or https URL.
	ErrBadURL = errors.New("not a web address")
	// ErrNotHTML means the URL serves something other than a web page.
	ErrNotHTML = errors.New("not a web page")
	// ErrRedirectLoop means a redirect led back to a URL already visited.
	ErrRedirectLoop = errors.New("redirect loop")
	// ErrTooManyRedirects means more redirects than FetchOptions allows.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrTimeout means the site did not answer in full within the timeout.
	ErrTimeout = errors.New("timed out")
	// ErrEncoding means the body is compressed in a way that cannot be read.
	ErrEncoding = errors.New("unreadable response")
)

// StatusError is an HTTP answer other than success.
type StatusError struct {
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("the site answered %d %s", e.Code, http.StatusText(e.Code))
}

// Defaults for FetchOptions.
const (
	DefaultFetchTimeout  = 20 * time.Second
	DefaultMaxPageBytes  = 5 << 20
	DefaultMaxRedirects  = 5
	defaultUserAgent     = "coveragebot"
	robotsCacheTTL       = 24 * time.Hour
	robotsCacheSize      = 1024
	maxErrorURLChars     = 200
	maxResponseHeaderLen = 64 << 10
)

// FetchOptions configure a Fetcher.
type FetchOptions struct {
	// UserAgent is sent with every request; its product token (the part
	// before any '/' or space) is what robots.txt rules are matched on.
	UserAgent string
	// Timeout bounds one whole fetch: robots.txt, redirects, the body.
	Timeout time.Duration
	// MaxBytes bounds a page or feed, after decompression.
	MaxBytes int64
	// AllowPrivate lets the fetcher reach loopback, private, link-local and
	// other non-public addresses. Off by default: URLs come from users.
	AllowPrivate bool
	// MaxRedirects is how many redirects one fetch follows; default 5.
	MaxRedirects int
	// Lookup resolves host names; nil uses the system resolver. Tests use it
	// to make a public-looking name resolve to a private address.
	Lookup LookupFunc
	// Dial connects to a checked address; nil uses a net.Dialer. The
	// address policy is applied before Dial is called, so a test can route
	// a "public" address to a loopback server without switching the policy
	// off. There is deliberately no way to pass a whole http.Client: one
	// with its own transport would skip the address check.
	Dial DialFunc
	// Now is the clock for the robots.txt cache; nil is time.Now.
	Now func() time.Time
}

// Fetcher fetches article pages and feeds from the web, politely (robots.txt,
// a user agent, bounded redirects) and defensively (an address policy checked
// at connect time, size and time limits, bounded decompression). It is safe
// for concurrent use.
type Fetcher struct {
	opts   FetchOptions
	token  string // the user agent's product token, for robots.txt
	client *http.Client

	robotsMu sync.Mutex
	robots   map[string]robotsEntry // by scheme://host:port
}

type robotsEntry struct {
	rules   []robotsRule
	expires time.Time
}

// NewFetcher returns a Fetcher with opts, defaults filled in.
func NewFetcher(opts FetchOptions) *Fetcher {
	if strings.TrimSpace(opts.UserAgent) == "" {
		opts.UserAgent = defaultUserAgent
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultFetchTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxPageBytes
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.Lookup == nil {
		opts.Lookup = defaultLookup
	}
	if opts.Dial == nil {
		opts.Dial = newNetDialer(opts.AllowPrivate)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	dialer := &guardedDialer{allowPrivate: opts.AllowPrivate, lookup: opts.Lookup, dial: opts.Dial}
	transport := &http.Transport{
		// No proxy: a proxy would connect on our behalf, past the check.
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    10 * time.Second,
		MaxResponseHeaderBytes: maxResponseHeaderLen,
		// Decompression is done here, where it can be bounded.
		DisableCompression:    true,
		MaxIdleConns:          32,
		IdleConnTimeout:       90 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	return &Fetcher{
		opts:  opts,
		token: robotsAgent(opts.UserAgent),
		client: &http.Client{
			Transport: transport,
			// Redirects are followed by get, which checks every hop.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		robots: map[string]robotsEntry{},
	}
}

// CloseIdleConnections closes the connections kept for reuse.
func (f *Fetcher) CloseIdleConnections() { f.client.CloseIdleConnections() }

// MaxBytes is the size limit the fetcher applies to a page or feed.
func (f *Fetcher) MaxBytes() int64 { return f.opts.MaxBytes }

const (
	acceptHTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
	acceptFeed = "application/rss+xml,application/atom+xml,application/feed+json;q=0.9,application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.1"
)

// FetchArticle fetches a web page and extracts its article with ParseHTML:
// title, byline, publication date, outlet, canonical URL and clean body.
// The article's id comes from its canonical URL, as a loader derives ids
// from URLs, so the same story fetched through two links is one article.
// A canonical URL on another site is not trusted (a page could otherwise
// claim another outlet's article and replace it in the index); the address
// the page was fetched from is used instead, without tracking parameters.
//
// It refuses, with an error wrapping the matching sentinel: a URL that is
// not http or https (ErrBadURL), one robots.txt disallows (ErrRobots), an
// address that is not public (ErrBlockedAddress, unless AllowPrivate), a
// redirect loop or chain (ErrRedirectLoop, ErrTooManyRedirects), an error
// status (*StatusError), anything but HTML (ErrNotHTML), a page over
// MaxBytes (ErrTooLarge) and a site slower than Timeout (ErrTimeout).
func (f *Fetcher) FetchArticle(ctx context.Context, rawURL string) (rag.Article, error) {
	u, err := parseWebURL(rawURL, false)
	if err != nil {
		return rag.Article{}, err
	}
	shown := shortURL(u.String())
	fctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	page, err := f.get(fctx, u, getRequest{accept: acceptHTML, limit: f.opts.MaxBytes, checkType: checkHTMLType})
	if err == nil && page.status != http.StatusOK {
		err = &StatusError{Code: page.status}
	}
	if err != nil {
		return rag.Article{}, fmt.Errorf("fetch %s: %w", shown, f.explain(ctx, fctx, err))
	}
	final := page.url.String()
	a, err := ParseHTML(final, page.body, final)
	if err != nil {
		return rag.Article{}, fmt.Errorf("read the article at %s: %w", shown, err)
	}
	a.URL = chooseCanonical(a.URL, page.url)
	a.ID = idFromURL(a.URL)
	a.Source = u.String()
	if err := checkID(a.ID); err != nil {
		return rag.Article{}, fmt.Errorf("read the article at %s: %w", shown, err)
	}
	return a, nil
}

// fetched is a response whose body, when it was a success, has been read.
type fetched struct {
	url    *url.URL // after redirects
	status int
	header http.Header
	body   []byte
}

// getRequest says how get fetches.
type getRequest struct {
	accept string
	header http.Header // extra headers, such as conditional ones
	limit  int64
	// truncate reads at most limit bytes and keeps them, instead of
	// refusing a larger body.
	truncate bool
	// noRobots skips the robots.txt check (for robots.txt itself).
	noRobots bool
	// checkType, when set, vets a success's Content-Type before its body
	// is read.
	checkType func(contentType string) error
	// show writes an address of the chain into an error; nil means
	// net/url's Redacted (the password hidden). Feeds hide their query
	// values too, since feed services put access tokens there.
	show func(raw string) string
}

// shown is how an error names raw: through req.show, shortened.
func (req getRequest) shown(raw string) string {
	if req.show != nil {
		return shortURL(req.show(raw))
	}
	return shortURL(redact.URL(raw))
}

// get fetches u, following redirects itself so that every hop is checked:
// its scheme, robots.txt, whether it was visited already, and (in the
// dialer) its address. A success's body is read within req.limit; other
// answers come back with their status and no body.
func (f *Fetcher) get(ctx context.Context, u *url.URL, req getRequest) (*fetched, error) {
	seen := map[string]bool{u.String(): true}
	for hops := 0; ; hops++ {
		if !req.noRobots {
			if err := f.checkRobots(ctx, u); err != nil {
				return nil, err
			}
		}
		resp, err := f.do(ctx, u, req)
		if err != nil {
			return nil, err
		}
		switch resp.StatusCode {
		case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
			http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
			loc := resp.Header.Get("Location")
			discard(resp.Body)
			if loc == "" {
				return nil, fmt.Errorf("the site answered %d without saying where to", resp.StatusCode)
			}
			next, err := u.Parse(loc)
			if err != nil || (next.Scheme != "http" && next.Scheme != "https") || next.Host == "" {
				return nil, fmt.Errorf("%w: redirected to %q", ErrBadURL, req.shown(loc))
			}
			if err := refuseZone(next, req.shown); err != nil {
				return nil, err
			}
			next.Fragment = ""
			if seen[next.String()] {
				return nil, fmt.Errorf("%w: %s redirects back to %s", ErrRedirectLoop, req.shown(u.String()), req.shown(next.String()))
			}
			if hops+1 > f.opts.MaxRedirects {
				return nil, fmt.Errorf("%w: more than %d", ErrTooManyRedirects, f.opts.MaxRedirects)
			}
			seen[next.String()] = true
			u = next
			continue
		}
		defer resp.Body.Close()
		out := &fetched{url: u, status: resp.StatusCode, header: resp.Header}
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return out, nil
		}
		if req.checkType != nil {
			if err := req.checkType(resp.Header.Get("Content-Type")); err != nil {
				return nil, err
			}
		}
		if out.body, err = readBody(resp, req.limit, req.truncate); err != nil {
			return nil, err
		}
		if req.checkType != nil && resp.Header.Get("Content-Type") == "" {
			if err := req.checkType(http.DetectContentType(out.body)); err != nil {
				return nil, err
			}
		}
		out.body = toUTF8(out.body, resp.Header.Get("Content-Type"), req.limit)
		return out, nil
	}
}

// do sends one GET.
func (f *Fetcher) do(ctx context.Context, u *url.URL, req getRequest) (*http.Response, error) {
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	for k, vs := range req.header {
		for _, v := range vs {
			r.Header.Add(k, v)
		}
	}
	r.Header.Set("User-Agent", f.opts.UserAgent)
	r.Header.Set("Accept", req.accept)
	r.Header.Set("Accept-Encoding", "gzip")
	resp, err := f.client.Do(r)
	if err != nil {
		var blocked *blockedAddrError
		if errors.As(err, &blocked) {
			return nil, blocked
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			return nil, ue.Err // the URL is said by the caller's prefix
		}
		return nil, err
	}
	return resp, nil
}

// explain turns the end of the fetch's own deadline into ErrTimeout; the
// caller's cancellation stays what it is.
func (f *Fetcher) explain(parent, fctx context.Context, err error) error {
	if parent.Err() == nil && errors.Is(fctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w: no complete answer within %s", ErrTimeout, f.opts.Timeout)
	}
	if parent.Err() != nil {
		return parent.Err()
	}
	return err
}

// readBody reads a success's body, decompressing gzip, and stops at limit
// bytes of decompressed output: a page that is too large, or a small
// compressed body that inflates without end, costs at most limit bytes.
func readBody(resp *http.Response, limit int64, truncate bool) ([]byte, error) {
	if resp.ContentLength > limit && !truncate {
		return nil, fmt.Errorf("%w: the site sent %s, over the %s limit", ErrTooLarge, sizeText(resp.ContentLength), sizeText(limit))
	}
	var r io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("%w: bad gzip data: %v", ErrEncoding, err)
		}
		defer zr.Close()
		r = zr
	default:
		return nil, fmt.Errorf("%w: content encoding %q", ErrEncoding, enc)
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if int64(len(data)) > limit {
		if truncate {
			return data[:limit], nil
		}
		return nil, fmt.Errorf("%w: the page is over the %s limit", ErrTooLarge, sizeText(limit))
	}
	if err != nil {
		if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) {
			return nil, fmt.Errorf("%w: bad gzip data: %v", ErrEncoding, err)
		}
		return nil, fmt.Errorf("read body: %w", err)
	}
	return data, nil
}

// discard drains a little of a body we do not want, so the connection can
// be reused, and closes it.
func discard(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 64<<10))
	body.Close()
}

// checkHTMLType accepts HTML and XHTML.
func checkHTMLType(contentType string) error {
	if contentType == "" {
		return nil // sniffed once the body is read
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return fmt.Errorf("%w: the site sent the unreadable type %q", ErrNotHTML, truncateText(contentType, 80))
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return nil
	}
	return fmt.Errorf("%w: the site sent %s, not HTML", ErrNotHTML, mt)
}

// toUTF8 decodes a body whose Content-Type names another charset. Bodies
// already in UTF-8, or in a charset the header does not name, are left to
// the parser, which also reads <meta charset>.
func toUTF8(body []byte, contentType string, limit int64) []byte {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return body
	}
	label := strings.ToLower(strings.TrimSpace(params["charset"]))
	if label == "" || label == "utf-8" || label == "utf8" {
		return body
	}
	r, err := charset.NewReaderLabel(label, bytes.NewReader(body))
	if err != nil {
		return body
	}
	// A single-byte charset at most triples in UTF-8.
	out, err := io.ReadAll(io.LimitReader(r, 3*limit+3))
	if err != nil {
		return body
	}
	return out
}

// checkRobots refuses u when the site's robots.txt disallows it for the
// fetcher's user agent.
func (f *Fetcher) checkRobots(ctx context.Context, u *url.URL) error {
	rules, err := f.robotsRules(ctx, u)
	if err != nil {
		return err
	}
	pathQuery := u.EscapedPath()
	if u.RawQuery != "" {
		pathQuery += "?" + u.RawQuery
	}
	if !robotsAllowed(rules, pathQuery) {
		return fmt.Errorf("%w: %s does not allow %q to fetch %s", ErrRobots, u.Host, f.token, truncateText(u.EscapedPath(), 120))
	}
	return nil
}

// robotsRules returns the rules for u's site, from the cache or by
// fetching robots.txt. Following RFC 9309: a 4xx answer (no robots.txt)
// allows everything, so does a redirect chain that does not end; a 5xx
// answer refuses, and is not cached. A site that cannot be reached fails
// the fetch with the reason.
func (f *Fetcher) robotsRules(ctx context.Context, u *url.URL) ([]robotsRule, error) {
	origin := u.Scheme + "://" + strings.ToLower(u.Host)
	now := f.opts.Now()
	f.robotsMu.Lock()
	e, ok := f.robots[origin]
	f.robotsMu.Unlock()
	if ok && now.Before(e.expires) {
		return e.rules, nil
	}

	robotsURL := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	res, err := f.get(ctx, robotsURL, getRequest{accept: "text/plain", limit: maxRobotsBytes, truncate: true, noRobots: true})
	var rules []robotsRule
	switch {
	case errors.Is(err, ErrRedirectLoop), errors.Is(err, ErrTooManyRedirects):
		// Unavailable: allow.
	case err != nil:
		// The site cannot be reached (or may not be): the page could not
		// be either, and that is the clearer thing to say.
		return nil, err
	case res.status >= 500:
		return nil, fmt.Errorf("%w: %s/robots.txt answered %d; trying again later", ErrRobots, origin, res.status)
	case res.status >= 200 && res.status <= 299:
		rules = parseRobots(res.body).rulesFor(f.token)
	}
	f.robotsMu.Lock()
	if len(f.robots) >= robotsCacheSize {
		for k, old := range f.robots {
			if now.After(old.expires) || len(f.robots) >= robotsCacheSize {
				delete(f.robots, k)
			}
		}
	}
	f.robots[origin] = robotsEntry{rules: rules, expires: now.Add(robotsCacheTTL)}
	f.robotsMu.Unlock()
	return rules, nil
}

// parseWebURL accepts an absolute http or https URL with a host, and user
// information (a feed's credentials) only when allowUser is set: a page URL
// from a user has no business carrying a password into the logs.
//
// A feed's address (allowUser) is shown in errors without its query values,
// as getRequest.show explains.
func parseWebURL(raw string, allowUser bool) (*url.URL, error) {
	show := redact.URL
	if allowUser {
		show = redact.Query
	}
	s := strings.TrimSpace(raw)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("%w: %q (want an http:// or https:// address)", ErrBadURL, shortURL(show(s)))
	}
	if u.User != nil && !allowUser {
		return nil, fmt.Errorf("%w: %q has a user name or password in it", ErrBadURL, shortURL(u.Redacted()))
	}
	if err := refuseZone(u, func(raw string) string { return shortURL(show(raw)) }); err != nil {
		return nil, err
	}
	u.Fragment = ""
	return u, nil
}

// refuseZone refuses a URL whose host is a zoned IPv6 address
// ("http://[::%25lo]/"): a zone names an interface of this machine. It is
// refused before any policy, so that not even a fetcher allowed private
// addresses follows one; the dialer refuses it again.
func refuseZone(u *url.URL, show func(string) string) error {
	if ip, err := netip.ParseAddr(u.Hostname()); err == nil && ip.Zone() != "" {
		return fmt.Errorf("fetch %s: %w", show(u.String()), blockedError(u.Hostname(), ip))
	}
	return nil
}

// chooseCanonical keeps the page's canonical URL when it is on the same
// site (registrable domain) as the address the page came from, and
// otherwise uses that address. Either way, tracking parameters go.
func chooseCanonical(canonical string, final *url.URL) string {
	if c, err := url.Parse(canonical); err == nil && canonical != "" && sameSite(c.Hostname(), final.Hostname()) {
		return stripTracking(c)
	}
	return stripTracking(final)
}

func sameSite(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSuffix(a, ".")), strings.ToLower(strings.TrimSuffix(b, "."))
	if a == b {
		return true
	}
	da, errA := publicsuffix.EffectiveTLDPlusOne(a)
	db, errB := publicsuffix.EffectiveTLDPlusOne(b)
	return errA == nil && errB == nil && da == db
}

// trackingParams are query parameters that say how a reader arrived, not
// what they read.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"igshid": true, "ocid": true, "cmpid": true, "smid": true, "ref_src": true,
}

// StripTracking returns a web address without its fragment and tracking
// parameters (utm_*, fbclid and the like), so that two links to one page
// compare equal. Anything that does not parse is returned as given.
func StripTracking(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return raw
	}
	return stripTracking(u)
}

// stripTracking returns u without its fragment and tracking parameters.
func stripTracking(u *url.URL) string {
	c := *u
	c.Fragment = ""
	c.RawFragment = ""
	if c.RawQuery != "" {
		q := c.Query()
		changed := false
		for k := range q {
			if trackingParams[strings.ToLower(k)] || strings.HasPrefix(strings.ToLower(k), "utm_") {
				q.Del(k)
				changed = true
			}
		}
		if changed {
			c.RawQuery = q.Encode()
		}
	}
	return c.String()
}
