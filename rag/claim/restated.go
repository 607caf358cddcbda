package claim

// checkRestatedDoer catches what one party said or did given to another
// party the passage also gives that verb: "Supporters of trans
// participation argued that people who have gone through male puberty have
// physical advantages" where the passage has "Those who campaigned for
// change argued that people who have gone through male puberty have
// physical advantages" and, in another sentence, "Supporters of trans
// participation argue that not enough research has been done". For a verb
// of the sentence with a doer and words after it, the passage may hold the
// verb more than once; the one the sentence restates is the one whose
// sentence holds most of those words, after it. When its doer is not the
// sentence's, and the sentence's doer is the doer of another of the verb's
// occurrences, the sentence has moved what one said or did to the other.
func checkRestatedDoer(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if !c.content[i] || len(c.matches[i]) < 2 || !verbForm(c.toks, i) {
			continue
		}
		s := frameOf(c.toks, i).doer
		if !s.ok() || personalPronouns[c.toks[s.head].low] || len(c.matches[s.head]) == 0 {
			continue
		}
		best, bestScore, tie := -1, 0, false
		for _, p := range c.matches[i] {
			if n := c.heldAfter(ev, i, p); n > bestScore {
				best, bestScore, tie = p, n, false
			} else if n == bestScore && p != best {
				tie = true
			}
		}
		if best < 0 || tie || bestScore < 2 {
			continue
		}
		t := frameOf(ev.toks, best).doer
		if !t.ok() || bareProNoun(ev.toks, t) || c.holds(s, wordsBefore(ev.toks, best)) || c.holds(s, t) {
			// No doer, or the sentence's doer is among the words before the
			// verb or is that occurrence's doer (a passive's, after "by").
			continue
		}
		for _, p := range c.matches[i] {
			if ev.toks[p].sent == ev.toks[best].sent {
				continue
			}
			if o := frameOf(ev.toks, p).doer; o.ok() && c.holds(s, o) {
				return contradicted(KindRole, "the source says %s %s this; %s %s something else",
					spanText(ev.toks, t.start, t.end), ev.toks[best].text, spanText(ev.toks, o.start, o.end), ev.toks[p].text)
			}
		}
	}
	return Result{}, false
}

// heldAfter counts the content words and names after sentence verb i, in
// its clause (cut at "and", "but" …, which join another statement), that stand for words after passage verb p in p's
// sentence: how much of what follows the verb that occurrence holds.
func (c *sentenceRead) heldAfter(ev *evidence, i, p int) int {
	n := 0
	for j := i + 1; j < len(c.toks) && c.part[j] == c.part[i]; j++ {
		if !c.content[j] && !c.item[j] {
			continue
		}
		for _, q := range c.matches[j] {
			if q > p && ev.toks[q].sent == ev.toks[p].sent {
				n++
				break
			}
		}
	}
	return n
}

// bareProNoun reports whether a doer phrase is a lone personal pronoun
// ("they argued"), which may stand for anyone named before; "those who
// campaigned for change" names its doer by the relative clause after it.
func bareProNoun(toks []token, t phrase) bool {
	if !personalPronouns[toks[t.head].low] {
		return false
	}
	return t.end >= len(toks) || !relativePronouns[toks[t.end].low]
}

// wordsBefore gives the words before passage verb p in its sentence, as far
// back as a doer and what describes it may reach: wider than the phrase
// frameOf reads, so that a doer it cuts short ("the Food and Drug
// Administration's vaccine advisers") still counts whole.
func wordsBefore(toks []token, p int) phrase {
	start := p
	for start > 0 && p-start < 2*roleWindow && toks[start-1].sent == toks[p].sent {
		start--
	}
	return phrase{start, p, p - 1}
}
