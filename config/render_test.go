package config

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestMarkdownTable(t *testing.T) {
	table := MarkdownTable()
	lines := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
	groups := map[string]bool{}
	for _, s := range Settings() {
		groups[s.Group] = true
	}
	if want := 2 + len(Settings()) + len(groups); len(lines) != want {
		t.Errorf("table has %d lines, want %d", len(lines), want)
	}
	unescapedPipe := regexp.MustCompile(`(^|[^\\])\|`)
	for i, line := range lines {
		if n := len(unescapedPipe.FindAllStringIndex(line, -1)); n != 4 {
			t.Errorf("line %d has %d cell borders, want 4: %s", i+1, n, line)
		}
	}
	for _, s := range Settings() {
		row := "| `" + s.Name + "` |"
		if strings.Count(table, row) != 1 {
			t.Errorf("%s is not listed exactly once", s.Name)
		}
		if s.Default != "" && !strings.Contains(table, row+" `"+s.Default+"` |") {
			t.Errorf("%s: default %q not shown", s.Name, s.Default)
		}
	}
	if !strings.Contains(table, "| `DISCORD_TOKEN` | *secret* |") {
		t.Error("secrets are not marked")
	}
	if got := cell("a|b\nc"); got != `a\|b c` {
		t.Errorf("cell = %q", got)
	}
}

// TestEnvExampleGivesDefaults reads .env.example back: every setting is in
// it, and uncommenting every line reproduces the defaults.
func TestEnvExampleGivesDefaults(t *testing.T) {
	example := EnvExample()
	env := map[string]string{}
	assignment := regexp.MustCompile(`^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$`)
	sc := bufio.NewScanner(strings.NewReader(example))
	for sc.Scan() {
		line := sc.Text()
		m := assignment.FindStringSubmatch(line)
		if m == nil && len(line) > 80 {
			t.Errorf("comment longer than 80 characters: %q", line)
		}
		if m != nil {
			if _, dup := env[m[1]]; dup {
				t.Errorf("%s appears twice", m[1])
			}
			env[m[1]] = m[2]
		}
	}
	for _, s := range Settings() {
		v, ok := env[s.Name]
		if !ok {
			t.Errorf("%s is missing", s.Name)
			continue
		}
		if s.Secret && (v != "" || !strings.Contains(example, "\n"+s.Name+"=\n")) {
			t.Errorf("%s should be an empty assignment to fill in", s.Name)
		}
	}
	c := mustLoad(t, env, "")
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if got, want := c.String(), Default().String(); got != want {
		t.Errorf("the example's values are not the defaults:\n%s\nwant\n%s", got, want)
	}
}

func TestWrap(t *testing.T) {
	got := wrap("aaa bbb ccc dddddddddd", 7)
	want := []string{"aaa bbb", "ccc", "dddddddddd"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrap = %q, want %q", got, want)
	}
}

// TestCommittedEnvExampleListsEverySetting reads the repository's
// .env.example, which is written by hand around the generated descriptions:
// every setting must be there, set or commented out, so that a new setting
// cannot ship without it (scripts/docker-smoke checks the same against the
// README, after a Docker build).
func TestCommittedEnvExampleListsEverySetting(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", ".env.example"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	assignment := regexp.MustCompile(`(?m)^#?([A-Z][A-Z0-9_]*)=`)
	for _, m := range assignment.FindAllStringSubmatch(string(b), -1) {
		listed[m[1]] = true
	}
	for _, s := range Settings() {
		if !listed[s.Name] {
			t.Errorf(".env.example does not list %s", s.Name)
		}
	}
}
