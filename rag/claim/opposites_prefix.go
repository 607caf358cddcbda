package claim

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// negativePrefixes make an adjective its opposite ("unsafe", "nonbinding").
// WordNet's antonym table keeps such pairs only when both words are in
// common use (see rag/lexicon), so a rarer one ("unsafe") is read here
// from its spelling: "in-" and "dis-" are left out, as the lexicon leaves
// them out, since there the rest of the word is too often another word.
var negativePrefixes = []string{"un", "non"}

// prefixOpposite gives the adjective a negative prefix turns round when
// low is such a word and both are WordNet adjectives ("unsafe" → "safe"),
// or the rest is an adjective English makes from a WordNet verb with
// "-able", which WordNet lists only in part ("nonrefundable" →
// "refundable"), or "".
func prefixOpposite(low string) string {
	for _, p := range negativePrefixes {
		rest := strings.TrimPrefix(strings.TrimPrefix(low, p), "-")
		if rest != low && len(rest) > 2 && (lexicon.IsAdjective(low) && lexicon.IsAdjective(rest) || ableFromVerb(rest)) {
			return rest
		}
	}
	return ""
}

// ableFromVerb reports whether a word is a verb with the suffix "-able"
// ("refundable", "renewable"; a verb's final "e" may be dropped before
// it, "usable"), the suffix English adds to a verb to make an adjective of
// what can be done to a thing.
func ableFromVerb(w string) bool {
	stem, ok := strings.CutSuffix(w, "able")
	return ok && len(stem) > 2 && (lexicon.IsVerb(stem) || lexicon.IsVerb(stem+"e"))
}

// checkPrefixOpposites finds an adjective turned round by a negative
// prefix on one side only: "unsafe to drink" where the passage says "safe
// to drink", or "safe" where it says "unsafe". The two words stand among
// the same words, in a passage sentence the clause comes from, with no
// negation on exactly one side, and the passage does not hold the
// sentence's own word there.
func checkPrefixOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if !c.content[i] || c.formInGood(ev, i) {
			continue
		}
		for _, s := range c.good[c.segment[i]] {
			for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
				u := ev.toks[p]
				if prefixOpposite(t.low) != u.low && prefixOpposite(u.low) != t.low {
					continue
				}
				if !c.sameSurroundings(i, p, ev) || negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) {
					continue
				}
				return contradicted(KindAntonym, "the source says %s, not %s", u.text, t.text)
			}
		}
	}
	return Result{}, false
}
