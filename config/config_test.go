package config

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// envOf turns a map into a getenv function.
func envOf(m map[string]string) func(string) string {
	return func(name string) string { return m[name] }
}

// settingErrors unpacks what Validate or Load returned.
func settingErrors(t *testing.T, err error) []*SettingError {
	t.Helper()
	if err == nil {
		return nil
	}
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else {
		errs = []error{err}
	}
	out := make([]*SettingError, 0, len(errs))
	for _, e := range errs {
		var se *SettingError
		if !errors.As(e, &se) {
			t.Fatalf("error %q is not a *SettingError", e)
		}
		out = append(out, se)
	}
	return out
}

func errorNames(t *testing.T, err error) []string {
	t.Helper()
	var names []string
	for _, se := range settingErrors(t, err) {
		names = append(names, se.Name)
	}
	return names
}

func mustLoad(t *testing.T, env map[string]string, file string) Config {
	t.Helper()
	c, err := Load(envOf(env), file)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDefaults checks the defaults the issues ask for, through Load with an
// empty environment.
func TestDefaults(t *testing.T) {
	c := mustLoad(t, nil, "")
	if err := c.Validate(); err != nil {
		t.Fatalf("defaults do not validate: %v", err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"index", c.Index.Dir, "./.coveragebot"},
		{"data", c.Data, "data"},
		{"top k", c.Retrieval.TopK, 6},
		{"chunk chars", c.Index.ChunkChars, 900},
		{"log level", c.Log.Level, slog.LevelInfo},
		{"log format", c.Log.Format, "text"},
		{"embed model", c.LLM.EmbedModel, ""},
		{"chat model", c.ChatModel(), ""},
		{"embed batch", c.LLM.EmbedBatch, 64},
		{"llm timeout", c.LLM.Timeout, 60 * time.Second},
		{"context chars", c.LLM.ContextChars, 24000},
		{"discord api", c.Discord.APIURL, "https://discord.com"},
		{"user rate", c.Limits.UserRate, Rate{Count: 5, Per: time.Minute}},
		{"guild concurrency", c.Limits.GuildConcurrency, 4},
		{"queue", c.Limits.QueueLength, 32},
		{"answer timeout", c.Limits.AnswerTimeout, 90 * time.Second},
		{"shard", c.Shard, Shard{ID: 0, Count: 1}},
		{"http", c.HTTP.Addr, "127.0.0.1:8080"},
		{"feed interval", c.Feeds.Interval, 15 * time.Minute},
		{"fetch timeout", c.Feeds.FetchTimeout, 20 * time.Second},
		{"max page", c.Feeds.MaxPageBytes, int64(5 << 20)},
		{"private urls", c.Feeds.AllowPrivateURLs, false},
		{"retention", c.Index.Retention, time.Duration(0)},
		{"stale after", c.Retrieval.StaleAfter, 72 * time.Hour},
		{"reload", c.Index.ReloadInterval, 10 * time.Second},
		{"read only", c.Index.ReadOnly, false},
		{"cron", c.Digest.Cron.String(), "0 8 * * *"},
		{"store", c.Store.Backend, "chromem"},
		{"replication", c.Store.WeaviateReplication, 1},
		{"consistency", c.Store.WeaviateConsistency, "QUORUM"},
		{"token", c.Discord.Token.IsSet(), false},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s: got %v, want %v", ch.name, ch.got, ch.want)
		}
	}
	if got, want := c.String(), Default().String(); got != want {
		t.Errorf("Load with no environment differs from Default:\n%s\nwant\n%s", got, want)
	}
}

func TestLoadEnvironment(t *testing.T) {
	tests := []struct {
		name  string
		env   map[string]string
		check func(c Config) bool
	}{
		{"top k", map[string]string{"COVERAGEBOT_TOP_K": " 12 "}, func(c Config) bool { return c.Retrieval.TopK == 12 }},
		{"days", map[string]string{"COVERAGEBOT_RETENTION": "30d"}, func(c Config) bool { return c.Index.Retention == 720*time.Hour }},
		{"days and hours", map[string]string{"COVERAGEBOT_STALE_AFTER": "1d12h"}, func(c Config) bool { return c.Retrieval.StaleAfter == 36*time.Hour }},
		{"go duration", map[string]string{"COVERAGEBOT_ANSWER_TIMEOUT": "2m30s"}, func(c Config) bool { return c.Limits.AnswerTimeout == 150*time.Second }},
		{"bytes", map[string]string{"COVERAGEBOT_MAX_PAGE_BYTES": "5000000"}, func(c Config) bool { return c.Feeds.MaxPageBytes == 5_000_000 }},
		{"mebibytes", map[string]string{"COVERAGEBOT_MAX_PAGE_BYTES": "5MiB"}, func(c Config) bool { return c.Feeds.MaxPageBytes == 5<<20 }},
		{"bool yes", map[string]string{"COVERAGEBOT_ALLOW_PRIVATE_URLS": "YES"}, func(c Config) bool { return c.Feeds.AllowPrivateURLs }},
		{"bool 1", map[string]string{"COVERAGEBOT_READ_ONLY": "1"}, func(c Config) bool { return c.Index.ReadOnly }},
		{"list trimmed", map[string]string{"COVERAGEBOT_GUILDS": " 11, 22,,33 ,11"}, func(c Config) bool {
			return slices.Equal(c.Discord.Guilds, []string{"11", "22", "33"})
		}},
		{"feeds", map[string]string{"COVERAGEBOT_FEEDS": "https://a.example/rss, http://b.example/atom.xml"}, func(c Config) bool {
			return slices.Equal(c.Feeds.URLs, []string{"https://a.example/rss", "http://b.example/atom.xml"})
		}},
		{"token prefix", map[string]string{"DISCORD_TOKEN": "Bot abc.def"}, func(c Config) bool { return c.Discord.Token.Reveal() == "abc.def" }},
		{"base url slash", map[string]string{"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1/"}, func(c Config) bool { return c.LLM.BaseURL == "http://127.0.0.1:11434/v1" }},
		{"level", map[string]string{"COVERAGEBOT_LOG_LEVEL": "WARN"}, func(c Config) bool { return c.Log.Level == slog.LevelWarn }},
		{"rate", map[string]string{"COVERAGEBOT_USER_RATE": "10 / 1h"}, func(c Config) bool { return c.Limits.UserRate == Rate{Count: 10, Per: time.Hour} }},
		{"rate off", map[string]string{"COVERAGEBOT_USER_RATE": "off"}, func(c Config) bool { return c.Limits.UserRate.Unlimited() }},
		{"http off", map[string]string{"COVERAGEBOT_HTTP_ADDR": "OFF"}, func(c Config) bool { return c.HTTP.Addr == "" }},
		{"http ipv6", map[string]string{"COVERAGEBOT_HTTP_ADDR": "[::1]:9000"}, func(c Config) bool { return c.HTTP.Addr == "[::1]:9000" }},
		{"consistency folded", map[string]string{"COVERAGEBOT_WEAVIATE_CONSISTENCY": "one"}, func(c Config) bool { return c.Store.WeaviateConsistency == "ONE" }},
		{"empty is unset", map[string]string{"COVERAGEBOT_TOP_K": "", "COVERAGEBOT_INDEX": "  "}, func(c Config) bool {
			return c.Retrieval.TopK == 6 && c.Index.Dir == "./.coveragebot"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustLoad(t, tt.env, "")
			if err := c.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			if !tt.check(c) {
				t.Errorf("unexpected config:\n%s", c)
			}
		})
	}
}

func TestChatModel(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{nil, ""},
		{map[string]string{"OPENAI_API_KEY": "k"}, DefaultChatModel},
		{map[string]string{"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1"}, DefaultChatModel},
		{map[string]string{"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1", "COVERAGEBOT_CHAT_MODEL": "llama3.1"}, "llama3.1"},
		{map[string]string{"OPENAI_API_KEY": "k", "COVERAGEBOT_CHAT_MODEL": "None"}, ""},
		{map[string]string{"COVERAGEBOT_CHAT_MODEL": "none"}, ""},
	}
	for _, tt := range tests {
		c := mustLoad(t, tt.env, "")
		if got := c.ChatModel(); got != tt.want {
			t.Errorf("%v: ChatModel() = %q, want %q", tt.env, got, tt.want)
		}
		if err := c.Validate(); err != nil {
			t.Errorf("%v: %v", tt.env, err)
		}
	}
}

// TestSettingExamplesRoundTrip gives each setting its documented example and
// checks that it is read, changes the config and is shown back as written.
func TestSettingExamplesRoundTrip(t *testing.T) {
	defaults := Default()
	for i := range settings {
		s := &settings[i]
		t.Run(s.Name, func(t *testing.T) {
			env := map[string]string{s.Name: s.example}
			example := s.example
			switch s.Name { // settings that name a file need a real one
			case envConfig:
				example = writeFile(t, "c.yaml", "top_k: 7\n")
			case envTokenFile:
				example = writeFile(t, "token", "t0ken\n")
			}
			env[s.Name] = example
			c := mustLoad(t, env, "")
			if p := c.problem(s.Name); p != nil {
				t.Fatalf("example %q refused: %v", example, p)
			}
			got, def := s.format(&c), s.format(&defaults)
			if s.Secret {
				if got != "[redacted]" || def != "(unset)" {
					t.Errorf("secret shown as %q (default %q)", got, def)
				}
				return
			}
			if got != example {
				t.Errorf("example %q shown back as %q", example, got)
			}
			if got == def {
				t.Errorf("example %q leaves the default %q", example, def)
			}
		})
	}
}

// TestSettingsCoverEnvReads records every variable Load reads and checks the
// documentation lists exactly those.
func TestSettingsCoverEnvReads(t *testing.T) {
	read := map[string]bool{}
	_, err := Load(func(name string) string {
		read[name] = true
		return ""
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, s := range Settings() {
		if documented[s.Name] {
			t.Errorf("%s is documented twice", s.Name)
		}
		documented[s.Name] = true
		if !read[s.Name] {
			t.Errorf("%s is documented but Load never reads it", s.Name)
		}
		if want := strings.ToLower(strings.TrimPrefix(s.Name, "COVERAGEBOT_")); s.Key != want {
			t.Errorf("%s has YAML key %q, want %q", s.Name, s.Key, want)
		}
		if s.Description == "" || s.Group == "" {
			t.Errorf("%s has no description or group", s.Name)
		}
	}
	for name := range read {
		if !documented[name] {
			t.Errorf("Load reads %s but Settings does not document it", name)
		}
	}
}

func TestSettingsSecrets(t *testing.T) {
	var secrets []string
	for _, s := range Settings() {
		if s.Secret {
			secrets = append(secrets, s.Name)
			if s.Default != "" {
				t.Errorf("%s: secret with a default %q", s.Name, s.Default)
			}
		}
	}
	want := []string{"OPENAI_API_KEY", "DISCORD_TOKEN", "COVERAGEBOT_WEAVIATE_API_KEY"}
	if !slices.Equal(secrets, want) {
		t.Errorf("secrets = %v, want %v", secrets, want)
	}
}

func TestEnvOverridesFile(t *testing.T) {
	path := writeFile(t, "bot.yaml", `
top_k: 8
chunk_chars: 1000
log_level: debug
feeds:
  - https://a.example/rss?x=1,2
  - https://b.example/atom.xml
guilds: 11, 22
allow_private_urls: true
`)
	c := mustLoad(t, map[string]string{
		"COVERAGEBOT_CONFIG": path,
		"COVERAGEBOT_TOP_K":  "9",
	}, "")
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Retrieval.TopK != 9 {
		t.Errorf("top k = %d, want the environment's 9", c.Retrieval.TopK)
	}
	if c.Index.ChunkChars != 1000 || c.Log.Level != slog.LevelDebug || !c.Feeds.AllowPrivateURLs {
		t.Errorf("file values lost:\n%s", c)
	}
	if want := []string{"https://a.example/rss?x=1,2", "https://b.example/atom.xml"}; !slices.Equal(c.Feeds.URLs, want) {
		t.Errorf("feeds = %q, want %q (a YAML list keeps commas inside URLs)", c.Feeds.URLs, want)
	}
	if !slices.Equal(c.Discord.Guilds, []string{"11", "22"}) {
		t.Errorf("guilds = %q", c.Discord.Guilds)
	}
	if c.File != path {
		t.Errorf("File = %q, want %q", c.File, path)
	}

	// The file argument (from --config) wins over COVERAGEBOT_CONFIG.
	other := writeFile(t, "other.yaml", "chunk_chars: 1500\n")
	c = mustLoad(t, map[string]string{"COVERAGEBOT_CONFIG": path}, other)
	if c.Index.ChunkChars != 1500 || c.File != other {
		t.Errorf("file argument ignored: chunk chars %d, file %q", c.Index.ChunkChars, c.File)
	}
}

func TestEnvReplacesBadFileValue(t *testing.T) {
	path := writeFile(t, "bot.yaml", "top_k: lots\n")
	c := mustLoad(t, map[string]string{"COVERAGEBOT_CONFIG": path}, "")
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "COVERAGEBOT_TOP_K (top_k in "+path+"): the value (4 characters) is not a whole number") {
		t.Fatalf("bad file value: got %v", err)
	}
	c = mustLoad(t, map[string]string{"COVERAGEBOT_CONFIG": path, "COVERAGEBOT_TOP_K": "3"}, "")
	if err := c.Validate(); err != nil || c.Retrieval.TopK != 3 {
		t.Fatalf("environment should replace the refused file value: %v, top k %d", err, c.Retrieval.TopK)
	}
}

func TestFileErrors(t *testing.T) {
	tests := []struct {
		name, content string
		loadErr       []string // substrings of the Load error
		validateErr   []string // substrings of the Validate error
	}{
		{"unknown key", "top_kk: 3\n", []string{"line 1", `unknown setting "top_kk"`, "did you mean top_k?"}, nil},
		{"environment name as key", "COVERAGEBOT_TOP_K: 3\n", []string{"write it as top_k"}, nil},
		{"duplicate", "top_k: 3\ntop_k: 4\n", []string{"line 2", "also set on line 1"}, nil},
		{"config key", "config: other.yaml\n", []string{"cannot be set in the file itself"}, nil},
		{"not a mapping", "- top_k\n", []string{"is not a mapping of settings"}, nil},
		{"syntax", "top_k: [\n", []string{"COVERAGEBOT_CONFIG", "fix the YAML syntax"}, nil},
		{"list for scalar", "top_k: [1, 2]\n", nil, []string{"COVERAGEBOT_TOP_K (top_k in", "a list was given"}},
		{"mapping for scalar", "top_k: {a: 1}\n", nil, []string{"a mapping was given"}},
		{"nested list item", "guilds: [[1]]\n", nil, []string{"COVERAGEBOT_GUILDS", "not a plain value"}},
		{"bad list item", "guilds: [12, abc]\n", nil, []string{`item 2 of 2 is not a Discord ID`}},
		{"empty file", "", nil, nil},
		{"null document", "~\n", nil, nil},
		{"null value keeps default", "top_k:\n", nil, nil},
		{"alias", "a: &n 7\ntop_k: *n\n", []string{`unknown setting "a"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "bot.yaml", tt.content)
			c, err := Load(nil, path)
			if len(tt.loadErr) > 0 {
				if err == nil {
					t.Fatal("Load succeeded, want an error")
				}
				for _, se := range settingErrors(t, err) {
					if se.Name != envConfig {
						t.Errorf("error names %s, want %s", se.Name, envConfig)
					}
				}
				for _, want := range tt.loadErr {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("Load error %q lacks %q", err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			err = c.Validate()
			if len(tt.validateErr) == 0 {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				if c.Retrieval.TopK != 6 {
					t.Errorf("top k = %d, want the default", c.Retrieval.TopK)
				}
				return
			}
			if err == nil {
				t.Fatal("Validate succeeded, want an error")
			}
			for _, want := range tt.validateErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("Validate error %q lacks %q", err, want)
				}
			}
		})
	}
}

func TestFileAlias(t *testing.T) {
	// Anchors on lists are the one structure the flat file may reuse.
	path := writeFile(t, "bot.yaml", "guilds: &ids [11, 22]\nallowed_guilds: *ids\n")
	c := mustLoad(t, nil, path)
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Discord.AllowedGuilds, []string{"11", "22"}) {
		t.Errorf("allowed guilds = %q", c.Discord.AllowedGuilds)
	}
}

func TestMissingConfigFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := Load(envOf(map[string]string{"COVERAGEBOT_CONFIG": missing}), "")
	if names := errorNames(t, err); !slices.Equal(names, []string{envConfig}) {
		t.Fatalf("errors name %v, want %s: %v", names, envConfig, err)
	}
	if !strings.Contains(err.Error(), "no such file") {
		t.Errorf("error does not say why: %v", err)
	}
}

// TestParseErrorsNameSetting gives one bad value at a time and checks that
// Validate reports exactly that setting, with the kind of value it wants
// and the fix (never the value itself: see TestWrongValuesNotEchoed).
func TestParseErrorsNameSetting(t *testing.T) {
	tests := []struct {
		name, value string
		want        string // substring of the message after the name
	}{
		{"COVERAGEBOT_TOP_K", "abc", `the value (3 characters) is not a whole number; set it to a number from 1 to 50`},
		{"COVERAGEBOT_TOP_K", "0", "0 is out of range; set it to a number from 1 to 50"},
		{"COVERAGEBOT_TOP_K", "51", "51 is out of range"},
		{"COVERAGEBOT_CHUNK_CHARS", "100", "set it to a number from 200 to 4000"},
		{"COVERAGEBOT_EMBED_BATCH", "1e3", "is not a whole number"},
		{"COVERAGEBOT_LOG_LEVEL", "verbose", `the value (7 characters) is not a log level; set it to debug, info, warn or error`},
		{"COVERAGEBOT_LOG_FORMAT", "xml", "set it to text or json"},
		{"COVERAGEBOT_FEED_INTERVAL", "30s", "30s is too short; set it to a duration from 1m"},
		{"COVERAGEBOT_FEED_INTERVAL", "soon", `the value (4 characters) is not a duration`},
		{"COVERAGEBOT_ANSWER_TIMEOUT", "1h", "1h is too long"},
		{"COVERAGEBOT_LLM_TIMEOUT", "-5s", "is negative"},
		{"COVERAGEBOT_RETENTION", "30 days", "is not a duration"},
		{"COVERAGEBOT_RETENTION", "5m", "too short"},
		{"COVERAGEBOT_MAX_PAGE_BYTES", "5 potatoes", "is not a size"},
		{"COVERAGEBOT_MAX_PAGE_BYTES", "2GiB", "2GiB is out of range"},
		{"COVERAGEBOT_MAX_PAGE_BYTES", "99999999999999999999", "is not a size"},
		{"COVERAGEBOT_ALLOW_PRIVATE_URLS", "maybe", `the value (5 characters) is not true or false`},
		{"COVERAGEBOT_GUILDS", "123,abc", `item 2 of 2 is not a Discord ID`},
		{"COVERAGEBOT_ADMIN_ROLES", "-1", "is not a Discord ID"},
		{"COVERAGEBOT_ANNOUNCE_CHANNEL", "general", `the value (7 characters) is not a Discord ID`},
		{"COVERAGEBOT_USER_RATE", "5 per minute", "is not a rate"},
		{"COVERAGEBOT_USER_RATE", "0/1m", "is out of range"},
		{"COVERAGEBOT_HTTP_ADDR", "8080", `the value (4 characters) is not host:port`},
		{"COVERAGEBOT_HTTP_ADDR", "localhost:99999", "is not host:port"},
		{"DISCORD_API_URL", "discord.com", "is not an absolute http or https URL"},
		{"DISCORD_API_URL", "https://discord.com/api/v9", "has a path"},
		{"OPENAI_BASE_URL", "ftp://x.example/v1", "is not an absolute http or https URL"},
		{"COVERAGEBOT_FEEDS", "https://ok.example/rss,/relative", `item 2 of 2: the value (9 characters) is not an absolute`},
		{"COVERAGEBOT_DIGEST_CRON", "0 8 * *", "it has 4 fields, want 5"},
		{"COVERAGEBOT_DIGEST_CRON", "0 25 * * *", "hour: 25 is out of range 0-23"},
		{"COVERAGEBOT_STORE", "postgres", `the value (8 characters) is not a store; set it to chromem or weaviate`},
		{"COVERAGEBOT_WEAVIATE_CONSISTENCY", "SOME", "set it to QUORUM, ONE or ALL"},
		{"COVERAGEBOT_WEAVIATE_REPLICATION", "0", "out of range"},
		{"COVERAGEBOT_USER_AGENT", "bot\x01", "cannot go in an HTTP header"},
		{"COVERAGEBOT_SHARD_COUNT", "0", "set it to a number from 1 to 65536"},
		{"DISCORD_TOKEN", "two words", "contains spaces or control characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			c := mustLoad(t, map[string]string{tt.name: tt.value}, "")
			err := c.Validate()
			errs := settingErrors(t, err)
			if len(errs) != 1 || errs[0].Name != tt.name {
				t.Fatalf("got %v, want one error naming %s", err, tt.name)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tt.name+": ") || !strings.Contains(msg, tt.want) {
				t.Errorf("message %q, want it to start with %s and contain %q", msg, tt.name, tt.want)
			}
			if errs[0].Fix == "" {
				t.Errorf("no fix in %q", msg)
			}
		})
	}
}

func TestValidateCollectsEveryProblem(t *testing.T) {
	c := mustLoad(t, map[string]string{
		"COVERAGEBOT_TOP_K":         "abc",
		"COVERAGEBOT_LOG_LEVEL":     "loud",
		"COVERAGEBOT_GUILDS":        "x",
		"COVERAGEBOT_FEED_INTERVAL": "1s",
		"COVERAGEBOT_SHARD_ID":      "3",
		"COVERAGEBOT_SHARD_COUNT":   "2",
		"COVERAGEBOT_STORE":         "weaviate",
	}, "")
	got := errorNames(t, c.Validate())
	want := []string{
		"COVERAGEBOT_LOG_LEVEL", "COVERAGEBOT_TOP_K", "COVERAGEBOT_GUILDS", "COVERAGEBOT_FEED_INTERVAL",
		envShardID, envWeaviateURL,
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors name %v, want %v", got, want)
	}
}

func TestValidateValuesSetInCode(t *testing.T) {
	c := Default()
	c.Retrieval.TopK = 0
	c.Log.Format = "yaml"
	c.Log.Level = slog.LevelInfo + 2
	c.Discord.APIURL = "discord.com"
	c.Discord.Token = "has space"
	c.Digest.Cron = Schedule{}
	c.Digest.Channel = "42"
	got := errorNames(t, c.Validate())
	want := []string{"COVERAGEBOT_LOG_LEVEL", "COVERAGEBOT_LOG_FORMAT", "COVERAGEBOT_TOP_K", "DISCORD_TOKEN", "DISCORD_API_URL", envDigestCron}
	if !slices.Equal(got, want) {
		t.Errorf("errors name %v, want %v", got, want)
	}
}

func TestCrossChecks(t *testing.T) {
	tests := []struct {
		env  map[string]string
		name string // the setting the error must name; "" for none
	}{
		{map[string]string{envShardID: "1", envShardCount: "1"}, envShardID},
		{map[string]string{envShardID: "1", envShardCount: "2"}, ""},
		// A refused count is reported once, not again as a shard mismatch.
		{map[string]string{envShardID: "1", envShardCount: "two"}, envShardCount},
		{map[string]string{envEmbedModel: "text-embedding-3-small"}, envEmbedModel},
		{map[string]string{envEmbedModel: "nomic-embed-text", "OPENAI_BASE_URL": "http://127.0.0.1:11434/v1"}, ""},
		{map[string]string{envChatModel: "gpt-4o"}, envChatModel},
		{map[string]string{envStore: "weaviate", envWeaviateURL: "http://127.0.0.1:8079"}, ""},
		{map[string]string{envReadOnly: "true", envFeeds: "https://a.example/rss"}, envFeeds},
		{map[string]string{envReadOnly: "true", envRetention: "30d"}, envRetention},
		{map[string]string{envReadOnly: "true"}, ""},
		{map[string]string{envDigestChan: "42"}, ""},
	}
	for _, tt := range tests {
		c := mustLoad(t, tt.env, "")
		got := errorNames(t, c.Validate())
		var want []string
		if tt.name != "" {
			want = []string{tt.name}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%v: errors name %v, want %v", tt.env, got, want)
		}
	}
}

func TestTokenFile(t *testing.T) {
	const token = "canary.token-value_123"
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	empty := filepath.Join(dir, "empty")
	spaced := filepath.Join(dir, "spaced")
	huge := filepath.Join(dir, "huge")
	for path, content := range map[string]string{
		good:   "Bot " + token + "\n",
		empty:  " \n",
		spaced: token + " second line\n",
		huge:   strings.Repeat("x", maxTokenFileBytes+1),
	} {
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	c := mustLoad(t, map[string]string{envTokenFile: good}, "")
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Discord.Token.Reveal() != token {
		t.Errorf("token not read from the file")
	}
	if err := c.RequireDiscordToken(); err != nil {
		t.Errorf("RequireDiscordToken: %v", err)
	}

	tests := []struct {
		name     string
		env      map[string]string
		loadFail bool
		want     string
	}{
		{"missing", map[string]string{envTokenFile: filepath.Join(dir, "nope")}, true, "no such file"},
		{"directory", map[string]string{envTokenFile: dir}, true, "DISCORD_TOKEN_FILE"},
		{"huge", map[string]string{envTokenFile: huge}, true, "is larger than 64KiB"},
		{"empty", map[string]string{envTokenFile: empty}, false, "is empty; put the bot token in it"},
		{"two words", map[string]string{envTokenFile: spaced}, false, "contains spaces or control characters"},
		{"both", map[string]string{envTokenFile: good, envToken: "other"}, false, "set only one of them"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(envOf(tt.env), "")
			if !tt.loadFail {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				err = c.Validate()
			}
			if names := errorNames(t, err); !slices.Equal(names, []string{envTokenFile}) {
				t.Fatalf("errors name %v, want %s: %v", names, envTokenFile, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
			if strings.Contains(err.Error(), token) || strings.Contains(err.Error(), "second line") {
				t.Errorf("error shows the file's content: %v", err)
			}
		})
	}
}

func TestRequireDiscordToken(t *testing.T) {
	err := Default().RequireDiscordToken()
	if names := errorNames(t, err); !slices.Equal(names, []string{envToken}) {
		t.Fatalf("got %v", err)
	}
}

func TestLogHandler(t *testing.T) {
	var b strings.Builder
	c := mustLoad(t, map[string]string{"COVERAGEBOT_LOG_FORMAT": "json", "COVERAGEBOT_LOG_LEVEL": "warn"}, "")
	logger := slog.New(c.Log.Handler(&b))
	logger.Info("hidden")
	logger.Warn("shown")
	if out := b.String(); strings.Contains(out, "hidden") || !strings.HasPrefix(out, `{"time"`) {
		t.Errorf("handler ignores level or format: %q", out)
	}
}
