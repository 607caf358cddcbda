// Before and after: a question about what happened after an event is not
// answered by a sentence that puts the same event after a "before".

package answer

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// orderPrepositions are the prepositions that order two events in time,
// each with its opposite: a closed pair of English.
var orderPrepositions = map[string]string{"before": "after", "after": "before"}

// maxOrderObject bounds the words of the noun phrase after such a
// preposition that are read as its object ("after the funeral of Pope
// Francis").
const maxOrderObject = 5

// orderedTerms maps each term that stands in the object of "before" or
// "after" in a text to the prepositions that govern it there.
func orderedTerms(text string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	words := phraseWords(text)
	for i, w := range words {
		b, closed := bareWord(w)
		prep := strings.ToLower(b)
		if _, ok := orderPrepositions[prep]; !ok || closed {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+maxOrderObject; j++ {
			x, closes := bareWord(words[j])
			low := strings.ToLower(x)
			if low == "" {
				break
			}
			if _, ok := orderPrepositions[low]; ok {
				break
			}
			if !definiteDeterminers[low] && low != "of" && prose.IsStopword(low) {
				break // a verb's auxiliary, a conjunction: the phrase has ended
			}
			for _, t := range prose.Terms(x) {
				if out[t] == nil {
					out[t] = map[string]bool{}
				}
				out[t][prep] = true
			}
			if closes {
				break
			}
		}
	}
	return out
}

// inOtherOrder lists the question's terms that a sentence puts on the
// other side of an event than the question does: the question has "after
// the funeral", the sentence "before the Pope's funeral" and no "after"
// for it. Such a term does not count as held.
func inOtherOrder(question map[string]map[string]bool, sentence string) map[string]bool {
	if len(question) == 0 {
		return nil
	}
	var out map[string]bool
	for t, preps := range orderedTerms(sentence) {
		asked, ok := question[t]
		if !ok {
			continue
		}
		for p := range asked {
			if !preps[p] && preps[orderPrepositions[p]] {
				if out == nil {
					out = map[string]bool{}
				}
				out[t] = true
			}
		}
	}
	return out
}
