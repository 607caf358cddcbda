// Command coveragebot answers questions about a body of news coverage, with
// citations, from the command line and as a Discord bot.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/coveragebot/coveragebot/internal/app"
)

// version is stamped at build time: -ldflags "-X main.version=1.2.3".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := app.Main(ctx, os.Args[1:], app.Env{
		Getenv:  os.Getenv,
		Stdin:   os.Stdin,
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Version: version,
	})
	stop()
	os.Exit(code)
}
