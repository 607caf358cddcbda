package config

import (
	"errors"
	"fmt"
	"strings"
)

// SettingError is a setting that cannot be used as given. Its message names
// the environment variable (and the file key or flag when the value came from
// there), says what is wrong and how to fix it, and never holds a secret.
type SettingError struct {
	Name    string // the environment variable
	Source  string // "" for the environment, else such as "top_k in bot.yaml" or "--index"
	Problem string
	Fix     string
}

func (e *SettingError) Error() string {
	var b strings.Builder
	b.WriteString(e.Name)
	if e.Source != "" {
		b.WriteString(" (")
		b.WriteString(e.Source)
		b.WriteString(")")
	}
	b.WriteString(": ")
	b.WriteString(e.Problem)
	if e.Fix != "" {
		b.WriteString("; ")
		b.WriteString(e.Fix)
	}
	return b.String()
}

// Validate reports every bad setting at once, joined with errors.Join; each
// is a *SettingError. It covers values that could not be parsed, values out
// of range (including ones set in code), and settings that contradict each
// other. It does not ask for what only some commands need, such as the
// Discord token; see RequireDiscordToken.
func (c Config) Validate() error {
	var errs []error
	for i := range settings {
		s := &settings[i]
		if p := c.problem(s.Name); p != nil {
			errs = append(errs, p)
			continue
		}
		if s.check == nil {
			continue
		}
		if inv := s.check(&c); inv != nil {
			errs = append(errs, newSettingError(s, c.origin(s.Name), inv, ""))
		}
	}
	for _, rule := range crossChecks {
		if c.hasProblem(rule.names...) {
			continue // the parse error already explains it
		}
		if inv := rule.check(&c); inv != nil {
			errs = append(errs, newSettingError(byName[rule.names[0]], c.origin(rule.names[0]), inv, ""))
		}
	}
	return errors.Join(errs...)
}

func (c *Config) hasProblem(names ...string) bool {
	for _, n := range names {
		if c.problem(n) != nil {
			return true
		}
	}
	return false
}

// RequireDiscordToken reports a missing bot token, for the commands that
// connect to Discord.
func (c Config) RequireDiscordToken() error {
	if c.Discord.Token.IsSet() {
		return nil
	}
	return &SettingError{
		Name:    envToken,
		Problem: "it is not set",
		Fix:     "copy the bot token from the Discord Developer Portal (Bot, Reset Token) into DISCORD_TOKEN, or into a file named by DISCORD_TOKEN_FILE",
	}
}

// crossChecks are rules between settings. The first name is the setting the
// error is reported under.
var crossChecks = []struct {
	names []string
	check func(c *Config) *invalid
}{
	{[]string{envShardID, envShardCount}, func(c *Config) *invalid {
		if c.Shard.ID >= c.Shard.Count && c.Shard.Count >= 1 {
			return refuse(fmt.Sprintf("shard IDs run from 0 to %s-1", envShardCount),
				"%d is not below %s (%d)", c.Shard.ID, envShardCount, c.Shard.Count)
		}
		return nil
	}},
	{[]string{envEmbedModel, "OPENAI_API_KEY", "OPENAI_BASE_URL"}, func(c *Config) *invalid {
		if c.LLM.EmbedModel != "" && !c.hasEndpoint() {
			return refuse("set OPENAI_API_KEY or OPENAI_BASE_URL, or leave "+envEmbedModel+" empty to use the embedded embedder",
				"%s names a remote model but no endpoint is configured", quote(c.LLM.EmbedModel))
		}
		return nil
	}},
	{[]string{envChatModel, "OPENAI_API_KEY", "OPENAI_BASE_URL"}, func(c *Config) *invalid {
		if c.ChatModel() != "" && !c.hasEndpoint() {
			return refuse("set OPENAI_API_KEY or OPENAI_BASE_URL, or set it to "+noChatModel+" for extractive answers",
				"%s names a chat model but no endpoint is configured", quote(c.LLM.ChatModel))
		}
		return nil
	}},
	{[]string{envVerify, envChatModel}, func(c *Config) *invalid {
		if c.LLM.Verify == VerifyModel && c.ChatModel() == "" {
			return refuse("configure a chat model (OPENAI_BASE_URL or OPENAI_API_KEY), or set it to rules",
				"model needs a language model, and answers are extractive")
		}
		return nil
	}},
	{[]string{envWeaviateURL, envStore}, func(c *Config) *invalid {
		if c.Store.Backend == StoreWeaviate && c.Store.WeaviateURL == "" {
			return refuse("set it to the Weaviate server's URL, such as http://127.0.0.1:8079",
				"it is not set but %s is %s", envStore, StoreWeaviate)
		}
		return nil
	}},
	{[]string{envFeeds, envReadOnly}, func(c *Config) *invalid {
		if c.Index.ReadOnly && len(c.Feeds.URLs) > 0 {
			return refuse("poll feeds from the one process that writes the index, and leave "+envFeeds+" empty on readers",
				"feeds are set on a read-only process (%s=true), which never ingests", envReadOnly)
		}
		return nil
	}},
	{[]string{envRetention, envReadOnly}, func(c *Config) *invalid {
		if c.Index.ReadOnly && c.Index.Retention != 0 {
			return refuse("set retention on the process that writes the index, and leave it at 0 on readers",
				"it is set on a read-only process (%s=true), which never removes articles", envReadOnly)
		}
		return nil
	}},
	{[]string{envDigestCron, envDigestChan}, func(c *Config) *invalid {
		if c.Digest.Channel != "" && c.Digest.Cron.IsZero() {
			return refuse(cronFix, "it is not set but %s is", envDigestChan)
		}
		return nil
	}},
}
