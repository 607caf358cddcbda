package search

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/philippgille/chromem-go"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// countingEmbedder wraps the local embedder and counts the texts it embeds.
func countingEmbedder(n *atomic.Int64) rag.Embedder {
	e := NewLocalEmbedder()
	inner := e.Embed
	e.Embed = func(ctx context.Context, texts []string) ([][]float32, error) {
		n.Add(int64(len(texts)))
		return inner(ctx, texts)
	}
	return e
}

func testArticles() []rag.Article {
	day := func(d int) time.Time { return time.Date(2025, 2, d, 0, 0, 0, 0, time.UTC) }
	return []rag.Article{
		{ID: "alpha", Title: "Starmer tells Zelenskyy Ukraine is on an irreversible path to NATO", Outlet: "Sky News", Published: day(14),
			Text: "Ukraine is still on an irreversible path to joining NATO, Sir Keir Starmer has told Volodymyr Zelenskyy.\n\nThe UK and Ukrainian leaders spoke on the phone early on Friday, according to Downing Street."},
		{ID: "beta", Title: "Bolton warns about concessions to Moscow", Outlet: "Sky News", Published: day(14),
			Text: "John Bolton said endless concessions to Moscow are a threat to American national security.\n\nHe said the Trump administration blew up the NATO position on Ukraine."},
		{ID: "gamma", Title: "Spirit and Frontier announce airline merger", Outlet: "CNN", Published: day(7),
			Text: "Spirit and Frontier Airlines on Monday announced a $6.6 billion merger, a combination of low-fare carriers.\n\nThe combined company would offer more than 1,000 daily flights."},
	}
}

func openTest(t testing.TB, dir string, e rag.Embedder) *Index {
	t.Helper()
	ix, err := Open(e, Options{Dir: dir})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return ix
}

func mustIngest(t testing.TB, ix *Index, arts []rag.Article, opt IngestOptions) IngestReport {
	t.Helper()
	rep, err := ix.Ingest(context.Background(), arts, opt)
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	return rep
}

// chromemFileName is how chromem-go v0.7.0 names a document's file: eight
// hex digits of the SHA-256 of its id.
func chromemFileName(id string) string {
	h := sha256.Sum256([]byte(id))
	return hex.EncodeToString(h[:4])
}

// collidingArticleIDs finds two article ids whose first passages ("id#0")
// chromem-go would store in the same file.
func collidingArticleIDs(t *testing.T) (string, string) {
	rng := rand.New(rand.NewSource(1))
	seen := map[string]string{}
	for i := 0; i < 1<<22; i++ {
		id := fmt.Sprintf("a%x", rng.Uint64())
		name := chromemFileName(id + "#0")
		if other, ok := seen[name]; ok {
			return other, id
		}
		seen[name] = id
	}
	t.Fatal("no collision found")
	return "", ""
}

func TestIndexKeepsPassagesWhoseChromemFileNamesCollide(t *testing.T) {
	a, b := collidingArticleIDs(t)
	ctx := context.Background()

	// chromem-go's own persistence loses one of the two after a reload: this
	// is why the index writes its own snapshot.
	pdir := t.TempDir()
	db, err := chromem.NewPersistentDB(pdir, false)
	if err != nil {
		t.Fatal(err)
	}
	coll, err := db.CreateCollection("c", nil, refuseEmbedding)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{a + "#0", b + "#0"} {
		if err := coll.AddDocument(ctx, chromem.Document{ID: id, Embedding: []float32{1, 0}, Content: id}); err != nil {
			t.Fatal(err)
		}
	}
	db2, err := chromem.NewPersistentDB(pdir, false)
	if err != nil {
		t.Fatal(err)
	}
	if n := db2.GetCollection("c", refuseEmbedding).Count(); n != 1 {
		t.Fatalf("chromem-go reloaded %d documents; the ids were meant to collide", n)
	}

	dir := t.TempDir()
	ix := openTest(t, dir, NewLocalEmbedder())
	mustIngest(t, ix, []rag.Article{
		{ID: a, Title: "First", Text: "The first article talks about tariffs on steel."},
		{ID: b, Title: "Second", Text: "The second article talks about a ceasefire in Ukraine."},
	}, IngestOptions{})
	re := openTest(t, dir, NewLocalEmbedder())
	if re.Count() != 2 {
		t.Fatalf("reloaded index has %d passages, want 2", re.Count())
	}
	for _, id := range []string{a, b} {
		ps, err := re.Passages(id)
		if err != nil || len(ps) != 1 {
			t.Fatalf("Passages(%s) = %v, %v", id, ps, err)
		}
	}
}

func TestIndexRoundTrip(t *testing.T) {
	dir := t.TempDir()
	ix := openTest(t, dir, NewLocalEmbedder())
	mustIngest(t, ix, testArticles(), IngestOptions{})
	ctx := context.Background()
	q := "What did Bolton say about concessions to Moscow?"
	before, err := ix.Retrieve(ctx, q, rag.RetrieveOptions{K: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(before) == 0 || before[0].ArticleID != "beta" {
		t.Fatalf("top hit = %+v, want article beta", before)
	}

	re := openTest(t, dir, NewLocalEmbedder())
	if !reflect.DeepEqual(re.Articles(), ix.Articles()) {
		t.Errorf("articles differ after reload:\n got %+v\nwant %+v", re.Articles(), ix.Articles())
	}
	after, err := re.Retrieve(ctx, q, rag.RetrieveOptions{K: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("retrieval differs after reload:\n got %+v\nwant %+v", after, before)
	}
	for _, id := range []string{"alpha", "beta", "gamma"} {
		p1, _ := ix.Passages(id)
		p2, _ := re.Passages(id)
		if !reflect.DeepEqual(p1, p2) {
			t.Errorf("passages of %s differ after reload", id)
		}
	}
	if re.IDF("bolton") != ix.IDF("bolton") || ix.IDF("bolton") == 0 {
		t.Errorf("IDF(bolton) = %v after reload, %v before", re.IDF("bolton"), ix.IDF("bolton"))
	}
}

func TestIngestIsIncremental(t *testing.T) {
	dir := t.TempDir()
	var embedded atomic.Int64
	ix := openTest(t, dir, countingEmbedder(&embedded))
	arts := testArticles()
	rep := mustIngest(t, ix, arts, IngestOptions{})
	if rep.Added != 3 || rep.Embedded == 0 || int64(rep.Embedded) != embedded.Load() {
		t.Fatalf("first ingest: %+v, embedded %d", rep, embedded.Load())
	}
	total := ix.Count()

	// Unchanged, and in a new process: nothing is embedded again.
	embedded.Store(0)
	ix = openTest(t, dir, countingEmbedder(&embedded))
	rep = mustIngest(t, ix, arts, IngestOptions{})
	if rep.Changed() || rep.Unchanged != 3 || embedded.Load() != 0 {
		t.Fatalf("unchanged ingest: %+v, embedded %d", rep, embedded.Load())
	}

	// One article changes: only its passages are embedded, and its old
	// passages are gone.
	arts[1].Text = "John Bolton said the talks in Munich were a mistake."
	rep = mustIngest(t, ix, arts, IngestOptions{})
	if rep.Updated != 1 || rep.Added != 0 || embedded.Load() != int64(rep.Embedded) || rep.Embedded != 1 {
		t.Fatalf("changed ingest: %+v, embedded %d", rep, embedded.Load())
	}
	hits, err := ix.Retrieve(context.Background(), "endless concessions", rag.RetrieveOptions{K: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if strings.Contains(h.Text, "endless concessions") {
			t.Errorf("old passage still retrievable: %q", h.Text)
		}
	}

	// Without --prune a missing article stays; with it, it goes.
	rep = mustIngest(t, ix, arts[:2], IngestOptions{})
	if rep.Removed != 0 || len(ix.Articles()) != 3 {
		t.Fatalf("ingest without prune removed articles: %+v", rep)
	}
	rep = mustIngest(t, ix, arts[:2], IngestOptions{Prune: true})
	if rep.Removed != 1 || len(ix.Articles()) != 2 {
		t.Fatalf("prune: %+v", rep)
	}
	if _, ok := ix.Article("gamma"); ok {
		t.Error("pruned article still listed")
	}
	re := openTest(t, dir, NewLocalEmbedder())
	if re.Count() >= total || re.Count() != ix.Count() {
		t.Errorf("reloaded count %d, live %d, before prune %d", re.Count(), ix.Count(), total)
	}
	if hits, _ := re.Retrieve(context.Background(), "Spirit Frontier airline merger", rag.RetrieveOptions{K: 5}); len(hits) > 0 && hits[0].ArticleID == "gamma" {
		t.Error("pruned article still retrieved after reload")
	}
}

func TestOpenRefusesAnotherEmbedder(t *testing.T) {
	dir := t.TempDir()
	ix := openTest(t, dir, NewLocalEmbedder())
	mustIngest(t, ix, testArticles()[:1], IngestOptions{})
	other := NewLocalEmbedder()
	other.Name = "openai:text-embedding-3-small"
	_, err := Open(other, Options{Dir: dir})
	if !errors.Is(err, rag.ErrEmbedderMismatch) {
		t.Fatalf("Open with another embedder: %v, want ErrEmbedderMismatch", err)
	}
	if !strings.Contains(err.Error(), "ingest --rebuild") {
		t.Errorf("error does not say how to rebuild: %v", err)
	}
	// --rebuild opens fresh and replaces the old index on save.
	fresh, err := Open(other, Options{Dir: dir, Fresh: true})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, fresh, testArticles()[1:2], IngestOptions{})
	if _, err := Open(other, Options{Dir: dir}); err != nil {
		t.Fatalf("reopen after rebuild: %v", err)
	}
}

func TestOpenReportsCorruptSnapshots(t *testing.T) {
	dir := t.TempDir()
	ix := openTest(t, dir, NewLocalEmbedder())
	mustIngest(t, ix, testArticles(), IngestOptions{})
	path := filepath.Join(dir, snapshotName)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"empty":         {},
		"foreign":       []byte("hello, this is not an index"),
		"header only":   good[:20],
		"half":          good[:len(good)/2],
		"no trailer":    good[:len(good)-3],
		"trailing junk": append(append([]byte(nil), good...), 'x'),
	}
	for _, at := range []int{len(snapshotMagic) + 6, len(good) / 3, len(good) - 20} {
		flipped := append([]byte(nil), good...)
		flipped[at] ^= 0x40
		cases[fmt.Sprintf("byte %d flipped", at)] = flipped
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			d := t.TempDir()
			if err := os.WriteFile(filepath.Join(d, snapshotName), data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Open(NewLocalEmbedder(), Options{Dir: d})
			if !errors.Is(err, rag.ErrCorruptIndex) {
				t.Fatalf("Open = %v, want ErrCorruptIndex", err)
			}
			if !strings.Contains(err.Error(), "--rebuild") {
				t.Errorf("error does not suggest --rebuild: %v", err)
			}
		})
	}
}

func FuzzReadSnapshot(f *testing.F) {
	dir := f.TempDir()
	ix := openTest(f, dir, NewLocalEmbedder())
	mustIngest(f, ix, testArticles()[:2], IngestOptions{})
	good, err := os.ReadFile(filepath.Join(dir, snapshotName))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(snapshotMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := readSnapshot(bytes.NewReader(data), int64(len(data)))
		if err == nil {
			if st == nil {
				t.Fatal("nil state without error")
			}
			return
		}
		if !errors.Is(err, rag.ErrCorruptIndex) {
			t.Fatalf("error is not ErrCorruptIndex: %v", err)
		}
	})
}

// The kill tests run this test binary again as a helper process that
// ingests and is killed with SIGKILL at a chosen moment.
const helperEnv = "COVERAGEBOT_INDEX_TEST_HELPER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		runIndexHelper(mode, os.Getenv("HELPER_DIR"))
		return
	}
	os.Exit(m.Run())
}

func manyArticles(n int) []rag.Article {
	out := make([]rag.Article, n)
	for i := range out {
		out[i] = rag.Article{ID: fmt.Sprintf("bulk-%04d", i), Title: fmt.Sprintf("Bulk article %d", i),
			Text: strings.Repeat(fmt.Sprintf("Sentence number %d about the bulk topic. ", i), 30)}
	}
	return out
}

// runIndexHelper ingests into dir and blocks at the moment named by mode,
// after touching dir/ready, until it is killed.
func runIndexHelper(mode, dir string) {
	ready := func() {
		os.WriteFile(filepath.Join(dir, "ready"), nil, 0o644)
		time.Sleep(time.Hour)
	}
	e := NewLocalEmbedder()
	inner := e.Embed
	calls := 0
	if mode == "embedding" {
		e.Embed = func(ctx context.Context, texts []string) ([][]float32, error) {
			calls++
			if calls == 2 {
				ready()
			}
			return inner(ctx, texts)
		}
	}
	if mode == "writing" {
		snapshotWriteHook = func(section string) {
			if section == "passages" {
				ready()
			}
		}
	}
	ix, err := Open(e, Options{Dir: dir, EmbedBatch: 16})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	_, err = ix.Ingest(context.Background(), manyArticles(200), IngestOptions{})
	fmt.Fprintln(os.Stderr, "helper finished without being killed:", err)
	os.Exit(1)
}

func TestKillDuringIngestLeavesTheOldIndex(t *testing.T) {
	for _, mode := range []string{"embedding", "writing"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			ix := openTest(t, dir, NewLocalEmbedder())
			mustIngest(t, ix, testArticles(), IngestOptions{})
			want := ix.Articles()
			wantCount := ix.Count()

			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), helperEnv+"="+mode, "HELPER_DIR="+dir)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(60 * time.Second)
			for {
				if _, err := os.Stat(filepath.Join(dir, "ready")); err == nil {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("helper never got ready: %s", stderr.String())
				}
				time.Sleep(5 * time.Millisecond)
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()

			re, err := Open(NewLocalEmbedder(), Options{Dir: dir})
			if err != nil {
				t.Fatalf("index unreadable after kill: %v", err)
			}
			if !reflect.DeepEqual(re.Articles(), want) || re.Count() != wantCount {
				t.Fatalf("index changed after a killed ingest: %d passages, want %d", re.Count(), wantCount)
			}
			// The next ingest works and clears the dead writer's temp file.
			mustIngest(t, re, manyArticles(3), IngestOptions{})
			if temps, _ := filepath.Glob(filepath.Join(dir, snapshotName+".tmp-*")); len(temps) != 0 {
				t.Errorf("temporary snapshots left behind: %v", temps)
			}
		})
	}
}

// A page that is nothing but boilerplate under a headline is indexed by its
// headline, which is then found and cited; without a headline it is not
// indexed at all. Both are reported.
func TestBoilerplateOnlyPageIsIndexedByItsHeadline(t *testing.T) {
	ix := openTest(t, "", NewLocalEmbedder())
	survey := "How relevant is this ad to you?\n\nVideo player was slow to load content Video content never loaded " +
		"Ad froze or did not finish loading Video content did not start after ad Audio on ad was too loud Other issues"
	arts := []rag.Article{
		{ID: "recall", Title: "Automaker recalls 2.9 million vehicles over faulty seat belts", Published: time.Date(2022, 7, 20, 0, 0, 0, 0, time.UTC), Text: survey},
		{ID: "nothing", Text: survey},
		{ID: "other", Title: "Stocks close lower", Published: time.Date(2022, 7, 20, 0, 0, 0, 0, time.UTC),
			Text: "Stocks closed lower on Wednesday as investors waited for the central bank's decision on rates."},
	}
	prose.Clean(arts)
	rep := mustIngest(t, ix, arts, IngestOptions{})
	if !slices.Equal(rep.HeadlineOnly, []string{"recall"}) || !slices.Equal(rep.Empty, []string{"nothing"}) {
		t.Fatalf("headline only %v, empty %v", rep.HeadlineOnly, rep.Empty)
	}
	ps, err := ix.Passages("recall")
	if err != nil || len(ps) != 1 || ps[0].Text != arts[0].Title {
		t.Fatalf("passages of the headline-only article: %v, %v", ps, err)
	}
	hits, err := ix.Retrieve(context.Background(), "Which automaker recalled 2.9 million vehicles?", rag.RetrieveOptions{K: 2, AsOf: time.Date(2022, 7, 22, 0, 0, 0, 0, time.UTC)})
	if err != nil || len(hits) == 0 || hits[0].ArticleID != "recall" {
		t.Errorf("the headline-only article is not found first: %v, %v", hits, err)
	}
}
