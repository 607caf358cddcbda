package app

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/search"
)

// migrateCmd is `coveragebot migrate`.
type migrateCmd struct {
	To string
}

func (c *migrateCmd) bind(fs *flag.FlagSet) {
	fs.StringVar(&c.To, "to", "", "the `STORE` to copy the index into: weaviate (required)")
}

// migratePassages is about how many passages are handed to the store at
// once: enough for its import to keep every request in flight busy, few
// enough to hold the copy's objects in memory a part at a time.
const migratePassages = 20_000

// run copies the in-process index (the snapshot in
// COVERAGEBOT_INDEX) into an external store, with the vectors it already
// has: nothing is embedded again. Writes are upserts by id, so running it
// again after a failure finishes the copy.
func (c *migrateCmd) run(ctx context.Context, inv *invocation) error {
	if c.To != config.StoreWeaviate {
		return usageErr("give --to weaviate, with COVERAGEBOT_WEAVIATE_URL set to the server")
	}
	if inv.cfg.Store.WeaviateURL == "" {
		return usageErr("set COVERAGEBOT_WEAVIATE_URL to the Weaviate server to copy the index into")
	}
	src := inv.cfg
	src.Store.Backend = config.StoreChromem
	from, err := openStack(src, inv.logger, stackOptions{})
	if err != nil {
		return err
	}
	if from.index.Count() == 0 {
		return fmt.Errorf("the index in %s is empty: nothing to migrate (run `coveragebot ingest` first)", src.Index.Dir)
	}
	dst := inv.cfg
	dst.Store.Backend = config.StoreWeaviate
	// The store reports each Put; the bar counts the whole copy.
	progress := newProgress(inv.env.Stderr)
	all, written := from.index.Count(), 0
	store, err := openStore(dst, false, inv.logger, func(done, _ int) { progress.writing(written+done, all) })
	if err != nil {
		return err
	}
	defer store.Close()

	start := time.Now()
	total := len(from.index.Articles())
	var batch []rag.StoredArticle
	done, passages, pending := 0, 0, 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := store.Put(ctx, batch); err != nil {
			progress.done()
			return fmt.Errorf("migrate: after %d of %d articles: %w (run migrate again to finish: it overwrites what is there)", done, total, err)
		}
		done += len(batch)
		written += pending
		batch, pending = batch[:0], 0
		return nil
	}
	err = from.index.Export(func(a rag.StoredArticle) error {
		batch = append(batch, a)
		passages += len(a.Passages)
		pending += len(a.Passages)
		if pending >= migratePassages {
			return flush()
		}
		return ctx.Err()
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	// Open the index over the store as the bot will, which checks the
	// embedder and counts what arrived.
	copied, err := search.Open(from.index.Embedder(), search.Options{Store: store, Logger: inv.logger})
	if err != nil {
		return fmt.Errorf("migrate: the copy does not open: %w", err)
	}
	n, err := store.Count(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout(), "Copied %d articles (%d passages) from %s into Weaviate at %s in %s, without embedding again.\n"+
		"Weaviate now holds %d articles and %d passages. Set COVERAGEBOT_STORE=weaviate to use it.\n",
		done, passages, src.Index.Dir, dst.Store.WeaviateURL, time.Since(start).Round(time.Millisecond), len(copied.Articles()), n)
	return nil
}
