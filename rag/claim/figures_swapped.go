package claim

// checkSwappedFigures finds two figures of one passage sentence given to
// each other's items: "Milk is up 17.6% and chicken 15.6%" where the
// passage says "chicken 17.6%, milk 15.6%", "distributed more than 61,000
// doses and received more than 25,000" where it received the 61,000. Each
// figure stands in both places, so checkFigures finds nothing amiss. A
// figure's item is the nearest content word or name before it in its
// clause, past the words that round or bound it (figureItem). The sentence
// gives two figures, one passage sentence gives both, and each of the
// sentence's items stands for the passage's item of the other figure and
// not of its own.
func checkSwappedFigures(c *sentenceRead, ev *evidence) (Result, bool) {
	for x, f := range c.figures {
		fi := figureItem(c.toks, f.start)
		if fi < 0 || f.ordinal {
			continue
		}
		for _, h := range c.figures[x+1:] {
			hi := figureItem(c.toks, h.start)
			if hi < 0 || hi == fi || h.ordinal || sameFigure(f, h) {
				continue
			}
			for _, g := range ev.figures {
				if !sameFigure(f, g) {
					continue
				}
				gi := figureItem(ev.toks, g.start)
				for _, k := range ev.figures {
					if k.start == g.start || ev.toks[k.start].sent != ev.toks[g.start].sent || !sameFigure(h, k) {
						continue
					}
					ki := figureItem(ev.toks, k.start)
					if gi < 0 || ki < 0 || gi == ki {
						continue
					}
					if c.standsFor(fi, ki) && c.standsFor(hi, gi) && !c.standsFor(fi, gi) && !c.standsFor(hi, ki) {
						return contradicted(KindFigure, "the source gives %s %s and %s %s", ev.toks[gi].text, figureText(ev.toks, g), ev.toks[ki].text, figureText(ev.toks, k))
					}
				}
			}
		}
	}
	return Result{}, false
}

// figureItem gives the word a figure at i is said of: the nearest content
// word or name before it in its clause, within four words, past function
// words, other figures and the words that round or bound it ("milk up
// 15.6%", "received more than 61,000", "nearly half"), or -1.
func figureItem(toks []token, i int) int {
	for j := i - 1; j >= 0 && i-j <= 4 && toks[j].clause == toks[i].clause; j-- {
		low := toks[j].low
		if hasDigit(low) || isNumberWord(low) || approximators[low] || upWords[low] || downWords[low] || !isContent(low) && !(toks[j].upper && !toks[j].first) {
			continue
		}
		return j
	}
	return -1
}

// standsFor reports whether sentence word i stands for passage word p.
func (c *sentenceRead) standsFor(i, p int) bool {
	for _, q := range c.matches[i] {
		if q == p {
			return true
		}
	}
	return false
}
