package answer

import (
	"regexp"
	"strings"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// glossKinds are the nouns with which English grammars gloss the
// wh-adverbs and "how" + adjective ("when" is "at what time", "where" "at
// what place", "why" "for what reason", "how long" "for what length of
// time", "how many" "what number of"; Quirk et al. 1985, ch. 11, on
// wh-questions), beside the time and place nouns of kindHeads. Asked for
// through one of them, a question asks what the wh-word would.
var glossKinds = map[string]answerKind{
	"length": kindDuration, "duration": kindDuration,
	"number": kindNumber, "amount": kindNumber,
	"reason": kindReason, "cause": kindReason,
}

// askedNoun is the noun through which a question asks for its answer, with
// the kind of answer it asks for, when the question has no wh-word to say
// so: a verbless question, as people type a search ("length of the
// meeting?", "date of the call?", "trump zelensky meeting location?", the
// noun opening it before "of" or "for", or closing it), or a copular one
// ("what was the venue for the talks", the noun after "what is the"). Only
// the nouns of time and place that kindHeads lists and the glosses of the
// wh-words (glossKinds) count; "" when there is none.
func askedNoun(question string) (string, answerKind) {
	words := phraseWords(strings.ToLower(question))
	if len(words) == 0 {
		return "", kindAny
	}
	bare := make([]string, len(words))
	for i, w := range words {
		bare[i], _ = bareWord(strings.ReplaceAll(w, "’", "'"))
	}
	kind := func(w string) answerKind {
		if k, ok := glossKinds[w]; ok {
			return k
		}
		if k := kindHeads[w]; k == kindDate || k == kindPlace {
			return k
		}
		return kindAny
	}
	// "what is the N …", "what's the N …"
	if len(bare) > 3 && (bare[0] == "what's" || bare[0] == "whats") && bare[1] == "the" {
		bare = append([]string{"what", "is"}, bare[1:]...)
	}
	if len(bare) > 3 && bare[0] == "what" && copulas[bare[1]] && bare[2] == "the" {
		if k := kind(bare[3]); k != kindAny {
			return bare[3], k
		}
		return "", kindAny
	}
	if !verbless(bare) {
		return "", kindAny
	}
	first := 0
	if bare[0] == "the" {
		first = 1
	}
	if first+1 < len(bare) && (bare[first+1] == "of" || bare[first+1] == "for") {
		if k := kind(bare[first]); k != kindAny {
			return bare[first], k
		}
	}
	last := bare[len(bare)-1]
	if k := kind(last); k != kindAny && len(bare) > 1 {
		return last, k
	}
	return "", kindAny
}

// copulas are the forms of "be" of a copular wh-question.
var copulas = wordSet(`is was are were`)

// verbless reports whether a question opens with neither a wh-word nor an
// auxiliary (the closed classes that open English interrogatives), so
// that it reads as a noun phrase.
func verbless(words []string) bool {
	if len(words) == 0 {
		return false
	}
	w := words[0]
	if whWords[w] || yesNoPattern.MatchString(w) || strings.HasPrefix(w, "how") {
		return false
	}
	for _, x := range words {
		if whWords[x] {
			return false // "any idea where …": a wh-word asks
		}
	}
	return true
}

// whWords are the English wh-words, spelt out or contracted as people type
// them.
var whWords = wordSet(`what whats what's which who whos who's whom whose when whens when's where wheres where's why how hows how's`)

// dropAskedNoun takes the noun a question asks through out of its focus:
// "length" in "length of the meeting?" is what "how long" asks, and the
// sentence that answers ("the meeting lasted for around 15 minutes") need
// not repeat it.
func (q *questionTerms) dropAskedNoun(question string) {
	noun, k := askedNoun(question)
	if k == kindAny || k != q.kind {
		return
	}
	q.dropFocus(prose.Stem(noun))
}

// embeddedSaid is "what X said" inside a question that asks it of someone
// ("do you know what X said after the talks", "tell me what X told Y"):
// an embedded wh-clause keeps the order of a statement, subject before
// verb, with no auxiliary before the subject (Quirk et al. 1985, ch. 15,
// on dependent wh-interrogative clauses).
var embeddedSaid = regexp.MustCompile(`(?i)\S.*?\bwhat\s+((?:[a-z’'-]+\s+){0,5}?[a-z’'-]+)\s+(said|says|warned|warns|wrote|writes|told|tells|posted|posts|claimed|claims|tweeted|tweets|announced|announces|argued|argues|added|adds|replied|replies|predicted|predicts)\b`)

// saysWhat finds what a "what did X say" question asks of a speaker,
// asked directly or in an embedded clause: the start and end of X, and the
// end of the verb of saying; nil when the question asks no such thing. In
// an embedded clause X is no auxiliary ("what was said" names no one).
func saysWhat(question string) []int {
	if m := saidPattern.FindStringSubmatchIndex(question); m != nil {
		return []int{m[4], m[5], m[1]}
	}
	m := embeddedSaid.FindStringSubmatchIndex(question)
	if m == nil {
		return nil
	}
	first := strings.ToLower(strings.Fields(question[m[2]:m[3]])[0])
	if finiteAuxiliaries[first] || first == "been" || first == "being" {
		return nil
	}
	return []int{m[2], m[3], m[1]}
}
