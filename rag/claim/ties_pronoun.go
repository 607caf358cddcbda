package claim

// opensWithPronoun reports whether passage sentence s opens with a subject
// pronoun ("It was the first of three launches."): it goes on about what
// the sentence before it was about, so a figure it gives is tied to that
// sentence's time and figures too ("Monday's event …").
func (ev *evidence) opensWithPronoun(s int) bool {
	p, ok := ev.sentStart[s]
	return ok && subjectPronouns[ev.toks[p].low] && (s == 0 || ev.passageOf[s] == ev.passageOf[s-1])
}
