package claim

// checkRespectively catches figures given to each other's items where the
// passage pairs them with "respectively": "Electricity and natural gas
// prices rose by 13.7% and 38.4%, respectively" gives electricity 13.7%
// and gas 38.4%, so "Electricity prices rose by 38.4%" turns the pairs
// round. English pairs the n-th item of the first list with the n-th of
// the second (Quirk et al. 1985, chapter 13, on coordination);
// the rule reads two items and two figures. A sentence figure belongs to
// the nearest word before it, in its sentence, that stands for a word of
// one of the items; a sentence that keeps "respectively" after the
// figure is left to the other rules.
func checkRespectively(c *sentenceRead, ev *evidence) (Result, bool) {
	for r, t := range ev.toks {
		if t.low != "respectively" {
			continue
		}
		pair, ok := respectivePair(ev, r)
		if !ok {
			continue
		}
		for _, f := range c.figures {
			if f.ordinal || respectivelyAfter(c.toks, f) {
				continue
			}
			own := -1
			for k, g := range pair.figures {
				if sameFigure(f, g) {
					own = k
				}
			}
			if own < 0 {
				continue
			}
			item := c.itemBefore(f, pair.items)
			if item >= 0 && item != own {
				g, h := pair.figures[0], pair.figures[1]
				return contradicted(KindFigure, "the source gives %s %s and %s %s, respectively",
					spanText(ev.toks, pair.spans[0][0], pair.spans[0][1]), figureText(ev.toks, g),
					spanText(ev.toks, pair.spans[1][0], pair.spans[1][1]), figureText(ev.toks, h))
			}
		}
	}
	return Result{}, false
}

// respective is two items of a passage sentence and the two figures
// "respectively" gives them, in order: the words of each item that tell it
// from the other, as positions and as a span.
type respective struct {
	items   [2][]int
	spans   [2][2]int
	figures [2]figure
}

// respectivePair reads the pair that "respectively" at r closes: the two
// figures right before it, joined by "and", and before them in the
// sentence the nearest two items joined by "and" ("Electricity and
// natural gas prices"). An item is its content words (names too) beside the "and",
// at most three, up to a function word, a figure or a verb; a last word
// the two share as their head ("prices") is no item's own.
func respectivePair(ev *evidence, r int) (respective, bool) {
	var p respective
	sent := ev.toks[r].sent
	var figs []figure
	for _, f := range ev.figures {
		if ev.toks[f.start].sent == sent && f.end <= r {
			figs = append(figs, f)
		}
	}
	if len(figs) < 2 {
		return p, false
	}
	x, y := figs[len(figs)-2], figs[len(figs)-1]
	if y.start-x.end != 1 || ev.toks[x.end].low != "and" || r-y.end > 1 {
		return p, false // "13.7% and 38.4%, respectively"
	}
	p.figures = [2]figure{x, y}
	for a := x.start - 1; a > 0; a-- {
		if ev.toks[a].sent != sent {
			break
		}
		if ev.toks[a].low != "and" || !itemWord(ev.toks, a-1) || a+1 >= x.start || !itemWord(ev.toks, a+1) {
			continue
		}
		first := []int{}
		for k := a - 1; k >= 0 && a-k <= 3 && ev.toks[k].sent == sent && itemWord(ev.toks, k); k-- {
			first = append([]int{k}, first...)
		}
		second := []int{}
		for k := a + 1; k < x.start && k-a <= 3 && itemWord(ev.toks, k); k++ {
			second = append(second, k)
		}
		if len(second) > 1 && !ev.toks[second[len(second)-1]].upper {
			second = second[:len(second)-1] // "natural gas prices": the head both share
		}
		p.items = [2][]int{first, second}
		p.spans = [2][2]int{{first[0], first[len(first)-1] + 1}, {second[0], second[len(second)-1] + 1}}
		return p, true
	}
	return p, false
}

// itemWord reports whether the word at k may be a word of an item: a
// content word or a name that is no verb and no figure.
func itemWord(toks []token, k int) bool {
	return k >= 0 && k < len(toks) && (isContent(toks[k].low) || toks[k].upper) && !hasDigit(toks[k].low) && !verbForm(toks, k)
}

// respectivelyAfter reports whether "respectively" follows figure f in its
// sentence.
func respectivelyAfter(toks []token, f figure) bool {
	for k := f.end; k < len(toks) && toks[k].sent == toks[f.start].sent; k++ {
		if toks[k].low == "respectively" {
			return true
		}
	}
	return false
}

// itemBefore gives which of the two items the nearest word before
// sentence figure f, in its sentence and within eight words, stands for,
// or -1.
func (c *sentenceRead) itemBefore(f figure, items [2][]int) int {
	for j := f.start - 1; j >= 0 && f.start-j <= 8 && c.toks[j].sent == c.toks[f.start].sent; j-- {
		for k, words := range items {
			for _, p := range words {
				if c.standsFor(j, p) {
					return k
				}
			}
		}
	}
	return -1
}
