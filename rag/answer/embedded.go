package answer

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// directQuestion turns a question asked inside a frame ("do you know why
// bolton met zelenskyy", "is it true that starmer met putin", "any idea
// where they met") into the direct question it embeds ("why did bolton
// meet zelenskyy", "did starmer meet putin"), so that the rules that read a
// question's doer and its verb read it. A dependent interrogative clause
// keeps the order of a statement, subject before its verb, and a yes-no
// question is embedded after "if", "whether" or "that" (Quirk et al. 1985,
// ch. 15); the direct question puts the operator ("did", "was", "will")
// before the subject. The frame is a verb of knowing or telling (WordNet's
// verb.cognition and verb.communication: know, wonder, tell), a noun of
// cognition ("any idea"), or an adjective of truth or certainty ("is it
// true"). A question that is not framed so is returned as it is, and so is
// one whose clause asks through "what", "who", "which" or "how many", whose
// subject cannot be told from the phrase that asks.
func directQuestion(question string) string {
	if len(prose.SentenceSpans(question)) > 1 {
		return question // a scene set before the question: its clauses are no frame
	}
	words := strings.Fields(question)
	for i := 1; i < len(words)-1 && i <= maxFrameWords; i++ {
		w, _ := bareWord(strings.ToLower(words[i]))
		if !subordinators[w] && !(truthAdjectives[w] && i+1 < len(words)) {
			continue
		}
		if !framed(words[:i+1], w) {
			return question
		}
		clause := words[i+1:]
		wh := ""
		switch {
		case truthAdjectives[w]:
			if c, _ := bareWord(strings.ToLower(clause[0])); c == "that" {
				clause = clause[1:]
			}
		case w == "how":
			if next, _ := bareWord(strings.ToLower(clause[0])); measureWords[next] {
				return question // "how long the meeting lasted": the subject is not found by order alone
			}
			wh = words[i]
		case w != "if" && w != "whether" && w != "that":
			wh = words[i]
		}
		if direct, ok := invert(clause); ok {
			if wh != "" {
				return wh + " " + direct
			}
			return direct
		}
		return question
	}
	return question
}

// maxFrameWords is how far into a question its frame may run ("could you
// please tell me if…"); a subordinator further on is the question's own.
const maxFrameWords = 6

// subordinators open an embedded question: the wh-adverbs, whose phrase
// is one word, and the conjunctions of a yes-no question.
var subordinators = wordSet(`when where why how if whether`)

// truthAdjectives frame a statement asked about: "is it true (that) …",
// "are you sure …".
var truthAdjectives = wordSet(`true sure certain`)

// measureWords make "how" the start of a longer phrase ("how long", "how
// many troops").
var measureWords = wordSet(`long many much soon old far big often large high`)

// framed reports whether the words before a subordinator (it among them,
// last) are a frame that asks: no wh-word of their own, and a verb of
// knowing or telling, a noun of cognition or an adjective of truth just
// before the subordinator, an object pronoun between ("tell me when").
func framed(before []string, sub string) bool {
	for _, w := range before[:len(before)-1] {
		b, _ := bareWord(strings.ToLower(w))
		if whWords[b] {
			return false
		}
	}
	if truthAdjectives[sub] {
		return true
	}
	for j := len(before) - 2; j >= 0; j-- {
		b, _ := bareWord(strings.ToLower(before[j]))
		if toldPronouns[b] {
			continue
		}
		for _, f := range lexicon.LexFiles(b, 'v') {
			if f == "verb.cognition" || f == "verb.communication" {
				return true
			}
		}
		return lexicon.FirstFile(b, 'n') == "noun.cognition"
	}
	return false
}

// toldPronouns stand between a verb of telling and what it tells.
var toldPronouns = wordSet(`me us you him her them anyone anybody someone somebody`)

// invert puts a clause in the order of a direct question: its operator
// before its subject ("bolton met zelenskyy" → "did bolton meet
// zelenskyy", "they were in rome" → "were they in rome"). The operator is
// the first auxiliary, or the first inflected verb (not after a
// determiner, where it would be a noun: "the talks"), read as "did" or
// "does" before its base form; an -s form counts only when no auxiliary or
// past form follows, for it is then a plural noun of the subject ("the
// ferry crews walked out"). ok is false when the clause has no subject
// before such a verb.
func invert(clause []string) (string, bool) {
	sForm := -1
	for k := 1; k < len(clause); k++ {
		w, _ := bareWord(strings.ToLower(clause[k]))
		prev, _ := bareWord(strings.ToLower(clause[k-1]))
		if definiteDeterminers[prev] || prev == "a" || prev == "an" {
			continue
		}
		if finiteAuxiliaries[w] || w == "am" {
			return operatorFirst(clause[k], clause[:k], "", clause[k+1:]), true
		}
		base := lexicon.Base(w)
		if base == w || !lexicon.IsVerb(w) || strings.HasSuffix(w, "ing") {
			continue
		}
		if w == base+"s" || w == base+"es" {
			if sForm < 0 {
				sForm = k
			}
			continue
		}
		return operatorFirst("did", clause[:k], base, clause[k+1:]), true
	}
	if sForm < 0 {
		return "", false
	}
	w, _ := bareWord(strings.ToLower(clause[sForm]))
	return operatorFirst("does", clause[:sForm], lexicon.Base(w), clause[sForm+1:]), true
}

// operatorFirst writes an operator, a subject, a verb (or nothing) and the
// rest of a clause as one question.
func operatorFirst(op string, subject []string, verb string, rest []string) string {
	parts := append([]string{op}, subject...)
	if verb != "" {
		parts = append(parts, verb)
	}
	return strings.Join(append(parts, rest...), " ")
}
