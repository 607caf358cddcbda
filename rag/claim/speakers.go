package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// checkSpeakerSwap catches words given to the one they were said about:
// "Frontier said it remains bound by the merger agreement with Spirit"
// where the passage says "Spirit said it remains bound by the merger
// agreement with Frontier". A verb of saying in the sentence has a name
// for its subject; a verb of saying in a passage sentence its clause comes
// from has another name for its subject, which the sentence names
// elsewhere, while that passage sentence names the sentence's speaker
// elsewhere. A passage sentence that gives the words to the sentence's
// speaker clears it.
func checkSpeakerSwap(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if !lexicon.IsSaying(c.toks[i].low) || !verbForm(c.toks, i) || len(c.matches[i]) == 0 && !c.anyMatched(i+1, len(c.toks)) {
			continue
		}
		s := subjectOf(c.toks, i)
		if possessedPerson(c.toks, s) {
			if r, bad := c.ownerSpoke(ev, i, s); bad {
				return r, true
			}
			continue
		}
		x := nameIn(c.names, s)
		if x == nil {
			continue
		}
		var found Result
		agrees := false
		for _, sent := range c.good[c.segment[i]] {
			for p := ev.sentStart[sent]; p < len(ev.toks) && ev.toks[p].sent == sent; p++ {
				if !lexicon.IsSaying(ev.toks[p].low) || !verbForm(ev.toks, p) {
					continue
				}
				y := nameIn(ev.names, subjectOf(ev.toks, p))
				switch {
				case y == nil:
				case sameName(*x, *y) || aliasOf(*x, *y) || aliasOf(*y, *x):
					agrees = true
				case found.Verdict == "" && namedOutside(c.names, *y, s) && namedIn(ev.namesBySent[sent], *x):
					found, _ = contradicted(KindRole, "the source says %s %s it, not %s", nameText(ev.toks, *y), ev.toks[p].text, nameText(c.toks, *x))
				}
			}
		}
		if found.Verdict != "" && !agrees {
			return found, true
		}
	}
	return Result{}, false
}

// nameIn gives the name that heads phrase p ("Ian Wright" in "BBC pundit
// Ian Wright", not the "BBC" that describes him), or nil.
func nameIn(names []nameGroup, p phrase) *nameGroup {
	if !p.ok() {
		return nil
	}
	for k := range names {
		if names[k].start <= p.head && names[k].end > p.head {
			return &names[k]
		}
	}
	return nil
}

// namedOutside reports whether a name of names outside phrase p is the
// same as g.
func namedOutside(names []nameGroup, g nameGroup, p phrase) bool {
	for _, h := range names {
		if (h.end <= p.start || h.start >= p.end) && sameName(h, g) {
			return true
		}
	}
	return false
}

// namedIn reports whether names hold one that is the same as g.
func namedIn(names []nameGroup, g nameGroup) bool {
	for _, h := range names {
		if sameName(h, g) {
			return true
		}
	}
	return false
}

// ownerSpoke catches words given to someone's person ("Varga's lawyer
// said") that the passage sentences the clause comes from give to the
// owner ("Varga said"), and to no one the sentence's person stands for.
func (c *sentenceRead) ownerSpoke(ev *evidence, i int, s phrase) (Result, bool) {
	var found Result
	for _, sent := range c.good[c.segment[i]] {
		for p := ev.sentStart[sent]; p < len(ev.toks) && ev.toks[p].sent == sent; p++ {
			if !lexicon.IsSaying(ev.toks[p].low) || !verbForm(ev.toks, p) {
				continue
			}
			t := subjectOf(ev.toks, p)
			switch {
			case !t.ok():
			case c.standsFor(s.head, t.head):
				return Result{}, false // the lawyer speaks in the passage too
			case found.Verdict == "" && c.ownerDoes(ev, s, t):
				found, _ = contradicted(KindRole, "the source says %s %s it, not %s", spanText(ev.toks, t.start, t.end), ev.toks[p].text, spanText(c.toks, s.start, s.end))
			}
		}
	}
	return found, found.Verdict != ""
}
