package bot

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestAPIClientRewritesEveryRequest(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Method+" "+r.Host+" "+r.URL.RequestURI()+" auth="+r.Header.Get("Authorization"))
		mu.Unlock()
		io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")

	for _, tc := range []struct {
		base, url, want string
	}{
		{srv.URL, "https://discord.com/api/v9/gateway", "GET " + host + " /api/v9/gateway auth=Bot t"},
		{srv.URL + "/", "https://discord.com/api/v9/channels/1/messages?limit=5", "GET " + host + " /api/v9/channels/1/messages?limit=5 auth=Bot t"},
		{srv.URL + "/proxy", "https://discord.com/api/v9/users/@me", "GET " + host + " /proxy/api/v9/users/@me auth=Bot t"},
		{srv.URL + "/proxy/", "https://discord.com/api/v9/webhooks/2/tok%2Fen/messages/@original", "GET " + host + " /proxy/api/v9/webhooks/2/tok%2Fen/messages/@original auth=Bot t"},
	} {
		client, err := newAPIClient(tc.base, nil)
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest("GET", tc.url, nil)
		req.Header.Set("Authorization", "Bot t")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if req.URL.Host != "discord.com" {
			t.Errorf("the caller's request was modified: %s", req.URL)
		}
		mu.Lock()
		got := seen[len(seen)-1]
		mu.Unlock()
		if got != tc.want {
			t.Errorf("base %s, %s: server saw %q, want %q", tc.base, tc.url, got, tc.want)
		}
	}
}

func TestAPIClientKeepsBaseClientSettings(t *testing.T) {
	base := &http.Client{Timeout: 7 * time.Second}
	client, err := newAPIClient("http://127.0.0.1:1", base)
	if err != nil {
		t.Fatal(err)
	}
	if client.Timeout != 7*time.Second || base.Transport != nil {
		t.Errorf("timeout %v; base transport changed: %v", client.Timeout, base.Transport)
	}
	def, _ := newAPIClient(DefaultAPIURL, nil)
	if def.Timeout != defaultRESTTimeout {
		t.Errorf("default timeout %v", def.Timeout)
	}
}

func TestParseAPIURL(t *testing.T) {
	for _, bad := range []string{"", "discord.com", "ftp://discord.com", "http://", "https://x.example/?a=b", "http://x.example/#f", "://"} {
		if _, err := parseAPIURL(bad); err == nil {
			t.Errorf("parseAPIURL(%q) accepted", bad)
		}
	}
	for _, good := range []string{"https://discord.com", "http://127.0.0.1:8080", "http://proxy.internal/discord/"} {
		if _, err := parseAPIURL(good); err != nil {
			t.Errorf("parseAPIURL(%q): %v", good, err)
		}
	}
}
