package claim

// restatingAfter gives, among the passage positions sentence word i
// matches, those after which the passage sentence goes on with the rest of
// i's clause: at least three of the content words after i in its clause,
// every one of them found after p in p's sentence, in order ("Sweden's
// move to join NATO requires a vote in parliament" restates "Finland's
// move to seek to join the alliance requires a vote in parliament", not
// "the move was debated in parliament"). Nil when none does, or when the
// clause has fewer than three content words after i.
func (c *sentenceRead) restatingAfter(ev *evidence, i int) map[int]bool {
	var after []int
	for j := i + 1; j < len(c.toks) && c.part[j] == c.part[i]; j++ {
		if c.content[j] {
			after = append(after, j)
		}
	}
	if len(after) < 3 {
		return nil
	}
	var out map[int]bool
	for _, p := range c.matches[i] {
		at, ok := p, true
		for _, j := range after {
			next := -1
			for _, q := range c.matches[j] {
				if q > at && ev.toks[q].sent == ev.toks[p].sent && (next < 0 || q < next) {
					next = q
				}
			}
			if next < 0 {
				ok = false
				break
			}
			at = next
		}
		if ok {
			if out == nil {
				out = map[int]bool{}
			}
			out[p] = true
		}
	}
	return out
}
