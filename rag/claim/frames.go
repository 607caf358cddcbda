package claim

import (
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// Who did what, read from the clause: the grammatical subject of a verb
// (the noun phrase before it in its clause, through a relative pronoun to
// its antecedent, and for an infinitive the subject of the verb that
// governs it), its object (the noun phrase after it), and the other side
// of a comparison ("more … than B"). checkRoles reads the names nearest a
// verb; these rules read the phrase that stands in the role, so that "the
// CDC's vaccine advisers" or "Supporters of trans participation" can be a
// doer, and a name that stands near a verb without being its subject
// ("thrashed Sweden 4-0 to reach the final") is not taken for one.

// personalPronouns stand for someone the clause does not name: a subject
// that is one says nothing of who did it (a closed class).
var personalPronouns = wordSet("he she it they we i you him her them us his their its one this that these those")

// postmodifying reports whether a preposition can join a phrase to the
// noun before it ("Supporters of trans participation", "policy on
// Taiwan"): any but "by" (a doer), "to" (an infinitive or a recipient),
// "as", "like", "than" and the words that open a clause of their own.
func postmodifying(low string) bool {
	return prepositions[low] && !subordinators[low] && low != "by" && low != "to" && low != "as" && low != "like" && low != "than"
}

// phrase is a noun phrase: its words from start to end (exclusive) and its
// head, the word the phrase is about.
type phrase struct{ start, end, head int }

func (p phrase) ok() bool { return p.head >= 0 }

var noPhrase = phrase{-1, -1, -1}

// nounish reports whether the word at j can stand in a noun phrase: a
// content word or a capitalised one that does not read as a verb, or a
// figure.
func nounish(toks []token, j int) bool {
	t := toks[j]
	if verbForm(toks, j) || !t.upper && mannerAdverb(t.low) {
		return false // "has changed drastically": an adverb is no object
	}
	return isContent(t.low) || t.upper && !isFunctionWord(t.low) || hasDigit(t.low) || sayingPlural(t.low)
}

// sayingPlural reports whether a word is a plural noun that is also a verb
// of saying ("states", "reports", "claims"): the content rules leave verbs
// of saying out, but in a noun phrase it is the noun.
func sayingPlural(low string) bool {
	return strings.HasSuffix(low, "s") && lexicon.IsSaying(low) && lexicon.IsNoun(low)
}

// skippable are the words between a subject and its verb that are neither:
// auxiliaries, negation and adverbs ("has also", "would not", "quietly").
func skippable(t token) bool {
	return auxiliaries[t.low] && t.low != "to" || negationWords[t.low] || lightWords[t.low] && !personalPronouns[t.low] && !relativePronouns[t.low] ||
		len(t.low) > 4 && t.low[len(t.low)-2:] == "ly" && !t.upper
}

// adverbAfterSubject reports whether the word at j, right before a verb,
// is an adverb that follows its clause's subject ("his office later
// reduced", "the team then lost"): a word WordNet has as an adjective but
// neither as a noun nor as a verb, after a word that can end a noun phrase
// (not hyphened to the verb: "hard-fought" is one word).
// An adjective cannot stand between a noun and its verb, so the word is
// used as an adverb, not as the subject's head.
func adverbAfterSubject(toks []token, j int) bool {
	t := toks[j]
	if j == 0 || j+1 < len(toks) && toks[j+1].joined || t.upper || !isContent(t.low) || prepositions[t.low] || toks[j-1].clause != t.clause || !lexicon.IsAdjective(t.low) || lexicon.IsNoun(t.low) || lexicon.IsVerb(t.low) {
		return false
	}
	return nounish(toks, j-1)
}

var relativePronouns = wordSet("who which that whom")

// subjectOf gives the subject of the verb at i: the noun phrase that ends
// just before it (past auxiliaries and adverbs) in its clause; through a
// relative pronoun, the phrase before the pronoun; for "to V", the subject
// of the verb before "to" when nothing stands between them. It gives
// noPhrase when the clause has none before the verb (an inverted "said
// Smith", a clause opening on the verb) or the verb is a passive, whose
// subject is not its doer.
func subjectOf(toks []token, i int) phrase {
	if passiveForm(toks, i) || toks[i].upper && !toks[i].first {
		return noPhrase // a passive, or a word of a name ("Hot Dog Eating Contest")
	}
	return grammaticalSubject(toks, i)
}

// grammaticalSubject is subjectOf in either voice: in a passive it is the
// one the act was done to.
func grammaticalSubject(toks []token, i int) phrase {
	if i > 0 && toks[i-1].possessive && toks[i-1].clause == toks[i].clause && strings.HasSuffix(toks[i].low, "ing") && nounish(toks, i-1) {
		// "the Cuomo administration's handling of …": a gerund's doer is
		// its possessor, wherever the clause around it stands.
		return phraseEndingAt(toks, i-1)
	}
	j := i - 1
	for j >= 0 && toks[j].clause == toks[i].clause && (skippable(toks[j]) || adverbAfterSubject(toks, j)) {
		j--
	}
	if j < 0 || toks[j].sent != toks[i].sent {
		return noPhrase
	}
	if j == i-1 && toks[j].aside && !toks[i].aside && !strings.HasSuffix(toks[i].low, "ing") {
		// "ump Bruce Froemming — a Milwaukee native himself — overruled":
		// the subject stands before a parenthesis set off by dashes or
		// brackets.
		k := j
		for k >= 0 && toks[k].clause == toks[j].clause {
			k--
		}
		if k >= 0 && toks[k].sent == toks[i].sent && toks[k].clause+1 == toks[j].clause && nounish(toks, k) && !verbForm(toks, k) {
			return phraseEndingAt(toks, k)
		}
	}
	if toks[j].clause != toks[i].clause {
		// "Durant, who signed an extension last summer, surpassed …": the
		// subject before a relative clause set off by commas.
		if a, ok := relativeAntecedent(toks, j); ok && nounish(toks, j) {
			return a
		}
		if a, ok := appositiveSubject(toks, j, i); ok {
			return a
		}
		if a, ok := quotedTitleSubject(toks, j, i); ok {
			return a
		}
		return noPhrase
	}
	switch {
	case toks[j].low == "to":
		k := j - 1
		for k >= 0 && toks[k].clause == toks[j].clause && skippable(toks[k]) {
			k--
		}
		if k >= 0 && toks[k].clause == toks[j].clause && verbForm(toks, k) {
			return grammaticalSubject(toks, k)
		}
		if p := copularComplement(toks, i); p.ok() {
			// "Ted Lasso became the first new show to receive 20
			// nominations": the infinitive says what the complement of a
			// copula did, and the copula's subject did it.
			return grammaticalSubject(toks, p.start-1)
		}
		return noPhrase
	case relativePronouns[toks[j].low] && j > 0:
		// "Biden, who released …": the antecedent may stand before a comma.
		if k := j - 1; toks[k].sent == toks[j].sent && nounish(toks, k) {
			return phraseEndingAt(toks, k)
		}
		return noPhrase
	case personalPronouns[toks[j].low]:
		return phrase{j, j + 1, j}
	case coordinators[toks[j].low] && auxiliaryBetween(toks, j, i):
		return coordinatedSubject(toks, j)
	case coordinators[toks[j].low] && takesObject(toks, i):
		return nearestSubject(toks, j)
	case j > 0 && sequenceAdverbs[toks[j].low] && coordinators[toks[j-1].low] && toks[j-1].clause == toks[j].clause && takesObject(toks, i):
		return nearestSubject(toks, j-1) // "and then won the title"
	case nounish(toks, j) || afterDeterminer(toks, j):
		if a, ok := relativeAntecedent(toks, j); ok {
			return a // "Durant, who signed an extension last summer, surpassed"
		}
		// The phrase reaches back past a preposition that joins it to a
		// noun ("Doctors at the Nara hospital pronounced"): the subject is
		// that noun with what describes it, not the name in its modifier.
		p := wholePhraseEndingAt(toks, j)
		if k := subjectRelativeBefore(toks, p.start, j); k >= 1 && toks[k-1].clause == toks[j].clause && nounish(toks, k-1) && !verbForm(toks, k-1) {
			// "the office in Ludwigsburg that investigates war crimes
			// handed": the phrase is the object that ends a relative
			// clause whose pronoun is its subject, and the verb's subject
			// is the noun phrase the clause describes. ("The bill that
			// lawmakers passed" is no such clause: "lawmakers" is its
			// subject.)
			return wholePhraseEndingAt(toks, k-1)
		}
		if k := p.start - 1; k >= 1 && (toks[k].low == "and" || toks[k].low == "or") && toks[k].clause == toks[j].clause && nounish(toks, k-1) && !verbForm(toks, k-1) &&
			(determinerOpens(toks[p.start].low)) {
			// "the center and the Pistons agreed": the subject is both
			// coordinated noun phrases, though a determiner opens the
			// last.
			p.start = phraseEndingAt(toks, k-1).start
		}
		if k := p.start - 1; k >= 2 && toks[k].low == "by" && toks[k-1].clause == toks[j].clause && verbForm(toks, k-1) &&
			toks[k-2].clause == toks[j].clause && nounish(toks, k-2) {
			// "The bank led by Silva raised …": the phrase after "by" is
			// the doer of the participle; the verb's subject is the
			// phrase the participle describes.
			return phraseEndingAt(toks, k-2)
		}
		if k := p.start - 1; k >= 0 && toks[k].clause == toks[j].clause && lexicon.IsVerb(toks[k].low) && (verbForm(toks, k) || strings.HasSuffix(toks[k].low, "s")) && !lexicon.IsSaying(toks[k].low) && !toks[k].upper {
			// "wants the tax suspended", "saw prices rise": the phrase is
			// the object of the verb before it, and this verb's subject
			// only in a small clause that words alone cannot tell apart.
			return noPhrase
		}
		return p
	}
	return noPhrase
}

// subjectRelativeBefore gives the relative pronoun ("that", "who",
// "which") that opens a clause ending at j, in j's clause, when the
// pronoun is the clause's subject: a verb follows it right away ("that
// investigates war crimes"), and the phrase from start is, or holds, that
// verb's object. -1 otherwise.
func subjectRelativeBefore(toks []token, start, j int) int {
	for k := start; k >= 1 && start-k <= 1 && toks[k].clause == toks[j].clause; k-- {
		if relativePronouns[toks[k].low] && k+1 <= j && lexicon.IsVerb(toks[k+1].low) && !toks[k+1].upper && !determinerOpens(toks[k+1].low) && !isFunctionWord(toks[k+1].low) {
			return k
		}
	}
	return -1
}

// copularComplement is the noun phrase before the "to" of an infinitive
// at i when a copula stands before that phrase ("the first new show" in
// "Ted Lasso became the first new show to receive"): the infinitive's
// doer is the copula's subject, and the phrase describes that subject.
// noPhrase otherwise.
func copularComplement(toks []token, i int) phrase {
	j := i - 1
	for j >= 0 && toks[j].clause == toks[i].clause && (skippable(toks[j]) || adverbAfterSubject(toks, j)) {
		j--
	}
	if j < 0 || toks[j].low != "to" || toks[j].clause != toks[i].clause {
		return noPhrase
	}
	k := j - 1
	for k >= 0 && toks[k].clause == toks[j].clause && skippable(toks[k]) {
		k--
	}
	if k < 0 || toks[k].clause != toks[j].clause || verbForm(toks, k) || !nounish(toks, k) {
		return noPhrase
	}
	p := phraseEndingAt(toks, k)
	if b := p.start - 1; b >= 0 && toks[b].clause == toks[j].clause && copular(toks[b].low) {
		return p
	}
	return noPhrase
}

// clockPart reports whether the word at k is the "a", "p" or "m" of a
// clock time written with points ("10:30 a.m.", tokenized "10 30 a m").
func clockPart(toks []token, k int) bool {
	switch low := toks[k].low; {
	case (low == "a" || low == "p") && k > 0 && k+1 < len(toks):
		return toks[k+1].low == "m" && hasDigit(toks[k-1].low)
	case low == "m" && k > 1:
		return (toks[k-1].low == "a" || toks[k-1].low == "p") && hasDigit(toks[k-2].low)
	}
	return false
}

// quotedTitleSubject reads a title in quotation marks as the subject of
// the verb right after it ("Apple TV+'s upbeat “Ted Lasso” became …"):
// the verb at i opens its clause right after j's, and j's clause, set off
// by quotation marks alone ("“Grease,” died" has a comma), holds only
// capitalised words, at most six, the way a quoted title does. A
// verb of saying there is an inverted report ("…, said Smith"), whose
// subject follows it.
func quotedTitleSubject(toks []token, j, i int) (phrase, bool) {
	if toks[j].clause+1 != toks[i].clause || i == 0 || toks[i-1].clause == toks[i].clause || lexicon.IsSaying(toks[i].low) {
		return noPhrase, false
	}
	start := j
	for start > 0 && toks[start-1].clause == toks[j].clause {
		start--
	}
	if j-start+1 > 6 || toks[start].sent != toks[i].sent {
		return noPhrase, false
	}
	for k := start; k <= j; k++ {
		if !toks[k].upper || !toks[k].quoted {
			return noPhrase, false
		}
	}
	return phrase{start, j + 1, j}, true
}

// copular reports whether a word is a form of a copula that takes a noun
// phrase as its complement: be, become, remain.
func copular(low string) bool {
	if beWords[low] {
		return true
	}
	b := lexicon.Base(low)
	return b == "become" || b == "remain"
}

// relativeAntecedent finds, for a word at j that ends a relative clause
// ("…, who signed an extension last summer," before "surpassed"), the
// phrase the clause belongs to: the noun phrase or demonstrative before
// "who" or "which", when a verb stands between the pronoun and j.
func relativeAntecedent(toks []token, j int) (phrase, bool) {
	if ph := phraseEndingAt(toks, j); ph.start > 0 {
		if k := ph.start - 1; toks[k].clause == toks[j].clause && nounish(toks, k) && !verbForm(toks, k) && (determinerOpens(toks[ph.start].low)) {
			// "the stadium the council approved": a noun phrase right after
			// another opens a relative clause with no pronoun, and is its
			// subject.
			return noPhrase, false
		}
		if k := ph.start - 1; toks[k].clause == toks[j].clause && (toks[k].low == "than" || adverbialOpeners[toks[k].low]) {
			// "which is less than the Government has spent": the phrase
			// opens a clause of its own, after "than" or a subordinating
			// conjunction, and is that clause's subject.
			return noPhrase, false
		}
	}
	verb := false
	for r := j; r > 0 && r >= j-8 && toks[r].sent == toks[j].sent; r-- {
		if toks[r].clause != toks[j].clause {
			// "According to ELA, which operates the center, the rocket
			// blasted off": a relative clause closed before j's own
			// phrase began is not the one j ends.
			return noPhrase, false
		}
		if verbForm(toks, r) {
			verb = true
		}
		if toks[r].low == "that" && r < j && r > 0 && nounish(toks, r-1) && !verbForm(toks, r-1) {
			// "…, which follows the playlist that Michelle Obama
			// released": a relative clause inside the first holds j, and
			// its own subject follows "that".
			return noPhrase, false
		}
		if toks[r].low != "who" && toks[r].low != "which" {
			continue
		}
		if n := toks[r+1]; r+1 < j && (determinerOpens(n.low) || n.upper || personalPronouns[n.low]) {
			// "the request, which the Queen approved, …": the pronoun is
			// the relative clause's object, and its subject follows it.
			return noPhrase, false
		}
		a := r - 1
		switch {
		case !verb || toks[a].sent != toks[r].sent:
		case nounish(toks, a):
			return phraseEndingAt(toks, a), true
		case personalPronouns[toks[a].low]:
			return phrase{a, a + 1, a}, true
		}
		return noPhrase, false
	}
	return noPhrase, false
}

// phraseEndingAt gives the noun phrase whose last word is at j: back over
// nouns, adjectives, names, figures and the prepositions that join a noun
// to the one before it, in its clause; a determiner opens it. The head is
// the last word before the first such preposition ("Supporters of trans
// participation" is about supporters), else the last word.
func phraseEndingAt(toks []token, j int) phrase {
	p := phrase{j, j + 1, j}
	for k := j - 1; k >= 0 && toks[k].clause == toks[j].clause; k-- {
		low := toks[k].low
		switch {
		case postmodifying(low) && k > 0 && toks[k-1].clause == toks[j].clause && nounish(toks, k-1):
			p.head = k - 1
		case (low == "and" || low == "or") && k > 0 && toks[k-1].clause == toks[j].clause && nounish(toks, k-1) && p.head == j:
			// "Austin and Houston": a list within the phrase; the
			// list's head is its last word until a preposition before
			// it makes the list a modifier ("cities including Austin
			// and Houston").
		case clockPart(toks, k):
			// "at 10:30 a.m. ET": the "a" of a clock time is no article.
		case determinerOpens(low):
			p.start = k
			return p // a determiner opens the phrase
		case nounish(toks, k), afterDeterminer(toks, k):
		default:
			return p
		}
		p.start = k
	}
	return p
}

// afterDeterminer reports whether the word at k follows an article or a
// possessive determiner ("the winning tickets", "a growing number", "the
// Fed raised"): there it stands in a noun phrase, even where it could be
// read as a verb, since no verb of a clause follows an article. "All",
// "both" and "her" are left out: a verb may follow each ("they all
// agreed", "helped her escape").
func afterDeterminer(toks []token, k int) bool {
	low := toks[k].low
	return k > 0 && toks[k-1].clause == toks[k].clause && nounDeterminers[toks[k-1].low] && (isContent(low) || toks[k].upper && !isFunctionWord(low))
}

// nounDeterminers are the determiners after which only a noun phrase can
// go on.
var nounDeterminers = wordSet("the a an these those its their his our")

// objectOf gives the noun phrase after the verb at i in its clause (past a
// determiner), or noPhrase: the one the act is done to.
func objectOf(toks []token, i int) phrase {
	j := i + 1
	for j < len(toks) && toks[j].clause == toks[i].clause && (determinerOpens(toks[j].low)) {
		j++
	}
	if j >= len(toks) || toks[j].clause != toks[i].clause || !nounish(toks, j) {
		return noPhrase
	}
	p := phrase{j, j + 1, j}
	for p.end < len(toks) && toks[p.end].clause == toks[i].clause && nounish(toks, p.end) {
		p.head = p.end
		p.end++
	}
	return p
}

// holds reports whether a sentence phrase and a passage phrase share a
// word: some content word or name of sp stands for a word of pp.
func (c *sentenceRead) holds(sp, pp phrase) bool {
	for j := sp.start; j < sp.end; j++ {
		if !c.content[j] && !c.item[j] && !(sayingPlural(c.toks[j].low) && !verbForm(c.toks, j)) {
			continue // "the" matches every "the"
		}
		for _, q := range c.matches[j] {
			if q >= pp.start && q < pp.end {
				return true
			}
		}
	}
	return false
}

// holdsName reports whether, when both a sentence phrase and a passage
// phrase hold names, some name of sp stands for a word of pp: "officials
// from Mar-a-Lago" shares its head with "officials from the National
// Archives", but not the name that says whose officials they are.
func (c *sentenceRead) holdsName(ev *evidence, sp, pp phrase) bool {
	if !named(c.names, sp) || !named(ev.names, pp) {
		return true
	}
	for _, g := range c.names {
		if g.start >= sp.end || g.end <= sp.start {
			continue
		}
		if c.holds(phrase{max(g.start, sp.start), min(g.end, sp.end), g.end - 1}, pp) {
			return true
		}
		for _, h := range ev.names {
			if h.start < pp.end && h.end > pp.start && (sameName(g, h) || aliasOf(g, h) || aliasOf(h, g) || capitalOf(g, h) || capitalOf(h, g)) {
				return true
			}
		}
	}
	return false
}

// elsewhere gives a word of the sentence outside [from, to), other than the
// verb at v, that stands for
// a content word or name of the passage phrase pp, or -1.
func (c *sentenceRead) elsewhere(pp phrase, ev *evidence, from, to, v int) int {
	for j := range c.toks {
		if j >= from && j < to || j == v || !(c.content[j] || c.item[j]) {
			continue
		}
		for _, q := range c.matches[j] {
			if q >= pp.start && q < pp.end && (isContent(ev.toks[q].low) || ev.toks[q].upper) {
				return j
			}
		}
	}
	return -1
}

// named reports whether a phrase holds a name.
func named(names []nameGroup, p phrase) bool {
	for _, g := range names {
		if g.start < p.end && g.end > p.start {
			return true
		}
	}
	return false
}

// verbBetween reports whether the word at i is a verb by where it stands:
// a lower-case word WordNet knows as a verb, right after a name and right
// before a name or a determiner ("Harris beat Moreno", "Acme cut the
// price"), where English leaves room for nothing else. It reads the past
// tenses that look like their base form (beat, cut, hit, put, set).
func verbBetween(toks []token, names []nameGroup, i int) bool {
	if i == 0 || i+1 >= len(toks) || toks[i].upper || !isContent(toks[i].low) || !lexicon.IsVerb(toks[i].low) {
		return false
	}
	after, before := false, determinerOpens(toks[i+1].low)
	for _, g := range names {
		after = after || g.end == i && toks[g.start].clause == toks[i].clause
		before = before || g.start == i+1 && toks[g.start].clause == toks[i].clause
	}
	return after && before
}

// verbFrom reports whether passage word p is where sentence verb i comes
// from: in a passage sentence its clause draws on, or anywhere when none
// of those holds the verb (the clause's other words drew it to another
// sentence, but the verb, and who did it, can only come from where it
// stands).
func (c *sentenceRead) verbFrom(ev *evidence, i, p int) bool {
	if c.inGood(ev, c.segment[i], p) {
		return true
	}
	for _, q := range c.matches[i] {
		if c.inGood(ev, c.segment[i], q) {
			return false
		}
	}
	return true
}

// passiveForm reports whether the verb at i is a passive: with its doer
// after "by", or after a form of "be" ("was released"), but not an -ing
// form ("are traveling" is active).
func passiveForm(toks []token, i int) bool {
	return passiveVerb(toks, i) || i > 0 && beWords[toks[i-1].low] && !strings.HasSuffix(toks[i].low, "ing")
}

// frame is who did what to whom around a verb, as phrases: the doer and
// the one it was done to. In the active voice they are the subject and the
// object; in a passive the phrase after "by" and the subject (a passive
// without "by" has no doer).
type frame struct{ doer, patient phrase }

func frameOf(toks []token, i int) frame {
	if toks[i].upper && !toks[i].first {
		return frame{noPhrase, noPhrase} // a word of a name ("Hot Dog Eating Contest")
	}
	if passiveForm(toks, i) {
		f := frame{noPhrase, grammaticalSubject(toks, i)}
		if start, end := agentAfterBy(toks, i); start >= 0 && !hasDigit(toks[start].low) && !isNumberWord(toks[start].low) && !gerundAt(toks, start) {
			f.doer = phrase{start, end, end - 1}
		}
		return f
	}
	return frame{subjectOf(toks, i), objectOf(toks, i)}
}

// describesDoer reports whether the passage's doer t stands in the
// sentence as the copular complement that describes the sentence's doer of
// the infinitive at i: "Pelosi is the first US House speaker to visit
// Taiwan" says a US House speaker visited, as the passage does.
func (c *sentenceRead) describesDoer(t phrase, ev *evidence, i int) bool {
	p := copularComplement(c.toks, i)
	if !p.ok() {
		return false
	}
	e := c.elsewhere(t, ev, -1, -1, i)
	return e >= p.start && e < p.end
}

// checkSubjects catches a verb given another doer than the passage gives
// it: for a verb of the sentence with a doer (its subject, or in a passive
// the phrase after "by"), and the same verb (or its synonym) in the
// passage sentences its clause comes from:
//   - the passage's doer stands elsewhere in the sentence, and the
//     sentence's doer is in the passage ("NASA released the image, which
//     Biden called …" against "Biden released the image … according to
//     NASA"; "the Avalanche were beaten by the Lightning" against "the
//     Avalanche beat the Lightning"), or
//   - the sentence's doer is the one the passage's verb is done to
//     ("Durant surpassed James" against "surpassing Kevin Durant").
//
// One of the two phrases must hold a name, and a passage reading that
// agrees (the same doer) clears the verb.
func checkSubjects(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if !c.content[i] || len(c.matches[i]) == 0 || !verbForm(c.toks, i) && !verbBetween(c.toks, c.names, i) || inCompound(c.toks, i) {
			continue
		}
		sf := frameOf(c.toks, i)
		s := sf.doer
		if !s.ok() || personalPronouns[c.toks[s.head].low] || len(c.matches[s.head]) == 0 && !possessedPerson(c.toks, s) || lexicon.IsReciprocal(c.toks[i].low) && !passiveForm(c.toks, i) {
			continue // a reciprocal verb's doer is also the one it was done to ("Ortiz met Varga")
		}
		var found Result
		agrees := false
		apposed := c.apposedTo(s) // "Stitt, a Republican seeking …": what the phrase does, Stitt does
		for _, p := range c.matches[i] {
			if !c.verbFrom(ev, i, p) || !verbForm(ev.toks, p) && !verbBetween(ev.toks, ev.names, p) {
				continue
			}
			pf := frameOf(ev.toks, p)
			t := pf.doer
			switch {
			case t.ok() && !possessedPerson(ev.toks, t) && c.ownerDoes(ev, s, t):
				// "Varga's lawyer filed the motion" where the passage says
				// "Varga filed the motion": the possessive names whose
				// lawyer, not who acted.
				if found.Verdict == "" {
					found, _ = contradicted(KindRole, "the source says %s %s, not %s", spanText(ev.toks, t.start, t.end), ev.toks[p].text, spanText(c.toks, s.start, s.end))
				}
			case t.ok() && c.holds(s, t) && c.holdsName(ev, s, t),
				t.ok() && apposed.ok() && c.holds(apposed, t),
				t.ok() && c.describesDoer(t, ev, i) && (!sf.patient.ok() || !pf.patient.ok() || c.holds(sf.patient, pf.patient)):
				agrees = true
			case t.ok() && personalPronouns[ev.toks[t.head].low]:
			case t.ok() && (standsForAuthor(c.toks, c.names, s) || standsForAuthor(ev.toks, ev.names, t)) && slices.Contains(lexicon.LexFiles(c.toks[i].low, 'v'), "verb.communication"):
				// "according to a statement that condemned the conduct"
				// against "'The Guild condemns the conduct,' the statement
				// said": what a message does, its author does.
			case t.ok() && named(c.names, s) && !named(ev.names, t) && c.describedBefore(ev, s, t):
				// "the company had been slow to adapt" where the passage
				// named Acme before: a definite description refers back.
			case t.ok() && !named(c.names, s) && named(ev.names, t) && c.describesNamedBefore(ev, s, t):
				// "A Department of Education spokesperson said the agency
				// will keep assessing": the sentence's own description
				// refers back to the name it gave before.
			case t.ok() && (named(c.names, s) || named(ev.names, t)) && c.elsewhere(t, ev, s.start, s.end, i) >= 0:
				if found.Verdict == "" {
					found, _ = contradicted(KindRole, "the source says %s %s, not %s", spanText(ev.toks, t.start, t.end), ev.toks[p].text, spanText(c.toks, s.start, s.end))
				}
			case t.ok() && c.crossed(ev, i, p, s, t):
				// Two verbs with their doers swapped, names or not ("the
				// governor vetoed the bill that lawmakers passed" against
				// "lawmakers vetoed the bill that the governor passed").
				if found.Verdict == "" {
					found, _ = contradicted(KindRole, "the source says %s %s, not %s", spanText(ev.toks, t.start, t.end), ev.toks[p].text, spanText(c.toks, s.start, s.end))
				}
			case t.ok() && sf.patient.ok() && pf.patient.ok() && c.holds(s, pf.patient) && c.holds(sf.patient, t):
				// Both turned round, names or not ("the prosecution's witness
				// was questioned by the defense lawyer" against "the
				// defense lawyer's witness was questioned by the
				// prosecution").
				if found.Verdict == "" {
					found, _ = contradicted(KindRole, "the source says %s %s %s, not the other way round", spanText(ev.toks, t.start, t.end), ev.toks[p].text, spanText(ev.toks, pf.patient.start, pf.patient.end))
				}
			case t.ok() && sf.patient.ok() && pf.patient.ok() && named(c.names, s) && named(ev.names, t) && !c.holds(s, t) && !c.holdsName(ev, s, t) &&
				c.holds(sf.patient, pf.patient) && c.holdsName(ev, sf.patient, pf.patient):
				// The same act done to the same one, by another name
				// ("Kemp has endorsed Perdue" against "Trump has endorsed
				// Perdue").
				if found.Verdict == "" {
					found, _ = contradicted(KindRole, "the source says %s %s %s, not %s", spanText(ev.toks, t.start, t.end), ev.toks[p].text, spanText(ev.toks, pf.patient.start, pf.patient.end), spanText(c.toks, s.start, s.end))
				}
			case pf.patient.ok() && sf.patient.ok() && c.holds(s, pf.patient) && named(c.names, s) && !c.holds(sf.patient, pf.patient):
				// A verb with nothing after it in the sentence may say what
				// happened to its subject ("the situation has changed"
				// for "the situation has been altered"), so only one with
				// an object of its own turns the passage's round.
				if found.Verdict == "" {
					found, _ = contradicted(KindRole, "the source says %s %s, not the other way round: %s is the one it was done to",
						ev.toks[p].text, spanText(ev.toks, pf.patient.start, pf.patient.end), spanText(c.toks, s.start, s.end))
				}
			}
		}
		if found.Verdict != "" && !agrees && !c.agreesThroughSynonym(ev, i, s) {
			return found, true
		}
	}
	return Result{}, false
}

// apposedTo gives the name a sentence phrase stands in apposition to, as a
// phrase: "Stitt, a Republican seeking a second term" (the phrase opens
// its clause with an article, right after the name), or noPhrase. The
// apposition names the same one, so what it does the name does.
func (c *sentenceRead) apposedTo(s phrase) phrase {
	k := clauseStart(c.toks, s.start)
	if low := c.toks[k].low; k != s.start || k == 0 || low != "a" && low != "an" && low != "the" {
		return noPhrase
	}
	for _, g := range c.names {
		if g.end == k && c.toks[g.start].sent == c.toks[k].sent {
			return phrase{g.start, g.end, g.end - 1}
		}
	}
	return noPhrase
}

// possessedPerson reports whether phrase p is a person owned by a name
// before it ("Hale's lawyer", "the mayor's wife"): its head is a common
// noun that can name a person, after a possessive in the phrase.
func possessedPerson(toks []token, p phrase) bool {
	if !p.ok() || toks[p.head].upper || !lexicon.CanNamePerson(toks[p.head].low) {
		return false
	}
	for k := p.start; k < p.head; k++ {
		if toks[k].possessive {
			return true
		}
	}
	return false
}

// ownerDoes reports whether the sentence's doer s is a person owned by a
// name ("Hale's lawyer") and the passage's doer t is that name itself
// ("Hale"): two people, the sentence giving the act to the other.
func (c *sentenceRead) ownerDoes(ev *evidence, s, t phrase) bool {
	if !possessedPerson(c.toks, s) || !named(ev.names, t) {
		return false
	}
	for _, g := range c.names {
		if g.start < s.start || g.end > s.head || !c.toks[g.end-1].possessive {
			continue
		}
		for _, h := range ev.names {
			// The passage's doer is the name itself, not "a lawyer for
			// Varga".
			if h.start >= t.start && h.end <= t.end && t.head >= h.start && t.head < h.end && sameName(g, h) {
				return true
			}
		}
	}
	return false
}

// standsForAuthor reports whether phrase p, holding no name, is a message
// that says for its author what it says: its head is a noun whose most
// frequent sense WordNet files under communication ("a statement", "the
// report", "a letter"). Only for a verb of communication ("condemned",
// "said"): "remarks will follow the broadcast" is no one's saying.
func standsForAuthor(toks []token, names []nameGroup, p phrase) bool {
	return !named(names, p) && lexicon.FirstFile(toks[p.head].low, 'n') == "noun.communication"
}

// describedBefore reports whether passage phrase t is a definite
// description ("the company", "the group") that may refer back to the name
// that sentence phrase s holds: "the" and a noun WordNet files under
// groups or people (rag/lexicon LexFiles); the name stands for a passage
// word before t, and for none in t's sentence, where the description
// would be someone else ("The President handed flowers to Zelenska").
func (c *sentenceRead) describedBefore(ev *evidence, s, t phrase) bool {
	if !definiteDescription(ev.toks, t) {
		return false
	}
	for _, g := range c.names {
		if g.start < s.start || g.end > s.end {
			continue
		}
		before := false
		for k := g.start; k < g.end; k++ {
			for _, q := range c.matches[k] {
				if ev.toks[q].sent == ev.toks[t.start].sent {
					return false // "The President handed flowers to Zelenska": the description is another
				}
				before = before || q < t.start
			}
		}
		if before {
			return true
		}
	}
	return false
}

// agreesThroughSynonym reports whether a passage verb that sentence verb i
// stands for through a WordNet synonym only, where the passage also holds
// i's own word elsewhere, has the sentence's doer s for its doer, passive
// read through its "by": "Some Democrats back Walker" restates "Walker …
// is supported by some Democrats" even where the passage also says Walker
// dropped his bid "to back a Democrat". A matching word takes a form of
// itself over its synonyms (evidence.match), and the synonym may be where
// the sentence's statement is.
func (c *sentenceRead) agreesThroughSynonym(ev *evidence, i int, s phrase) bool {
	for _, p := range c.synonymsInGood(ev, i) {
		t := frameOf(ev.toks, p).doer
		if start, end := agentAfter(ev.toks, p, true); !t.ok() && passiveForm(ev.toks, p) && start >= 0 {
			t = phrase{start, end, end - 1} // "is supported by some Democrats"
		}
		if t.ok() && c.holds(s, t) {
			return true
		}
	}
	return false
}

// synonymsInGood gives the verbs of the passage sentences sentence word i's
// clause comes from that i stands for through a WordNet synonym or
// derivation (evidence.bySyn), which c.matches leaves out when the passage
// also holds a form of i itself.
func (c *sentenceRead) synonymsInGood(ev *evidence, i int) []int {
	var out []int
	for _, f := range forms(c.toks[i].low) {
		for _, p := range ev.bySyn[f] {
			if c.inGood(ev, c.segment[i], p) && verbForm(ev.toks, p) && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// crossed reports whether the doers of two verbs are swapped: the passage
// gives verb p the doer t where the sentence's verb i has s, and the
// sentence gives another verb the doer t where the passage, in the same
// sentence as p, gives that verb the doer s.
func (c *sentenceRead) crossed(ev *evidence, i, p int, s, t phrase) bool {
	for k := range c.toks {
		if k == i || !c.content[k] || !verbForm(c.toks, k) && !verbBetween(c.toks, c.names, k) {
			continue
		}
		sk := frameOf(c.toks, k).doer
		if !sk.ok() || sk.head == s.head || !c.holds(sk, t) {
			continue
		}
		for _, q := range c.matches[k] {
			if q == p || ev.toks[q].sent != ev.toks[p].sent {
				continue
			}
			if tq := frameOf(ev.toks, q).doer; tq.ok() && c.holds(s, tq) {
				return true
			}
		}
	}
	return false
}

// nominalParty are the prepositions after a noun that name the other party
// of the act it names, when its doer stands before it ("Acme's lawsuit
// against Globex", "the mayor's letter to the council", "Acme's purchase of
// Globex"): a closed class. "with" and "between" are left out: they join
// two parties alike ("talks with").
var nominalParty = wordSet("against over to for from of on")

// checkNominals catches the parties of a noun turned round: "A's N against
// B" where the passage says "B's N against A" (or "N of A by B"), for the
// same noun or a synonym, in the passage sentences the clause comes from.
func checkNominals(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if !c.content[i] || len(c.matches[i]) == 0 || verbForm(c.toks, i) {
			continue
		}
		a, b := nominalParties(c.toks, c.names, i)
		apposed := false
		if a == nil {
			a, b = appositionParties(c.toks, c.names, i)
			apposed = true
		}
		if a == nil || b == nil || sameName(*a, *b) {
			continue
		}
		for _, p := range c.matches[i] {
			if !c.inGood(ev, c.segment[i], p) {
				continue
			}
			inSent := ev.namesBySent[ev.toks[p].sent]
			pa, pb := nominalParties(ev.toks, inSent, p)
			if of, by := nominalRoles(ev.toks, inSent, p); by != nil {
				pa, pb = by, of
			} else if !apposed && pa == nil && verbForm(ev.toks, p) {
				// "Hale's endorsement of Okafor" against "Okafor endorsed
				// Hale": the verb the noun is derived from, with its doer
				// and the one it was done to.
				pa, pb = roleNames(ev.toks, inSent, p)
			}
			if apposed {
				pa, pb = appositionParties(ev.toks, inSent, p)
				if pa != nil && pb != nil && sameName(*a, *pb) && sameName(*b, *pa) && !sameName(*a, *pa) {
					return contradicted(KindRole, "the source says %s is %s's %s, not the other way round", nameText(ev.toks, *pb), nameText(ev.toks, *pa), ev.toks[p].text)
				}
				continue
			}
			if pa != nil && pb != nil && sameName(*a, *pb) && sameName(*b, *pa) && !sameName(*a, *pa) {
				if verbForm(ev.toks, p) {
					return contradicted(KindRole, "the source says %s %s %s, not the other way round", nameText(ev.toks, *pa), ev.toks[p].text, nameText(ev.toks, *pb))
				}
				return contradicted(KindRole, "the source says %s's %s %s %s, not the other way round", nameText(ev.toks, *pa), ev.toks[p].text, ev.toks[p+1].text, nameText(ev.toks, *pb))
			}
		}
	}
	return Result{}, false
}

// appositionParties reads a noun with its possessor and a name set beside
// it between commas: "Ruiz, Garcia's lawyer," and "Garcia's lawyer, Ruiz,"
// give Garcia as the possessor and Ruiz as the one the noun names; nils
// otherwise.
func appositionParties(toks []token, names []nameGroup, i int) (possessor, named *nameGroup) {
	for k := range names {
		if names[k].end == i {
			possessor = &names[k]
		}
	}
	if possessor == nil {
		return nil, nil
	}
	for k := range names {
		g := &names[k]
		before := g.end == possessor.start && toks[g.start].clause != toks[possessor.start].clause
		after := g.start == i+1 && toks[g.start].clause != toks[i].clause
		if before || after {
			return possessor, g
		}
	}
	return nil, nil
}

// onlyFigures reports whether the words in [from, to) are all figures.
func onlyFigures(toks []token, from, to int) bool {
	for j := from; j < to; j++ {
		if !hasDigit(toks[j].low) && !isNumberWord(toks[j].low) {
			return false
		}
	}
	return true
}

// possessivePronouns stand for the doer of the noun they precede (a closed
// class).
var possessivePronouns = wordSet("its his her their")

// nominalParties gives the name just before the noun at i (its doer:
// "Acme's lawsuit", or through "its" the nearest name before) and the name after the preposition that follows it (the
// other party: "against Globex"), or nils.
func nominalParties(toks []token, names []nameGroup, i int) (doer, other *nameGroup) {
	if i+1 >= len(toks) || !nominalParty[toks[i+1].low] || toks[i+1].clause != toks[i].clause {
		return nil, nil
	}
	possessive := i > 0 && possessivePronouns[toks[i-1].low]
	for k := range names {
		g := &names[k]
		switch {
		case g.end == i || g.end < i && i-g.end <= 2 && onlyFigures(toks, g.end, i):
			doer = g // "Acme's lawsuit", "Chelsea's 2-1 win"
		case possessive && g.end < i && i-g.end <= roleWindow && toks[g.start].sent == toks[i].sent:
			doer = g // "Acme dropped its lawsuit against …": its is Acme's
		case g.start > i+1 && g.start <= i+3 && toks[g.start].clause == toks[i].clause && other == nil:
			other = g
		}
	}
	if doer == nil || other == nil {
		return nil, nil
	}
	return doer, other
}

// checkComparisons catches the two sides of a comparison swapped: "A ate
// more than B" where the passage compares the other way. The name after
// "than" in the passage, where the words before "than" match the
// sentence's, is the name before it in the sentence.
func checkComparisons(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if t.low != "than" || i == 0 {
			continue
		}
		after, before := nameAfter(c.toks, c.names, i), nameBefore(c.toks, c.names, i)
		if before == nil {
			continue
		}
		// A passage comparison with the sentence's own name after "than"
		// clears it: "3,200 years older than Tutankhamen and 2,000 years
		// older than the pyramids" holds both.
		var found Result
		agrees := false
		for q, u := range ev.toks {
			if u.low != "than" || !c.inGood(ev, c.segment[i], q) || !c.compared(i, q) {
				continue
			}
			other := nameAfter(ev.toks, ev.namesBySent[u.sent], q)
			if after == nil {
				// "HBO's service is cheaper than the most popular plan"
				// against "that plan is cheaper than HBO": the name the
				// sentence compares is what the passage compares with.
				// The sentence's other side is a noun phrase with its
				// determiner ("less than three years", "than you are"
				// compare no thing).
				if other != nil && sameName(*other, *before) && determinerAfter(c.toks, i) && found.Verdict == "" {
					found, _ = contradicted(KindRole, "the source compares with %s, not %s", nameText(ev.toks, *other), spanText(c.toks, i+1, min(len(c.toks), i+4)))
				}
				continue
			}
			agrees = agrees || other != nil && sameName(*other, *after)
			if other != nil && sameName(*other, *before) && !sameName(*other, *after) && found.Verdict == "" {
				found, _ = contradicted(KindRole, "the source compares with %s, not %s", nameText(ev.toks, *other), nameText(c.toks, *after))
			}
		}
		if !agrees && found.Verdict != "" {
			return found, true
		}
	}
	return Result{}, false
}

// compared reports whether the words just before "than" at sentence i and
// passage q match: the same thing is compared.
func (c *sentenceRead) compared(i, q int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		for _, p := range c.matches[j] {
			if p < q && p >= q-3 {
				return true
			}
		}
	}
	return false
}

// nameAfter gives the name that follows the word at i in its sentence,
// within a few words (past "his closest competitor,"), or nil.
func nameAfter(toks []token, names []nameGroup, i int) *nameGroup {
	for k := range names {
		g := &names[k]
		if g.start > i && g.start-i <= 5 && toks[g.start].sent == toks[i].sent {
			return g
		}
	}
	return nil
}

// determinerAfter reports whether a determiner follows the word at i in
// its clause: "the", "a", "an", a demonstrative or a possessive.
func determinerAfter(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].clause != toks[i].clause {
		return false
	}
	n := toks[i+1].low
	return determinerOpens(n) || possessivePronouns[n]
}

// nameBefore gives the nearest name before the word at i in its sentence,
// within roleWindow words, or nil.
func nameBefore(toks []token, names []nameGroup, i int) *nameGroup {
	var out *nameGroup
	for k := range names {
		g := &names[k]
		if g.end <= i && i-g.end < 2*roleWindow && toks[g.start].sent == toks[i].sent {
			out = g
		}
	}
	return out
}

// describesNamedBefore reports whether sentence phrase s is a definite
// description ("the agency", "the company": "the" and a noun WordNet files
// under groups or people) of the name that passage phrase t holds, which
// the sentence gives before s.
func (c *sentenceRead) describesNamedBefore(ev *evidence, s, t phrase) bool {
	if !definiteDescription(c.toks, s) {
		return false
	}
	for _, h := range ev.names {
		if h.start < t.start || h.end > t.end {
			continue
		}
		for _, g := range c.names {
			if g.end <= s.start && c.toks[g.start].sent == c.toks[s.start].sent && (sameName(g, h) || aliasOf(g, h)) {
				return true
			}
		}
	}
	return false
}

// definiteDescription reports whether phrase p is a short definite
// description of a group or a person ("the company", "the agency", "the
// new coach"): "the", at most three words, and a head noun WordNet files
// under groups or people.
func definiteDescription(toks []token, p phrase) bool {
	if p.head <= p.start || toks[p.start].low != "the" || p.end-p.start > 3 {
		return false
	}
	kinds := lexicon.LexFiles(toks[p.head].low, 'n')
	return slices.Contains(kinds, "noun.group") || slices.Contains(kinds, "noun.person")
}
