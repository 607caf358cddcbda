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
	for i := range c.toks {
		dir, n := directionAt(c.toks, i)
		if dir == "" || i == 0 || c.toks[i-1].clause != c.toks[i].clause {
			continue
		}
		obj := nextContent(c.toks, i+n-1)
		if obj < 0 {
			continue
		}
		var found Result
		same := false
		for _, s := range c.good[c.segment[i]] {
			for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
				other, m := directionAt(ev.toks, p)
				if other == "" || p == 0 || ev.toks[p-1].clause != ev.toks[p].clause {
					continue
				}
				before := ev.toks[p-1].low == c.toks[i-1].low || c.standsFor(i-1, p-1)
				q := nextContent(ev.toks, p+m-1)
				if !before || q < 0 || !(ev.toks[q].low == c.toks[obj].low || c.standsFor(obj, q)) {
					continue
				}
				if other == dir {
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
