//go:build !bench

package app

import (
	"strings"
	"testing"
)

// The shipped binary has no harness: bench says how to get one, and fails.
func TestBenchWithoutTheHarnessSaysHowToBuildIt(t *testing.T) {
	c := newCLI(t)
	out, errs, code := c.run("bench", "--sizes", "1k")
	if code != 1 || out != "" || !strings.Contains(errs, "go run -tags bench . bench") {
		t.Fatalf("bench without the tag: exit %d\nstdout: %s\nstderr: %s", code, out, errs)
	}
	if help, _, code := c.run("bench", "--help"); code != 0 || !strings.Contains(help, "--sizes") {
		t.Fatalf("bench --help lists no flags: exit %d, %s", code, help)
	}
}
