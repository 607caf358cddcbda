package config

import (
	"errors"
	"flag"
	"slices"
	"strings"
)

// commonFlags are the flags every subcommand shares. Secrets are never flags:
// a command line is visible to every user of the machine.
var commonFlags = []struct {
	flag, setting, usage string
}{
	{"index", "COVERAGEBOT_INDEX", "`DIR` where the coverage index lives"},
	{"data", "COVERAGEBOT_DATA", "`DIR` of coverage that ingest reads when given no path"},
	{"config", envConfig, "YAML `FILE` of settings"},
	{"log-level", "COVERAGEBOT_LOG_LEVEL", "least important log `LEVEL` shown: debug, info, warn or error"},
	{"log-format", "COVERAGEBOT_LOG_FORMAT", "log `FORMAT`: text or json"},
	{"weaviate-batch-size", "COVERAGEBOT_WEAVIATE_BATCH_SIZE", "`PASSAGES` in each Weaviate import request"},
	{"weaviate-ef", "COVERAGEBOT_WEAVIATE_EF", "search breadth (HNSW ef) of the Weaviate passage graph, `N` candidates (-1: Weaviate's dynamic ef; 0: leave the collection's)"},
	{"weaviate-import-concurrency", "COVERAGEBOT_WEAVIATE_IMPORT_CONCURRENCY", "Weaviate import `REQUESTS` in flight at once (0: 4, or 1 with replication)"},
}

// BindFlags registers --index, --data, --config, --log-level, --log-format
// and the Weaviate import settings on fs, with c's current values as their
// defaults. After fs.Parse, c holds the flags' values: flags win over the
// environment and the file. --config
// reloads c from the named file and the environment c was loaded from, then
// applies the other flags again, whatever their order on the command line.
func (c *Config) BindFlags(fs *flag.FlagSet) {
	for _, f := range commonFlags {
		fs.Var(&settingFlag{c: c, s: byName[f.setting], flag: f.flag}, f.flag, f.usage+" (env "+f.setting+")")
	}
}

// settingFlag is a flag.Value that writes one setting of a Config.
type settingFlag struct {
	c    *Config
	s    *setting
	flag string
}

// String shows the current value; flag's help calls it on a zero value too.
func (f *settingFlag) String() string {
	if f == nil || f.c == nil || f.s == nil {
		return ""
	}
	return f.s.format(f.c)
}

func (f *settingFlag) Set(v string) error {
	v = strings.TrimSpace(v)
	if f.s.Name == envConfig {
		return f.c.reload(v)
	}
	if inv := f.s.parse(f.c, v); inv != nil {
		return inv
	}
	f.c.state = f.c.state.clone()
	f.c.record(f.s, "--"+f.flag, nil, v)
	f.c.state.flags = append(f.c.state.flags, appliedFlag{flag: f.flag, setting: f.s.Name, value: v})
	return nil
}

// reload rebuilds c from the file at path and the environment c was loaded
// from, then applies the flags given so far again, so that flags still win.
func (c *Config) reload(path string) error {
	if path == "" {
		return errors.New("the path is empty; name a YAML file")
	}
	var getenv func(string) string
	var applied []appliedFlag
	if c.state != nil {
		getenv, applied = c.state.getenv, c.state.flags
	}
	fresh, err := Load(getenv, path)
	if err != nil {
		return err
	}
	for _, f := range applied {
		s := byName[f.setting]
		// These values were accepted once already; parse cannot refuse them.
		fresh.record(s, "--"+f.flag, s.parse(&fresh, f.value), f.value)
	}
	fresh.state.flags = slices.Clone(applied)
	*c = fresh
	return nil
}
