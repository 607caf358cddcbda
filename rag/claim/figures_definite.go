package claim

// checkDefiniteCounts finds a number word after a determiner changed: "all
// four entrances" where the passage says "all five entrances", "one of the
// three witnesses" for "one of the two witnesses". findFigures leaves such
// a number out, since it names a group rather than counting it ("the two
// leaders"), but a group of another size is still not the passage's. The
// noun after the number must stand for the passage's noun after its
// number, in a passage sentence the clause comes from, and the passage
// must not give that noun the sentence's number anywhere there.
func checkDefiniteCounts(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		v, ord, ok := numberValue(t.low)
		if !ok || ord || hasDigit(t.low) || i == 0 || !definite[c.toks[i-1].low] || i+1 >= len(c.toks) || len(c.matches[i+1]) == 0 {
			continue
		}
		var found Result
		same := false
		for _, q := range c.matches[i+1] {
			p := q - 1
			if p < 1 || !c.inGood(ev, c.segment[i], q) || !definite[ev.toks[p-1].low] {
				continue
			}
			w, ord, ok := numberValue(ev.toks[p].low)
			if !ok || ord {
				continue
			}
			if w == v {
				same = true
			} else if found.Verdict == "" {
				found, _ = contradicted(KindFigure, "the source says %s %s, not %s", ev.toks[p].text, ev.toks[q].text, t.text)
			}
		}
		if found.Verdict != "" && !same {
			return found, true
		}
	}
	return Result{}, false
}
