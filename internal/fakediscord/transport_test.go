package fakediscord_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
)

// recordingTransport answers every request itself and remembers where it was sent.
type recordingTransport struct{ got []string }

func (r *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r.got = append(r.got, req.URL.String()+" host="+req.Host)
	return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader("")), Request: req}, nil
}

func TestRewriteTransport(t *testing.T) {
	tests := []struct {
		name, base, url, want string
	}{
		{"api call", "http://127.0.0.1:8080", "https://discord.com/api/v9/users/@me", "http://127.0.0.1:8080/api/v9/users/@me host=127.0.0.1:8080"},
		{"query kept", "http://127.0.0.1:8080", "https://discord.com/api/v9/webhooks/1/t?wait=true", "http://127.0.0.1:8080/api/v9/webhooks/1/t?wait=true host=127.0.0.1:8080"},
		{"base with a path", "https://proxy.example/discord/", "https://discord.com/api/v9/gateway", "https://proxy.example/discord/api/v9/gateway host=proxy.example"},
		{"escaped emoji", "http://127.0.0.1:1", "https://discord.com/api/v9/channels/1/messages/2/reactions/%F0%9F%91%8D/@me", "http://127.0.0.1:1/api/v9/channels/1/messages/2/reactions/%F0%9F%91%8D/@me host=127.0.0.1:1"},
		{"subdomain", "http://127.0.0.1:1", "https://canary.discord.com/api/v9/users/@me", "http://127.0.0.1:1/api/v9/users/@me host=127.0.0.1:1"},
		{"other host untouched", "http://127.0.0.1:1", "https://example.com/a", "https://example.com/a host=example.com"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recordingTransport{}
			client := &http.Client{Transport: fakediscord.RewriteTransport(tc.base, rec)}
			req, err := http.NewRequest("GET", tc.url, nil)
			if err != nil {
				t.Fatal(err)
			}
			before := req.URL.String()
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if len(rec.got) != 1 || rec.got[0] != tc.want {
				t.Errorf("sent %v, want %q", rec.got, tc.want)
			}
			if req.URL.String() != before {
				t.Errorf("the caller's request was modified: %s", req.URL)
			}
		})
	}
}

func TestRewriteTransportRejectsBadBase(t *testing.T) {
	for _, base := range []string{"", "127.0.0.1:8080", "ftp://x", "http://%zz"} {
		client := &http.Client{Transport: fakediscord.RewriteTransport(base, &recordingTransport{})}
		_, err := client.Get("https://discord.com/api/v9/gateway")
		if err == nil || !strings.Contains(err.Error(), "invalid base URL") {
			t.Errorf("base %q: err = %v, want invalid base URL", base, err)
		}
	}
}

func TestRewriteTransportReachesFake(t *testing.T) {
	fake := fakediscord.New(fakediscord.Options{})
	defer fake.Close()
	client := &http.Client{Transport: fakediscord.RewriteTransport(fake.URL(), nil)}
	resp, err := client.Get("https://discord.com/api/v10/gateway")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `"url":"ws://127.0.0.1:`) {
		t.Errorf("GET /gateway = %s", body)
	}
	if calls := fake.Calls(); len(calls) != 1 || calls[0].Route != "/gateway" || calls[0].Path != "/api/v10/gateway" {
		t.Errorf("calls = %+v", calls)
	}
	resp, err = client.Get("https://discord.com/api/v9/no/such/route")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 || !strings.Contains(string(body), `"code":0`) {
		t.Errorf("unknown route = %d %s, want Discord's JSON 404", resp.StatusCode, body)
	}
}

func TestRESTDelay(t *testing.T) {
	fake := fakediscord.New(fakediscord.Options{})
	defer fake.Close()
	// The delay dwarfs the client's patience, so the outcome does not depend on machine speed.
	fake.SetRESTDelay(time.Minute)
	impatient := &http.Client{Transport: fakediscord.RewriteTransport(fake.URL(), nil), Timeout: 50 * time.Millisecond}
	if resp, err := impatient.Get("https://discord.com/api/v9/gateway"); err == nil {
		resp.Body.Close()
		t.Fatal("want a timeout while the fake delays")
	}
	fake.SetRESTDelay(0)
	resp, err := impatient.Get("https://discord.com/api/v9/gateway")
	if err != nil {
		t.Fatalf("after removing the delay: %v", err)
	}
	resp.Body.Close()
	if n := len(fake.Calls()); n != 1 {
		t.Errorf("recorded %d calls, want only the answered one", n)
	}
}
