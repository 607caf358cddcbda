package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// quantifiers are the quantifying determiners of English that have an
// opposite, a closed class (many, few; much, little; more, less, fewer;
// most, least, fewest). They are function words, so checkOpposites never
// looks at them; which of them are opposed comes from WordNet
// (lexicon.AreAntonyms), not from this list.
var quantifiers = wordSet("many few much little more less fewer most least fewest")

// checkQuantifierOpposites finds a quantifier turned into its opposite
// over the same thing: "few votes left to count" where the passage says
// "many votes left to count", "few of which" for "many of which". The
// word after each must be the same word or stand for it, the passage
// sentence must come from where the clause does, and the sentence's own
// quantifier must not stand over that thing in the passage too. "A few"
// and "a little" say some, not few, and are left alone; a negation on
// exactly one side ("not many") makes the two agree.
func checkQuantifierOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	return c.quantifiersAgainst(ev, func(i int) bool {
		return quantifiers[c.toks[i].low] && !indefiniteBefore(c.toks, i)
	}, func(i, p int) (agrees bool, r Result) {
		t, u := c.toks[i], ev.toks[p]
		switch {
		case !quantifiers[u.low] || indefiniteBefore(ev.toks, p):
		case u.low == t.low:
			agrees = true
		case lexicon.AreAntonyms(t.low, u.low) && negatedAt(c.toks, i, negationWindow) == negatedAt(ev.toks, p, negationWindow):
			r, _ = contradicted(KindAntonym, "the source says %s %s, not %s", u.text, ev.toks[p+1].text, t.text)
		}
		return agrees, r
	})
}

// quantifiersAgainst runs judge on each quantifier of the sentence that
// asks (before its noun, in its clause) against each passage word p over
// the same thing (sameHead) in the sentences its clause comes from. judge
// says whether p agrees with it, or gives the fault it makes; the first
// fault found stands unless some passage word agrees.
func (c *sentenceRead) quantifiersAgainst(ev *evidence, asks func(i int) bool, judge func(i, p int) (bool, Result)) (Result, bool) {
	for i := range c.toks {
		if i+1 >= len(c.toks) || c.toks[i+1].clause != c.toks[i].clause || !asks(i) {
			continue
		}
		var found Result
		same := false
		for _, s := range c.good[c.segment[i]] {
			for p := ev.sentStart[s]; p+1 < len(ev.toks) && ev.toks[p].sent == s; p++ {
				if !c.sameHead(ev, i, p) {
					continue
				}
				agrees, r := judge(i, p)
				same = same || agrees
				if found.Verdict == "" && r.Verdict != "" {
					found = r
				}
			}
		}
		if found.Verdict != "" && !same {
			return found, true
		}
	}
	return Result{}, false
}

// indefiniteBefore reports whether "a" stands right before the word at i
// ("a few", "a little").
func indefiniteBefore(toks []token, i int) bool {
	return i > 0 && (toks[i-1].low == "a" || toks[i-1].low == "an") && toks[i-1].clause == toks[i].clause
}

// sameHead reports whether the quantifier at sentence word i and the one at
// passage word p stand over the same thing: the word after each is the
// same word, or the sentence's stands for the passage's; after a function
// word ("of", "than") the word after that must agree too.
func (c *sentenceRead) sameHead(ev *evidence, i, p int) bool {
	for k := 1; k <= 2; k++ {
		if i+k >= len(c.toks) || p+k >= len(ev.toks) || ev.toks[p+k].clause != ev.toks[p].clause || c.toks[i+k].clause != c.toks[i].clause {
			return k > 1
		}
		if c.toks[i+k].low != ev.toks[p+k].low && !containsInt(c.matches[i+k], p+k) {
			return false
		}
		if isContent(c.toks[i+k].low) || c.item[i+k] {
			return true // the thing itself; a function word ("of", "than") needs the word after it too
		}
	}
	return true
}

// scaleRanks place the quantifiers of a scale by strength, the strongest
// highest: "all" says more than "most", "most" more than "many", "many"
// more than "some" (the scale <all, most, many, some> of Horn, "On the
// semantic properties of logical operators in English", 1972; "every" and
// "each" stand with "all", "several" with "some"). A statement with a
// weaker one follows from one with a stronger; not the other way round.
var scaleRanks = map[string]int{"all": 4, "every": 4, "each": 4, "most": 3, "many": 2, "some": 1, "several": 1}

// checkQuantifierScale finds a quantifier stronger than the passage's over
// the same thing: "all of the members voted" where the passage says "most
// of the members voted", "most residents" for "many residents". The word
// after each must be the same word or stand for it (sameHead), in a
// passage sentence the clause comes from; the passage's use of the
// sentence's own quantifier there, or a negation on either side (which
// turns the scale round), leaves it alone.
func checkQuantifierScale(c *sentenceRead, ev *evidence) (Result, bool) {
	return c.quantifiersAgainst(ev, func(i int) bool {
		_, ok := scaleRanks[c.toks[i].low]
		return ok && !negatedAt(c.toks, i, negationWindow)
	}, func(i, p int) (agrees bool, r Result) {
		t, u := c.toks[i], ev.toks[p]
		other, ok := scaleRanks[u.low]
		switch {
		case !ok || negatedAt(ev.toks, p, negationWindow):
		case other >= scaleRanks[t.low]:
			agrees = true
		default:
			r, _ = contradicted(KindFigure, "the source says %s, not %s", u.low, t.low)
		}
		return agrees, r
	})
}
