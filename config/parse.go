package config

import (
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/internal/redact"
)

// invalid says what is wrong with one value and how to fix it. The loader
// turns it into a SettingError by adding the setting's name and origin.
type invalid struct {
	problem string
	fix     string
}

func (e *invalid) Error() string { return e.problem + "; " + e.fix }

func refuse(fix, format string, args ...any) *invalid {
	return &invalid{problem: fmt.Sprintf(format, args...), fix: fix}
}

// quote shows a refused value in a message: quoted, and cut short so a
// pasted document does not flood the terminal.
func quote(v string) string {
	const maxRunes = 60
	if utf8.RuneCountInString(v) > maxRunes {
		r := []rune(v)
		return strconv.Quote(string(r[:maxRunes])) + "…"
	}
	return strconv.Quote(v)
}

// shown stands for a refused value in a message, which names the setting
// and the kind of value it wants but leaves the value out: a wrong value is
// often a secret pasted into the wrong setting (an API key in
// COVERAGEBOT_TOP_K, a URL with a password that does not parse), and
// errors reach terminals, logs and CI output. Its length is kept, which
// tells a typo from a paste.
func shown(v string) string {
	switch n := utf8.RuneCountInString(v); n {
	case 0:
		return "the empty value"
	case 1:
		return "the value (1 character)"
	default:
		return fmt.Sprintf("the value (%d characters)", n)
	}
}

func formatWhole(n int) string { return strconv.Itoa(n) }

func parseWhole(raw string) (int, bool) {
	n, err := strconv.Atoi(raw)
	return n, err == nil
}

func parseBool(raw string) (bool, bool) {
	switch strings.ToLower(raw) {
	case "true", "1", "yes":
		return true, true
	case "false", "0", "no":
		return false, true
	}
	return false, false
}

const day = 24 * time.Hour

// parseDuration reads a Go duration ("90s", "1h30m"), optionally preceded by
// a whole number of days ("30d", "1d12h"). "0" is zero.
func parseDuration(raw string) (time.Duration, bool) {
	s := raw
	var days time.Duration
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		if !allDigits(s[:i]) {
			return 0, false
		}
		n, err := strconv.ParseInt(s[:i], 10, 64)
		if err != nil || n > int64(math.MaxInt64/day) {
			return 0, false
		}
		days = time.Duration(n) * day
		s = s[i+1:]
		if s == "" {
			return days, true
		}
		if s[0] == '-' || s[0] == '+' {
			return 0, false
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d > math.MaxInt64-days {
		return 0, false
	}
	return days + d, true
}

// formatDuration writes d the way the settings take it: whole days as "3d",
// and otherwise Go's form without the trailing zero units ("15m", "1h30m").
func formatDuration(d time.Duration) string {
	switch {
	case d == 0:
		return "0"
	case d >= day && d%day == 0:
		return strconv.FormatInt(int64(d/day), 10) + "d"
	}
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

var byteUnits = []struct {
	suffix string
	size   int64
}{
	// Longest suffixes first, so "mib" is not read as "b".
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9},
	{"b", 1},
}

// parseBytes reads a whole number of bytes, optionally with a unit: B, KB,
// MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024).
func parseBytes(raw string) (int64, bool) {
	s := strings.ToLower(raw)
	size := int64(1)
	for _, u := range byteUnits {
		if strings.HasSuffix(s, u.suffix) {
			s, size = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.size
			break
		}
	}
	if !allDigits(s) {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > math.MaxInt64/size {
		return 0, false
	}
	return n * size, true
}

func formatBytes(n int64) string {
	for _, u := range []struct {
		suffix string
		size   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n != 0 && n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// splitList splits a comma-separated value, trimming each item and dropping
// empty ones.
func splitList(raw string) []string {
	var items []string
	for _, item := range strings.Split(raw, ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}

// dedupe drops repeated items, keeping the first of each.
func dedupe(items []string) []string {
	seen := make(map[string]bool, len(items))
	out := items[:0:0]
	for _, item := range items {
		if !seen[item] {
			seen[item] = true
			out = append(out, item)
		}
	}
	return out
}

// isSnowflake reports whether s is a Discord ID: a non-zero unsigned 64-bit
// number written in digits.
func isSnowflake(s string) bool {
	if !allDigits(s) {
		return false
	}
	n, err := strconv.ParseUint(s, 10, 64)
	return err == nil && n > 0
}

const snowflakeFix = "use numeric Discord IDs, comma-separated (turn on Developer Mode in Discord, then right-click and Copy ID)"

// parseHTTPURL accepts an absolute http or https URL with a host. Without
// allowPath it must also have no path, query or fragment. The result has no
// trailing slash, since clients append their own paths.
func parseHTTPURL(raw string, allowPath bool, fix string) (string, *invalid) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.Opaque != "" {
		return "", refuse(fix, "%s is not an absolute http or https URL", shown(raw))
	}
	if !allowPath && (strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "") {
		return "", refuse(fix, "%s has a path; only the scheme and host are used", shown(raw))
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// displayURL hides any password in a URL that is shown or logged.
func displayURL(v string) string { return redact.URL(v) }

const addrOff = "off"

// parseAddr accepts host:port with a numeric port (the host may be empty,
// for every interface), or "off".
func parseAddr(raw string) (string, bool) {
	if strings.EqualFold(raw, addrOff) {
		return "", true
	}
	host, port, err := net.SplitHostPort(raw)
	if err != nil || !allDigits(port) {
		return "", false
	}
	if n, err := strconv.Atoi(port); err != nil || n > 65535 {
		return "", false
	}
	if host != "" && net.ParseIP(host) == nil && !isHostname(host) {
		return "", false
	}
	return raw, true
}

func isHostname(s string) bool {
	if len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

var logLevels = map[string]slog.Level{
	"debug":   slog.LevelDebug,
	"info":    slog.LevelInfo,
	"warn":    slog.LevelWarn,
	"warning": slog.LevelWarn,
	"error":   slog.LevelError,
}

func formatLevel(l slog.Level) string { return strings.ToLower(l.String()) }

// parseRate reads COUNT/DURATION ("5/1m"), or "off" for no limit.
func parseRate(raw string) (Rate, bool) {
	if strings.EqualFold(raw, "off") {
		return Rate{}, true
	}
	count, per, ok := strings.Cut(raw, "/")
	if !ok {
		return Rate{}, false
	}
	n, ok := parseWhole(strings.TrimSpace(count))
	if !ok {
		return Rate{}, false
	}
	d, ok := parseDuration(strings.TrimSpace(per))
	if !ok {
		return Rate{}, false
	}
	return Rate{Count: n, Per: d}, true
}

// cleanSecret checks a credential as pasted: it must be one word of
// printable characters. The value itself never enters the message.
func cleanSecret(v string) *invalid {
	for _, r := range v {
		if unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return refuse("set it to the credential alone, on one line", "the value contains spaces or control characters")
		}
	}
	return nil
}

// isHeaderSafe reports whether s can go in an HTTP header as is.
func isHeaderSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
