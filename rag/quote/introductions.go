package quote

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// Two constructions that introduce a quotation without a verb of saying
// in front of it.
//
// The "as" parenthetical: `As Ivo Sand observed, “…”`, `As she put it,
// “…”`. Like the quotative after a quotation (quotative), the construction
// makes its verb report the words that follow, whatever WordNet files it
// under.
//
// The introducing colon: `Senator Ada Lund was less impressed: “…”`, `Lund
// weighed in: “…”`. A colon after a short clause about a person, with no
// object of its own, introduces that person's words; a clause with an
// object (`Lund held up a sign: “…”`, `Lund faced a question: “…”`)
// introduces the object's words, and is left alone.

// The construal: `Lund slammed the plan as “a gift to developers”`. A
// quotation that is the "as" complement of a verb's object says what the
// subject called the object, whatever the verb (slammed, hailed, touted,
// dismissed); WordNet files many such verbs of judging elsewhere than
// verb.communication. Only a person subject in the same clause counts.

// reConstrual is a verb in the past, an object of a few words and "as",
// at the end of the text before a quotation.
var reConstrual = regexp.MustCompile(`\b([a-z]+)((?: [A-Za-z0-9'’-]+){1,6}) as$`)

// construal reads the speaker of a quotation that is the "as" complement
// of a past verb's object, from the verb's subject.
func (x *quoteExtractor) construal(sp quoteSpan, sentStart int) (speakerRef, bool) {
	lead := strings.TrimRight(x.masked[max(sentStart, sp.open-120):sp.open], " ")
	m := reConstrual.FindStringSubmatchIndex(lead)
	if m == nil {
		return speakerRef{}, false
	}
	off := max(sentStart, sp.open-120)
	verb := lead[m[2]:m[3]]
	for _, w := range strings.Fields(lead[m[4]:m[5]]) {
		if clauseWords[strings.ToLower(w)] || pronouns[strings.ToLower(w)] && w != "it" && w != "them" && w != "him" && w != "her" {
			return speakerRef{}, false
		}
	}
	if !pastTense(verb) || copulas[verb] || auxiliaries[verb] {
		return speakerRef{}, false
	}
	s, e, _ := x.subjectBefore(sentStart, off+m[2])
	if s >= e {
		return speakerRef{}, false
	}
	ref, ok := x.resolve(s, e)
	if !ok || !ref.person {
		return speakerRef{}, false
	}
	return ref, true
}

// asParenthetical reads the speaker of a quotation from an "as" clause that
// opens its sentence and ends with the comma before the quotation.
func (x *quoteExtractor) asParenthetical(sp quoteSpan, sentStart int) (speakerRef, bool) {
	lead := strings.TrimRight(x.masked[sentStart:sp.open], " ")
	rest, ok := strings.CutPrefix(lead, "As ")
	if !ok || !strings.HasSuffix(rest, ",") {
		return speakerRef{}, false
	}
	words := strings.Fields(strings.TrimSuffix(rest, ","))
	// "put it": the verb's object is the pronoun for the words quoted.
	if n := len(words); n >= 3 && words[n-1] == "it" {
		words = words[:n-1]
	}
	if len(words) < 2 {
		return speakerRef{}, false
	}
	verb := words[len(words)-1]
	if !isLowerWord(verb) || !(pastTense(verb) || reportingForm(verb) || verb == "put") {
		return speakerRef{}, false
	}
	s := sentStart + len("As ")
	e := s + strings.Index(x.masked[s:], " "+verb)
	if e <= s {
		return speakerRef{}, false
	}
	return x.resolve(s, e)
}

// colonIntroduction reads the speaker of a quotation that a colon
// introduces and that ends its sentence, when the clause before the colon
// is the sentence's person subject and at most a few words of predicate:
// no determiner (an object's noun phrase) and no preposition but a final
// particle ("weighed in").
func (x *quoteExtractor) colonIntroduction(sp quoteSpan, sentStart, sentEnd int) (speakerRef, bool) {
	lead := strings.TrimRight(x.masked[sentStart:sp.open], " ")
	if !strings.HasSuffix(lead, ":") || strings.Contains(lead, `"`) {
		return speakerRef{}, false
	}
	if strings.Trim(x.masked[sp.end:max(sentEnd, sp.end)], " \n") != "" {
		return speakerRef{}, false
	}
	colon := sentStart + len(lead) - 1
	s, e, ref, ok := x.mainSubject(sentStart, colon)
	if !ok || s != sentStart+len(x.masked[sentStart:s])-len(strings.TrimLeft(x.masked[sentStart:s], " ")) {
		return speakerRef{}, false
	}
	pred := strings.Fields(x.masked[e:colon])
	if len(pred) == 0 || len(pred) > 4 {
		return speakerRef{}, false
	}
	for i, w := range pred {
		lw := strings.ToLower(w)
		if !isLowerWord(w) || determiners[lw] || pronouns[lw] || prepositions[lw] && i < len(pred)-1 {
			return speakerRef{}, false
		}
	}
	if !x.evidenced(ref.speaker) {
		return speakerRef{}, false
	}
	return ref, true
}

// coordinatedAdjectives reports whether quoted words are two adjectives or
// more joined by "and", "or" or a comma, every one an adjective and no
// noun by WordNet: "reckless and insane", "rigorous, exhaustive".
func coordinatedAdjectives(text string) bool {
	words := strings.Fields(text)
	adjectives := 0
	joined := false
	for i, raw := range words {
		w := strings.ToLower(strings.TrimRight(raw, ".,;:!?"))
		switch {
		case w == "and" || w == "or":
			joined = true
		case lexicon.IsAdjective(w) && !lexicon.IsNoun(w) && !lexicon.IsVerb(w):
			adjectives++
			if strings.HasSuffix(raw, ",") && i < len(words)-1 {
				joined = true
			}
		default:
			return false
		}
	}
	return adjectives >= 2 && joined
}

// The interrupted quotation: `“Of these words I try to recite,” he pleads,
// “they are close but not quite.”` A subject and a verb set between two
// parts of one quoted sentence, with a comma after each part, are the
// quotation's attribution whatever the verb; the second part then takes
// the first's speaker as another quotation of the same sentence does.

// resumesQuotation reports whether the masked text at pos is a comma and
// then, on the same line, the opening mark of a quotation that goes on the
// sentence: its first word is in lower case.
func (x *quoteExtractor) resumesQuotation(pos int) bool {
	rest, ok := strings.CutPrefix(x.masked[pos:], ",")
	if !ok {
		return false
	}
	at := len(x.masked) - len(strings.TrimLeft(rest, " "))
	for _, sp := range x.spans {
		if sp.open == at {
			r, _ := utf8.DecodeRuneInString(x.body[sp.textStart:sp.textEnd])
			return unicode.IsLower(r)
		}
	}
	return false
}

// epithetsOnly reports whether the words s..e are an indefinite article and
// adjectives by WordNet, with -ly adverbs before them: `a downtrodden`, `a
// visibly emotional`. Before a name they say how the person was when
// speaking (`“…,” a downtrodden Berg said`), and the phrase is the person,
// not a noun phrase whose relative clause the name begins (`a charge Lund
// denied`).
func (x *quoteExtractor) epithetsOnly(s, e int) bool {
	words := strings.Fields(x.masked[s:e])
	if len(words) < 2 {
		return false
	}
	for i, w := range words[1:] {
		last := i == len(words)-2
		switch {
		case !isLowerWord(w):
			return false
		case !last && isAdverb(w):
		case !lexicon.IsAdjective(w):
			return false
		}
	}
	return true
}

// unlistedPast reports whether a lower-case word is a regular past in -ed
// of a verb WordNet does not list in any part of speech ("deadpanned"):
// in the quotative after a quotation and a name (`“…,” Sand deadpanned.`)
// it is a verb, and the construction makes it report.
func unlistedPast(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ed") && isLowerWord(w) && len(lexicon.Bases(w)) == 0 &&
		!lexicon.IsNoun(w) && !lexicon.IsAdjective(w) && !lexicon.IsVerb(w)
}

// nameAfterDescription returns the name set off by commas after a
// description of one person that stands as an inverted subject (`“…,” said
// the Ames resident, Sara Lund, who …`, `said a longtime client, Ivo
// Sand.`): the name, in apposition, says whom the description means. The
// description's head is a noun that names a person by WordNet.
func (x *quoteExtractor) nameAfterDescription(s, e int) (int, int, bool) {
	words := strings.Fields(x.masked[s:e])
	if len(words) < 2 || !determiners[strings.ToLower(words[0])] {
		return 0, 0, false
	}
	if head := headNoun(x.masked[s:e]); !isLowerWord(head) || !isPersonNoun(head) {
		return 0, 0, false
	}
	rest, ok := strings.CutPrefix(x.masked[e:], ", ")
	if !ok {
		return 0, 0, false
	}
	at := len(x.masked) - len(rest)
	k := x.peopleFrom(at)
	if k >= len(x.people) || x.people[k].at != at {
		return 0, 0, false
	}
	p := x.people[k]
	// The appositive ends with the name: a comma, the sentence's end or
	// the end of the paragraph.
	if after := x.masked[p.end:]; after != "" && !strings.HasPrefix(after, ",") && !strings.HasPrefix(after, ".") && !strings.HasPrefix(after, "\n") {
		return 0, 0, false
	}
	return p.at, p.end, true
}

// closingAdjunct reports whether the masked text at pos, after the verb of
// a quotative, is one prepositional phrase of a few words that ends the
// sentence (`“…,” he began from the Senate dais.`, `“…,” Ross ruled on
// Friday.`): an adjunct of place or time, no object of the verb.
func (x *quoteExtractor) closingAdjunct(pos int) bool {
	rest, ok := strings.CutPrefix(x.masked[pos:], " ")
	if !ok {
		return false
	}
	end := strings.IndexAny(rest, ".,;:!?\"\n")
	if end < 0 || rest[end] != '.' {
		return false
	}
	words := strings.Fields(rest[:end])
	if len(words) < 2 || len(words) > 5 || !prepositions[words[0]] {
		return false
	}
	// The phrase ends the sentence: a full stop, then a new sentence or
	// the paragraph's end.
	after := strings.TrimLeft(rest[end+1:], " ")
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || r == '\n' || r == '"' || unicode.IsUpper(r)
}
