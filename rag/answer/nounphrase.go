// A small grammar of the phrases by which a sentence points back at what
// the sentence before it named: a definite noun phrase ("the wildly popular
// South Korean show", "those supermarket shelves"), a personal pronoun, a
// connective. The answerer uses it to tell when an answer runs across two
// sentences.

package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// Closed classes of English grammar, complete for the purpose.
var (
	// definiteDeterminers: the definite article, the demonstratives and
	// the possessive determiners.
	definiteDeterminers = wordSet(`the this that these those its their his her our`)
	demonstratives      = wordSet(`this that these those`)
	// subjectPronouns: the third-person personal pronouns a sentence opens
	// with when its subject was named before.
	subjectPronouns = wordSet(`he she they it`)
	// openingConnectives: the coordinating conjunctions and the linking
	// adverbs that may stand before a sentence's subject and tie it to the
	// sentence before.
	openingConnectives = wordSet(`and but yet so or nor also however meanwhile instead still then nevertheless moreover furthermore besides`)
)

// maxModifiers bounds the words between a determiner and its head noun.
const maxModifiers = 4

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// nounPhrase is a definite noun phrase found in a sentence.
type nounPhrase struct {
	det   string   // the determiner, lower case
	at    int      // its word's place in the sentence
	heads []string // the nouns that may head it, stemmed as the index stems
	// description: the phrase describes its referent by common nouns
	// ("the company", "this week's decision") rather than naming it ("The
	// White House").
	description bool
}

// phraseWords splits a sentence into words as written, punctuation kept on
// them, opening quotes and brackets removed.
func phraseWords(sentence string) []string {
	var out []string
	for _, f := range strings.Fields(sentence) {
		if f = strings.TrimLeft(f, "\"“‘'(["); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// upperInitial reports whether a word opens with a capital letter.
func upperInitial(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// bareWord is a word without the punctuation around it, and whether
// punctuation after it closes the phrase it is in.
func bareWord(w string) (string, bool) {
	trimmed := strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return trimmed, len(trimmed) < len(w)
}

// definiteNP reads a definite noun phrase starting at words[i]: a definite
// determiner, at most maxModifiers modifiers (any words but function words,
// and not a word that can only be a verb), and a lower-case noun WordNet
// knows as its head. ok is false when words[i] opens none.
func definiteNP(words []string, i int) (np nounPhrase, ok bool) {
	det, closed := bareWord(words[i])
	det = strings.ToLower(det)
	if closed || !definiteDeterminers[det] {
		return np, false
	}
	np = nounPhrase{det: det, at: i, description: det != "the"}
	for j := i + 1; j < len(words) && j <= i+maxModifiers+1; j++ {
		w, closes := bareWord(words[j])
		low := strings.ToLower(w)
		if w == "" || prose.IsStopword(low) {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		lowerCase := unicode.IsLower(r)
		noun := lowerCase && lexicon.IsNoun(low)
		if !noun && lexicon.IsVerb(low) {
			break // "The White House announced": the phrase ended before the verb
		}
		if j == i+1 && lowerCase {
			np.description = true
		}
		if noun {
			np.heads = append(np.heads, prose.Stem(low))
		}
		if closes {
			break
		}
	}
	return np, len(np.heads) > 0
}

// definiteNPs are the definite noun phrases of a sentence, in order.
func definiteNPs(sentence string) []nounPhrase {
	words := phraseWords(sentence)
	var out []nounPhrase
	for i := range words {
		if np, ok := definiteNP(words, i); ok {
			out = append(out, np)
		}
	}
	return out
}

// subjectStart is the place of a sentence's first word after the
// connectives that open it ("But those shelves…" → 1).
func subjectStart(words []string) int {
	i := 0
	for i < len(words) {
		w, _ := bareWord(words[i])
		if !openingConnectives[strings.ToLower(w)] {
			break
		}
		i++
	}
	return i
}

// describesKind reports whether a sentence refers to something by a
// definite description headed by the noun head (stemmed): "the wildly
// popular South Korean show", "this company".
func describesKind(sentence, head string) bool {
	for _, np := range definiteNPs(sentence) {
		for _, h := range np.heads {
			if h == head {
				return true
			}
		}
	}
	return false
}

// pointsBack reports whether a sentence's subject points at what the
// sentence before it named: after any connectives, it opens with a
// demonstrative noun phrase ("those supermarket shelves") or a personal
// pronoun.
func pointsBack(sentence string) bool {
	words := phraseWords(sentence)
	i := subjectStart(words)
	if i >= len(words) {
		return false
	}
	w, _ := bareWord(words[i])
	if subjectPronouns[strings.ToLower(w)] {
		return true
	}
	np, ok := definiteNP(words, i)
	return ok && demonstratives[np.det]
}

// continues reports whether a sentence carries on from the one before it:
// it opens with a connective, a quotation, a personal pronoun or a
// possessive, or a definite description ("The company added…").
func continues(sentence string) bool {
	s := strings.TrimSpace(sentence)
	if strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "“") {
		return true
	}
	words := phraseWords(s)
	if len(words) == 0 {
		return false
	}
	if subjectStart(words) > 0 {
		return true
	}
	w, _ := bareWord(words[0])
	low := strings.ToLower(w)
	if subjectPronouns[low] || (definiteDeterminers[low] && low != "the") {
		return true
	}
	np, ok := definiteNP(words, 0)
	return ok && np.description
}
