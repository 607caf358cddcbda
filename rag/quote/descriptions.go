package quote

// Whom a definite description ("the Ukrainian president", "the lawyer",
// "the Ohio Republican") means: the person the article gave that role and
// those modifiers, or the subject the text is about when nothing the
// article says of them contradicts the description.

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// description is a definite description of one person read into parts.
type description struct {
	title     string   // the words after "the", lower case: "ukrainian president"
	head      string   // the head noun, lower case: "president"
	headUpper bool     // the head is written with a capital, as party and origin nouns are ("Republican")
	mods      []string // capitalised modifiers, lower case: "ukrainian", "ohio"
	owned     bool     // opened by a possessive: "Felix's grandfather", "her coach"
	ofMods    []string // the capitalised words of a prepositional phrase after the head, which the person must be given
}

func parseDescription(desc string) description {
	words := strings.Fields(desc)
	var d description
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	} else if len(words) > 0 && isPossessive(strings.ToLower(words[0])) {
		words, d.owned = words[1:], true
	}
	if len(words) == 0 {
		return d
	}
	// The head is the last word, or the word before a prepositional
	// phrase, whose capitalised words modify it too ("the president of
	// Ukraine" is the Ukrainian president).
	hi := len(words) - 1
	if k := firstPreposition(words); k >= 1 {
		hi = k - 1
	}
	last := strings.Trim(words[hi], ".,;:")
	d.head = strings.ToLower(last)
	d.headUpper = !isLowerWord(last)
	for i, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); i != hi && unicode.IsUpper(r) {
			d.mods = append(d.mods, profileWord(w))
			if i > hi {
				d.ofMods = append(d.ofMods, profileWord(w))
			}
		}
	}
	d.title = strings.ToLower(strings.Join(words, " "))
	if d.title == "pm" {
		d.title, d.head = "prime minister", "minister"
	}
	return d
}

// profile is what an article says of one person before a point: the role
// nouns it gives them and the capitalised words of those phrases (places,
// nationalities, parties, bodies).
type profile struct {
	roles  []string // lower case: "president", "sen", "lawyer"
	proper []string // lower case: "ukraine", "french", "democrat"
}

// profileWord lower-cases a word and drops its punctuation, a possessive
// ending and the full stops of an abbreviation ("U.S." is "us").
func profileWord(w string) string {
	w = strings.ToLower(w)
	for _, suf := range []string{"’s", "'s", "‘s"} {
		w = strings.TrimSuffix(w, suf)
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			return r
		}
		return -1
	}, w)
}

// add reads a phrase the article uses of the person: a title before the
// name, an appositive, "of Ukraine" after it.
func (pr *profile) add(phrase string) {
	for _, raw := range strings.Fields(phrase) {
		w := profileWord(raw)
		if w == "" || determiners[w] || prepositions[w] || w == "and" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(raw)
		switch {
		case jobTitles[w] || isPersonNoun(w) && isLowerWord(raw):
			pr.roles = append(pr.roles, w)
		case unicode.IsUpper(r):
			pr.proper = append(pr.proper, w)
		}
	}
}

// addAppositive reads a noun phrase said of the person: its capitalised
// words, and its head noun as the role, the last word before a
// preposition or a clause ("the president of Ukraine", "a former
// prosecutor", "the team's spokesman"). Other nouns in it are not the
// person's roles ("home to thousands of visitors").
func (pr *profile) addAppositive(ap string) {
	words := strings.Fields(ap)
	head := ""
	for _, raw := range words {
		w := profileWord(raw)
		if prepositions[w] || clauseWords[w] {
			break
		}
		head = raw
		if strings.ContainsAny(raw, ",;") {
			break
		}
	}
	for _, raw := range words {
		w := profileWord(raw)
		if r, _ := utf8.DecodeRuneInString(raw); unicode.IsUpper(r) && w != "" && !determiners[w] && !jobTitles[w] {
			pr.proper = append(pr.proper, w)
		}
	}
	if w := profileWord(head); w != "" && (jobTitles[w] || hasPersonSense(w)) {
		pr.roles = append(pr.roles, w)
	}
}

// hasPersonSense reports whether a singular noun can name a person by
// WordNet: one of its senses is filed under noun.person. In apposition to
// a name the noun is said of a person, so that is the sense meant, however
// rare: "the head of the agency" is a head in the sense of chief.
func hasPersonSense(w string) bool {
	// A compound with a prefix is its last part: "co-head", "vice-chair".
	if k := strings.LastIndexByte(w, '-'); k >= 0 && k < len(w)-1 {
		w = w[k+1:]
	}
	w, ok := singularNoun(w)
	return ok && lexicon.CanNamePerson(w)
}

// profileOf gathers what the article says of the person a canonical name
// means, wherever it says it.
func (x *quoteExtractor) profileOf(name string) profile {
	pr, ok := x.profiles[name]
	if !ok {
		pr = x.namedProfile(name)
		if x.profiles == nil {
			x.profiles = map[string]profile{}
		}
		x.profiles[name] = pr
	}
	// The roles of the speech verbs' subjects ("John Bolton, who was …,
	// said"), as far as they are read.
	return pr
}

// namedProfile reads what the article says of a person around the places
// it names them.
func (x *quoteExtractor) namedProfile(name string) profile {
	var pr profile
	for _, p := range x.people {
		if x.canonical(p.name) == name {
			x.readMention(&pr, p)
		}
	}
	for _, sa := range x.speech {
		if sa.ok && sa.ref.person && !sa.ref.resolved && sa.ref.speaker == name && sa.ref.role != "" {
			pr.add(sa.ref.role)
		}
	}
	return pr
}

// readMention adds to pr what the article says of a person where it names
// them: a title, an appositive after the name or a short one before it.
func (x *quoteExtractor) readMention(pr *profile, p personMention) {
	pr.add(p.title)
	pr.add(p.role)
	// An abbreviated title stands apart from the name, after its full
	// stop: "Sen. Rolf Aune".
	if e := trimRightSpace(x.masked, 0, p.at); e > 0 && x.masked[e-1] == '.' {
		if ws := lastWordStart(x.masked, 0, e-1); jobTitles[strings.ToLower(x.masked[ws:e-1])] {
			pr.add(x.masked[ws : e-1])
		}
	}
	rest := x.masked[p.end:min(len(x.masked), p.end+200)]
	switch {
	case strings.HasPrefix(rest, ", "):
		// "Volodymyr Petrenko, the president of Ukraine, ..."
		ap := rest[2:]
		if k := strings.IndexAny(ap, ",.;\n\"("); k >= 0 {
			ap = ap[:k]
		}
		if looksAppositive(ap) {
			pr.addAppositive(cleanAppositive(ap))
		}
	case strings.HasPrefix(rest, " of "):
		// "President Ivan Kovalenko of Ukraine"
		var of []string
		for _, w := range strings.Fields(rest[len(" of "):]) {
			if !prose.StartsUpper(w) {
				break
			}
			of = append(of, w)
			if strings.ContainsAny(w, ",.;") {
				break
			}
		}
		pr.add(strings.Join(of, " "))
	}
	// "Ukraine's president, Volodymyr Petrenko, ...": a short
	// appositive before the name.
	sentStart, _ := x.sentenceAround(p.at)
	before := strings.TrimRight(x.masked[sentStart:p.at], " ")
	if strings.HasSuffix(before, ",") {
		before = before[:len(before)-1]
		if k := strings.LastIndexAny(before, ",;:\""); k >= 0 {
			before = before[k+1:]
		}
		// The noun phrase opens with a determiner or a possessive
		// ("ran to his grandfather, Bruce Moen").
		words := strings.Fields(before)
		for j := len(words) - 1; j >= 0 && j >= len(words)-5; j-- {
			if lw := strings.ToLower(words[j]); determiners[lw] || isPossessive(lw) || j == 0 {
				pr.addAppositive(strings.Join(words[j:], " "))
				break
			}
		}
	}
}

// holds reports whether the article gives the person the description's
// head: the same noun, its abbreviation as a title ("Sen." for senator,
// "Gov." for governor), a WordNet synonym (attorney for lawyer), a noun
// one hypernym step from it (legislator for senator, prosecutor for
// lawyer), a person noun of one synset or up to two steps above it, rare
// words too (pontiff for pope: lexicon.SameRole), or, for "leader", any
// office of a head of state or government.
func (pr profile) holds(head string) bool {
	for _, r := range pr.roles {
		// "Leader" is what news calls any head of state, government or
		// party: "the French leader" for a president or a chancellor.
		if head == "leader" && personHeads[r] {
			return true
		}
		if r == head || len(r) >= 3 && jobTitles[r] && strings.HasPrefix(head, r) || lexicon.AreSynonyms(r, head) ||
			containsString(lexicon.NounNeighbours(r), head) || lexicon.SameRole(r, head) {
			return true
		}
	}
	return false
}

// contradicts reports whether the article gives the person a role and
// none of them is the description's head: a president is not "the
// father", a mayor not "the pontiff". Party and origin nouns written with a
// capital ("the Ohio Republican") say nothing of an office.
func (pr profile) contradicts(d description) bool {
	return !d.headUpper && len(pr.roles) > 0 && !pr.holds(d.head)
}

// supports reports whether the article says of the person every
// capitalised modifier of the description, as written or as a place's
// adjective: "Ukrainian" is said by "of Ukraine", "Russian" by "Russia's",
// "Democratic" by "a Democrat". An adjective of a place is the place's name
// with a different short ending, or WordNet relates the two.
func (pr profile) supports(mods []string) bool {
	for _, m := range mods {
		ok := false
		for _, w := range pr.proper {
			if w == m || sameStem(w, m) || containsString(lexicon.Derivations(m), w) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// sameStem reports whether two words differ only in endings of at most
// three letters after a shared start of at least four: "ukraine" and
// "ukrainian", "britain" and "british", "democrat" and "democratic".
func sameStem(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 4 && len(a)-n <= 3 && len(b)-n <= 3
}

func containsString(s []string, w string) bool {
	for _, v := range s {
		if v == w {
			return true
		}
	}
	return false
}

// resolveDescription finds the person a description such as "the
// Ukrainian president" or "the lawyer" means, from the people named before
// pos and what the whole article says of them: the one it gives that
// title; else the nearest one given the head noun and every capitalised
// modifier; else the nearest one the modifiers fit who holds no other role;
// else, for a head of state or government ("the Ukrainian president"), the
// nearest one the article gives no role or place at all; else the nearest
// one given the head noun; else the subject the text is about, when
// nothing the article says of them contradicts the description. A role
// nobody is given ("the pontiff", "the spokesperson") is nobody the article
// names.
func (x *quoteExtractor) resolveDescription(desc string, pos int) (personMention, bool) {
	d := parseDescription(desc)
	if d.head == "" {
		return personMention{}, false
	}
	if p, ok := x.titled[d.title]; ok {
		return p, true
	}
	type candidate struct {
		p  personMention
		pr profile
	}
	var cands []candidate
	seen := map[string]bool{}
	for i := min(x.peopleFrom(pos), len(x.people)-1); i >= 0; i-- {
		p := x.people[i]
		if p.end > pos {
			continue
		}
		name := x.canonical(p.name)
		if seen[name] {
			continue
		}
		seen[name] = true
		cands = append(cands, candidate{p, x.profileOf(name)})
	}
	g := descriptionGender(d.head)
	agrees := func(p personMention) bool {
		known := x.gender[x.canonical(p.name)]
		return g == genderUnknown || known == genderUnknown || known == g
	}
	// A head of state or government is told apart by its country: a
	// president the article places elsewhere is not "the Ukrainian
	// president".
	stateHead := personHeads[d.head] && len(d.mods) > 0
	// A prepositional phrase says whose office it is ("the chief of
	// Britain's intelligence service"): the person must be given it.
	fits := func(pr profile) bool {
		return !pr.contradicts(d) && (!stateHead || len(pr.proper) == 0 || pr.supports(d.mods)) && pr.supports(d.ofMods)
	}
	for _, c := range cands {
		if c.pr.fills(d.head) && c.pr.supports(d.mods) && agrees(c.p) {
			return c.p, true
		}
	}
	if len(d.mods) > 0 {
		for _, c := range cands {
			if c.pr.supports(d.mods) && !c.pr.contradicts(d) && agrees(c.p) && (!proxyHeads[d.head] || c.pr.fills(d.head)) {
				return c.p, true
			}
		}
	}
	if stateHead {
		for _, c := range cands {
			if len(c.pr.roles) == 0 && len(c.pr.proper) == 0 && agrees(c.p) {
				return c.p, true
			}
		}
	}
	for _, c := range cands {
		if c.pr.fills(d.head) && fits(c.pr) && agrees(c.p) {
			return c.p, true
		}
	}
	// News may give the role first and the name in the next sentence:
	// `…, according to the chief of Britain's intelligence service. “…,”
	// Ada Lund, the head of the agency, said.` The person must be first
	// named there and given the head and every modifier before it (a
	// Virginia Democrat is not "the Washington state Democrat"); the body
	// of a prepositional phrase may be named another way ("the agency",
	// "MI6").
	before := d.mods[:len(d.mods)-len(d.ofMods)]
	for _, p := range x.introducedNext(pos) {
		pr := x.namedProfile(x.canonical(p.name))
		if pr.fills(d.head) && !pr.contradicts(d) && pr.supports(before) && agrees(p) {
			return p, true
		}
	}
	// Someone's relative or coach is the person the article gave that
	// role, not the person the text is about, who is often the owner.
	if d.owned {
		return personMention{}, false
	}
	// A spokesperson, an official or a source is nobody the article names
	// unless it gave someone that role; nor is a role the article brought
	// in with an indefinite article ("One GOP lawmaker told CNN …", then
	// "the lawmaker said"), which the definite one takes up.
	if proxyHeads[d.head] || x.introducedUnnamed(d.head, pos) {
		return personMention{}, false
	}
	p, ok := x.topicSubject(pos)
	if !ok || !agrees(p) || !x.evidenced(x.canonical(p.name)) || !fits(x.profileOf(x.canonical(p.name))) {
		return personMention{}, false
	}
	return p, true
}

// descriptionGender reads the sex a role noun marks by its form: the
// compounds -woman and -man and the suffix -ess (see roleGender).
func descriptionGender(head string) byte {
	if len(head) < 5 || !isPersonNoun(head) {
		return genderUnknown
	}
	switch {
	case strings.HasSuffix(head, "woman"), strings.HasSuffix(head, "ess") && !strings.HasSuffix(head, "ness"):
		return genderFemale
	case strings.HasSuffix(head, "man"):
		return genderMale
	}
	return genderUnknown
}

// topicSubject returns the person the text is about at pos: the subject
// of the clause before pos in its own sentence, or else of the nearest
// sentence before that names anyone, going back two sentences at most. A
// sentence that names people only as objects, after a preposition or as a
// modifier ("Reporters asked President Tom Reece", "the Aune plan") gives
// nobody.
func (x *quoteExtractor) topicSubject(pos int) (personMention, bool) {
	i := sort.Search(len(x.sentences), func(i int) bool { return x.sentences[i][1] > pos })
	limit := x.paragraphsBack(pos, 2)
	for k, n := min(i, len(x.sentences)-1), 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		s := x.sentences[k]
		if s[1] <= limit {
			break
		}
		named := false
		for _, p := range x.people[x.peopleFrom(s[0]):] {
			if p.start >= s[1] || p.end > pos {
				break
			}
			if p.start < s[0] {
				continue
			}
			named = true
			if x.isClauseSubject(s[0], p) {
				return p, true
			}
		}
		if named {
			return personMention{}, false
		}
	}
	return personMention{}, false
}

// isClauseSubject reports whether a person mention opens its clause as its
// subject or the subject's owner: not after a preposition or a determiner, and
// with nothing before it in its clause (from the sentence start or the
// last comma) but lower-case modifiers ("former") or a sentence adverb.
func (x *quoteExtractor) isClauseSubject(sentStart int, p personMention) bool {
	// A possessive opening the clause is what it is about too: "Sir
	// Keir's strategy has been …".
	if x.afterPreposition(p.at) || x.afterDeterminer(p.at) {
		return false
	}
	lead := x.masked[sentStart:p.at]
	if k := strings.LastIndexAny(lead, ",;:"); k >= 0 {
		lead = lead[k+1:]
	}
	for j, w := range strings.Fields(lead) {
		lw := strings.ToLower(w)
		// A sentence adverb ("Meanwhile") or a coordinating conjunction
		// ("But") may open the sentence; a subordinating one ("When")
		// makes the name the subject of another clause.
		if j == 0 && (leadingWords[lw] && !determiners[lw] && !prepositions[lw] && !clauseWords[lw] && !pronouns[lw] || coordinators[lw]) {
			continue
		}
		if !isLowerWord(w) || determiners[lw] || lexicon.IsVerb(w) || !isWordOnly(w) {
			return false
		}
	}
	return true
}

// coordinators are English's coordinating conjunctions (a closed class).
var coordinators = prose.WordSet(`and but or yet so nor`)

// proxyHeads are the nouns of people who speak for someone else or are
// left unnamed by design: a "the spokesperson" the article named would
// have been given the role.
var proxyHeads = prose.WordSet(`spokesperson spokesman spokeswoman spokespeople representative official source`)

// introducedUnnamed reports whether the article brought in a person with
// the head noun and an indefinite determiner before pos: "an unnamed
// spokesperson for the singer", "one GOP lawmaker affiliated with …", "a
// US official involved in the talks".
func (x *quoteExtractor) introducedUnnamed(head string, pos int) bool {
	if x.lowerMasked == "" {
		x.lowerMasked = strings.ToLower(x.masked)
	}
	text := x.lowerMasked[:pos]
	for from := 0; ; {
		k := strings.Index(text[from:], head)
		if k < 0 {
			return false
		}
		at := from + k
		from = at + len(head)
		if at > 0 && isNameRune(rune(text[at-1])) || from < len(text) && isNameRune(rune(text[from])) {
			continue
		}
		// Up to three modifiers between the determiner and the head.
		words := strings.Fields(text[max(0, at-60):at])
		for j := len(words) - 1; j >= 0 && j >= len(words)-4; j-- {
			if w := words[j]; w == "a" || w == "an" || w == "one" || w == "another" {
				// As the subject of its clause: at the start of a sentence
				// or after a comma or a conjunction, not after a
				// preposition or a verb ("even for a prime minister who
				// …", "is a lawyer").
				if j == 0 && at-60 > 0 {
					break
				}
				prev := ""
				if j > 0 {
					prev = words[j-1]
				}
				if prev == "" || strings.ContainsAny(prev[len(prev)-1:], ".,;:\"") || coordinators[prev] {
					return true
				}
				break
			}
			if strings.ContainsAny(words[j], ".,;:\"") {
				break
			}
		}
	}
}

// introducedNext returns the people the sentence after pos's names for the
// first time in the article, in order.
func (x *quoteExtractor) introducedNext(pos int) []personMention {
	_, end := x.sentenceAround(pos)
	i := sort.Search(len(x.sentences), func(i int) bool { return x.sentences[i][0] >= end })
	if i == len(x.sentences) {
		return nil
	}
	from, to := x.sentences[i][0], x.sentences[i][1]
	named := map[string]bool{}
	for _, p := range x.people {
		if p.end <= from {
			named[x.canonical(p.name)] = true
		}
	}
	var fresh []personMention
	for _, p := range x.people[x.peopleFrom(from):] {
		if p.start >= to {
			break
		}
		if name := x.canonical(p.name); !named[name] {
			named[name] = true
			fresh = append(fresh, p)
		}
	}
	return fresh
}
