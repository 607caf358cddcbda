package claim

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// checkCausativeOpposites finds two verbs made from opposite adjectives
// with English's causative suffix -en ("toughened" where the passage says
// "softened": tough and soft are WordNet antonyms; "widen"/"narrow" is
// not this rule's, WordNet has it). WordNet's tables link few such verbs
// to their adjectives, so the suffix is undone by rule and each stem must
// be an adjective WordNet knows. The sentence's verb stands for no word
// of the passage sentences its clause comes from, and the passage's verb
// stands among the same words, with no negation on exactly one side.
func checkCausativeOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if !c.content[i] || c.good[c.segment[i]] == nil || c.matchedInGood(ev, i) {
			continue
		}
		a := causativeAdjective(t.low)
		if a == "" {
			continue
		}
		for _, s := range c.good[c.segment[i]] {
			for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
				b := causativeAdjective(ev.toks[p].low)
				if b == "" || !lexicon.AreAntonyms(a, b) || !c.sameSurroundings(i, p, ev) {
					continue
				}
				if negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) {
					continue
				}
				return contradicted(KindAntonym, "the source says %s, not %s", ev.toks[p].text, t.text)
			}
		}
	}
	return Result{}, false
}

// causativeAdjective gives the adjective a verb in -en is made from
// ("softened" → "soft", "flattens" → "flat", "toughening" → "tough"), or
// "" when the word is no such verb.
func causativeAdjective(low string) string {
	for _, suf := range [...]string{"ened", "ening", "ens", "en"} {
		stem, ok := strings.CutSuffix(low, suf)
		if !ok || len(stem) < 3 {
			continue
		}
		if !lexicon.IsVerb(stem + "en") {
			return ""
		}
		if lexicon.IsAdjective(stem) {
			return stem
		}
		// "flatten", "sadden": a doubled final consonant.
		if n := len(stem); stem[n-1] == stem[n-2] && lexicon.IsAdjective(stem[:n-1]) {
			return stem[:n-1]
		}
		return ""
	}
	return ""
}
