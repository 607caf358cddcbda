package config

import (
	"flag"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
)

func parseFlags(t *testing.T, c *Config, args ...string) error {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.BindFlags(fs)
	return fs.Parse(args)
}

func TestFlagsOverrideEnvironment(t *testing.T) {
	c := mustLoad(t, map[string]string{
		"COVERAGEBOT_INDEX":      "/env/index",
		"COVERAGEBOT_DATA":       "/env/data",
		"COVERAGEBOT_LOG_LEVEL":  "error",
		"COVERAGEBOT_LOG_FORMAT": "json",
	}, "")
	if err := parseFlags(t, &c, "--index", "/flag/index", "-log-level=debug"); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Index.Dir != "/flag/index" || c.Log.Level != slog.LevelDebug {
		t.Errorf("flags did not win: index %q, level %v", c.Index.Dir, c.Log.Level)
	}
	if c.Data != "/env/data" || c.Log.Format != "json" {
		t.Errorf("unflagged settings lost: data %q, format %q", c.Data, c.Log.Format)
	}
}

func TestFlagReplacesRefusedValue(t *testing.T) {
	c := mustLoad(t, map[string]string{"COVERAGEBOT_LOG_LEVEL": "loud"}, "")
	if c.Validate() == nil {
		t.Fatal("want the environment's value refused")
	}
	if err := parseFlags(t, &c, "--log-level", "warn"); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("the flag's value should replace the refused one: %v", err)
	}
}

func TestFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--log-level", "verbose"}, `the value (7 characters) is not a log level; set it to debug, info, warn or error`},
		{[]string{"--log-format", "xml"}, "set it to text or json"},
		{[]string{"--config", filepath.Join("no", "such.yaml")}, "COVERAGEBOT_CONFIG (--config)"},
		{[]string{"--config", ""}, "the path is empty"},
	}
	for _, tt := range tests {
		c := Default()
		err := parseFlags(t, &c, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.args, err, tt.want)
		}
	}
	// A value out of range is a Validate error naming the flag.
	c := Default()
	if err := parseFlags(t, &c, "--index", ""); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "COVERAGEBOT_INDEX (--index): it is empty") {
		t.Errorf("got %v", err)
	}
}

// TestConfigFlag checks that --config puts the file beneath the environment
// and the other flags, in either order on the command line.
func TestConfigFlag(t *testing.T) {
	path := writeFile(t, "bot.yaml", "index: /file/index\ndata: /file/data\ntop_k: 8\nlog_format: json\n")
	env := map[string]string{"COVERAGEBOT_TOP_K": "9"}
	for _, args := range [][]string{
		{"--index", "/flag/index", "--config", path},
		{"--config", path, "--index", "/flag/index"},
	} {
		c := mustLoad(t, env, "")
		if err := parseFlags(t, &c, args...); err != nil {
			t.Fatal(err)
		}
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		if c.File != path || c.Index.Dir != "/flag/index" || c.Data != "/file/data" || c.Retrieval.TopK != 9 || c.Log.Format != "json" {
			t.Errorf("%q: file %q, index %q, data %q, top k %d, format %q", args, c.File, c.Index.Dir, c.Data, c.Retrieval.TopK, c.Log.Format)
		}
	}
}

// TestFlagsDoNotLeakIntoCopies checks that a copy taken before parsing keeps
// its own record of where values came from.
func TestFlagsDoNotLeakIntoCopies(t *testing.T) {
	c := mustLoad(t, map[string]string{"COVERAGEBOT_LOG_LEVEL": "loud"}, "")
	before := c
	if err := parseFlags(t, &c, "--log-level", "info"); err != nil {
		t.Fatal(err)
	}
	if before.Validate() == nil {
		t.Error("the copy lost its refused value when the original was fixed by a flag")
	}
}

func TestFlagHelp(t *testing.T) {
	c := mustLoad(t, map[string]string{"COVERAGEBOT_DATA": "/srv/coverage"}, "")
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	var out strings.Builder
	fs.SetOutput(&out)
	c.BindFlags(fs)
	fs.PrintDefaults()
	help := out.String()
	for _, want := range []string{
		"-index DIR", "(env COVERAGEBOT_INDEX) (default ./.coveragebot)",
		"-data DIR", "(default /srv/coverage)",
		"-config FILE", "-log-level LEVEL", "-log-format FORMAT",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "panic") || strings.Contains(strings.ToLower(help), "token") || strings.Contains(strings.ToLower(help), "key") {
		t.Errorf("help shows a panic or a secret flag:\n%s", help)
	}
}
