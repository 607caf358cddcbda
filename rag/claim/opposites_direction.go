package claim

// Prepositions of direction: a goal ("into public service", "toward the
// coast") against a source ("away from public service", "out of the
// country"). English grammars set them apart as the two ends of a motion
// (Quirk, Greenbaum, Leech and Svartvik, A Comprehensive Grammar of the
// English Language, 1985, §9.15–9.17: to/from, into/out of, toward/away
// from). "To" and "from" are left out: "to" is more often an infinitive's
// mark or a recipient's, and "from" a time's or a source of words.

// directionAt reads a preposition of direction starting at i: "goal" for
// into, toward, towards; "source" for "out of", "away from"; with its
// length in words, or "".
func directionAt(toks []token, i int) (string, int) {
	next := ""
	if i+1 < len(toks) && toks[i+1].clause == toks[i].clause {
		next = toks[i+1].low
	}
	switch toks[i].low {
	case "into", "toward", "towards":
		return "goal", 1
	case "out":
		if next == "of" {
			return "source", 2
		}
	case "away":
		if next == "from" {
			return "source", 2
		}
	}
	return "", 0
}

// checkDirectionOpposites finds a motion turned round: "to steer more
// graduates away from public service" where the passage says "into public
// service". The preposition of the other end must stand in the passage
// sentence the clause comes from, after a word the sentence's stands after
// (the same word, or one it stands for) and before the first content word
// after the sentence's (the same, or one it stands for); a preposition of
// the sentence's own end in that place, or a negation on exactly one side,
// makes them agree.
func checkDirectionOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	return prepositionOpposites(c, ev, directionAt, wordBefore)
}

// wordBefore gives the word right before i in its clause, or -1.
func wordBefore(toks []token, i int) int {
	if i == 0 || toks[i-1].clause != toks[i].clause {
		return -1
	}
	return i - 1
}

// objectAfter gives the first content word after i in its clause
// (nextContent), or the object pronoun right after it ("voted against
// them"), or -1.
func objectAfter(toks []token, i int) int {
	if q := nextContent(toks, i); q >= 0 {
		return q
	}
	if j := i + 1; j < len(toks) && toks[j].clause == toks[i].clause && objectPronouns[toks[j].low] {
		return j
	}
	return -1
}

// prepositionOpposites finds a preposition of a closed pair (read by at:
// its side and its length in words) where the passage has the other side:
// in a passage sentence the clause comes from, after the word anchor gives
// for the sentence's (the same, or one it stands for) and before the first
// content word after the sentence's, or the same object pronoun
// (objectAfter; the same word, or one it stands for). A
// preposition of the sentence's own side in that place, or a negation on
// exactly one side, makes them agree.
func prepositionOpposites(c *sentenceRead, ev *evidence, at func([]token, int) (string, int), anchor func([]token, int) int) (Result, bool) {
	for i := range c.toks {
		side, n := at(c.toks, i)
		if side == "" {
			continue
		}
		before, obj := anchor(c.toks, i), objectAfter(c.toks, i+n-1)
		if before < 0 || obj < 0 {
			continue
		}
		var found Result
		same := false
		for _, s := range c.good[c.segment[i]] {
			for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
				other, m := at(ev.toks, p)
				if other == "" {
					continue
				}
				b, q := anchor(ev.toks, p), objectAfter(ev.toks, p+m-1)
				if b < 0 || q < 0 || !(ev.toks[b].low == c.toks[before].low || c.standsFor(before, b)) || !(ev.toks[q].low == c.toks[obj].low || c.standsFor(obj, q)) {
					continue
				}
				if other == side {
					same = true
					continue
				}
				if negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) {
					continue
				}
				if found.Verdict == "" {
					found, _ = contradicted(KindAntonym, "the source says %s, not %s", spanText(ev.toks, p, p+m), spanText(c.toks, i, i+n))
				}
			}
		}
		if found.Verdict != "" && !same {
			return found, true
		}
	}
	return Result{}, false
}
