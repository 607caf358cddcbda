package claim

// checkChangeOrLevel catches a figure moved between the amount of a change
// and the level it reached: "unemployment fell by 3.5%" where the passage
// says "fell to 3.5%". After a verb, "by" gives how much something
// changed and "to" where it ended ("rose by 2% to 5%"); the sentence's
// figure stands in the passage after the other preposition, after the
// verb the sentence's stands for.
func checkChangeOrLevel(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, f := range c.figures {
		prep, verb := changePreposition(c.toks, f)
		if verb < 0 {
			continue
		}
		for _, g := range ev.figures {
			if !sameFigure(f, g) {
				continue
			}
			other, pv := changePreposition(ev.toks, g)
			if pv < 0 || other == prep || !c.standsFor(verb, pv) {
				continue
			}
			return contradicted(KindFigure, "the source says %s %s %s, not %s %s", ev.toks[pv].text, other, figureText(ev.toks, g), prep, figureText(c.toks, f))
		}
	}
	return Result{}, false
}

// changePreposition gives "by" or "to" when one stands right before figure
// f (past the words that round or bound it) with a verb form right before
// it, and that verb's position; -1 otherwise.
func changePreposition(toks []token, f figure) (string, int) {
	j := f.start - 1
	for j >= 0 && (approximators[toks[j].low] || toks[j].low == "than" || toks[j].low == "as" || toks[j].low == "much") {
		j--
	}
	if j < 1 || toks[j].low != "by" && toks[j].low != "to" || toks[j].clause != toks[f.start].clause {
		return "", -1
	}
	v := j - 1
	if toks[v].clause != toks[j].clause || !verbForm(toks, v) || !isContent(toks[v].low) {
		return "", -1
	}
	return toks[j].low, v
}
