package source

import (
	"bytes"
	"errors"
	"strings"
)

// This robots.txt parser is the project's own, not temoto/robotstxt: run
// on the cases in robots_test.go, temoto/robotstxt v1.1.2 decides 10 of 26
// differently, each less strictly than RFC 9309 asks. It
//   - fails the whole file when a rule comes before any User-agent line,
//     where RFC 9309 says to pass over such a rule;
//   - keeps "CoverageBot/2.0" on a User-agent line whole, so the group for
//     our product token "coveragebot" is not found, yet lets the line
//     "User-agent: coverage" (a prefix) claim "coveragebot";
//   - ends a group at a Sitemap line, dropping the rules after it;
//   - compares "/café" and "/caf%C3%A9" as different paths;
//   - lets Disallow win a tie in length with Allow, where RFC 9309 has the
//     least restrictive rule win, and can disallow /robots.txt itself;
//   - takes "Disallow /" without a colon as a rule.
// Wrapping it would keep every check below, so the parser stays here.

// ErrRobots means the site's robots.txt does not let the fetcher's user
// agent fetch the page, or could not be read (RFC 9309 asks a crawler to
// stay away while a site's robots.txt answers with a server error).
var ErrRobots = errors.New("blocked by robots.txt")

// Limits on robots.txt. RFC 9309 asks crawlers to read at least 500 KiB;
// rules past that are ignored. A pattern longer than any sane path is
// ignored too, so that matching stays cheap.
const (
	maxRobotsBytes   = 512 << 10
	maxRobotsPattern = 4096
)

// robotsFile is a parsed robots.txt: its groups in file order.
type robotsFile struct {
	groups []robotsGroup
}

// robotsGroup is a run of user-agent lines and the rules that follow them.
type robotsGroup struct {
	agents []string // product tokens, lowercased; "*" for everyone
	rules  []robotsRule
}

// robotsRule is one allow or disallow line. pattern starts with '/' or '*',
// may hold '*' wildcards and may end with '$'.
type robotsRule struct {
	allow   bool
	pattern string
}

// parseRobots reads a robots.txt leniently, as crawlers must: unknown lines,
// comments and rules outside a group are passed over, never an error.
func parseRobots(data []byte) robotsFile {
	if len(data) > maxRobotsBytes {
		data = data[:maxRobotsBytes]
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var f robotsFile
	var cur *robotsGroup
	inAgents := false // the last meaningful line was a user-agent line
	for len(data) > 0 {
		var line []byte
		if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(string(line), ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if !inAgents {
				f.groups = append(f.groups, robotsGroup{})
				cur = &f.groups[len(f.groups)-1]
				inAgents = true
			}
			if agent := robotsAgent(value); agent != "" {
				cur.agents = append(cur.agents, agent)
			}
		case "allow", "disallow":
			inAgents = false
			if cur == nil {
				continue // a rule before any user-agent line belongs to no group
			}
			if pattern := robotsPattern(value); pattern != "" {
				cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: pattern})
			}
		default:
			// Sitemap, Crawl-delay and the like neither start nor end a group
			// of user agents.
		}
	}
	return f
}

// robotsAgent reduces a user-agent line's value, or a User-Agent header, to
// its product token: "Googlebot/2.1 (+http://…)" is "googlebot". "*" stays
// "*".
func robotsAgent(v string) string {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "*") {
		return "*"
	}
	end := 0
	for end < len(v) {
		c := v[end]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			break
		}
		end++
	}
	return strings.ToLower(v[:end])
}

// robotsPattern normalises a rule's path pattern so that it compares with
// a URL's escaped path: bytes outside printable ASCII are percent-encoded,
// percent-escapes are upper-cased, and runs of '*' become one. A pattern
// that does not start with '/' or '*' gets a leading '/'. Empty or
// oversized patterns give "" (no rule).
func robotsPattern(v string) string {
	if v == "" || len(v) > maxRobotsPattern {
		return ""
	}
	if v[0] != '/' && v[0] != '*' {
		v = "/" + v
	}
	return normalizeEscapes(v, true)
}

// normalizeEscapes percent-encodes bytes outside printable ASCII and
// upper-cases existing escapes, so "/caf%c3%a9" and "/café" compare equal.
// With collapseStars, runs of '*' become one.
func normalizeEscapes(s string, collapseStars bool) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '*' && collapseStars && i > 0 && s[i-1] == '*':
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte('%')
			b.WriteByte(upperHex(s[i+1]))
			b.WriteByte(upperHex(s[i+2]))
			i += 2
		case c <= ' ' || c >= 0x7f:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func upperHex(c byte) byte {
	if 'a' <= c && c <= 'f' {
		return c - 'a' + 'A'
	}
	return c
}

// rulesFor returns the rules that apply to a product token: those of every
// group naming it (case-insensitively), or failing that of the groups for
// "*". No rules means everything is allowed.
func (f robotsFile) rulesFor(token string) []robotsRule {
	token = robotsAgent(token)
	var named, star []robotsRule
	foundNamed := false
	for _, g := range f.groups {
		isNamed, isStar := false, false
		for _, a := range g.agents {
			isNamed = isNamed || (a == token && token != "")
			isStar = isStar || a == "*"
		}
		switch {
		case isNamed:
			foundNamed = true
			named = append(named, g.rules...)
		case isStar:
			star = append(star, g.rules...)
		}
	}
	if foundNamed {
		return named
	}
	return star
}

// robotsAllowed decides whether rules let a crawler fetch pathQuery (the
// URL's escaped path and query). The longest matching pattern wins; on a
// tie, allow wins; with no match, fetching is allowed. robots.txt itself is
// always allowed.
func robotsAllowed(rules []robotsRule, pathQuery string) bool {
	if pathQuery == "" {
		pathQuery = "/"
	}
	if pathQuery == "/robots.txt" {
		return true
	}
	pathQuery = normalizeEscapes(pathQuery, false)
	best, allowed := -1, true
	for _, r := range rules {
		n := len(r.pattern)
		if n < best || (n == best && allowed) {
			continue
		}
		if robotsMatch(r.pattern, pathQuery) {
			best, allowed = n, r.allow
		}
	}
	return allowed
}

// robotsMatch reports whether a pattern matches the start of path (all of
// it when the pattern ends with '$'). '*' matches any run of bytes. Taking
// each literal piece at its leftmost place is enough for '*'-only
// patterns, and keeps matching linear in the path.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	pieces := strings.Split(pattern, "*")
	first := pieces[0]
	if !strings.HasPrefix(path, first) {
		return false
	}
	rest := path[len(first):]
	if len(pieces) == 1 {
		return !anchored || rest == ""
	}
	for _, piece := range pieces[1 : len(pieces)-1] {
		i := strings.Index(rest, piece)
		if i < 0 {
			return false
		}
		rest = rest[i+len(piece):]
	}
	last := pieces[len(pieces)-1]
	if anchored {
		return strings.HasSuffix(rest, last)
	}
	return strings.Contains(rest, last)
}
