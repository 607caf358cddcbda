package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// particles are the adverbial particles of English phrasal verbs ("play
// down", "step up", "back out"), a closed class. WordNet lists phrasal
// verbs with their opposites ("play up" against "play down"), and a
// writer may glue the particle to the front of the verb ("downplay"),
// which lexicon.Phrasal reads back as the phrase.
var particles = wordSet("up down out off over back in")

// phrasalAt gives the phrasal verb with a WordNet opposite that stands at
// word i, and how many words it takes: a verb and the particle after it
// ("played up" → "play up"), or one word for the phrase ("downplayed" →
// "play down"); "" when there is none.
func phrasalAt(toks []token, i int) (string, int) {
	t := toks[i]
	if i+1 < len(toks) && particles[toks[i+1].low] && toks[i+1].clause == t.clause && lexicon.IsVerb(t.low) {
		if p := lexicon.Base(t.low) + " " + toks[i+1].low; len(lexicon.Antonyms(p)) > 0 {
			return p, 2
		}
	}
	if p := lexicon.Phrasal(t.low); p != "" && len(lexicon.Antonyms(p)) > 0 {
		return p, 1
	}
	return "", 0
}

// checkPhrasalOpposites finds a phrasal verb whose WordNet opposite the
// passage sentences its clause comes from use, in the same place ("played
// up the warning" where the passage says "downplayed the warning"), with
// no negation on exactly one side.
func checkPhrasalOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	var inPassage map[string][]int // phrasal verb → passage positions, read once
	for i := range c.toks {
		ph, n := phrasalAt(c.toks, i)
		if ph == "" {
			continue
		}
		if inPassage == nil {
			inPassage = map[string][]int{}
			for p := range ev.toks {
				if q, _ := phrasalAt(ev.toks, p); q != "" {
					inPassage[q] = append(inPassage[q], p)
				}
			}
		}
		if len(inPassage[ph]) > 0 {
			continue // the passage says it this way too
		}
		for _, a := range lexicon.Antonyms(ph) {
			for _, p := range inPassage[a] {
				if !c.inGood(ev, c.segment[i], p) || !c.sameSurroundings(i+n-1, p, ev) {
					continue
				}
				if negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) {
					continue
				}
				return contradicted(KindAntonym, "the source says %s, not %s", ev.toks[p].text, spanText(c.toks, i, i+n))
			}
		}
	}
	return Result{}, false
}
