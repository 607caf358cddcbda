package claim

import (
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// nameGroup is a run of capitalised words that names a person, place or
// organisation ("Prime Minister Keir Starmer", "Tampa Bay Lightning"), with
// the titles before it left out of its keys.
type nameGroup struct {
	keys       []string // lower-cased, place names folded ("america" → "us")
	start, end int
	// initials of the run of capitalised words the name stands in, "and"
	// and "of" skipped: "US Food and Drug Administration" gives "ufda", so
	// that "FDA" names it.
	initials string
}

// nameKey folds the names news uses for one country into one.
func nameKey(low string) string {
	low = strings.TrimSuffix(strings.TrimSuffix(low, "'s"), "’s")
	if k, ok := placeAliases[low]; ok {
		return k
	}
	return low
}

// findNames reads the names of a token list. A capitalised word at the
// start of a sentence counts as a name when known tells so (it is written
// with a capital elsewhere), when WordNet does not know it as a word, or
// when known says the passages do not use it and a verb follows it.
func findNames(toks []token, known func(low string) (name, seen, common bool)) []nameGroup {
	var out []nameGroup
	for i := 0; i < len(toks); i++ {
		if !isNameWord(toks, i, known) {
			continue
		}
		g := nameGroup{start: i}
		j := i
		for j < len(toks) && toks[j].clause == toks[i].clause && (isNameWord(toks, j, known) || (j > i && j+1 < len(toks) && (isNameJoiner(toks[j].low) || organisationAnd(toks, j, known)) && isNameWord(toks, j+1, known))) {
			if j > i && toks[j-1].possessive && quote.IsGivenName(toks[j].low) {
				break // "the New York Rangers' Igor Shesterkin": the owner, then a person
			}
			j++
		}
		g.end = j
		for k := i; k < j; k++ {
			if low := toks[k].low; !honorifics[low] && !isNameJoiner(low) {
				g.keys = append(g.keys, nameKey(low))
			}
		}
		// "United States" is one key.
		if len(g.keys) >= 2 {
			if k, ok := placeAliases[strings.Join(g.keys, " ")]; ok {
				g.keys = []string{k}
			}
		}
		if len(g.keys) > 0 {
			g.initials = runInitials(toks, i, j)
			out = append(out, g)
		}
		i = j - 1
	}
	return out
}

// organisationAnd reports whether "and" at j joins two parts of one
// organisation's name ("the Senate Energy and Natural Resources
// Committee"): the capitalised run after it ends in a common noun WordNet
// files under groups by its most frequent sense (committee, department,
// council, commission). "Trump and Biden" is two names.
func organisationAnd(toks []token, j int, known func(string) (name, seen, common bool)) bool {
	if toks[j].low != "and" {
		return false
	}
	k := j + 1
	for k < len(toks) && toks[k].clause == toks[j].clause && isNameWord(toks, k, known) {
		k++
	}
	if k == j+1 {
		return false
	}
	return lexicon.FirstFile(toks[k-1].low, 'n') == "noun.group"
}

func isNameJoiner(low string) bool {
	return low == "of" || low == "de" || low == "del" || low == "van" || low == "von" || low == "bin" || low == "al"
}

func isNameWord(toks []token, i int, known func(string) (name, seen, common bool)) bool {
	t := toks[i]
	if !t.upper || hasDigit(t.low) || isFunctionWord(t.low) || namedTime(toks, i) {
		return false
	}
	if _, ordinal, ok := numberValue(t.low); ok && ordinal {
		// "the Fourteenth Amendment" is "the 14th Amendment": the ordinal
		// is a figure, checked as one, as the digits are.
		return false
	}
	if monthAbbreviations[t.low] != "" && (i+1 < len(toks) && hasDigit(toks[i+1].low) || i > 0 && hasDigit(toks[i-1].low)) {
		return false // "Jan. 31" is a date, though Jan is also a name
	}
	if timeZone(toks, i) {
		return false // "8 p.m. ET", "8 EDT": the clock's zone, not a name
	}
	if !t.first {
		return true
	}
	if isNumberWord(t.low) {
		return false // "Five states have …": a count opening its sentence
	}
	if mannerAdverb(t.low) {
		return false // "Initially, …", "Potentially, …": an adverb opening its sentence
	}
	if strings.ToUpper(t.text) == t.text && len(t.text) > 1 {
		return true // "NATO", "US"
	}
	if quote.IsGivenName(t.low) && i+1 < len(toks) && toks[i+1].upper && toks[i+1].clause == t.clause && !isFunctionWord(toks[i+1].low) {
		return true // "Ana Hale met …": a given name opening the sentence before a surname
	}
	name, seen, common := false, false, false
	if known != nil {
		name, seen, common = known(t.low)
	}
	switch {
	case name:
		return true
	case honorifics[t.low]:
		return false
	case !knownWord(t.low):
		return true
	}
	// A word the passages never write in lower case, the subject of a
	// verb with a name for its object, is a name ("Rangers beat Celtic");
	// an inflected one only when the passages use it ("Authorities told
	// Reuters", in a sentence, is no name the passages lack).
	// WordNet lists some plurals as nouns of their own ("authorities"):
	// any other base makes the word inflected.
	inflected := slices.ContainsFunc(lexicon.Bases(t.low), func(b string) bool { return b != t.low })
	if !common && ((seen || !inflected) && beforeVerbAndName(toks, i) || beforeTitledName(toks, i)) {
		return true
	}
	// A word the passages never use, opening a sentence as the subject of
	// a verb ("Macron posted …"), is taken for a name: a common word there
	// would be written in lower case elsewhere.
	// An inflected common word ("Investigators found") is not a name.
	if inflected {
		return false
	}
	// A noun made with a suffix of abstract nouns ("Unemployment fell",
	// "Inflation rose") names no one.
	if abstractNoun(t.low) {
		return false
	}
	// An -ing form after it is mostly a participle describing a common noun
	// ("Aircraft fighting the fire are …"), not a name's verb.
	if i+1 >= len(toks) {
		return false
	}
	next := toks[i+1]
	return !seen && (verbForm(toks, i+1) && !strings.HasSuffix(next.low, "ing") || lexicon.IsSaying(next.low))
}

// beforeVerbAndName reports whether the word at i, opening its sentence,
// stands before a verb and a name in its clause ("Arsenal beat Chelsea",
// "Rangers beat Celtic"). A verb whose past is its base ("beat", "hit",
// "put") shows no inflection, but between a word and a name it can only
// be a verb, and the word is its subject.
func beforeVerbAndName(toks []token, i int) bool {
	if i+2 >= len(toks) {
		return false
	}
	next, after := toks[i+1], toks[i+2]
	return !next.upper && lexicon.IsVerb(next.low) && after.upper && !after.first && after.clause == toks[i].clause && next.clause == toks[i].clause
}

// beforeTitledName reports whether the word at i stands before a title
// and a name written with capitals ("Spirit CEO Ted Christie", "Target
// Chief Executive Brian Cornell"): news writes the organisation before
// the title it gives, so the word names it.
func beforeTitledName(toks []token, i int) bool {
	j := i + 1
	for j < len(toks) && j <= i+2 && toks[j].upper && honorifics[toks[j].low] && toks[j].clause == toks[i].clause {
		j++
	}
	return j > i+1 && j < len(toks) && toks[j].upper && !honorifics[toks[j].low] && toks[j].clause == toks[i].clause
}

// abstractSuffixes are the English suffixes that make abstract nouns of
// verbs and adjectives (-ment, -tion, -sion, -ness, -ity, -ism, -ance,
// -ence, -ship, -hood).
var abstractSuffixes = []string{"ment", "tion", "sion", "ness", "ity", "ism", "ance", "ence", "ship", "hood"}

// abstractNoun reports whether a word WordNet knows as a noun ends in a
// suffix of abstract nouns, past a stem of three letters at least.
func abstractNoun(low string) bool {
	for _, suf := range abstractSuffixes {
		if len(low) >= len(suf)+3 && strings.HasSuffix(low, suf) {
			return lexicon.IsNoun(low)
		}
	}
	return false
}

// isFunctionWord reports words that are capitalised only because they open a
// sentence or a title, and never name anyone; the negative words ("Neither
// United nor …", "Nobody", "Never") among them.
func isFunctionWord(low string) bool {
	return prose.IsStopword(low) || low == "i" || prepositions[low] || negativeSubjects[low] || low == "nor" || low == "never" || determinerWords[low]
}

// determinerWords are English determiners beyond the stopwords, a closed
// class: written in capitals for stress ("a challenge EVERY single day")
// they name no one.
var determinerWords = wordSet("every each either several such whichever whatever")

// prepositions are English's simple prepositions, a closed class (as a
// grammar lists them), beyond the stopwords: a sentence may open with one
// ("Beyond its 222 million households"), and it names no one.
var prepositions = wordSet(`aboard about above across after against along alongside amid amidst among
	amongst around as at before behind below beneath beside besides between beyond but by concerning
	despite down during except excluding following for from in including inside into like near notwithstanding of off on
	onto opposite out outside over past per regarding since through throughout till to toward towards
	under underneath unlike until up upon versus via with within without`)

// sameName reports whether two name groups can name the same one: they
// share a key, or a key of one is a form of a key of the other
// ("Ukraine"/"Ukrainian").
func sameName(a, b nameGroup) bool {
	for _, x := range a.keys {
		if initialsOf(x, a, b) {
			return true
		}
		for _, y := range b.keys {
			if x == y || nameForm(x, y) || lexicon.SameName(x, y) {
				return true
			}
		}
	}
	for _, y := range b.keys {
		if initialsOf(y, b, a) {
			return true
		}
	}
	return wordnetName(a, b)
}

// initialsOf reports whether key x of one name spells the initials of the
// other name's run of capitalised words, or of its tail ("FDA" for "US Food
// and Drug Administration", "OPIS" for "Oil Price Information Service"). A
// key as long as the run must be the only key of a name of one word, so
// that two names of as many words ("Al Gore") are not taken for initials.
func initialsOf(x string, a, b nameGroup) bool {
	if len(x) < 2 || len(b.initials) < len(x) || !strings.HasSuffix(b.initials, x) {
		return false
	}
	return len(b.initials) > len(x) || len(a.keys) == 1 && a.end-a.start == 1 && len(b.keys) > 1
}

// wordnetName reports whether WordNet writes the two names as one name
// ("Fed" and "Federal Reserve": lexicon.SameName), whole.
func wordnetName(a, b nameGroup) bool {
	return lexicon.SameName(strings.Join(a.keys, " "), strings.Join(b.keys, " "))
}

// aliasOf reports whether a key of g is a WordNet synonym of a key of h,
// or the first word of one ("Republican" for "GOP", through "Republican
// Party").
func aliasOf(g, h nameGroup) bool {
	for _, k := range h.keys {
		for _, a := range lexicon.Synonyms(k) {
			first, _, _ := strings.Cut(a, " ")
			for _, x := range g.keys {
				if x == a || x == first {
					return true
				}
			}
		}
	}
	return false
}

// capitalOf reports whether one name is a country's and the other its
// capital's, which news uses for the country's government ("Beijing
// accused Abe" for "China accused Abe"; lexicon.CountryCapital).
func capitalOf(g, h nameGroup) bool {
	for _, x := range g.keys {
		for _, a := range lexicon.CountryCapital(x) {
			if slices.Contains(h.keys, nameKey(a)) {
				return true
			}
		}
	}
	return false
}

// runInitials gives the initials of the run of capitalised words, joined by
// "and", "of", "for", "the" or "&", around toks[start:end].
func runInitials(toks []token, start, end int) string {
	joiner := func(low string) bool {
		return low == "and" || low == "of" || low == "for" || low == "the" || low == "&"
	}
	for start > 0 && toks[start-1].clause == toks[start].clause && (toks[start-1].upper || joiner(toks[start-1].low) && start > 1 && toks[start-2].upper) {
		start--
	}
	for end < len(toks) && toks[end].clause == toks[end-1].clause && (toks[end].upper || joiner(toks[end].low) && end+1 < len(toks) && toks[end+1].upper) {
		end++
	}
	var b strings.Builder
	for i := start; i < end; i++ {
		if toks[i].upper && toks[i].low != "" {
			b.WriteByte(toks[i].low[0])
		}
	}
	return b.String()
}

func nameText(toks []token, g nameGroup) string {
	var parts []string
	for i := g.start; i < g.end; i++ {
		if honorifics[toks[i].low] && i == g.start && g.end-g.start > 1 {
			continue
		}
		parts = append(parts, toks[i].text)
	}
	return strings.Join(parts, " ")
}

// descriptor reports whether a name only describes what follows it ("the
// French president"): one word, followed by a title.
func (ev *evidence) descriptor(g nameGroup) bool {
	return g.end-g.start == 1 && g.end < len(ev.toks) && !ev.toks[g.end].upper && honorifics[ev.toks[g.end].low]
}

// knowsName reports whether the passages or their metadata give a name's
// word: as a word, a form of it ("Ukrainian" for "Ukraine", "Turkish" for
// "Turkey" through WordNet), as the
// initials of a run of capitalised words ("FDA" for "Food and Drug
// Administration"), or as a WordNet synonym of a capitalised passage word
// ("Republican" for "GOP").
func (ev *evidence) knowsName(key string) bool {
	if ev.context[key] || ev.acronyms[key] || ev.aliases[key] || len(ev.byForm[key]) > 0 {
		return true
	}
	for i, t := range ev.toks {
		if k := nameKey(t.low); k == key || nameForm(k, key) || t.upper && lexicon.SameName(k, key) {
			return true
		}
		if i+1 < len(ev.toks) && placeAliases[t.low+" "+ev.toks[i+1].low] == key {
			return true // "United States", however it is bracketed
		}
		if t.upper && ev.namesRunAs(i, key) {
			return true
		}
	}
	return false
}

// namesRunAs reports whether the run of capitalised words from passage
// word i, or its first words, is a name WordNet gives key for ("United
// Nations" for "UN", in "the United Nations Security Council").
func (ev *evidence) namesRunAs(i int, key string) bool {
	const longest = 4 // words of a name WordNet spells out
	words := []string{ev.toks[i].low}
	for j := i + 1; j < len(ev.toks) && j < i+longest && ev.toks[j].upper && ev.toks[j].sent == ev.toks[i].sent; j++ {
		words = append(words, ev.toks[j].low)
		if lexicon.SameName(strings.Join(words, " "), key) {
			return true
		}
	}
	return false
}

// acronymsOf gives the initials of every run of capitalised words in toks,
// of each run's tails ("US Food and Drug Administration" gives "ufda",
// "fda" and "da") and of each stretch of three words or more in it, with
// "and", "of", "for" and "the" inside a run skipped.
func acronymsOf(toks []token) map[string]bool {
	const maxAcronym = 8 // initials longer than this are not written
	out := map[string]bool{}
	var run []byte
	flush := func() {
		for i := max(0, len(run)-maxAcronym); i+1 < len(run); i++ {
			out[string(run[i:])] = true
		}
		// A run often goes on past the name the initials stand for, into a
		// title or a person ("Centers for Disease Control and Prevention
		// Director Rochelle Walensky" holds "CDC"): three initials or more
		// from anywhere in it count too.
		for i := 0; i < len(run); i++ {
			for j := i + 3; j <= len(run) && j-i <= maxAcronym; j++ {
				out[string(run[i:j])] = true
			}
		}
		run = run[:0]
	}
	for i, t := range toks {
		switch {
		case t.upper && t.low != "" && (i == 0 || toks[i-1].sent == t.sent):
			run = append(run, t.low[0])
		case len(run) > 0 && (t.low == "and" || t.low == "of" || t.low == "for" || t.low == "the" || t.low == "&"):
		default:
			flush()
		}
	}
	flush()
	return out
}

// nameForm reports whether one name is another with an ending added, as a
// people or language is named after its country ("Ukraine"/"Ukrainian",
// "Russia"/"Russian"): all but the last letter of the shorter, at least
// four letters, begin the longer. "Francis" and "Francesco" stay apart.
func nameForm(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 5 {
		return false
	}
	return strings.HasPrefix(b, a[:len(a)-1])
}

// acronymWithin reports whether sentence name g is a written acronym (one
// word of three capitals or more, as written) whose letters stand in a
// row among the initials of the run of capitalised words passage name h
// stands in: "CDC" within "US Centers for Disease Control and
// Prevention", where a run goes on past the name the initials stand for.
func (c *sentenceRead) acronymWithin(g, h nameGroup) bool {
	if g.end-g.start != 1 || len(g.keys) != 1 || len(g.keys[0]) < 3 {
		return false
	}
	text := c.toks[g.start].text
	return strings.ToUpper(text) == text && strings.Contains(h.initials, g.keys[0])
}

// timeZone reports whether the word at i is a time zone's abbreviation
// after a clock time ("8 p.m. ET", "at 8 EDT/5 PDT", "14:48 ET"): two to
// four capitals ending in T (Eastern Time, British Summer Time) or UTC,
// right after "a.m."/"p.m.", or after an hour that follows a preposition,
// its minutes' hour or another zone. After a bare count ("2 MIT
// students") it is a name.
func timeZone(toks []token, i int) bool {
	t := toks[i]
	if i < 2 || len(t.text) < 2 || len(t.text) > 4 || strings.ToUpper(t.text) != t.text || !strings.HasSuffix(t.text, "T") && t.text != "UTC" {
		return false
	}
	prev, before := toks[i-1], toks[i-2]
	if prev.clause != t.clause {
		return false
	}
	switch {
	case prev.low == "pm" || prev.low == "am" || clockPart(toks, i-1):
		return true
	case !hasDigit(prev.low):
		return false
	}
	return prepositions[before.low] || hasDigit(before.low) || timeZone(toks, i-2)
}
