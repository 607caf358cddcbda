package quote

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// ambiguousAntecedent reports whether "he" or "she" at pos cannot be
// resolved to p, the person salience picks, because the sentence that
// names p names another person too, the article gives neither a gender,
// and the words the pronoun's sentence quotes speak of someone of the
// other gender ("Mayor Ada Lund met Governor Tom Reece. “She has done a
// great job,” he said."). The quoted pronoun then means one of the two
// and the speaker the other, and nothing in the article says which:
// giving the words to the sentence's subject would be a guess, so they
// are given to no one.
func (x *quoteExtractor) ambiguousAntecedent(pronoun string, pos int, p personMention) bool {
	g := pronounGender(pronoun)
	name := x.canonical(p.name)
	if g == genderUnknown || x.gender[name] != genderUnknown {
		return false
	}
	ps, pe := x.sentenceAround(p.at)
	rival := false
	for _, q := range x.people[x.peopleFrom(ps):] {
		if q.start >= pe || q.end > pos {
			break
		}
		if c := x.canonical(q.name); c != name && !q.possessive && x.gender[c] == genderUnknown {
			rival = true
			break
		}
	}
	if !rival {
		return false
	}
	s, e := x.sentenceAround(pos)
	for _, sp := range x.spans {
		if sp.end <= s || sp.open >= e {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(x.body[sp.textStart:sp.textEnd])) {
			if og := pronounGender(strings.Trim(w, ".,;:!?\"'’”“()")); og != genderUnknown && og != g {
				return true
			}
		}
	}
	return false
}

// documentRelayer returns the document a sentence says its account comes
// from ("…, according to the affidavit", "according to court records"):
// the head of the noun phrase after "according to", lower case and a noun
// whose first sense WordNet files under noun.communication. A person's
// words told in such a sentence reach the reader through the document,
// narrated by it, and are relayed by it, not given as the person's own.
func documentRelayer(text string) string {
	lower := strings.ToLower(text)
	for at := 0; ; {
		k := strings.Index(lower[at:], "according to ")
		if k < 0 {
			return ""
		}
		at += k + len("according to ")
		var words []string
		for _, w := range strings.Fields(text[at:]) {
			bare := strings.TrimRight(w, ".,;:!?")
			if !isLowerWord(bare) || prepositions[bare] || len(words) == 4 {
				break
			}
			words = append(words, bare)
			if bare != w {
				break
			}
		}
		if len(words) == 0 || determiners[words[len(words)-1]] {
			continue
		}
		head := words[len(words)-1]
		if files := nounFiles(head); len(files) > 0 && files[0] == "noun.communication" {
			return strings.Join(words, " ")
		}
	}
}

// swallowedAttribution reports whether a quotation left open at the end
// of its paragraph (its closing mark missing, and no quoted paragraph
// after it to carry it on) holds the reporter's attribution in its last
// sentence: ", Saif told CNN." after the words, one to four capitalised
// words and a verb of saying. The writer forgot the closing mark, so the
// span mixes someone's words with the reporter's and names its own
// speaker inside the masked text, where the attribution cannot read it:
// it is given to no one rather than to an earlier speaker.
func (x *quoteExtractor) swallowedAttribution(sp quoteSpan) bool {
	if sp.end != sp.textEnd {
		return false
	}
	text := strings.TrimRight(x.body[sp.textStart:sp.textEnd], " \t\n.")
	c := strings.LastIndex(text, ", ")
	if c < 0 {
		return false
	}
	words := strings.Fields(text[c+2:])
	for k, w := range words {
		lw := strings.ToLower(w)
		if k > 0 && (speechVerbs[lw] || reportingPast(lw)) {
			return true
		}
		if k == 4 || !isTitleCase(strings.TrimRight(w, "’'s")) {
			return false
		}
	}
	return false
}

// fills reports whether a person the article describes can be meant by a
// description's head. A head that names someone speaking for others ("the
// official", "the spokesperson", "the source": proxyHeads) takes only a
// person the article gave that very role or a synonym of it; a president
// or a minister is an official by WordNet's hypernyms, but "the official
// said" in news is someone else, whom the article leaves unnamed. Any
// other head is matched as holds matches it.
func (pr profile) fills(head string) bool {
	if !proxyHeads[head] {
		return pr.holds(head)
	}
	for _, r := range pr.roles {
		if r == head || lexicon.AreSynonyms(r, head) {
			return true
		}
	}
	return false
}

// definiteName reports whether a run of capitalised words read as a
// person's name stands straight after the definite article with no title
// of its own: "the Indianapolis Star", "the Columbus Dispatch", "the
// Golden State Warriors". English sets no article before a person's name;
// the article goes with a title ("the Rev. Ada Lund") or a modifier
// before the name ("the late Ada Lund", where the run does not follow
// "the").
func definiteName(masked string, start int, definite bool, p personMention) bool {
	if p.title != "" || strings.Contains(p.name, ".") {
		return false
	}
	return definite || afterWord(masked, start, "the")
}

// mainClauseStart returns where the main clause of the sentence at
// sentStart begins, before pos: just past the comma that closes an
// adverbial clause the sentence opens with a subordinating conjunction
// ("After Ada Lund spoke on Monday, Tom Reece walked out, saying …"), or
// sentStart when it opens with none, or when nothing but the participle's
// own comma follows that clause.
func (x *quoteExtractor) mainClauseStart(sentStart, pos int) int {
	lead := x.masked[sentStart:pos]
	if first := strings.ToLower(firstWord(lead)); !subordinators[first] && first != "once" {
		return sentStart
	}
	c := strings.IndexByte(lead, ',')
	if c < 0 || strings.Trim(lead[c+1:], " ,") == "" {
		return sentStart
	}
	return sentStart + c + 1
}

// documentSubject returns the document that reports, with a verb of
// saying before pos in the sentence from s, the clause a person's words
// stand in: "The affidavit says Reece told his neighbour to “…”". The
// subject's head is lower case and a noun whose first WordNet sense is in
// noun.communication, as in documentRelayer.
func (x *quoteExtractor) documentSubject(s, pos int) string {
	for _, sa := range x.speech {
		if sa.verbStart < s || sa.verbStart >= pos || sa.subjStart >= sa.subjEnd || sa.ref.person {
			continue
		}
		np := strings.TrimSpace(x.masked[sa.subjStart:sa.subjEnd])
		head := strings.ToLower(lastField(np))
		if !isLowerWord(head) {
			continue
		}
		if files := nounFiles(head); len(files) > 0 && files[0] == "noun.communication" {
			return np
		}
	}
	return ""
}
