package answer

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// maxRoleWords is how many words may stand between a body's name and a
// person's ("Cleveland Browns backup quarterback Deshaun Watson").
const maxRoleWords = 3

// affiliation finds, in a sentence, a name written before a role noun that
// is written before one of the given names: news English's premodifying
// affiliation, "Cleveland Browns quarterback Deshaun Watson", "Acme chief
// executive Jo Bloggs". It returns the body's name, "" when there is none.
// The role words are lower case and WordNet can file them under
// noun.person; the body's name is a run of capitalised words that does not
// open the sentence and that the question does not hold.
func affiliation(q questionTerms, sentence string, names map[string]bool) string {
	words := phraseWords(sentence)
	capital := func(i int) bool {
		w, _ := bareWord(words[i])
		return upperInitial(w)
	}
	for n := 1; n < len(words); n++ {
		w, _ := bareWord(words[n])
		if !names[prose.Stem(strings.ToLower(w))] {
			continue
		}
		// The person's name starts a run of capitalised words ("Deshaun
		// Watson"); the role words stand before it.
		i := n
		for i > 0 && capital(i-1) {
			if _, closed := bareWord(words[i-1]); closed {
				break
			}
			i--
		}
		j := i - 1
		for ; j >= 0 && i-j <= maxRoleWords && !capital(j); j-- {
			r, closed := bareWord(words[j])
			low := strings.ToLower(r)
			if closed || prose.IsStopword(low) || !lexicon.CanNamePerson(low) {
				j = -1
				break
			}
		}
		if j < 1 || j == i-1 {
			continue // no role word, or the name opens the sentence
		}
		if _, closed := bareWord(words[j]); closed {
			continue // "…, quarterback Deshaun Watson": the name ends a clause
		}
		k := j
		for k > 0 && capital(k-1) {
			if _, closed := bareWord(words[k-1]); closed {
				break
			}
			k--
		}
		if k == 0 {
			continue // a capitalised word that opens the sentence may be any word
		}
		var body []string
		fresh := false
		for _, x := range words[k : j+1] {
			b, _ := bareWord(x)
			body = append(body, b)
			for _, t := range prose.Terms(b) {
				fresh = fresh || !q.all[t]
			}
		}
		if fresh {
			return strings.Join(body, " ")
		}
	}
	return ""
}

// withAffiliation adds to the answer of a question that asks for a body
// ("which team does X play for", "which company does X run") the best
// sentence that gives the body of one of the people the question asks
// about by premodifying affiliation ("Cleveland Browns quarterback Deshaun
// Watson"), when no chosen sentence does: news names a person's team or
// employer that way, in a sentence that often shares little else with the
// question.
func withAffiliation(q questionTerms, question string, cands, chosen []scoredSentence, limit int) []scoredSentence {
	if q.kind != kindPerson || len(chosen) == 0 || len(chosen) >= limit {
		return chosen
	}
	names := q.coreNames(question)
	if len(names) == 0 {
		return chosen
	}
	for _, c := range chosen {
		if affiliation(q, c.text, names) != "" {
			return chosen
		}
	}
	for _, c := range cands {
		if affiliation(q, c.text, names) != "" {
			return append(chosen, c)
		}
	}
	return chosen
}
