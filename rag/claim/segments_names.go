package claim

// countNamedParties adds to count, per segment, one for a clause that
// relates two names through a verb ("Jill Biden met Olena Zelenska in
// Uzhhorod"): such a clause states a fact of its own, whatever few
// content words it has, and is not merged into the clause after it,
// which may come from another cited passage.
func (c *sentenceRead) countNamedParties(count map[int]int) {
	names := map[int]int{}
	for _, g := range c.names {
		names[c.segment[g.start]]++
	}
	for i := range c.toks {
		s := c.segment[i]
		if c.content[i] && names[s] >= 2 && count[s] == 1 && verbForm(c.toks, i) {
			count[s]++
		}
	}
}
