package claim

// outplaced reports whether passage word p, an opposite of sentence word i,
// stands where the sentence puts i better than any place the passage gives
// the word itself: the words around p match at least two of the words
// around i, and more of them than around any passage occurrence of i (a
// form of it, or a word it stands for) in the same sentences. "60% of US
// adults approve of the decision" against "60% of US adults disapprove of
// the decision, with just 37% approving": the passage's "approving" is
// about something else, and the sentence turned round the word in its
// place. An occurrence of the word among as many of the sentence's figures,
// times and names keeps it, and so does one beside the word the sentence
// puts beside it ("The new booster demonstrated" restates "The new booster,
// which was designed for people 12 and older, demonstrated"). The word itself standing near the opposite ("a single common
// standard") is in that place too. Without this, a word the passage also uses elsewhere was never
// compared with its opposite.
func (c *sentenceRead) outplaced(i, p int, ev *evidence) bool {
	n := c.surroundings(i, p, ev)
	if n < 2 {
		return false
	}
	items := c.itemsAround(i, p, ev)
	own := append(ev.hasForm(c.toks[i].low), c.matches[i]...)
	for _, q := range own {
		if q == p || !c.inGood(ev, c.segment[i], q) {
			continue
		}
		if ev.toks[q].sent == ev.toks[p].sent && q >= p-4 && q <= p+4 || c.surroundings(i, q, ev) >= n || sharesNeighbour(c.toks, i, ev.toks, q) {
			return false
		}
		if k := c.itemsAround(i, q, ev); k > 0 && k >= items {
			return false
		}
	}
	return true
}

// itemsAround counts the figures, times and names near sentence word i that
// match a word near passage word p, in p's sentence. They outweigh common
// words: "Just 35% of residents approve of the plan" restates "just 35% of
// them approve of it", whatever nouns stand around "disapprove" elsewhere.
func (c *sentenceRead) itemsAround(i, p int, ev *evidence) int {
	return c.nearMatches(i, p, ev, true)
}

// besideSubject reports whether passage word p, an opposite of sentence word
// i, stands after the same word as i (a form of "be", a subject) among at
// least two of the words around i, a figure, time or name of the sentence
// among them: "After the ruling, Aaron was safe" against "… overruled the
// call. Aaron was out, the inning was over", where the clause's other words
// draw it to the sentence before.
func (c *sentenceRead) besideSubject(i, p int, ev *evidence) bool {
	if i == 0 || p == 0 || c.toks[i-1].low != ev.toks[p-1].low || c.surroundings(i, p, ev) < 2 || c.itemsAround(i, p, ev) == 0 {
		return false
	}
	return true
}

// sharesNeighbour reports whether sentence word i and passage word p have
// the same content word right before them, or right after them, in their
// clauses.
func sharesNeighbour(a []token, i int, b []token, p int) bool {
	if i > 0 && p > 0 && a[i-1].clause == a[i].clause && b[p-1].clause == b[p].clause && a[i-1].low == b[p-1].low && isContent(a[i-1].low) {
		return true
	}
	return i+1 < len(a) && p+1 < len(b) && a[i+1].clause == a[i].clause && b[p+1].clause == b[p].clause && a[i+1].low == b[p+1].low && isContent(a[i+1].low)
}

// forms of "be" before a predicate (a closed class).
var copulas = wordSet("is are was were be been being")

// restatedPredicate reports whether passage word p, an opposite of sentence
// word i, is the predicate of the statement the sentence restates: both
// follow a form of "be", and the sentence's clause before it (at least
// three of its content words, figures or names) is all in p's sentence
// before p, in order. "Negotiations with the IMF are easy" against
// "negotiations with the International Monetary Fund (IMF) to revive the
// country's economy are “difficult”", where the subject's words stand too
// far from the predicate to count among its surroundings.
func (c *sentenceRead) restatedPredicate(i, p int, ev *evidence) bool {
	if i < 1 || p < 1 || !copulas[c.toks[i-1].low] || !copulas[ev.toks[p-1].low] || c.toks[i-1].clause != c.toks[i].clause {
		return false
	}
	n, at := 0, p-1 // the next match must stand before at
	for j := i - 2; j >= 0 && c.part[j] == c.part[i]; j-- {
		if !c.content[j] && !c.item[j] {
			continue
		}
		found := -1
		for _, q := range c.matches[j] {
			if q < at && q > found && ev.toks[q].sent == ev.toks[p].sent {
				found = q
			}
		}
		if found < 0 {
			return false
		}
		at = found
		n++
	}
	return n >= 3
}

// synonymInPlace reports whether a passage word that sentence word i stands
// for through WordNet (a synonym, a derivation, a verb one step away) has
// the same content word right beside it as i has, and opposite p has not:
// "wants to end the war and begin negotiations" restates "wants to end the
// war … wants to start negotiations"; the "end" before is another verb's.
func (c *sentenceRead) synonymInPlace(i, p int, ev *evidence) bool {
	if sharesNeighbour(c.toks, i, ev.toks, p) {
		return false
	}
	for _, q := range c.matches[i] {
		if q != p && c.inGood(ev, c.segment[i], q) && sharesNeighbour(c.toks, i, ev.toks, q) {
			return true
		}
	}
	return false
}
