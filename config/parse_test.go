package config

import (
	"math"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"0", 0, true},
		{"90s", 90 * time.Second, true},
		{"1h30m", 90 * time.Minute, true},
		{"30d", 720 * time.Hour, true},
		{"1d12h", 36 * time.Hour, true},
		{"0d", 0, true},
		{"-5m", -5 * time.Minute, true},
		{"d", 0, false},
		{"1.5d", 0, false},
		{"-1d", 0, false},
		{"1d-5h", 0, false},
		{"1d1d", 0, false},
		{"30", 0, false},
		{"30 days", 0, false},
		{"106752d", 0, false}, // beyond time.Duration
		{"106751d24h", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseDuration(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("parseDuration(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	tests := map[time.Duration]string{
		0:                       "0",
		time.Minute:             "1m",
		90 * time.Second:        "1m30s",
		time.Hour:               "1h",
		90 * time.Minute:        "1h30m",
		10 * time.Minute:        "10m",
		72 * time.Hour:          "3d",
		25 * time.Hour:          "25h",
		1500 * time.Millisecond: "1.5s",
		-5 * time.Minute:        "-5m",
	}
	for d, want := range tests {
		if got := formatDuration(d); got != want {
			t.Errorf("formatDuration(%v) = %q, want %q", d, got, want)
		}
		if back, ok := parseDuration(want); !ok || back != d {
			t.Errorf("%q reads back as %v, %v", want, back, ok)
		}
	}
}

func TestParseBytes(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"5000000", 5_000_000, true},
		{"5MiB", 5 << 20, true},
		{"5 mib", 5 << 20, true},
		{"500KB", 500_000, true},
		{"1GiB", 1 << 30, true},
		{"2GB", 2_000_000_000, true},
		{"64b", 64, true},
		{"5M", 0, false},
		{"1.5MiB", 0, false},
		{"-1", 0, false},
		{"MiB", 0, false},
		{"9223372036854775807", math.MaxInt64, true},
		{"9223372036854775807KiB", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseBytes(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("parseBytes(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for n, want := range map[int64]string{5 << 20: "5MiB", 1 << 30: "1GiB", 1536: "1536", 2048: "2KiB", 0: "0"} {
		if got := formatBytes(n); got != want {
			t.Errorf("formatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParseAddr(t *testing.T) {
	for in, ok := range map[string]bool{
		"127.0.0.1:8080": true, ":8080": true, "[::1]:80": true, "localhost:0": true, "off": true,
		"8080": false, "host:http": false, "host:65536": false, "bad_host:80": false, "-x:80": false, "": false,
	} {
		if _, got := parseAddr(in); got != ok {
			t.Errorf("parseAddr(%q) ok = %v, want %v", in, got, ok)
		}
	}
}

func TestIsSnowflake(t *testing.T) {
	for in, ok := range map[string]bool{
		"123456789012345678": true, "1": true, "18446744073709551615": true,
		"0": false, "18446744073709551616": false, "+1": false, "12a": false, "": false, " 1": false,
	} {
		if got := isSnowflake(in); got != ok {
			t.Errorf("isSnowflake(%q) = %v, want %v", in, got, ok)
		}
	}
}

func TestSuggestKey(t *testing.T) {
	for in, want := range map[string]string{
		"top_kk":             "did you mean top_k?",
		"feed":               "did you mean feeds?",
		"COVERAGEBOT_GUILDS": "write it as guilds",
		"OPENAI_API_KEY":     "write it as openai_api_key",
		"zzzzzzzzzz":         "keys are the setting names",
	} {
		if got := suggestKey(in); len(got) < len(want) || got[:len(want)] != want {
			t.Errorf("suggestKey(%q) = %q, want it to start with %q", in, got, want)
		}
	}
}
