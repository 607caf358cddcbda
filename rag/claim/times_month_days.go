package claim

import "math"

// checkMonthDays catches a day of the month the passage does not give its
// month: "the first day of school will be Sept. 8" where the passage says
// "Sept. 1" (and "Sept. 21" in the next sentence, beside a list of grades
// that holds an 8). The figure rule finds an 8 nearby and the time rule
// the month; a date is the two together. A day written right after its
// month ("Sept. 8", "September 8") or right before it ("8 September") must
// stand beside the same month in the passage sentences its clause comes
// from or the ones next to them, when those give that month another day.
func checkMonthDays(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, f := range c.figures {
		month := monthOfDay(c.toks, f)
		if month == "" {
			continue
		}
		seg := c.segment[f.start]
		other := figure{start: -1}
		for _, g := range ev.figures {
			if monthOfDay(ev.toks, g) != month || !c.inGood(ev, seg, g.start) && !c.continuesGood(ev, seg, g.start) {
				continue
			}
			if g.value == f.value {
				other = figure{start: -1}
				break
			}
			if other.start < 0 {
				other = g
			}
		}
		if other.start >= 0 {
			return contradicted(KindTime, "the source says %s, not %s", dateText(ev.toks, other), dateText(c.toks, f))
		}
	}
	return Result{}, false
}

// dateText writes a day with its month as they stand: "Sept. 1", "8
// September".
func dateText(toks []token, f figure) string {
	if monthAt(toks, f, f.start-1) != "" {
		return toks[f.start-1].text + " " + figureText(toks, f)
	}
	return figureText(toks, f) + " " + toks[f.end].text
}

// monthOfDay gives the month, spelt out in lower case, that figure f is a
// day of: a whole number from 1 to 31, not an ordinal written as a word,
// right after a month or its abbreviation ("Sept. 8") or right before a
// month ("8 September"); "" otherwise.
func monthOfDay(toks []token, f figure) string {
	if f.value < 1 || f.value > 31 || f.value != math.Trunc(f.value) || f.pct || f.currency != "" || f.unit != "" || f.end-f.start != 1 {
		return ""
	}
	if m := monthAt(toks, f, f.start-1); m != "" {
		return m
	}
	return monthAt(toks, f, f.end)
}

// monthAt gives the month that the word at k names beside figure f, in
// the figure's clause (monthWord), or "".
func monthAt(toks []token, f figure, k int) string {
	if k < 0 || k >= len(toks) || toks[k].clause != toks[f.start].clause {
		return ""
	}
	return monthWord(toks, k)
}
