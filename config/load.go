package config

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Limits on the files Load reads, so that a path pointing at a device or a
// huge file fails clearly instead of filling memory.
const (
	maxConfigFileBytes = 1 << 20
	maxTokenFileBytes  = 64 << 10
)

// Load builds the Config: defaults, then the YAML file named by
// COVERAGEBOT_CONFIG (or file, when non-empty: it comes from a --config flag),
// then the environment read through getenv. An empty variable counts as
// unset. A nil getenv means an empty environment.
//
// Load fails only when a file cannot be used: the settings file is missing,
// unreadable, not YAML or has unknown keys, or DISCORD_TOKEN_FILE cannot be
// read. A value that cannot be parsed is kept aside, the previous layer's
// value stays, and Validate reports it with every other problem; Load does
// not validate.
func Load(getenv func(string) string, file string) (Config, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	c := Default()
	c.state = &provenance{
		getenv:   getenv,
		origins:  make(map[string]string),
		problems: make(map[string]*SettingError),
	}

	path, origin := strings.TrimSpace(file), "--config"
	if fromEnv := strings.TrimSpace(getenv(envConfig)); path == "" || path == fromEnv {
		path, origin = fromEnv, ""
	}
	if path != "" {
		c.File = path
		c.state.origins[envConfig] = origin
		if err := c.readFile(path, origin); err != nil {
			return Config{}, err
		}
	}

	for i := range settings {
		s := &settings[i]
		if s.Name == envConfig {
			continue
		}
		if raw := strings.TrimSpace(getenv(s.Name)); raw != "" {
			c.apply(s, raw, "")
		}
	}

	if err := c.readTokenFile(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// provenance records, for each setting, where its value came from and why a
// raw value was refused, so that Validate can name the source and report
// parse errors together with range errors. Once a Config is handed out, every
// change goes to a fresh copy, so copies of a Config never see each other's
// changes.
type provenance struct {
	getenv func(string) string
	// origins says where each value came from: "" for the environment,
	// "top_k in FILE" for the YAML file, "--index" for a flag.
	origins  map[string]string
	problems map[string]*SettingError
	// flags are the flags applied so far, in order, so that a later --config
	// can reload the file and then apply them again.
	flags []appliedFlag
}

type appliedFlag struct {
	flag, setting, value string
}

func (p *provenance) clone() *provenance {
	if p == nil {
		return &provenance{origins: make(map[string]string), problems: make(map[string]*SettingError)}
	}
	return &provenance{
		getenv:   p.getenv,
		origins:  maps.Clone(p.origins),
		problems: maps.Clone(p.problems),
		flags:    slices.Clone(p.flags),
	}
}

func (c *Config) origin(name string) string {
	if c.state == nil {
		return ""
	}
	return c.state.origins[name]
}

func (c *Config) problem(name string) *SettingError {
	if c.state == nil {
		return nil
	}
	return c.state.problems[name]
}

// apply parses raw into the setting and records the outcome. The caller owns
// c.state.
func (c *Config) apply(s *setting, raw, origin string) {
	c.record(s, origin, s.parse(c, raw), raw)
}

func (c *Config) applyList(s *setting, items []string, origin string) {
	c.record(s, origin, s.parseList(c, items), strings.Join(items, ","))
}

// record notes where the setting's latest value came from. A refused value
// becomes the setting's problem; an accepted one clears any earlier problem,
// since it replaces the value that was refused.
func (c *Config) record(s *setting, origin string, inv *invalid, raw string) {
	c.state.origins[s.Name] = origin
	if inv == nil {
		delete(c.state.problems, s.Name)
		return
	}
	c.state.problems[s.Name] = newSettingError(s, origin, inv, raw)
}

func newSettingError(s *setting, origin string, inv *invalid, raw string) *SettingError {
	problem := inv.problem
	if s.Secret && raw != "" {
		// Secret parsers never quote the value; this is the second lock.
		problem = strings.ReplaceAll(problem, raw, "[redacted]")
	}
	return &SettingError{Name: s.Name, Source: origin, Problem: problem, Fix: inv.fix}
}

// readFile applies the YAML settings file: a flat mapping from keys to
// values, where list settings may also be YAML sequences.
func (c *Config) readFile(path, origin string) error {
	fail := func(problem, fix string) error {
		return &SettingError{Name: envConfig, Source: origin, Problem: problem, Fix: fix}
	}
	data, err := readLimited(path, maxConfigFileBytes)
	if err != nil {
		return fail(err.Error(), "check the path and that the file can be read")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fail(fmt.Sprintf("%s: %v", path, err), "fix the YAML syntax")
	}
	if len(doc.Content) == 0 {
		return nil // an empty file sets nothing
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		return fail(path+" is not a mapping of settings", "write one setting per line, such as top_k: 8")
	}

	var errs []error
	seen := make(map[string]int)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		where := fmt.Sprintf("%s line %d", path, k.Line)
		s, known := byKey[k.Value]
		switch {
		case k.Kind != yaml.ScalarNode:
			errs = append(errs, fail(where+": a key is not a plain name", "write one setting per line, such as top_k: 8"))
		case !known:
			errs = append(errs, fail(fmt.Sprintf("%s: unknown setting %s", where, quote(k.Value)), suggestKey(k.Value)))
		case s.envOnly:
			errs = append(errs, fail(fmt.Sprintf("%s: %s cannot be set in the file itself", where, k.Value), "name the file with COVERAGEBOT_CONFIG or --config"))
		case seen[k.Value] > 0:
			errs = append(errs, fail(fmt.Sprintf("%s: %s is also set on line %d", where, k.Value, seen[k.Value]), "keep only one of them"))
		default:
			seen[k.Value] = k.Line
			c.applyNode(s, v, s.Key+" in "+path)
		}
	}
	return errors.Join(errs...)
}

// applyNode applies one value of the YAML file. Its problems belong to the
// setting, so Validate reports them, naming the key and file.
func (c *Config) applyNode(s *setting, v *yaml.Node, origin string) {
	const fix = "write it as key: value on one line"
	v = resolveAlias(v)
	switch v.Kind {
	case yaml.ScalarNode:
		if raw := strings.TrimSpace(v.Value); raw != "" && v.Tag != "!!null" {
			c.apply(s, raw, origin)
		}
	case yaml.SequenceNode:
		if s.parseList == nil {
			c.record(s, origin, refuse(fix, "a list was given where one value is expected"), "")
			return
		}
		var items []string
		for _, item := range v.Content {
			item = resolveAlias(item)
			if item.Kind != yaml.ScalarNode {
				c.record(s, origin, refuse("list plain values, one per line", "a list item is not a plain value"), "")
				return
			}
			if raw := strings.TrimSpace(item.Value); raw != "" && item.Tag != "!!null" {
				items = append(items, raw)
			}
		}
		c.applyList(s, items, origin)
	default:
		c.record(s, origin, refuse(fix, "a mapping was given where one value is expected"), "")
	}
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// suggestKey names the known key closest to an unknown one.
func suggestKey(unknown string) string {
	const general = "keys are the setting names in lower case without COVERAGEBOT_, as listed in the README"
	if s, ok := byKey[yamlKey(strings.ToUpper(unknown))]; ok {
		return fmt.Sprintf("write it as %s (the YAML key, not the environment variable)", s.Key)
	}
	best, bestDist := "", 4 // suggest only near misses
	for i := range settings {
		if d := editDistance(unknown, settings[i].Key); d < bestDist {
			best, bestDist = settings[i].Key, d
		}
	}
	if best == "" {
		return general
	}
	return fmt.Sprintf("did you mean %s? %s", best, general)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// readTokenFile fills the token from DISCORD_TOKEN_FILE. The file's content
// never appears in a message.
func (c *Config) readTokenFile() error {
	path := c.Discord.TokenFile
	if path == "" {
		return nil
	}
	s := byName[envTokenFile]
	origin := c.origin(envTokenFile)
	if c.Discord.Token.IsSet() {
		c.record(s, origin, refuse("set only one of them", "it is set together with %s", envToken), "")
		return nil
	}
	data, err := readLimited(path, maxTokenFileBytes)
	if err != nil {
		return &SettingError{Name: envTokenFile, Source: origin, Problem: err.Error(), Fix: "check the path and that the bot's user may read the file"}
	}
	token := strings.TrimSpace(string(data))
	if token == "" {
		c.record(s, origin, refuse("put the bot token in it", "%s is empty", path), "")
		return nil
	}
	if inv := byName[envToken].parse(c, token); inv != nil {
		c.record(s, origin, refuse(inv.fix, "%s: %s", path, inv.problem), "")
	}
	return nil
}

func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %s", path, formatBytes(limit))
	}
	return data, nil
}
