package claim

// datedYears gives the calendar years the passages count from their
// articles' dates: "last year", "this year" and "next year" in a passage
// whose article came out in 2022 state 2021, 2022 and 2023, so a sentence
// that writes the year ("in 2021") holds what the passage says. They are
// implicit figures, read where the time is written. "The past year" is
// the last twelve months, no calendar year, and gives none.
func datedYears(ev *evidence, sources []Source) []figure {
	var out []figure
	for _, t := range ev.times {
		if t.span != 0 {
			continue
		}
		var step float64
		switch t.key {
		case "last year":
			step = -1
		case "this year":
			step = 0
		case "next year":
			step = 1
		default:
			continue
		}
		src := sources[ev.passageOf[ev.toks[t.start].sent]]
		if src.Published.IsZero() {
			continue
		}
		out = append(out, figure{value: float64(src.Published.Year()) + step, start: t.start, end: t.end, implicit: true})
	}
	return out
}
