// How the extractive answerer turns scored sentences into an answer: a
// headline followed by its body, sentences that carry an answer on, the
// typed answer first, near-duplicates dropped, and what is missing.

package answer

import (
	"math"
	"sort"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// isHeadline reports whether a candidate is its hit's headline.
func isHeadline(hits []rag.Hit, c scoredSentence) bool {
	return c.idx == 0 && strings.TrimSpace(hits[c.hit].Title) != ""
}

// withBodyAfterHeadline follows a headline chosen as the best answer with
// the best sentence of its article's body, if that is not chosen already:
// a headline says what the story is ("Bolton warns over ‘endless
// concessions’"), the body says it in full.
func withBodyAfterHeadline(hits []rag.Hit, cands, chosen []scoredSentence, limit int) []scoredSentence {
	if len(chosen) == 0 || !isHeadline(hits, chosen[0]) {
		return chosen
	}
	article := hits[chosen[0].hit].ArticleID
	for _, c := range chosen[1:] {
		if hits[c.hit].ArticleID == article && !isHeadline(hits, c) {
			return chosen
		}
	}
	for _, c := range cands {
		if hits[c.hit].ArticleID != article || isHeadline(hits, c) {
			continue
		}
		// A body sentence that holds everything the headline matched says
		// it in full on its own; the headline would only repeat it.
		out := append([]scoredSentence{chosen[0], c}, chosen[1:]...)
		if holdsAll(c.covered, chosen[0].covered) {
			out = append([]scoredSentence{c}, chosen[1:]...)
		}
		if len(out) > limit {
			out = out[:limit]
		}
		return out
	}
	return chosen
}

// holdsAll reports whether every term of want is in have.
func holdsAll(have, want map[string]bool) bool {
	for t := range want {
		if !have[t] {
			return false
		}
	}
	return true
}

// withContinuations adds to each chosen sentence the one after it, when the
// answer runs across the two: the chosen sentence refers to the thing asked
// about by its kind ("the wildly popular show") without naming it and the
// next names it, the next is a continuation, or the chosen one lacks the
// typed answer that the next holds.
func withContinuations(q questionTerms, hits []rag.Hit, chosen []scoredSentence) []scoredSentence {
	added := map[string]bool{}
	for _, c := range chosen {
		added[c.text] = true
	}
	var res []scoredSentence
	for _, c := range chosen {
		sents := hitSentences(hits[c.hit])
		// The sentence refers back to the thing asked about, named in the
		// sentence before: by its kind ("The show, which follows the Roy
		// family, leads…"), or, when it holds no answer of its own, by a
		// demonstrative or a pronoun ("But those shelves are now empty").
		carried := false
		if c.idx > 0 && !isHeadline(hits, scoredSentence{hit: c.hit, idx: c.idx - 1}) {
			prev := sents[c.idx-1]
			byKind := q.head != "" && describesKind(c.text, q.head)
			byPointer := q.asksSpan() && !q.kind.newCandidate(c.text, q.all) && pointsBack(c.text)
			if !added[prev] && !strings.HasSuffix(strings.TrimSpace(prev), "?") && (byKind || byPointer) && q.kind.newCandidate(prev, q.all) {
				res = append(res, scoredSentence{text: prev, hit: c.hit, idx: c.idx - 1, terms: termSet(prev), carries: true})
				added[prev] = true
				carried = true
			}
		}
		res = append(res, c)
		if c.idx+1 >= len(sents) {
			continue
		}
		next := sents[c.idx+1]
		if added[next] || isHeadline(hits, c) {
			continue // a headline runs on into no sentence
		}
		lacks := !q.kind.newCandidate(c.text, q.all) && (q.kind.typed() || q.kind == kindName)
		// The sentence names the kind asked about and the next names it,
		// unless the one before did.
		refers := !carried && q.head != "" && c.terms[q.head] && q.kind.newCandidate(next, q.all)
		colon := strings.HasSuffix(strings.TrimSpace(c.text), ":")
		if (lacks && q.kind.newCandidate(next, q.all)) || refers || colon || (q.kind == kindSaid && continues(next)) {
			res = append(res, scoredSentence{text: next, hit: c.hit, idx: c.idx + 1, terms: termSet(next), carries: (lacks || refers) && !colon})
			added[next] = true
		}
	}
	return res
}

// asksSpan reports whether the question is answered by a span: a name, a
// place, a figure, a date, a duration.
func (q questionTerms) asksSpan() bool {
	return q.kind.typed() || q.kind == kindName
}

// asksIdentity reports whether the question asks who someone it names
// is ("Who is John Coale?"): the answer is a description, with no name to
// show in bold.
func (q questionTerms) asksIdentity() bool {
	if q.kind != kindPerson {
		return false
	}
	for _, t := range q.order {
		if t != kindTerm && !q.entity[t] {
			return false
		}
	}
	return true
}

// findSpan is the answer's span: in a sentence added because it names
// what the chosen one refers to, first (where it may open the sentence),
// then in the chosen ones.
func findSpan(q questionTerms, chosen []scoredSentence) string {
	for _, c := range chosen {
		if c.carries {
			if span := answerSpan(q.kind, " "+c.text, q.all); span != "" {
				return span
			}
		}
	}
	for _, c := range chosen {
		if span := answerSpan(q.kind, c.text, q.all); span != "" {
			return span
		}
	}
	return ""
}

// typedFirst keeps, for a question that asks for a typed answer (a name,
// a place, a duration, a date or a number), only the sentences that hold
// one it does not already give, when one of them covers the question's
// words nearly as well as the best sentence: a sentence without one does
// not answer however many of the question's words it shares, but one that
// holds a stray name and little of the question does not answer either.
// Otherwise all are kept, and their coverage decides whether to abstain.
func typedFirst(q questionTerms, cands []scoredSentence) []scoredSentence {
	plain := func(c scoredSentence) float64 {
		if c.covered[kindTerm] {
			return c.coverage - q.weight[kindTerm]/q.total
		}
		return c.coverage
	}
	var typed []scoredSentence
	bestAll, bestTyped := 0.0, 0.0
	for _, c := range cands {
		bestAll = math.Max(bestAll, plain(c))
		if c.covered[kindTerm] {
			typed = append(typed, c)
			bestTyped = math.Max(bestTyped, plain(c))
		}
	}
	if len(typed) == 0 || bestTyped < typedCoverageRatio*bestAll {
		return cands
	}
	return typed
}

// chooseSentences takes the best scoredSentence and those close behind it that say
// something new.
func chooseSentences(q questionTerms, cands []scoredSentence, limit int) []scoredSentence {
	var chosen []scoredSentence
	for _, c := range cands {
		if len(chosen) == limit {
			break
		}
		if len(chosen) > 0 && (c.score < followerScoreRatio*chosen[0].score || c.coverage < followerScoreRatio*chosen[0].coverage) {
			continue
		}
		// Once the best sentence holds a span of the kind asked for, a
		// further sentence must hold one too: a sentence on the topic
		// without it adds nothing but the sentences around it that the
		// answer would then drag in.
		if len(chosen) > 0 && q.asksSpan() && q.kind.newCandidate(chosen[0].text, q.all) && !q.kind.newCandidate(c.text, q.all) {
			continue
		}
		dup := false
		for _, d := range chosen {
			if nearDuplicate(c.terms, d.terms) {
				dup = true
				break
			}
		}
		if !dup {
			chosen = append(chosen, c)
		}
	}
	return chosen
}

// nearDuplicate reports whether two sentences say much the same thing: they
// share most of their terms, or one's terms are nearly all in the other.
func nearDuplicate(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	shared := 0
	for t := range a {
		if b[t] {
			shared++
		}
	}
	union := len(a) + len(b) - shared
	smaller := min(len(a), len(b))
	return float64(shared)/float64(union) >= nearDuplicateJaccard || float64(shared) >= 0.8*float64(smaller)
}

// answerCoverage is the share of the question's weight that the chosen
// sentences hold, counting a term that is only elsewhere in a chosen
// sentence's article at contextCredit.
func answerCoverage(q questionTerms, chosen []scoredSentence, context func(scoredSentence) map[string]bool) float64 {
	// The typed answer weighs in the ranking, not here: a sentence that
	// holds a name and one word of the question has not covered it.
	var got, total float64
	for _, t := range q.order {
		if t == kindTerm {
			continue
		}
		total += q.weight[t]
		credit := 0.0
		for _, c := range chosen {
			if c.covered[t] {
				credit = 1
				break
			}
			if q.holds(context(c), t) {
				credit = contextCredit
			}
		}
		got += credit * q.weight[t]
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// missingNames lists the question's names that no passage holds: the
// coverage lacks the question's focus.
func missingNames(q questionTerms, passageTerms []map[string]bool) []string {
	var out []string
	for _, w := range missingWords(q, passageTerms) {
		t := prose.Stem(w)
		if q.entity[t] && len(t) > 2 {
			out = append(out, w)
		}
	}
	return out
}

// missingWords lists the question's words, as the asker wrote them, that no
// passage holds, heaviest first.
func missingWords(q questionTerms, passageTerms []map[string]bool) []string {
	var missing []string
	for _, t := range q.order {
		if t == kindTerm {
			continue
		}
		found := false
		for _, pt := range passageTerms {
			if q.names(pt, t) || q.namesCountry(pt, t) || (q.entity[t] && namesByDerivation(pt, q.surface[t])) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, t)
		}
	}
	sort.SliceStable(missing, func(i, j int) bool { return q.weight[missing[i]] > q.weight[missing[j]] })
	words := make([]string, len(missing))
	for i, t := range missing {
		words[i] = q.surface[t]
	}
	return words
}

// asks reports whether a sentence is a question: it ends with a question
// mark that is its own, not one of a quotation it reports ("He added:
// “…through ‘Banking’ or ‘Secondary Sanctions?’”"). A sentence that is
// all quotation asks what the quotation asks.
func asks(sentence string) bool {
	s := strings.TrimSpace(sentence)
	body := strings.TrimRight(s, "\"'”’)")
	if !strings.HasSuffix(body, "?") {
		return false
	}
	if len(body) == len(s) {
		return true // no quotation closes after the mark
	}
	return strings.IndexAny(s, "\"“‘'") == 0
}

// antecedentCredit is how much of a name's weight a sentence that refers
// back to it by a pronoun or a demonstrative gets.
const antecedentCredit = 0.5

// antecedentTerms are the terms of the two sentences before sentence si
// (the headline among them), when si opens by pointing back at what they
// name ("He added…", "Those shelves…"); nil otherwise.
func antecedentTerms(sents []string, si int) map[string]bool {
	if si == 0 || !pointsBack(sents[si]) {
		return nil
	}
	out := map[string]bool{}
	for i := si - 1; i >= 0 && i >= si-2; i-- {
		for t := range termSet(sents[i]) {
			out[t] = true
		}
	}
	return out
}

// withLead puts an article's lead first when an open question ("tell me
// about the starmer zelenskyy call") is answered by other sentences: news
// writes a story's main fact in its first sentence, and a sentence chosen
// for the question's words may tell only a part. Of the leads among the
// candidates that hold every name the question requires, the one that
// covers most of the question comes first, when the answer has room for
// it.
func withLead(q questionTerms, hits []rag.Hit, cands, chosen []scoredSentence, required map[string]bool, limit int) []scoredSentence {
	if q.kind != kindAny || len(chosen) == 0 || len(chosen) >= limit || len(required) == 0 {
		return chosen // a lead never pushes out a sentence chosen for the question
	}
	lead := func(c scoredSentence) bool { return hits[c.hit].Pos == 0 && c.idx == 1 }
	for _, c := range chosen {
		if lead(c) {
			return chosen
		}
	}
	best := -1
next:
	for k, c := range cands {
		if !lead(c) {
			continue
		}
		for t := range required {
			if !q.names(c.terms, t) {
				continue next
			}
		}
		if best < 0 || c.coverage > cands[best].coverage {
			best = k
		}
	}
	if best < 0 {
		return chosen
	}
	return append([]scoredSentence{cands[best]}, chosen...)
}
