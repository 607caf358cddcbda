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

// attribute decides who said quotation i.
func (x *quoteExtractor) attribute(i int) (speakerRef, bool) {
	if ref, ok := x.refs[i]; ok {
		return ref, ref.speaker != ""
	}
	ref, ok := x.attributeUncached(i)
	if !ok {
		ref = speakerRef{}
	}
	x.refs[i] = ref
	// A verb whose subject is someone the article does not name gives the
	// quotation to nobody (see resolve).
	return ref, ok && ref.speaker != ""
}

func (x *quoteExtractor) attributeUncached(i int) (speakerRef, bool) {
	sp := x.spans[i]
	if x.isName(sp) || x.isLabel(sp) || x.inSpeakersAppositive(sp) || x.swallowedAttribution(sp) {
		return speakerRef{}, false
	}
	sentStart, _ := x.sentenceAround(sp.open)
	_, sentEnd := x.sentenceAround(max(sp.end-1, sp.open))
	if sentEnd < sp.end {
		sentEnd = sp.end
	}
	// Someone reading out another's words: `His lawyer read a statement
	// from Ola Berg: “…”`.
	if ref, ok := x.readOut(sentStart, sp); ok {
		return ref, true
	}
	// The quotation's own attribution straight after it (`“…”, Kremlin
	// aide Yuri Ushakov said.`) names the speaker even when the sentence
	// narrates it with a verb before (`They discussed “…”, … said`).
	if k := sort.Search(len(x.speech), func(k int) bool { return x.speech[k].verbStart >= sp.end }); k < len(x.speech) {
		sa := x.speech[k]
		gap := x.masked[sp.end:max(sa.subjStart, sp.end)]
		if sa.ok && sa.subjStart >= sp.end && sa.verbStart < sentEnd && strings.Trim(gap, ", ") == "" && (strings.Contains(x.masked[sp.textEnd:sa.subjStart], ",") || strings.HasSuffix(x.body[sp.textStart:sp.textEnd], ",")) {
			ref := sa.ref
			ref.about = x.aboutWhom(ref, -1, sp)
			return ref, true
		}
	}
	// A speech verb before the quotation in its sentence: `X said: “…”`,
	// `X told Sky News the meeting is being called “…”`.
	for k := len(x.speech) - 1; k >= 0; k-- {
		sa := x.speech[k]
		if sa.verbEnd > sp.open {
			continue
		}
		if sa.verbStart < sentStart {
			break
		}
		if !sa.ok {
			// A verb whose subject is a plural common noun ("which
			// opponents call “…”") gives the words to several people,
			// not to an earlier speaker.
			if sa.subjStart < sa.subjEnd && x.pluralNounAt(sa.subjStart, sa.subjEnd) {
				return speakerRef{}, false
			}
			continue
		}
		ref := sa.ref
		ref.about = x.aboutWhom(ref, sa.verbEnd, sp)
		return ref, true
	}
	// The first speech verb after it, close by: `“…”, Kremlin aide Yuri
	// Ushakov said`.
	if k := sort.Search(len(x.speech), func(k int) bool { return x.speech[k].verbStart >= sp.end }); k < len(x.speech) {
		sa := x.speech[k]
		between := x.masked[sp.end:max(sa.verbStart, sp.end)]
		// A quotation that ends with its own full stop, question or
		// exclamation mark still takes the attribution after it: `“…?”
		// Jordan Rochester, a strategist, said.` It must then be a sentence
		// of its own: words the reporter's sentence reports (`The video
		// shows her whispering, “…”`) are not taken up by the next one.
		attached := sa.verbStart < sentEnd || (x.endsSentence(sp) && x.opensSentence(sp) && !strings.Contains(between, "\n") && x.sentenceCount(sp.end, sa.verbStart) <= 1)
		// The words between are few, or are the speaker's own name and
		// description: `“…,” Rob Ferl, a vice president for research at
		// the university and a co-author of the study, told USA TODAY.`
		named := sa.subjStart >= sp.end && strings.TrimSpace(x.masked[sp.end:sa.subjStart]) == ""
		// Or the quotation opens its sentence and the attribution closes it
		// after a comma, however long the reported clause: `“Life-threatening
		// flash flooding” … is expected to continue …, Porter told USA
		// TODAY.`
		final := x.opensSentence(sp) && sa.verbStart < sentEnd && sa.subjStart >= sp.end && strings.HasSuffix(strings.TrimRight(x.masked[sp.end:sa.subjStart], " "), ",")
		// A few words between, but not a subordinate clause the verb
		// belongs to: `the hashtag “…” trended after Ada Lund spoke`.
		near := len(strings.Fields(between)) <= 12 && !x.subordinateBefore(sp.end, sa.verbStart)
		if sa.ok && attached && (named || final || near) {
			ref := sa.ref
			ref.about = x.aboutWhom(ref, -1, sp)
			return ref, true
		}
	}
	// `“…,” Judge Ola Ross ruled.`: the construction makes the verb a
	// reporting one.
	if ref, ok := x.quotative(sp); ok {
		return ref, true
	}
	// The newsletter's signature line: a quotation alone in its paragraph,
	// then "-- Secretary of State Antony Blinken, ...".
	if ref, ok := x.dashLine(sp); ok {
		return ref, true
	}
	// The passive: `described as “…” by the French presidency`.
	if ref, ok := x.passiveSpeaker(sp, sentEnd); ok {
		return ref, true
	}
	// `As Ivo Sand observed, “…”` and `Ada Lund weighed in: “…”`.
	if ref, ok := x.asParenthetical(sp, sentStart); ok {
		return ref, true
	}
	if ref, ok := x.colonIntroduction(sp, sentStart, sentEnd); ok {
		return ref, true
	}
	if ref, ok := x.construal(sp, sentStart); ok {
		return ref, true
	}
	// Another quotation in the same sentence with a speaker.
	for j := i - 1; j >= 0 && x.spans[j].open >= sentStart; j-- {
		if ref, ok := x.attribute(j); ok {
			return ref, true
		}
	}
	// Words owned by the sentence's subject: `Sir Keir Starmer’s call …,
	// expressing his “concrete support”`.
	pre := strings.ToLower(x.masked[sentStart:sp.open])
	// The possessive must stand in the quotation's own clause: `his
	// commitment to the country being on an “…”`, not `her decision, the
	// team said, adding that she “…”`.
	if clause := pre[strings.LastIndexAny(pre, ",;:–—")+1:]; reOwnedWords.MatchString(clause) {
		// The possessive must be able to mean the subject: "his" is not
		// the actress the sentence opens with.
		owner := reOwnedWords.FindString(clause)
		if ref, ok := x.sentenceSubject(sentStart, sp.open); ok && x.agrees(owner, ref.speaker) {
			return ref, true
		}
	}
	// A quotation that opens a sentence of its own continues the speaker of
	// the quotation before it: in the same paragraph (`“A,” she said.
	// “B.”`), or in the paragraph before when that one ends with the
	// quotation or with its attribution.
	if i > 0 && x.opensSentence(sp) {
		if ref, ok := x.continues(i); ok {
			ref.about = ""
			return ref, true
		}
	}
	// A quotation that opens its paragraph after a paragraph ending in
	// someone's indirect speech goes on with that speaker: "Lund said the
	// city would appeal.\n\n“We will not give up.”"
	if ref, ok := x.afterIndirectSpeech(sp); ok {
		return ref, true
	}
	return speakerRef{}, false
}

// pluralNounAt reports whether the phrase s..e ends in a lower-case
// plural noun.
func (x *quoteExtractor) pluralNounAt(s, e int) bool {
	return afterPluralNoun(x.masked[s:e]+" ", e-s+1)
}

// subordinators are English's subordinating conjunctions, a closed class:
// a verb after one is in a clause of its own. "As", "since" and "once",
// as often a preposition or an adverb ("such as cars"), are left out.
var subordinators = prose.WordSet(`after before while when whenever because until unless although though if whereas`)

// subordinateBefore reports whether a subordinating conjunction stands
// between from and to.
func (x *quoteExtractor) subordinateBefore(from, to int) bool {
	if from >= to {
		return false
	}
	for _, w := range strings.Fields(x.masked[from:to]) {
		if subordinators[strings.ToLower(strings.Trim(w, ".,;:"))] {
			return true
		}
	}
	return false
}

// inSpeakersAppositive reports whether a quotation stands in the
// appositive between a speaker's name and the verb of saying ("Ada Lund,
// author of the book “Strongmen: A History,” told me"): it is part of
// how the speaker is described, a title, not words anyone says there.
func (x *quoteExtractor) inSpeakersAppositive(sp quoteSpan) bool {
	for _, sa := range x.speech {
		if !sa.ok || !sa.ref.person || sa.subjEnd > sp.open || sa.verbStart < sp.end || sa.subjEnd <= sa.subjStart {
			continue
		}
		// A relative clause there says what the speaker did or said
		// ("Pope Francis, who has condemned the “cruelty” of the war,"):
		// its quotations are the speaker's.
		between := x.masked[sa.subjEnd:sp.open]
		if strings.HasPrefix(between, ",") && !strings.ContainsAny(between[1:], ".;\n") && !reAppositiveLead.MatchString(strings.TrimSpace(between[1:])) && !x.speechBetween(sa, sp.open) {
			return true
		}
	}
	return false
}

// speechBetween reports whether a verb of saying of the same speaker as
// sa stands between sa's subject and pos: a quotation after it is in that
// verb's clause ("Sen. Tom Reece, a Democrat, said he was “glad” …, but
// added …"), not in an appositive before sa's verb.
func (x *quoteExtractor) speechBetween(sa speechAct, pos int) bool {
	for _, o := range x.speech {
		if o.ok && o.ref.speaker == sa.ref.speaker && o.verbStart >= sa.subjEnd && o.verbEnd <= pos {
			return true
		}
	}
	return false
}

// afterIndirectSpeech returns the speaker of the sentence before a
// quotation that opens its own paragraph, or opens a sentence and is the
// whole of it, when that sentence reports a named person's words without
// quoting them ("Lund said the city would appeal. “We will not give
// up.”").
func (x *quoteExtractor) afterIndirectSpeech(sp quoteSpan) (speakerRef, bool) {
	if !strings.HasSuffix(strings.TrimRight(x.masked[:sp.open], " \t"), "\n") {
		if !x.opensSentence(sp) || !x.endsSentence(sp) {
			return speakerRef{}, false
		}
		if _, se := x.sentenceAround(max(sp.end-1, sp.open)); se > sp.end && strings.Trim(x.masked[sp.end:se], " .!?\"") != "" {
			return speakerRef{}, false
		}
	}
	prevEnd := trimRightSpace(x.masked, 0, sp.open)
	if prevEnd == 0 {
		return speakerRef{}, false
	}
	s, e := x.sentenceAround(prevEnd - 1)
	if s >= e || strings.Contains(x.masked[s:e], "\"") || strings.Contains(x.masked[s:e], "\n") {
		return speakerRef{}, false
	}
	for k := len(x.speech) - 1; k >= 0; k-- {
		sa := x.speech[k]
		if sa.verbStart >= e {
			continue
		}
		if sa.verbStart < s {
			break
		}
		// "He then asked her what she was hearing." The quotation after a
		// question reported this way is the answer, the words of the one
		// asked, not the asker's: no one is read from the sentence.
		if x.asksQuestion(sa) {
			return speakerRef{mention: x.masked[sa.verbStart:sa.verbEnd]}, true
		}
		if sa.ok && sa.ref.person && x.evidenced(sa.ref.speaker) {
			ref := sa.ref
			ref.about = ""
			return ref, true
		}
		return speakerRef{}, false
	}
	return speakerRef{}, false
}

// asksQuestion reports whether the speech act is "ask" reporting a
// question: its object, if any, then a word that opens an indirect
// question ("asked her what …", "asks whether …"), not a request ("asked
// the board to …").
func (x *quoteExtractor) asksQuestion(sa speechAct) bool {
	if lexicon.Base(strings.ToLower(x.masked[sa.verbStart:sa.verbEnd])) != "ask" {
		return false
	}
	// "was asked if …": the subject is the one asked, and the quotation
	// after may well be their answer.
	if copulas[strings.ToLower(lastWordBefore(x.masked, sa.verbStart))] {
		return false
	}
	// The one asked stands between the verb and the question word; with
	// no one there ("He asked if Jeanne could come"), the asker may go on
	// to tell the answer himself.
	words := strings.Fields(strings.ToLower(x.masked[sa.verbEnd:min(len(x.masked), sa.verbEnd+60)]))
	for k, w := range words {
		if k > 2 {
			break
		}
		switch strings.Trim(w, ",") {
		case "what", "whether", "if", "how", "why", "when", "where", "who", "which":
			return k > 0
		}
	}
	return false
}

// lastWordBefore returns the word that ends just before pos.
func lastWordBefore(s string, pos int) string {
	e := trimRightSpace(s, 0, pos)
	return s[lastWordStart(s, 0, e):e]
}

// opensSentence reports whether nothing but the end of another sentence,
// or the start of a paragraph, stands before a quotation.
func (x *quoteExtractor) opensSentence(sp quoteSpan) bool {
	before := strings.TrimRightFunc(x.masked[:sp.open], unicode.IsSpace)
	if before == "" || strings.HasSuffix(x.masked[:sp.open], "\n") {
		return true
	}
	before = strings.TrimRight(before, `"`+" ")
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == '.' || r == '!' || r == '?' || r == '\n'
}

// continues returns the speaker of quotation i-1 when quotation i carries
// on the same speaker's words: the two stand in one paragraph, or i opens
// the paragraph after one whose last sentence holds i-1.
func (x *quoteExtractor) continues(i int) (speakerRef, bool) {
	// A name in quotation marks in the attribution (`said on CNN
	// "Newsroom."`) is the reporter's words, not a quotation to continue.
	j := i - 1
	for j > 0 && (x.isName(x.spans[j]) || x.inSpeakersAppositive(x.spans[j])) {
		j--
	}
	sp, prev := x.spans[i], x.spans[j]
	between := x.masked[prev.end:sp.open]
	switch strings.Count(between, "\n") {
	case 0:
	default:
		// The paragraph before: i-1 must be in its last sentence, and i
		// must open its own paragraph.
		if !strings.HasSuffix(strings.TrimRight(x.masked[:sp.open], " \t"), "\n") {
			return speakerRef{}, false
		}
		// A photograph's caption may stand between (see isCaption).
		end := sp.open
		if strings.Count(strings.TrimSpace(between), "\n") > 0 {
			cs := strings.LastIndex(strings.TrimRight(x.masked[:sp.open], " \t\n"), "\n") + 1
			if cs <= prev.end || strings.Count(strings.TrimSpace(x.masked[prev.end:cs]), "\n") > 0 || !x.isCaption(cs, sp.open) {
				return speakerRef{}, false
			}
			end = cs
		}
		// No sentence of the reporter's may stand between; an abbreviation
		// in the attribution ("told U.S. News") is not a sentence's end.
		if x.sentenceCount(prev.end, end) > 1 {
			return speakerRef{}, false
		}
	}
	// Words that go on a speaker's quotation end their sentence; a quoted
	// span the reporter's sentence goes on after ("“Love, Victor” (Hulu):
	// the final season") is a title or a term.
	if _, se := x.sentenceAround(max(sp.end-1, sp.open)); se > sp.end && strings.Trim(x.masked[sp.end:se], " .!?\"") != "" {
		return speakerRef{}, false
	}
	ref, ok := x.attribute(j)
	if !ok || !ref.person {
		return speakerRef{}, false
	}
	ref.continued = j + 1
	return ref, true
}

// isCaption reports whether the paragraph from..to is a photograph's
// caption set between a quotation and its continuation: one sentence, in
// the present tense captions use ("Marcos celebrates as he greets the
// crowd"), with no verb of saying and no quotation other than a name.
// The tense is read from a word that is a verb's -s form and no noun.
func (x *quoteExtractor) isCaption(from, to int) bool {
	if x.sentenceCount(from, to) != 1 {
		return false
	}
	for k, sp := range x.spans {
		if sp.open >= from && sp.open < to && !x.isName(x.spans[k]) {
			return false
		}
	}
	for _, sa := range x.speech {
		if sa.verbStart >= from && sa.verbStart < to {
			return false
		}
	}
	for _, w := range strings.Fields(x.masked[from:to]) {
		w = strings.Trim(w, ".,;:")
		if len(w) > 3 && isLowerWord(w) && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !auxiliaries[w] &&
			lexicon.IsVerb(w) && !lexicon.IsNoun(w) {
			return true
		}
	}
	return false
}

// sentenceCount returns how many sentences of the masked body hold text
// between from and to.
func (x *quoteExtractor) sentenceCount(from, to int) int {
	n := 0
	for _, se := range x.sentences {
		if se[1] <= from || se[0] >= to {
			continue
		}
		a, b := max(se[0], from), min(se[1], to)
		if strings.Trim(x.masked[a:b], " \n\t\"") != "" {
			n++
		}
	}
	return n
}

// reDashLine is a paragraph that opens with a dash, as a quotation's
// signature line does.
var reDashLine = regexp.MustCompile(`^\s*(?:--|—|–)\s*`)

// dashLine reads the speaker of a quotation from the paragraph after it
// when that paragraph opens with a dash and a name.
func (x *quoteExtractor) dashLine(sp quoteSpan) (speakerRef, bool) {
	// The quotation stands alone in its paragraph; a dash after a
	// paragraph that attributes its own words is the reporter's byline
	// ("– Ella Lee").
	if !strings.HasSuffix(strings.TrimRight(x.masked[:sp.open], " \t"), "\n") && strings.TrimSpace(x.masked[:sp.open]) != "" {
		return speakerRef{}, false
	}
	rest := x.masked[sp.end:]
	nl := strings.Index(rest, "\n")
	if nl < 0 || strings.TrimSpace(rest[:nl]) != "" {
		return speakerRef{}, false
	}
	para := strings.TrimLeft(rest[nl:], "\n")
	at := sp.end + len(rest) - len(para)
	loc := reDashLine.FindStringIndex(para)
	if loc == nil {
		return speakerRef{}, false
	}
	s, e := x.phraseAfter(at + loc[1])
	if s >= e {
		return speakerRef{}, false
	}
	return x.resolve(s, e)
}

// quotative reads a quotation's speaker from the clause right after it
// when that clause is only a name or "he" or "she" and a verb in the past
// or the present, closing the sentence: `“…,” Judge Ola Ross ruled.`, `“…,”
// she continues.`, or standing between two parts of one quotation (see
// resumesQuotation). In that construction any verb
// reports the words before it (ruled, wrote, recalled), whatever WordNet
// files it under; a verb with an object or a complement after it is
// something else (`“Blue Moon,” Ada Lund sang on Sunday`).
func (x *quoteExtractor) quotative(sp quoteSpan) (speakerRef, bool) {
	text := strings.TrimSpace(x.body[sp.textStart:sp.textEnd])
	rest := strings.TrimLeft(x.masked[sp.end:], " ")
	switch {
	case strings.HasPrefix(rest, ","):
		rest = strings.TrimLeft(rest[1:], " ")
	case text == "" || !strings.ContainsAny(text[len(text)-1:], ",?!"):
		return speakerRef{}, false
	}
	at := len(x.masked) - len(rest)
	// The subject: a name, or "he" or "she" (`“…,” she continues.`).
	subjEnd := 0
	if i := x.peopleFrom(at); i < len(x.people) && x.people[i].at == at {
		subjEnd = x.people[i].end
	} else if k := strings.IndexByte(rest, ' '); k > 0 && pronounGender(strings.ToLower(rest[:k])) != genderUnknown && pronouns[strings.ToLower(rest[:k])] {
		subjEnd = at + k
	} else {
		return speakerRef{}, false
	}
	after, ok := strings.CutPrefix(x.masked[subjEnd:], " ")
	if !ok {
		return speakerRef{}, false
	}
	k := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) })
	if k <= 0 || !(after[k] == '.' || x.resumesQuotation(len(x.masked)-len(after)+k) || x.closingAdjunct(len(x.masked)-len(after)+k)) || !isLowerWord(after[:k]) || !(pastTense(after[:k]) || presentThird(after[:k]) || unlistedPast(after[:k])) {
		return speakerRef{}, false
	}
	return x.resolve(at, subjEnd)
}

// presentThird reports whether a word is the present third-person form of
// a verb by WordNet ("continues", "jokes"), the tense features report in.
func presentThird(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	for _, b := range lexicon.Bases(w) {
		if b != w && lexicon.IsVerb(b) {
			return true
		}
	}
	return false
}

// pastTense reports whether a word is a past form of a verb by WordNet's
// base forms: "ruled", "wrote".
func pastTense(w string) bool {
	if strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return false
	}
	for _, b := range lexicon.Bases(w) {
		// A regular past in -ed, or an irregular form WordNet lists.
		if b != w && lexicon.IsVerb(b) && (strings.HasSuffix(w, "ed") || slices.Contains(lexicon.Inflections(b), w)) {
			return true
		}
	}
	return false
}

// modifiesPersonNoun reports whether a quoted span is followed, after a
// single space, by a lower-case noun WordNet files first as a person and
// then a capitalised word: the span premodifies a role before a name.
func (x *quoteExtractor) modifiesPersonNoun(sp quoteSpan) bool {
	// A comma set inside the closing mark ends words said ("“Huge
	// X-factor,” coach Ivo Sand said").
	if sp.end >= len(x.masked) || x.masked[sp.end] != ' ' || strings.HasSuffix(strings.TrimSpace(x.body[sp.textStart:sp.textEnd]), ",") {
		return false
	}
	f := strings.Fields(x.masked[sp.end:min(len(x.masked), sp.end+60)])
	return len(f) > 1 && isLowerWord(f[0]) && isPersonNoun(f[0]) && isTitleCase(strings.Trim(f[1], ".,;:"))
}

// isName reports whether a quoted span inside a sentence is a name, not
// someone's words: a few words all capitalised, as titles, programmes,
// nicknames and slogans are written (NBC's "Today" show, the "Monday Night
// Football" broadcast). Words someone said open with a capital only at the
// start of a sentence, and then the quotation opens its sentence.
func (x *quoteExtractor) isName(sp quoteSpan) bool {
	// A title that modifies a noun of a person after it, with no comma
	// between, is a name wherever it stands ("“Wonder Woman” star Ada
	// Lund said"): words someone said are set off from their attribution.
	if (x.opensSentence(sp) || strings.HasSuffix(strings.TrimSpace(x.masked[:sp.open]), ":")) && !x.modifiesPersonNoun(sp) {
		return false
	}
	words := strings.Fields(strings.TrimRight(x.body[sp.textStart:sp.textEnd], ".,"))
	// A reply alone ("Yes.") is no name; a title may open with one ("No
	// Time to Die").
	if len(words) == 0 || len(words) > 12 || len(words) == 1 && answerWords[strings.ToLower(words[0])] {
		return false
	}
	// A title longer than a few words may hold a comma, a question or an
	// exclamation ("What's Cooking, Uncle Sam?", "Hello, Dolly!"); its
	// words are capitalised all the same.
	punct := ",;!?"
	if len(words) > 6 {
		punct = ";"
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		// A colon may end a word before a subtitle ("Star Trek:
		// Discovery"), not stand anywhere else.
		if strings.ContainsAny(w, punct) || strings.Contains(strings.TrimSuffix(w, ":"), ":") || i == len(words)-1 && strings.HasSuffix(w, ":") ||
			(!unicode.IsUpper(r) && !unicode.IsDigit(r) && !titleSmallWords[w]) {
			return false
		}
	}
	return true
}

// isLabel reports whether a short quoted span is a term the reporter
// mentions, not words someone said: it names the noun before it (see
// namedByNoun), it follows "so-called", it stands
// inside a noun phrase, between
// a determiner or a possessive and the noun it modifies (the "thunder"
// moon, a "Plan B" option), or it is the complement of a verb of naming in
// the passive (the range considered "neutral", is known as "the squad").
func (x *quoteExtractor) isLabel(sp quoteSpan) bool {
	if x.opensSentence(sp) {
		return false
	}
	if x.namedByNoun(sp) {
		return true
	}
	if len(strings.Fields(x.body[sp.textStart:sp.textEnd])) > 3 {
		return false
	}
	before := strings.TrimRight(x.masked[:sp.open], " ")
	// "the so-called “Blue Deal”": the adjective says the words are a
	// name others give, whoever the sentence reports.
	if strings.HasSuffix(strings.ToLower(before), "so-called") || strings.HasSuffix(strings.ToLower(before), "so called") {
		return true
	}
	ws := lastWordStart(x.masked, 0, len(before))
	prev := strings.ToLower(before[ws:])
	rest := x.masked[sp.end:]
	next := ""
	if strings.HasPrefix(rest, " ") {
		next = strings.TrimLeft(rest, " ")
		if k := strings.IndexFunc(next, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
			next = next[:k]
		}
	}
	text := x.body[sp.textStart:sp.textEnd]
	// Two adjectives joined ("its "reckless and insane" sanctions", a
	// "rigorous, exhaustive" review) judge the thing; a label is a term
	// for it, one word or a name.
	if (determiners[prev] || strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s")) && next != "" && isLowerWord(next) &&
		!strings.ContainsAny(text[len(text)-1:], ".,;:!?") && !pronouns[next] && !prepositions[next] && !clauseWords[next] &&
		!auxiliaries[next] && !copulas[next] && len(nounFiles(next)) > 0 && !strings.HasSuffix(next, "ing") && !strings.HasSuffix(next, "ed") &&
		!coordinatedAdjectives(text) {
		return true
	}
	if determiners[prev] {
		before = strings.TrimRight(before[:ws], " ")
	}
	// The verb stands just before the quotation: read only the last words,
	// since the expression would otherwise scan the whole body each time.
	if len(before) > 80 {
		cut := len(before) - 80
		for cut < len(before) && !utf8.RuneStart(before[cut]) {
			cut++
		}
		before = before[cut:]
	}
	m := rePassiveNaming.FindStringSubmatchIndex(before)
	if m == nil {
		return false
	}
	// The passive: a copula before the verb ("is called"), or the noun it
	// describes ("the range considered"); an agent after it ("by X") gives
	// the words to someone.
	lead := strings.ToLower(before[m[2]:m[3]])
	if !copulas[lead] && (!isLowerWord(lead) || pronouns[lead] || auxiliaries[lead]) {
		return false
	}
	_, sentEnd := x.sentenceAround(max(sp.end-1, sp.open))
	return !strings.HasPrefix(strings.TrimLeft(x.masked[sp.end:max(sentEnd, sp.end)], " ,"), "by ")
}

// namedByNoun reports whether a quoted span stands in apposition to a
// singular noun of communication after "the", "a" or "an": the phrase
// “defund the police”, the word “recession”, a caption “Back to work”.
// The quotation mentions the words rather than reporting someone's use
// of them. A statement, a letter or a post is someone's words (see
// statementHeads), and after a verb of naming ("called the bill “…”")
// the quotation is the subject's own.
func (x *quoteExtractor) namedByNoun(sp quoteSpan) bool {
	// A phrase that opens with a preposition is no noun phrase to stand
	// in apposition: "found the database “around January”" is an
	// adjunct of the verb, in the speaker's words.
	if fs := strings.Fields(x.body[sp.textStart:sp.textEnd]); len(fs) > 1 && prepositions[strings.ToLower(fs[0])] {
		return false
	}
	end := trimRightSpace(x.masked, 0, sp.open)
	if end < sp.open && x.masked[end:sp.open] != " " || end == sp.open {
		return false
	}
	ns := lastWordStart(x.masked, 0, end)
	noun := x.masked[ns:end]
	w, singular := singularNoun(noun)
	// A plural ("the words “…”") is someone's words, even where WordNet
	// also lists it as a word of its own.
	plural := slices.ContainsFunc(lexicon.Bases(w), func(b string) bool { return b != w })
	if ns == end || !isLowerWord(noun) || noun != w || !singular || plural || statementHeads[w] {
		return false
	}
	if files := nounFiles(w); len(files) == 0 || files[0] != "noun.communication" {
		return false
	}
	de := trimRightSpace(x.masked, 0, ns)
	ds := lastWordStart(x.masked, 0, de)
	switch strings.ToLower(x.masked[ds:de]) {
	case "the", "a", "an":
	default:
		return false
	}
	ve := trimRightSpace(x.masked, 0, ds)
	verb := strings.ToLower(x.masked[lastWordStart(x.masked, 0, ve):ve])
	if namingVerb(verb) || opensWithFiniteVerb(x.body[sp.textStart:sp.textEnd]) {
		return false
	}
	// After a verb of saying the noun may be the subject of the reported
	// clause and the quotation its predicate (`said the bill “explicitly
	// invalidates …”`): the words are a mention only when the clause goes
	// on after them (`said the word “recession” scares voters`).
	if speechVerbs[verb] || reportingForm(verb) || verb == "that" {
		_, se := x.sentenceAround(max(sp.end-1, sp.open))
		return se > sp.end && strings.Trim(x.masked[sp.end:se], " .,;:!?\"") != ""
	}
	return true
}

// opensWithFiniteVerb reports whether quoted words open, after any -ly
// adverbs, with a finite verb: an auxiliary or a form of be, a past tense,
// or a third-person -s form that is no noun ("looked very amateurish",
// "explicitly invalidates"). Such words are the predicate of the noun
// before them, not its name.
func opensWithFiniteVerb(text string) bool {
	for _, w := range strings.Fields(text) {
		w = strings.ToLower(strings.Trim(w, ".,;:!?\"'’"))
		if isAdverb(w) {
			continue
		}
		if auxiliaries[w] || copulas[w] || pastTense(w) {
			return true
		}
		return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !lexicon.IsNoun(w) &&
			slices.ContainsFunc(lexicon.Bases(w), func(b string) bool { return b != w && lexicon.IsVerb(b) })
	}
	return false
}

// dubVerbs are the verbs of naming, Levin's class 29.3 (English Verb
// Classes and Alternations, 1993): a quotation after their object is
// that object's name in the subject's words.
var dubVerbs = prose.WordSet(`anoint baptize brand call christen consecrate crown decree dub label make name nickname pronounce rule stamp style term vote`)

// namingVerb reports whether a word is a form of a verb of naming.
func namingVerb(w string) bool {
	if dubVerbs[w] {
		return true
	}
	for _, b := range lexicon.Bases(w) {
		if dubVerbs[b] {
			return true
		}
	}
	return false
}

// rePassiveNaming is a verb of naming or of judging as a participle with
// the word before it: "is called", "range considered", "was dubbed",
// "are known as".
var rePassiveNaming = regexp.MustCompile(`(?i)\b([a-z]+)(?: also| often| sometimes| commonly| widely| now)? (called|dubbed|termed|labell?ed|branded|nicknamed|considered|deemed|known as|described as|referred to as|seen as|regarded as|viewed as)$`)

// copulas and pronouns are closed classes of English, and so are the
// answer particles, which alone are a reply and never a name ("the answer
// is “Yes.”").
var (
	answerWords = prose.WordSet(`yes no yeah nope`)
	copulas     = prose.WordSet(`is are was were be been being`)
	pronouns    = prose.WordSet(`i you he she it we they me him her us them this that`)
)

// titleSmallWords stay lower case inside a title.
var titleSmallWords = prose.WordSet(`a an the and or of in on at to for with from by`)

// endsSentence reports whether a quotation's words end with a full stop, a
// question or an exclamation mark.
func (x *quoteExtractor) endsSentence(sp quoteSpan) bool {
	r, _ := utf8.DecodeLastRuneInString(x.body[sp.textStart:sp.textEnd])
	return r == '.' || r == '?' || r == '!'
}

var reOwnedWords = regexp.MustCompile(`\b(his|her)\b`)

var rePassive = regexp.MustCompile(`(?i)\b(described|called|branded|dubbed|labelled|labeled|termed)(?: it| them| him| her)?(?: as)?\s*$`)

func (x *quoteExtractor) passiveSpeaker(sp quoteSpan, sentEnd int) (speakerRef, bool) {
	lineStart := strings.LastIndexByte(x.masked[:sp.open], '\n') + 1
	if !rePassive.MatchString(x.masked[lineStart:sp.open]) || sp.end >= sentEnd {
		return speakerRef{}, false
	}
	after := x.masked[sp.end:sentEnd]
	trimmed := strings.TrimLeft(after, " ")
	if !strings.HasPrefix(trimmed, "by ") {
		return speakerRef{}, false
	}
	at := sp.end + (len(after) - len(trimmed)) + len("by ")
	s, e := x.phraseAfter(at)
	if s >= e {
		return speakerRef{}, false
	}
	return x.resolve(s, e)
}

// sentenceSubject returns the first person the sentence names or
// describes before pos.
func (x *quoteExtractor) sentenceSubject(sentStart, pos int) (speakerRef, bool) {
	for _, p := range x.people[x.peopleFrom(sentStart):] {
		if p.end > pos {
			break
		}
		if p.start >= sentStart {
			return speakerRef{speaker: x.canonical(p.name), role: p.title, mention: p.name, person: true}, true
		}
	}
	if loc := rePersonDesc.FindStringIndex(x.masked[sentStart:pos]); loc != nil {
		s, e := trimSpan(x.masked, sentStart+loc[0], sentStart+loc[1])
		e = trimRightPunct(x.masked, s, e)
		if p, ok := x.resolveDescription(x.masked[s:e], s); ok {
			return speakerRef{speaker: x.canonical(p.name), mention: x.masked[s:e], resolved: true, person: true}, true
		}
	}
	return speakerRef{}, false
}

var rePersonDesc = regexp.MustCompile(`\b[Tt]he (?:[A-Za-z]+ )?(?:president|prime minister|PM|leader|chancellor|premier)\b(?:[^’'‘]|$)`)

// aboutWhom says whom a spokesperson's or a statement's words are about:
// the person the reported clause begins with ("said Sir Keir began the
// conversation by “…”"), or the person a quotation opening with "He" or
// "She" means. Words a person says of themselves have no About.
func (x *quoteExtractor) aboutWhom(ref speakerRef, verbEnd int, sp quoteSpan) string {
	if ref.person {
		return ""
	}
	if verbEnd >= 0 && verbEnd <= sp.open {
		clause := x.masked[verbEnd:sp.open]
		off := len(clause) - len(strings.TrimLeft(clause, " :,"))
		start := verbEnd + off
		if strings.HasPrefix(x.masked[start:], "that ") {
			start += len("that ")
		}
		if k := x.peopleFrom(start); k < len(x.people) && x.people[k].at == start {
			return x.canonical(x.people[k].name)
		}
	}
	text := x.body[sp.textStart:sp.textEnd]
	if strings.HasPrefix(text, "He ") || strings.HasPrefix(text, "She ") {
		if p, ok := x.personBefore(sp.open, ""); ok {
			return x.canonical(p.name)
		}
	}
	return ""
}
