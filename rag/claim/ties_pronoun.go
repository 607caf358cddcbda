package claim

// opensWithPronoun reports whether passage sentence s opens with a subject
// pronoun ("It was the first of three launches."): it goes on about what
// the sentence before it was about, so a figure it gives is tied to that
// sentence's time and figures too ("Monday's event …").
// A demonstrative before a form of "be" ("This was a dinosaur that …")
// does the same.
func (ev *evidence) opensWithPronoun(s int) bool {
	p, ok := ev.sentStart[s]
	if !ok || s > 0 && ev.passageOf[s] != ev.passageOf[s-1] {
		return false
	}
	low := ev.toks[p].low
	// "That's up from …": a demonstrative with "is" written on it.
	demonstrative := demonstratives[low] && (ev.toks[p].clitic == "s" || ev.toks[p].clitic == "re" || p+1 < len(ev.toks) && beWords[ev.toks[p+1].low])
	return subjectPronouns[low] || demonstrative
}

// demonstratives are English's demonstrative pronouns, a closed class.
var demonstratives = wordSet("this that these those")

// continuesGood reports whether passage position p stands in a sentence
// that opens with a pronoun and follows a sentence segment seg draws on:
// "That's up from the current 7.5%" goes on about the sentence before it,
// so its figures are that sentence's, unless it gives a time the sentence
// does not ("That's higher than the previous reading, when prices rose by
// 8.6% for the year ended in May"): then they are that time's.
func (c *sentenceRead) continuesGood(ev *evidence, seg, p int) bool {
	s := ev.toks[p].sent
	return c.good[seg] != nil && c.goodSet[seg][s-1] && c.continues(ev, s, true)
}

// continues reports whether passage sentence s opens with a pronoun, and
// goes on about the sentence before it; for a time (when ofTime), only if
// it gives no time of its own that the sentence does not state.
func (c *sentenceRead) continues(ev *evidence, s int, ofTime bool) bool {
	if !ev.opensWithPronoun(s) {
		return false
	}
	if !ofTime {
		return true
	}
	for _, u := range ev.times {
		if ev.toks[u.start].sent == s && !c.statesTime(u) {
			return false
		}
	}
	return true
}
