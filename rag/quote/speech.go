package quote

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// speakerKind says how the words naming a speaker were read.
type speakerKind int

const (
	kindNone       speakerKind = iota
	kindNamed                  // a name: "John Bolton", "Zelenskyy", "Downing Street"
	kindPronoun                // "he", "she", "they"
	kindPersonDesc             // a description of one person: "the French president"
	kindStatement              // "a statement on Mr Zelenskyy‘s social media"
	kindOtherDesc              // "A Downing Street spokesperson", "the French presidency"
)

// speakerRef is a speaker as resolved for one quotation or speech verb.
type speakerRef struct {
	speaker  string
	role     string
	mention  string
	about    string
	resolved bool // from a pronoun or a description
	person   bool // a named person, not a body or an unnamed spokesperson
	// continued is 1 + the index of the quotation this one goes on from
	// ("“A,” she said. “B.”"), or 0.
	continued int
	relayer   string // who read the words out, when the attribution says so
}

// quoteExtractor holds one article read for quotations.
type quoteExtractor struct {
	body, masked string
	spans        []quoteSpan
	sentences    [][2]int // of the masked body
	people       []personMention
	fullNames    []personMention          // people named by two words or more, or with a title
	titled       map[string]personMention // the first person given each title, by lowercase title
	speech       []speechAct              // every speech verb with its resolved subject, in order
	refs         map[int]speakerRef
	gender       map[string]byte    // by canonical name, from the article's own evidence
	personHood   map[string]bool    // by canonical name, see evidenced
	reading      bool               // readSpeech is running: x.speech is not complete
	canon        map[string]string  // canonical's answers
	profiles     map[string]profile // what the article says of each person, by canonical name
	lowerMasked  string             // masked in lower case, when asked for
}

// speechAct is a speech verb in the article and who it says spoke.
type speechAct struct {
	verbStart, verbEnd int
	subjStart, subjEnd int
	ref                speakerRef
	ok                 bool
}

func newQuoteExtractor(body string, spans []quoteSpan) *quoteExtractor {
	x := &quoteExtractor{body: body, spans: spans, masked: closeSpacedPunctuation(maskQuotes(body, spans)), refs: map[int]speakerRef{}}
	x.sentences = prose.SentenceSpans(x.masked)
	x.people = findPeople(x.masked)
	nicks := x.joinNicknames()
	x.titled = map[string]personMention{}
	for _, p := range x.people {
		// A name of nothing but courtesy titles and articles ("Dame The",
		// a line without a full stop running into the next sentence) has
		// no word to compare with another name, and is nobody's full name.
		if toks := nameTokens(p.name); p.full && len(toks) > 0 {
			p.tokens = toks
			if n, ok := nicks[p.start]; ok {
				p.tokens = append(p.tokens, n)
			}
			x.fullNames = append(x.fullNames, p)
		}
		if t := strings.ToLower(p.title); t != "" {
			if _, ok := x.titled[t]; !ok {
				x.titled[t] = p
			}
		}
	}
	x.nearNamesakes()
	x.readGenders()
	x.readSpeech()
	return x
}

// joinNicknames joins a name split by a nickname in quotation marks (Anna
// Moriah "Mo" Wilson) into one person, and returns the nicknames by where
// the joined names start, so that "Mo Wilson" later means the same person.
func (x *quoteExtractor) joinNicknames() map[int]string {
	nicks := map[int]string{}
	for _, sp := range x.spans {
		word := x.body[sp.textStart:sp.textEnd]
		if strings.ContainsAny(word, " ,.") || !isTitleCase(word) || sp.open < 1 || sp.end >= len(x.masked) ||
			x.masked[sp.open-1] != ' ' || x.masked[sp.end] != ' ' {
			continue
		}
		i := x.peopleFrom(sp.open - 2)
		if i+1 >= len(x.people) || x.people[i].end != sp.open-1 || x.people[i+1].start != sp.end+1 || x.people[i].possessive {
			continue
		}
		a, b := x.people[i], x.people[i+1]
		a.name, a.end, a.possessive, a.full = a.name+" "+b.name, b.end, b.possessive, true
		nicks[a.start] = strings.ToLower(word)
		x.people = append(x.people[:i], append([]personMention{a}, x.people[i+2:]...)...)
	}
	return nicks
}

var (
	// Speech verbs: the subject of a finite one is the speaker.
	speechVerbs = prose.WordSet(`said says say told tells suggested suggests predicted predicts vowed vows promised pledged asserted contended maintained conceded recalled recalls remarked quipped joked emphasized emphasised indicated cautioned complained lamented testified responded agreed disagreed called calls described describes added adds wrote writes posted stated states insisted insists argued argues claimed declared declares explained explains tweeted announced announces warned warns replied urged urges acknowledged noted stressed stresses admitted continued asked saying adding telling writing warning insisting noting stressing`)
	// Participles take the speaker of the clause they hang from.
	participles = prose.WordSet(`saying adding telling writing warning insisting noting stressing`)
	// Words between a subject and its verb: "has also said".
	auxiliaries = prose.WordSet(`has have had also repeatedly previously later then earlier once again just reportedly would will did does do is was further separately subsequently`)
	// Words that begin a clause, so a subject cannot reach back past them.
	clauseWords = prose.WordSet(`after before that while when as because but and although if since though whereas where which who whom what so yet or until once than then whether`)
	// Capitalised words that begin sentences without being names.
	leadingWords = prose.WordSet(`every each how what why whose no all both most the a an in on at but yet and or while after before if when as since though although because so then this that these those there here other another some many for from with by to of its his her their our we it they he she afterwards meanwhile however later earlier also still even only now once unless until whenever whereas`)
	// Auxiliaries and modals (a closed class) opening a capitalised run
	// are a question's first word glued to a name ("Was Will Smith's slap
	// staged?"), not a given name; "will", "may" and "can" are left out,
	// as they are also given names (and a month).
	questionAuxiliaries = prose.WordSet(`is are am was were be been has have had do does did could would should shall must might`)
	// Titles that stand before a name and are not part of it.
	jobTitles = prose.WordSet(`president prime minister chancellor professor prof father pope senator sen governor gov general gen maj brig col lt sgt cpl pvt capt cmdr adm king queen prince princess chief secretary judge justice ambassador mayor commissioner premier vice foreign defence defense home deputy cardinal archbishop bishop rabbi imam captain colonel admiral sheikh emir chair chairman chairwoman chairperson ceo director coach manager representative rep sergeant lieutenant officer detective attorney councilman councilwoman councillor councilor leader whip speaker superintendent dean provost rector pastor reverend rev`)
	// Words that follow a surname as part of the name: "Ferdinand Marcos
	// Jr."; never a name on their own.
	nameSuffixes = prose.WordSet(`jr sr ii iii iv`)
	// Courtesy titles: kept in a British name ("Sir Keir"), dropped when
	// comparing names.
	honorifics = prose.WordSet(`mr mrs ms miss dr sir dame lord lady`)
	// Words that make a capitalised run a place or a body, not a person.
	placeWords = prose.WordSet(`street office house conference summit union news basilica accords accord force forces war sanctions social security council ministry department party government parliament commission court square palace platform agency committee organisation organization nations states kingdom republic bank group university college church cathedral hall centre center airport station road avenue times post journal press service army navy treaty agreement act day sea ocean river island islands region province county city town bridge museum foundation institute association federation corporation company inc ltd club league cup games assembly congress senate cabinet administration embassy programme program fund alliance coalition front movement authority board bureau police guard command kremlin vatican st saint east west north south central january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday`)
	// Heads of a description of one person.
	personHeads = prose.WordSet(`president leader chancellor premier pm minister secretary king queen pope envoy ambassador`)
	// Heads of a description of a speaker who is not a named person.
	speakerHeads = prose.WordSet(`spokesperson spokesman spokeswoman spokespeople official officials presidency office government ministry department aide aides adviser advisers source sources statement statements readout report police military army diplomat diplomats analyst analysts expert experts witness witnesses resident residents critics officer officers lawyer lawyers campaigners negotiator negotiators commander commanders embassy kremlin white house palace agency agencies regulator court judge prosecutors prosecutor`)
	// Heads that make the words someone's own statement when a person owns
	// them: "a statement on Mr Zelenskyy‘s social media".
	statementHeads = prose.WordSet(`statement post tweet message letter video posting speech remarks note`)
	// Roles that may stand, lowercase, before a name: "Kremlin aide Yuri
	// Ushakov".
	roleNouns = prose.WordSet(`manager owner founder coach economist strategist lawyer attorney spokesman envoy aide adviser negotiator spokesman spokeswoman spokesperson ambassador minister secretary official chief head director leader president chancellor commander general analyst professor correspondent editor reporter`)
)

// readSpeech resolves the subject of every speech verb in the article in
// order, so that a pronoun finds the speaker before it.
func (x *quoteExtractor) readSpeech() {
	x.reading = true
	defer func() { x.reading = false }()
	for _, loc := range findSpeechVerbs(x.masked) {
		sa := speechAct{verbStart: loc[0], verbEnd: loc[1]}
		verb := strings.ToLower(x.masked[loc[0]:loc[1]])
		sentStart, _ := x.sentenceAround(loc[0])
		switch {
		case verb == "according to":
			s, e := x.phraseAfter(loc[1])
			// "According to Sand we are …": with no comma after it, the
			// name ends the phrase.
			if k := x.peopleFrom(s); s < e && k < len(x.people) && x.people[k].at == s && x.people[k].end < e {
				if next := strings.Fields(x.masked[x.people[k].end:e]); len(next) > 0 && (pronouns[strings.ToLower(next[0])] || isLowerWord(next[0])) {
					e = x.people[k].end
				}
			}
			if s < e {
				sa.subjStart, sa.subjEnd = s, e
				sa.ref, sa.ok = x.resolve(s, e)
			}
		case participles[verb] || reportingParticiple(verb):
			// A name right before the participle is its subject (the
			// absolute construction "with spokesman Tom Super saying …");
			// else the speaker of the clause this hangs from, or else the
			// subject of the sentence's main clause ("Manchin defended the
			// deal, adding …", "Dick Cheney, calling Trump a …").
			if p, ok := x.personEndingAt(sentStart, trimRightSpace(x.masked, sentStart, loc[0])); ok && !p.possessive && x.absoluteWith(sentStart, p.at) {
				sa.subjStart, sa.subjEnd = p.at, p.end
				sa.ref, sa.ok = x.resolve(p.at, p.end)
				x.speech = append(x.speech, sa)
				continue
			}
			// A clause fronted by a subordinator ("After Lund spoke, Reece
			// walked out, saying …") is not the one the participle hangs
			// from: read from the main clause on.
			ms := x.mainClauseStart(sentStart, loc[0])
			for k := len(x.speech) - 1; k >= 0; k-- {
				prev := x.speech[k]
				if prev.verbStart < ms {
					break
				}
				if prev.ok {
					sa.ref, sa.ok = prev.ref, true
					sa.subjStart, sa.subjEnd = prev.subjStart, prev.subjEnd
					break
				}
			}
			if !sa.ok && x.afterComma(sentStart, loc[0]) {
				sa.subjStart, sa.subjEnd, sa.ref, sa.ok = x.mainSubject(ms, loc[0])
				if !sa.ok {
					sa.subjStart, sa.subjEnd, sa.ref, sa.ok = x.gerundSubject(ms, loc[0])
				}
				if !sa.ok {
					sa.subjStart, sa.subjEnd, sa.ref, sa.ok = x.pronounSubject(sentStart, loc[0])
				}
			}
		default:
			s, e, appos := x.subjectBefore(sentStart, loc[0])
			if s >= e {
				if as, ae, ok := x.thingBefore(sentStart, loc[0]); ok {
					// "one tweet that asked: “…”": the relative clause's
					// subject is a thing, whose words are no person's;
					// they are not an earlier speaker's either.
					sa.subjStart, sa.subjEnd = as, ae
					sa.ref, sa.ok = speakerRef{speaker: x.masked[as:ae]}, true
					x.speech = append(x.speech, sa)
					continue
				}
			}
			if s >= e && x.coordinated(sentStart, loc[0]) {
				// "Sullivan declined …, but maintained that …": the verb
				// shares the main clause's subject.
				sa.subjStart, sa.subjEnd, sa.ref, sa.ok = x.mainSubject(sentStart, loc[0])
			} else if prev, ok := x.speechWithin(s, e); ok && !x.complementSubject(prev.verbEnd, e) {
				// "Ada Lund said in a statement posted on her website": a
				// verb whose words before it hold another verb of saying is
				// a participle in that verb's clause and shares its speaker.
				sa.subjStart, sa.subjEnd, sa.ref, sa.ok = prev.subjStart, prev.subjEnd, prev.ref, prev.ok
			} else if s < e {
				if prev, ok := x.speechWithin(s, e); ok {
					// "Ada Lund said Tom Reece told her": the subject of
					// the reported clause.
					s, _ = trimSpan(x.masked, prev.verbEnd, e)
				}
				sa.subjStart, sa.subjEnd = x.abbreviatedTitleStart(sentStart, s), e
				sa.ref, sa.ok = x.resolve(s, e)
				if sa.ok && appos != "" && sa.ref.role == "" {
					sa.ref.role = appos
				}
				if x.coordinatedPeople(sentStart, s, e) {
					// "Lund and Reece said": the words are the group's.
					sa.ref, sa.ok = speakerRef{mention: x.masked[s:e]}, true
				}
			} else if inv, ie := x.invertedSubject(loc[1]); inv < ie {
				// "…”, said Mr Smith."
				sa.subjStart, sa.subjEnd = inv, ie
				sa.ref, sa.ok = x.resolve(inv, ie)
				if x.coordinatedPeople(inv, inv, ie) {
					sa.ref, sa.ok = speakerRef{mention: x.masked[inv:ie]}, true
				}
			}
		}
		x.speech = append(x.speech, sa)
	}
}

// complementSubject reports whether the words from..e, after one verb of
// saying and before another, are the subject of a reported clause: a
// person's name, a pronoun or a description ("said Tom Reece told"),
// not a noun the second verb's participle modifies ("said in a statement
// posted").
func (x *quoteExtractor) complementSubject(from, e int) bool {
	s, e := trimSpan(x.masked, from, e)
	if strings.HasPrefix(x.masked[s:e], "that ") {
		s += len("that ")
	}
	// A possessive is no subject: "the Fed's projected rate".
	if s >= e || isPossessive(strings.ToLower(lastField(x.masked[s:e]))) {
		return false
	}
	// The subject must be a person: in "said the Commission recommends
	// “…”" the words are still the speaker's.
	switch x.classify(s, e) {
	case kindNamed, kindPronoun, kindPersonDesc:
		ref, ok := x.resolve(s, e)
		return ok && ref.person
	}
	return false
}

// coordinatedPeople reports whether the subject s..e is one of several
// people joined by "and" or "or": another person is named in it before
// the conjunction, or just before s with the conjunction between
// ("Lund and Reece said", "said Lund and Reece", "Ola Berg and Ivo Sand,
// her lawyers, said").
func (x *quoteExtractor) coordinatedPeople(lo, s, e int) bool {
	people := x.peopleBetween(lo, e)
	if len(people) < 2 {
		return false
	}
	last := people[0]
	if last.start < s && last.end <= s {
		return false // the subject names no one
	}
	// The subject ends with the last name ("Lund and Reece said"), not
	// with other words ("Zelensky in separate calls").
	if strings.TrimSpace(x.masked[last.end:e]) != "" {
		return false
	}
	prev := people[1]
	between := strings.ToLower(strings.TrimSpace(x.masked[prev.end:last.at]))
	between = strings.TrimLeft(between, "’'‘s")
	between = strings.TrimSpace(strings.TrimPrefix(between, ","))
	// "Occupational Safety and Health Administration Director Bart
	// Pickelman" is one person: the conjunction is inside the name of the
	// body in the title.
	for _, w := range strings.Fields(strings.ToLower(last.title)) {
		if placeWords[w] {
			return false
		}
	}
	// "Director of Public Works and Utilities Ivo Sand": the first
	// "name" is the object of "of" after a title, the body the title is
	// of, so the conjunction joins two parts of its name.
	if x.ofTitle(prev.at) {
		return false
	}
	return !prev.possessive && (between == "and" || between == "or" || between == "&")
}

// ofTitle reports whether "of" and a title noun stand just before pos
// ("Director of", "Secretary of").
func (x *quoteExtractor) ofTitle(pos int) bool {
	e := trimRightSpace(x.masked, 0, pos)
	ws := lastWordStart(x.masked, 0, e)
	if !strings.EqualFold(x.masked[ws:e], "of") {
		return false
	}
	te := trimRightSpace(x.masked, 0, ws)
	t := strings.ToLower(x.masked[lastWordStart(x.masked, 0, te):te])
	return jobTitles[t] || roleNouns[t]
}

// speechWithin returns the last speech verb already read that stands in
// s..e.
func (x *quoteExtractor) speechWithin(s, e int) (speechAct, bool) {
	if s >= e {
		return speechAct{}, false
	}
	for k := len(x.speech) - 1; k >= 0 && x.speech[k].verbStart >= s; k-- {
		if x.speech[k].verbEnd <= e {
			return x.speech[k], true
		}
	}
	return speechAct{}, false
}

// intensiveReflexives stand after a subject to stress it ("Jones himself
// said"): the reflexive pronouns, a closed class.
var intensiveReflexives = prose.WordSet(`himself herself themselves itself myself ourselves`)

// reTimeAdjunct is a time adjunct at the end of a stretch of text: a day
// or a date with its preposition and its part of the day ("on Friday",
// "late Monday", "on June 3", "Tuesday night"), or a deictic one
// ("yesterday", "earlier this week").
var reTimeAdjunct = regexp.MustCompile(`\s(?:(?:on|late|early|earlier|later|last|this) )?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:morning|afternoon|evening|night))?|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2}|yesterday|today|(?:earlier |later )?this (?:week|month|year)|last (?:week|month|year))$`)

// abbreviatedTitleStart steps back from a subject over the abbreviated
// titles before it, which end in a full stop the subject's clause does not
// take ("Dr. Ivo Park", "Sen. Rolf Aune"), so that the subject starts where
// the name's phrase does.
func (x *quoteExtractor) abbreviatedTitleStart(sentStart, s int) int {
	for {
		e := trimRightSpace(x.masked, sentStart, s)
		if e == s || e <= sentStart || x.masked[e-1] != '.' {
			return s
		}
		ws := lastWordStart(x.masked, sentStart, e-1)
		w := strings.ToLower(x.masked[ws : e-1])
		if ws == e-1 || !jobTitles[w] && !honorifics[w] {
			return s
		}
		s = ws
	}
}

// findSpeechVerbs returns where the speech verbs and "according to" stand.
// A scan of ASCII words does what a case-insensitive regular expression
// would, several times faster.
func findSpeechVerbs(s string) [][2]int {
	var out [][2]int
	isASCIIWord := func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
	var buf [16]byte
	for i := 0; i < len(s); {
		if !isASCIIWord(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIWord(s[j]) {
			j++
		}
		if n := j - i; n <= len(buf) && n >= 3 {
			w := buf[:n]
			for k := range w {
				w[k] = s[i+k] | 0x20 // ASCII lower case; digits and _ never match
			}
			switch {
			case speechVerbs[string(w)] || reportingPast(string(w)) || denominalReport(string(w)) || reportingParticiple(string(w)) && strings.HasSuffix(strings.TrimRight(s[:i], " "), ",") ||
				s[i] >= 'a' && reportingPresent(string(w)) && afterName(s, i) && !strings.HasPrefix(s[j:], " of ") ||
				s[i] >= 'a' && reportingBase(string(w)) && (afterPluralPronoun(s, i) || afterPluralNoun(s, i)):
				out = append(out, [2]int{i, j})
			case string(w) == "according" && strings.HasPrefix(s[j:], " to") && (j+3 == len(s) || !isASCIIWord(s[j+3])):
				out = append(out, [2]int{i, j + 3})
			}
		}
		i = j
	}
	return out
}

// absoluteWith reports whether "with" opens the noun phrase that ends
// with a name at pos, past up to three modifiers or roles before the name
// ("with National Chicken Council spokesman Tom Super").
func (x *quoteExtractor) absoluteWith(sentStart, pos int) bool {
	for range 4 {
		if afterWord(x.masked, pos, "with") {
			return true
		}
		end := trimRightSpace(x.masked, sentStart, pos)
		ws := lastWordStart(x.masked, sentStart, end)
		if ws == end || determiners[strings.ToLower(x.masked[ws:end])] {
			return false
		}
		pos = ws
	}
	return false
}

// denominalReport reports whether a lower-case word is the past of a verb
// made from a noun of communication that WordNet has as a noun only
// ("texted" from text, "memoed"): newer than WordNet's verbs, such a verb
// reports what was sent.
func denominalReport(w string) bool {
	base, ok := strings.CutSuffix(w, "ed")
	if !ok || len(base) < 3 || lexicon.IsVerb(w) {
		return false
	}
	files := nounFiles(base)
	return len(files) > 0 && files[0] == "noun.communication"
}

// reportingParticiple reports whether a lower-case word is the -ing form
// of a verb of saying by WordNet ("citing", "calling", "urging"); such a
// participle hangs from a clause and takes its subject.
func reportingParticiple(w string) bool {
	return strings.HasSuffix(w, "ing") && len(w) > 5 && reportingForm(w)
}

// reportingPresent reports whether a lower-case word is the present
// third-person form of a verb of saying by WordNet ("claims", "insists").
// It is as often a plural noun, so it counts only straight after a name
// ("Putin claims") and not before "of" ("Trump claims of fraud"), and
// written in lower case ("the United States" is a name).
func reportingPresent(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && reportingForm(w)
}

// reportingBase reports whether a lower-case word is the base form of a
// verb whose most frequent sense WordNet files under verb.communication
// ("argue"), or of one of the speech verbs above ("write"). It heads a clause only after a plural subject ("they
// write"); after an auxiliary ("will write") it reports nothing yet.
func reportingBase(w string) bool {
	if auxiliaries[w] || !lexicon.IsVerb(w) || !slices.Contains(lexicon.Bases(w), w) {
		return false
	}
	if lexicon.FirstFile(w, 'v') == "verb.communication" {
		return true
	}
	// A verb whose inflected forms are speech verbs above ("writes").
	return slices.ContainsFunc(lexicon.Inflections(w), func(f string) bool { return speechVerbs[f] })
}

// afterPluralPronoun reports whether the word before i is "they" or "we",
// the plural personal pronouns that are a subject.
func afterPluralPronoun(s string, i int) bool {
	end := strings.LastIndexFunc(s[:i], func(r rune) bool { return !unicode.IsSpace(r) }) + 1
	if end == 0 || end == i {
		return false
	}
	start := strings.LastIndexFunc(s[:end], func(r rune) bool { return !unicode.IsLetter(r) }) + 1
	switch strings.ToLower(s[start:end]) {
	case "they", "we":
		return true
	}
	return false
}

// afterPluralNoun reports whether the word before i is a lower-case
// plural noun, a subject the base form agrees with ("opponents call").
func afterPluralNoun(s string, i int) bool {
	end := strings.LastIndexFunc(s[:i], func(r rune) bool { return !unicode.IsSpace(r) }) + 1
	if end == 0 || end == i {
		return false
	}
	start := strings.LastIndexFunc(s[:end], func(r rune) bool { return !unicode.IsLetter(r) }) + 1
	w := s[start:end]
	if !isLowerWord(w) || !strings.HasSuffix(w, "s") || !lexicon.IsNoun(w) {
		return false
	}
	_, singular := singularNoun(w)
	return !singular
}

// afterName reports whether the word before i is capitalised and is not
// the sentence's first word ("The", "It").
func afterName(s string, i int) bool {
	end := strings.LastIndexFunc(s[:i], func(r rune) bool { return !unicode.IsSpace(r) }) + 1
	if end == 0 || end == i {
		return false
	}
	start := strings.LastIndexFunc(s[:end], func(r rune) bool { return !isNameRune(r) }) + 1
	w := s[start:end]
	if !isTitleCase(w) || leadingWords[strings.ToLower(w)] {
		return false
	}
	before := strings.TrimRightFunc(s[:start], unicode.IsSpace)
	return before != "" && !strings.HasSuffix(before, ".") && !strings.HasSuffix(before, "\n")
}

// reportingPast reports whether a lower-case word is the past tense of a
// verb of saying by WordNet: a verb whose most frequent sense is filed under
// verb.communication ("denied", "conceded", "pleaded"). Only past forms
// count, the tense news reports in: a present form ("reports", "calls") is
// as often a plural noun.
func reportingPast(w string) bool {
	return !strings.HasSuffix(w, "ing") && (!strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss")) && reportingForm(w)
}

// mainSubject returns the subject of the sentence's main clause before pos:
// the first person it names who is not in a prepositional phrase, a
// possessive or a modifier ("the Biden administration").
func (x *quoteExtractor) mainSubject(sentStart, pos int) (int, int, speakerRef, bool) {
	for _, p := range x.people[x.peopleFrom(sentStart):] {
		if p.end > pos {
			break
		}
		if p.start < sentStart || p.possessive || x.afterDeterminer(p.at) {
			continue
		}
		// A title of a body that opens the sentence is the subject's
		// ("Chairman of the Joint Chiefs of Staff Ivo Sand"), though an
		// "of" stands before the name.
		if titleChain(x.masked[sentStart:p.at]) {
			return p.at, p.end, speakerRef{speaker: x.canonical(p.name), role: p.title, person: true}, true
		}
		if x.afterPreposition(p.at) {
			continue
		}
		// The subject opens its clause: nothing stands before it but an
		// opening phrase set off by a comma ("Separately, …", "On Monday,
		// …"). A name further in is an object or a modifier.
		// An abbreviated title keeps its full stop out of the name ("Sen.
		// Ada Lund"), and capitalised words may modify it ("Republican
		// Sen.", "Texas Gov."): both belong to the subject's phrase.
		at := x.abbreviatedTitleStart(sentStart, p.at)
		lead := x.masked[sentStart:at]
		if k := strings.LastIndexByte(lead, ','); k >= 0 {
			lead = lead[k+1:]
		}
		words := strings.Fields(lead)
		for at < p.at && len(words) > 0 && isTitleCase(words[len(words)-1]) && isWordOnly(words[len(words)-1]) {
			words = words[:len(words)-1]
		}
		for _, w := range words {
			// Modifiers of the name may stand there ("former Governor").
			if !isLowerWord(w) || determiners[strings.ToLower(w)] || lexicon.IsVerb(w) || !isWordOnly(w) {
				return 0, 0, speakerRef{}, false
			}
		}
		return p.at, p.end, speakerRef{speaker: x.canonical(p.name), role: p.title, person: true}, true
	}
	return 0, 0, speakerRef{}, false
}

// titleChain reports whether words are a job title of a body, as one
// before a name: a title ("Chairman", "Secretary"), then capitalised
// words joined by "of", "the", "and" or "for" ("of the Joint Chiefs of
// Staff").
func titleChain(words string) bool {
	fs := strings.Fields(words)
	if len(fs) < 3 || !jobTitles[strings.ToLower(fs[0])] {
		return false
	}
	of := false
	for _, w := range fs[1:] {
		switch w {
		case "of":
			of = true
		case "the", "and", "for":
		default:
			if !isTitleCase(w) || !isWordOnly(w) {
				return false
			}
		}
	}
	return of
}

// pronounSubject returns the person a subject pronoun stands for when
// "he" or "she" opens the sentence's main clause before pos, at its start
// or after an opening clause set off by a comma ("When the plan failed, he
// borrowed the movement's words, saying …").
func (x *quoteExtractor) pronounSubject(sentStart, pos int) (int, int, speakerRef, bool) {
	// A verb of saying before the participle is the clause it hangs from
	// (`… she enjoyed “…,” it says, adding, “…”`), whoever its subject is.
	for _, sa := range x.speech {
		if sa.verbStart >= sentStart && sa.verbStart < pos {
			return 0, 0, speakerRef{}, false
		}
	}
	lead := x.masked[sentStart:pos]
	for _, p := range []string{"he", "she"} {
		for _, form := range []string{strings.ToUpper(p[:1]) + p[1:] + " ", ", " + p + " "} {
			k := strings.Index(lead, form)
			if k < 0 || form[0] != ',' && k != 0 {
				continue
			}
			s := sentStart + k + strings.Index(form, strings.TrimSpace(strings.TrimPrefix(form, ",")))
			ref, ok := x.resolve(s, s+len(p))
			if ok && ref.person {
				return s, s + len(p), ref, true
			}
		}
	}
	return 0, 0, speakerRef{}, false
}

// gerundSubject returns the person who is the subject of an -ing clause
// before pos in the sentence ("The video shows Ada Lund waving to fans,
// shouting …"): a participle of saying after a comma goes on that clause
// and shares its subject. A person named with no -ing form after them
// ("The club fired Ada Lund, saying …") is an object, not the speaker.
func (x *quoteExtractor) gerundSubject(sentStart, pos int) (int, int, speakerRef, bool) {
	for _, p := range x.peopleBetween(sentStart, pos) {
		if p.possessive || x.afterPreposition(p.at) || x.afterDeterminer(p.at) {
			continue
		}
		next := strings.Fields(x.masked[p.end:pos])
		if len(next) == 0 {
			continue
		}
		w := strings.Trim(next[0], ".,;:")
		if w == next[0] && isLowerWord(w) && strings.HasSuffix(w, "ing") && lexicon.IsVerb(w) {
			return p.at, p.end, speakerRef{speaker: x.canonical(p.name), role: p.title, person: true}, true
		}
	}
	return 0, 0, speakerRef{}, false
}

func isWordOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// afterComma reports whether a comma stands just before the word at pos:
// ", adding", ", calling Trump a …" hang from the clause before, while a
// gerund ("calling gas green contradicts …") is a subject of its own.
func (x *quoteExtractor) afterComma(sentStart, pos int) bool {
	end := trimRightSpace(x.masked, sentStart, pos)
	return end > sentStart && x.masked[end-1] == ','
}

// thingBefore finds the antecedent of a relative "that" or "which" that is
// the subject of the verb at pos, when it is a common noun that names no
// person ("one tweet that asked", "a letter which said"): the noun and the
// determiner or number before it.
func (x *quoteExtractor) thingBefore(sentStart, pos int) (int, int, bool) {
	end := trimRightSpace(x.masked, sentStart, pos)
	ws := lastWordStart(x.masked, sentStart, end)
	if rel := strings.ToLower(x.masked[ws:end]); rel != "that" && rel != "which" {
		return 0, 0, false
	}
	ne := trimRightSpace(x.masked, sentStart, ws)
	ns := lastWordStart(x.masked, sentStart, ne)
	noun := x.masked[ns:ne]
	if ns == ne || !isLowerWord(noun) || isPersonNoun(noun) || len(nounFiles(strings.ToLower(noun))) == 0 {
		return 0, 0, false
	}
	// The verb of saying before it ("said that") makes "that" a
	// complementiser, not a relative pronoun.
	if speechVerbs[strings.ToLower(noun)] || reportingForm(strings.ToLower(noun)) {
		return 0, 0, false
	}
	ds := ns
	if pe := trimRightSpace(x.masked, sentStart, ns); pe > sentStart {
		if w := lastWordStart(x.masked, sentStart, pe); w < pe && (determiners[strings.ToLower(x.masked[w:pe])] || countWords[strings.ToLower(x.masked[w:pe])]) {
			ds = w
		}
	}
	return ds, ne, true
}

// countWords are the numbers and quantifiers that open a noun phrase.
var countWords = prose.WordSet(`one two three four five several many some any each every no another`)

// coordinated reports whether the verb at pos is joined to the clause
// before it by "and" or "but", with no subject of its own.
func (x *quoteExtractor) coordinated(sentStart, pos int) bool {
	end := trimRightSpace(x.masked, sentStart, pos)
	for {
		ws := lastWordStart(x.masked, sentStart, end)
		if ws == end {
			return false
		}
		w := strings.ToLower(x.masked[ws:end])
		if w == "and" || w == "but" {
			return true
		}
		if !auxiliaries[w] && !isAdverb(w) {
			return false
		}
		end = trimRightSpace(x.masked, sentStart, ws)
	}
}

// isAdverb reports whether a lower-case word is an adverb of manner or
// time by its -ly ending ("recently", "publicly") and is no noun WordNet
// knows ("family", "ally").
func isAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && isLowerWord(w) && len(nounFiles(w)) == 0
}

// reportingForm reports whether a lower-case word is a reporting form of a
// verb of communication (lexicon.IsReportingForm).
func reportingForm(w string) bool { return lexicon.IsReportingForm(w) }

// sentenceAround returns the bounds of the masked sentence holding pos, or
// an empty span at pos when pos is in the space between sentences.
func (x *quoteExtractor) sentenceAround(pos int) (int, int) {
	i := sort.Search(len(x.sentences), func(i int) bool { return x.sentences[i][1] > pos })
	if i < len(x.sentences) && x.sentences[i][0] <= pos {
		return x.sentences[i][0], x.sentences[i][1]
	}
	return pos, pos
}

// peopleFrom returns the index of the first person mention that ends after
// pos; mentions are in order and do not overlap.
func (x *quoteExtractor) peopleFrom(pos int) int {
	return sort.Search(len(x.people), func(i int) bool { return x.people[i].end > pos })
}

// subjectBefore finds the subject of a verb at verbStart: the noun phrase
// before it in its clause, stepping over auxiliaries ("has also") and over
// an appositive between commas ("John Bolton, who was …, said"), which it
// returns as the role.
func (x *quoteExtractor) subjectBefore(sentStart, verbStart int) (start, end int, appos string) {
	end = verbStart
	for {
		end = trimRightSpace(x.masked, sentStart, end)
		ws := lastWordStart(x.masked, sentStart, end)
		if ws < end && (auxiliaries[strings.ToLower(x.masked[ws:end])] || isAdverb(x.masked[ws:end]) || intensiveReflexives[strings.ToLower(x.masked[ws:end])]) {
			end = ws
			continue
		}
		// A time adjunct between the subject and its verb: "Ada Lund on
		// Friday said", "Lund late Monday told reporters".
		if loc := reTimeAdjunct.FindStringIndex(x.masked[max(sentStart, end-40):end]); loc != nil {
			if at := max(sentStart, end-40) + loc[0]; at > sentStart {
				end = at
				continue
			}
		}
		break
	}
	// An aside between dashes: "Sen. Joe Manchin of West Virginia -- the
	// most conservative Democrat in the Senate -- defended …".
	for _, dash := range []string{"--", "—", "–"} {
		if !strings.HasSuffix(x.masked[sentStart:end], dash) {
			continue
		}
		if open := strings.LastIndex(x.masked[sentStart:end-len(dash)], dash); open > 0 {
			aside := strings.TrimSpace(x.masked[sentStart+open+len(dash) : end-len(dash)])
			end = trimRightSpace(x.masked, sentStart, sentStart+open)
			if appos := cleanAppositive(aside); looksAppositive(aside) {
				s, e := x.clauseTail(sentStart, end)
				if s < e && x.classify(s, e) != kindNone {
					return s, e, appos
				}
			}
		}
		break
	}
	// "Marcos Jr. said": the suffix's full stop is not the clause's end.
	if end > sentStart+1 && x.masked[end-1] == '.' {
		if ws := lastWordStart(x.masked, sentStart, end-1); nameSuffixes[strings.ToLower(x.masked[ws:end-1])] {
			end--
		}
	}
	// American style sets an appositive's closing comma inside a
	// quotation that ends it ("author of the book “Strongmen,” told"):
	// the quotation's comma closes the appositive.
	quoteComma := false
	if end > sentStart && x.masked[end-1] == '"' {
		for _, sp := range x.spans {
			if sp.end > sp.textEnd && sp.open >= sentStart && trimRightSpace(x.masked, sentStart, sp.end) == end && strings.HasSuffix(x.body[sp.textStart:sp.textEnd], ",") {
				quoteComma = true
				break
			}
		}
	}
	if end > sentStart && (x.masked[end-1] == ',' || quoteComma) {
		// An appositive: try each comma from the right as its start.
		inner := end - 1
		for c := strings.LastIndexByte(x.masked[sentStart:inner], ','); c >= 0; c = strings.LastIndexByte(x.masked[sentStart:sentStart+c], ',') {
			comma := sentStart + c
			ap := strings.TrimSpace(x.masked[comma+1 : inner])
			// A name set off after a description is the subject: "The
			// narcologist, Mikhail Tetyushkin, explained", "Her lawyer,
			// Ola Berg, said".
			if p, ok := x.personEndingAt(comma+1, trimRightPunct(x.masked, comma+1, inner)); ok && strings.TrimSpace(x.masked[comma+1:p.at]) == "" {
				if ds, de := x.clauseTail(sentStart, comma); ds < de && isPersonNoun(headNoun(x.masked[ds:de])) {
					return p.at, p.end, strings.TrimSpace(x.masked[ds:de])
				}
			}
			// "Ivo Sand Jr., the top commander, told": the suffix's full
			// stop is not the clause's end.
			tail := comma
			if ws := lastWordStart(x.masked, sentStart, comma-1); comma > sentStart+1 && x.masked[comma-1] == '.' && nameSuffixes[strings.ToLower(x.masked[ws:comma-1])] {
				tail = comma - 1
			}
			s, e := x.clauseTail(sentStart, tail)
			if s < e && looksAppositive(ap) && x.classify(s, e) != kindNone {
				return s, e, cleanAppositive(ap)
			}
		}
		return 0, 0, ""
	}
	s, e := x.clauseTail(sentStart, end)
	// "a move he acknowledged": a personal pronoun is a whole noun phrase,
	// so the words before it are not part of the subject.
	if ws := lastWordStart(x.masked, s, e); ws > s && ws < e {
		switch strings.ToLower(x.masked[ws:e]) {
		case "he", "she", "they":
			s = ws
		}
	}
	// "Pope Francis, who has condemned …": a relative clause's subject is
	// the noun phrase it follows.
	// "tweeted meteorologist Ryan Maue of BAM Weather, who also noted":
	// the relative pronoun's antecedent, a person, before its comma.
	who := -1
	if strings.EqualFold(x.masked[s:e], "who") {
		who = s
	} else if k := trimRightSpace(x.masked, sentStart, s); s == e && k > sentStart && strings.EqualFold(x.masked[lastWordStart(x.masked, sentStart, k):k], "who") {
		who = lastWordStart(x.masked, sentStart, k)
	}
	if who >= 0 {
		if c := trimRightSpace(x.masked, sentStart, who); c > sentStart && x.masked[c-1] == ',' {
			if p, ok := x.personOfPlaceBefore(sentStart, c-1); ok {
				return p.at, p.end, ""
			}
		}
	}
	if s == e || strings.EqualFold(x.masked[s:e], "who") {
		if k := trimRightSpace(x.masked, sentStart, s); k > sentStart && strings.EqualFold(x.masked[lastWordStart(x.masked, sentStart, k):k], "who") {
			c := trimRightSpace(x.masked, sentStart, lastWordStart(x.masked, sentStart, k))
			if c > sentStart && x.masked[c-1] == ',' {
				if p, ok := x.personEndingAt(sentStart, trimRightPunct(x.masked, sentStart, c)); ok {
					return p.at, p.end, ""
				}
			}
		}
	}
	// "Marcie Rivera, a spokesperson for Wegmans told …": an appositive
	// whose closing comma the writer left out.
	if s < e && s > sentStart && looksAppositive(x.masked[s:e]) && !strings.EqualFold(x.masked[s:e], "who") {
		// "…, his neighbour Tom Reece said": a noun phrase whose head is a
		// name is that person, the verb's subject, not an appositive
		// with its closing comma left out.
		if p, ok := x.personEndingAt(s, e); ok && !p.possessive && !x.afterPreposition(p.at) && !roleNouns[strings.ToLower(lastField(p.name))] && !jobTitles[strings.ToLower(lastField(p.name))] {
			return s, e, ""
		}
		c := trimRightSpace(x.masked, sentStart, s)
		if ap := x.masked[s:e]; strings.HasPrefix(ap, "of ") || strings.HasPrefix(ap, "from ") {
			c = x.beforeAge(sentStart, c)
		}
		if c > sentStart && x.masked[c-1] == ',' {
			if p, ok := x.personEndingAt(sentStart, c-1); ok {
				return p.at, p.end, cleanAppositive(x.masked[s:e])
			}
		}
	}
	return s, e, ""
}

// peopleBetween returns the people named from start to pos, the last
// first.
func (x *quoteExtractor) peopleBetween(start, pos int) []personMention {
	var out []personMention
	for i := min(x.peopleFrom(pos), len(x.people)-1); i >= 0; i-- {
		p := x.people[i]
		if p.end > pos {
			continue
		}
		if p.start < start {
			break
		}
		out = append(out, p)
	}
	return out
}

// personOfPlaceBefore finds the person named just before pos, alone or
// with "of" and a place or a body after the name ("Ryan Maue of BAM
// Weather").
func (x *quoteExtractor) personOfPlaceBefore(sentStart, pos int) (personMention, bool) {
	for _, p := range x.peopleBetween(sentStart, pos) {
		rest := strings.TrimSpace(x.masked[p.end:pos])
		if rest == "" && afterWord(x.masked, p.at, "of") {
			continue // the place or body of a person named before it
		}
		if rest == "" {
			return p, true
		}
		if !strings.HasPrefix(rest, "of ") {
			return personMention{}, false
		}
		for _, w := range strings.Fields(rest)[1:] {
			if !prose.StartsUpper(w) && w != "the" {
				return personMention{}, false
			}
		}
		return p, true
	}
	return personMention{}, false
}

// clauseTail returns the words before end back to the start of their
// clause: the sentence start, punctuation, a quotation, or a word such as
// "after" or "that".
func (x *quoteExtractor) clauseTail(sentStart, end int) (int, int) {
	end = trimRightSpace(x.masked, sentStart, end)
	start := end
	for start > sentStart {
		ws := lastWordStart(x.masked, sentStart, start)
		if ws == start {
			// Not a word: punctuation ends the clause, spaces are skipped.
			r, size := utf8.DecodeLastRuneInString(x.masked[sentStart:start])
			if unicode.IsSpace(r) {
				start -= size
				continue
			}
			break
		}
		if clauseWords[strings.ToLower(x.masked[ws:start])] {
			break
		}
		start = ws
	}
	start, end = trimSpan(x.masked, start, end)
	return start, end
}

// phraseAfter returns the noun phrase after pos up to the next comma or
// the end of the sentence ("according to Downing Street, …").
func (x *quoteExtractor) phraseAfter(pos int) (int, int) {
	_, sentEnd := x.sentenceAround(max(pos-1, 0))
	if sentEnd < pos {
		return 0, 0
	}
	rest := x.masked[pos:sentEnd]
	cut := len(rest)
	if i := strings.IndexAny(rest, ",;:\"(–—"); i >= 0 {
		cut = i
	}
	s, e := trimSpan(x.masked, pos, pos+cut)
	e = trimRightPunct(x.masked, s, e)
	return s, e
}

// invertedSubject reads "said Mr Smith" after a quotation: the verb comes
// straight after the comma that closes the quotation.
func (x *quoteExtractor) invertedSubject(verbEnd int) (int, int) {
	verbStart := strings.LastIndexFunc(x.masked[:verbEnd], unicode.IsSpace) + 1
	before := strings.TrimRightFunc(x.masked[:verbStart], unicode.IsSpace)
	if !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, `"`) {
		return 0, 0
	}
	s, e := x.phraseAfter(verbEnd)
	// "said Sid Lowe in The Guardian": the subject ends where a
	// prepositional phrase begins, "of" aside ("Joe Manchin of West
	// Virginia").
	for i, w := range strings.Fields(x.masked[s:e]) {
		if lw := strings.ToLower(w); i > 0 && prepositions[lw] && lw != "of" {
			if k := strings.Index(x.masked[s:e], " "+w+" "); k >= 0 {
				e = s + k
			}
			break
		}
	}
	if ns, ne, ok := x.nameAfterDescription(s, e); ok {
		return ns, ne
	}
	return s, e
}
