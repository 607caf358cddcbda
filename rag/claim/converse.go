package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// converse reports whether sentence verb i states the passage's opposite
// verb p from the other side: "England lost the final to Spain" against
// "Spain defeated England … to win": the one after "to" of a verb of
// losing is the passage verb's subject, so the sentence says the same
// thing with the roles exchanged, which is no opposite. Only "lose … to"
// is read so (the preposition English gives the winner), with "to" within
// roleWindow words of the verb; the passage verb's subject is its own, or
// that of the clause's verb before it ("… defeated England … to win").
func (c *sentenceRead) converse(ev *evidence, i, p int) bool {
	if lexicon.Base(c.toks[i].low) != "lose" {
		return false
	}
	to := -1
	for j := i + 1; j < len(c.toks) && j-i <= roleWindow && c.toks[j].clause == c.toks[i].clause; j++ {
		if c.toks[j].low == "to" {
			to = j
			break
		}
	}
	if to < 0 {
		return false
	}
	winner := to + 1
	for winner < len(c.toks) && (definite[c.toks[winner].low] || c.toks[winner].low == "a" || c.toks[winner].low == "an") {
		winner++
	}
	if winner >= len(c.toks) || c.toks[winner].clause != c.toks[to].clause {
		return false
	}
	subj := grammaticalSubject(ev.toks, p)
	for k := p - 1; !subj.ok() && k >= 0 && ev.toks[k].clause == ev.toks[p].clause; k-- {
		if verbForm(ev.toks, k) {
			subj = grammaticalSubject(ev.toks, k) // "Spain defeated England … to win": the clause's subject
		}
	}
	if !subj.ok() {
		return false
	}
	for k := subj.start; k < subj.end; k++ {
		if containsInt(c.matches[winner], k) || c.toks[winner].low == ev.toks[k].low {
			return true
		}
	}
	return false
}
