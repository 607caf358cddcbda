package prose

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
)

// Chunk sizes, in characters (runes). 900 characters is a short news
// paragraph or two: long enough to hold a claim with its context, short
// enough that a citation points at something a reader can check.
const (
	DefaultChunkChars   = 900
	DefaultOverlapChars = 150
)

// ChunkOptions bound the passages Chunk makes. Zero values mean the
// defaults; a negative OverlapChars means no overlap.
type ChunkOptions struct {
	MaxChars     int
	OverlapChars int
}

// limits resolves the defaults. Overlap is capped at half a passage so that
// every passage brings mostly new text.
func (o ChunkOptions) Limits() (maxChars, overlap int) {
	maxChars, overlap = o.MaxChars, o.OverlapChars
	if maxChars <= 0 {
		maxChars = DefaultChunkChars
	}
	switch {
	case overlap == 0:
		overlap = DefaultOverlapChars
	case overlap < 0:
		overlap = 0
	}
	if overlap > maxChars/2 {
		overlap = maxChars / 2
	}
	return maxChars, overlap
}

// Chunk splits an article's (already clean) text into passages of at most
// MaxChars characters, made of whole sentences (see SentenceSpans). The end
// of a paragraph is preferred as a break when it leaves the passage at least
// half full. Trailing whole sentences of about OverlapChars are repeated at
// the start of the next passage, so a fact that straddles a break is whole in
// one of them. A sentence longer than MaxChars is split between words (a word
// longer than MaxChars, between characters).
//
// Each passage's text is a substring of a.Text. Passages carry the article's
// metadata and their position; their IDs are ArticleID + "#" + position, so
// the same article gives the same passages on every run. Empty text gives
// none.
func Chunk(a rag.Article, opt ChunkOptions) []rag.Passage {
	spans := chunkSpans(a.Text, opt)
	if len(spans) == 0 {
		return nil
	}
	out := make([]rag.Passage, len(spans))
	for i, sp := range spans {
		out[i] = rag.Passage{
			ID:        a.ID + "#" + strconv.Itoa(i),
			ArticleID: a.ID,
			Title:     a.Title,
			Outlet:    a.Outlet,
			URL:       a.URL,
			Published: a.Published,
			Pos:       i,
			Text:      a.Text[sp[0]:sp[1]],
		}
	}
	return out
}

// How good a place is to end a passage, judged by what separates a unit from
// the one before it. Higher is better.
const (
	breakInWord     = iota // a word too long for a passage, cut between characters
	breakInSentence        // a sentence too long for a passage, cut between words
	breakSentence
	breakLine
	breakParagraph
)

// unit is a sentence, or a piece of one too long for a passage, with its
// place in the text in bytes and in runes.
type unit struct {
	start, end         int // bytes
	runeStart, runeEnd int
	breakBefore        int // how good a break lies between the previous unit and this one
}

// chunkSpans returns the passages of text as byte ranges, in order.
func chunkSpans(text string, opt ChunkOptions) [][2]int {
	maxChars, overlap := opt.Limits()
	units := chunkUnits(text, maxChars)
	if len(units) == 0 {
		return nil
	}
	out := make([][2]int, 0, units[len(units)-1].runeEnd/(maxChars-overlap)+1)
	for s, fresh := 0, 0; ; {
		// units[s:fresh] repeat the end of the previous passage. The furthest
		// unit that still fits is at least fresh: overlapStart left room.
		e := s
		for e+1 < len(units) && units[e+1].runeEnd-units[s].runeStart <= maxChars {
			e++
		}
		if e+1 < len(units) {
			e = bestBreak(units, s, fresh, e, maxChars)
		}
		out = append(out, [2]int{units[s].start, units[e].end})
		if e+1 == len(units) {
			return out
		}
		s, fresh = overlapStart(units, s, e, maxChars, overlap), e+1
	}
}

// bestBreak picks where the passage units[s..e] ends: the strongest break
// (paragraph, then line, then sentence) that keeps the passage at least half
// full and includes units[fresh], the first one not in the previous passage;
// the latest of equal ones.
func bestBreak(units []unit, s, fresh, e, maxChars int) int {
	best, bestKind := e, units[e+1].breakBefore
	for k := e - 1; k >= fresh; k-- {
		if units[k].runeEnd-units[s].runeStart < maxChars/2 {
			break
		}
		if kind := units[k+1].breakBefore; kind > bestKind {
			best, bestKind = k, kind
		}
	}
	return best
}

// overlapStart chooses where the passage after units[s..e] begins: at the
// earliest whole sentence among the last ones that together stay within
// overlap characters. When even the last sentence is longer, it is still
// repeated if it is within twice the overlap, since news sentences often run
// past 150 characters. The next passage must also have room for units[e+1],
// and it never starts at s, so every passage moves forward.
func overlapStart(units []unit, s, e, maxChars, overlap int) int {
	next := e + 1
	if overlap <= 0 {
		return next
	}
	for c := e; c > s; c-- {
		size := units[e].runeEnd - units[c].runeStart
		if units[e+1].runeEnd-units[c].runeStart > maxChars {
			break
		}
		if size > 2*overlap || size > overlap && next <= e {
			break
		}
		if units[c].breakBefore >= breakSentence {
			next = c
			if size > overlap {
				break
			}
		}
	}
	return next
}

// chunkUnits splits text into sentence units of at most maxChars runes.
func chunkUnits(text string, maxChars int) []unit {
	spans := SentenceSpans(text)
	units := make([]unit, 0, len(spans))
	prevEnd, runes := 0, 0
	for i, sp := range spans {
		gap := text[prevEnd:sp[0]]
		kind := breakSentence
		if i > 0 {
			switch n := strings.Count(gap, "\n"); {
			case n >= 2:
				kind = breakParagraph
			case n == 1:
				kind = breakLine
			}
		}
		runes += utf8.RuneCountInString(gap)
		n := utf8.RuneCountInString(text[sp[0]:sp[1]])
		if n <= maxChars {
			units = append(units, unit{sp[0], sp[1], runes, runes + n, kind})
		} else {
			units = splitSentence(units, text, sp[0], sp[1], runes, maxChars, kind)
		}
		runes += n
		prevEnd = sp[1]
	}
	return units
}

// splitSentence appends text[start:end], a sentence longer than maxChars
// runes that begins at rune offset runeStart, as pieces that break between
// words; a single word longer than maxChars is cut between runes.
func splitSentence(units []unit, text string, start, end, runeStart, maxChars, kind int) []unit {
	piece := unit{start: -1}
	emit := func() {
		piece.breakBefore = kind
		units = append(units, piece)
		kind = breakInSentence
		piece.start = -1
	}
	i, r := start, runeStart
	for i < end {
		c, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(c) {
			i, r = i+size, r+1
			continue
		}
		wordStart, wordRune := i, r
		for i < end {
			c, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(c) {
				break
			}
			i, r = i+size, r+1
		}
		if piece.start >= 0 && r-piece.runeStart <= maxChars {
			piece.end, piece.runeEnd = i, r
			continue
		}
		if piece.start >= 0 {
			emit()
		}
		for r-wordRune > maxChars {
			cut := wordStart
			for range maxChars {
				_, size := utf8.DecodeRuneInString(text[cut:])
				cut += size
			}
			piece = unit{start: wordStart, end: cut, runeStart: wordRune, runeEnd: wordRune + maxChars}
			emit()
			kind = breakInWord
			wordStart, wordRune = cut, wordRune+maxChars
		}
		piece = unit{start: wordStart, end: i, runeStart: wordRune, runeEnd: r}
	}
	if piece.start >= 0 {
		emit()
	}
	return units
}
