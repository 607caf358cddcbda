package claim

import (
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// checkDegreeOpposites finds a comparison turned round by its degree word:
// "the less deadly variant" where the passage says "the deadlier variant"
// (or "the more deadly"), and "more" or an "-er" form where the passage
// says "less". The adjective is the same on both sides, read through
// WordNet's inflections (deadlier, deadliest: deadly), in a passage
// sentence the clause comes from, in the same place: the same word before
// the two phrases or right after them.
func checkDegreeOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		mine := degreeAt(c.toks, i)
		if mine == 0 {
			continue
		}
		bases := adjectiveBases(c.toks[i].low)
		if len(bases) == 0 {
			continue
		}
		for p, u := range ev.toks {
			theirs := degreeAt(ev.toks, p)
			if theirs == 0 || theirs == mine || !c.inGood(ev, c.segment[i], p) || !sharesAny(bases, adjectiveBases(u.low)) || !degreeInPlace(c.toks, i, ev.toks, p) {
				continue
			}
			return contradicted(KindAntonym, "the source says %s, not %s", degreeText(ev.toks, p), degreeText(c.toks, i))
		}
	}
	return Result{}, false
}

// degreeAt reads the degree of an adjective at i: +1 for a comparative or
// superlative of more ("deadlier", "more deadly", "most deadly"), -1 for
// one of less ("less deadly", "least deadly"), 0 for neither or for a
// word that is no adjective.
func degreeAt(toks []token, i int) int {
	if len(adjectiveBases(toks[i].low)) == 0 {
		return 0
	}
	if i > 0 && toks[i-1].clause == toks[i].clause {
		switch toks[i-1].low {
		case "less", "least":
			return -1
		case "more", "most":
			return 1
		}
	}
	low := toks[i].low
	if (strings.HasSuffix(low, "er") || strings.HasSuffix(low, "est")) && !slices.Contains(adjectiveBases(low), low) {
		return 1
	}
	return 0
}

// adjectiveBases gives the adjectives WordNet reads a word as (itself or
// its uninflected form), or nil.
func adjectiveBases(low string) []string {
	var out []string
	for _, b := range lexicon.Bases(low) {
		if lexicon.IsAdjective(b) {
			out = append(out, b)
		}
	}
	return out
}

// degreeText writes the adjective at i with its degree word, if any.
func degreeText(toks []token, i int) string {
	if i > 0 && (toks[i-1].low == "less" || toks[i-1].low == "least" || toks[i-1].low == "more" || toks[i-1].low == "most") {
		return toks[i-1].text + " " + toks[i].text
	}
	return toks[i].text
}

// degreeInPlace reports whether the adjective phrases at i and p (with
// their degree words) have the same word before them or after them, in
// their clauses.
func degreeInPlace(a []token, i int, b []token, p int) bool {
	start := func(toks []token, k int) int {
		if k > 0 && degreeText(toks, k) != toks[k].text {
			return k - 1
		}
		return k
	}
	si, sp := start(a, i), start(b, p)
	if si > 0 && sp > 0 && a[si-1].clause == a[i].clause && b[sp-1].clause == b[p].clause && a[si-1].low == b[sp-1].low {
		return true
	}
	return i+1 < len(a) && p+1 < len(b) && a[i+1].clause == a[i].clause && b[p+1].clause == b[p].clause && a[i+1].low == b[p+1].low
}
