package quote

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// personMention is a person named in the article.
type personMention struct {
	at         int    // where the mention begins, with any title
	start, end int    // the name, in the masked body
	name       string // as written, with a courtesy title ("Sir Keir"), without a job title
	title      string // a job title written before the name inside the run ("French President")
	role       string // a lowercase role noun just before the name ("aide")
	possessive bool
	full       bool     // two names or more, or a title: a name other mentions can be matched to
	tokens     []string // nameTokens(name), for full names
}

// fits reports whether the person may be the one a description with this
// head noun ("president") means.
func (p personMention) fits(head string) bool {
	if p.role != "" {
		return p.role == head
	}
	if p.title != "" {
		t := strings.Fields(strings.ToLower(p.title))
		return t[len(t)-1] == head
	}
	return true
}

// nameWord is a capitalised word in the masked body.
type nameWord struct {
	start, end int
	text       string // without a possessive ending
	possessive bool
}

// findPeople finds the people the article names outside quotations: runs
// of capitalised words with a title ("Mr Trump", "French President Emmanuel
// Macron") or of two names or more ("John Bolton"), and single names that
// repeat part of such a full name ("Trump").
func findPeople(masked string) []personMention {
	var runs [][]nameWord
	var run []nameWord
	flush := func() {
		if len(run) > 0 {
			runs = append(runs, run)
			run = nil
		}
	}
	for i := 0; i < len(masked); {
		r, size := utf8.DecodeRuneInString(masked[i:])
		if !isNameRune(r) || r == '-' || r == '’' || r == '\'' || r == '‘' {
			if r != ' ' {
				flush()
			}
			i += size
			continue
		}
		j := i
		for j < len(masked) {
			r2, s2 := utf8.DecodeRuneInString(masked[j:])
			if !isNameRune(r2) {
				break
			}
			j += s2
		}
		w := nameWord{start: i, end: j, text: masked[i:j]}
		for _, suf := range []string{"’s", "'s", "‘s", "’", "'"} {
			if strings.HasSuffix(w.text, suf) && len(w.text) > len(suf) {
				w.text = strings.TrimSuffix(w.text, suf)
				w.end = w.start + len(w.text)
				w.possessive = strings.HasSuffix(suf, "s")
				break
			}
		}
		// Given names written as initials open a run: "A.J. Hinch".
		if len(w.text) == 1 {
			if end, ok := initialsBeforeSurname(masked, i); ok {
				flush()
				run = append(run, nameWord{start: i, end: end, text: masked[i:end]})
				i = end
				continue
			}
		}
		// A middle initial goes on a run with its full stop: "Bradley P.
		// Moss", "James H. McClintock".
		if r0, _ := utf8.DecodeRuneInString(w.text); len(run) > 0 && len(w.text) == 1 && unicode.IsUpper(r0) &&
			masked[run[len(run)-1].end:i] == " " && !run[len(run)-1].possessive &&
			j+1 < len(masked) && masked[j] == '.' && nextIsTitleCase(masked, j+1) {
			w.end = j + 1
			run = append(run, w)
			i = j + 1
			continue
		}
		if isTitleCase(w.text) || (nameParticles[w.text] && nextIsTitleCase(masked, j)) {
			// A run goes on only across a single space.
			if len(run) > 0 && (masked[run[len(run)-1].end:i] != " " && !run[len(run)-1].possessive) {
				flush()
			}
			if len(run) > 0 && run[len(run)-1].possessive {
				flush()
			}
			run = append(run, w)
		} else {
			flush()
		}
		i = j
	}
	flush()

	var people []personMention
	var singles [][]nameWord
	for _, run := range runs {
		definite := false
		// A preposition opening a sentence is no given name either ("Like
		// Lund, Reece voted no").
		for len(run) > 0 && (leadingWords[strings.ToLower(run[0].text)] || prepositions[strings.ToLower(run[0].text)] || len(run) > 1 && questionAuxiliaries[strings.ToLower(run[0].text)]) {
			definite = strings.EqualFold(run[0].text, "the")
			run = run[1:]
		}
		if len(run) == 0 {
			continue
		}
		if namedBody(masked, run[0].start) || afterIndefinite(masked, run[0].start) {
			continue
		}
		// "The Ohio Republican", "the Senate Democrat": a definite
		// description whose head is a person noun, not a name.
		if (definite || afterWord(masked, run[0].start, "the")) && len(run) > 1 && isPersonNoun(run[len(run)-1].text) {
			continue
		}
		if p, ok := personFromRun(masked, run); ok {
			if definiteName(masked, run[0].start, definite, p) {
				continue
			}
			people = append(people, p)
		} else if len(run) == 1 {
			singles = append(singles, run)
		}
	}
	// Single names count when they repeat part of a full name.
	known := map[string]bool{}
	for _, p := range people {
		for _, t := range nameTokens(p.name) {
			known[t] = true
		}
	}
	for _, run := range singles {
		w := run[0]
		if lw := strings.ToLower(w.text); known[lw] && !nameSuffixes[lw] && !monthAsDate(masked, w) {
			people = append(people, personMention{at: w.start, start: w.start, end: w.end, name: w.text, possessive: w.possessive, role: roleBefore(masked, w.start)})
		}
	}
	sort.Slice(people, func(i, j int) bool { return people[i].start < people[j].start })
	return people
}

// namedBody reports whether the name at pos is given to an organisation by
// the noun phrase it stands in: "the DC-based firm Levy Firestone Muse",
// "his company, Rocky Mountain Rotors", "the rock band Garbage". The head
// noun just before it, after a determiner or a possessive, is one WordNet
// files first under noun.group (firm, company, band, agency, party) or
// noun.Tops (group), and never under noun.person among its first senses.
func namedBody(masked string, pos int) bool {
	end := trimRightSpace(masked, 0, pos)
	if end > 0 && masked[end-1] == ',' {
		end = trimRightSpace(masked, 0, end-1)
	}
	ws := lastWordStart(masked, 0, end)
	if ws == end || !isLowerWord(masked[ws:end]) {
		return false
	}
	// WordNet files "group" itself under noun.Tops, the top of the
	// hierarchy, with entity and thing.
	files := nounFiles(masked[ws:end])
	if len(files) == 0 || (files[0] != "noun.group" && files[0] != "noun.Tops") || slices.Contains(files, "noun.person") {
		return false
	}
	// A determiner or a possessive opens the noun phrase within a few
	// words: the noun is a head, not a verb or an adjective.
	at := ws
	for k := 0; k < 4 && at > 0; k++ {
		e := trimRightSpace(masked, 0, at)
		s := lastWordStart(masked, 0, e)
		if s == e {
			return false
		}
		w := strings.ToLower(masked[s:e])
		if determiners[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			return true
		}
		at = s
	}
	return false
}

// afterWord reports whether the word before pos is w, in any case.
func afterWord(masked string, pos int, w string) bool {
	end := trimRightSpace(masked, 0, pos)
	ws := lastWordStart(masked, 0, end)
	return strings.EqualFold(masked[ws:end], w)
}

// afterIndefinite reports whether "a" or "an" stands before pos: "a
// Virginia Democrat", "an Ohio Republican" describe someone; a name takes
// no indefinite article.
func afterIndefinite(masked string, pos int) bool {
	end := trimRightSpace(masked, 0, pos)
	ws := lastWordStart(masked, 0, end)
	w := masked[ws:end]
	return w == "a" || w == "an" || w == "A" || w == "An"
}

// corporateForms are the abbreviations and words for a company's legal
// form that English-language news writes after its name (a closed class:
// the forms of company law in the countries the news covers).
var corporateForms = prose.WordSet(`inc incorporated corp corporation co ltd limited llc llp lp plc gmbh ag sa nv bv`)

// determiners open a noun phrase (a closed class of English).
var determiners = prose.WordSet(`the a an his her its their our your my this these those that`)

// nameParticles are the lower-case words inside surnames: "Carlos del
// Rio", "Ursula von der Leyen".
var nameParticles = prose.WordSet(`de del della der van von da di du dos bin al le la`)

// nextIsTitleCase reports whether the word after a single space at pos is
// capitalised.
func nextIsTitleCase(s string, pos int) bool {
	if pos >= len(s) || s[pos] != ' ' {
		return false
	}
	end := pos + 1
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isNameRune(r) {
			break
		}
		end += size
	}
	return end > pos+1 && (isTitleCase(s[pos+1:end]) || nameParticles[s[pos+1:end]])
}

// isTitleCase accepts "Zelenskyy" and "McDonald", not "NATO", "US" or "x";
// nor a word with a digit in it ("Covid-19", "Mk2"): no name of a person
// is written with one.
func isTitleCase(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || strings.ContainsAny(w, "0123456789") {
		return false
	}
	rest := w[size:]
	if rest == "" {
		return false
	}
	lower := 0
	for _, r := range rest {
		if unicode.IsLower(r) {
			lower++
		}
	}
	return lower*2 >= utf8.RuneCountInString(rest)
}

func personFromRun(masked string, run []nameWord) (personMention, bool) {
	at := run[0].start
	lastTitle := -1
	for k, w := range run {
		// A title word followed by nothing but a suffix is the surname:
		// "Martin Luther King Jr.".
		// A title stands before a name: one at the end of the run, or
		// followed only by a suffix, is the surname ("Martin Luther
		// King", "Tom King Jr.").
		if jobTitles[strings.ToLower(w.text)] && !(surnameAt(masked, run, k)) {
			lastTitle = k
		}
		// A noun that can name a person, after a place or a body and
		// before the name's own words, is a title too: "House Clerk Ivo
		// Sand", "County Recorder Ada Lund".
		if k > 0 && k < len(run)-nameLength(run) && placeWords[strings.ToLower(run[k-1].text)] && !w.possessive && lexicon.CanNamePerson(strings.ToLower(w.text)) {
			lastTitle = k
		}
	}
	// A body named before a role noun before the name is the title's
	// ("White House Infrastructure Law Coordinator Mitch Landrieu"): the
	// last noun that can name a person, with a place or a body word
	// before it, ends the title, since a name holds no such word.
	if n := nameLength(run); lastTitle < 0 && len(run) > n+1 {
		body := -1
		for k, w := range run[:len(run)-n] {
			if placeWords[strings.ToLower(w.text)] {
				body = k
			}
		}
		for k := len(run) - n - 1; body >= 0 && k > body; k-- {
			if w := run[k]; !w.possessive && lexicon.CanNamePerson(strings.ToLower(w.text)) {
				lastTitle = k
				break
			}
		}
	}
	// A place or a body in the name itself, not in a title before it
	// ("Bank Chair Elsa Marr", "Chair of the Harbour Board Ada Berg"),
	// makes the run no person.
	from := lastTitle + 1
	if from == 0 && titleOfBefore(masked, at) {
		from = len(run) - nameLength(run)
	}
	for k, w := range run[from:] {
		if placeWords[strings.ToLower(w.text)] && !monthSurname(masked, run[from:], k) {
			return personMention{}, false
		}
	}
	// A company's legal form ends the name of a company, not a person's
	// ("Ford Motor Co", "Acme Widgets Inc").
	if corporateForms[strings.ToLower(strings.TrimSuffix(run[len(run)-1].text, "."))] {
		return personMention{}, false
	}
	titled := lastTitle >= 0
	title := ""
	if titled {
		title = masked[run[0].start:run[lastTitle].end]
		run = run[lastTitle+1:]
	}
	if len(run) == 0 {
		return personMention{}, false
	}
	// Capitalised words before a name of two words are the end of a title
	// when the run follows "of" or "and" ("Secretary of State Antony
	// Blinken", "Minister of Youth and Sports Vadym Gutzait") or when they
	// name an occupation by its suffix ("Sociologist Jayeel Cornelio").
	if n := nameLength(run); len(run) > n {
		lead := run[:len(run)-n]
		prev := strings.ToLower(strings.TrimSpace(masked[max(0, run[0].start-5):run[0].start]))
		strip := strings.HasSuffix(prev, " of") || prev == "of" || strings.HasSuffix(prev, " and") || prev == "and" || titleOfBefore(masked, at)
		// An occupation ends the title: the words after it are the name,
		// however many ("Congresswoman Ada Lund Berg").
		cut := len(lead)
		if !strip {
			for i, w := range lead {
				if isOccupation(w.text) {
					strip, cut = true, i+1
				}
			}
		}
		if strip {
			title = masked[at:lead[cut-1].end]
			titled = true
			run = run[cut:]
		}
	}
	if honorifics[strings.ToLower(run[0].text)] {
		titled = true
		if len(run) == 1 {
			return personMention{}, false
		}
	}
	if !titled && len(run) < 2 {
		return personMention{}, false
	}
	if institutionName(run) {
		return personMention{}, false
	}
	last := run[len(run)-1]
	p := personMention{
		at: at, start: run[0].start, end: last.end, name: masked[run[0].start:last.end], title: title,
		possessive: last.possessive, full: true,
	}
	if title == "" {
		p.role = roleBefore(masked, p.start)
	}
	return p, true
}

// institutionName reports whether a run of three words or more is the
// name of an institution, a place or a thing rather than a person's: it
// ends in a common noun that WordNet files first under noun.group,
// noun.location or noun.artifact and never under noun.person among its
// first senses (school, clinic, park, line, society), after a word that is
// itself an adjective or a common noun and not first a noun of a person
// (high, public, cruise, medicine; not "baker" or "farmers"), nor a
// particle of a surname ("Van Dam") or an initial ("Kee B. Park"). A person's name ends in a surname
// after a given name: a surname that is a common noun ("Rock", "Park")
// comes after a given name, which is neither.
func institutionName(run []nameWord) bool {
	if len(run) < 3 {
		return false
	}
	last := strings.ToLower(run[len(run)-1].text)
	prev := strings.ToLower(run[len(run)-2].text)
	files := nounFiles(last)
	if len(files) == 0 || files[0] != "noun.group" && files[0] != "noun.location" && files[0] != "noun.artifact" || slices.Contains(files, "noun.person") {
		return false
	}
	if nameParticles[prev] || givenNameGender(prev) != genderUnknown || utf8.RuneCountInString(strings.TrimSuffix(prev, ".")) < 2 {
		return false
	}
	pf := nounFiles(prev)
	return (len(pf) > 0 || lexicon.IsAdjective(prev)) && (len(pf) == 0 || pf[0] != "noun.person")
}

// surnameAt reports whether the title word at run[k] is a surname: it ends
// the run, or only a suffix follows it, after a word that is no title, and
// it is not an abbreviation ("Martin Luther King", "Tom King Jr.", not
// "Vice President" or "Republican Sen.").
func surnameAt(masked string, run []nameWord, k int) bool {
	last := k == len(run)-1 || k == len(run)-2 && nameSuffixes[strings.ToLower(run[k+1].text)]
	if !last || k == 0 || jobTitles[strings.ToLower(run[k-1].text)] {
		return false
	}
	return k != len(run)-1 || run[k].end >= len(masked) || masked[run[k].end] != '.'
}

// nameLength is how many words at the end of a run a person's name takes:
// a first name and a surname, with a suffix ("Jr") or a middle initial
// when there is one.
func nameLength(run []nameWord) int {
	n := 2
	if len(run) > 2 && nameSuffixes[strings.ToLower(run[len(run)-1].text)] {
		n++
	}
	if k := len(run) - n; k > 0 && len(run[k].text) == 1 {
		n++ // "John F Kennedy": the initial's full stop breaks most runs anyway
	}
	// Particles belong to the surname, with the given name before them:
	// "Ursula von der Leyen".
	for k := len(run) - n; k > 0 && nameParticles[run[k].text]; k = len(run) - n {
		n++
	}
	return min(n, len(run))
}

// titleOfBefore reports whether the run at pos completes a title of the
// form "Chair of the Harbour Board", "President of the Commission": a job
// title, "of" and an optional "the" stand just before it, so its first
// capitalised words name the body the title is of.
func titleOfBefore(masked string, pos int) bool {
	words := strings.Fields(masked[max(0, pos-40):pos])
	if n := len(words); n > 0 && words[n-1] == "the" {
		words = words[:n-1]
	}
	n := len(words)
	return n >= 2 && words[n-1] == "of" && jobTitles[strings.ToLower(words[n-2])]
}

// isOccupation reports whether a capitalised word before a name names an
// occupation by its ending: "Sociologist", "Economist", "Historian"; or by
// an agent-noun ending when WordNet's first sense of the word is a person
// ("Singer", "Actor", "Actress"). The ending keeps out first names that
// WordNet also files as people ("Martin").
func isOccupation(w string) bool {
	l := strings.ToLower(w)
	if len(l) > 6 && (strings.HasSuffix(l, "ist") || strings.HasSuffix(l, "ician") || strings.HasSuffix(l, "ologist")) {
		return true
	}
	agent := strings.HasSuffix(l, "er") || strings.HasSuffix(l, "or") || strings.HasSuffix(l, "ess") && !strings.HasSuffix(l, "ness") ||
		len(l) > 6 && (strings.HasSuffix(l, "man") || strings.HasSuffix(l, "person")) // "Spokesman", "Congresswoman"
	return len(l) > 4 && agent && isPersonNoun(l)
}

// roleBefore returns a lowercase role noun written just before pos ("aide"
// in "Kremlin aide Yuri Ushakov").
func roleBefore(masked string, pos int) string {
	end := trimRightSpace(masked, 0, pos)
	if end == pos {
		return ""
	}
	ws := lastWordStart(masked, 0, end)
	w := masked[ws:end]
	if roleNouns[w] {
		return w
	}
	return ""
}

// nameTokens returns a name's words for comparison: lowercase, without
// titles, courtesy titles, articles or possessive endings.
func nameTokens(name string) []string {
	var out []string
	// A job title is dropped, except as the surname: "King Charles" is
	// Charles and "French President Emmanuel Macron" Macron, while "Ada
	// King" and "Martin Luther King Jr." keep King.
	words := strings.Fields(strings.ToLower(name))
	last := len(words) - 1
	if last > 0 && nameSuffixes[strings.Trim(words[last], ".")] {
		last--
	}
	for i, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		for _, suf := range []string{"’s", "'s", "‘s"} {
			w = strings.TrimSuffix(w, suf)
		}
		w = strings.TrimRight(w, "’'‘")
		if w == "" {
			continue
		}
		if honorifics[w] || w == "the" || w == "a" || w == "an" {
			continue
		}
		if jobTitles[w] && (i != last || i == 0 && len(words) > 1) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// isKnownPerson reports whether a name matches a person the article names
// in full.
func (x *quoteExtractor) isKnownPerson(name string) bool {
	toks := nameTokens(name)
	if len(toks) == 0 {
		return false
	}
	for _, p := range x.fullNames {
		if subsetOf(toks, p.tokens) {
			return true
		}
	}
	return false
}

// canonical returns the fullest form the article gives a name: "Mr
// Zelenskyy" becomes "Volodymyr Zelenskyy" when the article names him so,
// "Sir Keir" becomes "Sir Keir Starmer". A plain courtesy title is dropped.
func (x *quoteExtractor) canonical(name string) string {
	if c, ok := x.canon[name]; ok {
		return c
	}
	c := x.canonicalUncached(name)
	if x.canon == nil {
		x.canon = map[string]string{}
	}
	x.canon[name] = c
	return c
}

func (x *quoteExtractor) canonicalUncached(name string) string {
	toks := nameTokens(name)
	best := ""
	bestN := wordsBesidesSuffix(toks)
	ambiguous := false
	// A surname alone is the person whose surname it is: "Reece" is Tom
	// Reece, not Ada Reece Lund, whose middle name it is, when the article
	// names both.
	// A word that opens a full name is a given name, which this does
	// not decide ("Paula" for Paula Cooper), unless it also ends a name
	// written inside a sentence ("Trump Plaza" and "Donald Trump"): a
	// family name often names a building or a firm, while a given name
	// is rarely a surname in the same article.
	surname := ""
	if bestN == 1 {
		opens := false
		for _, p := range x.fullNames {
			if subsetOf(toks, p.tokens[:1]) {
				opens = true
				continue
			}
			if t := lastBesidesSuffix(nameTokens(p.name)); surname == "" && t != "" && subsetOf(toks, []string{t}) {
				surname = t
			}
		}
		if opens && !x.endsPersonName(toks) {
			surname = ""
		}
	}
	// A surname alone is one person: the first the article introduced
	// with it, passing over one whom a courtesy title on the surname
	// ("Mr. Cash") contradicts; their fullest name is taken below, not the
	// fullest of anyone bearing the surname (a son named in full late in
	// his father's obituary is not "Mr. Cash").
	var first []string
	if surname != "" {
		g := x.courtesyOfName(toks)
		for _, p := range x.fullNames {
			if !subsetOf(toks, p.tokens) || !sameNameWord(lastBesidesSuffix(nameTokens(p.name)), surname) {
				continue
			}
			if g != genderUnknown {
				if pg := x.mentionGender(p.tokens); pg != genderUnknown && pg != g {
					continue
				}
			}
			first = p.tokens
			break
		}
	}
	for _, p := range x.fullNames {
		pt := p.tokens
		// A generational suffix adds no word to compare by: "Trump" is as
		// near to "Donald Trump Jr." as to "Donald Trump".
		n := wordsBesidesSuffix(pt)
		if n < bestN || !subsetOf(toks, pt) || surname != "" && !sameNameWord(lastBesidesSuffix(nameTokens(p.name)), surname) {
			continue
		}
		if first != nil && !subsetOf(first, pt) {
			continue
		}
		if n == bestN && best != "" && !sameTokens(nameTokens(best), pt) {
			// Two people share the name ("Cheney" for Liz and Dick):
			// news names the secondary one in full each time, so a bare
			// surname is the person introduced first, unless the mention
			// is the other's name exactly ("Carl Rand" beside "Carl Rand
			// Jr.").
			if !sameTokens(toks, pt) || sameTokens(toks, nameTokens(best)) {
				continue
			}
		}
		if n > bestN {
			ambiguous = false
		}
		best, bestN = p.name, n
	}
	if best == "" || ambiguous {
		best = name
	}
	if sameTokens(nameTokens(best), toks) {
		if p, ok := x.variantOf(toks); ok {
			best = p.name
		}
	}
	// One name and a title, and no fuller name anywhere in the article:
	// the title is part of how the person is known ("Pope Francis", "King
	// Charles"), and "Francis" alone would say little.
	if bt := nameTokens(best); len(bt) == 1 {
		for _, p := range x.fullNames {
			if p.title != "" && sameTokens(nameTokens(p.name), bt) {
				return lastField(p.title) + " " + displayName(best)
			}
		}
	}
	return displayName(best)
}

// endsPersonName reports whether a one-word name ends a full name of two
// words or more that does not open with it, written somewhere inside a
// sentence rather than at its start.
func (x *quoteExtractor) endsPersonName(toks []string) bool {
	for _, p := range x.people {
		if !p.full || len(nameTokens(p.name)) < 2 {
			continue
		}
		pt := nameTokens(p.name)
		if !sameNameWord(lastBesidesSuffix(pt), toks[0]) || sameNameWord(pt[0], toks[0]) {
			continue
		}
		// A sentence's first word glued to a name by its capital
		// ("Whether Paula", "Sometimes Gloria") is no given name: only a
		// mention inside its sentence counts.
		if ss, _ := x.sentenceAround(p.at); strings.Trim(x.masked[ss:p.at], " \n\"“”‘’'(") == "" {
			continue
		}
		return true
	}
	return false
}

// courtesyOfName is the gender the courtesy titles before a name's
// mentions say ("Mr. Cash" throughout), when every titled mention agrees.
func (x *quoteExtractor) courtesyOfName(toks []string) byte {
	g := genderUnknown
	for _, p := range x.people {
		if !sameTokens(nameTokens(p.name), toks) {
			continue
		}
		if c := x.courtesyGender(p); c != genderUnknown {
			if g != genderUnknown && c != g {
				return genderUnknown
			}
			g = c
		}
	}
	return g
}

// mentionGender is the gender the mentions of a full name say by their own
// words: a courtesy title or a role marked for sex ("Mrs. Ada Lund",
// "spokeswoman Ada Lund"), when they agree.
func (x *quoteExtractor) mentionGender(toks []string) byte {
	g := genderUnknown
	for _, p := range x.people {
		if !p.full || !sameTokens(nameTokens(p.name), toks) {
			continue
		}
		for _, c := range []byte{x.courtesyGender(p), x.roleGender(p)} {
			if c == genderUnknown {
				continue
			}
			if g != genderUnknown && c != g {
				return genderUnknown
			}
			g = c
		}
	}
	return g
}

// lastBesidesSuffix returns a name's last word before a generational
// suffix: its surname.
func lastBesidesSuffix(toks []string) string {
	for k := len(toks) - 1; k >= 0; k-- {
		if !nameSuffixes[toks[k]] {
			return toks[k]
		}
	}
	return ""
}

// wordsBesidesSuffix counts a name's words less a generational suffix.
func wordsBesidesSuffix(toks []string) int {
	n := 0
	for _, t := range toks {
		if !nameSuffixes[t] {
			n++
		}
	}
	return n
}

// displayName drops "Mr", "Mrs", "Ms" and "Miss" from a name, and a
// possessive ending.
func displayName(name string) string {
	name = strings.TrimSpace(name)
	for _, suf := range []string{"’s", "'s", "‘s"} {
		name = strings.TrimSuffix(name, suf)
	}
	f := strings.Fields(name)
	if len(f) > 1 {
		switch strings.ToLower(f[0]) {
		case "mr", "mrs", "ms", "miss":
			f = f[1:]
		}
	}
	return strings.Join(f, " ")
}

// variantOf finds the person a full name is another form of: a nickname
// or a misspelling of the first name ("Jay Halvard" for Jerome Halvard,
// "Jonathan" for Jonathon). The article must have named them before with
// the same surname and suffix, a first name with the same initial, and a
// role that agrees with one it gives this name; two such people are
// ambiguous, and neither is meant.
func (x *quoteExtractor) variantOf(toks []string) (personMention, bool) {
	first, last, suffix, ok := nameParts(toks)
	if !ok {
		return personMention{}, false
	}
	at := -1
	for _, p := range x.fullNames {
		if sameTokens(p.tokens, toks) {
			at = p.start
			break
		}
	}
	if at < 0 {
		return personMention{}, false
	}
	var found personMention
	n := 0
	for _, p := range x.fullNames {
		if p.start >= at {
			break
		}
		f, l, sf, ok := nameParts(p.tokens)
		if !ok || l != last || sf != suffix || f == first || !sameInitial(f, first) {
			continue
		}
		if n > 0 && sameTokens(found.tokens, p.tokens) {
			continue
		}
		if !rolesAgree(x.mentionProfile(p.tokens), x.mentionProfile(toks)) {
			continue
		}
		found = p
		n++
	}
	return found, n == 1
}

// nameParts splits name tokens into the first name, the surname and a
// generational suffix ("" when there is none).
func nameParts(toks []string) (first, last, suffix string, ok bool) {
	if n := len(toks); n > 0 && nameSuffixes[toks[n-1]] {
		suffix, toks = toks[n-1], toks[:n-1]
	}
	if len(toks) < 2 {
		return "", "", "", false
	}
	return toks[0], toks[len(toks)-1], suffix, true
}

func sameInitial(a, b string) bool {
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return ra == rb
}

// mentionProfile reads what the article says of a name where it writes
// exactly that name.
func (x *quoteExtractor) mentionProfile(toks []string) profile {
	var pr profile
	for _, p := range x.people {
		if sameTokens(nameTokens(p.name), toks) {
			x.readMention(&pr, p)
		}
	}
	return pr
}

// rolesAgree reports whether two profiles both give a role and one of them
// holds a role of the other.
func rolesAgree(a, b profile) bool {
	for _, r := range b.roles {
		if a.holds(r) {
			return true
		}
	}
	for _, r := range a.roles {
		if b.holds(r) {
			return true
		}
	}
	return false
}

// monthSurname reports whether the month name at run[k] is a surname
// ("Theresa May", "Judge Leigh Martin May"): the last word of the name,
// after a given name, and not followed by a day's number ("May 5").
func monthSurname(masked string, run []nameWord, k int) bool {
	if k == 0 || k != len(run)-1 || !isMonth(run[k].text) {
		return false
	}
	rest := strings.TrimLeft(masked[run[k].end:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsDigit(r)
}

// isMonth reports whether w is the English name of a month, as the time
// package writes them.
func isMonth(w string) bool {
	for m := time.January; m <= time.December; m++ {
		if strings.EqualFold(w, m.String()) {
			return true
		}
	}
	return false
}

// monthAsDate reports whether a month name standing alone is the month:
// after a preposition ("in May", "since May") or before a day's number.
func monthAsDate(masked string, w nameWord) bool {
	if !isMonth(w.text) {
		return false
	}
	end := trimRightSpace(masked, 0, w.start)
	if prepositions[strings.ToLower(masked[lastWordStart(masked, 0, end):end])] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(masked[w.end:], " "))
	return unicode.IsDigit(r)
}

// initialsBeforeSurname reports whether two or more capital letters, each
// with its full stop, start at i and stand before a capitalised word that
// is no common noun or job title by WordNet ("A.J. Hinch", "P.G.
// Sittenfeld"), and where the initials end. A place's or a body's
// initials stand before a noun ("U.S. Navy", "D.C. Council", "L.A.
// Times") or a title ("U.S. Attorney", "A.G. Dave Yost") and open no
// name.
func initialsBeforeSurname(masked string, i int) (int, bool) {
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(masked[:i]); isNameRune(r) || r == '.' {
			return 0, false
		}
	}
	j, n := i, 0
	for j+1 < len(masked) && masked[j] >= 'A' && masked[j] <= 'Z' && masked[j+1] == '.' {
		j += 2
		n++
	}
	if n < 2 || !nextIsTitleCase(masked, j) {
		return 0, false
	}
	k := j + 1
	for k < len(masked) {
		r, size := utf8.DecodeRuneInString(masked[k:])
		if !isNameRune(r) {
			break
		}
		k += size
	}
	next := strings.ToLower(strings.TrimRight(masked[j+1:k], "’'"))
	if jobTitles[next] || lexicon.IsNoun(next) || honorifics[next] {
		return 0, false
	}
	// The initials are the given names, so one surname follows and the
	// name ends: "A.G. Dave Yost" is a title's initials before a name.
	if nextIsTitleCase(masked, k) {
		return 0, false
	}
	return j, true
}

// namesakeReach is how many paragraph breaks a surname alone may stand
// after the full name it takes by nearness (see nearNamesakes): the
// paragraph of the full name and the next few, as a news item or a
// roundup's section runs.
const namesakeReach = 3

// nearNamesakes gives a surname alone that two people of the article share
// to the one of them named in full just before it, within a few
// paragraphs, when that is not the person canonical takes for the surname
// (the one introduced first). A news story names the principal first and
// a relative in full each time, but a story with several threads, a
// roundup of states or a live page introduces a second namesake in its own
// section and then calls them by the surname alone ("Rep. Ada Perry of
// Ohio … Perry texted the aide", long after Tom Perry): there the surname
// is the person just named. A courtesy title on the surname ("Mr. Perry")
// is left to canonical, which reads it.
func (x *quoteExtractor) nearNamesakes() {
	for i, p := range x.people {
		toks := nameTokens(p.name)
		if p.full || len(toks) != 1 || x.courtesyGender(p) != genderUnknown {
			continue
		}
		// A capitalised word just before it that the name finder did not
		// take ("CJ Lund", initials in capitals) is a given name: this is
		// a full name, and nearness does not choose it.
		if r, _ := utf8.DecodeRuneInString(lastWordBefore(x.masked, p.start)); unicode.IsUpper(r) && x.masked[p.start-1] == ' ' {
			continue
		}
		first := ""
		for k := i - 1; k >= 0; k-- {
			q := x.people[k]
			qt := nameTokens(q.name)
			// The surname itself: "the Perrys" is a family, not one of them.
			// A run that a clause word opens ("Whether Lund") is no name
			// to move a surname to.
			if !q.full || wordsBesidesSuffix(qt) < 2 || lastBesidesSuffix(qt) != toks[0] || clauseWords[qt[0]] {
				continue
			}
			if paragraphBreaks(x.masked[q.end:p.start]) > namesakeReach {
				break
			}
			// canonical's answers are kept once asked, and the article is
			// not read through yet: ask without keeping them.
			first = x.canonicalUncached(p.name)
			if c := x.canonicalUncached(q.name); c != first && !NamesMatch(c, first) && strings.Contains(c, " ") && !x.threadOf(k, toks[0], c) {
				x.people[i].name = q.name
			}
			break
		}
	}
}

// threadOf reports whether the surname was in use for someone other than
// the person named near (by their full name or by the surname alone)
// within namesakeReach paragraphs before the mention x.people[k]: then
// the story was already calling that one by the surname when it named
// near in full, as a story names a relative ("her father, Tom Perry"),
// and the surname goes on meaning them.
func (x *quoteExtractor) threadOf(k int, surname, near string) bool {
	q := x.people[k]
	for j := k - 1; j >= 0; j-- {
		r := x.people[j]
		rt := nameTokens(r.name)
		if len(rt) == 0 || !sameNameWord(lastBesidesSuffix(rt), surname) {
			continue
		}
		if paragraphBreaks(x.masked[r.end:q.start]) > namesakeReach {
			return false
		}
		if c := x.canonicalUncached(r.name); c != near && !NamesMatch(c, near) {
			return true
		}
	}
	return false
}

// paragraphBreaks counts the paragraph breaks in s: runs of line breaks.
func paragraphBreaks(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\n') {
			n++
		}
	}
	return n
}
