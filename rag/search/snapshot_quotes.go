package search

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"

	"github.com/philippgille/chromem-go"

	"github.com/coveragebot/coveragebot/rag"
)

// Quote flags in a snapshot.
const (
	quotePronoun   = 1
	quoteNotPerson = 2
	// quoteRelayed: the relayer's name follows the flags.
	quoteRelayed = 4
)

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
		if q.NotPerson {
			flags |= quoteNotPerson
		}
		if q.Relayer != "" {
			flags |= quoteRelayed
		}
		s.u32(flags)
		if q.Relayer != "" {
			s.str(q.Relayer)
		}
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
// body. Format 3 added the relayer after the flags.
func readQuotes(s *snapReader, a *articleRec, version uint32) []rag.Quote {
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
		flags := s.u32()
		q.Pronoun = flags&quotePronoun != 0
		q.NotPerson = flags&quoteNotPerson != 0
		if version >= 3 && flags&quoteRelayed != 0 {
			q.Relayer = s.str()
		}
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
