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
	demonstrative := (low == "this" || low == "that" || low == "these" || low == "those") && p+1 < len(ev.toks) && beWords[ev.toks[p+1].low]
	return subjectPronouns[low] || demonstrative
}
