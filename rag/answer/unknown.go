// What the coverage says is not known: "We do not know what the two
// presidents said", "It is unclear how Moscow will respond".

package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

var (
	// embeddedWh opens the dependent interrogative clause that says what is
	// not known: the wh-words and the two subordinators of yes-no questions
	// (Quirk et al. 1985, §15.5).
	embeddedWh = wordSet(`what who whom whose which when where why how whether if`)
	// negation is the negative of a clause: "not", its contraction, and
	// the negative pronouns that make a clause negative as subjects.
	negation = regexp.MustCompile(`(?i)\b(not|never|no one|nobody|none)\b|n[’']t\b`)
	// negativeKnown are the adjectives that say a thing is not known, the
	// negative-prefix forms of "clear" and "known".
	negativeKnown = wordSet(`unclear unknown`)
)

// unknownReach bounds the words between a negated verb of knowing and the
// wh-word that opens what is not known ("we don't yet know what…").
const unknownReach = 3

// notKnown reads a sentence that says something is not known: a negated
// verb WordNet files under verb.cognition by its first sense ("we do not
// know", "nobody understands"), or "unclear"/"unknown", followed within
// unknownReach words by a wh-word or "whether"/"if" that opens the clause
// saying what. It returns that clause, up to the first comma, semicolon,
// colon or dash, and whether the sentence is one.
func notKnown(sentence string) (string, bool) {
	words := phraseWords(sentence)
	for i, w := range words {
		bare, _ := bareWord(w)
		low := strings.ToLower(bare)
		knowing := negativeKnown[low]
		if !knowing {
			knowing = lexicon.FirstFile(low, 'v') == "verb.cognition" && lexicon.IsVerb(low) &&
				negation.MatchString(strings.Join(words[max(0, i-unknownReach):i], " "))
		}
		if !knowing {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+unknownReach; j++ {
			wh, _ := bareWord(words[j])
			if embeddedWh[strings.ToLower(wh)] {
				clause := strings.Join(words[j+1:], " ")
				if end := strings.IndexAny(clause, ",;:–—"); end >= 0 {
					clause = clause[:end]
				}
				return clause, true
			}
		}
	}
	return "", false
}

// asksWhetherKnown reports whether a question asks whether something is
// known: it opens with an auxiliary, and the wh-word or "whether"/"if" of
// its clause follows a verb WordNet files under verb.cognition by its
// first sense ("do we know what…", "is it known why…", "does anyone
// understand how…"). Only then is "we do not know" the answer: a direct
// question ("what did they say") asks for what was said.
func asksWhetherKnown(question string) bool {
	words := strings.Fields(strings.ToLower(question))
	if len(words) < 3 {
		return false
	}
	if first, _ := bareWord(words[0]); !auxiliaries[first] {
		return false
	}
	for i := 2; i < len(words)-1 && i <= maxFrameWords; i++ {
		if w, _ := bareWord(words[i]); !embeddedWh[w] {
			continue
		}
		prev, _ := bareWord(words[i-1])
		return lexicon.FirstFile(prev, 'v') == "verb.cognition"
	}
	return false
}

// statesUnknown finds the sentences in which the coverage says that what
// the question asks is not known, the honest answer to it ("what did Hale
// and Pike say to each other" — "We do not know what the two leaders
// said"): sentences that notKnown reads, whose clause of what is not
// known holds a word the question asks with (a content word or a verb of
// saying, not a name), in one of its forms or as a word of another part
// of speech that WordNet relates to it ("response" for "respond"), and
// names nobody the question does not. The words of the question's frame
// ("do we know") are not looked for.
func statesUnknown(q questionTerms, question string, hits []rag.Hit) []scoredSentence {
	var asked []string
	for _, w := range prose.Tokenize(question) {
		t := prose.Stem(w)
		if (prose.IsStopword(w) && !lexicon.IsSaying(w)) || q.entity[t] || questionFrameWords[t] || embeddedWh[w] {
			continue
		}
		asked = append(asked, w)
	}
	var out []scoredSentence
	for hi, h := range hits {
		for si, text := range hitSentences(h) {
			clause, ok := notKnown(text)
			if !ok || namesOthers(q, clause) {
				continue
			}
			if slices.ContainsFunc(prose.Tokenize(clause), func(c string) bool {
				return slices.ContainsFunc(asked, func(w string) bool { return sameWord(w, c) })
			}) {
				out = append(out, scoredSentence{text: text, hit: hi, idx: si, terms: termSet(text)})
			}
		}
	}
	return out
}

// sameWord reports whether two words are one word in other forms: the same
// stem, a base form in common ("said", "says"), a derivation WordNet
// gives, or a synonym in common between a word that is only a verb and
// one that is only a noun ("respond" and "response" are both "reply").
func sameWord(a, b string) bool {
	if prose.Stem(a) == prose.Stem(b) {
		return true
	}
	for _, x := range lexicon.Bases(a) {
		if slices.Contains(lexicon.Bases(b), x) {
			return true
		}
	}
	if slices.Contains(lexicon.Derivations(a), lexicon.Base(b)) || slices.Contains(lexicon.Derivations(b), lexicon.Base(a)) {
		return true
	}
	verbOnly := func(w string) bool { return lexicon.IsVerb(w) && !lexicon.IsNoun(w) }
	nounOnly := func(w string) bool { return lexicon.IsNoun(w) && !lexicon.IsVerb(w) }
	if !(verbOnly(a) && nounOnly(b)) && !(nounOnly(a) && verbOnly(b)) {
		return false
	}
	for _, s := range lexicon.Synonyms(a) {
		if slices.Contains(lexicon.Synonyms(b), s) {
			return true
		}
	}
	return false
}

// namesOthers reports whether a clause names someone or something in
// capitals that the question does not name (a title such as "Mr", no term
// of its own, names nobody).
func namesOthers(q questionTerms, clause string) bool {
	for _, w := range phraseWords(clause) {
		bare, _ := bareWord(w)
		if bare == "" || strings.ToLower(bare[:1]) == bare[:1] {
			continue
		}
		terms := termSet(bare)
		if len(terms) == 0 {
			continue
		}
		named := false
		for t := range terms {
			named = named || q.all[t]
		}
		for t := range q.entity {
			named = named || q.names(terms, t)
		}
		if !named {
			return true
		}
	}
	return false
}
