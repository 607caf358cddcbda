package search

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"time"

	"github.com/coveragebot/coveragebot/rag/prose"
)

type snapWriter struct {
	w   *bufio.Writer
	crc hash.Hash32
	buf [8]byte
	err error
	// bytes holds a string's bytes for the checksum, which takes only a
	// slice: converting each string would allocate a copy of every text.
	bytes []byte
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
		s.bytes = append(s.bytes[:0], v...)
		s.crc.Write(s.bytes)
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
	// newDoc is, by document number, the passage's position on disk.
	newDoc := make([]uint32, len(st.docs))
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

	// A term's postings are encoded together and written at once: the
	// same bytes as one field at a time, in a fraction of the calls.
	var pbuf []byte
	for _, t := range terms {
		list := st.kw.postings[st.kw.termIDs[t]]
		s.str(t)
		s.u32(uint32(len(list)))
		pbuf = pbuf[:0]
		for _, p := range list {
			pbuf = binary.LittleEndian.AppendUint32(pbuf, newDoc[p.doc])
			pbuf = binary.LittleEndian.AppendUint32(pbuf, p.tf)
		}
		s.write(pbuf)
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
