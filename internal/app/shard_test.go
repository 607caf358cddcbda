package app

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// Two gateway shards share one index written by a third process, the
// ingester. Each shard answers only its own guilds, and both pick up an
// article the ingester adds, without a restart.
func TestTwoShardsShareAHotReloadedIndex(t *testing.T) {
	runTwoShards(t, newCLI(t), nil)
}

// runTwoShards is the two-shard scenario. With store settings (an external
// store), the article is added by shard 0 itself, which writes the shared
// store, instead of by the ingester.
func runTwoShards(t *testing.T, c *cli, store map[string]string) []*served {
	discord := fakediscord.New(fakediscord.Options{})
	defer discord.Close()
	llm := fakeopenai.New()
	defer llm.Close()

	// Discord routes a guild to shard (id >> 22) % count.
	guilds := []string{strconv.FormatUint(1000<<22, 10), strconv.FormatUint(1001<<22, 10)}
	for i, g := range guilds {
		discord.AddGuild(fakediscord.Guild{
			ID: g, Name: "guild " + strconv.Itoa(i),
			Channels: []fakediscord.Channel{{ID: strconv.Itoa(5000 + i), Name: "news"}},
			Members:  []fakediscord.Member{{UserID: testUser, Username: "reader"}},
		})
	}

	base := map[string]string{
		"COVERAGEBOT_INDEX": c.index,
		"COVERAGEBOT_DATA":  c.data,
		"DISCORD_TOKEN":     "token",
		"DISCORD_API_URL":   discord.URL(),
		"OPENAI_BASE_URL":   llm.URL(),
		// Extractive answers: the shards must answer from the index alone.
		"COVERAGEBOT_CHAT_MODEL": "none",
	}
	for k, v := range store {
		base[k], c.env[k] = v, v
	}
	with := func(extra map[string]string) map[string]string {
		env := map[string]string{}
		for k, v := range base {
			env[k] = v
		}
		for k, v := range extra {
			env[k] = v
		}
		return env
	}

	// The ingester writes the index; it does not talk to Discord.
	c.mustRun("ingest")
	var shards []*served
	for id := 0; id < 2; id++ {
		shards = append(shards, startApp(t, with(map[string]string{
			"COVERAGEBOT_SHARD_ID":        strconv.Itoa(id),
			"COVERAGEBOT_SHARD_COUNT":     "2",
			"COVERAGEBOT_READ_ONLY":       strconv.FormatBool(store == nil || id > 0),
			"COVERAGEBOT_RELOAD_INTERVAL": "1s",
			"COVERAGEBOT_GUILDS":          guilds[id],
		}), discord, llm))
	}

	ask := func(shard int, question string) string {
		t.Helper()
		_, token := discord.SendInteraction(fakediscord.Interaction{
			Type: 2, GuildID: guilds[shard], ChannelID: strconv.Itoa(5000 + shard), UserID: testUser, Username: "reader",
			Name: "ask", Options: []fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: question}},
		})
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		call, err := discord.WaitCall(ctx, func(c fakediscord.Call) bool {
			return strings.Contains(c.Route, token) && c.Method == http.MethodPatch && strings.Contains(string(c.Body), "embeds")
		})
		if err != nil {
			t.Fatalf("shard %d never answered %q: %v", shard, question, err)
		}
		return string(call.Body)
	}
	for i := range shards {
		if body := ask(i, "Who is John Coale?"); !strings.Contains(body, "deputy Ukraine envoy") {
			t.Errorf("shard %d answered %s", i, body)
		}
	}
	// Each guild's interactions went to one shard only: each shard's
	// identify named its shard, and every answer above came once.
	ids := discord.Identities()
	if len(ids) < 2 {
		t.Fatalf("identities = %+v", ids)
	}

	// The ingester adds an article; both shards answer from it after they
	// reload, with no restart.
	article := "---\nid: lighthouse-reopens\ntitle: Storm-damaged lighthouse reopens\noutlet: Test Gazette\npublished: 2025-05-01\n---\n" +
		"The Saltmarsh lighthouse reopened on Thursday after a storm damaged its lantern room, the harbour trust said.\n"
	if err := os.WriteFile(filepath.Join(c.data, "lighthouse.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	want := shards[0].app.Index().Count() + 1
	if store == nil {
		c.mustRun("ingest")
	} else if _, err := shards[0].app.reindex(context.Background()); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for _, s := range shards {
		for s.app.Index().Count() < want {
			if time.Now().After(deadline) {
				t.Fatalf("a shard never reloaded: %d passages, want %d", s.app.Index().Count(), want)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	for i := range shards {
		if body := ask(i, "When did the Saltmarsh lighthouse reopen?"); !strings.Contains(body, "Saltmarsh lighthouse reopened") {
			t.Errorf("shard %d did not answer from the new article: %s", i, body)
		}
	}
	return shards
}
