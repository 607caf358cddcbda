package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// checkRelativeClauses finds what a passage says of one person, in a
// relative clause set off after their name, said of another: a clause
// opened by "who" after a comma describes the name right before it ("Paul,
// who was the firm's accountant,"). When the sentence sets off, after a
// name, a "who" clause whose every content word the passage's clause after
// another name holds, the passage names the sentence's person too, and
// gives that person no such clause, the description has moved ("Edward,
// who was the firm's accountant" against "Edward's son, Paul, who was the
// firm's accountant"). The clause needs two content words at least, so
// that "who said" describes no one.
func checkRelativeClauses(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, g := range c.names {
		words := relativeOf(c.toks, g)
		if len(words) < 2 {
			continue
		}
		named, own := false, false
		other := ""
		for _, h := range ev.names {
			pw := relativeOf(ev.toks, h)
			if oneName(g, h) {
				named = true
				own = own || len(pw) > 0 && allIn(words, pw)
			} else if len(pw) > 0 && allIn(words, pw) && other == "" {
				other = nameText(ev.toks, h)
			}
		}
		if named && !own && other != "" {
			return contradicted(KindRole, "the source says that of %s, not %s", other, nameText(c.toks, g))
		}
	}
	return Result{}, false
}

// relativeOf gives the base forms of the content words of the relative
// clause set off by a comma and "who" right after name g, up to the
// clause's end; nil when there is none.
func relativeOf(toks []token, g nameGroup) []string {
	k := g.end
	if k >= len(toks) || toks[k].clause == toks[g.end-1].clause || toks[k].sent != toks[g.start].sent || toks[k].low != "who" {
		return nil
	}
	var words []string
	for e := k + 1; e < len(toks) && toks[e].clause == toks[k].clause; e++ {
		if isContent(toks[e].low) && !toks[e].upper {
			words = append(words, lexicon.Base(toks[e].low))
		}
	}
	return words
}
