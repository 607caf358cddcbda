// Package weaviate keeps coveragebot's passages in a Weaviate cluster: a
// rag.Store for coverage that outgrows one process.
//
// Two collections hold the index. Passages hold each passage's vector
// (made by coveragebot's own embedder; the collection has no vectorizer),
// its description and its keyword terms. Articles hold the catalog record
// each bot process reads at start-up (the clean body, quotations, the
// content hash that makes ingestion incremental) and the article's terms
// for article-level BM25. Keyword terms are coveragebot's own (prose.Terms,
// stemmed, stop words dropped), stored whitespace-tokenised with Weaviate's
// stop words off and BM25 at k1 1.2, b 0.75, so that Weaviate scores what
// the in-process index scores.
package weaviate

import (
	"context"
	"crypto/sha1"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/weaviate/weaviate-go-client/v5/weaviate"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/auth"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/grpc"
	"github.com/weaviate/weaviate/entities/models"

	"github.com/coveragebot/coveragebot/internal/redact"
)

// Options configure a Store.
type Options struct {
	// URL is Weaviate's HTTP address, such as http://127.0.0.1:8080.
	URL string
	// APIKey, when set, is sent as a bearer token.
	APIKey string
	// GRPC, when set, is the server's gRPC address (host:port, 50051 by
	// default on a Weaviate server); imports then go over gRPC batches,
	// which carry vectors as bytes rather than JSON numbers, and so do
	// searches (search.go).
	GRPC string
	// Collection prefixes the two collections' names: Collection+"Passage"
	// and Collection+"Article". Default "Coveragebot".
	Collection string
	// Replication is the number of copies of each shard, used when the
	// collections are created. Default 1.
	Replication int
	// Shards is the number of shards of each collection, used when they are
	// created. Default 1: BM25 is scored per shard, and one shard scores
	// exactly what the in-process index scores.
	Shards int
	// Consistency is the consistency level of reads and writes: ONE,
	// QUORUM (the default) or ALL. With QUORUM for both, a read sees every
	// acknowledged write, and a cluster of three keeps working with a node
	// down.
	Consistency string
	// Timeout bounds each request. Default 30 seconds.
	Timeout time.Duration
	// BatchSize is how many passages one import request carries. Default
	// DefaultBatchSize.
	BatchSize int
	// Concurrency is how many import requests may be in flight at once.
	// Default DefaultConcurrency, or 1 when Replication is above 1.
	Concurrency int
	// SearchBreadth is the passage graph's ef: how many candidates the
	// HNSW search keeps while it walks the graph. More finds more of the
	// exact nearest passages and costs more time (docs/SCALING.md, "What
	// the graph search costs, and what it finds"). Above 0, a new
	// collection is created with it and an existing one is changed to it,
	// since ef can change on a live collection. DynamicSearchBreadth (-1)
	// asks for Weaviate's dynamic ef in the same way. 0 asks for nothing:
	// a new collection gets the server's default and an existing one keeps
	// what it has.
	SearchBreadth int
	// NoKeywordIndex creates the collections without keyword (BM25)
	// postings of their terms. A bot whose keyword search runs over its own
	// catalog (search.Options.KeywordsInStore unset, the default) never
	// reads them, and building them is most of the server's work on an
	// import (docs/SCALING.md, "Search breadth 160 by default, and imports
	// without keyword postings").
	// KeywordQuery on collections without them fails with
	// ErrNoKeywordIndex. It changes nothing on existing collections; see
	// KeywordIndex.
	NoKeywordIndex bool
	// Progress, when set, is called as Put writes passages, with the
	// passages written so far and the number Put was given. It may be
	// called from several goroutines at once.
	Progress func(done, total int)
}

// Store is a rag.Store on Weaviate.
type Store struct {
	opts     Options
	client   *weaviate.Client
	passages string // collection names
	articles string
	// stats are the index's BM25 statistics, counted from the catalog.
	stats *keywordStats
	// blockMax is set when the passages' keyword postings are in the
	// BlockMax format (see BlockMaxWAND).
	blockMax bool
	// keywordIndex is set when the passages' terms have keyword postings
	// (see KeywordIndex).
	keywordIndex bool
	// grpcSearch asks searches over gRPC; nil when no gRPC address is set.
	grpcSearch *grpcSearcher
	// pace holds writes back while the server is busy.
	pace    pacer
	retries retryPolicy
	// readRetries bounds the tries of a search (search); zero means
	// defaultReadRetries.
	readRetries retryPolicy
}

var _ rag.Store = (*Store)(nil)

// Open connects to Weaviate and creates the collections if they are
// missing. It fails when the server does not answer.
func Open(ctx context.Context, opts Options) (*Store, error) {
	if opts.Collection == "" {
		opts.Collection = "Coveragebot"
	}
	if opts.Replication <= 0 {
		opts.Replication = 1
	}
	if opts.Shards <= 0 {
		opts.Shards = 1
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.SearchBreadth < DynamicSearchBreadth {
		return nil, fmt.Errorf("weaviate: search breadth %d: want %d (Weaviate's dynamic ef), 0 (leave it as it is) or more", opts.SearchBreadth, DynamicSearchBreadth)
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = DefaultConcurrency
		if opts.Replication > 1 {
			// A replicated write waits for a quorum of replicas. With
			// several in flight on a loaded three-node cluster, the
			// slowest replica missed writes that only asynchronous
			// replication brought later (docs/SCALING.md, "Imports").
			opts.Concurrency = 1
		}
	}
	opts.Consistency = strings.ToUpper(opts.Consistency)
	switch opts.Consistency {
	case "":
		opts.Consistency = "QUORUM"
	case "ONE", "QUORUM", "ALL":
	default:
		return nil, fmt.Errorf("weaviate: consistency level %q: want ONE, QUORUM or ALL", opts.Consistency)
	}
	if !validName(opts.Collection) {
		return nil, fmt.Errorf("weaviate: collection prefix %q: want a letter then letters and digits, starting upper-case", opts.Collection)
	}
	u, err := url.Parse(opts.URL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("weaviate: URL %q: want http://host:port or https://host:port", redact.URL(opts.URL))
	}
	cfg := weaviate.Config{Host: u.Host, Scheme: u.Scheme, Timeout: opts.Timeout}
	if opts.GRPC != "" {
		cfg.GrpcConfig = &grpc.Config{Host: opts.GRPC, Secured: u.Scheme == "https"}
	}
	if opts.APIKey != "" {
		cfg.AuthConfig = auth.ApiKey{Value: opts.APIKey}
	} else {
		cfg.ConnectionClient = &http.Client{Timeout: opts.Timeout}
	}
	// The URL may carry a password (for a proxy in front of Weaviate); no
	// message shows it.
	shownURL := redact.URL(opts.URL)
	client, err := weaviate.NewClient(cfg)
	if err != nil {
		return nil, fmt.Errorf("weaviate at %s: %w", shownURL, err)
	}
	s := &Store{opts: opts, client: client, passages: opts.Collection + "Passage", articles: opts.Collection + "Article", stats: newKeywordStats(), retries: defaultRetries}
	// Until the catalog is read, the statistics count nothing that is
	// stored.
	s.stats.invalidate()
	ready, err := client.Misc().ReadyChecker().Do(ctx)
	if err != nil {
		return nil, fmt.Errorf("weaviate at %s: %w", shownURL, err)
	}
	if !ready {
		return nil, fmt.Errorf("weaviate at %s is not ready", shownURL)
	}
	if err := s.ensureSchema(ctx); err != nil {
		return nil, err
	}
	if opts.GRPC != "" {
		if s.grpcSearch, err = newGRPCSearcher(ctx, s); err != nil {
			return nil, fmt.Errorf("weaviate at %s: %w", shownURL, err)
		}
	}
	return s, nil
}

func validName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// Name implements rag.Store.
func (s *Store) Name() string { return "weaviate" }

// Close implements rag.Store: it closes the gRPC search connection. The
// client holds no other connections that need closing beyond the HTTP
// transport's idle ones.
func (s *Store) Close() error {
	if s.grpcSearch != nil {
		return s.grpcSearch.close()
	}
	return nil
}

// Drop deletes both collections and everything in them, and creates them
// again empty. Tests use it; the CLI's `ingest --rebuild` uses it to start
// again.
func (s *Store) Drop(ctx context.Context) error {
	if err := s.DeleteCollections(ctx); err != nil {
		return err
	}
	return s.ensureSchema(ctx)
}

// DeleteCollections deletes both collections and everything in them,
// leaving the server as if the store had never been opened; the store is
// of no further use. `coveragebot bench` uses it to clean up after itself.
func (s *Store) DeleteCollections(ctx context.Context) error {
	for _, class := range []string{s.passages, s.articles} {
		ok, err := s.client.Schema().ClassExistenceChecker().WithClassName(class).Do(ctx)
		if err != nil {
			return fmt.Errorf("weaviate: %w", err)
		}
		if ok {
			if err := s.client.Schema().ClassDeleter().WithClassName(class).Do(ctx); err != nil {
				return fmt.Errorf("weaviate: drop %s: %w", class, err)
			}
		}
	}
	s.stats.replace(newKeywordStats())
	return nil
}

func boolp(b bool) *bool { return &b }

// ensureSchema creates whichever collection is missing. Two processes
// starting at once may both try; the loser finds the class there.
func (s *Store) ensureSchema(ctx context.Context) error {
	text := func(name, tokenization string, filterable, searchable bool) *models.Property {
		return &models.Property{Name: name, DataType: []string{"text"}, Tokenization: tokenization,
			IndexFilterable: boolp(filterable), IndexSearchable: boolp(searchable)}
	}
	stored := func(name string, dataType ...string) *models.Property {
		if len(dataType) == 0 {
			dataType = []string{"text"}
		}
		p := &models.Property{Name: name, DataType: dataType, IndexFilterable: boolp(false)}
		if dataType[0] == "text" || dataType[0] == "text[]" {
			p.IndexSearchable = boolp(false)
		}
		return p
	}
	filterable := func(name, dataType string) *models.Property {
		return &models.Property{Name: name, DataType: []string{dataType}, IndexFilterable: boolp(true)}
	}
	// The terms carry keyword postings unless the bot searches keywords in
	// its own catalog.
	terms := text("terms", "whitespace", false, true)
	if s.opts.NoKeywordIndex {
		terms = stored("terms")
	}
	common := models.InvertedIndexConfig{
		Bm25:      &models.BM25Config{K1: bm25K1, B: bm25B},
		Stopwords: &models.StopwordConfig{Preset: "none"},
	}
	repl := &models.ReplicationConfig{Factor: int64(s.opts.Replication), AsyncEnabled: s.opts.Replication > 1}
	sharding := map[string]any{"desiredCount": s.opts.Shards}
	classes := []*models.Class{
		{
			Class:               s.passages,
			Description:         "coveragebot passages: one per passage, with its vector",
			Vectorizer:          "none",
			VectorIndexConfig:   s.passageIndexConfig(),
			InvertedIndexConfig: &common, ReplicationConfig: repl, ShardingConfig: sharding,
			Properties: []*models.Property{
				text("passageId", "field", true, false),
				text("articleId", "field", true, false),
				stored("title"), stored("outlet"), stored("url"), stored("text"),
				filterable("pos", "int"),
				filterable("published", "date"),
				filterable("dated", "boolean"),
				terms,
			},
		},
		{
			Class:               s.articles,
			Description:         "coveragebot articles: the catalog, and the text of article-level BM25",
			Vectorizer:          "none",
			VectorIndexConfig:   map[string]any{"skip": true},
			InvertedIndexConfig: &common, ReplicationConfig: repl, ShardingConfig: sharding,
			Properties: []*models.Property{
				text("articleId", "field", true, false),
				stored("title"), stored("outlet"), stored("url"), stored("source"), stored("hash"),
				stored("body"), stored("authors", "text[]"), stored("captions", "text[]"),
				stored("quotes"), stored("passages"), stored("embedder"), stored("dimensions", "int"),
				filterable("published", "date"),
				filterable("dated", "boolean"),
				filterable("updated", "int"),
				terms,
			},
		},
	}
	for _, c := range classes {
		ok, err := s.client.Schema().ClassExistenceChecker().WithClassName(c.Class).Do(ctx)
		if err != nil {
			return fmt.Errorf("weaviate: %w", err)
		}
		if ok {
			continue
		}
		if err := s.client.Schema().ClassCreator().WithClass(c).Do(ctx); err != nil {
			if ok, err2 := s.client.Schema().ClassExistenceChecker().WithClassName(c.Class).Do(ctx); err2 == nil && ok {
				continue
			}
			return fmt.Errorf("weaviate: create collection %s: %w", c.Class, err)
		}
	}
	class, err := s.client.Schema().ClassGetter().WithClassName(s.passages).Do(ctx)
	if err != nil {
		return fmt.Errorf("weaviate: read collection %s: %w", s.passages, err)
	}
	s.keywordIndex = false
	for _, p := range class.Properties {
		if p.Name == "terms" && p.IndexSearchable != nil && *p.IndexSearchable {
			s.keywordIndex = true
		}
	}
	// Collections without keyword postings have none in any format.
	s.blockMax = s.keywordIndex && class.InvertedIndexConfig != nil && class.InvertedIndexConfig.UsingBlockMaxWAND
	return s.ensureSearchBreadth(ctx, class)
}

// Search breadths (Options.SearchBreadth).
const (
	// DefaultSearchBreadth is the ef the configuration asks for unless told
	// otherwise. On 100k passages the graph search takes about half the
	// time it takes at Weaviate's dynamic ef (500 for the passages a
	// question asks) and eval on realtimeqa-dev gives the same figures and
	// answers, while ten hits differ from an exact scan's for a third to two
	// fifths of the questions rather than a tenth to a quarter
	// (docs/SCALING.md, "Search breadth 160 by default").
	DefaultSearchBreadth = 160
	// DynamicSearchBreadth asks for Weaviate's dynamic ef: the limit a
	// query asks times 8, between 100 and 500.
	DynamicSearchBreadth = -1
)

// passageIndexConfig is the vector index configuration a new passage
// collection is created with.
func (s *Store) passageIndexConfig() map[string]any {
	c := map[string]any{"distance": "cosine"}
	if s.opts.SearchBreadth != 0 {
		c["ef"] = s.opts.SearchBreadth
	}
	return c
}

// ensureSearchBreadth changes an existing passage collection's ef to the
// configured one, when one is configured and the collection has another.
func (s *Store) ensureSearchBreadth(ctx context.Context, class *models.Class) error {
	if s.opts.SearchBreadth == 0 {
		return nil
	}
	vic, ok := class.VectorIndexConfig.(map[string]any)
	if !ok {
		return fmt.Errorf("weaviate: collection %s has no vector index configuration", s.passages)
	}
	if ef, ok := vic["ef"].(float64); ok && int(ef) == s.opts.SearchBreadth {
		return nil
	}
	vic["ef"] = s.opts.SearchBreadth
	if err := s.client.Schema().ClassUpdater().WithClass(class).Do(ctx); err != nil {
		return fmt.Errorf("weaviate: set the search breadth of %s to %d: %w", s.passages, s.opts.SearchBreadth, err)
	}
	return nil
}

// BlockMaxWAND reports whether the server keeps the passages' keyword
// postings (when they have any: KeywordIndex) in the BlockMax format, the default for collections created by
// Weaviate 1.35 unless it runs with USE_INVERTED_SEARCHABLE=false. Its
// search leaves out matches still in memory or in a newly flushed segment
// (weaviate/weaviate#11780 and #12022), so that keyword results change
// with each replica's flushes and compactions: docs/SCALING.md.
func (s *Store) BlockMaxWAND() bool { return s.blockMax }

// KeywordIndex reports whether the passage collection keeps keyword (BM25)
// postings, which KeywordQuery needs: the collection was created without
// Options.NoKeywordIndex. Opening an existing collection does not change
// it; dropping it (Drop, `ingest --rebuild`) creates it again with the
// store's options.
func (s *Store) KeywordIndex() bool { return s.keywordIndex }

// ErrNoKeywordIndex is what KeywordQuery returns for collections created
// without keyword postings (Options.NoKeywordIndex).
var ErrNoKeywordIndex = errors.New("the Weaviate collections were created without keyword postings")

// PassageUUID is the Weaviate object id of a passage, for reading it
// straight from the server (GET /v1/objects/{class}/{uuid}).
func PassageUUID(passageID string) string { return objectID("passage", passageID) }

// Collections returns the names of the passage and article collections.
func (s *Store) Collections() (passages, articles string) { return s.passages, s.articles }

// objectID is the UUID of a passage or article: a name-based (version 5
// style) UUID of its id, so that writing the same passage again replaces it.
func objectID(kind, id string) string {
	sum := sha1.Sum([]byte("coveragebot/" + kind + "/" + id))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// BM25's parameters, the in-process index's.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

var errNoServer = errors.New("weaviate returned no data")
