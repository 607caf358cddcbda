package claim

// frequencyWords name how often something happens by the unit of time it
// recurs in: the adjectives and adverbs English makes from the units
// ("monthly", "annual", "yearly"), each with its unit.
var frequencyWords = map[string]string{
	"hourly": "hour", "daily": "day", "nightly": "day", "weekly": "week", "fortnightly": "fortnight",
	"monthly": "month", "quarterly": "quarter", "yearly": "year", "annual": "year", "annually": "year",
}

// frequencyAt gives the unit of the frequency the word at i states: one of
// frequencyWords, or "every", "each" or "per" before a unit ("every month",
// "per year"); "" when it states none.
func frequencyAt(toks []token, i int) string {
	if u, ok := frequencyWords[toks[i].low]; ok {
		return u
	}
	switch toks[i].low {
	case "every", "each", "per":
		if i+1 < len(toks) && toks[i+1].clause == toks[i].clause {
			if u := timeUnits[toks[i+1].low]; u != "" {
				return u
			}
		}
	}
	return ""
}

// checkFrequencies finds a frequency put in the place of another: "29
// monthly payments" where the passage sentence the clause comes from says
// "29 annual payments". A frequency the passages do not state at all is
// left to the other rules (a sentence may say "monthly" for "$40 a
// month"); two that differ, in the passage sentences the clause comes
// from, contradict each other.
func checkFrequencies(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		mine := frequencyAt(c.toks, i)
		if mine == "" {
			continue
		}
		seg := c.segment[i]
		other, same := -1, false
		for p := range ev.toks {
			theirs := frequencyAt(ev.toks, p)
			if theirs == "" || !c.inGood(ev, seg, p) {
				continue
			}
			if theirs == mine {
				same = true
			} else if other < 0 {
				other = p
			}
		}
		if other >= 0 && !same {
			return contradicted(KindTime, "the source says %s, not %s", ev.toks[other].text, c.toks[i].text)
		}
	}
	return Result{}, false
}
