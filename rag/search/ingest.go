package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/philippgille/chromem-go"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// IngestOptions tune one ingestion.
type IngestOptions struct {
	// Prune removes indexed articles that are not among those given.
	Prune bool
	// Progress, when set, is called after each batch of passages is
	// embedded, with the passages embedded so far and the total to embed.
	Progress func(done, total int)
}

// IngestReport says what an ingestion did.
type IngestReport struct {
	Added, Updated, Unchanged, Removed int // articles
	Embedded                           int // passages embedded
	Passages                           int // passages in the index afterwards
	Articles                           int // articles in the index afterwards
	Duration                           time.Duration
	// Empty lists articles that had no text and no headline left after
	// cleaning; they are not indexed.
	Empty []string
	// HeadlineOnly lists articles that had no text left after cleaning (a
	// page of nothing but boilerplate) but a headline, which is indexed as
	// their only passage.
	HeadlineOnly []string
}

// Changed reports whether the ingestion changed the index.
func (r IngestReport) Changed() bool { return r.Added+r.Updated+r.Removed > 0 }

// Ingest brings the index up to date with articles: new articles are
// cleaned, chunked, embedded and added; changed ones (by content hash)
// replace their passages; unchanged ones are left alone and not embedded
// again. With Prune, indexed articles missing from articles are removed. The
// snapshot on disk is replaced atomically at the end, so a run killed
// halfway leaves the previous index intact. Ingest does not hold up
// retrieval while it embeds.
func (ix *Index) Ingest(ctx context.Context, articles []rag.Article, opt IngestOptions) (IngestReport, error) {
	start := time.Now()
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	unlock, err := ix.lockDir()
	if err != nil {
		return IngestReport{}, err
	}
	defer unlock()
	// Another process may have written a newer snapshot since we loaded.
	if _, err := ix.backend.reload(ctx, ix); err != nil {
		return IngestReport{}, err
	}

	var rep IngestReport
	given := make(map[string]bool, len(articles))
	var changed []rag.Article
	hashes := make(map[string]string, len(articles))
	ix.mu.RLock()
	for _, a := range articles {
		if a.ID == "" {
			ix.mu.RUnlock()
			return rep, fmt.Errorf("ingest: article from %s has no id", a.Source)
		}
		if given[a.ID] {
			ix.mu.RUnlock()
			return rep, fmt.Errorf("ingest: article id %q appears twice", a.ID)
		}
		given[a.ID] = true
		h := articleHash(a, ix.opts.Chunk)
		hashes[a.ID] = h
		if old, ok := ix.st.articles[a.ID]; ok && old.hash == h {
			rep.Unchanged++
			continue
		}
		if _, ok := ix.st.articles[a.ID]; ok {
			rep.Updated++
		} else {
			rep.Added++
		}
		changed = append(changed, a)
	}
	var removed []string
	if opt.Prune {
		for id := range ix.st.articles {
			if !given[id] {
				removed = append(removed, id)
			}
		}
		slices.Sort(removed)
	}
	ix.mu.RUnlock()
	rep.Removed = len(removed)

	if len(changed) > 0 {
		// Clean the whole batch: lines that repeat across articles are
		// found by looking at all of them, changed or not.
		batch := make([]rag.Article, len(articles))
		copy(batch, articles)
		prose.Clean(batch)
		cleaned := make(map[string]rag.Article, len(batch))
		for _, a := range batch {
			cleaned[a.ID] = a
		}
		for i, a := range changed {
			changed[i] = cleaned[a.ID]
		}
	}

	prepared, err := ix.prepare(ctx, changed, hashes, opt.Progress)
	if err != nil {
		return rep, err
	}
	rep.Embedded = prepared.passages
	rep.Empty = prepared.empty
	rep.HeadlineOnly = prepared.headlineOnly

	ix.mu.RLock()
	unsaved := ix.unsaved
	ix.mu.RUnlock()
	if len(changed) > 0 || len(removed) > 0 || unsaved {
		if err := ix.backend.write(ctx, ix, prepared, removed); err != nil {
			return rep, err
		}
	}
	ix.mu.RLock()
	rep.Passages = len(ix.st.byID)
	rep.Articles = len(ix.st.articles)
	ix.mu.RUnlock()
	rep.Duration = time.Since(start)
	ix.logger.Info("ingested", "added", rep.Added, "updated", rep.Updated, "unchanged", rep.Unchanged,
		"removed", rep.Removed, "embedded", rep.Embedded, "passages", rep.Passages, "took", rep.Duration.Round(time.Millisecond))
	return rep, nil
}

// Remove deletes articles from the index and saves it.
func (ix *Index) Remove(ctx context.Context, ids ...string) (int, error) {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	unlock, err := ix.lockDir()
	if err != nil {
		return 0, err
	}
	defer unlock()
	if _, err := ix.backend.reload(ctx, ix); err != nil {
		return 0, err
	}
	var known []string
	ix.mu.RLock()
	for _, id := range ids {
		if _, ok := ix.st.articles[id]; ok && !slices.Contains(known, id) {
			known = append(known, id)
		}
	}
	unsaved := ix.unsaved
	ix.mu.RUnlock()
	if len(known) == 0 && !unsaved {
		return 0, nil
	}
	return len(known), ix.backend.write(ctx, ix, preparedBatch{}, known)
}

// articleHash identifies an article's content as loaded (before cleaning),
// together with everything that decides what it turns into.
func articleHash(a rag.Article, co prose.ChunkOptions) string {
	h := sha256.New()
	put := func(s string) {
		fmt.Fprintf(h, "%d:%s;", len(s), s)
	}
	put(pipelineVersion)
	put(fmt.Sprint(co.MaxChars, co.OverlapChars))
	put(a.ID)
	put(a.Title)
	put(a.Outlet)
	put(a.URL)
	put(a.Published.UTC().Format(time.RFC3339))
	put(strings.Join(a.Authors, "\x1f"))
	put(strings.Join(a.Captions, "\x1f"))
	put(a.Text)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// preparedBatch holds new articles chunked, embedded and counted, ready to
// swap into the index.
type preparedBatch struct {
	articles     []preparedArticle
	passages     int
	empty        []string
	headlineOnly []string
	// split counts the texts split into terms: each passage's text once,
	// and each article's title once (a passage's own title once more).
	split int
}

type preparedArticle struct {
	rec      *articleRec
	passages []rag.Passage
	vecs     [][]float32
	// counts are the passages' BM25 counts one after another, passage i's
	// ending at ends[i], by ids of dict; apply drops them as it indexes
	// the article.
	dict    *termDict
	counts  []idCount
	ends    []uint32
	lengths []uint32
}

// count splits the article's passages into terms and counts them with c,
// the title's terms found once; with o, it also embeds each passage with
// the embedded embedder o from the same terms.
func (pa *preparedArticle) count(c *termCounter, o *localEmbedOptions) {
	title := pa.rec.info.Title
	titleIDs := c.ids(nil, title)
	var textIDs, other []uint32
	var slab []float32
	if o != nil {
		slab = make([]float32, len(pa.passages)*o.dims)
		pa.vecs = make([][]float32, len(pa.passages))
	}
	pa.dict = c.dict
	pa.ends = make([]uint32, len(pa.passages))
	pa.lengths = make([]uint32, len(pa.passages))
	for i, p := range pa.passages {
		tt := titleIDs
		if p.Title != title {
			other = c.ids(other[:0], p.Title)
			tt = other
		}
		textIDs = c.ids(textIDs[:0], p.Text)
		var vec []float32
		if o != nil {
			vec = slab[i*o.dims : (i+1)*o.dims : (i+1)*o.dims]
			pa.vecs[i] = vec
		}
		c.counts, pa.lengths[i] = c.count(c.counts, tt, textIDs, o, vec)
		pa.ends[i] = uint32(len(c.counts))
	}
	// The article's counts are gathered in c's buffer and kept in a slice
	// of their exact size.
	pa.counts = slices.Clone(c.counts)
	c.counts = c.counts[:0]
}

// minPreparePerWorker is the fewest articles worth a goroutine of their own
// when a batch is prepared.
const minPreparePerWorker = 64

// eachArticle calls fn for every article of n, on up to GOMAXPROCS
// goroutines that take articles in runs of a few; worker says which
// goroutine (0 to workers-1) runs each call. It stops at the first error.
func eachArticle(ctx context.Context, n int, fn func(worker, k int) error) (workers int, err error) {
	workers = min(runtime.GOMAXPROCS(0), max(1, n/minPreparePerWorker))
	const run = 16
	var next atomic.Int64
	var firstErr error
	var errOnce sync.Once
	var stop atomic.Bool
	work := func(w int) {
		for !stop.Load() {
			lo := int(next.Add(run)) - run
			if lo >= n {
				return
			}
			if err := ctx.Err(); err != nil {
				errOnce.Do(func() { firstErr = err })
				stop.Store(true)
				return
			}
			for k := lo; k < min(lo+run, n); k++ {
				if err := fn(w, k); err != nil {
					errOnce.Do(func() { firstErr = err })
					stop.Store(true)
					return
				}
			}
		}
	}
	if workers == 1 {
		work(0)
		return workers, firstErr
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { work(w) })
	}
	wg.Wait()
	return workers, firstErr
}

func (ix *Index) prepare(ctx context.Context, arts []rag.Article, hashes map[string]string, progress func(int, int)) (preparedBatch, error) {
	var pb preparedBatch
	// Cleaned articles are chunked and their quotations found on every
	// core; the results keep the articles' order.
	type chunked struct {
		pa                  preparedArticle
		empty, headlineOnly bool
	}
	out := make([]chunked, len(arts))
	if _, err := eachArticle(ctx, len(arts), func(_, k int) error {
		a := arts[k]
		ps := prose.Chunk(a, ix.opts.Chunk)
		if len(ps) == 0 && strings.TrimSpace(a.Title) != "" {
			// Nothing but boilerplate under a headline: the headline is
			// what the page says, so it is indexed (and cited) alone.
			a.Text = strings.TrimSpace(a.Title)
			ps = prose.Chunk(a, ix.opts.Chunk)
			out[k].headlineOnly = true
		}
		if len(ps) == 0 {
			out[k].empty = true
			return nil
		}
		shareBody(a.Text, ps)
		out[k].pa = preparedArticle{
			rec: &articleRec{
				info: rag.ArticleInfo{ID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL,
					Published: a.Published, Passages: len(ps)},
				body: a.Text, hash: hashes[a.ID], source: a.Source, authors: a.Authors, captions: a.Captions,
				quotes: quote.Extract(a),
			},
			passages: ps,
		}
		return nil
	}); err != nil {
		return pb, fmt.Errorf("chunk articles: %w", err)
	}
	for k, c := range out {
		if c.headlineOnly {
			pb.headlineOnly = append(pb.headlineOnly, arts[k].ID)
		}
		if c.empty {
			pb.empty = append(pb.empty, arts[k].ID)
			continue
		}
		pb.articles = append(pb.articles, c.pa)
		pb.passages += len(c.pa.passages)
	}
	out = nil
	if pb.passages == 0 {
		return pb, nil
	}

	// Each passage is split into terms once, for BM25 and, with the
	// embedded default, for its vector too: what the embedder sees
	// (embedText) is the title, a line break and the text, whose terms are
	// the title's followed by the text's. Every core counts its own
	// articles in a dictionary of its own; only the counts wait for apply.
	var o *localEmbedOptions
	if embedsTerms(ix.embedder) {
		o = &defaultLocalEmbed
	}
	counters := make([]*termCounter, runtime.GOMAXPROCS(0))
	var progressMu sync.Mutex
	done := 0
	_, err := eachArticle(ctx, len(pb.articles), func(w, k int) error {
		if counters[w] == nil {
			counters[w] = newTermCounter()
		}
		pa := &pb.articles[k]
		pa.count(counters[w], o)
		if o != nil && progress != nil {
			progressMu.Lock()
			before := done
			done += len(pa.passages)
			if done/ix.opts.EmbedBatch != before/ix.opts.EmbedBatch || done == pb.passages {
				progress(done, pb.passages)
			}
			progressMu.Unlock()
		}
		return nil
	})
	if err != nil {
		return pb, fmt.Errorf("embed passages: %w", err)
	}
	for _, c := range counters {
		if c != nil {
			pb.split += c.split
		}
	}
	if o != nil {
		return pb, nil
	}

	var texts []string
	for _, pa := range pb.articles {
		for _, p := range pa.passages {
			texts = append(texts, embedText(p))
		}
	}
	vecs := make([][]float32, 0, pb.passages)
	for startAt := 0; startAt < len(texts); startAt += ix.opts.EmbedBatch {
		end := min(startAt+ix.opts.EmbedBatch, len(texts))
		out, err := ix.embedder.Embed(ctx, texts[startAt:end])
		if err != nil {
			return pb, fmt.Errorf("embed passages %d-%d: %w", startAt+1, end, err)
		}
		if len(out) != end-startAt {
			return pb, fmt.Errorf("embed passages %d-%d: got %d vectors for %d texts", startAt+1, end, len(out), end-startAt)
		}
		vecs = append(vecs, out...)
		if progress != nil {
			progress(len(vecs), len(texts))
		}
	}
	i := 0
	for k := range pb.articles {
		n := len(pb.articles[k].passages)
		pb.articles[k].vecs = vecs[i : i+n]
		i += n
	}
	return pb, nil
}

// shareBody points each passage's text into body, so that an article's text
// is held once however many passages overlap it. Chunk's passages are
// substrings of the text it was given, in order.
func shareBody(body string, ps []rag.Passage) {
	from := 0
	for i := range ps {
		off := strings.Index(body[from:], ps[i].Text)
		if off < 0 {
			continue // keep the passage's own copy
		}
		off += from
		ps[i].Text = body[off : off+len(ps[i].Text)]
		from = off + 1
	}
}

// ArticleText returns an article's clean text.
func (ix *Index) ArticleText(id string) (string, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	a, ok := ix.st.articles[id]
	if !ok {
		return "", fmt.Errorf("article %q: %w", id, rag.ErrNotFound)
	}
	return a.body, nil
}

// Speakers lists everyone quoted in the index, and everyone quotations are
// about, once each under the fullest name any article gives them, sorted;
// for autocompletion.
func (ix *Index) Speakers() []string { return quote.Speakers(ix.Quotes()) }

// Quotes returns every quotation in the index: articles newest first, and
// each article's quotations in the order they stand.
func (ix *Index) Quotes() []rag.Quote {
	infos := ix.Articles()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var out []rag.Quote
	for _, info := range infos {
		if a, ok := ix.st.articles[info.ID]; ok {
			out = append(out, a.quotes...)
		}
	}
	return out
}

// embedText is what the embedder sees of a passage: the headline gives
// every passage the article's subject.
func embedText(p rag.Passage) string {
	if p.Title == "" {
		return p.Text
	}
	return p.Title + "\n" + p.Text
}

// apply swaps prepared articles into the state: an article's old passages
// go, its new ones come in.
func (st *indexState) apply(pb preparedBatch) error {
	for _, pa := range pb.articles {
		for _, v := range pa.vecs {
			if st.dims == 0 {
				st.dims = len(v)
			}
			if len(v) != st.dims {
				return fmt.Errorf("embedder returned %d dimensions, the index has %d", len(v), st.dims)
			}
		}
	}
	st.kw.reserve(pb.articles)
	n := 0
	for _, pa := range pb.articles {
		n += len(pa.passages)
	}
	st.docs = slices.Grow(st.docs, n)
	ctx := context.Background()
	for k, pa := range pb.articles {
		st.removeArticle(pa.rec.info.ID)
		// An article's passage records are allocated together: they
		// are removed together, and the vector search reads them in
		// order.
		recs := make([]passageRec, len(pa.passages))
		for i, p := range pa.passages {
			var vec []float32
			if st.coll != nil {
				vec = unitVector(pa.vecs[i])
				if err := st.coll.AddDocument(ctx, chromem.Document{ID: p.ID, Embedding: vec, Content: p.Text}); err != nil {
					return fmt.Errorf("add passage %s: %w", p.ID, err)
				}
			}
			doc := uint32(len(st.docs))
			recs[i] = passageRec{Passage: p, vec: vec}
			st.docs = append(st.docs, &recs[i])
			st.byID[p.ID] = doc
			from := uint32(0)
			if i > 0 {
				from = pa.ends[i-1]
			}
			st.kw.addCounted(doc, pa.dict, pa.counts[from:pa.ends[i]], pa.lengths[i])
			pa.rec.docs = append(pa.rec.docs, doc)
		}
		st.articles[pa.rec.info.ID] = pa.rec
		// Indexed: let the collector have the counts now.
		pb.articles[k].counts, pb.articles[k].ends = nil, nil
	}
	return nil
}

// removeArticle drops an article and its passages; it reports whether the
// article was there.
func (st *indexState) removeArticle(id string) bool {
	a, ok := st.articles[id]
	if !ok {
		return false
	}
	ids := make([]string, 0, len(a.docs))
	for _, d := range a.docs {
		rec := st.docs[d]
		counts, _ := docTerms(rec.Title, rec.Text)
		st.kw.remove(d, counts)
		ids = append(ids, rec.ID)
		delete(st.byID, rec.ID)
		st.docs[d] = nil
	}
	if len(ids) > 0 && st.coll != nil {
		_ = st.coll.Delete(context.Background(), nil, nil, ids...)
	}
	delete(st.articles, id)
	return true
}

// unitVector returns v scaled to length 1, in place when it must change.
// chromem-go compares vectors by dot product and would otherwise copy each
// one to normalise it. A zero vector (a text with no terms) becomes a fixed
// unit vector, since chromem-go would turn it into NaNs.
func unitVector(v []float32) []float32 {
	var sum float64
	for _, x := range v {
		sum += float64(x) * float64(x)
	}
	if sum == 0 {
		if len(v) > 0 {
			v[0] = 1
		}
		return v
	}
	if math.Abs(sum-1) < 1e-6 {
		return v
	}
	inv := float32(1 / math.Sqrt(sum))
	for i := range v {
		v[i] *= inv
	}
	return v
}
