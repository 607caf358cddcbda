// The extractive answerer's reading of a question: its focus terms, the
// forms they may take in an article, and the kind of answer it asks for.

package answer

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// kindTerm stands in the question's terms for the answer it asks for (a
// duration, a date, a number): a sentence that holds one covers that part of
// the question.
const kindTerm = "\x00answer"

// questionTerms is what the answerer looks for: the question's focus
// terms with their weights, the ones that name someone or something, and
// the words as the asker wrote them (for the abstention message).
type questionTerms struct {
	weight   map[string]float64
	forms    map[string][]string // other forms of a term that count as it
	total    float64
	entity   map[string]bool // names: capitalised in the question or in the coverage
	entities float64         // total weight of entity terms
	surface  map[string]string
	order    []string
	kind     answerKind
	head     string          // the noun of "which …", stemmed
	all      map[string]bool // every term of the question, phrasing included
}

func analyseQuestion(question string, idf func(string) float64) questionTerms {
	q := questionTerms{
		weight:  map[string]float64{},
		forms:   map[string][]string{},
		entity:  map[string]bool{},
		surface: map[string]string{},
		kind:    kindOf(question),
		head:    headNoun(question),
		all:     map[string]bool{},
	}
	for _, tok := range prose.Tokenize(question) {
		if prose.IsStopword(tok) {
			continue
		}
		t := prose.Stem(tok)
		q.all[t] = true
		if questionFrameWords[t] || phrasingWords[t] {
			continue
		}
		if _, ok := q.weight[t]; ok {
			continue
		}
		q.weight[t] = 1
		q.surface[t] = tok
		q.order = append(q.order, t)
		q.forms[t] = wordForms(tok, t)
		for _, f := range q.forms[t] {
			q.all[f] = true
		}
	}
	if idf != nil {
		var unknown []string
		maxKnown := 1.0
		for _, t := range q.order {
			// A word written in several forms is about as common as its
			// commonest form.
			w := 0.0
			for _, f := range append([]string{t}, q.forms[t]...) {
				if v := idf(f); v > 0 && !math.IsInf(v, 0) && (w == 0 || v < w) {
					w = v
				}
			}
			if !(w > 0) {
				unknown = append(unknown, t)
				continue
			}
			q.weight[t] = w
			maxKnown = math.Max(maxKnown, w)
		}
		for _, t := range unknown {
			q.weight[t] = maxKnown
		}
	}
	// Words capitalised in the question (but not its first), and numbers,
	// name what it is about.
	for i, field := range strings.FieldsFunc(question, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:?!()\"“”", r)
	}) {
		r, _ := utf8.DecodeRuneInString(field)
		if !unicode.IsDigit(r) && (!unicode.IsUpper(r) || i == 0) {
			continue
		}
		for _, t := range prose.Terms(field) {
			q.markEntity(t)
		}
	}
	// A question that asks for a typed answer (a name, a place, a duration,
	// a date or a number) is answered only by a sentence that holds one it
	// does not already give, which matters as much as its most specific word.
	if len(q.order) > 0 && q.kind.typed() {
		heaviest := 0.0
		for _, t := range q.order {
			heaviest = math.Max(heaviest, q.weight[t])
		}
		q.weight[kindTerm] = heaviest
		q.order = append(q.order, kindTerm)
	}
	for _, t := range q.order {
		q.total += q.weight[t]
	}
	return q
}

func (q *questionTerms) markEntity(t string) {
	if _, ok := q.weight[t]; ok && !q.entity[t] {
		q.entity[t] = true
		q.entities += q.weight[t]
	}
}

// learnFromPassages fits the question to the passages found: a question
// word the passages hold only in a spelling one letter away counts as that
// spelling ("zelensky"), and a word the passages write as a name
// (capitalised inside sentences) is a name.
func (q *questionTerms) learnFromPassages(hits []rag.Hit, passageTerms []map[string]bool) {
	capital, lower := map[string]int{}, map[string]int{}
	for _, h := range hits {
		for _, sp := range prose.SentenceSpans(h.Text) {
			for i, field := range strings.Fields(h.Text[sp[0]:sp[1]]) {
				r, _ := utf8.DecodeRuneInString(strings.TrimLeft(field, "\"“‘'("))
				for _, t := range prose.Terms(field) {
					if _, asked := q.weight[t]; !asked {
						continue
					}
					switch {
					case unicode.IsUpper(r) && i > 0:
						capital[t]++
					case unicode.IsLower(r):
						lower[t]++
					}
				}
			}
		}
	}
	for _, t := range q.order {
		if capital[t] > 0 && capital[t] >= lower[t] {
			q.markEntity(t)
		}
	}
	for _, t := range q.order {
		if t == kindTerm || len(t) < 5 {
			continue
		}
		found := false
		for _, pt := range passageTerms {
			if q.holds(pt, t) {
				found = true
				break
			}
		}
		if found {
			continue
		}
		near := map[string]bool{}
		for _, pt := range passageTerms {
			for p := range pt {
				if !near[p] && nearSpelling(t, p) {
					near[p] = true
					q.forms[t] = append(q.forms[t], p)
					q.all[p] = true
				}
			}
		}
	}
}

// holds reports whether a text with the given terms holds question term t.
func (q questionTerms) holds(terms map[string]bool, t string) bool {
	if terms[t] {
		return true
	}
	for _, f := range q.forms[t] {
		if terms[f] {
			return true
		}
	}
	return false
}
