package app

import (
	"context"
	"log/slog"
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
	// The ingester writes the index; it does not talk to Discord.
	for k, v := range store {
		c.env[k] = v
	}
	c.mustRun("ingest")
	rig := startShards(t, c, func(id int) map[string]string {
		env := map[string]string{"COVERAGEBOT_READ_ONLY": strconv.FormatBool(store == nil || id > 0)}
		for k, v := range store {
			env[k] = v
		}
		return env
	})
	shards := rig.shards
	for i := range shards {
		if body := rig.ask(i, "Who is John Coale?"); !strings.Contains(body, "deputy Ukraine envoy") {
			t.Errorf("shard %d answered %s", i, body)
		}
	}
	// Each guild's interactions went to one shard only: each shard's
	// identify named its shard, and every answer above came once.
	ids := rig.discord.Identities()
	if len(ids) < 2 {
		t.Fatalf("identities = %+v", ids)
	}

	// An article is added; both shards answer from it after they reload,
	// with no restart.
	want := shards[0].app.Index().Count() + 1
	rig.addArticle(store != nil)
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
		if body := rig.ask(i, "When did the Saltmarsh lighthouse reopen?"); !strings.Contains(body, "Saltmarsh lighthouse reopened") {
			t.Errorf("shard %d did not answer from the new article: %s", i, body)
		}
	}
	return shards
}

// testLogEnv, when set, sends the shards' logs to stderr.
const testLogEnv = "COVERAGEBOT_TEST_LOG"

// shardRig is two gateway shards of one bot against the fake Discord,
// each with a guild of its own.
type shardRig struct {
	t       *testing.T
	c       *cli
	discord *fakediscord.Server
	guilds  []string
	shards  []*served
}

// startShards starts two shards over the sandbox c, each with the
// settings extra gives it on top of c's.
func startShards(t *testing.T, c *cli, extra func(id int) map[string]string) *shardRig {
	discord := fakediscord.New(fakediscord.Options{})
	t.Cleanup(discord.Close)
	llm := fakeopenai.New()
	t.Cleanup(llm.Close)
	rig := &shardRig{t: t, c: c, discord: discord}
	// Discord routes a guild to shard (id >> 22) % count.
	rig.guilds = []string{strconv.FormatUint(1000<<22, 10), strconv.FormatUint(1001<<22, 10)}
	for i, g := range rig.guilds {
		discord.AddGuild(fakediscord.Guild{
			ID: g, Name: "guild " + strconv.Itoa(i),
			Channels: []fakediscord.Channel{{ID: strconv.Itoa(5000 + i), Name: "news"}},
			Members:  []fakediscord.Member{{UserID: testUser, Username: "reader"}},
		})
	}
	for id := range 2 {
		env := map[string]string{
			"COVERAGEBOT_INDEX":           c.index,
			"COVERAGEBOT_DATA":            c.data,
			"DISCORD_TOKEN":               "token",
			"DISCORD_API_URL":             discord.URL(),
			"OPENAI_BASE_URL":             llm.URL(),
			"COVERAGEBOT_CHAT_MODEL":      "none", // the shards answer from the index alone
			"COVERAGEBOT_SHARD_ID":        strconv.Itoa(id),
			"COVERAGEBOT_SHARD_COUNT":     "2",
			"COVERAGEBOT_RELOAD_INTERVAL": "1s",
			"COVERAGEBOT_GUILDS":          rig.guilds[id],
		}
		for k, v := range extra(id) {
			env[k] = v
		}
		if os.Getenv(testLogEnv) != "" {
			// The shards' own logs, for a failure that the fakes do not explain.
			logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug})).With("shard", id)
			rig.shards = append(rig.shards, startAppWith(t, env, discord, llm, logger))
			continue
		}
		rig.shards = append(rig.shards, startApp(t, env, discord, llm))
	}
	return rig
}

// ask asks /ask in the shard's guild and returns the answer's body.
func (r *shardRig) ask(shard int, question string) string {
	r.t.Helper()
	_, token := r.discord.SendInteraction(fakediscord.Interaction{
		Type: 2, GuildID: r.guilds[shard], ChannelID: strconv.Itoa(5000 + shard), UserID: testUser, Username: "reader",
		Name: "ask", Options: []fakediscord.Option{{Name: "question", Type: fakediscord.OptionString, Value: question}},
	})
	// A give-up point, not a bound on answering: a shard on a machine
	// shared with three Weaviate nodes under the race detector is slow.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	call, err := r.discord.WaitCall(ctx, func(c fakediscord.Call) bool {
		return strings.Contains(c.Route, token) && c.Method == http.MethodPatch && strings.Contains(string(c.Body), "embeds")
	})
	if err != nil {
		r.t.Fatalf("shard %d never answered %q: %v", shard, question, err)
	}
	return string(call.Body)
}

// addArticle adds a story about a lighthouse: by the ingester, or with
// byShard by shard 0's own /reindex.
func (r *shardRig) addArticle(byShard bool) {
	r.t.Helper()
	article := "---\nid: lighthouse-reopens\ntitle: Storm-damaged lighthouse reopens\noutlet: Test Gazette\npublished: 2025-05-01\n---\n" +
		"The Saltmarsh lighthouse reopened on Thursday after a storm damaged its lantern room, the harbour trust said.\n"
	if err := os.WriteFile(filepath.Join(r.c.data, "lighthouse.md"), []byte(article), 0o644); err != nil {
		r.t.Fatal(err)
	}
	if !byShard {
		r.c.mustRun("ingest")
	} else if _, err := r.shards[0].app.reindex(context.Background()); err != nil {
		r.t.Fatal(err)
	}
}
