package search

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/quote"
	"github.com/philippgille/chromem-go"
)

// The snapshot is one file holding the whole index: a header, the articles,
// the passages with their vectors, the keyword postings, and a CRC-32C of
// everything before it. It is written to a temporary file, synced and
// renamed over the old one, so a reader sees the old index or the new one,
// never half of either. chromem-go's own persistence (a file per document,
// named after 32 bits of a hash of its id) is not used: two ids can share a
// file name there, and one of the two passages is lost on reload.
const (
	snapshotName    = "index.cbx"
	snapshotMagic   = "CBXINDEX"
	snapshotVersion = 2
	trailerMagic    = "CBXEND\x00\x00"
	// maxSnapshotString bounds any one string read from a snapshot, so a
	// corrupt length cannot make the loader allocate gigabytes.
	maxSnapshotString = 64 << 20
)

// quotesVersion names the quotation extractor that wrote a snapshot's
// quotations. A snapshot from another one (or from format version 1, which
// had none) has them extracted again from the stored bodies when it loads,
// which needs no embedding.
const quotesVersion = "q1"

type snapshotHeader struct {
	Embedder     string    `json:"embedder"`
	Dimensions   int       `json:"dimensions"`
	Articles     int       `json:"articles"`
	Passages     int       `json:"passages"`
	Terms        int       `json:"terms"`
	Generation   uint64    `json:"generation"`
	Pipeline     string    `json:"pipeline"`
	Written      time.Time `json:"written"`
	ChunkChars   int       `json:"chunk_chars"`
	OverlapChars int       `json:"overlap_chars"`
	Quotes       string    `json:"quotes,omitempty"`
}

// fileStamp tells one snapshot file from another without reading it.
type fileStamp struct {
	size    int64
	modTime time.Time
	ok      bool
}

func stampOf(fi os.FileInfo) fileStamp {
	return fileStamp{size: fi.Size(), modTime: fi.ModTime(), ok: true}
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// snapshotWriteHook, when set by a test, runs after each section is written
// so a test can kill the process mid-write.
var snapshotWriteHook func(section string)

// saveLocked writes the current state as a new snapshot. The caller holds
// writeMu and the directory lock.
func (ix *Index) saveLocked() error {
	if ix.opts.Dir == "" {
		return nil
	}
	ix.mu.Lock()
	ix.st.generation++
	ix.mu.Unlock()

	ix.mu.RLock()
	tmp, err := os.CreateTemp(ix.opts.Dir, snapshotName+".tmp-*")
	if err != nil {
		ix.mu.RUnlock()
		ix.mu.Lock()
		ix.unsaved = true
		ix.mu.Unlock()
		return fmt.Errorf("save index (the previous index is intact): %w", err)
	}
	err = writeSnapshot(tmp, ix.st, ix.opts.Chunk)
	ix.mu.RUnlock()
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), ix.snapshotPath())
	}
	if err != nil {
		os.Remove(tmp.Name())
		ix.mu.Lock()
		ix.unsaved = true
		ix.mu.Unlock()
		return fmt.Errorf("save index (the previous index is intact): %w", err)
	}
	syncDir(ix.opts.Dir)
	ix.mu.Lock()
	ix.unsaved = false
	if fi, err := os.Stat(ix.snapshotPath()); err == nil {
		ix.loaded = stampOf(fi)
	}
	ix.mu.Unlock()
	removeStaleTemps(ix.opts.Dir)
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// removeStaleTemps deletes temporary snapshots left by a killed writer. It
// runs only under the directory lock, so no live writer owns them.
func removeStaleTemps(dir string) {
	matches, _ := filepath.Glob(filepath.Join(dir, snapshotName+".tmp-*"))
	for _, m := range matches {
		os.Remove(m)
	}
}

// Reload replaces the index with the snapshot on disk when another process
// has written a newer one. It reports whether it did. Retrieval goes on
// against the old state while the new one loads.
func (ix *Index) Reload() (bool, error) {
	if ix.opts.Store != nil {
		return ix.reloadStore(context.Background())
	}
	if ix.opts.Dir == "" {
		return false, nil
	}
	return ix.reloadLocked()
}

func (ix *Index) reloadLocked() (bool, error) {
	if ix.opts.Store != nil {
		return ix.reloadStore(context.Background())
	}
	if ix.opts.Dir == "" {
		return false, nil
	}
	fi, err := os.Stat(ix.snapshotPath())
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("reload index: %w", err)
	}
	ix.mu.RLock()
	same := ix.loaded.ok && ix.loaded.size == fi.Size() && ix.loaded.modTime.Equal(fi.ModTime())
	ix.mu.RUnlock()
	if same {
		return false, nil
	}
	st, stamp, err := loadSnapshot(ix.snapshotPath())
	if err != nil {
		return false, fmt.Errorf("reload index: %w", err)
	}
	if err := checkEmbedder(st, ix.embedder, ix.opts.Dir); err != nil {
		return false, err
	}
	ix.mu.Lock()
	ix.st, ix.loaded, ix.unsaved = st, stamp, false
	ix.mu.Unlock()
	ix.logger.Info("reloaded index", "generation", st.generation, "passages", len(st.byID))
	return true, nil
}

type snapWriter struct {
	w   *bufio.Writer
	crc hash.Hash32
	buf [8]byte
	err error
}

func (s *snapWriter) write(p []byte) {
	if s.err != nil {
		return
	}
	s.crc.Write(p)
	_, s.err = s.w.Write(p)
}

func (s *snapWriter) u32(v uint32) {
	binary.LittleEndian.PutUint32(s.buf[:4], v)
	s.write(s.buf[:4])
}

func (s *snapWriter) i64(v int64) {
	binary.LittleEndian.PutUint64(s.buf[:8], uint64(v))
	s.write(s.buf[:8])
}

func (s *snapWriter) str(v string) {
	s.u32(uint32(len(v)))
	if s.err == nil {
		s.crc.Write([]byte(v))
		_, s.err = s.w.WriteString(v)
	}
}

func (s *snapWriter) strs(v []string) {
	s.u32(uint32(len(v)))
	for _, x := range v {
		s.str(x)
	}
}

func timeToUnix(t time.Time) int64 {
	if t.IsZero() {
		return math.MinInt64
	}
	return t.Unix()
}

func unixToTime(v int64) time.Time {
	if v == math.MinInt64 {
		return time.Time{}
	}
	return time.Unix(v, 0).UTC()
}

func hook(section string) {
	if snapshotWriteHook != nil {
		snapshotWriteHook(section)
	}
}

// writeSnapshot writes st compacted: removed passages leave no gaps, so
// document numbers on disk are positions in the passage section.
func writeSnapshot(f io.Writer, st *indexState, co prose.ChunkOptions) error {
	s := &snapWriter{w: bufio.NewWriterSize(f, 1<<20), crc: crc32.New(crcTable)}

	// Articles in a stable order; passages follow article by article.
	ids := make([]string, 0, len(st.articles))
	for id := range st.articles {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	newDoc := make(map[uint32]uint32, len(st.byID))
	n := uint32(0)
	for _, id := range ids {
		for _, d := range st.articles[id].docs {
			newDoc[d] = n
			n++
		}
	}
	var terms []string
	for t, id := range st.kw.termIDs {
		if len(st.kw.postings[id]) > 0 {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms)

	hdr, _ := json.Marshal(snapshotHeader{
		Embedder: st.embedder, Dimensions: st.dims, Articles: len(ids), Passages: int(n), Terms: len(terms),
		Generation: st.generation, Pipeline: pipelineVersion, Written: time.Now().UTC(),
		ChunkChars: co.MaxChars, OverlapChars: co.OverlapChars, Quotes: quotesVersion,
	})
	s.write([]byte(snapshotMagic))
	s.u32(snapshotVersion)
	s.str(string(hdr))
	hook("header")

	for _, id := range ids {
		a := st.articles[id]
		s.str(a.info.ID)
		s.str(a.info.Title)
		s.str(a.info.Outlet)
		s.str(a.info.URL)
		s.i64(timeToUnix(a.info.Published))
		s.str(a.hash)
		s.str(a.source)
		s.strs(a.authors)
		s.strs(a.captions)
		s.str(a.body)
		writeQuotes(s, a)
		s.u32(uint32(len(a.docs)))
	}
	hook("articles")

	vbuf := make([]byte, 4*st.dims)
	for _, id := range ids {
		from := 0
		for _, d := range st.articles[id].docs {
			rec := st.docs[d]
			s.u32(uint32(rec.Pos))
			// A passage is stored as a span of its article's body when it
			// is one (always, for what Chunk makes), else as text.
			a := st.articles[id]
			if off, ok := spanOf(a.body, rec.Text, from); ok {
				s.u32(uint32(off))
				s.u32(uint32(len(rec.Text)))
				from = off + 1
			} else {
				s.u32(noSpan)
				s.str(rec.Text)
			}
			for i, x := range rec.vec {
				binary.LittleEndian.PutUint32(vbuf[4*i:], math.Float32bits(x))
			}
			s.write(vbuf)
		}
	}
	hook("passages")

	for _, t := range terms {
		list := st.kw.postings[st.kw.termIDs[t]]
		s.str(t)
		s.u32(uint32(len(list)))
		for _, p := range list {
			s.u32(newDoc[p.doc])
			s.u32(p.tf)
		}
	}
	hook("terms")

	sum := s.crc.Sum32()
	if s.err == nil {
		binary.LittleEndian.PutUint32(s.buf[:4], sum)
		_, s.err = s.w.Write(s.buf[:4])
	}
	if s.err == nil {
		_, s.err = s.w.WriteString(trailerMagic)
	}
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

type snapReader struct {
	r   *bufio.Reader
	crc hash.Hash32
	buf []byte
	err error
}

func (s *snapReader) read(n int) []byte {
	if s.err != nil {
		return nil
	}
	if cap(s.buf) < n {
		s.buf = make([]byte, n)
	}
	b := s.buf[:n]
	if _, err := io.ReadFull(s.r, b); err != nil {
		s.err = fmt.Errorf("%w: truncated (%v)", rag.ErrCorruptIndex, err)
		return nil
	}
	s.crc.Write(b)
	return b
}

func (s *snapReader) u32() uint32 {
	b := s.read(4)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func (s *snapReader) i64() int64 {
	b := s.read(8)
	if b == nil {
		return 0
	}
	return int64(binary.LittleEndian.Uint64(b))
}

func (s *snapReader) str() string {
	n := s.u32()
	if n > maxSnapshotString {
		s.fail("a string of %d bytes", n)
		return ""
	}
	b := s.read(int(n))
	return string(b)
}

func (s *snapReader) strs() []string {
	n := s.u32()
	if n > 1<<16 {
		s.fail("a list of %d strings", n)
		return nil
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for i := uint32(0); i < n && s.err == nil; i++ {
		out = append(out, s.str())
	}
	return out
}

func (s *snapReader) fail(format string, args ...any) {
	if s.err == nil {
		s.err = fmt.Errorf("%w: "+format, append([]any{rag.ErrCorruptIndex}, args...)...)
	}
}

// loadSnapshot reads a snapshot file into a fresh state. Any damage
// (truncation, a flipped byte, a foreign file) is ErrCorruptIndex with a
// hint to rebuild.
func loadSnapshot(path string) (*indexState, fileStamp, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileStamp{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fileStamp{}, err
	}
	st, err := readSnapshot(f, fi.Size())
	if err != nil {
		if errors.Is(err, rag.ErrCorruptIndex) {
			err = fmt.Errorf("%s: %w; move it away or run `coveragebot ingest --rebuild` to build a new index", path, err)
		}
		return nil, fileStamp{}, err
	}
	return st, stampOf(fi), nil
}

func readSnapshot(f io.Reader, size int64) (*indexState, error) {
	s := &snapReader{r: bufio.NewReaderSize(f, 1<<20), crc: crc32.New(crcTable)}
	if magic := s.read(len(snapshotMagic)); s.err != nil || string(magic) != snapshotMagic {
		return nil, fmt.Errorf("%w: not a coveragebot index", rag.ErrCorruptIndex)
	}
	version := s.u32()
	if s.err == nil && version != snapshotVersion && version != 1 {
		return nil, fmt.Errorf("%w: format version %d, this build reads 1 to %d", rag.ErrCorruptIndex, version, snapshotVersion)
	}
	var hdr snapshotHeader
	if raw := s.str(); s.err == nil {
		if err := json.Unmarshal([]byte(raw), &hdr); err != nil {
			return nil, fmt.Errorf("%w: header: %v", rag.ErrCorruptIndex, err)
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	// Each passage takes at least its vector on disk, which bounds what a
	// damaged header can make us allocate.
	if hdr.Passages < 0 || hdr.Articles < 0 || hdr.Terms < 0 || hdr.Dimensions < 0 || hdr.Dimensions > 1<<16 ||
		int64(hdr.Passages)*int64(4*hdr.Dimensions+8) > size || int64(hdr.Articles)*8 > size || int64(hdr.Terms)*8 > size {
		return nil, fmt.Errorf("%w: header counts do not fit the file", rag.ErrCorruptIndex)
	}

	st := newState(hdr.Embedder, hdr.Dimensions)
	st.generation = hdr.Generation
	type artCount struct {
		rec *articleRec
		n   uint32
	}
	arts := make([]artCount, 0, hdr.Articles)
	total := 0
	for i := 0; i < hdr.Articles && s.err == nil; i++ {
		a := &articleRec{}
		a.info.ID = s.str()
		a.info.Title = s.str()
		a.info.Outlet = s.str()
		a.info.URL = s.str()
		a.info.Published = unixToTime(s.i64())
		a.hash = s.str()
		a.source = s.str()
		a.authors = s.strs()
		a.captions = s.strs()
		a.body = s.str()
		if version >= 2 {
			a.quotes = readQuotes(s, a)
		}
		n := s.u32()
		total += int(n)
		a.info.Passages = int(n)
		arts = append(arts, artCount{a, n})
	}
	if s.err == nil && total != hdr.Passages {
		s.fail("articles hold %d passages, header says %d", total, hdr.Passages)
	}
	if s.err != nil {
		return nil, s.err
	}
	if hdr.Quotes != quotesVersion {
		for _, ac := range arts {
			a := ac.rec
			a.quotes = quote.Extract(rag.Article{ID: a.info.ID, Title: a.info.Title, Outlet: a.info.Outlet,
				URL: a.info.URL, Published: a.info.Published, Text: a.body})
		}
	}

	dims := hdr.Dimensions
	slab := make([]float32, hdr.Passages*dims)
	st.docs = make([]*passageRec, 0, hdr.Passages)
	recs := make([]passageRec, hdr.Passages)
	for _, ac := range arts {
		a := ac.rec
		for j := uint32(0); j < ac.n && s.err == nil; j++ {
			doc := uint32(len(st.docs))
			rec := &recs[doc]
			rec.Pos = int(s.u32())
			if off := s.u32(); off == noSpan {
				rec.Text = s.str()
			} else if n := s.u32(); int64(off)+int64(n) <= int64(len(a.body)) {
				rec.Text = a.body[off : off+n]
			} else {
				s.fail("passage span %d+%d outside its article of %d bytes", off, n, len(a.body))
			}
			rec.ArticleID = a.info.ID
			rec.ID = a.info.ID + "#" + strconv.Itoa(rec.Pos)
			rec.Title, rec.Outlet, rec.URL, rec.Published = a.info.Title, a.info.Outlet, a.info.URL, a.info.Published
			b := s.read(4 * dims)
			if b == nil {
				break
			}
			vec := slab[int(doc)*dims : int(doc+1)*dims : int(doc+1)*dims]
			for k := range vec {
				vec[k] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*k:]))
			}
			rec.vec = vec
			st.docs = append(st.docs, rec)
			st.byID[rec.ID] = doc
			a.docs = append(a.docs, doc)
		}
		st.articles[a.info.ID] = a
	}
	if s.err != nil {
		return nil, s.err
	}

	kw := st.kw
	kw.docLen = make([]uint32, hdr.Passages)
	for i := 0; i < hdr.Terms && s.err == nil; i++ {
		term := s.str()
		n := s.u32()
		if int(n) > hdr.Passages {
			s.fail("term %q has %d postings for %d passages", term, n, hdr.Passages)
			break
		}
		list := make([]posting, 0, n)
		for j := uint32(0); j < n; j++ {
			b := s.read(8)
			if b == nil {
				break
			}
			p := posting{doc: binary.LittleEndian.Uint32(b), tf: binary.LittleEndian.Uint32(b[4:])}
			if int(p.doc) >= hdr.Passages {
				s.fail("posting for passage %d of %d", p.doc, hdr.Passages)
				break
			}
			kw.docLen[p.doc] += p.tf
			list = append(list, p)
		}
		kw.termIDs[term] = uint32(len(kw.postings))
		kw.postings = append(kw.postings, list)
	}
	if s.err != nil {
		return nil, s.err
	}
	want := s.crc.Sum32()
	var tail [4 + len(trailerMagic)]byte
	if _, err := io.ReadFull(s.r, tail[:]); err != nil {
		return nil, fmt.Errorf("%w: truncated before the checksum", rag.ErrCorruptIndex)
	}
	if binary.LittleEndian.Uint32(tail[:4]) != want || string(tail[4:]) != trailerMagic {
		return nil, fmt.Errorf("%w: checksum mismatch", rag.ErrCorruptIndex)
	}
	if _, err := s.r.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("%w: data after the end", rag.ErrCorruptIndex)
	}
	for d, l := range kw.docLen {
		if l == 0 {
			kw.docLen[d] = 1
		}
		kw.totalLen += int64(kw.docLen[d])
	}
	kw.live = hdr.Passages

	// Hand chromem-go the vectors as they are: they were stored unit
	// length, so it keeps them without copying.
	docs := make([]chromem.Document, 0, len(st.docs))
	for _, rec := range st.docs {
		docs = append(docs, chromem.Document{ID: rec.ID, Embedding: rec.vec, Content: rec.Text})
	}
	if err := addToCollection(st.coll, docs); err != nil {
		return nil, err
	}
	return st, nil
}

// Quote flags in a snapshot.
const quotePronoun = 1

// writeQuotes writes an article's quotations after its body: each one's
// speaker, role, mention, about, flags, and its text as a span of the body
// (or, were it ever not one, as text).
func writeQuotes(s *snapWriter, a *articleRec) {
	s.u32(uint32(len(a.quotes)))
	for _, q := range a.quotes {
		s.str(q.Speaker)
		s.str(q.Role)
		s.str(q.Mention)
		s.str(q.About)
		var flags uint32
		if q.Pronoun {
			flags |= quotePronoun
		}
		s.u32(flags)
		s.u32(uint32(q.Start))
		if q.Start >= 0 && q.Start+len(q.Text) <= len(a.body) && a.body[q.Start:q.Start+len(q.Text)] == q.Text {
			s.u32(uint32(len(q.Text)))
		} else {
			s.u32(noSpan)
			s.str(q.Text)
		}
	}
}

// readQuotes reads what writeQuotes wrote, checking every span against the
// body.
func readQuotes(s *snapReader, a *articleRec) []rag.Quote {
	n := s.u32()
	if n > 1<<16 {
		s.fail("article %q has %d quotations", a.info.ID, n)
		return nil
	}
	if n == 0 {
		return nil
	}
	out := make([]rag.Quote, 0, n)
	for i := uint32(0); i < n && s.err == nil; i++ {
		q := rag.Quote{ArticleID: a.info.ID, Title: a.info.Title, Outlet: a.info.Outlet, URL: a.info.URL, Published: a.info.Published}
		q.Speaker = s.str()
		q.Role = s.str()
		q.Mention = s.str()
		q.About = s.str()
		q.Pronoun = s.u32()&quotePronoun != 0
		start := s.u32()
		q.Start = int(start)
		if size := s.u32(); size == noSpan {
			q.Text = s.str()
		} else if int64(start)+int64(size) <= int64(len(a.body)) {
			q.Text = a.body[start : start+size]
		} else {
			s.fail("quotation span %d+%d outside its article of %d bytes", start, size, len(a.body))
		}
		out = append(out, q)
	}
	return out
}

// noSpan marks a passage stored as its own text.
const noSpan = math.MaxUint32

// spanOf finds text's offset in body. An article's passages come in order,
// each starting after the one before, so the search starts at from, the
// offset after the previous passage's start; only a passage not found there
// is looked for in the whole body. Searching the whole body for each
// passage made writing a 20 MB article take minutes.
func spanOf(body, text string, from int) (int, bool) {
	if len(text) == 0 || len(body) == 0 {
		return 0, false
	}
	if from > 0 && from < len(body) {
		if off := strings.Index(body[from:], text); off >= 0 {
			return from + off, true
		}
	}
	if off := strings.Index(body, text); off >= 0 {
		return off, true
	}
	return 0, false
}

// addToCollection loads documents into chromem-go with one goroutine per
// core. Its own AddDocuments starts a goroutine per document, which at a
// million passages costs more than the work.
func addToCollection(coll *chromem.Collection, docs []chromem.Document) error {
	workers := runtime.GOMAXPROCS(0)
	if workers > len(docs) {
		workers = len(docs)
	}
	if workers == 0 {
		return nil
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	per := (len(docs) + workers - 1) / workers
	for w := 0; w < workers; w++ {
		part := docs[min(w*per, len(docs)):min((w+1)*per, len(docs))]
		wg.Add(1)
		go func(w int, part []chromem.Document) {
			defer wg.Done()
			for _, d := range part {
				if err := coll.AddDocument(context.Background(), d); err != nil {
					errs[w] = fmt.Errorf("load passage %s: %w", d.ID, err)
					return
				}
			}
		}(w, part)
	}
	wg.Wait()
	return errors.Join(errs...)
}
