package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzLoadEnv feeds arbitrary values to a handful of settings of every kind.
// Load must not fail (no files are involved), nothing may panic, every
// problem must be a SettingError naming a known setting, and the token must
// never show.
func FuzzLoadEnv(f *testing.F) {
	f.Add("6", "15m", "5MiB", "5/1m", "1,2", "0 8 * * *", "127.0.0.1:8080", "https://discord.com", "true", "tok")
	f.Add("abc", "30d", "5 potatoes", "off", "x,,y", "@daily", "off", "discord.com", "maybe", "Bot a b")
	f.Add("-1", "-5m", "9223372036854775807KiB", "0/0s", " , ", "* * * * 7", ":99999", "http://[::1", "", "\x00")
	f.Add("99999999999999999999", "1d-1h", "1GiB", "5/", "18446744073709551616", "0 0 31 2 *", "[::1]:0", "https://u:p@h/x?y", "YES", "\n")
	f.Fuzz(func(t *testing.T, topK, interval, size, rate, guilds, cron, addr, apiURL, boolean, token string) {
		const marker = "tokenmarker"
		env := map[string]string{
			"COVERAGEBOT_TOP_K":              topK,
			"COVERAGEBOT_FEED_INTERVAL":      interval,
			"COVERAGEBOT_RETENTION":          interval,
			"COVERAGEBOT_MAX_PAGE_BYTES":     size,
			"COVERAGEBOT_USER_RATE":          rate,
			"COVERAGEBOT_GUILDS":             guilds,
			"COVERAGEBOT_DIGEST_CRON":        cron,
			"COVERAGEBOT_HTTP_ADDR":          addr,
			"DISCORD_API_URL":                apiURL,
			"COVERAGEBOT_FEEDS":              apiURL,
			"COVERAGEBOT_ALLOW_PRIVATE_URLS": boolean,
			"DISCORD_TOKEN":                  marker + token,
		}
		c, err := Load(envOf(env), "")
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		known := map[string]bool{}
		for _, s := range Settings() {
			known[s.Name] = true
		}
		err = c.Validate()
		for _, se := range settingErrors(t, err) {
			if !known[se.Name] {
				t.Errorf("error names unknown setting %q: %v", se.Name, se)
			}
			if !strings.HasPrefix(se.Error(), se.Name) || se.Problem == "" || se.Fix == "" {
				t.Errorf("error lacks a name, problem or fix: %q", se)
			}
		}
		shown := c.String()
		if err != nil {
			shown += err.Error()
		}
		for name, v := range env {
			if name != "DISCORD_TOKEN" && strings.Contains(v, marker) {
				return // the marker is legitimately shown as another setting's value
			}
		}
		if strings.Contains(shown, marker) {
			t.Errorf("the token shows: %s", shown)
		}
	})
}

// FuzzLoadFile feeds arbitrary YAML files to Load.
func FuzzLoadFile(f *testing.F) {
	f.Add("top_k: 8\nfeeds:\n  - https://a.example/rss\n")
	f.Add("a: &x [1, *x]\n")
	f.Add("top_k: {a: [1, {b: 2}]}\nguilds: [[1], 2]\n")
	f.Add("openai_api_key: \"tokenmarker x\"\n")
	f.Add("- 1\n- 2\n")
	f.Add("top_k: 1\ntop_k: 2\nconfig: x\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, content string) {
		path := filepath.Join(dir, "c.yaml")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := Load(nil, path)
		if err != nil {
			for _, se := range settingErrors(t, err) {
				if se.Name != envConfig {
					t.Errorf("file error names %s: %v", se.Name, se)
				}
			}
			return
		}
		_ = settingErrors(t, c.Validate())
		_ = c.String()
	})
}

// FuzzParseCron checks that whatever parses prints back to the same schedule
// and that Next finds a matching minute, with no earlier one in the day
// before it.
func FuzzParseCron(f *testing.F) {
	for _, seed := range []string{
		"0 8 * * *", "*/15 * * * *", "30 7 * * MON-FRI", "0 0 29 2 *", "0 0 1 * */7",
		"5/20 9-17/2 1,15 jan-jun 0-7", "@daily", "@weekly", "0 0 30 2 MON", "61 * * * *",
		"* * * * * *", "1-,2 * * * *", "0 0 31 4 */7",
	} {
		f.Add(seed)
	}
	from := date(2026, 3, 14, 15, 9)
	f.Fuzz(func(t *testing.T, expr string) {
		s, err := ParseCron(expr)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error")
			}
			return
		}
		again, err := ParseCron(s.String())
		if err != nil || again != s {
			t.Fatalf("%q prints as %q, which parses to %+v, %v", expr, s.String(), again, err)
		}
		next := s.Next(from)
		if next.IsZero() {
			t.Fatalf("%q parsed but never fires", expr)
		}
		if !next.After(from) || next.Second() != 0 || !s.matches(next) {
			t.Fatalf("%q: Next(%v) = %v, which does not match", expr, from, next)
		}
		for tm := next.Add(-time.Minute); tm.After(from) && next.Sub(tm) <= 24*time.Hour; tm = tm.Add(-time.Minute) {
			if s.matches(tm) {
				t.Fatalf("%q: Next(%v) = %v, but %v matches earlier", expr, from, next, tm)
			}
		}
	})
}
