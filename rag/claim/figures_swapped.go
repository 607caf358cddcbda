package claim

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// checkSwappedFigures finds two figures of one passage sentence given to
// each other's items: "Milk is up 17.6% and chicken 15.6%" where the
// passage says "chicken 17.6%, milk 15.6%", "distributed more than 61,000
// doses and received more than 25,000" where it received the 61,000. Each
// figure stands in both places, so checkFigures finds nothing amiss. A
// figure's item is the nearest content word or name before it in its
// clause, past the words that round or bound it (figureItem). The sentence
// gives two figures, one passage sentence gives both, and each of the
// sentence's items stands for the passage's item of the other figure and
// not of its own. The same holds of the nouns the figures count ("shared
// more than 150 times and drew over 4,300 comments" where the passage has
// 4,300 shares and 150 comments), when the words before them differ.
func checkSwappedFigures(c *sentenceRead, ev *evidence) (Result, bool) {
	if r, ok := swappedFigures(c, ev, itemOf); ok {
		return r, true
	}
	return swappedFigures(c, ev, countedOf)
}

// swappedFigures is checkSwappedFigures with each figure's item given by
// item.
func swappedFigures(c *sentenceRead, ev *evidence, item func([]token, figure) int) (Result, bool) {
	for x, f := range c.figures {
		fi := item(c.toks, f)
		if fi < 0 || f.ordinal {
			continue
		}
		for _, h := range c.figures[x+1:] {
			hi := item(c.toks, h)
			if hi < 0 || hi == fi || h.ordinal || sameFigure(f, h) {
				continue
			}
			for _, g := range ev.figures {
				if !sameFigure(f, g) {
					continue
				}
				gi := item(ev.toks, g)
				for _, k := range ev.figures {
					if k.start == g.start || ev.toks[k.start].sent != ev.toks[g.start].sent || !sameFigure(h, k) {
						continue
					}
					ki := item(ev.toks, k)
					if gi < 0 || ki < 0 || gi == ki {
						continue
					}
					if c.standsFor(fi, ki) && c.standsFor(hi, gi) && !c.standsFor(fi, gi) && !c.standsFor(hi, ki) {
						return contradicted(KindFigure, "the source gives %s and %s", itemText(ev.toks, gi, g), itemText(ev.toks, ki, k))
					}
				}
			}
		}
	}
	return Result{}, false
}

// itemOf gives the word figure f is said of: the noun after it when the
// figure opens a hyphenated compound that modifies that noun ("a
// 3-year-old son", "a 10-mile race"), else figureItem's.
func itemOf(toks []token, f figure) int {
	k := f.end
	for k < len(toks) && toks[k].joined {
		k++
	}
	if k > f.end && k < len(toks) && toks[k].clause == toks[f.start].clause && isContent(toks[k].low) && !toks[k].joined && lexicon.IsNoun(toks[k].low) {
		return k
	}
	return figureItem(toks, f.start)
}

// countedOf gives the noun figure f counts (countedNoun), with "times"
// too: in a swap, "shared 150 times" counts shares as "150 comments"
// counts comments.
func countedOf(toks []token, f figure) int {
	if n := countedNoun(toks, f); n >= 0 {
		return n
	}
	if k := f.end; f.unit == "" && !f.pct && !f.ordinal && k < len(toks) && toks[k].low == "times" && toks[k].clause == toks[f.start].clause {
		return k
	}
	return -1
}

// itemText writes figure f with its item at i, in the order they stand:
// "received 61,000", "150 comments".
func itemText(toks []token, i int, f figure) string {
	if i > f.start {
		return figureText(toks, f) + " " + toks[i].text
	}
	return toks[i].text + " " + figureText(toks, f)
}

// figureItem gives the word a figure at i is said of: the nearest content
// word or name before it in its clause, within four words, past function
// words, other figures and the words that round or bound it ("milk up
// 15.6%", "received more than 61,000", "nearly half"), or -1.
func figureItem(toks []token, i int) int {
	for j := i - 1; j >= 0 && i-j <= 4 && toks[j].clause == toks[i].clause; j-- {
		low := toks[j].low
		if low == "from" && changeFrom(toks, j) {
			return j // "down from $161": the figure before the change
		}
		if hasDigit(low) || isNumberWord(low) || approximators[low] || upWords[low] || downWords[low] || !isContent(low) && !(toks[j].upper && !toks[j].first) {
			continue
		}
		return j
	}
	return -1
}

// changeFrom reports whether "from" at j gives where a change started:
// "down from", "up from", or after a verb of change ("fell from", "rose
// from"; WordNet files its most frequent sense under verb.change), within
// two words before it.
func changeFrom(toks []token, j int) bool {
	for k := j - 1; k >= 0 && k >= j-2 && toks[k].clause == toks[j].clause; k-- {
		low := toks[k].low
		if low == "down" || low == "up" {
			return true
		}
		if verbForm(toks, k) {
			return lexicon.FirstFile(lexicon.Base(low), 'v') == "verb.change"
		}
	}
	return false
}

// standsFor reports whether sentence word i stands for passage word p.
func (c *sentenceRead) standsFor(i, p int) bool {
	return containsInt(c.matches[i], p)
}

// checkFigureTimes finds a figure given the time of another figure of one
// passage sentence: "In April, unemployment was 3.9%" where the passage
// says "fell to 3.9% in May from 4.1% in April". The passage ties each
// figure to the time right after it ("3.9% in May"); the sentence gives
// the figure and, in its clause, the other figure's time and not its own.
func checkFigureTimes(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, f := range c.figures {
		if f.ordinal || isYear(c.toks, f) || f.start > 0 && c.toks[f.start-1].low == "from" {
			continue // "down from 4.1% a month earlier": the earlier figure, not the period's
		}
		var times []timeExpr
		for _, t := range c.times {
			if c.segment[t.start] == c.segment[f.start] && t.span == 0 && !strings.Contains(t.key, " ") {
				times = append(times, t)
			}
		}
		if len(times) != 1 {
			continue
		}
		want := times[0]
		for _, g := range ev.figures {
			if g.implicit || !sameFigure(f, g) {
				continue
			}
			own, ok := timeAfterFigure(ev, g)
			if !ok || sameTime(own, want) || covers(want.key, own.key) {
				continue
			}
			// Another figure of g's sentence with the sentence's time after it.
			for _, k := range ev.figures {
				if k.implicit || k.start == g.start || ev.toks[k.start].sent != ev.toks[g.start].sent || sameFigure(f, k) {
					continue
				}
				if other, ok := timeAfterFigure(ev, k); ok && sameTime(other, want) {
					return contradicted(KindTime, "the source gives %s for %s, and %s for %s", figureText(ev.toks, g), spanText(ev.toks, own.start, own.end), figureText(ev.toks, k), spanText(ev.toks, other.start, other.end))
				}
			}
		}
	}
	return Result{}, false
}

// timeAfterFigure gives the time that follows passage figure g, in its
// clause: after "in", "on" or "for" ("3.9% in May"), past at most three
// words that say which stretch of it ("in the week ending July 7"), or
// right after the figure, a time counted from another ("5.70% the week
// before").
func timeAfterFigure(ev *evidence, g figure) (timeExpr, bool) {
	p := g.end
	if p >= len(ev.toks) || ev.toks[p].clause != ev.toks[g.start].clause {
		return timeExpr{}, false
	}
	for _, t := range ev.times {
		if t.start == p && t.span == 0 && relativeTime(t) {
			return t, true
		}
	}
	if p+1 >= len(ev.toks) || !(ev.toks[p].low == "in" || ev.toks[p].low == "on" || ev.toks[p].low == "for") {
		return timeExpr{}, false
	}
	for _, t := range ev.times {
		if t.start > p && t.start <= p+4 && t.span == 0 && ev.toks[t.start].clause == ev.toks[p].clause && !figureStartsIn(ev.figures, p, t.start) {
			return t, true
		}
	}
	return timeExpr{}, false
}

// figureStartsIn reports whether one of figs starts in (from, to).
func figureStartsIn(figs []figure, from, to int) bool {
	for _, f := range figs {
		if f.start > from && f.start < to {
			return true
		}
	}
	return false
}
