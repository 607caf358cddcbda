//go:build !bench

package app

import (
	"context"
	"errors"
)

// errNoBench is what bench says in a binary built without the harness.
var errNoBench = errors.New("this binary was built without the benchmark harness, which brings fake Discord and OpenAI servers; " +
	"run it from a checkout with `go run -tags bench . bench`")

func (c *benchCmd) run(context.Context, *invocation) error { return errNoBench }
