package search

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"os"
	"strconv"

	"github.com/philippgille/chromem-go"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/quote"
)

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
	if s.err == nil && (version < 1 || version > snapshotVersion) {
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
			a.quotes = readQuotes(s, a, version)
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
