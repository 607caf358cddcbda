package app

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"
)

// healthcheckCmd asks the running bot's /healthz. The Docker image has no
// shell or curl, so its HEALTHCHECK runs this.
type healthcheckCmd struct{ noFlags }

func (*healthcheckCmd) run(ctx context.Context, inv *invocation) error {
	addr := inv.cfg.HTTP.Addr
	if addr == "" {
		return fmt.Errorf("COVERAGEBOT_HTTP_ADDR is empty, so there is no health endpoint to check")
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("COVERAGEBOT_HTTP_ADDR %q: %w", addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	url := "http://" + net.JoinHostPort(host, port) + "/healthz"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("unhealthy: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("unhealthy: %s answered %s", url, resp.Status)
	}
	fmt.Fprintln(inv.stdout(), "healthy")
	return nil
}
