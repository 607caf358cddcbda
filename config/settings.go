package config

import (
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/internal/redact"
)

// Setting documents one setting.
type Setting struct {
	// Name is the environment variable.
	Name string
	// Key is the key in the YAML file: Name in lower case without the
	// COVERAGEBOT_ prefix.
	Key string
	// Group is the heading the setting is listed under.
	Group string
	// Default is the value used when the setting is not given, written as
	// the environment would give it; empty for secrets and empty defaults.
	Default     string
	Description string
	Secret      bool
}

// Settings returns every setting, in the order of the documentation.
func Settings() []Setting {
	d := Default()
	out := make([]Setting, len(settings))
	for i := range settings {
		s := settings[i].Setting
		if !s.Secret {
			s.Default = settings[i].format(&d)
		}
		out[i] = s
	}
	return out
}

// setting is a Setting with the code that reads, shows and checks it. Load,
// BindFlags, Validate, String and Settings all go through this one table.
type setting struct {
	Setting
	// example is a valid value, different from the default, written the way
	// format writes it; tests round-trip it.
	example string
	// envOnly settings are refused in the YAML file.
	envOnly bool
	// parse reads a trimmed raw value into c. On error c is unchanged.
	parse func(c *Config, raw string) *invalid
	// parseList, set for list settings, reads the items of a YAML sequence.
	parseList func(c *Config, items []string) *invalid
	// format shows the value in c as the environment would give it, with
	// secrets and URL passwords hidden.
	format func(c *Config) string
	// check reports a value that is out of bounds. Validate runs it on
	// whatever c holds, so values set in code are checked too.
	check func(c *Config) *invalid
}

// Names of the settings that the code refers to by name.
const (
	envConfig       = "COVERAGEBOT_CONFIG"
	envToken        = "DISCORD_TOKEN"
	envTokenFile    = "DISCORD_TOKEN_FILE"
	envEmbedModel   = "COVERAGEBOT_EMBED_MODEL"
	envChatModel    = "COVERAGEBOT_CHAT_MODEL"
	envVerify       = "COVERAGEBOT_VERIFY"
	envShardID      = "COVERAGEBOT_SHARD_ID"
	envShardCount   = "COVERAGEBOT_SHARD_COUNT"
	envStore        = "COVERAGEBOT_STORE"
	envWeaviateURL  = "COVERAGEBOT_WEAVIATE_URL"
	envReadOnly     = "COVERAGEBOT_READ_ONLY"
	envFeeds        = "COVERAGEBOT_FEEDS"
	envRetention    = "COVERAGEBOT_RETENTION"
	envDigestChan   = "COVERAGEBOT_DIGEST_CHANNEL"
	envDigestCron   = "COVERAGEBOT_DIGEST_CRON"
	envPrefix       = "COVERAGEBOT_"
	cronFix         = `use five fields (minute hour day-of-month month day-of-week), such as "0 8 * * *" for 08:00 every day`
	maxUserAgentLen = 256
)

var (
	settings = buildSettings()
	byName   = indexSettings(func(s *setting) string { return s.Name })
	byKey    = indexSettings(func(s *setting) string { return s.Key })
)

func indexSettings(key func(*setting) string) map[string]*setting {
	m := make(map[string]*setting, len(settings))
	for i := range settings {
		m[key(&settings[i])] = &settings[i]
	}
	return m
}

func yamlKey(name string) string { return strings.ToLower(strings.TrimPrefix(name, envPrefix)) }

func buildSettings() []setting {
	var all []setting
	group := func(title string, ss ...setting) {
		for _, s := range ss {
			s.Group, s.Key = title, yamlKey(s.Name)
			all = append(all, s)
		}
	}

	group("Language model",
		secret("OPENAI_API_KEY",
			"API key of an OpenAI-compatible endpoint. Setting it (or OPENAI_BASE_URL) turns on answers by a language model.",
			func(c *Config) *Secret { return &c.LLM.APIKey }, nil),
		httpURL("OPENAI_BASE_URL",
			"Base URL of an OpenAI-compatible API, such as http://localhost:11434/v1 for Ollama. Empty means https://api.openai.com/v1.",
			"http://127.0.0.1:11434/v1", true,
			func(c *Config) *string { return &c.LLM.BaseURL }),
		text(envEmbedModel,
			"Embedding model at that endpoint. Empty uses the embedded offline embedder. An index is tied to its embedder: after changing this, run ingest --rebuild.",
			"text-embedding-3-small", func(c *Config) *string { return &c.LLM.EmbedModel }, nil),
		text(envChatModel,
			"Chat model for answers and summaries. Empty means "+DefaultChatModel+" when OPENAI_API_KEY or OPENAI_BASE_URL is set and extractive answers otherwise; none forces extractive answers.",
			"llama3.1", func(c *Config) *string { return &c.LLM.ChatModel }, nil),
		text(envVerify,
			"How cited sentences of a written answer are checked against their passages: rules (word rules only) or model (the rules, then one call to a model judge per answer). Empty means model when a chat model is in effect.",
			"rules", func(c *Config) *string { return &c.LLM.Verify }, func(v string) *invalid {
				if v != "" && v != VerifyRules && v != VerifyModel {
					return refuse("set it to rules or model, or leave it empty", "%s is not a way of checking citations", quote(v))
				}
				return nil
			}),
		text("COVERAGEBOT_VERIFY_MODEL",
			"Model of the judge that checks cited sentences when COVERAGEBOT_VERIFY is model. Empty means the chat model.",
			"gpt-4o", func(c *Config) *string { return &c.LLM.VerifyModel }, nil),
		whole("COVERAGEBOT_EMBED_BATCH", "Texts sent in one embeddings request.",
			"128", 1, 2048, func(c *Config) *int { return &c.LLM.EmbedBatch }),
		duration("COVERAGEBOT_LLM_TIMEOUT", "Longest time the language model may take over one answer or summary on the command line, retries included (the bot uses COVERAGEBOT_ANSWER_TIMEOUT).",
			"2m", time.Second, time.Hour, false, func(c *Config) *time.Duration { return &c.LLM.Timeout }),
		whole("COVERAGEBOT_LLM_CONTEXT_CHARS",
			"Characters of article text sent to the chat model at once; longer summaries are made in parts and then combined.",
			"100000", 2000, 2_000_000, func(c *Config) *int { return &c.LLM.ContextChars }),
	)

	group("Index, answers and logging",
		text("COVERAGEBOT_INDEX", "Directory of the coverage index (flag --index).",
			"/var/lib/coveragebot", func(c *Config) *string { return &c.Index.Dir }, nonEmpty("a directory")),
		text("COVERAGEBOT_DATA", "Directory of coverage that ingest reads when given no path (flag --data).",
			"/data", func(c *Config) *string { return &c.Data }, nonEmpty("a directory")),
		configFile(),
		logLevel(),
		choice("COVERAGEBOT_LOG_FORMAT", "Log format: text or json.", "log format",
			LogJSON, []string{LogText, LogJSON}, strings.ToLower, func(c *Config) *string { return &c.Log.Format }),
		whole("COVERAGEBOT_TOP_K", "Passages retrieved for each question.",
			"10", 1, 50, func(c *Config) *int { return &c.Retrieval.TopK }),
		whole("COVERAGEBOT_CHUNK_CHARS", "Target size of a passage, in characters, when articles are chunked.",
			"1200", 200, 4000, func(c *Config) *int { return &c.Index.ChunkChars }),
		duration("COVERAGEBOT_STALE_AFTER",
			"When a question asks for the latest news and the newest relevant article is older than this, the answer starts with a caveat; 0 turns the caveat off.",
			"1d", time.Minute, 0, true, func(c *Config) *time.Duration { return &c.Retrieval.StaleAfter }),
		duration("COVERAGEBOT_RELOAD_INTERVAL",
			"How often a read-only process checks for a newer index snapshot, and any process with COVERAGEBOT_STORE=weaviate for articles another process added; 0 never.",
			"30s", time.Second, time.Hour, true, func(c *Config) *time.Duration { return &c.Index.ReloadInterval }),
		boolean(envReadOnly,
			"Set on processes that share an index written by another process (the ingester): they reload it and never write it.",
			func(c *Config) *bool { return &c.Index.ReadOnly }),
	)

	group("Discord",
		secret(envToken,
			"Bot token from the Discord Developer Portal; serve needs it or DISCORD_TOKEN_FILE. A leading \"Bot \" is removed.",
			func(c *Config) *Secret { return &c.Discord.Token }, stripBotPrefix),
		text(envTokenFile,
			"File holding the bot token (Docker or systemd secrets), read instead of DISCORD_TOKEN.",
			"/run/secrets/discord_token", func(c *Config) *string { return &c.Discord.TokenFile }, nil),
		httpURL("DISCORD_API_URL",
			"Scheme and host of every Discord REST call and of the gateway lookup, for example a rate-limit proxy.",
			"http://127.0.0.1:8081", false,
			func(c *Config) *string { return &c.Discord.APIURL }),
		snowflakes("COVERAGEBOT_GUILDS",
			"Server IDs to register the slash commands in (instantly) instead of globally.",
			func(c *Config) *[]string { return &c.Discord.Guilds }),
		snowflakes("COVERAGEBOT_CHANNELS", "Channel IDs where every message is taken as a question.",
			func(c *Config) *[]string { return &c.Discord.Channels }),
		boolean("COVERAGEBOT_MESSAGE_CONTENT",
			"Ask for the privileged Message Content intent (enable it on the Bot page of the developer portal first), "+
				"so any message in the bot's threads is a follow-up; without it, follow-ups are replies to the bot or mention it.",
			func(c *Config) *bool { return &c.Discord.MessageContent }),
		whole("COVERAGEBOT_HISTORY_TURNS", "Earlier messages (questions and answers) a follow-up carries, read back from the thread or reply chain.",
			"4", 1, 8, func(c *Config) *int { return &c.Discord.HistoryTurns }),
		whole("COVERAGEBOT_HISTORY_TOKENS", "Estimated size bound, in tokens, of a follow-up's earlier messages.",
			"3000", 100, 16000, func(c *Config) *int { return &c.Discord.HistoryTokens }),
		boolean("COVERAGEBOT_STORE_FEEDBACK",
			"Keep each 👍/👎 with its question, answer and citations in feedback.jsonl in the index directory, "+
				"for coveragebot feedback. Off by default, because questions are what people wrote.",
			func(c *Config) *bool { return &c.Discord.StoreFeedback }),
		snowflakes("COVERAGEBOT_ALLOWED_GUILDS", "If set, only these servers may use the bot.",
			func(c *Config) *[]string { return &c.Discord.AllowedGuilds }),
		snowflakes("COVERAGEBOT_ALLOWED_CHANNELS", "If set, the bot answers only in these channels.",
			func(c *Config) *[]string { return &c.Discord.AllowedChannels }),
		snowflakes("COVERAGEBOT_ALLOWED_ROLES", "If set, only members with one of these roles may ask.",
			func(c *Config) *[]string { return &c.Discord.AllowedRoles }),
		snowflakes("COVERAGEBOT_ADMIN_ROLES",
			"Role IDs that may run admin commands, besides members with the Manage Server permission.",
			func(c *Config) *[]string { return &c.Discord.AdminRoles }),
		userRate(),
		whole("COVERAGEBOT_GUILD_CONCURRENCY", "Questions answered at the same time in one server.",
			"8", 1, 64, func(c *Config) *int { return &c.Limits.GuildConcurrency }),
		whole("COVERAGEBOT_QUEUE_LENGTH", "Questions that may wait in one server before new ones are turned away.",
			"64", 1, 10000, func(c *Config) *int { return &c.Limits.QueueLength }),
		duration("COVERAGEBOT_ANSWER_TIMEOUT",
			"Longest time spent answering one question (Discord's interaction tokens last 15 minutes).",
			"2m", time.Second, 15*time.Minute, false, func(c *Config) *time.Duration { return &c.Limits.AnswerTimeout }),
		whole(envShardID, "Gateway shard this process runs, from 0 to COVERAGEBOT_SHARD_COUNT-1.",
			"1", 0, 65535, func(c *Config) *int { return &c.Shard.ID }),
		whole(envShardCount, "Number of gateway shards; Discord requires sharding past 2,500 servers.",
			"2", 1, 65536, func(c *Config) *int { return &c.Shard.Count }),
		httpAddr(),
	)

	group("Live coverage",
		feeds(),
		duration("COVERAGEBOT_FEED_INTERVAL", "How often serve polls the feeds.",
			"30m", time.Minute, 7*day, false, func(c *Config) *time.Duration { return &c.Feeds.Interval }),
		text("COVERAGEBOT_USER_AGENT", "User-Agent sent when fetching feeds and pages; robots.txt rules for it are respected.",
			"newsroom-bot/1.0", func(c *Config) *string { return &c.Feeds.UserAgent }, checkUserAgent),
		duration("COVERAGEBOT_FETCH_TIMEOUT", "Longest time one feed or page fetch may take.",
			"45s", time.Second, 10*time.Minute, false, func(c *Config) *time.Duration { return &c.Feeds.FetchTimeout }),
		maxPageBytes(),
		boolean("COVERAGEBOT_ALLOW_PRIVATE_URLS",
			"Allow fetching private, loopback and link-local addresses. Keep it off when Discord users can submit URLs.",
			func(c *Config) *bool { return &c.Feeds.AllowPrivateURLs }),
		snowflake("COVERAGEBOT_ANNOUNCE_CHANNEL", "Channel ID where newly ingested articles are announced.",
			func(c *Config) *string { return &c.Feeds.AnnounceChannel }),
		duration(envRetention, "Articles older than this, such as 30d, are removed from the index; 0 keeps every article.",
			"30d", time.Hour, 0, true, func(c *Config) *time.Duration { return &c.Index.Retention }),
	)

	group("Digests",
		snowflake(envDigestChan, "Channel ID where a digest of new coverage is posted on a schedule.",
			func(c *Config) *string { return &c.Digest.Channel }),
		digestCron(),
	)

	group("Store",
		choice(envStore, "Where passages and vectors live: chromem (in the process) or weaviate.", "store",
			StoreWeaviate, []string{StoreChromem, StoreWeaviate}, strings.ToLower,
			func(c *Config) *string { return &c.Store.Backend }),
		httpURL(envWeaviateURL, "URL of the Weaviate server when COVERAGEBOT_STORE is weaviate.",
			"http://127.0.0.1:8079", false, func(c *Config) *string { return &c.Store.WeaviateURL }),
		text("COVERAGEBOT_WEAVIATE_GRPC",
			"gRPC address (host:port) of the Weaviate server, 50051 on a default server; when set, imports go over gRPC, which is faster than REST.",
			"127.0.0.1:50051", func(c *Config) *string { return &c.Store.WeaviateGRPC }, hostPort),
		secret("COVERAGEBOT_WEAVIATE_API_KEY", "API key of the Weaviate server, if it requires one.",
			func(c *Config) *Secret { return &c.Store.WeaviateAPIKey }, nil),
		whole("COVERAGEBOT_WEAVIATE_REPLICATION", "Replication factor of the Weaviate collection.",
			"3", 1, 100, func(c *Config) *int { return &c.Store.WeaviateReplication }),
		choice("COVERAGEBOT_WEAVIATE_CONSISTENCY",
			"Consistency level of Weaviate reads and writes: QUORUM, ONE or ALL.", "consistency level",
			"ALL", []string{"QUORUM", "ONE", "ALL"}, strings.ToUpper,
			func(c *Config) *string { return &c.Store.WeaviateConsistency }),
		choice("COVERAGEBOT_WEAVIATE_KEYWORDS",
			"Where keyword (BM25) search runs when COVERAGEBOT_STORE is weaviate: bot (each bot process keeps the keyword postings, about 0.7 KB a passage, and searches them: several times faster) or weaviate (less memory in the bot).",
			"keyword search", KeywordsInWeaviate, []string{KeywordsInBot, KeywordsInWeaviate}, strings.ToLower,
			func(c *Config) *string { return &c.Store.WeaviateKeywords }),
		whole("COVERAGEBOT_WEAVIATE_BATCH_SIZE", "Passages in each Weaviate import request.",
			"200", 1, 10000, func(c *Config) *int { return &c.Store.WeaviateBatchSize }),
		whole("COVERAGEBOT_WEAVIATE_IMPORT_CONCURRENCY",
			"Weaviate import requests in flight at once; 0 chooses 4, or 1 when COVERAGEBOT_WEAVIATE_REPLICATION is above 1.",
			"2", 0, 64, func(c *Config) *int { return &c.Store.WeaviateImportConcurrency }),
		whole("COVERAGEBOT_WEAVIATE_EF",
			"Search breadth (HNSW ef) of the Weaviate passage collection, set on a new collection and on an existing one when the bot opens it: more finds more of the exact nearest passages and takes longer; -1 asks for Weaviate's dynamic ef (8 times the passages a query asks, between 100 and 500), 0 leaves the collection's as it is.",
			"256", -1, 100000, func(c *Config) *int { return &c.Store.WeaviateSearchBreadth }),
		text("COVERAGEBOT_WEAVIATE_COLLECTION",
			"Prefix of the Weaviate collections' names (it adds Passage and Article), so that several indexes can share one server.",
			"Newsroom", func(c *Config) *string { return &c.Store.WeaviateCollection }, collectionName),
	)
	return all
}

func describe(name, desc string) Setting { return Setting{Name: name, Description: desc} }

func text(name, desc, example string, field func(*Config) *string, check func(string) *invalid) setting {
	return setting{
		Setting: describe(name, desc),
		example: example,
		parse: func(c *Config, raw string) *invalid {
			*field(c) = raw
			return nil
		},
		format: func(c *Config) string { return *field(c) },
		check: func(c *Config) *invalid {
			if check == nil {
				return nil
			}
			return check(*field(c))
		},
	}
}

// hostPort checks an optional host:port address.
func hostPort(v string) *invalid {
	if v == "" {
		return nil
	}
	host, port, err := net.SplitHostPort(v)
	if n, perr := strconv.Atoi(port); err != nil || host == "" || perr != nil || n < 1 || n > 65535 {
		return refuse("set it to host:port, such as 127.0.0.1:50051", "%s is not a host and port", shown(v))
	}
	return nil
}

// collectionName checks a Weaviate collection prefix: Weaviate wants a
// capital letter first, then letters and digits.
func collectionName(v string) *invalid {
	ok := v != "" && v[0] >= 'A' && v[0] <= 'Z'
	for _, r := range v {
		ok = ok && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}
	if !ok {
		return refuse("set it to a capital letter followed by letters and digits, such as Coveragebot", "%s is not a Weaviate collection name", shown(v))
	}
	return nil
}

func nonEmpty(what string) func(string) *invalid {
	return func(v string) *invalid {
		if v == "" {
			return refuse("set it to "+what, "it is empty")
		}
		return nil
	}
}

func configFile() setting {
	s := text(envConfig,
		"Optional YAML file of settings, keyed by the names here in lower case without COVERAGEBOT_ (top_k: 8; feeds: as a list). The environment overrides it, and flags override both (flag --config).",
		"/etc/coveragebot/config.yaml", func(c *Config) *string { return &c.File }, nil)
	s.envOnly = true
	return s
}

func whole(name, desc, example string, lo, hi int, field func(*Config) *int) setting {
	fix := fmt.Sprintf("set it to a number from %d to %d", lo, hi)
	return setting{
		Setting: describe(name, desc),
		example: example,
		parse: func(c *Config, raw string) *invalid {
			n, ok := parseWhole(raw)
			if !ok {
				return refuse(fix, "%s is not a whole number", shown(raw))
			}
			*field(c) = n
			return nil
		},
		format: func(c *Config) string { return strconv.Itoa(*field(c)) },
		check: func(c *Config) *invalid {
			if n := *field(c); n < lo || n > hi {
				return refuse(fix, "%d is out of range", n)
			}
			return nil
		},
	}
}

// duration is a setting of a length of time of at least lo and, when hi is
// not 0, at most hi. With zeroOff, 0 is also allowed and turns the feature
// off.
func duration(name, desc, example string, lo, hi time.Duration, zeroOff bool, field func(*Config) *time.Duration) setting {
	fix := "set it to a duration of at least " + formatDuration(lo)
	if hi > 0 {
		fix = "set it to a duration from " + formatDuration(lo) + " to " + formatDuration(hi)
	}
	fix += ", such as " + example
	if zeroOff {
		fix += ", or 0 to turn it off"
	}
	return setting{
		Setting: describe(name, desc),
		example: example,
		parse: func(c *Config, raw string) *invalid {
			d, ok := parseDuration(raw)
			if !ok {
				return refuse(fix+` (units: s, m, h, d)`, "%s is not a duration", shown(raw))
			}
			*field(c) = d
			return nil
		},
		format: func(c *Config) string { return formatDuration(*field(c)) },
		check: func(c *Config) *invalid {
			d := *field(c)
			switch {
			case d == 0 && zeroOff:
				return nil
			case d < 0:
				return refuse(fix, "%s is negative", formatDuration(d))
			case d < lo:
				return refuse(fix, "%s is too short", formatDuration(d))
			case hi > 0 && d > hi:
				return refuse(fix, "%s is too long", formatDuration(d))
			}
			return nil
		},
	}
}

func boolean(name, desc string, field func(*Config) *bool) setting {
	const fix = "set it to true or false (yes/no and 1/0 work too)"
	return setting{
		Setting: describe(name, desc),
		example: "true", // every boolean defaults to false
		parse: func(c *Config, raw string) *invalid {
			b, ok := parseBool(raw)
			if !ok {
				return refuse(fix, "%s is not true or false", shown(raw))
			}
			*field(c) = b
			return nil
		},
		format: func(c *Config) string { return strconv.FormatBool(*field(c)) },
	}
}

func choice(name, desc, noun, example string, options []string, fold func(string) string, field func(*Config) *string) setting {
	fix := "set it to " + joinOr(options)
	return setting{
		Setting: describe(name, desc),
		example: example,
		parse: func(c *Config, raw string) *invalid {
			v := fold(raw)
			if !slices.Contains(options, v) {
				return refuse(fix, "%s is not a %s", shown(raw), noun)
			}
			*field(c) = v
			return nil
		},
		format: func(c *Config) string { return *field(c) },
		check: func(c *Config) *invalid {
			if v := *field(c); !slices.Contains(options, v) {
				return refuse(fix, "%s is not a %s", shown(v), noun)
			}
			return nil
		},
	}
}

func joinOr(options []string) string {
	if len(options) < 2 {
		return strings.Join(options, "")
	}
	return strings.Join(options[:len(options)-1], ", ") + " or " + options[len(options)-1]
}

func logLevel() setting {
	fix := "set it to debug, info, warn or error"
	return setting{
		Setting: describe("COVERAGEBOT_LOG_LEVEL", "Least important log messages shown: debug, info, warn or error (flag --log-level)."),
		example: "debug",
		parse: func(c *Config, raw string) *invalid {
			l, ok := logLevels[strings.ToLower(raw)]
			if !ok {
				return refuse(fix, "%s is not a log level", shown(raw))
			}
			c.Log.Level = l
			return nil
		},
		format: func(c *Config) string { return formatLevel(c.Log.Level) },
		check: func(c *Config) *invalid {
			if l, ok := logLevels[formatLevel(c.Log.Level)]; !ok || l != c.Log.Level {
				return refuse(fix, "%s is not a log level", quote(formatLevel(c.Log.Level)))
			}
			return nil
		},
	}
}

func secret(name, desc string, field func(*Config) *Secret, normalize func(string) string) setting {
	return setting{
		Setting: Setting{Name: name, Description: desc, Secret: true},
		example: "canary-" + strings.ToLower(name),
		parse: func(c *Config, raw string) *invalid {
			if normalize != nil {
				raw = normalize(raw)
			}
			if inv := cleanSecret(raw); inv != nil {
				return inv
			}
			*field(c) = Secret(raw)
			return nil
		},
		format: func(c *Config) string { return field(c).String() },
		check: func(c *Config) *invalid {
			if s := *field(c); s.IsSet() {
				return cleanSecret(s.Reveal())
			}
			return nil
		},
	}
}

// stripBotPrefix accepts a token pasted as the Authorization header value;
// the Discord client adds the prefix itself.
func stripBotPrefix(token string) string {
	if len(token) > 4 && strings.EqualFold(token[:4], "bot ") {
		return strings.TrimSpace(token[4:])
	}
	return token
}

func httpURL(name, desc, example string, allowPath bool, field func(*Config) *string) setting {
	fix := "set it to an absolute URL such as " + example
	if !allowPath {
		fix = "set it to a scheme and host only, such as " + example
	}
	return setting{
		Setting: describe(name, desc),
		example: example,
		parse: func(c *Config, raw string) *invalid {
			if _, inv := parseHTTPURL(raw, allowPath, fix); inv != nil {
				return inv
			}
			*field(c) = strings.TrimRight(raw, "/")
			return nil
		},
		format: func(c *Config) string { return displayURL(*field(c)) },
		check: func(c *Config) *invalid {
			if v := *field(c); v != "" {
				_, inv := parseHTTPURL(v, allowPath, fix)
				return inv
			}
			return nil
		},
	}
}

func feeds() setting {
	const fix = "list absolute http or https feed URLs, comma-separated (or as a YAML list)"
	field := func(c *Config) *[]string { return &c.Feeds.URLs }
	check := func(urls []string) *invalid {
		for i, u := range urls {
			if _, inv := parseHTTPURL(u, true, fix); inv != nil {
				if len(urls) > 1 {
					inv.problem = fmt.Sprintf("item %d of %d: %s", i+1, len(urls), inv.problem)
				}
				return inv
			}
		}
		return nil
	}
	return listSetting(
		describe(envFeeds, "RSS or Atom feed URLs that serve polls, comma-separated (in the YAML file, a feeds: list)."),
		"https://example.com/news.rss,https://example.org/atom.xml", field, check,
		func(urls []string) string {
			shown := make([]string, len(urls))
			for i, u := range urls {
				// Feed services put access tokens in the query.
				shown[i] = redact.Query(u)
			}
			return strings.Join(shown, ",")
		})
}

func snowflakes(name, desc string, field func(*Config) *[]string) setting {
	check := func(ids []string) *invalid {
		for i, id := range ids {
			if !isSnowflake(id) {
				return refuse(snowflakeFix, "item %d of %d is not a Discord ID", i+1, len(ids))
			}
		}
		return nil
	}
	return listSetting(describe(name, desc), "123456789012345678,223456789012345678", field, check,
		func(ids []string) string { return strings.Join(ids, ",") })
}

func listSetting(s Setting, example string, field func(*Config) *[]string, check func([]string) *invalid, show func([]string) string) setting {
	parseList := func(c *Config, items []string) *invalid {
		if inv := check(items); inv != nil {
			return inv
		}
		*field(c) = dedupe(items)
		return nil
	}
	return setting{
		Setting:   s,
		example:   example,
		parse:     func(c *Config, raw string) *invalid { return parseList(c, splitList(raw)) },
		parseList: parseList,
		format:    func(c *Config) string { return show(*field(c)) },
		check:     func(c *Config) *invalid { return check(*field(c)) },
	}
}

func snowflake(name, desc string, field func(*Config) *string) setting {
	const fix = "set it to one numeric Discord ID (turn on Developer Mode in Discord, then right-click and Copy ID)"
	check := func(id string) *invalid {
		if id != "" && !isSnowflake(id) {
			return refuse(fix, "%s is not a Discord ID", shown(id))
		}
		return nil
	}
	return setting{
		Setting: describe(name, desc),
		example: "323456789012345678",
		parse: func(c *Config, raw string) *invalid {
			if inv := check(raw); inv != nil {
				return inv
			}
			*field(c) = raw
			return nil
		},
		format: func(c *Config) string { return *field(c) },
		check:  func(c *Config) *invalid { return check(*field(c)) },
	}
}

func userRate() setting {
	const fix = "use COUNT/DURATION with a count from 1 to 10000 and a window from 1s to 1d, such as 5/1m or 100/1h, or off for no limit"
	return setting{
		Setting: describe("COVERAGEBOT_USER_RATE", "Questions one user may ask per window, as COUNT/DURATION; off for no limit."),
		example: "10/1h",
		parse: func(c *Config, raw string) *invalid {
			r, ok := parseRate(raw)
			if !ok {
				return refuse(fix, "%s is not a rate", shown(raw))
			}
			c.Limits.UserRate = r
			return nil
		},
		format: func(c *Config) string { return c.Limits.UserRate.String() },
		check: func(c *Config) *invalid {
			r := c.Limits.UserRate
			if !r.Unlimited() && (r.Count < 1 || r.Count > 10000 || r.Per < time.Second || r.Per > day) {
				return refuse(fix, "%s is out of range", quote(r.String()))
			}
			return nil
		},
	}
}

func httpAddr() setting {
	const fix = "use host:port, such as 127.0.0.1:8080, or :8080 for every interface, or off"
	return setting{
		Setting: describe("COVERAGEBOT_HTTP_ADDR", "Where serve answers /healthz and /metrics, as host:port (:8080 for every interface, as in Docker); off turns it off."),
		example: ":9090",
		parse: func(c *Config, raw string) *invalid {
			addr, ok := parseAddr(raw)
			if !ok {
				return refuse(fix, "%s is not host:port", shown(raw))
			}
			c.HTTP.Addr = addr
			return nil
		},
		format: func(c *Config) string {
			if c.HTTP.Addr == "" {
				return addrOff
			}
			return c.HTTP.Addr
		},
		check: func(c *Config) *invalid {
			if _, ok := parseAddr(c.HTTP.Addr); c.HTTP.Addr != "" && !ok {
				return refuse(fix, "%s is not host:port", shown(c.HTTP.Addr))
			}
			return nil
		},
	}
}

func maxPageBytes() setting {
	const lo, hi = 1 << 10, 1 << 30
	const fix = "set it to a size from 1KiB to 1GiB, such as 5MiB, 500KB or 5000000"
	return setting{
		Setting: describe("COVERAGEBOT_MAX_PAGE_BYTES", "Largest page or feed fetched, in bytes or with a unit (KB, MB, KiB, MiB, GiB)."),
		example: "10MiB",
		parse: func(c *Config, raw string) *invalid {
			n, ok := parseBytes(raw)
			if !ok {
				return refuse(fix, "%s is not a size", shown(raw))
			}
			c.Feeds.MaxPageBytes = n
			return nil
		},
		format: func(c *Config) string { return formatBytes(c.Feeds.MaxPageBytes) },
		check: func(c *Config) *invalid {
			if n := c.Feeds.MaxPageBytes; n < lo || n > hi {
				return refuse(fix, "%s is out of range", formatBytes(n))
			}
			return nil
		},
	}
}

func checkUserAgent(v string) *invalid {
	const fix = "set it to printable ASCII text, such as " + DefaultUserAgent
	switch {
	case v == "":
		return refuse(fix, "it is empty")
	case len(v) > maxUserAgentLen:
		return refuse(fix, "it is longer than %d characters", maxUserAgentLen)
	case !isHeaderSafe(v):
		return refuse(fix, "%s contains characters that cannot go in an HTTP header", shown(v))
	}
	return nil
}

func digestCron() setting {
	return setting{
		Setting: describe(envDigestCron, "When the digest is posted: a cron schedule (minute hour day-of-month month day-of-week) in the process's time zone (set TZ)."),
		example: "30 7 * * MON-FRI",
		parse: func(c *Config, raw string) *invalid {
			s, err := ParseCron(raw)
			if err != nil {
				return refuse(cronFix, "%s is not a cron schedule (%v)", shown(raw), err)
			}
			c.Digest.Cron = s
			return nil
		},
		format: func(c *Config) string { return c.Digest.Cron.String() },
	}
}
