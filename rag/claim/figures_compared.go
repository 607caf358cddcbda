package claim

// comparatives are the comparative adjectives of size, amount and price
// that order two quantities ("higher than", "cheaper than"), with the
// order they state: +1 when the first is the larger. "More", "less" and
// "fewer" are left out: before a figure they mostly bound it ("killing
// more than 1,000"), and say nothing of a figure before them.
var comparatives = map[string]int{
	"higher": 1, "greater": 1, "larger": 1, "bigger": 1, "costlier": 1, "pricier": 1, "dearer": 1,
	"lower": -1, "smaller": -1, "cheaper": -1,
}

// checkFigureOrder finds two figures put in the wrong order by a
// comparative between them: "24 cents per gallon, lower than the roughly
// 18 cents charged on gas". The first figure stands before the comparative
// in its sentence, the second right after "than" (past a determiner and a
// word that rounds it); both are figures of the passages, in one unit and
// counting the same noun where both count one, and the comparative says
// the opposite of what their values do. A figure bounded by the
// comparative itself ("more than 500 people") has no first figure to
// compare.
func checkFigureOrder(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		dir, ok := comparatives[t.low]
		if !ok || i+1 >= len(c.toks) || c.toks[i+1].low != "than" {
			continue
		}
		var a, b *figure
		for k := range c.figures {
			f := &c.figures[k]
			if f.ordinal || c.toks[f.start].sent != t.sent {
				continue
			}
			if f.end <= i && i-f.end <= 8 {
				a = f // the nearest figure before
			}
			if b == nil && f.start > i+1 && f.start <= i+5 && !figureStartsIn(c.figures, i+1, f.start) {
				b = f
			}
		}
		if a == nil || b == nil || a.pct != b.pct || a.currency != b.currency || a.unit != b.unit || a.value == b.value {
			continue
		}
		// Figures that count two things are not compared: "some two
		// millennia old, can rise higher than 20 stories".
		if na, nb := countedNoun(c.toks, *a), countedNoun(c.toks, *b); na >= 0 && nb >= 0 && !sameForm(c.toks[na].low, c.toks[nb].low) {
			continue
		}
		if !heldByPassage(ev, *a) || !heldByPassage(ev, *b) {
			continue
		}
		if (a.value > b.value) != (dir > 0) {
			return contradicted(KindAntonym, "%s is not %s than %s", figureText(c.toks, *a), t.text, figureText(c.toks, *b))
		}
	}
	return Result{}, false
}

// heldByPassage reports whether some passage figure is the same figure as f.
func heldByPassage(ev *evidence, f figure) bool {
	for _, g := range ev.figures {
		if sameFigure(f, g) {
			return true
		}
	}
	return false
}
