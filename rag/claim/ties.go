package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// checkTies finds a figure or a time that the passages give, but not with
// the other figures, times and names of its clause (cut at punctuation and
// at "and", "but", "while" …, which join two statements): "prices rose 8.6% in
// June" where the passage gives 9.1% for June and 8.6% for May, or
// "Frontier lost $440.6 million" where that was Spirit's loss. Two things a
// clause ties together must stand in one passage sentence; a name may also
// stand up to two sentences before, or anywhere in the passages, when that
// sentence names no one (it says "he" or "the company").
func checkTies(c *sentenceRead, ev *evidence) (Result, bool) {
	type item struct {
		start, end int
		at         map[int]bool // the passage sentences that hold it
		name, time bool
		text       string
	}
	var items []item
	for _, f := range c.figures {
		f := f
		if f.ordinal {
			continue // "first time", "first Korean series": about the event, not a quantity tied to a name
		}
		at := map[int]bool{}
		for _, g := range ev.figures {
			if sameFigure(f, g) {
				at[ev.toks[g.start].sent] = true
			}
		}
		items = append(items, item{start: f.start, end: f.end, text: figureText(c.toks, f), at: at})
	}
	for _, t := range c.times {
		t := t
		at := map[int]bool{}
		for _, u := range ev.times {
			if sameTime(u, t) {
				at[ev.toks[u.start].sent] = true
			}
		}
		items = append(items, item{start: t.start, end: t.end, time: true, text: spanText(c.toks, t.start, t.end), at: at})
	}
	anchors := len(items)
	for _, g := range c.names {
		g := g
		at := map[int]bool{}
		for _, h := range ev.names {
			if sameName(g, h) {
				at[ev.toks[h.start].sent] = true
			}
		}
		items = append(items, item{start: g.start, end: g.end, name: true, text: nameText(c.toks, g), at: at})
	}
	anywhere := func(it item) bool { return len(it.at) > 0 }
	// apart reports whether a figure or time x and a figure or time y
	// belong to two facts the clause joins: the two sides of a "from …
	// to …", or one inside a noun phrase a time dates and one outside it.
	apart := func(x, y item) bool {
		if x.name || y.name {
			return false
		}
		if c.rangeSides(x.start, y.start) {
			return true
		}
		for _, z := range items {
			if !z.time && !isYearAt(c, z.start) {
				continue
			}
			e := datedPhrase(c.toks, z.start, z.end)
			if e < 0 || (x.start >= z.start && x.start < e) == (y.start >= z.start && y.start < e) {
				continue
			}
			// The clause must have a time of its own outside the phrase
			// for the two to be apart: "Saturday's sale raised $12
			// million" ties the sum to Saturday.
			for _, w := range items {
				if (w.time || isYearAt(c, w.start)) && c.part[w.start] == c.part[x.start] && (w.start < z.start || w.start >= e) {
					return true
				}
			}
		}
		return false
	}
	for a := 0; a < anchors; a++ {
		x := items[a]
		if !anywhere(x) {
			continue
		}
		for b, y := range items {
			if b < anchors && c.figureAt(y.start) && c.figureAt(x.start) {
				continue // two figures of a clause may come from two sentences
			}
			if b == a || c.part[y.start] != c.part[x.start] || !anywhere(y) || ev.apart(x.at, y.at) && !(y.name && c.givesOwn(ev, x.start, y.at)) {
				// A fact from each of two cited passages: the sentence joins
				// them ("approved on Tuesday will start in March"), unless
				// y is a name and the passage sentences that give it give
				// it a figure or time of x's sort of its own ("Mensah won
				// with 40%" where one passage gives Mensah 54% and the
				// other gives his rival 40%).
				continue
			}
			if apart(x, y) {
				continue
			}
			together := false
			for s := range x.at {
				if y.at[s] || y.at[s-1] && c.continues(ev, s, y.time) || y.at[s+1] && c.continues(ev, s+1, y.time) || y.name && (y.at[s-1] || y.at[s-2] || ev.namesNoOne(s) || ev.pronounNear(s, y.at) || c.drawsOnNext(s, x.start, y.at)) && c.namesOnlyOfClause(ev, s, x.start) {
					together = true
					break
				}
			}
			if !together {
				return contradicted(kindOfTie(c, x.start), "the source does not give %s together with %s", x.text, y.text)
			}
		}
	}
	return Result{}, false
}

// statesFigure reports whether a figure of the sentence other than the one
// at except, in its part of the sentence, is passage figure g ("Mensah won
// with 40%, while his rival took 54%" gives the 54% to another part).
func (c *sentenceRead) statesFigure(g figure, except int) bool {
	for _, f := range c.figures {
		if f.start != except && c.part[f.start] == c.part[except] && sameFigure(f, g) {
			return true
		}
	}
	return false
}

// givesOwn reports whether passage sentences sents give a figure or time
// of the sort of the sentence's figure or time at start (a share, an
// ordinal, a year, another count; a time) that is not it, nor another of
// the sentence's figures: "analyzing 19 climatic variables at sites
// surveyed at least 10 years apart" gives the speaker's 19 and the
// study's 10 from two passages.
func (c *sentenceRead) givesOwn(ev *evidence, start int, sents map[int]bool) bool {
	for _, f := range c.figures {
		if f.start != start {
			continue
		}
		for _, g := range ev.figures {
			if !g.implicit && sents[ev.toks[g.start].sent] && g.pct == f.pct && g.ordinal == f.ordinal && isYear(ev.toks, g) == isYear(c.toks, f) && !sameFigure(f, g) && !c.statesFigure(g, start) {
				return true
			}
		}
	}
	for _, t := range c.times {
		if t.start != start {
			continue
		}
		for _, u := range ev.times {
			if sents[ev.toks[u.start].sent] && !sameTime(t, u) {
				return true
			}
		}
	}
	return false
}

func kindOfTie(c *sentenceRead, start int) string {
	for _, t := range c.times {
		if t.start == start {
			return KindTime
		}
	}
	for _, f := range c.figures {
		if f.start == start && isYear(c.toks, f) {
			return KindTime
		}
	}
	return KindFigure
}

func (c *sentenceRead) figureAt(start int) bool {
	for _, f := range c.figures {
		if f.start == start {
			return true
		}
	}
	return false
}

// namesNoOne reports whether passage sentence s names no one ("It shed
// 200,000 subscribers"): it is about whom the passage is about, and a name
// the passage gives anywhere may be its subject.
func (ev *evidence) namesNoOne(s int) bool {
	for _, h := range ev.namesBySent[s] {
		if !ev.descriptor(h) && !ev.reportsIt(h) {
			return false
		}
	}
	return true
}

// reportsIt reports whether name h only says who reports its sentence: a
// clause of its own closing the sentence, the name and a verb that reports
// (", The Anchorage Daily News reports."), or "according to" before it. A
// sentence that names no one else is still about whom the passage is
// about.
func (ev *evidence) reportsIt(h nameGroup) bool {
	toks := ev.toks
	if h.start >= 2 && toks[h.start-2].low == "according" && toks[h.start-1].low == "to" {
		return true
	}
	v := h.end
	if h.start == 0 || toks[h.start-1].clause == toks[h.start].clause && !definite[toks[h.start-1].low] || v >= len(toks) || toks[v].clause != toks[h.start].clause {
		return false
	}
	if h.start >= 2 && definite[toks[h.start-1].low] && toks[h.start-2].clause == toks[h.start].clause {
		return false // "the" opens the name, and must open the clause too
	}
	if !lexicon.IsReportingForm(toks[v].low) && !lexicon.IsSaying(toks[v].low) {
		return false
	}
	return v+1 >= len(toks) || toks[v+1].sent != toks[v].sent
}

// namesOnlyOfClause reports whether every name passage sentence s gives is
// a name of the segment of the sentence word at i, or of the sentence
// elsewhere ("since World War II" in its next clause): then a name it
// leaves to a sentence before ("he", "the company") is one of those.
func (c *sentenceRead) namesOnlyOfClause(ev *evidence, s, i int) bool {
	for _, h := range ev.namesBySent[s] {
		if ev.descriptor(h) || ev.reportsIt(h) || obliqueName(ev.toks, h) && ev.pronounDoes(s) {
			continue // "he rushed to develop … with funds from the March of Dimes": not who did it
		}
		ok := false
		for _, g := range c.names {
			if (c.segment[g.start] == c.segment[i] || c.toks[g.start].sent == c.toks[i].sent) && (sameName(g, h) || aliasOf(g, h)) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// personPronouns are English's third-person singular pronouns for a
// person, a closed class.
var personPronouns = wordSet("he him his she her hers")

// pronounNear reports whether passage sentence s speaks of someone by a
// personal pronoun ("her role as Trump's chief critic") and a sentence
// next but one to it, either way, names a person the pronoun may stand
// for. A passage is cut from an article, so the name a pronoun takes may
// stand after it.
func (ev *evidence) pronounNear(s int, named map[int]bool) bool {
	if !(named[s-1] || named[s-2] || named[s+1] || named[s+2]) {
		return false
	}
	for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
		if personPronouns[ev.toks[p].low] {
			return true
		}
	}
	return false
}

// drawsOnNext reports whether the clause of sentence word i draws on
// passage sentence s and the sentence after s gives the name: a sentence
// may join what two sentences in a row say ("Texas cities will see highs
// over 100 degrees. Austin and Houston will likely hit the figure"), as it
// may take a name from the sentences before.
func (c *sentenceRead) drawsOnNext(s, i int, named map[int]bool) bool {
	return named[s+1] && c.goodSet[c.segment[i]][s]
}

// pronounDoes reports whether passage sentence s opens a clause with a
// personal pronoun as its subject ("During the 1952 outbreak, he rushed
// to develop …"): the sentence goes on about a person named before it.
func (ev *evidence) pronounDoes(s int) bool {
	for p := ev.sentStart[s]; p+1 < len(ev.toks) && ev.toks[p].sent == s; p++ {
		if subjectPronouns[ev.toks[p].low] && personPronouns[ev.toks[p].low] && (p == ev.sentStart[s] || ev.toks[p-1].clause != ev.toks[p].clause) && verbForm(ev.toks, p+1) {
			return true
		}
	}
	return false
}
