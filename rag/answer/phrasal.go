// Phrasal verbs in a question: "go back", "leave out", "come across" mean
// what their verb alone does not, and an article says them in other
// words ("return", "omit", "encounter"). WordNet lists the phrases as verbs
// of their own, with their synonyms and the verbs one step above or below
// them.

package answer

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// verbParticles are the adverbial particles and prepositions that combine
// with a verb into a phrasal verb: a closed class of English.
var verbParticles = wordSet(`up down out off in on back away over across through around along about into onto aside apart forward together`)

// phrasalVerb is a verb of the question and the particle that goes with
// it.
type phrasalVerb struct {
	verb     string   // the verb's term, stemmed
	particle string   // the particle's term, stemmed ("" for a stop word)
	alts     []string // the terms of the phrase's one-word synonyms and neighbours
}

// phrasalVerbs finds the phrasal verbs of a question that WordNet knows:
// a word whose base form, with the particle after it, is a verb WordNet
// lists with synonyms or neighbours of one word ("go back" → "return",
// "revert"; "leave out" → "omit", "exclude").
func phrasalVerbs(question string) []phrasalVerb {
	toks := prose.Tokenize(question)
	var out []phrasalVerb
	for i := 0; i+1 < len(toks); i++ {
		if prose.IsStopword(toks[i]) || !verbParticles[toks[i+1]] {
			continue
		}
		phrase := lexicon.Base(toks[i]) + " " + toks[i+1]
		var alts []string
		seen := map[string]bool{}
		for _, w := range append(lexicon.Synonyms(phrase), lexicon.VerbNeighbours(phrase)...) {
			if strings.Contains(w, " ") {
				continue // a phrase of its own, which a set of words cannot match
			}
			for _, t := range prose.Terms(w) {
				if !seen[t] {
					seen[t] = true
					alts = append(alts, t)
				}
			}
		}
		if len(alts) == 0 {
			continue
		}
		pv := phrasalVerb{verb: prose.Stem(toks[i]), alts: alts}
		if !prose.IsStopword(toks[i+1]) {
			pv.particle = prose.Stem(toks[i+1])
		}
		out = append(out, pv)
	}
	return out
}

// readPhrasalVerbs makes each phrasal verb of the question one focus term:
// the verb's term, which a sentence holds when it holds the verb or one of
// the phrase's one-word equivalents, while the particle, part of the verb,
// is no focus term of its own. It runs before the terms are weighed, and
// returns the equivalents to add to the forms after (so that a common
// synonym does not make the verb weigh as little as it).
func (q *questionTerms) readPhrasalVerbs(question string) map[string][]string {
	extra := map[string][]string{}
	for _, pv := range phrasalVerbs(question) {
		if _, ok := q.weight[pv.verb]; !ok {
			continue
		}
		if pv.particle != "" && pv.particle != pv.verb {
			q.dropTerm(pv.particle)
		}
		extra[pv.verb] = append(extra[pv.verb], pv.alts...)
		for _, t := range pv.alts {
			q.all[t] = true
		}
	}
	return extra
}

// dropTerm takes a term out of the question's focus.
func (q *questionTerms) dropTerm(t string) {
	if _, ok := q.weight[t]; !ok {
		return
	}
	delete(q.weight, t)
	delete(q.forms, t)
	for i, o := range q.order {
		if o == t {
			q.order = append(q.order[:i], q.order[i+1:]...)
			break
		}
	}
}
