package source

import (
	"strings"
	"testing"
)

const sampleRobots = `# robots.txt for a news site
User-agent: *
Disallow: /search
Disallow: /*?print=1$
Allow: /search/help

User-agent: Googlebot
User-agent: Bingbot
Disallow: /drafts/

user-agent: CoverageBot/2.0
disallow: /private/
Allow: /private/press-releases/
Disallow: /*.pdf$
Sitemap: https://news.example/sitemap.xml
Disallow: /caf%C3%A9/menu
`

func TestRobotsAllowed(t *testing.T) {
	tests := []struct {
		name, robots, agent, path string
		want                      bool
	}{
		{"named group applies", sampleRobots, "coveragebot (+https://example.org)", "/private/x", false},
		{"longest match wins: allow", sampleRobots, "coveragebot", "/private/press-releases/2025", true},
		{"named group replaces *", sampleRobots, "coveragebot", "/search?q=ferry", true},
		{"wildcard and end anchor", sampleRobots, "coveragebot", "/files/report.pdf", false},
		{"end anchor does not match longer", sampleRobots, "coveragebot", "/files/report.pdf?x=1", true},
		{"sitemap line does not end the group", sampleRobots, "coveragebot", "/caf%c3%a9/menu", false},
		{"escaped and raw UTF-8 compare equal", "User-agent: *\nDisallow: /café/", "x", "/caf%C3%A9/menu", false},
		{"falls back to *", sampleRobots, "newsroom-bot/1.0", "/search/today", false},
		{"allow inside * group", sampleRobots, "newsroom-bot/1.0", "/search/help/faq", true},
		{"query wildcard with anchor", sampleRobots, "newsroom-bot", "/story?print=1", false},
		{"two agents share a group", sampleRobots, "Bingbot/2.0", "/drafts/a", false},
		{"group for another agent only", "User-agent: Googlebot\nDisallow: /", "coveragebot", "/a", true},
		{"empty disallow allows all", "User-agent: coveragebot\nDisallow:\n\nUser-agent: *\nDisallow: /", "coveragebot", "/a", true},
		{"disallow all", "User-agent: *\nDisallow: /", "coveragebot", "/", false},
		{"robots.txt itself is always allowed", "User-agent: *\nDisallow: /", "coveragebot", "/robots.txt", true},
		{"equal length: allow wins", "User-agent: *\nDisallow: /page\nAllow: /page", "coveragebot", "/page", true},
		{"rules before any agent are ignored", "Disallow: /\nUser-agent: *\nAllow: /x", "coveragebot", "/y", true},
		{"CRLF, BOM and comments", "\ufeffUser-agent: *\r\nDisallow: /a # not /b\r\n", "coveragebot", "/a/1", false},
		{"comment not a rule", "User-agent: *\nDisallow: /a # not /b\r\n", "coveragebot", "/b", true},
		{"no colon lines skipped", "User-agent *\nDisallow /\nUser-agent: *\nDisallow: /z", "coveragebot", "/a", true},
		{"pattern without slash gets one", "User-agent: *\nDisallow: private", "coveragebot", "/private/1", false},
		{"star in the middle", "User-agent: *\nDisallow: /a*/c", "coveragebot", "/a/b/c", false},
		{"star needs the rest", "User-agent: *\nDisallow: /a*/c", "coveragebot", "/a/b/d", true},
		{"empty file", "", "coveragebot", "/a", true},
		{"agent match is case-insensitive", "USER-AGENT: COVERAGEBOT\nDISALLOW: /", "coveragebot", "/a", false},
		{"agent prefix is not a match", "User-agent: coverage\nDisallow: /", "coveragebot", "/a", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rules := parseRobots([]byte(tc.robots)).rulesFor(tc.agent)
			if got := robotsAllowed(rules, tc.path); got != tc.want {
				t.Errorf("allowed(%q) = %v, want %v; rules %+v", tc.path, got, tc.want, rules)
			}
		})
	}
}

func TestRobotsIgnoresWhatIsPastTheLimit(t *testing.T) {
	big := "User-agent: *\n" + strings.Repeat("# padding padding padding\n", maxRobotsBytes/26+10) + "Disallow: /\n"
	if !robotsAllowed(parseRobots([]byte(big)).rulesFor("x"), "/a") {
		t.Error("a rule past the size limit was applied")
	}
	long := "User-agent: *\nDisallow: /" + strings.Repeat("a", maxRobotsPattern) + "\n"
	if len(parseRobots([]byte(long)).rulesFor("x")) != 0 {
		t.Error("an oversized pattern was kept")
	}
}

// referenceMatch is a plain dynamic-programming matcher for robots
// patterns, slow but obviously right, to check robotsMatch against.
func referenceMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	// m[i][j]: pattern[:i] matches path[:j] exactly.
	m := make([][]bool, len(pattern)+1)
	for i := range m {
		m[i] = make([]bool, len(path)+1)
	}
	m[0][0] = true
	for i := 1; i <= len(pattern); i++ {
		for j := 0; j <= len(path); j++ {
			if pattern[i-1] == '*' {
				m[i][j] = m[i-1][j] || (j > 0 && m[i][j-1])
			} else {
				m[i][j] = j > 0 && m[i-1][j-1] && pattern[i-1] == path[j-1]
			}
		}
	}
	if anchored {
		return m[len(pattern)][len(path)]
	}
	for j := 0; j <= len(path); j++ {
		if m[len(pattern)][j] {
			return true
		}
	}
	return false
}

// referenceAllowed applies the precedence rules independently of
// robotsAllowed: the longest matching pattern decides, allow on a tie.
func referenceAllowed(rules []robotsRule, path string) bool {
	if path == "/robots.txt" {
		return true
	}
	path = normalizeEscapes(path, false)
	bestAllow, bestDisallow := -1, -1
	for _, r := range rules {
		if !referenceMatch(r.pattern, path) {
			continue
		}
		if r.allow {
			bestAllow = max(bestAllow, len(r.pattern))
		} else {
			bestDisallow = max(bestDisallow, len(r.pattern))
		}
	}
	return bestDisallow < 0 || bestAllow >= bestDisallow
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte(sampleRobots), "coveragebot/1.0", "/private/x")
	f.Add([]byte("User-agent: *\nDisallow: /a*b*c$\nAllow: /a"), "x", "/aXbYc")
	f.Add([]byte("User-agent: *\nDisallow: /*.pdf$"), "x", "/a.pdf.pdf")
	f.Add([]byte("\ufeffuser-agent:*\r\ndisallow:/%7euser\r"), "y", "/~user/x")
	f.Add([]byte("User-agent: a\nUser-agent: b\nAllow: /\nDisallow: /*?*"), "b", "/?")
	f.Fuzz(func(t *testing.T, data []byte, agent, path string) {
		if len(path) > 2048 {
			return
		}
		if path == "" || path[0] != '/' {
			path = "/" + path
		}
		rules := parseRobots(data).rulesFor(agent)
		for _, r := range rules {
			if r.pattern == "" || (r.pattern[0] != '/' && r.pattern[0] != '*') || strings.Contains(r.pattern, "**") {
				t.Fatalf("badly normalised pattern %q", r.pattern)
			}
			if len(r.pattern) <= 64 && len(path) <= 256 {
				p := normalizeEscapes(path, false)
				if got, want := robotsMatch(r.pattern, p), referenceMatch(r.pattern, p); got != want {
					t.Fatalf("robotsMatch(%q, %q) = %v, reference says %v", r.pattern, p, got, want)
				}
			}
		}
		got := robotsAllowed(rules, path)
		if len(rules) <= 32 && len(path) <= 256 {
			if want := referenceAllowed(rules, path); got != want {
				t.Fatalf("allowed(%q) = %v, reference says %v; rules %+v", path, got, want, rules)
			}
		}
		if !robotsAllowed(rules, "/robots.txt") {
			t.Fatal("robots.txt itself refused")
		}
	})
}
