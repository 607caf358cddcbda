package config

import (
	"io"
	"log/slog"
	"strings"
	"time"
)

// Config is every setting coveragebot has. Build it with Load (or Default),
// let BindFlags apply the command line, then call Validate.
type Config struct {
	// File is the YAML settings file that was read, if any
	// (COVERAGEBOT_CONFIG or --config).
	File string
	// Data is the directory of coverage that ingest reads by default.
	Data string

	Log       Log
	Index     Index
	Retrieval Retrieval
	LLM       LLM
	Discord   Discord
	Limits    Limits
	Shard     Shard
	HTTP      HTTP
	Feeds     Feeds
	Digest    Digest
	Store     Store

	// state remembers where values came from and which raw values were
	// refused, so that Validate can report them with the rest.
	state *provenance
}

// Log says how the process logs.
type Log struct {
	Level  slog.Level
	Format string // LogText or LogJSON
}

// Log formats.
const (
	LogText = "text"
	LogJSON = "json"
)

// Handler returns the slog handler that Level and Format describe.
func (l Log) Handler(w io.Writer) slog.Handler {
	opts := &slog.HandlerOptions{Level: l.Level}
	if l.Format == LogJSON {
		return slog.NewJSONHandler(w, opts)
	}
	return slog.NewTextHandler(w, opts)
}

// Index configures the coverage index on disk.
type Index struct {
	Dir string
	// ChunkChars is the target passage size when articles are chunked.
	ChunkChars int
	// ReloadInterval is how often a read-only process looks for a newer
	// snapshot; 0 means never.
	ReloadInterval time.Duration
	// ReadOnly is set for processes that share an index written by another
	// (the ingester); they never write it.
	ReadOnly bool
	// Retention removes articles older than this; 0 keeps everything.
	Retention time.Duration
}

// Retrieval tunes how questions are answered.
type Retrieval struct {
	TopK int
	// StaleAfter is the age of the newest relevant article beyond which an
	// answer about the latest news starts with a caveat; 0 turns it off.
	StaleAfter time.Duration
}

// LLM configures the OpenAI-compatible endpoint, for embeddings and chat.
type LLM struct {
	APIKey Secret
	// BaseURL is empty for OpenAI itself (https://api.openai.com/v1).
	BaseURL string
	// EmbedModel is empty for the embedded pure-Go embedder.
	EmbedModel string
	// ChatModel is the setting as given; use Config.ChatModel for the model
	// actually in effect.
	ChatModel string
	// Verify is "rules", "model" or "" (the model when a chat model is in
	// effect); use Config.VerifyMode. VerifyModel is the judge's model, ""
	// for the chat model.
	Verify       string
	VerifyModel  string
	EmbedBatch   int
	Timeout      time.Duration
	ContextChars int
}

// DefaultChatModel is the chat model used when an endpoint is configured but
// no model is named.
const DefaultChatModel = "gpt-4o-mini"

// noChatModel, as COVERAGEBOT_CHAT_MODEL, forces extractive answers even when
// an endpoint is configured (for example one used only for embeddings).
const noChatModel = "none"

// ChatModel returns the chat model to use, or "" when answers are extractive.
func (c Config) ChatModel() string {
	switch {
	case strings.EqualFold(c.LLM.ChatModel, noChatModel):
		return ""
	case c.LLM.ChatModel != "":
		return c.LLM.ChatModel
	case c.hasEndpoint():
		return DefaultChatModel
	default:
		return ""
	}
}

// Ways of checking a written answer's citations (COVERAGEBOT_VERIFY).
const (
	VerifyRules = "rules"
	VerifyModel = "model"
)

// VerifyMode returns how written answers are checked: VerifyModel (the
// rules, then a model judge) when a chat model is in effect and
// COVERAGEBOT_VERIFY is not rules, else VerifyRules.
func (c Config) VerifyMode() string {
	if c.ChatModel() == "" || c.LLM.Verify == VerifyRules {
		return VerifyRules
	}
	return VerifyModel
}

// JudgeModel returns the model of the judge: COVERAGEBOT_VERIFY_MODEL, or
// the chat model.
func (c Config) JudgeModel() string {
	if c.LLM.VerifyModel != "" {
		return c.LLM.VerifyModel
	}
	return c.ChatModel()
}

func (c Config) hasEndpoint() bool { return c.LLM.APIKey.IsSet() || c.LLM.BaseURL != "" }

// Discord configures the bot's connection and where it listens.
type Discord struct {
	// Token is the bot token without the "Bot " prefix.
	Token Secret
	// TokenFile, when set, is where Token was read from.
	TokenFile string
	// APIURL is the scheme and host of every REST call and of the gateway
	// lookup, without a trailing slash.
	APIURL string
	// Guilds, when set, are where commands are registered instead of
	// globally (registration there is instant).
	Guilds []string
	// Channels are where every message is taken as a question.
	Channels []string
	// The allow lists; empty means everyone.
	AllowedGuilds   []string
	AllowedChannels []string
	AllowedRoles    []string
	// AdminRoles may run admin commands, besides members with Manage Server.
	AdminRoles []string
	// MessageContent asks Discord for the privileged Message Content intent,
	// so that every message in the bot's threads is a follow-up. It must be
	// enabled in the developer portal too. Channels turn it on regardless.
	MessageContent bool
	// HistoryTurns and HistoryTokens bound the earlier messages a follow-up
	// carries: how many, and about how many tokens in all.
	HistoryTurns  int
	HistoryTokens int
	// StoreFeedback keeps each 👍/👎 with its question, answer and citations
	// in the index directory, for `coveragebot feedback`. Off by default:
	// questions are what people wrote.
	StoreFeedback bool
}

// Limits protect the bot and the LLM from bursts.
type Limits struct {
	UserRate         Rate
	GuildConcurrency int
	QueueLength      int
	AnswerTimeout    time.Duration
}

// Rate is a number of events per window. The zero Rate means no limit.
type Rate struct {
	Count int
	Per   time.Duration
}

// Unlimited reports whether the rate imposes no limit.
func (r Rate) Unlimited() bool { return r == Rate{} }

// String formats the rate as the settings take it, such as "5/1m" or "off".
func (r Rate) String() string {
	if r.Unlimited() {
		return "off"
	}
	return formatWhole(r.Count) + "/" + formatDuration(r.Per)
}

// Shard says which gateway shard this process runs.
type Shard struct {
	ID    int
	Count int
}

// HTTP configures the health and metrics listener of serve.
type HTTP struct {
	// Addr is host:port, or "" when the listener is off.
	Addr string
}

// Feeds configures live coverage: feeds, URL fetching and announcements.
type Feeds struct {
	URLs             []string
	Interval         time.Duration
	UserAgent        string
	FetchTimeout     time.Duration
	MaxPageBytes     int64
	AllowPrivateURLs bool
	// AnnounceChannel, when set, is where new articles are announced.
	AnnounceChannel string
}

// Digest configures the scheduled digest of new coverage.
type Digest struct {
	// Channel, when set, turns the digest on.
	Channel string
	Cron    Schedule
}

// Store chooses where passages and vectors live.
type Store struct {
	Backend             string // StoreChromem or StoreWeaviate
	WeaviateURL         string
	WeaviateGRPC        string // host:port; empty imports over REST
	WeaviateAPIKey      Secret
	WeaviateReplication int
	WeaviateConsistency string // QUORUM, ONE or ALL
	// WeaviateKeywords is where keyword search runs: KeywordsInBot or
	// KeywordsInWeaviate.
	WeaviateKeywords string
	// WeaviateBatchSize is how many passages one import request carries.
	WeaviateBatchSize int
	// WeaviateImportConcurrency is how many import requests may be in
	// flight; 0 lets the store choose.
	WeaviateImportConcurrency int
	// WeaviateSearchBreadth is the passage graph's ef; -1 asks for
	// Weaviate's dynamic ef and 0 leaves the collection's as it is.
	WeaviateSearchBreadth int
	// WeaviateCollection prefixes the names of the two collections
	// (…Passage and …Article), so that several indexes share a server.
	WeaviateCollection string
}

// Store backends.
const (
	StoreChromem  = "chromem"
	StoreWeaviate = "weaviate"
)

// Where keyword search runs with the weaviate store.
const (
	KeywordsInBot      = "bot"
	KeywordsInWeaviate = "weaviate"
)

// DefaultUserAgent identifies coveragebot to the sites it fetches.
const DefaultUserAgent = "coveragebot (+https://github.com/coveragebot/coveragebot)"

// Default returns the configuration used when nothing is set.
func Default() Config {
	return Config{
		Data: "data",
		Log:  Log{Level: slog.LevelInfo, Format: LogText},
		Index: Index{
			Dir:            "./.coveragebot",
			ChunkChars:     900,
			ReloadInterval: 10 * time.Second,
		},
		Retrieval: Retrieval{TopK: 6, StaleAfter: 72 * time.Hour},
		LLM: LLM{
			EmbedBatch:   64,
			Timeout:      60 * time.Second,
			ContextChars: 24000,
		},
		Discord: Discord{APIURL: "https://discord.com", HistoryTurns: 6, HistoryTokens: 1500},
		Limits: Limits{
			UserRate:         Rate{Count: 5, Per: time.Minute},
			GuildConcurrency: 4,
			QueueLength:      32,
			AnswerTimeout:    90 * time.Second,
		},
		Shard: Shard{ID: 0, Count: 1},
		HTTP:  HTTP{Addr: "127.0.0.1:8080"},
		Feeds: Feeds{
			Interval:     15 * time.Minute,
			UserAgent:    DefaultUserAgent,
			FetchTimeout: 20 * time.Second,
			MaxPageBytes: 5 << 20,
		},
		Digest: Digest{Cron: mustParseCron("0 8 * * *")},
		Store: Store{
			Backend:             StoreChromem,
			WeaviateReplication: 1,
			WeaviateConsistency: "QUORUM",
			WeaviateKeywords:    KeywordsInBot,
			WeaviateBatchSize:   500,
			// weaviate.DefaultSearchBreadth (TestDefaultSearchBreadthIsTheStores).
			WeaviateSearchBreadth: 160,
			WeaviateCollection:    "Coveragebot",
		},
	}
}

// String lists every setting as NAME=value, one a line, secrets redacted.
func (c Config) String() string {
	var b strings.Builder
	for i := range settings {
		s := &settings[i]
		b.WriteString(s.Name)
		b.WriteByte('=')
		b.WriteString(s.format(&c))
		b.WriteByte('\n')
	}
	return b.String()
}

// LogValue logs every setting under its YAML key, secrets redacted.
func (c Config) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, len(settings))
	for i := range settings {
		s := &settings[i]
		attrs = append(attrs, slog.String(s.Key, s.format(&c)))
	}
	return slog.GroupValue(attrs...)
}
