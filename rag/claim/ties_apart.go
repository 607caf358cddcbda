package claim

// A clause can join two facts that each bring a time of their own, and
// checkTies must not hold a figure to the other fact's time: the two
// states of a change written "from … to …" ("went from 4% in 1958 to 94%
// last year"), and a noun phrase dated by a time inside it ("the toll from
// Monday's 7.5 quake had risen to 370 by Tuesday", "the Sept. 6 post had
// 4,300 shares by Friday").

// rangeSides reports whether sentence words a and b stand on the two sides
// of the "to" of a "from … to …" in one clause, with a figure on each side:
// each side is a state of its own, with its own time.
func (c *sentenceRead) rangeSides(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a + 1; k < b; k++ {
		if c.toks[k].low != "to" || c.part[k] != c.part[a] || c.part[b] != c.part[a] {
			continue
		}
		for j := a; j >= 0 && c.part[j] == c.part[k]; j-- {
			if c.toks[j].low == "from" {
				return c.figureIn(j+1, k) && c.figureIn(k+1, b+1)
			}
		}
	}
	return false
}

// figureIn reports whether a figure starts among sentence words [from, to).
func (c *sentenceRead) figureIn(from, to int) bool {
	for _, f := range c.figures {
		if f.start >= from && f.start < to {
			return true
		}
	}
	return false
}

// datedPhrase gives the end of the noun phrase that the time at [start,
// end) dates, or -1: a time in the possessive ("Monday's magnitude-7.5
// quake") or between a determiner and a noun ("the Sept. 6 post", "the
// 2019 election") modifies that noun, not the clause.
func datedPhrase(toks []token, start, end int) int {
	if end >= len(toks) || toks[end].clause != toks[start].clause {
		return -1
	}
	possessive := toks[end-1].clitic == "s"
	attributive := start > 0 && toks[start-1].clause == toks[start].clause && (determinerOpens(toks[start-1].low))
	if !possessive && !attributive || !nounish(toks, end) {
		return -1
	}
	e := end
	for e < len(toks) && toks[e].clause == toks[start].clause && nounish(toks, e) {
		e++
	}
	return e
}

// isYearAt reports whether a figure of the sentence that is a year starts
// at i.
func isYearAt(c *sentenceRead, i int) bool {
	for _, f := range c.figures {
		if f.start == i && isYear(c.toks, f) {
			return true
		}
	}
	return false
}
