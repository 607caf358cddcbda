package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// canary is a secret value that must never be seen outside the Config.
const canary = "canary-9f8e7d6c5b4a"

func assertNoCanary(t *testing.T, where, text string) {
	t.Helper()
	if strings.Contains(text, canary) || strings.Contains(text, "9f8e7d6c5b4a") {
		t.Errorf("%s shows the secret: %s", where, text)
	}
}

func TestSecretsRedacted(t *testing.T) {
	c := mustLoad(t, map[string]string{
		"OPENAI_API_KEY":               canary,
		"DISCORD_TOKEN":                "Bot " + canary,
		"COVERAGEBOT_WEAVIATE_API_KEY": canary,
	}, "")
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.LLM.APIKey.Reveal() != canary || c.Discord.Token.Reveal() != canary {
		t.Fatal("secrets were not loaded")
	}

	var text, js bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("start", "config", c)
	slog.New(slog.NewJSONHandler(&js, nil)).Info("start", "config", c, "key", c.LLM.APIKey)
	marshalled, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	yamlOut, err := yaml.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"String":    c.String(),
		"slog text": text.String(),
		"slog json": js.String(),
		"json":      string(marshalled),
		"yaml":      string(yamlOut),
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		outputs["fmt "+verb] = fmt.Sprintf(verb, c)
		outputs["fmt secret "+verb] = fmt.Sprintf(verb, c.Discord.Token)
		outputs["fmt LLM "+verb] = fmt.Sprintf(verb, c.LLM)
	}
	for where, out := range outputs {
		assertNoCanary(t, where, out)
	}
	if !strings.Contains(c.String(), "DISCORD_TOKEN=[redacted]") || !strings.Contains(text.String(), "openai_api_key=[redacted]") {
		t.Errorf("secrets are not marked as redacted:\n%s\n%s", c, text.String())
	}
	if !strings.Contains(Default().String(), "OPENAI_API_KEY=(unset)") {
		t.Errorf("an empty secret should show as (unset)")
	}
}

// TestURLPasswordsHidden checks that a password inside a URL setting is
// hidden where settings are shown: String, LogValue and errors.
func TestURLPasswordsHidden(t *testing.T) {
	c := mustLoad(t, map[string]string{
		"OPENAI_BASE_URL":   "https://user:" + canary + "@llm.example/v1",
		"COVERAGEBOT_FEEDS": "https://reader:" + canary + "@feeds.example/rss",
	}, "")
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("start", "config", c)
	assertNoCanary(t, "String", c.String())
	assertNoCanary(t, "slog", logged.String())
	if !strings.Contains(c.String(), "OPENAI_BASE_URL=https://user:xxxxx@llm.example/v1") {
		t.Errorf("URL password not hidden as expected:\n%s", c)
	}
}

func TestSecretsKeptOutOfErrors(t *testing.T) {
	// Bad secrets, and bad non-secret values that embed the secret.
	env := map[string]string{
		"OPENAI_API_KEY":               canary + " trailing",
		"DISCORD_TOKEN":                canary + "\x00",
		"COVERAGEBOT_WEAVIATE_API_KEY": "\n" + canary + "\n\t",
		"DISCORD_API_URL":              "https://u:" + canary + "@discord.example/api",
		"COVERAGEBOT_FEEDS":            "ftp://u:" + canary + "@feeds.example/rss",
	}
	c := mustLoad(t, env, "")
	err := c.Validate()
	if err == nil {
		t.Fatal("want errors")
	}
	for _, name := range []string{"OPENAI_API_KEY", "DISCORD_TOKEN", "DISCORD_API_URL", "COVERAGEBOT_FEEDS"} {
		if !strings.Contains(err.Error(), name+": ") {
			t.Errorf("no error names %s: %v", name, err)
		}
	}
	assertNoCanary(t, "Validate", err.Error())
	assertNoCanary(t, "String", c.String())

	// A YAML file holding the secret, with a syntax error after it.
	path := writeFile(t, "bot.yaml", "openai_api_key: "+canary+"\ntop_k: [\n")
	_, err = Load(nil, path)
	if err == nil {
		t.Fatal("want a YAML error")
	}
	assertNoCanary(t, "YAML error", err.Error())

	// A secret that parses in the file but is refused there.
	path = writeFile(t, "bot.yaml", "discord_token: \""+canary+" x\"\n")
	c = mustLoad(t, nil, path)
	err = c.Validate()
	if err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN (discord_token in ") {
		t.Fatalf("want an error naming the file key: %v", err)
	}
	assertNoCanary(t, "file secret error", err.Error())
}

// TestWrongValuesNotEchoed: a secret pasted into the wrong setting, or a
// URL with a password that does not parse, is not repeated by the error,
// which names the setting and the kind of value it wants.
func TestWrongValuesNotEchoed(t *testing.T) {
	tests := []struct{ name, value, want string }{
		{"COVERAGEBOT_TOP_K", canary, "is not a whole number"},
		{"COVERAGEBOT_LOG_LEVEL", canary, "is not a log level"},
		{"COVERAGEBOT_FEED_INTERVAL", canary, "is not a duration"},
		{"COVERAGEBOT_ALLOW_PRIVATE_URLS", canary, "is not true or false"},
		{"COVERAGEBOT_STORE", canary, "is not a store"},
		{"COVERAGEBOT_GUILDS", "123456789012345678," + canary, "item 2 of 2 is not a Discord ID"},
		{"COVERAGEBOT_ANNOUNCE_CHANNEL", canary, "is not a Discord ID"},
		{"COVERAGEBOT_HTTP_ADDR", canary, "is not host:port"},
		{"COVERAGEBOT_WEAVIATE_GRPC", canary, "is not a host and port"},
		{"COVERAGEBOT_WEAVIATE_COLLECTION", "x" + canary, "is not a Weaviate collection name"},
		{"COVERAGEBOT_USER_AGENT", "bot\x01" + canary, "cannot go in an HTTP header"},
		{"OPENAI_BASE_URL", "https://user:" + canary + " x@llm.example/v1", "is not an absolute http or https URL"},
		{"OPENAI_BASE_URL", "https://user:" + canary + "@llm.example/%zz", "is not an absolute http or https URL"},
		{"DISCORD_API_URL", "https://user:" + canary + "@discord.example/api/v9", "has a path"},
		{"COVERAGEBOT_FEEDS", "https://ok.example/rss,https://u:" + canary + " @x.example/rss", "item 2 of 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{tt.name: tt.value}
			if strings.HasPrefix(tt.name, "COVERAGEBOT_WEAVIATE") {
				env["COVERAGEBOT_STORE"] = "weaviate"
				env["COVERAGEBOT_WEAVIATE_URL"] = "http://127.0.0.1:8079"
			}
			c, err := Load(func(k string) string { return env[k] }, "")
			if err == nil {
				err = c.Validate()
			}
			if err == nil {
				t.Fatalf("%s=%q was accepted", tt.name, tt.value)
			}
			if !strings.Contains(err.Error(), tt.name) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name %s and say %q", err, tt.name, tt.want)
			}
			assertNoCanary(t, "error", err.Error())
		})
	}
}
