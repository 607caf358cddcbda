package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
	"github.com/coveragebot/coveragebot/rag/openai"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/search"
	"github.com/coveragebot/coveragebot/rag/weaviate"

	"github.com/coveragebot/coveragebot/internal/redact"
)

// newEmbedder returns the embedded default, or the OpenAI-compatible
// embedder when COVERAGEBOT_EMBED_MODEL names a model.
func newEmbedder(cfg config.Config, logger *slog.Logger, client *http.Client) (rag.Embedder, error) {
	if cfg.LLM.EmbedModel == "" {
		return search.NewLocalEmbedder(), nil
	}
	e, err := openai.NewEmbedder(openai.Config{
		BaseURL:    cfg.LLM.BaseURL,
		APIKey:     cfg.LLM.APIKey.Reveal(),
		Model:      cfg.LLM.EmbedModel,
		BatchSize:  cfg.LLM.EmbedBatch,
		HTTPClient: client,
		Logger:     logger,
	})
	if err != nil {
		return rag.Embedder{}, fmt.Errorf("embedder: %w", err)
	}
	return e, nil
}

// newChat returns the chat model, or nil for extractive answers.
func newChat(cfg config.Config, logger *slog.Logger, client *http.Client) (rag.ChatFunc, error) {
	return chatFor(cfg, cfg.ChatModel(), logger, client)
}

// newVerifier returns the check of written answers: nil (the rules alone)
// unless COVERAGEBOT_VERIFY is model, in effect, when it holds the judge.
func newVerifier(cfg config.Config, chat rag.ChatFunc, logger *slog.Logger, client *http.Client) (*answer.Verifier, error) {
	if cfg.VerifyMode() != config.VerifyModel {
		return nil, nil
	}
	judge := chat
	if cfg.JudgeModel() != cfg.ChatModel() {
		var err error
		if judge, err = chatFor(cfg, cfg.JudgeModel(), logger, client); err != nil {
			return nil, fmt.Errorf("judge: %w", err)
		}
	}
	return &answer.Verifier{Judge: judge, Logger: logger.With("component", "judge")}, nil
}

// chatFor returns a ChatFunc for model at the configured endpoint, or nil
// for no model.
func chatFor(cfg config.Config, model string, logger *slog.Logger, client *http.Client) (rag.ChatFunc, error) {
	if model == "" {
		return nil, nil
	}
	chat, err := openai.NewChat(openai.Config{
		BaseURL:    cfg.LLM.BaseURL,
		APIKey:     cfg.LLM.APIKey.Reveal(),
		Model:      model,
		HTTPClient: client,
		Logger:     logger,
	})
	if err != nil {
		return nil, fmt.Errorf("chat model: %w", err)
	}
	return chat, nil
}

// stack is the coverage side of coveragebot: the index and the engine that
// answers from it.
type stack struct {
	index  *search.Index
	engine *answer.Engine
	// weaviate is the index's store when it is kept in Weaviate.
	weaviate *weaviate.Store
}

type stackOptions struct {
	// fresh starts an empty index that replaces the one on disk when it is
	// saved (ingest --rebuild).
	fresh bool
	// httpClient is used for the LLM and embedding endpoints; nil means
	// the default.
	httpClient *http.Client
	// progress, when set, shows the writes to an external store.
	progress *progressReporter
}

func openStack(cfg config.Config, logger *slog.Logger, so stackOptions) (*stack, error) {
	emb, err := newEmbedder(cfg, logger, so.httpClient)
	if err != nil {
		return nil, err
	}
	chat, err := newChat(cfg, logger, so.httpClient)
	if err != nil {
		return nil, err
	}
	verify, err := newVerifier(cfg, chat, logger, so.httpClient)
	if err != nil {
		return nil, err
	}
	var progress func(done, total int)
	if so.progress != nil {
		progress = so.progress.writing
	}
	store, err := openStore(cfg, so.fresh, logger, progress)
	if err != nil {
		return nil, err
	}
	idx, err := search.Open(emb, search.Options{
		Dir:    cfg.Index.Dir,
		Chunk:  prose.ChunkOptions{MaxChars: cfg.Index.ChunkChars},
		Logger: logger,
		Fresh:  so.fresh,
		Store:  store,
		// Read only with a store: where its keyword searches run.
		KeywordsInStore: cfg.Store.WeaviateKeywords == config.KeywordsInWeaviate,
	})
	if err != nil {
		return nil, err
	}
	eng := &answer.Engine{
		Index:        idx,
		Chat:         chat,
		Verify:       verify,
		Logger:       logger,
		K:            cfg.Retrieval.TopK,
		StaleAfter:   cfg.Retrieval.StaleAfter,
		ContextChars: cfg.LLM.ContextChars,
	}
	out := &stack{index: idx, engine: eng}
	out.weaviate, _ = store.(*weaviate.Store)
	return out, nil
}

// storeTimeout bounds connecting to an external store and preparing its
// collections.
const storeTimeout = time.Minute

// openStore opens the external store the configuration names; nil means
// the in-process default. With fresh (ingest --rebuild) the store's
// collections are emptied first, as the snapshot is replaced for chromem.
// progress, when set, is called as passages are written.
func openStore(cfg config.Config, fresh bool, logger *slog.Logger, progress func(done, total int)) (rag.Store, error) {
	if cfg.Store.Backend != config.StoreWeaviate {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	s, err := weaviate.Open(ctx, weaviateOptions(cfg, progress))
	if err != nil {
		return nil, fmt.Errorf("%w (COVERAGEBOT_WEAVIATE_URL is %s)", err, redact.URL(cfg.Store.WeaviateURL))
	}
	if fresh {
		if err := s.Drop(ctx); err != nil {
			return nil, err
		}
	}
	if cfg.Store.WeaviateKeywords == config.KeywordsInWeaviate && !s.KeywordIndex() {
		s.Close()
		return nil, fmt.Errorf("COVERAGEBOT_WEAVIATE_KEYWORDS is weaviate, but the collections %s were created without keyword postings "+
			"(by a bot searching keywords itself, the default); run `coveragebot ingest --rebuild` to create them again with postings",
			cfg.Store.WeaviateCollection+"Passage/Article")
	}
	if s.BlockMaxWAND() {
		logger.Warn("weaviate keeps keyword postings in the BlockMax format, whose search in 1.35 leaves out recent matches; "+
			"start it with USE_INVERTED_SEARCHABLE=false and run `coveragebot ingest --rebuild` (docs/SCALING.md)",
			"collection", cfg.Store.WeaviateCollection)
	}
	return s, nil
}

func weaviateOptions(cfg config.Config, progress func(done, total int)) weaviate.Options {
	return weaviate.Options{
		URL:           cfg.Store.WeaviateURL,
		GRPC:          cfg.Store.WeaviateGRPC,
		APIKey:        cfg.Store.WeaviateAPIKey.Reveal(),
		Collection:    cfg.Store.WeaviateCollection,
		Replication:   cfg.Store.WeaviateReplication,
		Consistency:   cfg.Store.WeaviateConsistency,
		BatchSize:     cfg.Store.WeaviateBatchSize,
		Concurrency:   cfg.Store.WeaviateImportConcurrency,
		SearchBreadth: cfg.Store.WeaviateSearchBreadth,
		// Keyword search over the bot's own catalog never reads
		// Weaviate's postings, and they are most of an import's work.
		NoKeywordIndex: cfg.Store.WeaviateKeywords != config.KeywordsInWeaviate,
		Progress:       progress,
	}
}

// ensureIndexed builds the index from the data directory when it is empty,
// so that `coveragebot ask` works on a fresh clone.
func ensureIndexed(ctx context.Context, inv *invocation, st *stack) error {
	if st.index.Count() > 0 {
		return nil
	}
	if _, err := os.Stat(inv.cfg.Data); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no index in %s, and no directory %s to build one from: put articles there (see README.md), or point --data or COVERAGEBOT_DATA at yours, and run `coveragebot ingest`", inv.cfg.Index.Dir, inv.cfg.Data)
	}
	fmt.Fprintf(inv.env.Stderr, "No index in %s yet: indexing %s first.\n", inv.cfg.Index.Dir, inv.cfg.Data)
	rep, err := ingestFiles(ctx, st.index, []string{inv.cfg.Data}, fileIngest{retention: inv.cfg.Index.Retention, now: time.Now()},
		newProgress(inv.env.Stderr), inv.logger)
	if err != nil && !isSkipped(err) {
		return err
	}
	if rep.Passages == 0 {
		return fmt.Errorf("no articles found in %s; add some (see README.md) and run `coveragebot ingest`", inv.cfg.Data)
	}
	return nil
}
