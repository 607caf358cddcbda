package claim

// checkComparedGroups catches the two sides of a comparison exchanged
// where they are told apart by common words, not names: "fully vaccinated
// people had a 3.9 times greater risk … than unvaccinated people" where
// the passage says "unvaccinated people had a 3.9 times greater risk …
// compared with fully vaccinated people". Both sides compare with the
// same comparative ("greater", "more", "less", an "-er" form, read through
// its base) before the word that brings in the standard ("than", "compared
// with/to", "versus"); a word of the sentence before that word stands only
// after the passage's, and a word after it only before the passage's.
func checkComparedGroups(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		m := standardAt(c.toks, i)
		if m < 0 {
			continue
		}
		cmp := comparativeBefore(c.toks, i)
		if cmp < 0 {
			continue
		}
		for q := range ev.toks {
			n := standardAt(ev.toks, q)
			if n < 0 || ev.toks[q].sent != ev.toks[n].sent || !c.inGood(ev, c.segment[i], q) {
				continue
			}
			pc := comparativeBefore(ev.toks, q)
			if pc < 0 || !sameComparative(c.toks[cmp].low, ev.toks[pc].low) {
				continue
			}
			x := c.sideWord(ev, i, m, q, n, -1)
			y := c.sideWord(ev, i, m, q, n, 1)
			if x >= 0 && y >= 0 {
				return contradicted(KindRole, "the source compares %s with %s, not the other way round", c.toks[y].text, c.toks[x].text)
			}
		}
	}
	return Result{}, false
}

// standardAt reports where the standard of a comparison starts when the
// word at i brings it in: the word after "than" or "versus", after
// "compared with/to"; -1 otherwise, and for a figure ("more than 800
// cases" bounds a count, it compares no groups).
func standardAt(toks []token, i int) int {
	m := standardStart(toks, i)
	if m < 0 || hasDigit(toks[m].low) || isNumberWord(toks[m].low) || toks[m].money {
		return -1
	}
	return m
}

// standardStart is standardAt before the figure test.
func standardStart(toks []token, i int) int {
	switch low := toks[i].low; {
	case low == "than" || low == "versus":
		if i+1 < len(toks) && toks[i+1].sent == toks[i].sent {
			return i + 1
		}
	case low == "compared" && i+2 < len(toks) && (toks[i+1].low == "with" || toks[i+1].low == "to") && toks[i+2].sent == toks[i].sent:
		return i + 2
	}
	return -1
}

// comparativeBefore gives the nearest comparative before the word at i
// in its sentence ("greater", "more", "less", "fewer"), or -1.
func comparativeBefore(toks []token, i int) int {
	for j := i - 1; j >= 0 && i-j <= 12 && toks[j].sent == toks[i].sent; j-- {
		switch low := toks[j].low; low {
		case "more", "less", "fewer", "greater", "higher", "lower", "larger", "smaller":
			return j
		default:
			if degreeAt(toks, j) > 0 && toks[j].low != "more" {
				return j
			}
		}
	}
	return -1
}

// sameComparative reports whether two comparatives are one: the same word
// or the same adjective ("greater", "great").
func sameComparative(a, b string) bool {
	return a == b || sharesAny(adjectiveBases(a), adjectiveBases(b))
}

// sideWord finds a content word on one side of the sentence's comparison
// (side -1: before the word at i, in its sentence; 1: the standard, the
// four words from m) that stands only on the other side of the passage's
// (before q, or the four words from n) and is not itself on both sides of
// either; -1 if there is none.
func (c *sentenceRead) sideWord(ev *evidence, i, m, q, n, side int) int {
	inSide := func(toks []token, k, at, from, s int) bool {
		if s < 0 {
			return k < at && toks[k].sent == toks[at].sent
		}
		return k >= from && k < from+4 && toks[k].sent == toks[from].sent
	}
	for k := range c.toks {
		if !c.content[k] || !inSide(c.toks, k, i, m, side) || len(c.matches[k]) == 0 {
			continue
		}
		here, there := false, false
		for _, p := range c.matches[k] {
			here = here || inSide(ev.toks, p, q, n, side)
			there = there || inSide(ev.toks, p, q, n, -side)
		}
		if there && !here && !c.onBothSides(k, i, m) {
			return k
		}
	}
	return -1
}

// onBothSides reports whether the sentence also uses the word at k on the
// other side of its comparison ("people" before and after "than").
func (c *sentenceRead) onBothSides(k, i, m int) bool {
	for j := range c.toks {
		if j == k || c.toks[j].low != c.toks[k].low {
			continue
		}
		before := j < i && c.toks[j].sent == c.toks[i].sent
		standard := j >= m && j < m+4 && c.toks[j].sent == c.toks[m].sent
		if before || standard {
			return true
		}
	}
	return false
}
