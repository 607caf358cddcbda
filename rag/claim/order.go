package claim

// relations are words that order or compare what follows them, with their
// opposites. They are function words, which the opposites check does not
// read, and they turn a sentence round as surely as "rose" for "fell".
var relations = map[string][]string{
	"before": {"after"}, "after": {"before"},
	"above": {"below", "under"}, "below": {"above", "over"},
	"earlier": {"later"}, "later": {"earlier"},
	"higher": {"lower"}, "lower": {"higher"},
	"up": {"down"}, "down": {"up"},
	"toward": {"away"}, "towards": {"away"}, "away": {"toward", "towards"},
	"inside": {"outside"}, "outside": {"inside"},
	// "voted for" and "voted against": only with the same word before
	// both (headed), since "for" is everywhere.
	"for": {"against"}, "against": {"for"},
}

// headed are the relations that count only after the same word on both
// sides ("voted for the measure", "voted against the measure").
var headed = wordSet("for against")

// checkRelations finds a relation word turned round: "before the funeral"
// where the passage says "after the funeral". What follows the word must
// be matched in the passage, and the passage must have the opposite word,
// not this one, just before it.
func checkRelations(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		opposites, ok := relations[t.low]
		if !ok {
			continue
		}
		obj := -1
		for j := i + 1; j < len(c.toks) && j <= i+3 && c.toks[j].clause == t.clause; j++ {
			if (c.content[j] || c.item[j]) && len(c.matches[j]) > 0 {
				obj = j
				break
			}
		}
		if obj < 0 {
			continue
		}
		// Every place the passage holds the word is read first: one
		// that says it this way ("after the meeting") clears the sentence,
		// wherever another says the opposite ("before the meeting").
		var found Result
		same := false
		for _, q := range c.matches[obj] {
			if !c.inGood(ev, c.segment[obj], q) {
				continue
			}
			opposite := ""
			for k := q - 1; k >= 0 && k >= q-3 && ev.toks[k].clause == ev.toks[q].clause; k-- {
				if ev.toks[k].low == t.low {
					same = true
				}
				if headed[t.low] && (i == 0 || k == 0 || !containsInt(c.matches[i-1], k-1)) {
					continue
				}
				for _, o := range opposites {
					if ev.toks[k].low == o {
						opposite = ev.toks[k].text
					}
				}
			}
			if opposite != "" && found.Verdict == "" {
				found, _ = contradicted(KindAntonym, "the source says %s %s, not %s", opposite, ev.toks[q].text, t.text)
			}
		}
		if found.Verdict != "" && !same {
			return found, true
		}
	}
	return Result{}, false
}

// checkOrderSwap finds two events put in each other's place around
// "after" or "before": "Javid resigned just minutes after Sunak published
// his letter" where the passage says "Sunak published a letter … just
// minutes after Javid also resigned". A name the sentence puts right
// after the word (within four words) stands in the passage sentence only
// before that word, and a name the sentence puts before it stands there
// only after it.
func checkOrderSwap(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if t.low != "after" && t.low != "before" {
			continue
		}
		var later, earlier []nameGroup // the sentence's names after and before the word
		for _, g := range c.names {
			switch {
			case c.toks[g.start].sent != t.sent:
			case g.start > i && g.start-i <= 4:
				later = append(later, g)
			case g.end <= i:
				earlier = append(earlier, g)
			}
		}
		if len(later) == 0 || len(earlier) == 0 {
			continue
		}
		for p := range ev.toks {
			if ev.toks[p].low != t.low || !c.inGood(ev, c.segment[i], p) {
				continue
			}
			// side gives where the passage sentence names g: before the
			// word, after it, and the name before it.
			side := func(g nameGroup) (before, after bool, at nameGroup) {
				for _, h := range ev.namesBySent[ev.toks[p].sent] {
					if sameName(g, h) {
						if h.end <= p {
							before, at = true, h
						}
						after = after || h.start > p
					}
				}
				return before, after, at
			}
			for _, b := range later {
				bb, ba, h := side(b)
				if !bb || ba {
					continue
				}
				for _, a := range earlier {
					if ab, aa, _ := side(a); aa && !ab {
						return contradicted(KindRole, "the source says %s %s %s, not the other way round", nameText(ev.toks, h), t.text, nameText(c.toks, a))
					}
				}
			}
		}
	}
	return Result{}, false
}
