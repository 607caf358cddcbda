package answer

import (
	"regexp"
	"strings"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// howMeasure is "how" and the adjective that names what a figure question
// measures ("how big a share", "how large", "how tall", "how high").
var howMeasure = regexp.MustCompile(`(?i)\bhow\s+([a-z]+)\b`)

// dimensionUnits map the English adjectives of length and weight that
// news uses only of things (a closed class) to the units a figure of that
// dimension is given in: "how tall" is answered by "18 inches", not by "12
// plants"; and "old" to an age in the forms news gives one. "How high",
// "how far", "how deep" and "how low" are left out: "how high did
// inflation go" and "how far did shares fall" are answered by a rate.
var dimensionUnits = func() map[string]*regexp.Regexp {
	length := regexp.MustCompile(`(?i)\d[\d,.]*\s*-?\s*(?:mm|cm|km|ft|millimet(?:re|er)s?|centimet(?:re|er)s?|met(?:re|er)s?|kilomet(?:re|er)s?|inch(?:es)?|foot|feet|yards?|miles?)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?:inch(?:es)?|foot|feet|yards?|miles?|met(?:re|er)s?)\b`)
	mass := regexp.MustCompile(`(?i)\d[\d,.]*\s*-?\s*(?:g|kg|lbs?|grams?|kilograms?|pounds?|ounces?|tons?|tonnes?)\b`)
	m := map[string]*regexp.Regexp{}
	for _, w := range strings.Fields(`tall wide narrow thick`) {
		m[w] = length
	}
	m["heavy"] = mass
	// An age, as news writes one: "88-year-old", "aged 88", "88 years
	// old", "at 88" (not a clock's "at 12:28"), or set off after the name
	// ("Francis, 88, …").
	m["old"] = regexp.MustCompile(`(?i)\b\d{1,3}-year-old\b|\baged?\s+(?:of\s+)?\d{1,3}\b|\b\d{1,3}\s+years?\s+old\b|\bat\s+\d{1,3}(?:[\s,;]|\.(?:\s|$)|$)|,\s*\d{1,3}\s*,`)
	return m
}()

// asksDimension gives, for a question that asks "how" and an adjective of
// length or weight ("how tall", "how wide", "how heavy"), the form of a
// figure that answers it, or nil.
func asksDimension(question string) *regexp.Regexp {
	m := howMeasure.FindStringSubmatch(question)
	if m == nil {
		return nil
	}
	return dimensionUnits[strings.ToLower(m[1])]
}

// dropMeasureAdjective takes the adjective after "how" out of a figure
// question's focus: "big" in "how big a share…" asks for a size, as "many"
// does for a count, and the figure that answers ("half its mineral
// wealth") does not repeat it.
func (q *questionTerms) dropMeasureAdjective(question string) {
	if q.kind != kindNumber {
		return
	}
	m := howMeasure.FindStringSubmatch(question)
	if m == nil {
		return
	}
	q.dropFocus(prose.Stem(m[1]))
}

// dropFocus takes a word that is not a name out of the question's focus,
// once its weight is counted in the total.
func (q *questionTerms) dropFocus(t string) {
	w, ok := q.weight[t]
	if !ok || t == kindTerm || q.entity[t] {
		return
	}
	q.dropTerm(t)
	q.total -= w
}

// howManyNoun is the noun "how many" counts, read up to the auxiliary that
// opens the question's clause: "calories" in "how many calories are in a
// serving", "republics" in "how many former Soviet republics did…". The
// auxiliaries are the closed class of English primary and modal
// auxiliaries.
// A noun phrase with "of" counts its head ("members" in "how many members
// of Congress were…").
var howManyNoun = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:[a-z-]+\s+){0,3}?([a-z-]+)(?:\s+of\s+(?:[a-z-]+\s+){0,3}?)?\s*\b(?:are|is|was|were|did|do|does|have|has|had|will|would|could|can|should|may|might|must)\b`)

// howManySubject is the noun "how many" counts when it is the subject of
// the question's verb, which follows it in a past form: "homes" in "how
// many homes burned down".
var howManySubject = regexp.MustCompile(`(?i)\bhow\s+many\s+([a-z-]+)\s+[a-z]+ed\b`)

// numberOfNoun is the noun "the number of" counts ("people" in "number of
// people at the funeral?").
var numberOfNoun = regexp.MustCompile(`(?i)\bnumber\s+of\s+([a-z-]+)`)

// countedTerm is the term of the noun a "how many" question counts, or ""
// when the question names none before its auxiliary.
func countedTerm(question string) string {
	if noun, _ := askedNoun(question); noun == "number" {
		m := numberOfNoun.FindStringSubmatch(question)
		if m == nil || prose.IsStopword(strings.ToLower(m[1])) {
			return ""
		}
		return prose.Stem(strings.ToLower(m[1]))
	}
	m := howManyNoun.FindStringSubmatch(question)
	if m == nil {
		// "how many homes burned": the noun is the subject, and the
		// verb follows it.
		m = howManySubject.FindStringSubmatch(question)
	}
	if m == nil || prose.IsStopword(strings.ToLower(m[1])) {
		return "" // "how many of them are…" names no noun
	}
	return prose.Stem(strings.ToLower(m[1]))
}
