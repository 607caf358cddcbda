package claim

import "strconv"

// yearAfterMonth gives the year written right after the month at i, past a
// day ("March 2017", "June 7, 2021"), or "".
func yearAfterMonth(toks []token, i int) string {
	for j := i + 1; j < len(toks) && j <= i+2 && toks[j].sent == toks[i].sent; j++ {
		if n, err := strconv.Atoi(toks[j].low); err == nil {
			if len(toks[j].low) == 4 && n >= 1000 {
				return toks[j].low
			}
			continue // the day
		}
		return ""
	}
	return ""
}

// checkMonthYears finds a month given another year: "March 2016" where the
// passage says "March 2017" and has 2016 only for something else. The
// month and the year are one date; each is found in the passage, but not
// together. The passage must write the month with a year somewhere, none
// of them the sentence's.
func checkMonthYears(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if !months[t.low] || t.low == "may" && !t.upper {
			continue
		}
		year := yearAfterMonth(c.toks, i)
		if year == "" {
			continue
		}
		other, same := "", false
		for p, u := range ev.toks {
			if u.low != t.low {
				continue
			}
			switch y := yearAfterMonth(ev.toks, p); {
			case y == year:
				same = true
			case y != "" && other == "":
				other = u.text + " " + y
			}
		}
		if other != "" && !same {
			return contradicted(KindTime, "the source says %s, not %s %s", other, t.text, year)
		}
	}
	return Result{}, false
}
