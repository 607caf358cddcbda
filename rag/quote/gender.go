package quote

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// Pronoun gender as evidence about who a pronoun can mean: "she" cannot be
// the man named before. The evidence is the article's own: a courtesy
// title (Mr, Mrs, Ms), and the pronouns that follow a sentence naming one
// person only.

const (
	genderUnknown byte = 0
	genderMale    byte = 'm'
	genderFemale  byte = 'f'
)

var (
	malePronouns   = map[string]bool{"he": true, "him": true, "his": true, "himself": true}
	femalePronouns = map[string]bool{"she": true, "her": true, "hers": true, "herself": true}
)

func pronounGender(p string) byte {
	switch {
	case malePronouns[p]:
		return genderMale
	case femalePronouns[p]:
		return genderFemale
	}
	return genderUnknown
}

// readGenders fills x.gender, by canonical name.
func (x *quoteExtractor) readGenders() {
	votes := map[string][2]int{}
	// vote counts n pieces of evidence that a person is of gender g.
	vote := func(name string, g byte, n int) {
		v := votes[name]
		switch g {
		case genderMale:
			v[0] += n
		case genderFemale:
			v[1] += n
		}
		votes[name] = v
	}
	for si, s := range x.sentences {
		var only string
		many, oblique := false, false
		firstEnd := 0
		for _, p := range x.people[x.peopleFrom(s[0]):] {
			if p.start >= s[1] {
				break
			}
			name := x.canonical(p.name)
			vote(name, x.courtesyGender(p), 3)
			// A role that says the person's sex: "Congresswoman", "actress",
			// "Bolt, the team's spokesman,".
			vote(name, x.roleGender(p), 3)
			if only == "" {
				only, firstEnd, oblique = name, p.end, p.possessive || x.afterPreposition(p.at)
				// "Elon Musk's daughter petitioned …, saying she …": a
				// name that only determines a noun of a person is not
				// whom the sentence's pronouns go on about; the person
				// the noun names is.
				if x.ownsPerson(p) {
					many = true
				}
			} else if name != only {
				many = true
			}
		}
		// A sentence that opens with "His" or "Her" before naming anyone
		// ("Her rival, Tom Reece, smiled.") speaks of someone named
		// before: the subject of the last sentence that names a person.
		// That person is not the one the sentence goes on to name.
		// The sentence's later pronouns of that gender go on about that
		// person too ("Her refusal to accept Tom Reece's claims has put
		// her at odds …"), and say nothing of the one it names.
		opened := genderUnknown
		if g := pronounGender(strings.ToLower(firstWord(x.masked[s[0]:s[1]]))); g != genderUnknown && si > 0 && only != "" {
			if prev, ok := x.lastSubjectBefore(si); ok && x.canonical(prev.name) != only {
				vote(x.canonical(prev.name), g, 2)
				opened = g
			}
		}
		if only == "" || many {
			continue
		}
		// The pronouns after the name in its sentence, and in the next
		// sentence when that one names nobody.
		own := len(strings.Fields(x.masked[firstEnd:s[1]]))
		text := x.masked[firstEnd:s[1]]
		// A person named only in a prepositional phrase or a possessive
		// ("a nod to Tom Reece, who …") is not whom the next sentence's
		// pronouns go on about.
		if si+1 < len(x.sentences) && !oblique {
			next := x.sentences[si+1]
			k := x.peopleFrom(next[0])
			if k >= len(x.people) || x.people[k].start >= next[1] {
				text += " " + x.masked[next[0]:next[1]]
			}
		}
		v := votes[only]
		words := strings.Fields(strings.ToLower(text))
		for k, w := range words {
			raw := w
			w = strings.Trim(w, ".,;:!?\"()")
			// An object pronoun in the sentence of the name is most
			// often someone else: English says "Lund cited herself" of
			// Lund and "Lund cited her" of another woman (a personal
			// pronoun is not bound in its own clause). In the next
			// sentence it may be the name's again ("Police charged
			// him.").
			if k < own && (w == "him" || w == "her" && objectPronoun(raw, words[k+1:])) {
				continue
			}
			if k < own && pronounGender(w) == opened {
				continue
			}
			switch pronounGender(w) {
			case genderMale:
				v[0]++
			case genderFemale:
				v[1]++
			}
		}
		votes[only] = v
	}
	x.gender = map[string]byte{}
	for name, v := range votes {
		switch {
		case v[0] > v[1]:
			x.gender[name] = genderMale
		case v[1] > v[0]:
			x.gender[name] = genderFemale
		}
	}
}

// givenGender is the gender a person's given name says (see
// givenNameGender), for a full name of a given name and a surname; a
// company or a product named like a person ("Ford Bronco") may have one,
// so it is no evidence that the name is a person's.
func givenGender(name string) byte {
	if first, _, _, ok := nameParts(nameTokens(name)); ok {
		return givenNameGender(first)
	}
	return genderUnknown
}

// ownsPerson reports whether a possessive name determines a noun that
// names a person by WordNet ("Musk's children", "Lund's lawyer"), or a
// name is the object of "of" after such a noun ("the wife of Sergey Brin").
func (x *quoteExtractor) ownsPerson(p personMention) bool {
	if p.possessive {
		rest := strings.Fields(x.masked[p.end:min(len(x.masked), p.end+40)])
		return len(rest) > 1 && personNounForm(rest[1])
	}
	of := lastWordBefore(x.masked, p.at)
	if !strings.EqualFold(of, "of") {
		return false
	}
	return personNounForm(lastWordBefore(x.masked, trimRightSpace(x.masked, 0, p.at)-len(of)))
}

// personNounForm reports whether a word, or the singular it is a plural
// of, is first a noun of a person in WordNet ("wife", "children").
func personNounForm(w string) bool {
	w = strings.ToLower(strings.Trim(w, ".,;:!?\"()"))
	if w == "" || !isLowerWord(w) {
		return false
	}
	if isPersonNoun(w) {
		return true
	}
	for _, b := range lexicon.Bases(w) {
		if f := nounFiles(b); len(f) > 0 && f[0] == "noun.person" {
			return true
		}
	}
	return false
}

// objectPronoun reports whether "her", written raw with the punctuation
// after it, is the object pronoun rather than the possessive determiner:
// punctuation follows it, or nothing, or a word that cannot begin the noun
// phrase a possessive opens (a preposition, a determiner, a pronoun, a
// complementiser or a conjunction, all closed classes), as in "related to
// her by marriage", "told her that", "gave her the keys".
func objectPronoun(raw string, rest []string) bool {
	if strings.TrimRight(raw, ".,;:!?\"()") != raw || len(rest) == 0 {
		return true
	}
	next := strings.Trim(rest[0], ".,;:!?\"()")
	return prepositions[next] || determiners[next] || pronouns[next] || clauseWords[next] || coordinators[next]
}

// firstWord returns the first word of s, without the punctuation after it.
func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[0], ".,;:!?\"")
}

// lastSubjectBefore returns the first person, not in a possessive or a
// prepositional phrase, of the nearest sentence before sentence si that
// names anyone, in the same or the previous paragraph.
func (x *quoteExtractor) lastSubjectBefore(si int) (personMention, bool) {
	limit := x.paragraphsBack(x.sentences[si][0], 2)
	for k := si - 1; k >= 0 && x.sentences[k][1] > limit; k-- {
		s := x.sentences[k]
		named := false
		for _, p := range x.people[x.peopleFrom(s[0]):] {
			if p.start >= s[1] {
				break
			}
			named = true
			if !p.possessive && !x.afterPreposition(p.at) {
				return p, true
			}
		}
		if named {
			return personMention{}, false
		}
	}
	return personMention{}, false
}

// courtesyGender reads the gender a courtesy title before a mention says:
// "Mr" a man, "Mrs", "Ms" and "Miss" a woman.
func (x *quoteExtractor) courtesyGender(p personMention) byte {
	courtesy := strings.ToLower(strings.Fields(p.name)[0])
	// "Ms. Ada Lund": the abbreviation's full stop keeps the courtesy
	// title out of the name.
	if e := trimRightSpace(x.masked, 0, p.at); e > 0 && x.masked[e-1] == '.' {
		courtesy = strings.ToLower(x.masked[lastWordStart(x.masked, 0, e-1) : e-1])
	}
	return courtesyTitleGender(courtesy)
}

// courtesyTitleGender is the gender of a courtesy title, lower case and
// without its full stop (a closed class).
func courtesyTitleGender(w string) byte {
	switch w {
	case "mr":
		return genderMale
	case "mrs", "ms", "miss":
		return genderFemale
	}
	return genderUnknown
}

// roleGender reads a person's sex from the role nouns the article gives
// them: the title or role before the name, or an appositive after it. The
// evidence is morphological: English marks the sex of a role noun with the
// compounds -woman and -man (spokeswoman, chairman) and the suffix -ess
// (actress, duchess); the word must be a person noun by WordNet, which
// keeps "human" and "witness" out.
func (x *quoteExtractor) roleGender(p personMention) byte {
	words := strings.Fields(strings.ToLower(p.title + " " + p.role))
	if rest := x.masked[p.end:]; strings.HasPrefix(rest, ", ") {
		ap := rest[2:]
		if k := strings.IndexAny(ap, ",.;\n\""); k >= 0 {
			ap = ap[:k]
		}
		if looksAppositive(ap) {
			words = append(words, strings.Fields(strings.ToLower(ap))...)
		}
	}
	for _, w := range words {
		w = strings.Trim(w, ".,;:’'")
		if len(w) < 5 || !isPersonNoun(w) {
			continue
		}
		switch {
		case strings.HasSuffix(w, "woman"):
			return genderFemale
		case strings.HasSuffix(w, "ess") && !strings.HasSuffix(w, "ness"):
			return genderFemale
		case strings.HasSuffix(w, "man") && len(w) > 5:
			return genderMale
		}
	}
	return genderUnknown
}

// agrees reports whether a pronoun may mean the person: their gender is
// unknown, or it is the pronoun's.
func (x *quoteExtractor) agrees(pronoun, name string) bool {
	g := pronounGender(pronoun)
	if g == genderUnknown {
		return true
	}
	known := x.gender[name]
	if known == genderUnknown {
		// No evidence in the article, or as much each way: the given
		// name, when one sex alone bears it, rules the other pronoun out.
		known = givenGender(name)
	}
	return known == genderUnknown || known == g
}

// recentSubject returns the person a pronoun at pos most likely means by
// salience: the first person the pronoun's own sentence names before it,
// or else the first one named in the nearest sentence before that names
// anyone, going back no further than the paragraph before. Possessives
// ("Griner's wife") and people the pronoun cannot mean are passed over.
func (x *quoteExtractor) recentSubject(pronoun string, pos int) (personMention, bool) {
	i := sort.Search(len(x.sentences), func(i int) bool { return x.sentences[i][1] > pos })
	limit := x.paragraphsBack(pos, 2)
	for k := min(i, len(x.sentences)-1); k >= 0; k-- {
		s := x.sentences[k]
		if s[1] <= limit {
			break
		}
		// A sentence whose own subject is the same pronoun carries the
		// reference on from further back: leave it to the last speaker.
		pr := x.firstPronoun(pronoun, s[0], min(s[1], pos))
		for _, p := range x.people[x.peopleFrom(s[0]):] {
			if p.start >= s[1] || p.end > pos || (pr >= 0 && p.start > pr) {
				break
			}
			if p.possessive || x.afterPreposition(p.at) && !x.passiveAgent(p.at) || x.afterDeterminer(p.at) || !x.agrees(pronoun, x.canonical(p.name)) {
				continue
			}
			// A name one of several alternatives ("If Pelosi or anyone
			// else decides to go, he said") is no one person that "he"
			// or "she" can mean.
			if x.disjunct(p) {
				continue
			}
			return p, true
		}
		if pr >= 0 {
			return personMention{}, false
		}
	}
	return personMention{}, false
}

// prepositions put a name in a phrase that is not the subject ("the
// funeral of Pope Francis").
var prepositions = prose.WordSet(`of for with to from by at in on about against after before over under into during without than like around across along among amid between beyond despite near through throughout toward towards upon via within`)

// passiveAgent reports whether the name at pos is the agent of a passive,
// "by" after a past participle ("concerns echoed by Prime Minister Ivo
// Sand"): the doer, whom a later pronoun may mean as it may a subject.
func (x *quoteExtractor) passiveAgent(pos int) bool {
	e := trimRightSpace(x.masked, 0, x.abbreviatedTitleStart(0, pos))
	ws := lastWordStart(x.masked, 0, e)
	// Capitalised title words before the name ("Japanese Prime Minister").
	for ws < e && isTitleCase(x.masked[ws:e]) {
		e = trimRightSpace(x.masked, 0, ws)
		ws = lastWordStart(x.masked, 0, e)
	}
	if !strings.EqualFold(x.masked[ws:e], "by") {
		return false
	}
	ve := trimRightSpace(x.masked, 0, ws)
	vs := lastWordStart(x.masked, 0, ve)
	v := strings.ToLower(x.masked[vs:ve])
	// A participial phrase that opens the sentence ("Pressed by Sand,
	// Lund said …") is an adjunct of the main clause, whose subject is
	// someone else.
	if ss, _ := x.sentenceAround(vs); strings.TrimSpace(x.masked[ss:vs]) == "" {
		return false
	}
	return (strings.HasSuffix(v, "ed") || strings.HasSuffix(v, "en")) && lexicon.IsVerb(v)
}

// afterPreposition reports whether the word before pos is a preposition.
func (x *quoteExtractor) afterPreposition(pos int) bool {
	end := trimRightSpace(x.masked, 0, pos)
	ws := lastWordStart(x.masked, 0, end)
	return ws < end && prepositions[strings.ToLower(x.masked[ws:end])]
}

// evidenced reports whether the article shows a name to be a person's and
// not an organisation's ("Ford Motor Co", "Human Rights Watch" are two or
// more capitalised words too): a title, a courtesy title or a role noun
// before it, a description after it, a gendered pronoun that refers to it,
// or the surname used alone elsewhere, as news names people after the
// first mention.
func (x *quoteExtractor) evidenced(name string) bool {
	if ok, seen := x.personHood[name]; seen {
		return ok
	}
	ok := x.gender[name] != genderUnknown
	toks := nameTokens(name)
	// "Acme Widgets, which makes parts,": what takes "which" is a thing,
	// whatever role-like words its clause holds; only a gendered pronoun
	// or a courtesy title outweighs it.
	if !ok && x.namedAsThing(name) {
		if !x.reading {
			if x.personHood == nil {
				x.personHood = map[string]bool{}
			}
			x.personHood[name] = false
		}
		return false
	}
	// Only people carry a generational suffix: "Marcos Jr.".
	if len(toks) > 1 && nameSuffixes[toks[len(toks)-1]] {
		ok = true
	}
	for _, p := range x.people {
		if ok {
			break
		}
		c := x.canonical(p.name)
		if c != name && !sameNameWord(strings.ToLower(c), strings.ToLower(name)) {
			continue
		}
		first := strings.ToLower(strings.Fields(p.name)[0])
		if p.title != "" || p.role != "" || honorifics[first] || x.personGrammar(p) {
			ok = true
		}
		// The surname alone, elsewhere: "Rochester said".
		if pt := nameTokens(p.name); len(pt) == 1 && len(toks) > 1 && pt[0] == toks[len(toks)-1] {
			ok = true
		}
	}
	// A role noun in an appositive or an abbreviated title: "Volodymyr
	// Petrenko, the president of Ukraine,", "Sen. Rolf Aune".
	if !ok && len(x.profileOf(name).roles) > 0 {
		ok = true
	}
	for _, sa := range x.speech {
		if ok {
			break
		}
		// A role the speaker was given by resolving a description is no
		// evidence: the description was resolved to them on the
		// assumption that they are a person.
		if sa.ok && sa.ref.speaker == name && sa.ref.role != "" && !sa.ref.resolved {
			ok = true
		}
	}
	if x.reading {
		// The speech verbs are still being read: a later one may give
		// the evidence.
		return ok
	}
	if x.personHood == nil {
		x.personHood = map[string]bool{}
	}
	x.personHood[name] = ok
	return ok
}

// firstPronoun returns where the first subject pronoun of the same gender
// as pronoun ("he", "she") stands in s..e, or -1.
func (x *quoteExtractor) firstPronoun(pronoun string, s, e int) int {
	g := pronounGender(pronoun)
	if g == genderUnknown {
		return -1
	}
	for i := s; i < e; {
		ws := i
		for i < e && isNameRune(rune(x.masked[i])) && x.masked[i] < utf8.RuneSelf {
			i++
		}
		if w := strings.ToLower(x.masked[ws:i]); (w == "he" || w == "she") && pronounGender(w) == g {
			return ws
		}
		if i == ws {
			i++
		}
	}
	return -1
}

// afterDeterminer reports whether the word before pos is "the", "a" or
// "an": a name used as a modifier ("the Marcos son", "the Biden
// administration") is not the subject.
func (x *quoteExtractor) afterDeterminer(pos int) bool {
	end := trimRightSpace(x.masked, 0, pos)
	ws := lastWordStart(x.masked, 0, end)
	switch strings.ToLower(x.masked[ws:end]) {
	case "the", "a", "an":
		return true
	}
	return false
}

// disjunct reports whether a name is joined to another noun phrase by
// "or" or "nor" (a closed class of disjunctive conjunctions), either way:
// "Pelosi or anyone else", "either Lund or Reece".
func (x *quoteExtractor) disjunct(p personMention) bool {
	after := strings.Fields(x.masked[p.end:min(len(x.masked), p.end+8)])
	if len(after) > 0 && (after[0] == "or" || after[0] == "nor") {
		return true
	}
	w := strings.ToLower(lastWordBefore(x.masked, p.at))
	return w == "or" || w == "nor"
}
