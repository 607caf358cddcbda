package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// Two readings of negation beyond checkPolarity's, which needs the negated
// word itself, or one of its forms or synonyms, on the other side.

// checkNegatedRelated finds a negation in the sentence whose head the
// passages do not hold, standing where the passage sentence its clause
// comes from has a plain word that WordNet relates to it ("did not bar
// Lamas from working" where the passage says "banned Lamas from working":
// bar and ban share the synonym banish and the neighbours forbid and
// prohibit). The two words are joined only through a shared synonym or a
// verb one hypernym step away, and they must stand among the same words;
// an opposite on either side ("did not allow", "banned") agrees.
func checkNegatedRelated(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, d := range c.unmatchedDenials() {
		i, h := d[0], d[1]
		for _, p := range ev.relatedAt(c.toks[h].low) {
			if !c.inGood(ev, c.segment[h], p) || negatedAt(ev.toks, p, negationWindow) || flipped(c, h, ev, p) || c.surroundings(h, p, ev) < 2 {
				continue
			}
			return contradicted(KindPolarity, "the source says %s, not %s %s", ev.toks[p].text, negationText(c.toks, i), c.toks[h].text)
		}
	}
	return Result{}, false
}

// unmatchedDenials gives, for each negation of the sentence, its position
// and the content word it denies, when the passages hold no form of that
// word, the negation is not a time limit ("not until") and the word is not
// in an open question.
func (c *sentenceRead) unmatchedDenials() [][2]int {
	var out [][2]int
	for i := range c.toks {
		if !negationAt(c.toks, i) && !refusalAt(c.toks, i) {
			continue
		}
		h := negationHead(c.toks, i)
		if h < 0 || len(c.matches[h]) > 0 || !c.content[h] || untilFollows(c.toks, i) || openQuestion(c.toks, h) {
			continue
		}
		out = append(out, [2]int{i, h})
	}
	return out
}

// relatedAt gives the passage positions of the content words that share a
// WordNet synonym with a word, are one of its synonyms, or stand one step
// from it in byNear (a verb one hypernym step away, a similar adjective):
// the word-level counterpart of related, which only says whether there is
// one.
func (ev *evidence) relatedAt(low string) []int {
	var out []int
	seen := map[int]bool{}
	add := func(ps []int) {
		for _, p := range ps {
			if !seen[p] && isContent(ev.toks[p].low) {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	for _, f := range forms(low) {
		add(ev.byNear[f])
	}
	for _, s := range lexicon.Synonyms(low) {
		add(ev.bySyn[s])
		add(ev.byForm[s])
	}
	return out
}

// exclusionWords set a name apart from what a clause says ("countries
// other than the US", "all but Ukraine", "except Britain"): negation in all
// but name. English's prepositions of exclusion, a closed class, with the
// negation words.
var exclusionWords = wordSet("except excluding excepting besides but other apart aside save barring")

// checkNegatedNames finds a name that the passage sentences its clause
// comes from give only as the object of a negated verb ("countries that do
// not include the US") while the sentence states that verb of it plainly
// ("includes US security guarantees"): the passage says it is not so of
// that name. A sentence that negates or excludes near the name ("other
// than the US") agrees, and so does one that words the relation another
// way ("avoided naming China" for "did not name China").
func checkNegatedNames(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, g := range c.names {
		seg := c.segment[g.start]
		if c.good[seg] == nil || c.negatedNear(g.start) {
			continue
		}
		var cue int
		found, plain := false, false
		for _, h := range ev.names {
			if !sameName(g, h) || !c.goodSet[seg][ev.toks[h.start].sent] {
				continue
			}
			found = true
			if k := negationOver(ev.toks, h.start); k >= 0 && c.statesPlainly(ev, seg, negationHead(ev.toks, k)) {
				cue = k
			} else {
				plain = true
			}
		}
		if found && !plain {
			return contradicted(KindPolarity, "the source says %s, not that it does", spanText(ev.toks, negationStart(ev.toks, cue), negationEnd(ev.toks, cue)))
		}
	}
	return Result{}, false
}

// statesPlainly reports whether a word of segment seg, not negated, stands
// for passage word h.
func (c *sentenceRead) statesPlainly(ev *evidence, seg, h int) bool {
	if h < 0 {
		return false
	}
	for j := range c.toks {
		if c.segment[j] != seg || negatedAt(c.toks, j, negationWindow) {
			continue
		}
		for _, q := range c.matches[j] {
			if q == h {
				return true
			}
		}
	}
	return false
}

// negatedNear reports whether a negation or an exclusion stands before the
// word at i in its clause, within negationWindow words.
func (c *sentenceRead) negatedNear(i int) bool {
	for j := i - 1; j >= 0 && j >= i-negationWindow && c.toks[j].clause == c.toks[i].clause; j-- {
		if negationAt(c.toks, j) || exclusionWords[c.toks[j].low] || refusalAt(c.toks, j) {
			return true
		}
	}
	return false
}

// negationOver gives the negation whose scope the name at i stands in, or
// -1: one whose head is a verb that the name follows as its object ("do
// not include the US").
func negationOver(toks []token, i int) int {
	j := i - 1
	for j >= 0 && toks[j].clause == toks[i].clause && (determinerOpens(toks[j].low) || toks[j].low == "any") {
		j--
	}
	if j < 0 || toks[j].clause != toks[i].clause {
		return -1
	}
	if !verbForm(toks, j) && !lexicon.IsVerb(toks[j].low) {
		return -1
	}
	for k := j - 1; k >= 0 && k >= j-negationWindow && toks[k].clause == toks[i].clause; k-- {
		if (negationAt(toks, k) || refusalAt(toks, k)) && negationHead(toks, k) == j {
			return k
		}
	}
	return -1
}

// negationStart gives the start of the phrase a negation at k closes: the
// auxiliary before it ("do not").
func negationStart(toks []token, k int) int {
	if k > 0 && auxiliaries[toks[k-1].low] && toks[k-1].clause == toks[k].clause {
		return k - 1
	}
	return k
}

// negationEnd gives the end of the phrase a negation at k opens: its head
// and the object after it.
func negationEnd(toks []token, k int) int {
	end := k + 1
	if h := negationHead(toks, k); h >= 0 {
		end = h + 1
	}
	for end < len(toks) && end-k < 8 && toks[end].clause == toks[k].clause && (definite[toks[end].low] || toks[end].upper) {
		end++
	}
	return end
}

// checkDeniedNames finds a name the sentence denies a place or relation
// to ("seen in Oklahoma but not in Maryland") where the passage gives it
// plainly ("not just in Oklahoma but also in Maryland"): a negation, a
// preposition and a name, and in the passage sentences the clause comes
// from the same preposition before the same name, never denied ("not
// just", "not only" add, and deny nothing). And a name the passage denies
// outright ("but not “Donald Trump”") that the sentence states.
func checkDeniedNames(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := 0; i+2 < len(c.toks); i++ {
		if !adverbialNegation[c.toks[i].low] || !prepositions[c.toks[i+1].low] || c.toks[i+1].clause != c.toks[i].clause {
			continue
		}
		var g *nameGroup
		for k := range c.names {
			if c.names[k].start == i+2 {
				g = &c.names[k]
			}
		}
		if g == nil {
			continue
		}
		plain, denied := -1, false
		for _, h := range ev.names {
			if !sameName(*g, h) || h.start == 0 || ev.toks[h.start-1].low != c.toks[i+1].low || !c.inGood(ev, c.segment[g.start], h.start) {
				continue
			}
			if deniedBefore(ev.toks, h.start-1) {
				denied = true
			} else if plain < 0 {
				plain = h.start
			}
		}
		if plain >= 0 && !denied {
			return contradicted(KindPolarity, "the source says %s %s, not %s %s %s", ev.toks[plain-1].text, ev.toks[plain].text, c.toks[i].text, c.toks[i+1].text, c.toks[g.start].text)
		}
	}
	// The other way round: the passage denies the name itself ("with
	// “extreme” but, significantly, not “Donald Trump”"), a negation right
	// before it, across a quotation mark; the sentence names it with no
	// negation near, and the passage sentences its clause comes from give
	// it nowhere else.
	for _, g := range c.names {
		if negatedAt(c.toks, g.start, negationWindow) || g.start > 0 && adverbialNegation[c.toks[g.start-1].low] {
			continue
		}
		deniedAt, plain := -1, false
		for _, h := range ev.names {
			if !sameName(g, h) || !c.inGood(ev, c.segment[g.start], h.start) {
				continue
			}
			if k := h.start - 1; k >= 0 && ev.toks[k].sent == ev.toks[h.start].sent && adverbialNegation[ev.toks[k].low] && negationAt(ev.toks, k) {
				deniedAt = h.start
			} else {
				plain = true
			}
		}
		if deniedAt >= 0 && !plain {
			return contradicted(KindPolarity, "the source says not %s", nameText(ev.toks, nameAt(ev.names, deniedAt)))
		}
	}
	return Result{}, false
}

// nameAt gives the name group that starts at i.
func nameAt(names []nameGroup, i int) nameGroup {
	for _, g := range names {
		if g.start == i {
			return g
		}
	}
	return nameGroup{start: i, end: i + 1}
}

// deniedBefore reports whether a negation stands before the word at k in
// its clause, within negationWindow words (negationAt leaves out the "not"
// of "not just … but also", which adds).
func deniedBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-negationWindow && toks[j].clause == toks[k].clause; j-- {
		if negationAt(toks, j) {
			return true
		}
	}
	return false
}
