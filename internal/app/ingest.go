package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
)

func ingestFlags(fs *flag.FlagSet, inv *invocation) {
	inv.opts["prune"] = fs.Bool("prune", false, "remove indexed articles that are no longer in the given paths")
	inv.opts["rebuild"] = fs.Bool("rebuild", false, "build the index from scratch, replacing the one on disk (after changing the embedder, or when it is corrupt)")
}

func isSkipped(err error) bool { return errors.Is(err, errSkipped) }

func runIngest(ctx context.Context, inv *invocation) error {
	paths := inv.args
	if len(paths) == 0 {
		paths = []string{inv.cfg.Data}
	}
	rebuild := *inv.opts["rebuild"].(*bool)
	st, err := openStack(inv.cfg, inv.logger, stackOptions{fresh: rebuild})
	if err != nil {
		return err
	}
	rep, err := ingestPaths(ctx, st.index, paths, *inv.opts["prune"].(*bool), newProgress(inv.env.Stderr), inv.logger)
	if err != nil && !isSkipped(err) {
		return err
	}
	w := inv.stdout()
	if !rep.Changed() {
		fmt.Fprintf(w, "Index is up to date: %d articles unchanged, nothing embedded (%d articles, %d passages).\n",
			rep.Unchanged, rep.Articles, rep.Passages)
	} else {
		fmt.Fprintf(w, "Indexed %d new, %d changed, %d removed, %d unchanged articles; embedded %d passages in %s (%d articles, %d passages in %s).\n",
			rep.Added, rep.Updated, rep.Removed, rep.Unchanged, rep.Embedded, rep.Duration.Round(1e6), rep.Articles, rep.Passages, inv.cfg.Index.Dir)
	}
	return err
}
