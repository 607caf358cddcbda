package app

import (
	"os"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/config"
)

// The README's settings table is generated from config.Settings; this
// keeps the two from drifting apart.
func TestREADMESettingsTableIsCurrent(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	begin := strings.Index(readme, "<!-- settings:begin -->\n")
	end := strings.Index(readme, "<!-- settings:end -->")
	if begin < 0 || end < begin {
		t.Fatal("README.md has no settings markers")
	}
	got := readme[begin+len("<!-- settings:begin -->\n") : end]
	if got != config.MarkdownTable() {
		t.Error("README.md's settings table differs from config.MarkdownTable(); regenerate it from config.Settings()")
	}
}
