package claim

import "strings"

// checkUnanimous finds a vote called unanimous where the passage gives its
// tally with votes on both sides ("voted 7-2", "a 52-48 vote"): a
// unanimous vote has none against. The tally is two figures in digits
// joined by a hyphen, the second above zero, in a passage sentence the
// clause comes from that speaks of a vote; a passage that says
// "unanimous" itself agrees.
func checkUnanimous(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if !strings.HasPrefix(t.low, "unanimous") {
			continue
		}
		for _, s := range c.good[c.segment[i]] {
			voted, tally := false, ""
			for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
				u := ev.toks[p]
				switch {
				case strings.HasPrefix(u.low, "unanimous"):
					return Result{}, false
				case strings.HasPrefix(u.low, "vot"):
					voted = true
				case p+1 < len(ev.toks) && ev.toks[p+1].joined && isWholeNumber(u.low) && isWholeNumber(ev.toks[p+1].low) && ev.toks[p+1].low != "0":
					tally = u.text + "-" + ev.toks[p+1].text
				}
			}
			if voted && tally != "" {
				return contradicted(KindFigure, "the source gives the vote as %s, not unanimous", tally)
			}
		}
	}
	return Result{}, false
}

// isWholeNumber reports whether a word is written in digits alone.
func isWholeNumber(low string) bool {
	return low != "" && strings.Trim(low, "0123456789") == ""
}
