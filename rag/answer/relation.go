// Who did what a question asks about. A near miss often names the right
// people in the wrong roles: "how did Hale respond to the strike" is not
// answered by "Critics attacked Hale over the strike", where Hale is the
// one acted on. A question whose subject is a name ("how did Hale…", "when
// did Hale and Ode…", "who did Hale meet") is answered only by a sentence
// that, where it names them, names them as a subject.

package answer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// auxiliaryQuestion is a wh-question whose subject follows its auxiliary:
// "how did X respond", "why has X left", "when will X visit", "who did X
// meet", with an optional word after the wh-word ("how long did X…",
// "which company did X…"). The auxiliaries are a closed class.
var auxiliaryQuestion = regexp.MustCompile(`(?i)^\s*(how|why|when|where|who|whom|what|which)(\s+[\p{L}'’]+)?\s+(did|does|do|has|have|had|will|would|can|could|is|are|was|were)\s+(.+)$`)

// doerGlue are the function words a subject made of names may hold: "and"
// between names, titles written before a name, the definite article.
var doerGlue = wordSet(`and the mr mrs ms sir dr`)

// doer is the names of a question's subject, when it follows an auxiliary
// and is made of names only ("how did Hale and Ode react"), or nil, as the
// parties "and" joins: "Taylor Hawkins" is one, "Hale and Ode" two. Only
// the sentence that asks counts (see coreNames). A yes-or-no question may
// be answered "no" by a sentence where the roles differ, and the speaker
// of "what did X say" is checked as a speaker (see speechOf), so neither
// has a doer here.
func (q questionTerms) doer(question string) [][]string {
	parties, _ := q.doerParties(question)
	return parties
}

// doerVerb is the terms of doer's names, with the verb that follows the
// subject ("who did Hale meet": Hale, and "meet"); the verb is "" when
// there is no doer.
func (q questionTerms) doerVerb(question string) ([]string, string) {
	parties, verb := q.doerParties(question)
	return slices.Concat(parties...), verb
}

// doerParties is doerVerb with the doer's names as parties.
func (q questionTerms) doerParties(question string) ([][]string, string) {
	if spans := prose.SentenceSpans(question); len(spans) > 1 {
		last := spans[len(spans)-1]
		question = question[last[0]:last[1]]
	}
	m := auxiliaryQuestion.FindStringSubmatch(question)
	if m == nil || q.kind == kindYesNo || q.kind == kindSaid {
		return nil, ""
	}
	core := q.coreNames(question)
	var doer [][]string
	party := true // the next name opens a party of its own
	words := phraseWords(m[4])
	for i, w := range words {
		b, _ := bareWord(w)
		tok := strings.ToLower(b)
		terms := prose.Terms(b)
		switch {
		case doerGlue[tok]:
			party = party || tok == "and"
			continue
		case len(terms) == 1 && core[terms[0]]:
			if possessive(b) {
				return nil, "" // "how did Hale's staff react": Hale is not the subject
			}
			if pluralNoun(strings.ToLower(b)) {
				// "where are the Americans and Russians meeting": a
				// people named as a group, whose members the
				// coverage names in other words ("US officials").
				return nil, ""
			}
			if party {
				doer = append(doer, nil)
				party = false
			}
			doer[len(doer)-1] = append(doer[len(doer)-1], terms[0])
			continue
		}
		// The subject ends at its verb, or an adverb before it ("did Hale
		// and Ode actually meet"); anything else ("how did Hale's staff
		// react", "did Russia hawks react") makes the names modifiers of
		// another subject, which no name check can hold.
		if !verbAfter(m[3], tok) && !strings.HasSuffix(tok, "ly") {
			return nil, ""
		}
		if i+1 < len(words) && onlyVerb(words[i+1]) {
			// "when did the Chernobyl strike happen": a verb and nothing
			// else follows, so "strike" heads the subject and the name
			// only modifies it.
			return nil, ""
		}
		if len(doer) > 0 && !verbAfter(m[3], tok) && i+1 < len(words) {
			// An adverb before the verb ("did the union actually
			// break up"): the verb follows it.
			if next, _ := bareWord(words[i+1]); verbAfter(m[3], strings.ToLower(next)) {
				return doer, strings.ToLower(next)
			}
		}
		if len(doer) == 0 || !verbAfter(m[3], tok) {
			return doer, ""
		}
		return doer, tok
	}
	return nil, ""
}

// pluralNoun reports whether a word is the plural of a noun WordNet knows
// or of a word it derives from another, as a people's name derives from
// their country's ("Russians": "Russian", from "Russia").
func pluralNoun(w string) bool {
	one, ok := strings.CutSuffix(w, "s")
	return ok && !strings.HasSuffix(one, "s") && (lexicon.IsNoun(one) || len(lexicon.Derivations(one)) > 0)
}

// onlyVerb reports whether WordNet knows a word as a verb and never as a
// noun ("happen", "begin"; not "strike" or "home").
func onlyVerb(w string) bool {
	b, _ := bareWord(w)
	tok := strings.ToLower(b)
	return lexicon.IsVerb(tok) && !lexicon.IsNoun(tok)
}

// verbAfter reports whether tok can be the verb after auxiliary aux and
// its subject: a bare infinitive after do, will and the modals ("did Hale
// respond", not "did Russia hawks react"), a participle or a bare form
// after have.
func verbAfter(aux, tok string) bool {
	if !lexicon.IsVerb(tok) {
		return false
	}
	switch strings.ToLower(aux) {
	case "has", "have", "had":
		return true
	case "is", "are", "was", "were":
		// The progressive: "who is Hale meeting".
		return strings.HasSuffix(tok, "ing") && lexicon.Base(tok) != tok
	}
	return lexicon.Base(tok) == tok
}

// doneBy reports whether sentence i of sents (a hit's sentences, headline
// first) may tell what the doer did. A sentence that names one of them as
// a subject, or as the possessor of one ("Hale's spokesman said"), may. A
// sentence that names them only as objects ("Critics attacked Hale",
// "after meeting Hale") tells what was done to them. A sentence that does
// not name them may refer to them ("He added…", "the two leaders agreed"),
// when they are named in what it points back to (see reachedNames).
func (q questionTerms) doneBy(sents []string, i int, doer []string) bool {
	if len(doer) == 0 {
		return true
	}
	named := false
	words := phraseWords(sents[i])
	for _, t := range doer {
		for _, at := range q.mentions(words, t) {
			named = true
			if b, _ := bareWord(words[at]); possessive(b) || !objectAt(words, at) {
				return true
			}
		}
	}
	if named {
		return false
	}
	reach := reachedNames(sents, i)
	for _, t := range doer {
		if q.names(reach, t) {
			return true
		}
	}
	return false
}

// possessive reports whether a word ends in a possessive 's, written with
// any of the apostrophes news text uses.
func possessive(w string) bool {
	return possessiveSuffix(w) != ""
}

// maxContinuation bounds how many sentences back a chain of sentences
// that each carry on from the one before is followed.
const maxContinuation = 3

// reachedNames are the terms of sentence i with those of what it points
// back to. A sentence that refers to people named elsewhere (see
// freeAnaphor) may mean anyone its passage names, before or after it (an
// analysis may name "the two men" only later). A sentence that carries on
// from the one before (see carriesOn) adds that one's terms, and so on
// back while each carries on.
func reachedNames(sents []string, i int) map[string]bool {
	reach := termSet(sents[i])
	add := func(s string) {
		for t := range termSet(s) {
			reach[t] = true
		}
	}
	for j := i; j >= 0 && j > i-maxContinuation; j-- {
		if freeAnaphor(sents[j]) {
			for _, s := range sents {
				add(s)
			}
			break
		}
		if j == 0 || !carriesOn(sents[j]) {
			break
		}
		add(sents[j-1])
	}
	return reach
}

// carriesOn reports whether a sentence's subject is taken from the
// sentence before: it opens with a coordinating conjunction or a linking
// adverb ("And it must…"), or its subject is "it", "this" or "that".
func carriesOn(sentence string) bool {
	words := phraseWords(sentence)
	if len(words) == 0 {
		return false
	}
	if subjectStart(words) > 0 {
		return true
	}
	b, _ := bareWord(words[0])
	switch strings.ToLower(b) {
	case "it", "this", "that":
		return true
	}
	return false
}

// freeAnaphor reports whether a sentence refers to people named elsewhere:
// it carries on a quotation, or holds a definite noun phrase headed by a
// noun of people ("the Ukrainian president", "both leaders", "the two
// men"), which may refer back wherever it stands, or a personal pronoun
// with no name before it in the sentence ("In a post, he said…"; in "Hale
// said his budget…" the pronoun is Hale).
func freeAnaphor(sentence string) bool {
	if inQuotation(sentence) {
		return true // the speaker is named where the quotation opens
	}
	words := phraseWords(sentence)
	nameBefore := false
	for i, w := range words {
		b, _ := bareWord(w)
		low := strings.ToLower(b)
		if (subjectPronouns[low] || objectPronouns[low]) && low != "it" && !nameBefore {
			return true
		}
		if peopleNP(words, i) {
			return true
		}
		if isNameWord(words, i) {
			nameBefore = true
		}
	}
	return false
}

// inQuotation reports whether a sentence carries on a quotation opened
// before it: it opens with a quotation mark, or closes one it did not open.
func inQuotation(sentence string) bool {
	s := strings.TrimSpace(sentence)
	if strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") {
		return true
	}
	return !strings.Contains(s, "“") && strings.HasSuffix(strings.TrimRight(s, ".!?"), "”")
}

// peopleDeterminers open a noun phrase that refers to people already
// named: the definite article, the demonstratives, "both".
var peopleDeterminers = wordSet(`the this that these those both`)

// peopleNP reports whether words[i] opens a definite noun phrase whose
// head, within maxModifiers words, is a noun WordNet files under people
// (noun.person: "president", "leaders", "spokesman", "men"; not
// noun.group, which holds "the meeting" and "the clergy").
func peopleNP(words []string, i int) bool {
	det, closed := bareWord(words[i])
	if closed || !peopleDeterminers[strings.ToLower(det)] {
		return false
	}
	for j := i + 1; j < len(words) && j <= i+maxModifiers+1; j++ {
		w, closes := bareWord(words[j])
		low := strings.ToLower(w)
		if w == "" || (prose.IsStopword(low) && low != "two" && low != "and") {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && peopleNoun(low) {
			return true
		}
		if closes {
			return false
		}
	}
	return false
}

// peopleNoun reports whether WordNet files the most frequent sense of a
// noun, of its base form or of its singular under noun.person.
func peopleNoun(w string) bool {
	if possessive(w) {
		w = w[:strings.LastIndexAny(w, "'’‘")]
	}
	forms := []string{w, lexicon.Base(w)}
	if s, ok := strings.CutSuffix(w, "s"); ok {
		forms = append(forms, s)
	}
	for _, f := range forms {
		if lexicon.FirstFile(f, 'n') == "noun.person" {
			return true
		}
	}
	return false
}

// isNameWord reports whether words[i] is part of a name, which a pronoun
// after it may stand for: capitalised, not a function word, and, as the
// sentence's first word, a noun, a word WordNet does not know, or one
// followed by an inflected verb ("Hale said his…", but not "Afterwards,
// he said…").
func isNameWord(words []string, i int) bool {
	b, _ := bareWord(words[i])
	r, _ := utf8.DecodeRuneInString(b)
	low := strings.ToLower(b)
	if !unicode.IsUpper(r) || prose.IsStopword(low) {
		return false
	}
	if i > 0 || lexicon.IsNoun(low) || !known(low) {
		return true
	}
	// "Hale said…": WordNet knows "hale" as an adjective, but a word
	// followed by an inflected verb is its subject.
	if len(words) > 1 {
		n, _ := bareWord(words[1])
		n = strings.ToLower(n)
		return lexicon.IsVerb(n) && lexicon.Base(n) != n
	}
	return false
}

// namesAsSubject reports whether a sentence names one of the given people
// (question terms) other than as an object: the antecedent "he said"
// may refer to.
func (q questionTerms) namesAsSubject(sentence string, people []string) bool {
	words := phraseWords(sentence)
	for _, t := range people {
		for _, at := range q.mentions(words, t) {
			if !objectAt(words, at) {
				return true
			}
		}
	}
	return false
}

// mentions are the places in words (phraseWords of a sentence) of the
// words that name question term t.
func (q questionTerms) mentions(words []string, t string) []int {
	var out []int
	for i, w := range words {
		b, _ := bareWord(w)
		for _, term := range prose.Terms(b) {
			if q.names(map[string]bool{term: true}, t) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// objectAt reports whether the name at words[at] stands as an object.
// Walking back over its noun phrase (other capitalised words, titles,
// "and", determiners, pronouns coordinated with it), the word that
// governs it decides: a verb form ("Critics attacked Hale", "after
// meeting Hale") or a preposition other than the passive's "by" ("talks
// with Hale", "before Hale's speech") makes it an object; the sentence's
// start, a comma or a conjunction, a subject. A conjunction that is also
// a preposition ("after", "before", "since") opens a clause whose subject
// the name is when a verb follows it ("after Hale told reporters").
func objectAt(words []string, at int) bool {
	modifiers := 0
	for j := at - 1; j >= 0; j-- {
		w, closes := bareWord(words[j])
		if closes {
			return false // a comma, colon or dash before the name ends its phrase
		}
		low := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r), nounPhraseGlue[low], subjectPronouns[low], objectPronouns[low]:
			continue
		case low == "by":
			return false
		case clauseOpeners[low] && verbFollows(words, at):
			return false
		case headPrepositions[low] || adjunctPrepositions[low]:
			return true
		case lexicon.IsVerb(low) && (!lexicon.IsNoun(low) || lexicon.Base(low) != low || infinitiveAt(words, j)):
			return !auxiliaries[low]
		case modifiers < maxModifiers && (possessiveDeterminers[low] || ((lexicon.IsNoun(low) || lexicon.IsAdjective(low)) && !prose.IsStopword(low))):
			// The name's own noun phrase: "our close ally Canada",
			// "peace negotiator Steve Witkoff"; what governs it stands
			// before.
			modifiers++
			continue
		}
		return false
	}
	return false
}

// possessiveDeterminers are the possessive determiners of English, a
// closed class, which open a noun phrase a name may head ("our ally
// Canada").
var possessiveDeterminers = wordSet(`my your our its`)

// infinitiveAt reports whether words[j], a base form WordNet knows as a
// verb and a noun ("join", "meet", "visit"), is a verb by its place: after
// the infinitive marker "to" or a modal ("to join NATO", "would visit
// Kyiv"), where no noun stands.
func infinitiveAt(words []string, j int) bool {
	if j == 0 {
		return false
	}
	prev, closes := bareWord(words[j-1])
	prev = strings.ToLower(prev)
	return !closes && (prev == "to" || modals[prev])
}

// verbFollows reports whether the name at words[at], with the rest of its
// capitalised words, is followed by a verb form that cannot be a noun.
func verbFollows(words []string, at int) bool {
	for j := at + 1; j < len(words); j++ {
		if b, _ := bareWord(words[j-1]); b != words[j-1] {
			return false // punctuation after the name
		}
		w, _ := bareWord(words[j])
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			continue
		}
		low := strings.ToLower(w)
		return auxiliaries[low] || (lexicon.IsVerb(low) && !lexicon.IsNoun(low))
	}
	return false
}

// Closed classes of English grammar.
var (
	// objectPronouns: the third-person object and possessive pronouns,
	// which may be coordinated with a name ("him and Hale").
	objectPronouns = wordSet(`him her them his their`)
	// auxiliaries: the auxiliary and copular verb forms; a name after one
	// ("has Hale…", "is Hale…") is its subject.
	auxiliaries = wordSet(`is are was were be been being am has have had do does did will would shall should can could may might must`)
	// modals: the modal auxiliaries, which a verb's base form follows.
	modals = wordSet(`will would shall should can could may might must`)
)

// yesNoQuestion is a yes-or-no question opened by an auxiliary that a
// subject and a verb's base form or participle follow ("did Hale meet…",
// "has Hale met…"). The auxiliaries are a closed class.
var yesNoQuestion = regexp.MustCompile(`(?i)^\s*(did|does|do|has|have|had|will|would|can|could)\s+(.+)$`)

// participants are the names of a yes-or-no question's subject and of its
// verb's object, when both are made of names only ("did Hale meet Ode in
// Tarrow": Hale, and Ode), or nil. Such a question asks whether an event
// between them happened, and coverage that never names them together
// cannot say that it did, nor that it did not.
func (q questionTerms) participants(question string) (subject, object []string) {
	if q.kind == kindSaid {
		return nil, nil
	}
	if spans := prose.SentenceSpans(question); len(spans) > 1 {
		last := spans[len(spans)-1]
		question = question[last[0]:last[1]]
	}
	var aux, rest string
	if q.kind == kindYesNo {
		m := yesNoQuestion.FindStringSubmatch(question)
		if m == nil {
			return nil, nil
		}
		aux, rest = m[1], m[2]
	} else {
		m := auxiliaryQuestion.FindStringSubmatch(question)
		if m == nil {
			return nil, nil
		}
		aux, rest = m[3], m[4]
	}
	core := q.coreNames(question)
	name := func(w string) (string, bool) {
		b, _ := bareWord(w)
		terms := prose.Terms(b)
		if len(terms) != 1 || !core[terms[0]] || possessive(b) {
			return "", false
		}
		return terms[0], true
	}
	words := phraseWords(rest)
	i := 0
	for ; i < len(words); i++ {
		b, closes := bareWord(words[i])
		tok := strings.ToLower(b)
		if t, ok := name(words[i]); ok && !closes {
			subject = append(subject, t)
			continue
		}
		if doerGlue[tok] && !closes {
			continue
		}
		break
	}
	// An adverb may stand before the verb ("did Hale actually meet").
	for i < len(words) && strings.HasSuffix(strings.ToLower(words[i]), "ly") {
		i++
	}
	if len(subject) == 0 || i >= len(words) {
		return nil, nil
	}
	if b, closes := bareWord(words[i]); closes || !verbAfter(aux, strings.ToLower(b)) {
		return nil, nil
	}
	// The verb's complement may be a preposition's ("go to Kyiv",
	// "respond to Hale"), but not a phrase of place or time ("in Rome").
	if i+1 < len(words) {
		if b, closes := bareWord(words[i+1]); !closes && headPrepositions[strings.ToLower(b)] && !adjunctPrepositions[strings.ToLower(b)] {
			i++
		}
	}
	for i++; i < len(words); i++ {
		b, closes := bareWord(words[i])
		t, ok := name(words[i])
		switch {
		case ok:
			object = append(object, t)
		case doerGlue[strings.ToLower(b)]:
		default:
			closes = true
		}
		if closes {
			break
		}
	}
	if len(object) == 0 {
		return nil, nil
	}
	return subject, object
}

// namedTogether reports whether a sentence of the passages names one of
// the object's names and, itself or through what it points back to (see
// reachedNames), one of the subject's.
func (q questionTerms) namedTogether(hits []rag.Hit, subject, object []string) bool {
	for _, h := range hits {
		sents := hitSentences(h)
		for i, s := range sents {
			words := phraseWords(s)
			hasObject := false
			for _, t := range object {
				for _, at := range q.mentions(words, t) {
					hasObject = hasObject || objectAt(words, at)
				}
			}
			if !hasObject {
				continue
			}
			reach := reachedNames(sents, i)
			for _, t := range subject {
				if q.names(reach, t) {
					return true
				}
			}
		}
	}
	return false
}

// surfaces are question terms as the asker wrote them.
func (q questionTerms) surfaces(terms []string) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = q.surface[t]
	}
	return out
}

// isAskedVerb reports whether words[i] of a sentence is the question's
// verb in a verb's use: one of its forms ("met", "meeting" for "meet";
// its WordNet synonyms do not count, since "leave" shares sets with "go"
// and "allow"). A form after a determiner, with at most its modifiers
// between ("the bilateral meeting"), heads a noun phrase and is no verb.
func isAskedVerb(words []string, i int, verb string) bool {
	b, _ := bareWord(words[i])
	w := strings.ToLower(b)
	base := lexicon.Base(verb)
	if base == "" {
		base = verb
	}
	asked := false
	for _, v := range lexicon.Bases(w) {
		asked = asked || v == base
	}
	if !asked {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		p, closes := bareWord(words[j])
		if closes {
			return true
		}
		low := strings.ToLower(p)
		switch {
		case determiners[low] || possessiveDeterminers[low] || objectPronouns[low] || possessive(p):
			return false
		case lexicon.IsAdjective(low) && !lexicon.IsVerb(low):
			continue
		}
		return true
	}
	return true
}

// determiners: the articles and demonstratives of English, a closed class.
var determiners = wordSet(`the a an this that these those`)

// verbBy reads the passages found for the question's verb in a verb's use
// (isAskedVerb) and reports whether some clause that uses it names the
// doer, or a pronoun that may stand for them (doers), and whether some
// clause uses it with a subject of its own that is neither, in a sentence
// that names one of the question's other names, rest (others).
// "Officials are set to meet in Tarrow as Hale warns…" names Hale, the
// meeting and the place, but the meeting is the officials'. A clause runs
// from a comma, a colon or a conjunction that opens one (clauseOpeners)
// to the next; a clause whose verb has no subject before it ("…after
// meeting Ode") shares the subject of the sentence's start.
func (q questionTerms) verbBy(hits []rag.Hit, doer, rest []string, verb string) (doers, others bool) {
	for _, h := range hits {
		// A pronoun may stand for the doer only in a passage that names
		// them.
		inPassage := false
		for _, t := range doer {
			inPassage = inPassage || q.names(termSet(h.Title+"\n"+h.Text), t)
		}
		for _, sentence := range hitSentences(h) {
			words := phraseWords(sentence)
			doerAt := map[int]bool{}
			for _, t := range doer {
				for _, at := range q.mentions(words, t) {
					doerAt[at] = true
				}
			}
			for i := range words {
				if !isAskedVerb(words, i, verb) {
					continue
				}
				switch held, subject := doerInClause(words, i, doerAt, inPassage); {
				case held:
					doers = true
				case subject && namesAny(q, words, rest):
					others = true
				}
			}
		}
	}
	return doers, others
}

// standsFor reports whether words[j] opens what may stand for someone the
// passage names: a subject pronoun, or a definite noun phrase headed by a
// noun of people ("the US president", peopleNP).
func standsFor(words []string, j int) bool {
	b, _ := bareWord(words[j])
	low := strings.ToLower(b)
	return subjectPronouns[low] || low == "we" || low == "i" || peopleNP(words, j)
}

// namesAny reports whether words name one of the question's terms.
func namesAny(q questionTerms, words []string, terms []string) bool {
	for _, t := range terms {
		if len(q.mentions(words, t)) > 0 {
			return true
		}
	}
	return false
}

// doerInClause reports whether the clause of the verb at words[i] names the
// doer (a place in doerAt) or, when pronouns is set, a pronoun or a
// description that may stand for them (standsFor), before
// the verb or after it ("Ode met Hale", "talks with Hale": the relation is
// theirs too), and whether it has a subject of its own before the verb.
func doerInClause(words []string, i int, doerAt map[int]bool, pronouns bool) (held, subject bool) {
	start := 0
	for j := i - 1; j >= 0; j-- {
		w, closes := bareWord(words[j])
		low := strings.ToLower(w)
		if closes || clauseOpeners[low] {
			start = j + 1
			break
		}
		if doerAt[j] || (pronouns && standsFor(words, j)) {
			return true, true
		}
		if !prose.IsStopword(low) {
			subject = true
		}
	}
	if !subject {
		// "…after meeting Ode": the subject is the sentence's own.
		for j := 0; j < start; j++ {
			if doerAt[j] || (pronouns && standsFor(words, j)) {
				return true, true
			}
		}
	}
	for j := i + 1; j < len(words); j++ {
		w, closes := bareWord(words[j])
		if clauseOpeners[strings.ToLower(w)] {
			break
		}
		if doerAt[j] {
			return true, true
		}
		if closes {
			break
		}
	}
	return false, subject
}

// othersOwned are the terms of a sentence's nouns that belong, by a
// possessive, to a person the question neither names nor describes ("the
// prime minister's visit" when the question asks about the US
// president): that visit is the prime minister's, and it holds no "visit"
// of the question's people. Only a question about people has any.
func (q questionTerms) othersOwned(sentence string) map[string]bool {
	if q.entities == 0 && len(q.described) == 0 {
		return nil
	}
	var owned map[string]bool
	words := phraseWords(sentence)
	for i, w := range words {
		if !possessive(w) || i+1 == len(words) {
			continue
		}
		outsider, person := true, false
		for j := i; j >= 0 && j >= i-2; j-- {
			b, _ := bareWord(words[j])
			b = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(b, "'s"), "’s"), "‘s")
			low := strings.ToLower(b)
			if j < i && (prose.IsStopword(low) || determiners[low]) {
				break
			}
			for _, t := range prose.Terms(b) {
				if q.all[t] {
					outsider = false
				}
			}
			if lexicon.CanNamePerson(low) || b != low {
				person = true
			}
		}
		if !outsider || !person {
			continue
		}
		noun, _ := bareWord(words[i+1])
		for _, t := range prose.Terms(noun) {
			if owned == nil {
				owned = map[string]bool{}
			}
			owned[t] = true
		}
	}
	return owned
}

// eventParties are the names of the two sides of an event that a question
// names by a noun rather than a verb, or nil: "the Hale Ode meeting",
// "Hale's call with Ode", "the talks between Hale and Ode". The noun is
// one for an exchange between people (isExchangeNoun). Such a question
// asks about an event between them, and coverage that never names them
// together says nothing of it (see participants for the verb's form).
func (q questionTerms) eventParties(question string) (one, other []string) {
	if q.kind == kindSaid {
		return nil, nil
	}
	_, question = askingSentence(question)
	core := q.coreNames(question)
	names := func(w string) []string {
		b, _ := bareWord(w)
		var out []string
		for _, t := range prose.Terms(b) {
			// "the second Hale Ode meeting": an ordinal says which
			// meeting, not who met.
			if !core[t] || ordinalWords[strings.ToLower(b)] {
				return nil
			}
			out = append(out, t)
		}
		return out
	}
	words := phraseWords(question)
	for k, w := range words {
		b, closes := bareWord(w)
		if !isExchangeNoun(strings.ToLower(b)) {
			continue
		}
		// The names before the noun make a noun phrase only after a
		// determiner or with a possessive ("the Hale Ode meeting",
		// "Hale's meeting"): in "are Hale and Ode meeting" the word is a
		// verb.
		var before []string
		determined := false
		for i := k - 1; i >= 0; i-- {
			x, _ := bareWord(words[i])
			low := strings.ToLower(x)
			ns := names(words[i])
			if len(ns) == 0 {
				if doerGlue[low] && low != "the" {
					continue
				}
				determined = determined || definiteDeterminers[low] || low == "a" || low == "an"
				break
			}
			determined = determined || possessive(x)
			before = append(ns, before...)
		}
		if !determined {
			before = nil
		}
		var after []string
		if !closes && k+2 < len(words) {
			if p, _ := bareWord(words[k+1]); p == "with" || p == "between" {
				for _, x := range words[k+2:] {
					ns := names(x)
					bx, cl := bareWord(x)
					if len(ns) == 0 && !doerGlue[strings.ToLower(bx)] {
						break
					}
					after = append(after, ns...)
					if cl {
						break
					}
				}
			}
		}
		switch {
		case len(before) > 0 && len(after) > 0:
			return before, after
		case len(after) > 1:
			return after[:1], after[1:]
		case len(before) > 1:
			return before[:1], before[1:]
		}
	}
	return nil, nil
}

// ordinalWords say which of a series is meant, a closed class.
var ordinalWords = wordSet(`first second third fourth fifth sixth seventh eighth ninth tenth next last previous latest final`)

// isExchangeNoun reports whether a word is a noun for something two people
// do together: a form of a reciprocal verb ("meeting"), or a noun whose
// most frequent sense WordNet files under noun.communication ("talks",
// "call", "conversation"). eventParties reads it as a noun only where a
// noun phrase has it: after a determiner or a possessive, or before
// "with" or "between".
func isExchangeNoun(w string) bool {
	if lexicon.IsReciprocal(w) && (strings.HasSuffix(w, "ing") || lexicon.IsNoun(w)) {
		return true
	}
	return lexicon.FirstFile(w, 'n') == "noun.communication"
}

// namedWith reports whether a sentence of the passages names one of one's
// names and one of other's, itself or, when it opens by pointing back
// ("He met…"), with the sentence before it.
func (q questionTerms) namedWith(hits []rag.Hit, one, other []string) bool {
	for _, h := range hits {
		sents := hitSentences(h)
		for i, s := range sents {
			reach := termSet(s)
			if i > 0 && pointsBack(s) {
				for t := range termSet(sents[i-1]) {
					reach[t] = true
				}
			}
			if namesAnyTerm(q, reach, one) && namesAnyTerm(q, reach, other) {
				return true
			}
		}
	}
	return false
}

func namesAnyTerm(q questionTerms, terms map[string]bool, names []string) bool {
	for _, t := range names {
		if q.names(terms, t) || q.namesCountry(terms, t) {
			return true
		}
	}
	return false
}
