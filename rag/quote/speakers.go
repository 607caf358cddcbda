package quote

// Who the words before or after a verb of saying name: a person, a
// description, a pronoun, a body or a document (classify and resolve).

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/prose"
)

func looksAppositive(ap string) bool {
	// A long appositive is a role's noun phrase with its modifiers
	// ("medical director for the … Center and associate chief of … at …
	// Hospital"), headed by a job title or a noun that names a person;
	// anything else that long is a clause.
	if ap == "" || len(strings.Fields(ap)) > 20 && !titleHeaded(ap) {
		return false
	}
	// A party and state: "Chuck Schumer, D-N.Y., said".
	if reParty.MatchString(ap) {
		return true
	}
	// An age, alone or before the rest: "Ada Lund, 54, said", "Ada
	// Lund, 77, of Millbrook, told the panel".
	if ageAppositive(ap) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(ap)
	// Lower case ("a lawyer"), an article, or a possessive that names
	// whose role it is ("Nomura's chief economist"), or a title written
	// in capitals ("General Manager of Northwind Browser", "Northwind vice
	// chairman of public affairs").
	return unicode.IsLower(r) || titleHeaded(ap) || strings.HasPrefix(ap, "The ") || strings.HasPrefix(ap, "A ") || strings.HasPrefix(ap, "An ") ||
		strings.Contains(ap, "'s ") || strings.Contains(ap, "’s ")
}

// titleHeaded reports whether a phrase is a noun phrase whose head, the
// last word before a preposition, a comma or the end, is a job title or a
// noun whose first sense names a person ("General Manager of Northwind",
// "Northwind vice chairman"). A list of names ("Tom Reece and Ivo Sand")
// has a name for its head.
func titleHeaded(ap string) bool {
	var words []string
	for _, w := range strings.Fields(ap) {
		lw := strings.ToLower(strings.Trim(w, ".,;:"))
		if prepositions[lw] {
			break
		}
		words = append(words, lw)
		if strings.ContainsAny(w, ",;") {
			break
		}
	}
	if len(words) == 0 {
		return false
	}
	head := words[len(words)-1]
	return jobTitles[head] || isPersonNoun(head)
}

var reParty = regexp.MustCompile(`^[DRI]-[A-Z][A-Za-z.]*$`)

var reAppositiveLead = regexp.MustCompile(`^(?i)(?:who (?:was|is|has been|had been|served as|serves as|became)|who)\s+`)

func cleanAppositive(ap string) string {
	if ageAppositive(ap) {
		return "" // an age is no role
	}
	// "Acme Widgets, which makes parts,": a relative clause on a thing
	// says what it does, not a role (see thingGrammar).
	if w := strings.ToLower(firstWord(ap)); w == "which" {
		return ""
	}
	return strings.TrimSpace(reAppositiveLead.ReplaceAllString(ap, ""))
}

func trimRightSpace(s string, lo, end int) int {
	for end > lo {
		r, size := utf8.DecodeLastRuneInString(s[lo:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}

func trimRightPunct(s string, lo, end int) int {
	for end > lo {
		r, size := utf8.DecodeLastRuneInString(s[lo:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		end -= size
	}
	return end
}

// lastWordStart returns where the word ending at end begins, or end when
// the rune before end is not part of a word.
func lastWordStart(s string, lo, end int) int {
	i := end
	for i > lo {
		r, size := utf8.DecodeLastRuneInString(s[lo:i])
		if !isNameRune(r) {
			break
		}
		i -= size
	}
	return i
}

func isNameRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '’' || r == '\'' || r == '‘' || r == '-'
}

// classify says what kind of speaker the words s..e of the masked body
// name, without resolving them.
func (x *quoteExtractor) classify(s, e int) speakerKind {
	np := x.masked[s:e]
	words := strings.Fields(np)
	if len(words) == 0 || len(words) > 12 || strings.ContainsAny(np, "“”\"") {
		return kindNone
	}
	lower := strings.ToLower(np)
	switch lower {
	case "he", "she", "they":
		return kindPronoun
	}
	first := strings.ToLower(words[0])
	head := strings.ToLower(strings.TrimRight(words[len(words)-1], ".,;:"))
	if _, ok := x.personOfPlace(s, e); ok {
		return kindNamed
	}
	if p, ok := x.personEndingAt(s, e); ok && p.start >= s {
		// "A spokesperson for Quest Diagnostics": the name is in a
		// prepositional phrase; the head, and the speaker, is before it.
		if p.at > s && (x.afterPreposition(p.at) && x.lowerWordBefore(p.at) || x.headBefore(s, p.at)) {
			if speakerHeads[strings.ToLower(words[0])] || speakerHeads[strings.ToLower(words[min(1, len(words)-1)])] {
				return kindOtherDesc
			}
			return kindNone
		}
		// "a charge Lund denied": an indefinite article and lower-case
		// nouns none of which names a person, before the name, are a noun
		// phrase whose relative clause the name begins ("the late Ada
		// Lund said" is her).
		if p.at > s && (first == "a" || first == "an") && x.commonNounsOnly(s, p.at) && !x.epithetsOnly(s, p.at) {
			return kindNone
		}
		return kindNamed
	}
	// "a statement on Ada Lund's account", "Ada Lund's statement".
	if (first == "a" || first == "an" || first == "the" || isPossessive(first)) && len(words) > 1 && statementHeads[strings.ToLower(strings.Trim(words[1], ","))] {
		if p, ok := x.possessivePersonIn(s, e); ok {
			// "the statement from Ada Lund's office": the possessive owns
			// the speaker of the statement (an office, a lawyer, a
			// family), not the statement.
			if x.ownsSpeaker(p, e) {
				return kindOtherDesc
			}
			return kindStatement
		}
	}
	// "the lawyer", "the Washington state Democrat": a definite
	// description whose head is a person noun by WordNet means one person
	// the article has already named.
	if first == "the" && len(words) > 1 && len(words) <= 5 && isPersonNoun(head) && !titleOfBody(words) {
		return kindPersonDesc
	}
	// "the president of Ukraine": the head stands before the
	// prepositional phrase.
	if first == "the" && len(words) <= 8 {
		if k := firstPreposition(words); k >= 2 && isLowerWord(words[k-1]) && isPersonNoun(words[k-1]) {
			return kindPersonDesc
		}
	}
	if isLowerWord(words[len(words)-1]) {
		// "Felix's grandfather", "her coach": a person the article names
		// with that role, when it names one (see resolveDescription).
		if isPossessive(first) && len(words) <= 4 && isPersonNoun(head) && !speakerHeads[head] {
			return kindPersonDesc
		}
		if personHeads[head] && (first == "the") && len(words) <= 4 {
			return kindPersonDesc
		}
		if strings.HasSuffix(lower, "prime minister") && first == "the" && len(words) <= 4 {
			return kindPersonDesc
		}
		if speakerHeads[head] || (determiners[first] || strings.HasSuffix(first, "'s") || strings.HasSuffix(first, "’s")) && isBodyOrDocument(head) {
			return kindOtherDesc
		}
		return kindNone
	}
	// Capitalised words only ("Downing Street", "the Kremlin", "Zelenskyy").
	for i, w := range words {
		if i == 0 && first == "the" {
			continue
		}
		if !prose.StartsUpper(w) {
			return kindNone
		}
	}
	if len(words) == 1 && first == "the" {
		return kindNone
	}
	if len(words) == 1 && leadingWords[first] {
		return kindNone
	}
	return kindNamed
}

// ownsSpeaker reports whether the noun the possessive name before e
// determines names someone who speaks for the person: a person noun ("her
// lawyer"), a body ("his office", "her family", by WordNet's noun.group),
// or a speaker head ("his spokesman").
func (x *quoteExtractor) ownsSpeaker(p personMention, e int) bool {
	rest := strings.TrimLeft(x.masked[p.end:e], "’'‘s")
	words := strings.Fields(rest)
	if k := firstPreposition(words); k >= 0 {
		words = words[:k]
	}
	if len(words) == 0 {
		return false
	}
	// The head of the phrase: "her social media" is media.
	w := strings.ToLower(strings.Trim(words[len(words)-1], ".,;:"))
	if !isLowerWord(w) {
		return false
	}
	if statementHeads[w] {
		return false // "Ada Lund's statement" is hers
	}
	files := nounFiles(w)
	return speakerHeads[w] || isPersonNoun(w) || len(files) > 0 && files[0] == "noun.group"
}

// relativeAge maps the comparatives of age English uses to tell namesakes
// of one family apart ("the elder Crane", "the younger Crane") to whether
// the older is meant.
var relativeAge = map[string]bool{"the elder": true, "the older": true, "the senior": true, "the younger": false, "the junior": false}

// byGeneration returns, of the people named in full who share a surname,
// the father (no suffix, or "Sr.") when elder, else the son ("Jr.").
func (x *quoteExtractor) byGeneration(surname string, elder bool) (string, bool) {
	toks := nameTokens(surname)
	found := ""
	for _, p := range x.fullNames {
		if !subsetOf(toks, p.tokens) {
			continue
		}
		suffix := p.tokens[len(p.tokens)-1]
		junior := suffix == "jr" || suffix == "ii" || suffix == "iii"
		if junior != elder {
			if found != "" && found != x.canonical(p.name) {
				return "", false
			}
			found = x.canonical(p.name)
		}
	}
	return found, found != ""
}

// commonNounsOnly reports whether the words after the first in s..e are
// lower case and the last of them is no role before a name: not a noun
// whose first sense WordNet files under noun.person, nor a title or a role
// noun ("a charge", not "the team's spokesman" or "the agency head").
func (x *quoteExtractor) commonNounsOnly(s, e int) bool {
	words := strings.Fields(x.masked[s:e])
	if _, ok := relativeAge[strings.ToLower(strings.Join(words, " "))]; len(words) < 2 || ok {
		return false
	}
	for _, w := range words[1:] {
		if !isLowerWord(w) {
			return false
		}
	}
	last := strings.ToLower(strings.Trim(words[len(words)-1], ".,;:"))
	return !isPersonNoun(last) && !jobTitles[last] && !roleNouns[last]
}

// firstPreposition returns the index of the first preposition among
// words, or -1.
func firstPreposition(words []string) int {
	for k, w := range words {
		if prepositions[strings.ToLower(w)] {
			return k
		}
	}
	return -1
}

// isPossessive reports whether a lower-cased word is a possessive: a
// possessive determiner or a name with 's.
func isPossessive(w string) bool {
	switch w {
	case "his", "her", "their", "its", "our", "my", "your":
		return true
	}
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// titleOfBody reports whether "the" and capitalised words are the name of
// a publication or a body, not a description of a person: one word ("The
// Guardian", "The Independent"), or three or more all capitalised ("the
// Southern Arizona Guide"). A capitalised place before a party or origin
// noun ("the Ohio Republican") is a description.
func titleOfBody(words []string) bool {
	rest := words[1:]
	for _, w := range rest {
		if isLowerWord(w) {
			return false
		}
	}
	return len(rest) == 1 || len(rest) >= 3
}

// headBefore reports whether the phrase s..pos opens with an indefinite
// article and a lower-case noun followed by a preposition: "an attorney for
// Trump personal attorney Rudy Giuliani" is the attorney, not Giuliani.
func (x *quoteExtractor) headBefore(s, pos int) bool {
	words := strings.Fields(strings.ToLower(x.masked[s:pos]))
	if len(words) < 3 || (words[0] != "a" && words[0] != "an") || !isLowerWord(words[1]) {
		return false
	}
	for _, w := range words[2:] {
		if prepositions[w] {
			return true
		}
	}
	return false
}

// lowerWordBefore reports whether the word two before pos (the one before
// a preposition) is lower case: "a spokesperson for", not "Secretary of".
func (x *quoteExtractor) lowerWordBefore(pos int) bool {
	end := trimRightSpace(x.masked, 0, pos)
	ws := lastWordStart(x.masked, 0, end)
	end = trimRightSpace(x.masked, 0, ws)
	ws = lastWordStart(x.masked, 0, end)
	return ws < end && isLowerWord(x.masked[ws:end])
}

func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// personOfPlace finds the person a phrase opens with when a place or a
// body follows with "of": "Joe Manchin of West Virginia", "Senator Ada
// Lund of the Farm Party".
func (x *quoteExtractor) personOfPlace(s, e int) (personMention, bool) {
	k := x.peopleFrom(s)
	if k >= len(x.people) {
		return personMention{}, false
	}
	p := x.people[k]
	if p.at < s || p.end >= e {
		return personMention{}, false
	}
	// Only a lower-case role may stand before the name, with its
	// modifiers: "meteorologist Ola Berg of Northwind Weather",
	// "Well-known Ohio TV meteorologist Ola Berg of WKRP 12".
	lead := strings.Fields(x.masked[s:p.at])
	for i, w := range lead {
		if determiners[strings.ToLower(w)] || i == len(lead)-1 && !isLowerWord(w) {
			return personMention{}, false
		}
	}
	rest := strings.TrimSpace(x.masked[p.end:e])
	if !strings.HasPrefix(rest, "of ") {
		return personMention{}, false
	}
	for i, w := range strings.Fields(rest)[1:] {
		r, _ := utf8.DecodeRuneInString(w)
		if !prose.StartsUpper(w) && !unicode.IsDigit(r) && !(i == 0 && w == "the") {
			return personMention{}, false
		}
	}
	return p, true
}

// personEndingAt finds the person mention that ends the phrase s..e (a
// trailing possessive counts).
func (x *quoteExtractor) personEndingAt(s, e int) (personMention, bool) {
	for i := min(x.peopleFrom(e), len(x.people)-1); i >= 0; i-- {
		p := x.people[i]
		if p.start < s {
			break
		}
		if p.end == e || (p.end < e && strings.TrimRight(x.masked[p.end:e], "’'‘s") == "") {
			return p, true
		}
	}
	return personMention{}, false
}

func (x *quoteExtractor) possessivePersonIn(s, e int) (personMention, bool) {
	for _, p := range x.people[x.peopleFrom(s):] {
		if p.start >= e {
			break
		}
		if p.start >= s && p.end <= e && p.possessive {
			return p, true
		}
	}
	return personMention{}, false
}

// resolve turns the words naming a speaker into a speaker.
func (x *quoteExtractor) resolve(s, e int) (speakerRef, bool) {
	np := x.masked[s:e]
	ref := speakerRef{mention: np}
	switch x.classify(s, e) {
	case kindNamed:
		ref.mention = "" // the name is the mention
		p, ok := x.personOfPlace(s, e)
		if !ok {
			p, ok = x.personEndingAt(s, e)
		}
		if ok {
			ref.speaker = x.canonical(p.name)
			ref.person = true
			role := strings.TrimSpace(x.masked[s:p.start])
			// A sentence adverb before the name is no role: "Only New
			// York said".
			if leadingWords[strings.ToLower(role)] {
				role = ""
			}
			if role == "" {
				role = p.title
			}
			ref.role = role
			// "the elder Crane", "the younger Crane": of two people
			// sharing the surname, the one without or with "Jr.".
			if elder, ok := relativeAge[strings.ToLower(role)]; ok {
				if name, ok := x.byGeneration(p.name, elder); ok {
					ref.speaker, ref.role = name, ""
				}
			}
		} else {
			ref.speaker = x.canonical(np)
			ref.person = x.isKnownPerson(np)
		}
		return ref, true
	case kindPronoun:
		return x.resolvePronoun(strings.ToLower(np), s)
	case kindPersonDesc:
		p, ok := x.resolveDescription(np, s)
		if !ok {
			// Someone the article does not name ("the pontiff", "the
			// spokesperson"): the verb's subject is read, so no other
			// reading of the sentence (a continuation, the speaker of the
			// paragraph before) may give the words to a named person; with
			// no speaker, the quotation is left out.
			return speakerRef{mention: np}, true
		}
		ref.speaker = x.canonical(p.name)
		ref.role = p.title
		if ref.role == "" {
			ref.role = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(np, "the "), "The "))
		}
		ref.resolved, ref.person = true, true
		return ref, true
	case kindStatement:
		p, _ := x.possessivePersonIn(s, e)
		ref.speaker = x.canonical(p.name)
		ref.person = true
		return ref, true
	case kindOtherDesc:
		ref.speaker = np
		return ref, true
	}
	return speakerRef{}, false
}
