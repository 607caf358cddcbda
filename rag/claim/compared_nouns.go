package claim

// checkComparedNounsSwapped finds the two things a comparison sets against
// each other turned round: "Delta has scheduled more pilots than it has
// flights for them to fly" where the passage says "more flights than it
// has pilots to fly". The sentence has "more", "fewer" or "less" (or a
// comparative in -er) with the noun after it, "than", and the first noun
// after that; a passage sentence its clause comes from has the same
// comparative word with the two nouns the other way round, and not the
// sentence's order.
func checkComparedNounsSwapped(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := 0; i+1 < len(c.toks); i++ {
		a, b, ok := comparedNouns(c.toks, i)
		if !ok || !c.content[a] || !c.content[b] {
			continue
		}
		var found Result
		kept := false
		for _, s := range c.good[c.segment[i]] {
			for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
				if ev.toks[p].low != c.toks[i].low {
					continue
				}
				x, y, ok := comparedNouns(ev.toks, p)
				if !ok {
					continue
				}
				sameA, sameB := c.standsFor(a, x) || sameForm(c.toks[a].low, ev.toks[x].low), c.standsFor(b, y) || sameForm(c.toks[b].low, ev.toks[y].low)
				crossA, crossB := c.standsFor(a, y) || sameForm(c.toks[a].low, ev.toks[y].low), c.standsFor(b, x) || sameForm(c.toks[b].low, ev.toks[x].low)
				switch {
				case sameA && sameB:
					kept = true
				case crossA && crossB && found.Verdict == "":
					found, _ = contradicted(KindRole, "the source says %s %s than %s, not the other way round", ev.toks[p].text, ev.toks[x].text, ev.toks[y].text)
				}
			}
		}
		if found.Verdict != "" && !kept {
			return found, true
		}
	}
	return Result{}, false
}

// comparedNouns reads a comparison of two things at i: "more", "fewer" or
// "less" with the noun right after it (past one adjective), "than" within
// two words after that noun, and the first content word after "than"
// within four words (past "it has", a determiner, a possessive).
func comparedNouns(toks []token, i int) (a, b int, ok bool) {
	switch toks[i].low {
	case "more", "fewer", "less":
	default:
		return -1, -1, false
	}
	a = -1
	for j := i + 1; j < len(toks) && j <= i+2 && toks[j].clause == toks[i].clause; j++ {
		if isContent(toks[j].low) && !hasDigit(toks[j].low) {
			a = j
		}
		if j+1 < len(toks) && toks[j+1].low == "than" {
			break
		}
	}
	if a < 0 {
		return -1, -1, false
	}
	t := -1
	for j := a + 1; j < len(toks) && j <= a+2 && toks[j].clause == toks[i].clause; j++ {
		if toks[j].low == "than" {
			t = j
			break
		}
	}
	if t < 0 {
		return -1, -1, false
	}
	for j := t + 1; j < len(toks) && j <= t+4 && toks[j].clause == toks[i].clause; j++ {
		if isContent(toks[j].low) && !hasDigit(toks[j].low) {
			return a, j, true // "than it has flights": the noun after "has" reads as a verb form, and is none
		}
	}
	return -1, -1, false
}
