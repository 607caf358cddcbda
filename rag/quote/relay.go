package quote

import (
	"regexp"
	"strings"
)

// Words delivered by someone else: a statement a team or an office issued,
// a speech read on someone's behalf, words passed on by a spokesperson or
// a lawyer. They stay the speaker's words, marked with who relayed them.
var (
	// "in a statement released by Gotham FC", "in remarks read by her
	// daughter": the relayer is the phrase after "by".
	reRelayedBy = regexp.MustCompile(`(?i)\b(?:statement|statements|remarks|message|letter|speech|post)s?,? (?:that was |which was )?(?:released|issued|read|delivered|put out|sent|posted|shared|distributed|provided|given) by `)
	// "in a letter that Ana Brek read aloud", "the speech Ana Brek read":
	// the relayer is the relative clause's subject.
	reReadBy = regexp.MustCompile(`\b(?:statement|remarks|message|letter|speech|note)s?,? (?:(?:that|which) )?((?:[A-Z][\p{L}'’-]+ ?){1,3}|(?:his|her|their|a|an|the) [a-z]+) (?:read|delivered)\b`)
	// "through a spokesperson", "via her lawyer", "according to his
	// attorney": the relayer is the role.
	// "in a statement from her publicist" too.
	reRelayedThrough = regexp.MustCompile(`(?i)\b(?:through|via|according to|statement from|message from) ((?:a|an|his|her|their|the) (?:spokesperson|spokesman|spokeswoman|lawyer|lawyers|attorney|attorneys|representative|representatives|publicist|agent|family))\b`)
	// "on his behalf", "in her place": words delivered for someone else.
	reOnBehalf = regexp.MustCompile(`(?i)\b(?:on (his|her) behalf|in (his|her) (?:place|stead))\b(?:,? by )?`)
)

// relayer returns who delivered the words of quotation i, when the
// sentences that hold it and its attribution say that someone did.
func (x *quoteExtractor) relayer(i int) string {
	sp := x.spans[i]
	s, _ := x.sentenceAround(sp.open)
	_, e := x.sentenceAround(max(sp.end-1, sp.open))
	if e < sp.end {
		e = sp.end
	}
	// The attribution may stand in the sentence after a quotation that
	// ends with its own full stop.
	if e+1 < len(x.masked) {
		if ns, ne := x.sentenceAround(e + 1); ns > e && ns-e <= 3 && ne > e {
			e = ne
		}
	}
	text := x.masked[s:e]
	if loc := reRelayedBy.FindStringIndex(text); loc != nil {
		ps, pe := x.phraseAfter(s + loc[1])
		if ps < pe {
			return cutAtClause(x.masked[ps:pe])
		}
	}
	if m := reReadBy.FindStringSubmatchIndex(text); m != nil {
		return strings.TrimSpace(text[m[2]:m[3]])
	}
	if m := reRelayedThrough.FindStringSubmatchIndex(text); m != nil {
		return text[m[2]:m[3]]
	}
	if r := documentRelayer(text); r != "" {
		return r
	}
	return x.documentSubject(s, sp.open)
}

// onBehalf reads "on his behalf" and "in her place" in the sentence of
// quotation i: someone delivered the words for the person the pronoun
// means, who is never the one delivering them. The one delivering them is
// named after "by" ("read on his behalf by Ana Brek"), or else is the
// sentence's subject ("Ana Brek, speaking on his behalf, said"). When the
// quotation was given to the one delivering it, the words are the other's,
// relayed by them; otherwise the one delivering them is the relayer.
func (x *quoteExtractor) onBehalf(i int, ref speakerRef) (speakerRef, string, bool) {
	sp := x.spans[i]
	s, m := x.matchAround(i, reOnBehalf)
	if m == nil {
		return speakerRef{}, "", false
	}
	pron := "he"
	for _, k := range []int{2, 4} {
		if m[k] >= 0 && strings.EqualFold(x.masked[s+m[k]:s+m[k+1]], "her") {
			pron = "she"
		}
	}
	var deliverer speakerRef
	if strings.HasSuffix(x.masked[s+m[0]:s+m[1]], "by ") {
		if ds, de := x.phraseAfter(s + m[1]); ds < de {
			deliverer, _ = x.resolve(ds, de)
		}
	} else if sub, ok := x.sentenceSubject(s, sp.open); ok {
		deliverer = sub
	}
	if deliverer.speaker == "" {
		return speakerRef{}, "", false
	}
	if deliverer.speaker != ref.speaker {
		return ref, deliverer.speaker, true
	}
	if owner, ok := x.otherThan(ref.speaker, pron, x.paragraphsBack(s, 2), s+m[0]); ok {
		return owner, deliverer.speaker, true
	}
	return speakerRef{}, "", false
}

// otherThan returns the person a pronoun means, between lo and pos, who
// is not the one delivering the words: the nearest one named who is not
// them and agrees with the pronoun.
func (x *quoteExtractor) otherThan(deliverer, pron string, lo, pos int) (speakerRef, bool) {
	for _, p := range x.peopleBetween(lo, pos) {
		name := x.canonical(p.name)
		if name == deliverer || p.possessive || !x.agrees(pron, name) {
			continue
		}
		return speakerRef{speaker: name, role: p.title, person: true}, true
	}
	return speakerRef{}, false
}

// reReading is a participle clause of reading out someone's words:
// ", reading Ada Lund's letter,", ", reading from his statement,".
var reReading = regexp.MustCompile(`, reading (?:out |aloud )?(?:from )?([^,:"]{1,60}?)\s*[,:]`)

// readingFor reads `Ana Brek, reading Reece's speech, said: “…”`: the
// words the subject says while reading are the owner's of what is read,
// relayed by the subject.
func (x *quoteExtractor) readingFor(i int, ref speakerRef) (speakerRef, string, bool) {
	sp := x.spans[i]
	s, _ := x.sentenceAround(sp.open)
	m := reReading.FindStringSubmatchIndex(x.masked[s:sp.open])
	if m == nil {
		return speakerRef{}, "", false
	}
	ps, pe := s+m[2], s+m[3]
	words := strings.Fields(x.masked[ps:pe])
	if len(words) == 0 || !statementHeads[strings.ToLower(words[len(words)-1])] {
		return speakerRef{}, "", false
	}
	for _, p := range x.peopleBetween(ps, pe) {
		if name := x.canonical(p.name); p.possessive && name != ref.speaker {
			return speakerRef{speaker: name, role: p.title, person: true}, ref.speaker, true
		}
	}
	pron := map[string]string{"his": "he", "her": "she"}[strings.ToLower(words[0])]
	if pron == "" {
		return speakerRef{}, "", false
	}
	if owner, ok := x.otherThan(ref.speaker, pron, x.paragraphsBack(s, 2), ps); ok {
		return owner, ref.speaker, true
	}
	return speakerRef{}, "", false
}

// cutAtClause ends a noun phrase where a clause or an adverbial begins:
// "the White House after the vote" is "the White House".
func cutAtClause(np string) string {
	words := strings.Fields(np)
	for k, w := range words {
		if k > 0 && (clauseWords[strings.ToLower(w)] || prepositions[strings.ToLower(w)] && strings.ToLower(w) != "of") {
			words = words[:k]
			break
		}
	}
	return strings.Join(words, " ")
}

// readOut reads `Ada Lund read a statement from Ola Berg: “…”`, `Her
// lawyer read Berg's letter: “…”`, `His daughter read a message on his
// behalf: “…”`: a subject, the verb "read" (out, aloud), and a statement,
// letter or speech that the words before or after its head give to
// someone. The words are that person's, relayed by the reader.
func (x *quoteExtractor) readOut(sentStart int, sp quoteSpan) (speakerRef, bool) {
	pre := x.masked[sentStart:sp.open]
	k := strings.LastIndex(pre, " read ")
	if k < 0 {
		return speakerRef{}, false
	}
	readAt := sentStart + k + 1
	objStart := readAt + len("read ")
	obj := strings.TrimRight(x.masked[objStart:sp.open], " ")
	if !strings.HasSuffix(obj, ":") && !strings.HasSuffix(obj, ",") {
		return speakerRef{}, false
	}
	words := strings.Fields(strings.TrimRight(obj, ":,"))
	head := -1
	for i, w := range words {
		if statementHeads[strings.ToLower(w)] {
			head = i
			break
		}
	}
	if head < 0 {
		return speakerRef{}, false
	}
	var owner speakerRef
	found := false
	// The owner: a possessive before the head, or a phrase after it
	// ("from Ola Berg", "on his behalf", "on behalf of Ola Berg").
	for _, p := range x.peopleBetween(objStart, sp.open) {
		if p.possessive || afterWord(x.masked, p.at, "from") || afterWord(x.masked, p.at, "by") || afterWord(x.masked, p.at, "of") {
			owner, found = speakerRef{speaker: x.canonical(p.name), role: p.title, person: true}, true
		}
	}
	if !found {
		for _, w := range words {
			lw := strings.ToLower(w)
			if lw == "his" || lw == "her" {
				pron := map[string]string{"his": "he", "her": "she"}[lw]
				if ref, ok := x.resolvePronoun(pron, readAt); ok && ref.person && ref.speaker != "" {
					owner, found = ref, true
				}
				break
			}
		}
	}
	if !found {
		return speakerRef{}, false
	}
	// The reader: the subject of "read", by name when it is one.
	rs, re := x.clauseTail(sentStart, readAt)
	if rs >= re {
		return speakerRef{}, false
	}
	reader := x.masked[rs:re]
	if r, ok := x.resolve(rs, re); ok && r.person && r.speaker != "" {
		reader = r.speaker
	}
	if reader == owner.speaker {
		return speakerRef{}, false
	}
	owner.relayer = reader
	owner.resolved = false
	owner.mention = ""
	return owner, true
}

// reQuotedAs is a verb of citing with a person for its object and "as"
// and a participle of saying after it: "Lund quoted Reece as telling her",
// "citing Reece as saying". The verbs are English's verbs of quoting
// someone (quote, cite), with their forms.
var reQuotedAs = regexp.MustCompile(`\b(?:quoted|quotes|quote|quoting|cited|cites|cite|citing) ([^,;:"]{1,60}?) as (?:having )?(?:said|saying|telling|writing|asking|warning|adding|remarking|describing)\b`)

// quotedAs reads `“…,” Ada Lund quoted Ivo Reece as telling her`: the words
// are those of the one quoted, the object of "quoted", relayed by the one
// quoting them, to whom the attribution gave them. It looks in the
// sentences the quotation stands in (see matchAround).
func (x *quoteExtractor) quotedAs(i int, ref speakerRef) (speakerRef, string, bool) {
	s, m := x.matchAround(i, reQuotedAs)
	if m == nil {
		return speakerRef{}, "", false
	}
	objStart, objEnd := s+m[2], s+m[3]
	var owner speakerRef
	if ps := x.peopleBetween(objStart, objEnd); len(ps) == 1 && !ps[0].possessive && ps[0].at == objStart && ps[0].end <= objEnd {
		owner = speakerRef{speaker: x.canonical(ps[0].name), role: ps[0].title, person: true}
	} else if pron := strings.ToLower(x.masked[objStart:objEnd]); pron == "him" || pron == "her" {
		r, ok := x.otherThan(ref.speaker, map[string]string{"him": "he", "her": "she"}[pron], x.paragraphsBack(s, 2), objStart)
		if !ok {
			return speakerRef{}, "", false
		}
		owner = r
	} else {
		return speakerRef{}, "", false
	}
	if owner.speaker == "" || owner.speaker == ref.speaker {
		return speakerRef{}, "", false
	}
	return owner, ref.speaker, true
}

// matchAround matches re in the sentences quotation i stands in, from the
// start of the sentence it opens in to the end of the one it closes in,
// and returns that start and the submatch indexes, relative to it.
func (x *quoteExtractor) matchAround(i int, re *regexp.Regexp) (int, []int) {
	sp := x.spans[i]
	s, _ := x.sentenceAround(sp.open)
	_, e := x.sentenceAround(max(sp.end-1, sp.open))
	e = max(e, sp.end)
	return s, re.FindStringSubmatchIndex(x.masked[s:e])
}
