// Package weaviatetest starts real Weaviate servers on loopback for tests: a
// single node, or a cluster of several that a test can kill and restart node
// by node. Each node runs the weaviate-server binary named by
// $COVERAGEBOT_WEAVIATE_BIN (scripts/weaviate-server builds it and
// scripts/test sets it), keeps its data in its own t.TempDir() and its log in
// a file, and is stopped when the test ends. Nothing it starts reaches beyond
// the machine: telemetry is off and no vectorizer or API-based module is
// enabled. REST, gossip and raft listen on 127.0.0.1; Weaviate v1.35.2 binds
// the gRPC and cluster data ports on every interface and offers no setting
// to narrow them.
package weaviatetest

import (
	"errors"
	"fmt"
	"os"
	"testing"
)

// EnvBinary is the environment variable that names the weaviate-server
// binary the tests run.
const EnvBinary = "COVERAGEBOT_WEAVIATE_BIN"

// howToRun is appended to every message about a missing binary.
const howToRun = "scripts/test sets it; to run only the Go tests, " +
	`export ` + EnvBinary + `="$(scripts/weaviate-server)"`

// errNotSet is returned by Binary when EnvBinary is empty, so that Require
// can tell "not asked for" (skip) from "asked for but broken" (fail).
var errNotSet = errors.New(EnvBinary + " is not set")

// Binary returns the weaviate-server binary named by $COVERAGEBOT_WEAVIATE_BIN,
// or an error that says how to get one.
func Binary() (string, error) {
	path := os.Getenv(EnvBinary)
	if path == "" {
		return "", fmt.Errorf("weaviatetest: %w (%s)", errNotSet, howToRun)
	}
	info, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("weaviatetest: %s=%s: %w (%s)", EnvBinary, path, err, howToRun)
	}
	if !info.Mode().IsRegular() || info.Mode().Perm()&0o111 == 0 {
		return "", fmt.Errorf("weaviatetest: %s=%s is not an executable file (%s)", EnvBinary, path, howToRun)
	}
	return path, nil
}

// Require returns the weaviate-server binary. When $COVERAGEBOT_WEAVIATE_BIN
// is unset it skips the test, saying that the Weaviate suite did not run and
// how to run it. When it is set but names no executable file it fails the
// test: a CI run that asked for the suite must never pass without it.
func Require(t testing.TB) string {
	t.Helper()
	path, err := Binary()
	if errors.Is(err, errNotSet) {
		t.Skip("the Weaviate suite did not run: " + EnvBinary + " is not set (" + howToRun + ")")
		return ""
	}
	if err != nil {
		t.Fatal(err)
		return ""
	}
	return path
}
