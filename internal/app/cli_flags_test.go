package app

import (
	"errors"
	"flag"
	"reflect"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/config"
)

func findCommand(t *testing.T, name string) command {
	t.Helper()
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	t.Fatalf("no command %q", name)
	return command{}
}

func TestFlagsFillTheCommandStruct(t *testing.T) {
	tests := []struct {
		cmd      string
		args     []string
		want     runner
		wantRest []string
	}{
		{"ask", []string{"who", "is", "--json", "-k", "3", "--as-of", "2025-02-14", "Coale?"},
			&askCmd{JSON: true, K: 3, AsOf: "2025-02-14"}, []string{"who", "is", "Coale?"}},
		// Go's flag package takes one dash or two, and "--" ends the flags.
		{"ask", []string{"-json", "--k=7", "--", "--not-a-flag"},
			&askCmd{JSON: true, K: 7}, []string{"--not-a-flag"}},
		{"summary", []string{"--article", "a1", "--all"}, &summaryCmd{Article: "a1", All: true}, nil},
		{"ingest", []string{"data", "--prune", "--rebuild", "--feeds"}, &ingestCmd{Prune: true, Rebuild: true, Feeds: true}, []string{"data"}},
		{"sources", []string{"--query", "Sky", "--json"}, &sourcesCmd{JSON: true, Query: "Sky"}, nil},
		{"quotes", []string{"--person", "Bolton", "--topic", "NATO"}, &quotesCmd{Person: "Bolton", Topic: "NATO"}, nil},
		{"timeline", []string{"--topic", "bridge", "--as-of", "2025-01-01"}, &timelineCmd{Topic: "bridge", AsOf: "2025-01-01"}, nil},
		{"compare", []string{"bridge", "--json"}, &compareCmd{JSON: true}, []string{"bridge"}},
		{"digest", nil, &digestCmd{Since: "1d"}, nil},
		{"serve", []string{"--no-discord"}, &serveCmd{NoDiscord: true}, nil},
		{"eval", []string{"--corpus", "c.jsonl", "--queries", "q.jsonl", "--failures", "--failures-half", "check", "--answers", "--eval-index", "/tmp/x"},
			&evalCmd{Corpus: "c.jsonl", Queries: "q.jsonl", Failures: true, FailuresHalf: "check", Answers: true, EvalIndex: "/tmp/x"}, nil},
		{"migrate", []string{"--to", "weaviate"}, &migrateCmd{To: "weaviate"}, nil},
		{"bench", []string{"--sizes", "1k", "--queries", "5"}, &benchCmd{Sizes: "1k", Queries: 5, Store: "chromem"}, nil},
		{"version", []string{"extra"}, &versionCmd{}, []string{"extra"}},
	}
	for _, tt := range tests {
		t.Run(tt.cmd+" "+strings.Join(tt.args, " "), func(t *testing.T) {
			cfg, err := config.Load(func(string) string { return "" }, "")
			if err != nil {
				t.Fatal(err)
			}
			c := findCommand(t, tt.cmd)
			got, _, rest, err := c.parse(&cfg, tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("flags = %+v, want %+v", got, tt.want)
			}
			if !reflect.DeepEqual(rest, tt.wantRest) {
				t.Errorf("arguments = %q, want %q", rest, tt.wantRest)
			}
		})
	}
}

// The common flags land in the Config, beside the command's own, in any
// order on the command line.
func TestCommonFlagsMixWithTheCommandsOwn(t *testing.T) {
	cfg, err := config.Load(func(string) string { return "" }, "")
	if err != nil {
		t.Fatal(err)
	}
	c := findCommand(t, "ask")
	got, _, rest, err := c.parse(&cfg, []string{"--json", "q", "--index", "/tmp/ix", "--log-level", "debug"})
	if err != nil {
		t.Fatal(err)
	}
	if !got.(*askCmd).JSON || cfg.Index.Dir != "/tmp/ix" || len(rest) != 1 {
		t.Errorf("flags %+v, index %q, rest %q", got, cfg.Index.Dir, rest)
	}
}

// Every command binds its fields beside the common flags without a clash
// (the flag package panics on a name defined twice), answers --help, and
// takes no secret from the command line (STYLE.md rule 8).
func TestEveryCommandsFlagsAreDistinctAndHoldNoSecret(t *testing.T) {
	var secretWords []string
	for _, s := range config.Settings() {
		if s.Secret {
			// DISCORD_TOKEN → "token", OPENAI_API_KEY → "key".
			parts := strings.Split(strings.ToLower(s.Name), "_")
			secretWords = append(secretWords, parts[len(parts)-1])
		}
	}
	if len(secretWords) == 0 {
		t.Fatal("config lists no secret settings; the check below would pass vacuously")
	}
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := config.Load(func(string) string { return "" }, "")
			if err != nil {
				t.Fatal(err)
			}
			_, fs, _, err := c.parse(&cfg, []string{"--help"})
			if !errors.Is(err, flag.ErrHelp) {
				t.Fatalf("--help: %v", err)
			}
			var help strings.Builder
			commandUsage(&help, &c, fs)
			fs.VisitAll(func(f *flag.Flag) {
				for _, w := range secretWords {
					if strings.Contains(f.Name, w) {
						t.Errorf("flag --%s looks like a secret (%q); secrets come from the environment or a file", f.Name, w)
					}
				}
				dash := "--"
				if len(f.Name) == 1 {
					dash = "-"
				}
				if !strings.Contains(help.String(), "  "+dash+f.Name) {
					t.Errorf("--help does not list %s%s:\n%s", dash, f.Name, help.String())
				}
			})
		})
	}
}

func TestBadFlagValuesAreUsageErrors(t *testing.T) {
	c := newCLI(t)
	for _, args := range [][]string{
		{"ask", "q", "-k", "many"},
		{"bench", "--queries", "1.5"},
		{"serve", "--no-discord=perhaps"},
		{"sources", "--no-such-flag"},
	} {
		_, errs, code := c.run(args...)
		if code != exitUsage || !strings.Contains(errs, "(see coveragebot "+args[0]+" --help)") {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}
