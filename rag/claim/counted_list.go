package claim

import (
	"math"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// nameList is a list of names a passage sentence writes out ("Connecticut,
// Florida, Georgia, Maryland and New York"): its items, each a run of
// capitalised words, joined by commas and a closing "and" or "or".
type nameList struct {
	start, end int // token range [start, end)
	items      [][2]int
}

// nameLists finds the lists of two or more names in toks. An item is a run
// of capitalised words that do not open their sentence; items follow each
// other across a comma (a clause break with nothing between) or across
// "and" / "or", and the list must close with one of those words, as
// English coordination does.
func nameLists(toks []token) []nameList {
	var out []nameList
	item := func(i int) int { // end of the capitalised run from i, or i
		j := i
		for j < len(toks) && toks[j].upper && !toks[j].first && toks[j].sent == toks[i].sent && (j == i || toks[j].clause == toks[i].clause) && !hasDigit(toks[j].low) {
			j++
		}
		return j
	}
	for i := 0; i < len(toks); {
		e := item(i)
		if e == i {
			i++
			continue
		}
		l := nameList{start: i, items: [][2]int{{i, e}}}
		closed := false
		for e < len(toks) && !closed {
			next := e
			switch {
			case toks[e].clause != toks[e-1].clause && toks[e].sent == toks[e-1].sent && toks[e].low != "and" && toks[e].low != "or":
				// ", Florida"
			case toks[e].low == "and" || toks[e].low == "or":
				next = e + 1
				closed = true
			default:
				next = -1
			}
			if next < 0 || next >= len(toks) || toks[next].sent != toks[e-1].sent {
				break
			}
			ne := item(next)
			if ne == next {
				closed = false
				break
			}
			l.items = append(l.items, [2]int{next, ne})
			e = ne
		}
		l.end = e
		if closed && len(l.items) >= 2 {
			out = append(out, l)
		}
		i = e
	}
	return out
}

// countsList reports whether sentence figure f, a whole count of a noun
// ("five states") that no passage figure gives, counts the names of a
// list written out in a passage sentence its clause comes from: exactly
// that many names, of which the sentence names one, or whose verb the
// sentence has ("… and New York have suspended"). A model counts a list
// for its reader; a list of another length, or one the sentence's words
// are not about, counts something else.
func (c *sentenceRead) countsList(ev *evidence, seg int, f figure) bool {
	if f.ordinal || f.pct || f.unit != "" || f.factor || f.fraction || f.dir != 0 || f.approx ||
		f.value < 2 || f.value > 20 || f.value != math.Trunc(f.value) {
		return false
	}
	// The figure counts a noun: "five states" (a word such as "states"
	// may be no content word, but it is a noun).
	if n := f.end; n >= len(c.toks) || c.toks[n].clause != c.toks[f.start].clause || hasDigit(c.toks[n].low) ||
		timeUnits[c.toks[n].low] != "" || !lexicon.IsNoun(c.toks[n].low) {
		return false
	}
	matched := map[int]bool{}
	for i := range c.toks {
		if c.content[i] || c.item[i] || lexicon.IsSaying(c.toks[i].low) {
			for _, p := range c.matches[i] {
				matched[p] = true
			}
		}
	}
	for _, l := range ev.lists() {
		if len(l.items) != int(f.value) || !c.inGood(ev, seg, l.start) {
			continue
		}
		for p := l.start; p < l.end; p++ {
			if matched[p] {
				return true
			}
		}
		// The list's verb: the first content verb after it.
		for p := l.end; p < len(ev.toks) && p < l.end+4 && ev.toks[p].sent == ev.toks[l.start].sent; p++ {
			if (isContent(ev.toks[p].low) || lexicon.IsSaying(ev.toks[p].low)) && verbForm(ev.toks, p) {
				if matched[p] {
					return true
				}
				break
			}
		}
	}
	return false
}
