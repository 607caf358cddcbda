package openai

import (
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 4, 26, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		header, headerMS string
		want             time.Duration
		ok               bool
	}{
		{"", "", 0, false},
		{"5", "", 5 * time.Second, true},
		{" 2 ", "", 2 * time.Second, true},
		{"0", "", 0, true},
		{"-1", "", 0, false},
		{"1.5", "", 0, false},
		{"soon", "", 0, false},
		{"99999999999999999999", "", 24 * time.Hour, true},
		{now.Add(90 * time.Second).Format(http.TimeFormat), "", 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), "", 0, true},
		{"Sun, 06 Nov 1994 08:49:37 GMT", "", 0, true},
		{"5", "250", 250 * time.Millisecond, true},
		{"5", "12.5", 12500 * time.Microsecond, true},
		{"5", "-3", 5 * time.Second, true},
		{"", "NaN", 0, false},
		{"", "Inf", 24 * time.Hour, true},
		{"", "1e300", 24 * time.Hour, true},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.header, tt.headerMS, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%q, %q) = %v, %v; want %v, %v", tt.header, tt.headerMS, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzRetryAfter(f *testing.F) {
	for _, seed := range []string{"", "0", "120", "Wed, 21 Oct 2015 07:28:00 GMT", "-5", "1e9", "NaN", "+Inf"} {
		f.Add(seed, seed)
	}
	now := time.Date(2025, 4, 26, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, header, headerMS string) {
		d, ok := retryAfter(header, headerMS, now)
		if d < 0 || d > 24*time.Hour {
			t.Errorf("retryAfter(%q, %q) = %v", header, headerMS, d)
		}
		if !ok && d != 0 {
			t.Errorf("retryAfter(%q, %q) = %v without a value", header, headerMS, d)
		}
	})
}

func TestBackoffBounds(t *testing.T) {
	for try := 1; try <= 12; try++ {
		hi := min(100*time.Millisecond<<(try-1), 2*time.Second)
		for range 50 {
			if d := backoff(try, 100*time.Millisecond, 2*time.Second); d < hi/2 || d > hi {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", try, d, hi/2, hi)
			}
		}
	}
	if d := backoff(1000, time.Second, time.Minute); d < 30*time.Second || d > time.Minute {
		t.Errorf("backoff after many attempts = %v", d)
	}
}

func TestServerMessage(t *testing.T) {
	keep := func(s string) string { return s }
	tests := []struct {
		name, contentType, body, want string
	}{
		{"openai", "application/json", `{"error":{"message":"Rate limit reached for gpt-4o","type":"requests"}}`, "Rate limit reached for gpt-4o"},
		{"ollama", "application/json", `{"error":"model \"llama3\" not found, try pulling it first"}`, `model "llama3" not found, try pulling it first`},
		{"vllm", "application/json", `{"object":"error","message":"The model does not exist.","type":"NotFoundError","code":404}`, "The model does not exist."},
		{"fastapi", "application/json", `{"detail":"Not Found"}`, "Not Found"},
		{"fastapi list", "application/json", `{"detail":[{"loc":["body"],"msg":"field required"}]}`, `[{"loc":["body"],"msg":"field required"}]`},
		{"html title", "text/html", "<html>\n<head><title>502 Bad\n Gateway</title></head><body><h1>502</h1></body></html>", "502 Bad Gateway"},
		{"html without title", "", "<html><body><h1>Service down</h1>\n<p>try later</p></body></html>", "Service down try later"},
		{"plain", "text/plain", "upstream connect error\r\nor disconnect", "upstream connect error or disconnect"},
		{"empty", "", "", ""},
		{"control characters", "text/plain", "bad\x00\x1b[31mred\tthing", "bad [31mred thing"},
		{"long", "text/plain", strings.Repeat("x", 500), strings.Repeat("x", maxMessageLen-len("…")) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := serverMessage(tt.contentType, []byte(tt.body), keep); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	redact := func(s string) string { return strings.ReplaceAll(s, canaryKey, "[redacted]") }
	body := `{"error":{"message":"` + strings.Repeat("a ", 70) + canaryKey + `"}}`
	if got := serverMessage("application/json", []byte(body), redact); strings.Contains(got, "canary") {
		t.Errorf("a cut left part of the key: %q", got)
	}
}

func FuzzServerMessage(f *testing.F) {
	f.Add("application/json", `{"error":{"message":"boom"}}`)
	f.Add("text/html", "<html><title>503</title></html>")
	f.Add("", "<title>")
	f.Add("", "plain\n\ttext\x00")
	f.Add("", "\xff\xfe ü €")
	f.Fuzz(func(t *testing.T, contentType, body string) {
		got := serverMessage(contentType, []byte(body), func(s string) string { return s })
		if len(got) > maxMessageLen || !utf8.ValidString(got) || strings.ContainsAny(got, "\n\r\t\x00") {
			t.Errorf("serverMessage(%q) = %q", body, got)
		}
	})
}

func TestStreamDoneDetection(t *testing.T) {
	tests := []struct {
		stream string
		done   bool
	}{
		{"data: {}\n\ndata: [DONE]\n\n", true},
		{"data:[DONE]\r\n", true},
		{"data: {}\n\n", false},
		{"data: [DONE]", false}, // no line end: go-openai would not read it either
		{"data: {\"content\":\"data: [DONE]\"}\n", false},
		{": comment [DONE]\n", false},
		{strings.Repeat("x", 100) + "data: [DONE]\n", false},
	}
	for _, tt := range tests {
		a := &attempt{}
		b := &streamBody{attempt: a, limit: 1 << 20}
		// Feed byte by byte so that lines straddle reads.
		for i := range len(tt.stream) {
			b.scan([]byte{tt.stream[i]})
		}
		if a.done != tt.done {
			t.Errorf("%q: done = %v, want %v", tt.stream, a.done, tt.done)
		}
	}
}
