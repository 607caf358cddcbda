package app

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/config"
)

// TestHealthzWaitsForDiscord: between the index being ready and the bot
// being made, /healthz must not say healthy, or a load balancer (or a test)
// sends questions that no gateway session receives. A process run without
// Discord is healthy once its index is.
func TestHealthzWaitsForDiscord(t *testing.T) {
	c := newCLI(t)
	for _, tc := range []struct {
		name      string
		noDiscord bool
		want      int
	}{
		{"with Discord, before the bot exists", false, http.StatusServiceUnavailable},
		{"without Discord", true, http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"COVERAGEBOT_INDEX": c.index, "COVERAGEBOT_DATA": c.data, "DISCORD_TOKEN": "token"}
			cfg, err := config.Load(func(k string) string { return env[k] }, "")
			if err != nil {
				t.Fatal(err)
			}
			a, err := New(cfg, Deps{NoDiscord: tc.noDiscord})
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			a.indexReady.Store(true) // the moment in Run after the index, before the bot
			rec := httptest.NewRecorder()
			a.healthz(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
			if rec.Code != tc.want {
				t.Errorf("/healthz = %d %q, want %d", rec.Code, strings.TrimSpace(rec.Body.String()), tc.want)
			}
		})
	}
}
