package answer

import (
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// finiteAuxiliaries are the auxiliaries and modals that may follow a
// demonstrative used as a pronoun ("This is…", "That could…"). A closed
// class.
var finiteAuxiliaries = wordSet(`is was are were has have had will would can could may might must should does did`)

// withReasonNeighbours adds to a "why" answer the sentence next to the best
// one that holds the reason when the best one only states what is asked
// about: a sentence whose subject is a demonstrative pronoun ("This puts
// every other republic at risk") has its cause in the sentence before, and
// a sentence followed by one that carries on with a pronoun for its subject
// ("In a post…, he said “there was no reason…”") and gives a reason gets
// that one too.
func withReasonNeighbours(q questionTerms, hits []rag.Hit, chosen []scoredSentence) []scoredSentence {
	if q.kind != kindReason || len(chosen) == 0 || isHeadline(hits, chosen[0]) {
		return chosen
	}
	best := chosen[0]
	sents := hitSentences(hits[best.hit])
	has := func(idx int) bool {
		for _, c := range chosen {
			if c.hit == best.hit && c.idx == idx {
				return true
			}
		}
		return false
	}
	neighbour := func(idx int) scoredSentence {
		return scoredSentence{text: sents[idx], hit: best.hit, idx: idx, terms: termSet(sents[idx]), carries: true}
	}
	if demonstrativeSubject(best.text) {
		prev := best.idx - 1
		opensPassage := prev < 0 || isHeadline(hits, scoredSentence{hit: best.hit, idx: prev})
		if !opensPassage && !has(prev) {
			return append([]scoredSentence{neighbour(prev)}, chosen...)
		}
		if p, ok := sentenceBefore(hits, best); opensPassage && ok && !holdsText(chosen, p.text) {
			return append([]scoredSentence{p}, chosen...)
		}
	}
	next := best.idx + 1
	if next < len(sents) && !has(next) && pronounSubjectAfterPhrase(sents[next]) && givesReason(sents[next]) {
		out := append([]scoredSentence{best, neighbour(next)}, chosen[1:]...)
		return out
	}
	return chosen
}

// withExplanation adds to a "why" answer none of whose sentences gives a
// reason the sentence that follows its first body sentence: such an
// answer states what is asked about ("the UK government is finally
// pushing back"), and news and analysis set the explanation of a claim
// right after it ("Abandoning our promises to Ukraine is a red line…").
// A question that follows is no explanation.
func withExplanation(hits []rag.Hit, chosen []scoredSentence, kind answerKind) []scoredSentence {
	if kind != kindReason {
		return chosen
	}
	for _, c := range chosen {
		if givesReason(c.text) {
			return chosen
		}
	}
	for i, c := range chosen {
		if isHeadline(hits, c) {
			continue
		}
		n, ok := sentenceAfter(hits, c)
		if !ok || asks(n.text) || holdsText(chosen, n.text) {
			return chosen
		}
		return slices.Insert(slices.Clone(chosen), i+1, n)
	}
	return chosen
}

// demonstrativeSubject reports whether a sentence's subject is a
// demonstrative standing alone as a pronoun: after any connectives, "this",
// "that", "these" or "those" followed by a finite verb (a form in -ed, or
// in -s after "this" or "that", that WordNet knows as a verb, or an
// auxiliary), not by a noun ("This week…", "Those shelves…").
func demonstrativeSubject(sentence string) bool {
	words := phraseWords(sentence)
	i := subjectStart(words)
	if i+1 >= len(words) {
		return false
	}
	w, _ := bareWord(words[i])
	d := strings.ToLower(w)
	if !demonstratives[d] {
		return false
	}
	v, _ := bareWord(words[i+1])
	v = strings.ToLower(v)
	if finiteAuxiliaries[v] {
		return true
	}
	// Agreement tells the verb from a noun: "this puts" can only be a
	// pronoun and its verb, "those shelves" only a noun phrase.
	singular := d == "this" || d == "that"
	return (strings.HasSuffix(v, "ed") || singular && strings.HasSuffix(v, "s")) && lexicon.IsVerb(v)
}

// pronounSubjectAfterPhrase reports whether a sentence's subject is a
// personal pronoun, at its start or after an opening phrase set off by a
// comma ("In a post on his platform, he said…").
func pronounSubjectAfterPhrase(sentence string) bool {
	s := strings.TrimSpace(sentence)
	if i := strings.Index(s, ","); i >= 0 && i < len(s)/2 {
		if words := phraseWords(s[i+1:]); len(words) > 0 {
			w, _ := bareWord(words[0])
			if subjectPronouns[strings.ToLower(w)] {
				return true
			}
		}
	}
	words := phraseWords(s)
	i := subjectStart(words)
	if i >= len(words) {
		return false
	}
	w, _ := bareWord(words[i])
	return subjectPronouns[strings.ToLower(w)]
}

// sentenceBefore is the sentence before c, the first sentence of its
// passage, in the passage before it in its article, when retrieval found
// that one: a passage may begin in mid-paragraph, and passages overlap, so
// c may end the passage before too.
func sentenceBefore(hits []rag.Hit, c scoredSentence) (scoredSentence, bool) {
	h := hits[c.hit]
	for i, o := range hits {
		if o.ArticleID != h.ArticleID || o.Pos != h.Pos-1 {
			continue
		}
		sents := hitSentences(o)
		k := len(sents)
		for j, s := range sents {
			if s == c.text {
				k = j
			}
		}
		k--
		if k < 0 || isHeadline(hits, scoredSentence{hit: i, idx: k}) {
			return scoredSentence{}, false
		}
		return scoredSentence{text: sents[k], hit: i, idx: k, terms: termSet(sents[k]), carries: true}, true
	}
	return scoredSentence{}, false
}

// sentenceAfter is the sentence after c: the next of its passage, or,
// when c ends its passage, the one after it in the next passage of its
// article, when retrieval found that one (passages overlap, so c may be
// in that one too).
func sentenceAfter(hits []rag.Hit, c scoredSentence) (scoredSentence, bool) {
	if sents := hitSentences(hits[c.hit]); c.idx+1 < len(sents) {
		return scoredSentence{text: sents[c.idx+1], hit: c.hit, idx: c.idx + 1, terms: termSet(sents[c.idx+1]), carries: true}, true
	}
	h := hits[c.hit]
	for i, o := range hits {
		if o.ArticleID != h.ArticleID || o.Pos != h.Pos+1 {
			continue
		}
		sents := hitSentences(o)
		k := 0
		for j, s := range sents {
			if s == c.text {
				k = j + 1
			}
		}
		for k < len(sents) && isHeadline(hits, scoredSentence{hit: i, idx: k}) {
			k++
		}
		if k >= len(sents) {
			return scoredSentence{}, false
		}
		return scoredSentence{text: sents[k], hit: i, idx: k, terms: termSet(sents[k]), carries: true}, true
	}
	return scoredSentence{}, false
}

func holdsText(chosen []scoredSentence, text string) bool {
	for _, c := range chosen {
		if c.text == text {
			return true
		}
	}
	return false
}

// reasonSubject is the subject of a "why" question asked with an
// auxiliary, stemmed. After the auxiliary, the subject and the verb run
// to the first function word or adverb in -ly (determiners set aside):
// when a function word ends the run, its last word is the verb if it can
// be one ("why would joining NATO matter so much": joining, NATO); when an
// adverb or an auxiliary ends it, the verb comes after, and the run is the
// subject ("why is the UK finally pushing back": UK; "why has Starmer been
// trying": Starmer). It is nil for any other question, and for a run that
// ends the question, whose verb cannot be told from its subject.
func reasonSubject(question string) []string {
	toks := prose.Tokenize(question)
	if len(toks) < 4 || toks[0] != "why" || !finiteAuxiliary[toks[1]] {
		return nil
	}
	var run, words []string // stemmed, as written
	for _, tok := range toks[2:] {
		if determiners[tok] || possessiveDeterminers[tok] {
			continue // "joining the alliance"
		}
		if strings.HasSuffix(tok, "ly") && len(run) > 0 {
			return run
		}
		if prose.IsStopword(tok) || functionPreposition(tok) {
			switch {
			case len(run) == 0:
				return nil
			case finiteAuxiliary[tok] || tok == "been" || tok == "being":
				return run
			case len(run) > 1 && lexicon.IsVerb(words[len(words)-1]):
				return run[:len(run)-1]
			}
			return nil
		}
		run, words = append(run, prose.Stem(tok)), append(words, tok)
	}
	return nil
}

// opensWith reports whether a sentence's first words, after any stop
// words and with determiners set aside, are the question's subject: the sentence says something of what
// the question asks about ("Joining NATO … would be the ultimate security
// guarantee" for "why would joining NATO matter"), where one that names it
// further on says something of something else ("Ukraine is still on a path
// to joining NATO").
func (q questionTerms) opensWith(sentence string, subject []string) bool {
	if len(subject) == 0 {
		return false
	}
	var words []string
	for _, tok := range prose.Tokenize(sentence) {
		if len(words) == 0 && prose.IsStopword(tok) || determiners[tok] || possessiveDeterminers[tok] {
			continue
		}
		words = append(words, prose.Stem(tok))
		if len(words) == len(subject) {
			break
		}
	}
	if len(words) < len(subject) {
		return false
	}
	for i, t := range subject {
		if !q.holds(map[string]bool{words[i]: true}, t) {
			return false
		}
	}
	return true
}
