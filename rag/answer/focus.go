// The extractive answerer's reading of a question: its focus terms, the
// forms they may take in an article, and the kind of answer it asks for.

package answer

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/lexicon"
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
	// aliases are other parts of a name the question uses ("keir" for
	// "starmer"): they say a text names the person, not that it answers.
	aliases map[string][]string
	// unseen are the focus terms the whole coverage never uses (as far as
	// the index's IDF knows; all of them when there is no IDF).
	unseen map[string]bool
	// ordered are the terms the question puts before or after an event
	// ("after the funeral"), with the prepositions that do.
	ordered map[string]map[string]bool
	// determined are the short words that head a noun phrase opened by a
	// determiner ("the new gta"): a noun, where a short word elsewhere is
	// as likely chat shorthand ("rn", "pls").
	determined map[string]bool
	// country holds, for a term that names a country, the terms of the
	// other ways of writing it ("us" and "america" for "american"). They
	// say a text names the country; in a sentence's coverage they count
	// countryCredit, for "ambassador to Russia" does not describe "the
	// russian president" as "the Russian president" does.
	country map[string][]string
	// described are the person nouns that head a determined noun phrase
	// of the question ("the ukrainian leader", "the pm"): a description
	// of someone, which the coverage may give by another role (learnRoles).
	described map[string]bool
	// roles holds, for a description's person noun, the passages' nouns
	// for a role it includes ("president" for "leader"; learnRoles).
	roles map[string][]string
	// reasonSubject is the subject of a "why" question (reasonSubject):
	// a sentence that opens with it says something of what is asked about.
	reasonSubject []string
}

func analyseQuestion(question string, idf func(string) float64) questionTerms {
	q := questionTerms{
		weight:     map[string]float64{},
		forms:      map[string][]string{},
		entity:     map[string]bool{},
		surface:    map[string]string{},
		kind:       kindOf(question),
		head:       headNoun(question),
		all:        map[string]bool{},
		unseen:     map[string]bool{},
		aliases:    map[string][]string{},
		ordered:    orderedTerms(question),
		determined: map[string]bool{},
		country:    map[string][]string{},
		described:  map[string]bool{},
	}
	toks := prose.Tokenize(question)
	upper := capitalsWords(question)
	var countries []string // terms that name a country, whatever their case
	for i, tok := range toks {
		if prose.IsStopword(tok) || functionPreposition(tok) {
			continue
		}
		t := prose.Stem(tok)
		if len(tok) < 4 && headsDeterminedPhrase(toks, i) {
			q.determined[t] = true
		}
		if headsDeterminedPhrase(toks, i) && firstPerson(tok) {
			q.described[t] = true
		}
		q.all[t] = true
		if questionFrameWords[t] || phrasingWords[t] || phrasingTypo(tok) || shorthand(tok, t, idf) && !headsDeterminedPhrase(toks, i) {
			continue
		}
		if _, ok := q.weight[t]; ok {
			continue
		}
		q.weight[t] = 1
		q.surface[t] = tok
		q.order = append(q.order, t)
		q.forms[t] = append(wordForms(tok, t), abbreviationForms(toks, i)...)
		if cf, ok := countryForms(toks, i, upper[tok]); ok {
			q.country[t] = cf
			countries = append(countries, t)
		}
		for _, f := range q.forms[t] {
			q.all[f] = true
		}
	}
	phrasal := q.readPhrasalVerbs(question)
	if idf == nil {
		for _, t := range q.order {
			q.unseen[t] = true
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
				q.unseen[t] = true
				continue
			}
			q.weight[t] = w
			maxKnown = math.Max(maxKnown, w)
		}
		for _, t := range unknown {
			q.weight[t] = maxKnown
		}
	}
	for t, alts := range phrasal {
		q.forms[t] = append(q.forms[t], alts...)
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
	// A country is a name, typed in lower case or not ("the chinese
	// president"): a coverage that never names it lacks the question's
	// focus.
	for _, t := range countries {
		q.markEntity(t)
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
	lowerAnywhere := map[string]bool{} // every term the passages write in lower case
	for _, h := range hits {
		for _, sp := range prose.SentenceSpans(h.Text) {
			for i, field := range strings.Fields(h.Text[sp[0]:sp[1]]) {
				r, _ := utf8.DecodeRuneInString(strings.TrimLeft(field, "\"“‘'("))
				for _, t := range prose.Terms(field) {
					if unicode.IsLower(r) {
						lowerAnywhere[t] = true
					}
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
	q.learnNameParts(hits, lowerAnywhere)
	q.learnRoles(passageTerms)
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
				if !near[p] && nearSpelling(t, p) && !otherWord(q.surface[t], p) {
					near[p] = true
					q.forms[t] = append(q.forms[t], p)
					q.all[p] = true
				}
			}
		}
	}
	// A word the coverage never uses, which is not an English word or a
	// typo of one, is a name the coverage lacks ("bitcoin", "melania"),
	// however it was typed. (A word the coverage uses elsewhere, but not in
	// the passages found, may be one retrieval missed.)
	for _, t := range q.order {
		w := q.surface[t]
		if t == kindTerm || q.entity[t] || !q.unseen[t] || (len(w) < 4 && !q.determined[t]) || strings.ContainsAny(w, "0123456789") {
			continue
		}
		found := false
		for _, pt := range passageTerms {
			found = found || q.holds(pt, t)
		}
		if !found && !dictionaryWord(w) {
			q.markEntity(t)
		}
	}
}

// headsDeterminedPhrase reports whether the i-th token ends a noun phrase
// that a determiner opens: a determiner (the closed class of nounphrase.go,
// with the indefinite articles), then at most maxModifiers words that are
// no function words, then the token. What it is, it is as a noun.
func headsDeterminedPhrase(toks []string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-1-maxModifiers; j-- {
		if definiteDeterminers[toks[j]] || toks[j] == "a" || toks[j] == "an" {
			return true
		}
		if prose.IsStopword(toks[j]) {
			return false
		}
	}
	return false
}

// learnNameParts lets the other part of a two-word name stand for the
// name the question uses, when the question is whether a text names the
// person (see names): where the passages write "Sir Keir Starmer" or
// "President Volodymyr Zelenskyy", a sentence that says "Sir Keir" names
// Starmer. A run of capitalised words is a two-word name once the titles
// at its ends are set aside (words the passages also write in lower case,
// such as "president" or "prime minister", and "Mr" or "Sir"); a longer run
// ("Dodgers Vin Scully") may join two names, and teaches nothing. A word
// the passages also write in lower case ("city" of "Mexico City") is not a
// person's name, and gets no other part.
func (q *questionTerms) learnNameParts(hits []rag.Hit, lowerAnywhere map[string]bool) {
	for _, h := range hits {
		for _, sp := range prose.SentenceSpans(h.Text) {
			sentence := h.Text[sp[0]:sp[1]]
			for _, loc := range capitalisedRun.FindAllStringIndex(sentence, -1) {
				var parts []string // "" for a word with no term: "Sir", "of"
				for _, w := range strings.Fields(sentence[loc[0]:loc[1]]) {
					ts := prose.Terms(w)
					if len(ts) > 1 {
						ts = nil
					}
					parts = append(parts, strings.Join(ts, ""))
				}
				title := func(t string) bool { return t == "" || lowerAnywhere[t] || calendarWord(t) }
				for len(parts) > 0 && title(parts[0]) {
					parts = parts[1:]
				}
				for len(parts) > 0 && title(parts[len(parts)-1]) {
					parts = parts[:len(parts)-1]
				}
				if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
					continue // "Bank of England" is one name, but not of two parts
				}
				for _, pair := range [2][2]string{{parts[0], parts[1]}, {parts[1], parts[0]}} {
					name, other := pair[0], pair[1]
					if !q.entity[name] || lowerAnywhere[name] || q.all[other] || slices.Contains(q.aliases[name], other) || len(other) < 3 {
						continue
					}
					q.aliases[name] = append(q.aliases[name], other)
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

// names reports whether a text with the given terms names what question
// term t names: the term, one of its forms, or another part of its name.
func (q questionTerms) names(terms map[string]bool, t string) bool {
	if q.holds(terms, t) {
		return true
	}
	for _, a := range q.aliases[t] {
		if terms[a] {
			return true
		}
	}
	return false
}

// namesCountry reports whether a text with the given terms names the
// country question term t names, in another of its ways. It says whether
// the coverage names what the question names (missingWords, the answer's
// article), not who took part in what: "the former British ambassador to
// Russia" names no Russian, and the relation checks read names alone.
func (q questionTerms) namesCountry(terms map[string]bool, t string) bool {
	return holdsAny(terms, q.country[t])
}

// shorthand reports whether a question word is chat shorthand: written
// in letters without a vowel ("q", "w", "n", "ppl", "rn", "pls"), so no
// English word, and not a term of the coverage either (which keeps an
// acronym typed in lower case, "nhs", "bbc", a focus). English spelling
// gives every word a vowel letter (a, e, i, o, u or y), bar a few
// interjections ("hmm", "shh") no question is about. One that ends a noun
// phrase a determiner opens ("the new vbx ferry") is a noun, an acronym the
// coverage lacks, and stays (analyseQuestion).
func shorthand(tok, term string, idf func(string) float64) bool {
	for _, r := range tok {
		if !unicode.IsLetter(r) || strings.ContainsRune("aeiouy", unicode.ToLower(r)) {
			return false
		}
	}
	return tok != "" && !inCoverage(term, idf)
}

// otherWord reports whether a question word WordNet knows as typed is
// another word than the passage term one letter from it: the term is the
// stem of none of its forms, regular or irregular ("agreed" and
// "designated" are forms of "agree" and "designate"; "Starmer" is no form
// of "starter", and a sourdough starter is no misspelling of him).
func otherWord(word, term string) bool {
	if !known(word) {
		return false
	}
	for _, b := range append([]string{word}, lexicon.Bases(word)...) {
		forms := append([]string{b, b + "s", b + "es", b + "d", b + "ed", b + "ing", strings.TrimSuffix(b, "e") + "ing"}, lexicon.Inflections(b)...)
		for _, f := range forms {
			if prose.Stem(f) == term {
				return false
			}
		}
	}
	return true
}

// phrasingTypo reports whether a word is a phrasing word typed one letter
// off ("actualy", "recenty"): no word WordNet knows, one edit from a
// phrasing word. It is phrasing, not a name the coverage lacks.
func phrasingTypo(w string) bool {
	if known(w) {
		return false
	}
	for p := range phrasingSurface {
		if nearSpelling(w, p) {
			return true
		}
	}
	return false
}

// dictionaryWord reports whether WordNet knows a word (a noun, verb or
// adjective, or an adverb made from an adjective with -ly), or the word is
// one letter dropped, added or swapped from one it knows: a typo of a word
// ("actualy") rather than a name.
func dictionaryWord(w string) bool {
	if known(w) {
		return true
	}
	if len(w) < 5 {
		return false
	}
	for i := 0; i <= len(w); i++ {
		if i < len(w) && known(w[:i]+w[i+1:]) {
			return true
		}
		if i+1 < len(w) && known(w[:i]+string(w[i+1])+string(w[i])+w[i+2:]) {
			return true
		}
		for c := byte('a'); c <= 'z'; c++ {
			if known(w[:i] + string(c) + w[i:]) {
				return true
			}
		}
	}
	return false
}

// known reports whether WordNet's morphology finds a base form for w, or w
// is an -ly adverb of an adjective it knows ("happily", "actually").
func known(w string) bool {
	if len(lexicon.Bases(w)) > 0 {
		return true
	}
	if base, ok := strings.CutSuffix(w, "ly"); ok && len(base) > 2 {
		if strings.HasSuffix(base, "i") && len(lexicon.Bases(base[:len(base)-1]+"y")) > 0 {
			return true
		}
		return len(lexicon.Bases(base)) > 0 || len(lexicon.Bases(base+"le")) > 0
	}
	return false
}

// adjunctPrepositions open a phrase of place or time ("in Rome", "out of
// the basilica", "after the funeral"): a name there sets the scene of what
// is asked rather than taking part in it, so a speaker's words need not
// name it. A closed class: the English prepositions of place and time.
var adjunctPrepositions = map[string]bool{
	"in": true, "at": true, "inside": true, "outside": true, "near": true, "during": true, "before": true,
	"after": true, "since": true, "until": true, "across": true, "around": true, "into": true, "from": true,
	"out": true, "through": true, "throughout": true, "within": true, "beside": true, "behind": true,
}

// nounPhraseGlue are the function words a name's noun phrase may hold
// between the name and the word that governs the phrase: determiners, "and"
// between names, "of", and the possessive.
var nounPhraseGlue = map[string]bool{"the": true, "a": true, "an": true, "and": true, "of": true, "s": true}

// coreNames are the question's names that take part in what it asks (its
// subject, its object, whom it is about), as opposed to the ones in a
// phrase of place or time. Walking back from a name over its noun phrase,
// the first function word decides: a preposition of place or time makes it
// scene; anything else (a verb's auxiliary, "about", "to", "for", a
// wh-word, the question's start) makes it a participant.
//
// Only the sentence that asks counts: a quiz's background sentences before
// it ("The governor of Texas began sending buses…. Which city…?") set the
// scene too. Dates and numbers are always scene.
func (q questionTerms) coreNames(question string) map[string]bool {
	_, question = askingSentence(question)
	scene := q.sceneNames(question)
	core := map[string]bool{}
	for _, tok := range prose.Tokenize(question) {
		t := prose.Stem(tok)
		if !q.entity[t] || prose.IsStopword(tok) || scene[t] || calendarWord(t) || strings.ContainsAny(t, "0123456789") {
			continue
		}
		core[t] = true
	}
	return core
}

// sceneNames are the question's names in a phrase of place or time:
// walking back from a name over its noun phrase, the first function word is
// a preposition of place or time.
func (q questionTerms) sceneNames(question string) map[string]bool {
	toks := prose.Tokenize(question)
	scene := map[string]bool{}
	for i, tok := range toks {
		t := prose.Stem(tok)
		if !q.entity[t] || prose.IsStopword(tok) {
			continue
		}
		modifiers := 0
		for j := i - 1; j >= 0; j-- {
			w := toks[j]
			if adjunctPrepositions[w] {
				scene[t] = true
				break
			}
			if nounPhraseGlue[w] || q.entity[prose.Stem(w)] {
				continue
			}
			// A noun phrase holds a few modifiers ("the large marble hall
			// in"); a function word or a participle ("including",
			// "swept") ends it.
			modifiers++
			if prose.IsStopword(w) || modifiers > 3 || ((strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && lexicon.IsVerb(w)) {
				break
			}
		}
	}
	return scene
}

// speechOf finds, in a sentence, words reported as the speaker's: after a
// verb of saying (or an opening quotation mark) whose subject names the
// speaker, or just after one ("…, said Macron"; "according to Macron").
// It returns the terms of what the speaker said (the whole sentence when
// the speaker follows the verb, or the verb ends the sentence after a
// quotation) and whether the speaker was found.
func speechOf(q questionTerms, sentence string, speaker []string) (map[string]bool, bool) {
	names := func(terms []string) bool {
		set := map[string]bool{}
		for _, t := range terms {
			set[t] = true
		}
		if ofAnotherCountry(terms, speaker) || q.ofAnotherRole(terms, speaker) {
			return false
		}
		for _, t := range speaker {
			if q.names(set, t) {
				return true
			}
		}
		return false
	}
	for _, loc := range reportedSpeech.FindAllStringIndex(sentence, -1) {
		after := prose.Terms(sentence[loc[1]:])
		app := apposition(sentence[:loc[0]])
		if names(subjectHead(sentence[:loc[0]])) || q.describedBy(app, speaker) || names(app) {
			if len(after) < 3 {
				return termSet(sentence), true
			}
			return termSet(sentence[loc[0]:]), true
		}
		// "…,” said Macron", "according to Macron": the speaker follows
		// the verb only where the verb follows the quotation or a comma,
		// or is "according to"; in "A statement said: “I told Hale…”",
		// Hale is spoken to, not speaking.
		if !inverted(sentence[:loc[0]], sentence[loc[0]:loc[1]]) {
			continue
		}
		if len(after) > 4 {
			after = after[:4]
		}
		if names(after) {
			return termSet(sentence), true
		}
	}
	return nil, false
}

// ofAnotherCountry reports whether a speaker's words name a country and
// none of the question's: "the French president" is not "the ukrainian
// president", though both are presidents.
func ofAnotherCountry(terms, speaker []string) bool {
	var asked []string
	for _, t := range speaker {
		if len(lexicon.CountryNames(t)) > 0 {
			asked = append(asked, t)
		}
	}
	if len(asked) == 0 {
		return false
	}
	other := false
	for _, t := range terms {
		if len(lexicon.CountryNames(t)) == 0 {
			continue
		}
		for _, a := range asked {
			if t == a || sameCountry(t, a) {
				return false
			}
		}
		other = true
	}
	return other
}

// ofAnotherRole reports whether a question that describes its speaker by
// a role ("what did the us officials say") meets a subject whose role is
// another, neither including the other ("The US president said"): the
// officials are not the president.
func (q questionTerms) ofAnotherRole(terms, speaker []string) bool {
	var asked []string
	for _, t := range speaker {
		w := strings.ToLower(q.surface[t])
		if b := lexicon.Base(w); b != "" {
			w = b // "officials"
		}
		if w != "" && !q.entity[t] && firstPerson(w) {
			asked = append(asked, w)
		}
	}
	if len(asked) == 0 {
		return false
	}
	other := false
	for _, t := range terms {
		if !firstPerson(t) {
			continue
		}
		if slices.Contains(speaker, t) {
			return false
		}
		for _, a := range asked {
			if lexicon.SameRole(a, t) {
				return false
			}
		}
		other = true
	}
	return other
}

// apposition is the head of a noun phrase set off by commas between a
// subject and its verb, as terms: "national security adviser" in "John
// Bolton, who was the president's national security adviser in his first
// term, said". It describes the subject: the words after a possessive, up
// to the first preposition. nil when the text before the verb ends in no
// such phrase.
func apposition(before string) []string {
	trimmed, ok := strings.CutSuffix(strings.TrimSpace(before), ",")
	if !ok {
		return nil
	}
	i := strings.LastIndexAny(trimmed, ",;:—–")
	if i < 0 {
		return nil
	}
	app := trimmed[i+1:]
	if j := lastPossessive(app); j >= 0 {
		app = app[j:]
	}
	var out []string
	for _, tok := range prose.Tokenize(app) {
		if headPrepositions[tok] {
			break
		}
		if !prose.IsStopword(tok) {
			out = append(out, prose.Stem(tok))
		}
	}
	return out
}

// lastPossessive is where the words after a text's last possessive ’s
// begin, or -1 when it has none.
func lastPossessive(text string) int {
	at := -1
	for _, a := range []string{"'s ", "’s ", "‘s "} {
		if i := strings.LastIndex(text, a); i >= 0 && i+len(a) > at {
			at = i + len(a)
		}
	}
	return at
}

// describedBy reports whether a phrase that describes someone (an
// apposition) holds a person noun of the speaker the question describes
// ("the former national security adviser"), and names no other country
// than the question's.
func (q questionTerms) describedBy(description, speaker []string) bool {
	if len(description) == 0 || ofAnotherCountry(description, speaker) {
		return false
	}
	for _, t := range speaker {
		w := q.surface[t]
		if w == "" {
			w = t
		}
		if firstPerson(strings.ToLower(w)) && slices.Contains(description, t) {
			return true
		}
	}
	return false
}

// inverted reports whether a verb of saying, with the text before it, may
// have its speaker after it: "according to", or a verb right after a
// comma or a closing quotation mark.
func inverted(before, verb string) bool {
	if strings.EqualFold(strings.TrimSpace(verb), "according to") {
		return true
	}
	before = strings.TrimSpace(before)
	return before == "" || strings.HasSuffix(before, ",") || strings.HasSuffix(before, "”") ||
		strings.HasSuffix(before, "\"") || strings.HasSuffix(before, "’")
}

// clauseOpeners start a clause inside a sentence ("…after Donald Trump
// told reporters"): conjunctions and complementisers, a closed class.
var clauseOpeners = map[string]bool{"that": true, "while": true, "because": true, "after": true, "before": true,
	"when": true, "if": true, "as": true, "but": true, "although": true, "though": true, "since": true, "until": true, "where": true}

// headPrepositions end the head of a subject: in "Critics of Hale said",
// the speakers are the critics, not Hale. A closed class.
var headPrepositions = map[string]bool{"of": true, "about": true, "to": true, "for": true, "with": true, "against": true,
	"on": true, "by": true, "from": true, "at": true, "in": true, "into": true, "over": true, "under": true,
	"between": true, "among": true, "than": true, "without": true, "near": true}

// subjectHead is the head of the subject of a verb, given the text before
// it: its clause (after the last comma, colon or dash, or clause opener,
// with an apposition between commas set aside: "John Bolton, who was…,
// said") up to its first preposition, as terms.
func subjectHead(before string) []string {
	before = strings.TrimSpace(before)
	if trimmed, ok := strings.CutSuffix(before, ","); ok {
		// "X, the former ambassador, said": the apposition is X's.
		if i := strings.LastIndexAny(trimmed, ",;:—–"); i >= 0 {
			before = trimmed[:i]
		} else {
			before = trimmed
		}
	}
	if i := strings.LastIndexAny(before, ",;:—–"); i >= 0 {
		before = before[i+1:]
	}
	toks := prose.Tokenize(before)
	for i := len(toks) - 1; i >= 0; i-- {
		if clauseOpeners[toks[i]] {
			toks = toks[i+1:]
			break
		}
	}
	var head []string
	for _, tok := range toks {
		if headPrepositions[tok] {
			break
		}
		if !prose.IsStopword(tok) {
			head = append(head, prose.Stem(tok))
		}
	}
	return head
}

// spokenAbout are the focus terms of what a "what did X say about Y"
// question asks X's words to hold: the words after its verb of saying (Y,
// or whom X told), other than names of the scene, in order, with "" where
// a word left out (a function word, a name of the scene) breaks them, so
// that holdsSpokenAbout can tell the words of one name ("olivia newton
// john") from two names side by side.
func (q questionTerms) spokenAbout(question string, core map[string]bool) []string {
	loc := saysWhat(question)
	if loc == nil {
		return nil
	}
	var out []string
	brk := func() {
		if len(out) > 0 && out[len(out)-1] != "" {
			out = append(out, "")
		}
	}
	for _, tok := range prose.Tokenize(question[loc[2]:]) {
		ts := prose.Terms(tok)
		if len(ts) == 0 {
			brk()
		}
		for _, t := range ts {
			if _, focus := q.weight[t]; !focus || t == kindTerm || (q.entity[t] && !core[t]) || slices.Contains(out, t) {
				brk()
				continue
			}
			out = append(out, t)
		}
	}
	return out
}

// sceneWeight is how much a name in a phrase of place or time weighs
// against its IDF: "in Rome" says where the meeting asked about was, and a
// sentence that names Rome without the people who met answers less than
// one that names them without Rome.
const sceneWeight = 0.5

// weighScene lowers the weight of the question's names that set its
// scene (see sceneNames) rather than take part in what it asks.
func (q *questionTerms) weighScene(question string) {
	for t := range q.sceneNames(question) {
		if q.weight[t] == 0 {
			continue
		}
		w := q.weight[t] * sceneWeight
		q.total -= q.weight[t] - w
		q.entities -= q.weight[t] - w
		q.weight[t] = w
	}
}

// namesByDerivation reports whether a text with the given terms names what
// a question's name-word names through a word WordNet derives from it or it
// from (its derivationally related forms): an article on "Europe" names the
// "European" countries of the question, one on "Russia" the "Russian"
// president. It decides only whether an article names what the question
// names, never how well a sentence answers: as a form of the word it cost
// answers (docs/QUALITY.md).
func namesByDerivation(terms map[string]bool, word string) bool {
	for _, d := range lexicon.Derivations(strings.ToLower(word)) {
		if !strings.Contains(d, " ") && terms[prose.Stem(d)] {
			return true
		}
	}
	return false
}
