package claim

// yearArithmetic gives the figures a passage states by counting between
// its years, as implicit figures: the length of a span of years ("from
// 2012 until 2020", "between 1953 and 1955", "2012-2020" state eight and
// two years) and the year a count of years after another reaches ("in 2003
// … Four years later" states 2007). A sentence that does the sum ("his
// second term, which lasted eight years"; "in 2007, four years after")
// holds what the passage says.
func yearArithmetic(toks []token, figures []figure) []figure {
	yearAt := map[int]figure{}
	for _, f := range figures {
		if isYear(toks, f) && !f.implicit {
			yearAt[f.start] = f
		}
	}
	var out []figure
	for _, f := range figures {
		if !isYear(toks, f) || f.implicit {
			continue
		}
		// A span: the year, a word that joins the ends of a range (or a
		// hyphen, "2012-2020"), the other year, later.
		i := f.end
		other, spans := yearAt[i], i < len(toks) && toks[i].joined
		if !spans && i+1 < len(toks) && spanJoins[toks[i].low] && toks[i].sent == toks[f.start].sent {
			other, spans = yearAt[i+1]
			spans = spans && (toks[i].low != "and" || f.start > 0 && toks[f.start-1].low == "between")
		}
		if spans && other.value > f.value {
			n := other.value - f.value
			out = append(out, figure{value: n, start: f.start, end: other.end, unit: "year", base: n * unitSizes["year"].size, implicit: true})
		}
	}
	// A count of years and "later" or "after" closing the phrase, counted
	// from the last year written before it in its sentence or the one
	// before.
	for i := 0; i+2 < len(toks); i++ {
		if timeUnits[toks[i+1].low] != "year" || toks[i+2].low != "later" && !(toks[i+2].low == "after" && closesPhrase(toks, i+3)) {
			continue
		}
		n, ordinal, ok := numberValue(toks[i].low)
		if !ok || ordinal || n <= 0 || n > 100 {
			continue
		}
		for j := i - 1; j >= 0 && toks[j].sent >= toks[i].sent-1; j-- {
			if y, ok := yearAt[j]; ok {
				out = append(out, figure{value: y.value + n, start: i, end: i + 3, implicit: true})
				break
			}
		}
	}
	return out
}

// spanJoins join the two ends of a range of years.
var spanJoins = wordSet("to until till through and")

// closesPhrase reports whether position i ends the phrase before it: the
// end of the text, or a word in another clause.
func closesPhrase(toks []token, i int) bool {
	return i >= len(toks) || toks[i].clause != toks[i-1].clause
}
