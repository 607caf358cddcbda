package answer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// phrasingWords are how people ask rather than what they ask about: time
// words relative to the asking ("recently", "this week"), requests and
// hedges ("tell me", "actually"), and words about the coverage itself
// ("according to", "reports"). A question's focus is its other content
// words; a phrasing word missing from the passages never makes the answerer
// abstain.
var phrasingWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range phrasingSurface {
		m[prose.Stem(w)] = true
	}
	return m
}()

// phrasingSurface are the phrasing words as written.
var phrasingSurface = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`recent recently lately currently nowadays today tonight yesterday
week weekend month year days ago earlier later soon far
actually really exactly just even still right basically apparently supposedly
tell know explain describe summarise summarize sum recap update updates
coverage covered cover report reports reported reporting story stories article articles piece pieces news outlets
according source sources mention mentioned mentions say says
anything something everything guy guys folks thing things stuff`) {
		m[w] = true
	}
	return m
}()

// kindHeads map the noun after "which" or "what" to the kind of answer it
// asks for.
var kindHeads = func() map[string]answerKind {
	m := map[string]answerKind{}
	add := func(k answerKind, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = k
		}
	}
	add(kindPerson, `person people company companies firm brand team club player singer actor actress artist
leader president minister official organisation organization group band network retailer airline bank
man woman politician senator governor judge musician athlete star celebrity author writer envoy
ambassador candidate party agency ceo founder director star`)
	add(kindPlace, `country countries city cities state states continent nation island region area place
town capital province county territory location venue border`)
	add(kindDate, `year day date month time`)
	return m
}()

var (
	whoPattern     = regexp.MustCompile(`(?i)^(who|whom|whose)\b|\b(who|whom|whose)\b`)
	wherePattern   = regexp.MustCompile(`(?i)\bwhere\b`)
	whyPattern     = regexp.MustCompile(`(?i)\b(why|what (caused|prompted|led to)|for what reason)\b`)
	mannerPattern  = regexp.MustCompile(`(?i)\bhow (did|does|do|has|have|is|was|were|will|would)\b`)
	saidPattern    = regexp.MustCompile(`(?i)\bwhat (did|does|do|has|have|had) (.{1,60}?)\s+(say|said|says|warn|warned|write|wrote|tell|told|post|posted|claim|claimed|tweet|tweeted|announce|announced|argue|argued|add|added|reply|replied|predict|predicted|think|thought|make\s+of)\b`)
	yesNoPattern   = regexp.MustCompile(`(?i)^(did|does|do|is|are|was|were|has|have|had|can|could|will|would|should)\b`)
	reasonPattern  = regexp.MustCompile(`(?i)\b(because|since|due to|after|amid|as a result|so that|in order to|in response to|following|owing to|thanks to|caused by|blamed|reason)\b`)
	mannerCues     = regexp.MustCompile(`(?i)\b(said|says|responded|reacted|replied|called|described|criticised|criticized|praised|welcomed|condemned|applauded|applause|told|posted|wrote|warned|vowed|insisted)\b`)
	refersBack     = regexp.MustCompile(`(?i)\b(he|she|they|the ([a-z]+ )?(president|minister|prime minister|leader|chancellor|envoy|ambassador|spokes(man|woman|person)|official|pope|pontiff|king|queen|secretary))(\s+[a-z]+){0,2}\s+(said|says|told|tells|added|adds|wrote|writes|warned|warns|posted|claimed|insisted|argued)\b`)
	reportedSpeech = regexp.MustCompile(`(?i)(^|\s)["“‘]|\b(said|says|told|warned|wrote|added|claimed|posted|argued|insisted|described|according to|called\s+for|called\s+(?:[\p{L}’'-]+\s+){1,4}?["“‘]?(?:a|an)\s)\b`)
)

// temporalCues are the reason cues that also order events in time: "after
// the vote" may give a cause, "24 hours after the call" gives a time.
var temporalCues = wordSet(`after since following`)

// timeAdverbs stand before a preposition of time to measure the gap
// ("soon after", "shortly after", "long since"): a closed class.
var timeAdverbs = wordSet(`soon shortly just immediately right long ever days hours weeks months years minutes moments later`)

// givesReason reports whether a sentence holds a cue of a reason or a
// cause ("because", "due to", "after" a cause). "After", "since" and
// "following" count only when they are not measuring time: not after a
// span or a time adverb ("less than 24 hours after", "soon after"), nor
// before a date, a time or a noun of time ("since 2001", "after Sunday",
// "after weeks of talks").
func givesReason(sentence string) bool {
	for _, loc := range reasonPattern.FindAllStringIndex(sentence, -1) {
		cue := strings.ToLower(sentence[loc[0]:loc[1]])
		if !temporalCues[cue] {
			return true
		}
		before := phraseWords(sentence[:loc[0]])
		if n := len(before); n > 0 {
			prev, _ := bareWord(before[n-1])
			prev = strings.ToLower(prev)
			if timeAdverbs[prev] || lexiconTimeNoun(prev) {
				continue
			}
		}
		after := strings.TrimSpace(sentence[loc[1]:])
		if loc := datePattern.FindStringIndex(after); loc != nil && loc[0] == 0 {
			continue
		}
		if loc := durationPattern.FindStringIndex(after); loc != nil && loc[0] == 0 {
			continue
		}
		if next := phraseWords(after); len(next) > 0 {
			if w, _ := bareWord(next[0]); lexiconTimeNoun(strings.ToLower(w)) {
				continue // "after weeks of…", "since months"
			}
		}
		return true
	}
	return false
}

// lexiconTimeNoun reports whether a word is a noun whose most frequent
// sense WordNet files under noun.time ("hours", "weeks", "moments").
func lexiconTimeNoun(w string) bool {
	return lexicon.FirstFile(w, 'n') == "noun.time"
}

// kindOf works out what a question asks for from its wording.
func kindOf(question string) answerKind {
	q := strings.ToLower(question)
	switch {
	case strings.Contains(q, "how long since"), strings.Contains(q, "how long ago"):
		// Since when: the time the event took place answers it ("since a
		// row in the Oval Office in February", "last month"), where how
		// long something else lasted does not.
		return kindDate
	case strings.Contains(q, "how long"):
		return kindDuration
	case strings.HasPrefix(q, "how ") && mannerPattern.MatchString(q) && !strings.HasPrefix(q, "how many") && !strings.HasPrefix(q, "how much"):
		return kindManner
	case strings.Contains(q, "how many"), strings.Contains(q, "how much"), strings.Contains(q, "what percentage"),
		strings.Contains(q, "how far"), strings.Contains(q, "how old"), strings.Contains(q, "how big"),
		strings.Contains(q, "how large"), strings.Contains(q, "how tall"), strings.Contains(q, "how high"),
		strings.Contains(q, "what share"), strings.Contains(q, "what proportion"), strings.Contains(q, "what percent"):
		return kindNumber
	case strings.HasPrefix(q, "when "), strings.Contains(q, " when "), strings.Contains(q, "how soon"), strings.Contains(q, "what date"),
		strings.Contains(q, "what day"), strings.Contains(q, "which day"), strings.Contains(q, "what year"),
		strings.Contains(q, "which year"), strings.Contains(q, "what time"), strings.Contains(q, "which month"):
		return kindDate
	case whyPattern.MatchString(q):
		return kindReason
	case saysWhat(q) != nil:
		return kindSaid
	case whoPattern.MatchString(q):
		return kindPerson
	case wherePattern.MatchString(q):
		return kindPlace
	case mannerPattern.MatchString(q):
		return kindManner
	}
	if _, k := askedNoun(question); k != kindAny {
		return k
	}
	if h := whichNoun(question); h != "" {
		if k, ok := kindHeads[h]; ok {
			return k
		}
		return kindOfHead(h, q)
	}
	if yesNoPattern.MatchString(q) {
		return kindYesNo
	}
	return kindAny
}

// spanPrepositions open a phrase that asks for a stretch of time rather
// than a point in it ("over what period", "for what length of time").
var spanPrepositions = regexp.MustCompile(`\b(for|over|throughout)\s+(what|which)\b`)

// kindOfHead is the kind of answer a "which …" question asks for when its
// head noun is not one of kindHeads: read from the lexicographer file of
// the noun's most frequent sense in WordNet. A person or a group ("which
// rapper", "which squad") is answered by a name as a person is, a location
// by a place, and a time after a preposition of extent ("over what
// period") by a duration. Any other noun is answered by the name of a thing
// of its kind.
func kindOfHead(head, lowerQuestion string) answerKind {
	switch lexicon.FirstFile(head, 'n') {
	case "noun.person", "noun.group":
		return kindPerson
	case "noun.location":
		return kindPlace
	case "noun.time":
		// "Which holiday", "which anniversary" are answered by a name
		// ("Independence Day", "the third anniversary"); only a stretch
		// asked for as one is a duration.
		if spanPrepositions.MatchString(lowerQuestion) {
			return kindDuration
		}
	}
	return kindName
}

// speakerTerms are the terms of who a "what did X say" question asks
// about (X), or nil.
func speakerTerms(question string) []string {
	m := saysWhat(question)
	if m == nil {
		return nil
	}
	var out []string
	for _, t := range prose.Terms(question[m[0]:m[1]]) {
		if !phrasingWords[t] && !questionFrameWords[t] {
			out = append(out, t)
		}
	}
	return out
}

// headNoun is the noun a "which …" or "what …" question asks about ("show"
// in "which wildly popular show was…"), or "".
func headNoun(question string) string {
	if h := whichNoun(question); h != "" {
		return prose.Stem(h)
	}
	return ""
}

// whichNoun is the head of the noun phrase a "which …" or "what …"
// question asks about, lower case: after the wh-word, modifiers and nouns
// up to a function word, a verb form ("won", "announced") or the end of
// the clause, the last noun WordNet knows ("which wildly popular show
// was…", "to stock which condiment?", "which major US retailer
// announced…"). Capitalised words are names that modify it ("US"). "" when
// the question has no such phrase ("what did she say").
func whichNoun(question string) string {
	words := phraseWords(question)
	for i, w := range words {
		b, closed := bareWord(w)
		if b = strings.ToLower(b); (b != "which" && b != "what") || closed {
			continue
		}
		head := ""
		for j := i + 1; j < len(words) && j <= i+1+maxModifiers; j++ {
			x, closes := bareWord(words[j])
			low := strings.ToLower(x)
			if x == "" || prose.IsStopword(low) {
				break
			}
			r, _ := utf8.DecodeRuneInString(x)
			switch {
			case unicode.IsUpper(r):
				// a name modifying the head
			case head != "" && lexicon.IsVerb(low) && lexicon.Base(low) != low:
				closes = true // an inflected verb after the head: "which team won"
			case lexicon.IsNoun(low):
				head = low
			case lexicon.IsVerb(low):
				closes = true
			}
			if closes {
				break
			}
		}
		if head != "" {
			return head
		}
	}
	return ""
}

// typed reports whether a kind is answered by a span of its own (a name, a
// place, a figure, a date, a duration) that a sentence holds or lacks.
func (k answerKind) typed() bool {
	switch k {
	case kindPerson, kindPlace, kindDuration, kindDate, kindNumber:
		return true
	}
	return false
}

// newCandidate reports whether a sentence holds an answer of the kind that
// is not already in the question: a name the question does not use, a
// figure or a date it does not give.
func (k answerKind) newCandidate(sentence string, qTerms map[string]bool) bool {
	switch k {
	case kindPerson, kindPlace, kindName:
		return len(newNames(sentence, qTerms)) > 0
	}
	return k.freshFigureIn(sentence, qTerms) != ""
}

// figurePattern is what an answer of kind k looks like when it is a figure,
// a date or a duration; nil for the other kinds.
func (k answerKind) figurePattern() *regexp.Regexp {
	switch k {
	case kindDuration:
		return durationPattern
	case kindDate:
		return datePattern
	case kindNumber:
		return numberPattern
	}
	return nil
}

// freshFigureIn is the first figure, date or duration of kind k in sentence
// that the question does not give, or "".
func (k answerKind) freshFigureIn(sentence string, qTerms map[string]bool) string {
	pattern := k.figurePattern()
	if pattern == nil {
		return ""
	}
	for _, m := range pattern.FindAllString(sentence, -1) {
		if freshFigure(m, qTerms, k == kindDuration) {
			return m
		}
	}
	return ""
}

// freshFigure reports whether a figure, date or duration found in a
// sentence is one the question does not give. A magnitude in the plural on
// its own ("millions of swings", "hundreds of people") is an indefinite
// quantity, not a figure.
func freshFigure(m string, qTerms map[string]bool, span bool) bool {
	switch strings.ToLower(m) {
	case "hundreds", "thousands", "millions", "billions", "dozens":
		return false
	}
	// "for years", "after weeks": a unit with no count is the whole span
	// when a span is asked for. As a date it stays no fresh time ("this
	// week" beside the question's): reading it as one answered a
	// seed-tune2 near miss with a time said of something else.
	bareUnit, counted := false, false
	for _, tok := range prose.Tokenize(m) {
		// "few" is a stop word, but in "the last few days" it is the
		// count, as "two" is in "two days".
		if prose.IsStopword(tok) && tok != "few" {
			continue
		}
		t := prose.Stem(tok)
		if !isUnitWord(t) {
			if !qTerms[t] {
				return true
			}
			counted = true
			continue
		}
		bareUnit = bareUnit || !qTerms[t]
	}
	return span && bareUnit && !counted
}

func isUnitWord(t string) bool {
	switch t {
	case "second", "minut", "minute", "hour", "day", "week", "month", "year", "decad", "decade":
		return true
	}
	return false
}

// newPlace reports whether a sentence holds a name the question does not
// that can be a place: one after a preposition of place ("in Graz", "at
// the Munich Security Conference"), one with a word WordNet files as a
// location or knows as a country or a capital ("Rome", "the Paris
// Opera"), or one whose last word WordNet does not know at all
// ("Lindford"). "The Second World War" and "the Tarrow Gazette" are things
// WordNet knows to be no place.
func newPlace(sentence string, qTerms map[string]bool) bool {
	fresh := func(run string) bool { return freshName(run, qTerms) }
	for _, m := range locativeName.FindAllStringSubmatch(sentence, -1) {
		if fresh(m[1]) {
			return true
		}
	}
	for _, loc := range capitalisedRun.FindAllStringIndex(sentence, -1) {
		words := strings.Fields(sentence[loc[0]:loc[1]])
		if loc[0] == 0 && !nameAtStart(words[0]) {
			words = words[1:]
		}
		if len(words) == 0 || !fresh(strings.Join(words, " ")) {
			continue
		}
		for i, w := range words {
			w = strings.ToLower(strings.TrimRight(w, ".’'"))
			w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
			if placeWord(w) || (i == len(words)-1 && !known(w)) {
				return true
			}
		}
	}
	return false
}

// placeWord reports whether WordNet knows a word as a country or a
// capital, or files its most frequent sense as a noun under noun.location.
func placeWord(w string) bool {
	if len(lexicon.CountryNames(w)) > 0 || len(lexicon.CountryCapital(w)) > 0 {
		return true
	}
	return lexicon.FirstFile(w, 'n') == "noun.location"
}

// newNames are the capitalised words of a sentence whose terms the
// question does not hold; its first word counts only when it is a name
// (nameAtStart).
func newNames(sentence string, qTerms map[string]bool) []string {
	var out []string
	first := true
	for _, field := range strings.FieldsFunc(sentence, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:?!()\"“”‘’[]—–", r)
	}) {
		wasFirst := first
		first = false
		if !upperInitial(field) || (wasFirst && !nameAtStart(field)) {
			continue
		}
		for _, t := range prose.Terms(field) {
			if !qTerms[t] && !phrasingWords[t] && !calendarWord(t) {
				out = append(out, field)
			}
		}
	}
	return out
}

// nameAtStart reports whether the capitalised word that opens a sentence
// is a name rather than a word capitalised for opening it: no stop word,
// and no word WordNet knows ("Adele is returning…", not "After…" or
// "Dry…").
func nameAtStart(word string) bool {
	low := strings.ToLower(strings.TrimRight(word, ".’'"))
	for _, tok := range prose.Tokenize(low) {
		if prose.IsStopword(tok) || known(tok) {
			return false
		}
	}
	return low != ""
}

func calendarWord(t string) bool {
	return (t != "" && datePattern.MatchString(strings.ToUpper(t[:1])+t[1:])) || t == "mr" || t == "mrs" || t == "ms" || t == "sir" || t == "dr"
}

// wordForms are the other forms of a question word that count as it: the
// base forms WordNet's morphology finds ("spoke" → "speak", "lasted" →
// "last") and the irregular forms WordNet's exception lists give ("speak" →
// "spoke", "spoken"), stemmed as the index stems.
func wordForms(tok, stem string) []string {
	var out []string
	seen := map[string]bool{stem: true}
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, b := range lexicon.Bases(tok) {
		for _, t := range prose.Terms(b) {
			add(t)
		}
	}
	// Irregular forms from WordNet's exception lists, of the word and of its
	// bases: "speak" finds "spoke", and "spoke" finds "spoken".
	for _, b := range append([]string{tok}, lexicon.Bases(tok)...) {
		for _, f := range lexicon.Inflections(b) {
			for _, t := range prose.Terms(f) {
				add(t)
			}
		}
	}
	return out
}

// nearSpelling reports whether two terms are one edit apart (a letter
// added, dropped or changed), for names typed as people type them
// ("zelensky" for "zelenskyy"). Short terms must match exactly.
func nearSpelling(a, b string) bool {
	if len(a) < 5 || len(b) < 5 || a[0] != b[0] {
		return false
	}
	if d := len(a) - len(b); d > 1 || d < -1 {
		return false
	}
	i, j, edits := 0, 0, 0
	for i < len(a) && j < len(b) {
		if a[i] == b[j] {
			i++
			j++
			continue
		}
		edits++
		if edits > 1 {
			return false
		}
		switch {
		case len(a) > len(b):
			i++
		case len(b) > len(a):
			j++
		default:
			i++
			j++
		}
	}
	return edits+(len(a)-i)+(len(b)-j) <= 1
}

// answerSpan is the words of a sentence that answer a typed question: the
// first figure, date or duration it gives that the question does not, or
// its first run of capitalised words that the question does not hold.
func answerSpan(k answerKind, sentence string, qTerms map[string]bool) string {
	switch k {
	case kindPerson, kindPlace, kindName:
		return nameRun(sentence, qTerms)
	}
	return k.freshFigureIn(sentence, qTerms)
}

// freshName reports whether a name has a word the question does not hold,
// other than its phrasing and calendar words.
func freshName(run string, qTerms map[string]bool) bool {
	for _, t := range prose.Terms(run) {
		if !qTerms[t] && !phrasingWords[t] && !calendarWord(t) {
			return true
		}
	}
	return false
}

var capitalisedRun = regexp.MustCompile(`\p{Lu}[\p{L}\p{N}’'.-]*(?:\s+(?:(?:of|de|la|van|von|and|&)\s+)?\p{Lu}[\p{L}\p{N}’'.-]*)*`)

// nameRun is the first run of capitalised words, not at the sentence's
// start, that the question does not hold. Failing one, it is the run that
// opens the sentence, without its first word (capitalised because it opens
// the sentence): "Port of Dunmore shuts its gates" gives "Dunmore".
func nameRun(sentence string, qTerms map[string]bool) string {
	fresh := func(run string) bool { return freshName(run, qTerms) }
	opening := ""
	for _, loc := range capitalisedRun.FindAllStringIndex(sentence, -1) {
		if loc[0] > 0 {
			if run := strings.TrimRight(sentence[loc[0]:loc[1]], ".’'"); fresh(run) {
				return run
			}
			continue
		}
		if first := strings.IndexFunc(sentence[:loc[1]], unicode.IsSpace); first > 0 {
			if rest := capitalisedRun.FindStringIndex(sentence[first:loc[1]]); rest != nil {
				opening = strings.TrimRight(sentence[first+rest[0]:first+rest[1]], ".’'")
			}
		}
	}
	if opening != "" && fresh(opening) {
		return opening
	}
	return ""
}
